// `ctx-monitor breakdown [--json]`: the same object get_context_breakdown returns.
import { readContextBreakdown } from "../context/breakdown/read-breakdown.ts";
import { createBreakdownEntryDeps } from "../deps.ts";
import { describeBreakdown } from "../present/breakdown.ts";
import { type Command, printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions } from "./command.ts";

export const breakdownCommand: Command = {
  name: "breakdown",
  summary: "what fills the context: categories, the largest items, repeated reads, advice",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const deps = createBreakdownEntryDeps(context.runtime);
    printResult(context, await readContextBreakdown(selectionFrom(context.values), deps), describeBreakdown);
    return 0;
  },
};
