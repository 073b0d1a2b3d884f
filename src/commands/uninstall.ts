// `ctx-monitor uninstall [--project] [--dry-run] [--keep-data] [--statusline-only]`: takes out exactly
// what install put in, then its backups and its state folder (unless --keep-data), so nothing of
// ctx-monitor's is left that was not there before; handoffs stay, they are the user's.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { claudeConfigDir, ctxMonitorStateDir, STATE_DIR_SETTING } from "../claude/paths.ts";
import { applyChange, backupPath, checkWritable, describeChanges } from "../integration/install/apply.ts";
import { planUninstall } from "../integration/install/install-plan.ts";
import type { Command } from "./command.ts";
import { scopeOptions } from "./install.ts";

export const uninstallCommand: Command = {
  name: "uninstall",
  summary: "remove what install added, its backups and its state (user scope, or --project)",
  synopsis: "[--project] [--dry-run] [--keep-data] [--statusline-only]",
  options: { ...scopeOptions, "keep-data": { type: "boolean" }, "statusline-only": { type: "boolean" } },
  async run(context) {
    const { values, runtime, out } = context;
    const dryRun = values["dry-run"] === true;
    const statuslineOnly = values["statusline-only"] === true;
    const plan = planUninstall(runtime, { project: values.project ? runtime.cwd : null }, { statuslineOnly });
    const backups = plan.files.map((file) => backupPath(file.path)).filter((path) => existsSync(path));
    const stateDir = ctxMonitorStateDir(runtime);
    // Safety: only the folder ctx-monitor chose itself is removed whole; a configured one may hold anything.
    const ownFolder = stateDir === join(claudeConfigDir(runtime), "ctx-monitor");
    const removeState =
      ownFolder && !statuslineOnly && !values.project && values["keep-data"] !== true && existsSync(stateDir);
    const lines = [describeChanges(plan.files, plan.notes, dryRun, false)];
    if (!dryRun) {
      checkWritable(plan.files, false);
      for (const file of plan.files) applyChange(file, false);
      for (const path of backups) rmSync(path, { force: true });
      if (removeState) rmSync(stateDir, { recursive: true, force: true });
    }
    const verb = dryRun ? "would remove" : "removed";
    for (const path of backups) lines.push(`${verb} install's backup ${path}`);
    if (removeState) lines.push(`${verb} ctx-monitor's state folder ${stateDir} (sessions seen, hook log, capture)`);
    else if (!ownFolder && !statuslineOnly && existsSync(stateDir))
      lines.push(
        `kept ctx-monitor's state folder ${stateDir} (chosen by ${STATE_DIR_SETTING}): remove it yourself if you wish`,
      );
    else if (values["keep-data"] === true && existsSync(stateDir))
      lines.push(`kept ctx-monitor's state folder ${stateDir} (--keep-data): sessions seen, hook log, capture`);
    if (!statuslineOnly)
      lines.push(
        "Handoffs stay in each project's .claude/handoffs/ (they are yours). Installed from a clone: `npm uninstall -g ctx-monitor` removes the command.",
      );
    out.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};
