// `ctx-monitor breakdown [--json]`: the same object get_context_breakdown returns.
import { createBreakdownDeps, readContextBreakdown } from "../context/breakdown/read-breakdown.ts";
import { describeBreakdown } from "../present/breakdown.ts";
import { createUsageDeps } from "../context/read-usage.ts";
import { printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions, type Command } from "../cli/command.ts";

export const breakdownCommand: Command = {
  name: "breakdown",
  summary: "what fills the context: categories, the largest items, repeated reads, advice",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    // The server (and the MCP SDK with it) is loaded only when the session called one of ctx-monitor's tools.
    const ownTools = async () => (await (await import("../server.ts")).ownToolsOf(context.runtime))();
    const deps = createBreakdownDeps(context.runtime, createUsageDeps(context.runtime), ownTools);
    printResult(context, await readContextBreakdown(selectionFrom(context.values), deps), describeBreakdown);
    return 0;
  },
};
