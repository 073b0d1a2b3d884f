// Build-time only (never bundled): the Claude Code plugin in plugin/ carries the built CLI, since Claude
// Code builds nothing when it installs a plugin. What it carries is exactly what `npm run build` puts in
// dist/ and the installed executable can load (dist/ also keeps stale chunks of earlier builds), and its
// hooks.json names every hook event the CLI handles; `npm run plugin` writes both, and a test holds them
// to what the current source builds.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HOOKS } from "../integration/install/wiring.ts";

/** The plugin's folder in the repository, and where its copy of the build lives. */
export const PLUGIN_DIR = "plugin";
export const PLUGIN_DIST = join(PLUGIN_DIR, "dist");
/** The license notices of what the bundle carries travel with it. */
const ALWAYS = ["THIRD_PARTY_NOTICES.md"];
const ENTRY = "bin.cjs";
/** A file name of dist/ quoted in the code ("cli.js", "./chunk-X.js"): a module the code can load. */
const QUOTED_FILE = /["'](?:\.\/)?([\w.-]+\.(?:c?js|mjs))["']/g;

/** The files of a build folder the installed executable can load, from bin.cjs on, with their bytes. */
export function runtimeFiles(distDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const queue = [ENTRY];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (files.has(name)) continue;
    const bytes = readFileSync(join(distDir, name));
    files.set(name, bytes);
    for (const [, quoted] of bytes.toString("utf8").matchAll(QUOTED_FILE))
      if (quoted && !files.has(quoted) && existsSync(join(distDir, quoted))) queue.push(quoted);
  }
  for (const name of ALWAYS) files.set(name, readFileSync(join(distDir, name)));
  return files;
}

/** The command a plugin hook runs: the plugin's own copy of the executable, whatever PATH holds. */
export function pluginHookCommand(event: string): string {
  return `node "\${CLAUDE_PLUGIN_ROOT}/dist/${ENTRY}" hook ${event}`;
}

/** hooks/hooks.json: every event the CLI handles, as `ctx-monitor install` registers them. */
export function pluginHooksJson(): string {
  const hooks = Object.fromEntries(
    HOOKS.map(({ event, name }) => [name, [{ hooks: [{ type: "command", command: pluginHookCommand(event) }] }]]),
  );
  return `${JSON.stringify({ description: "ctx-monitor: usage warnings, handoff before compaction", hooks }, null, 2)}\n`;
}

/** What differs between the plugin's files and what they should be: one line each, empty when in step. */
export function pluginDifferences(wanted: ReadonlyMap<string, Buffer>, carried: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of wanted) {
    const have = carried.get(name);
    if (!have) problems.push(`${name} is missing`);
    else if (!have.equals(bytes)) problems.push(`${name} differs`);
  }
  for (const name of carried.keys()) if (!wanted.has(name)) problems.push(`${name} is not part of the build`);
  return problems;
}
