// `ctx-monitor install [--project] [--dry-run] [--statusline] [--statusline-only] [--capture]`: wires
// ctx-monitor into Claude Code, the MCP server (user scope, as `claude mcp add --scope user` does, or the
// project's .mcp.json), the hooks and the statusline. For the user: absolute paths of node and of this
// CLI; for a project, whose files a team commits: `ctx-monitor` from PATH, nothing of this machine.
import { existsSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Runtime } from "../base/runtime.ts";
import { defaultBodiesDir, ensurePrivateDir } from "../capture/paths.ts";
import { enabledPlugin, runningAsPlugin } from "../claude/plugin-presence.ts";
import { applyChange, checkWritable, describeChanges, isChange } from "../integration/install/apply.ts";
import { planInstall, rememberReplacedStatusline } from "../integration/install/install-plan.ts";
import { SettingsFileError } from "../integration/install/json-text.ts";
import { type Executables, ON_PATH } from "../integration/install/wiring.ts";
import type { Command } from "./command.ts";

/** The installed executable (dist/bin.cjs), found beside this module in dist/ or from src/. */
function installedExecutables(runtime: Runtime): Executables {
  const here = dirname(fileURLToPath(import.meta.url));
  const cli = [join(here, "bin.cjs"), resolve(here, "..", "..", "dist", "bin.cjs")].find((path) => existsSync(path));
  if (!cli)
    throw new SettingsFileError(
      `cannot find ctx-monitor's built executable (dist/bin.cjs) near ${here}; run \`npm run build\` first`,
    );
  const stateDir = runtime.env.CTX_MONITOR_STATE_DIR?.trim();
  return { node: process.execPath, cli, ...(stateDir ? { stateDir } : {}) };
}

function onPath(runtime: Runtime, name: string): boolean {
  return (runtime.env.PATH ?? "").split(delimiter).some((folder) => folder && existsSync(join(folder, name)));
}

export const scopeOptions = { project: { type: "boolean" }, "dry-run": { type: "boolean" } } as const;

export const installCommand: Command = {
  name: "install",
  summary: "register the MCP server, hooks and statusline with Claude Code (user scope, or --project)",
  synopsis: "[--project] [--dry-run] [--statusline] [--statusline-only] [--capture]",
  options: {
    ...scopeOptions,
    statusline: { type: "boolean" },
    "statusline-only": { type: "boolean" },
    capture: { type: "boolean" },
  },
  async run(context) {
    const { values, runtime, out } = context;
    const dryRun = values["dry-run"] === true;
    const capture = values.capture === true;
    const statuslineOnly = values["statusline-only"] === true;
    const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
    if (plugin && !statuslineOnly)
      throw new SettingsFileError(
        `ctx-monitor is already installed as the Claude Code plugin ${plugin}: a second install would start a second server and run every hook twice; keep the plugin, or \`claude plugin uninstall ${plugin}\` first`,
      );
    const project = values.project ? runtime.cwd : null;
    const plan = planInstall(runtime, { project }, project ? ON_PATH : installedExecutables(runtime), {
      statusline: values.statusline === true,
      capture,
      statuslineOnly,
    });
    if (project && !onPath(runtime, ON_PATH.cli))
      plan.notes.push(
        "the project's files run `ctx-monitor` from PATH, and it is not on this PATH: `npm install -g .` in the clone puts it there",
      );
    if (!dryRun) {
      // Every target checked first: a file that cannot be written leaves the others as they were.
      checkWritable(plan.files, true);
      // Security: the folder that will hold whole conversations exists, owner-only, before Claude Code writes there.
      if (capture) ensurePrivateDir(defaultBodiesDir(runtime));
      for (const file of plan.files) applyChange(file, true);
      if (plan.replacedStatuslines) rememberReplacedStatusline(runtime, plan.replacedStatuslines);
    }
    out.stdout(`${describeChanges(plan.files, plan.notes, dryRun)}\n`);
    if (!dryRun && plan.files.some(isChange))
      out.stdout(
        statuslineOnly
          ? "The statusline shows from the next message on.\n"
          : "Start a new Claude Code session to load them; `claude mcp list` shows the server.\n",
      );
    return 0;
  },
};
