// `ctx-monitor install [--project] [--dry-run] [--statusline]`: wires ctx-monitor into Claude Code, the
// MCP server (user scope, as `claude mcp add --scope user` does, or the project's .mcp.json), the hooks
// and the statusline, with absolute paths of node and of this CLI.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { applyChange, describeChanges, isChange } from "../claude/install/apply.ts";
import { planInstall, rememberReplacedStatusline } from "../claude/install/install-plan.ts";
import { SettingsFileError } from "../claude/install/json-text.ts";
import type { Executables } from "../claude/install/wiring.ts";
import type { Command } from "../cli/command.ts";
import { defaultBodiesDir, ensurePrivateDir } from "../capture/paths.ts";

/** The installed executable (dist/bin.cjs), found beside this module in dist/ or from src/. */
function installedExecutables(): Executables {
  const here = dirname(fileURLToPath(import.meta.url));
  const cli = [join(here, "bin.cjs"), resolve(here, "..", "..", "dist", "bin.cjs")].find((path) => existsSync(path));
  if (!cli)
    throw new SettingsFileError(
      `cannot find ctx-monitor's built executable (dist/bin.cjs) near ${here}; run \`npm run build\` first`,
    );
  return { node: process.execPath, cli };
}

export const scopeOptions = { project: { type: "boolean" }, "dry-run": { type: "boolean" } } as const;

export const installCommand: Command = {
  name: "install",
  summary: "register the MCP server, hooks and statusline with Claude Code (user scope, or --project)",
  synopsis: "[--project] [--dry-run] [--statusline] [--capture]",
  options: { ...scopeOptions, statusline: { type: "boolean" }, capture: { type: "boolean" } },
  async run(context) {
    const { values, runtime, out } = context;
    const dryRun = values["dry-run"] === true;
    const capture = values.capture === true;
    const plan = planInstall(runtime, { project: values.project ? runtime.cwd : null }, installedExecutables(), {
      statusline: values.statusline === true,
      capture,
    });
    if (!dryRun) {
      // Security: the folder that will hold whole conversations exists, owner-only, before Claude Code writes there.
      if (capture) ensurePrivateDir(defaultBodiesDir(runtime));
      for (const file of plan.files) applyChange(file);
      if (plan.replacedStatusline)
        rememberReplacedStatusline(runtime, plan.replacedStatusline.settingsPath, plan.replacedStatusline.value);
    }
    out.stdout(`${describeChanges(plan.files, plan.notes, dryRun)}\n`);
    if (!dryRun && plan.files.some(isChange))
      out.stdout("Start a new Claude Code session to load them; `claude mcp list` shows the server.\n");
    return 0;
  },
};
