// `ctx-monitor uninstall [--project] [--dry-run]`: takes out exactly what install put in.
import { applyChange, describeChanges } from "../claude/install/apply.ts";
import { planUninstall } from "../claude/install/install-plan.ts";
import type { Command } from "../cli/command.ts";
import { scopeOptions } from "./install.ts";

export const uninstallCommand: Command = {
  name: "uninstall",
  summary: "remove what install added (user scope, or --project)",
  synopsis: "[--project] [--dry-run]",
  options: scopeOptions,
  async run(context) {
    const { values, runtime, out } = context;
    const dryRun = values["dry-run"] === true;
    const plan = planUninstall(runtime, { project: values.project ? runtime.cwd : null });
    if (!dryRun) for (const file of plan.files) applyChange(file);
    out.stdout(`${describeChanges(plan.files, plan.notes, dryRun)}\n`);
    return 0;
  },
};
