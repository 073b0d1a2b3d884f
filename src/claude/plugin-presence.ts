// ctx-monitor can reach Claude Code two ways: as the plugin (`claude plugin install`) and by
// `ctx-monitor install` (settings.json and ~/.claude.json). Both at once would start two servers and
// run every hook twice (two warnings for one crossing), so each side checks for the other.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { claudeConfigDir } from "./paths.ts";

/** True in a process Claude Code started for the plugin (its hooks, its MCP server). */
export function runningAsPlugin(runtime: Runtime): boolean {
  return Boolean(runtime.env.CLAUDE_PLUGIN_ROOT?.trim());
}

/** The enabled plugin's id (`ctx-monitor@<marketplace>`) in the user's settings, or null. */
export function enabledPlugin(runtime: Runtime): string | null {
  let text: string;
  try {
    text = readFileSync(join(claudeConfigDir(runtime), "settings.json"), "utf8");
  } catch {
    return null;
  }
  try {
    const enabled = (JSON.parse(text) as { enabledPlugins?: unknown }).enabledPlugins;
    if (typeof enabled !== "object" || enabled === null) return null;
    const id = Object.entries(enabled).find(([key, on]) => on === true && key.startsWith("ctx-monitor@"))?.[0];
    return id ?? null;
  } catch {
    // Not plain JSON (comments): Claude Code would not read it either.
    return null;
  }
}

/** What the hooks of `ctx-monitor install` say once, at session start, while they stand aside for the plugin. */
export function installedTwiceNotice(pluginId: string): string {
  return `[ctx-monitor] installed twice: as the plugin ${pluginId} and by \`ctx-monitor install\`; the plugin's hooks run and these stay silent. Run \`ctx-monitor uninstall\` to remove the second.`;
}
