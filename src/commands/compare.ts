// `ctx-monitor compare [--json]`: ctx-monitor's breakdown beside Claude Code's own /context, from the
// count_tokens requests of the newest /context run the capture store holds (`ctx-monitor proxy`).

import { readComparison } from "../compare/read-comparison.ts";
import { createBreakdownEntryDeps } from "../deps.ts";
import { describeComparison } from "../present/compare.ts";
import { type Command, printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions } from "./command.ts";

export const compareCommand: Command = {
  name: "compare",
  summary: "ctx-monitor's categories beside /context's, from a /context run the proxy captured",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const comparison = await readComparison(selectionFrom(context.values), createBreakdownEntryDeps(context.runtime));
    printResult(context, comparison, describeComparison);
    return 0;
  },
};
