// `ctx-monitor usage [--json]`: the same object get_context_usage returns.
import { createUsageDeps, readContextUsage } from "../context/read-usage.ts";
import { describeUsage } from "../present/usage.ts";
import { type Command, printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions } from "./command.ts";

export const usageCommand: Command = {
  name: "usage",
  summary: "how full the session's context is, and how long until auto-compact",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const usage = await readContextUsage(selectionFrom(context.values), createUsageDeps(context.runtime));
    printResult(context, usage, describeUsage);
    return 0;
  },
};
