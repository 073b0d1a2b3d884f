// `ctx-monitor breakdown [--json]`: the same object get_context_breakdown returns.
import { createBreakdownDeps, readContextBreakdown, type BreakdownDeps } from "../context/breakdown/read-breakdown.ts";
import type { Runtime } from "../base/runtime.ts";
import { describeBreakdown } from "../present/breakdown.ts";
import { createUsageDeps } from "../context/read-usage.ts";
import { printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions, type Command } from "./command.ts";

/** The breakdown's dependencies in the CLI: the server (and the MCP SDK with it) is loaded only when the session called one of ctx-monitor's tools. */
export function cliBreakdownDeps(runtime: Runtime): BreakdownDeps {
  const ownTools = async () => (await (await import("../server.ts")).ownToolsOf(runtime))();
  return createBreakdownDeps(runtime, createUsageDeps(runtime), ownTools);
}

export const breakdownCommand: Command = {
  name: "breakdown",
  summary: "what fills the context: categories, the largest items, repeated reads, advice",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const deps = cliBreakdownDeps(context.runtime);
    printResult(context, await readContextBreakdown(selectionFrom(context.values), deps), describeBreakdown);
    return 0;
  },
};
