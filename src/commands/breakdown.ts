// `ctx-monitor breakdown [--json]`: the same object get_context_breakdown returns.
import { createBreakdownDeps, readContextBreakdown, type ContextBreakdown } from "../context/breakdown/read-breakdown.ts";
import { exactNumber } from "../context/format.ts";
import { createUsageDeps } from "../context/read-usage.ts";
import { printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions, type Command } from "../cli/command.ts";

export const breakdownCommand: Command = {
  name: "breakdown",
  summary: "what fills the context: categories, the largest items, repeated reads, advice",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const ownTools = async () => (await import("../tools/list-own-tools.ts")).listOwnTools(context.runtime);
    const deps = createBreakdownDeps(context.runtime, createUsageDeps(context.runtime), ownTools);
    printResult(context, await readContextBreakdown(selectionFrom(context.values), deps), describeBreakdown);
    return 0;
  },
};

/** 40 cells for the whole window; anything that holds tokens gets at least a thin mark. */
const bar = (tokens: number, window: number) => {
  const cells = (tokens / Math.max(1, window)) * 40;
  return cells >= 0.5 ? "█".repeat(Math.round(cells)) : tokens > 0 ? "▏" : "";
};
const percent = (value: number, tokens: number) => (value === 0 && tokens > 0 ? "<0.1%" : `${value}%`);

export function describeBreakdown(breakdown: ContextBreakdown): string {
  const width = Math.max(...breakdown.categories.map((category) => category.name.length));
  const lines = [breakdown.summary, ""];
  for (const category of breakdown.categories) {
    const figure = `${category.estimated ? "~" : " "}${exactNumber(category.tokens).padStart(9)}`;
    lines.push(`  ${category.name.padEnd(width)} ${figure}  ${percent(category.percentOfWindow, category.tokens).padStart(6)}  ${bar(category.tokens, breakdown.contextWindow)}`);
  }
  lines.push(`  ${"".padEnd(width, "─")}`, `  ${"used".padEnd(width)}  ${exactNumber(breakdown.usedTokens).padStart(9)}  (~ = estimated split)`, "");
  if (breakdown.topItems.length) {
    lines.push("  largest items");
    for (const item of breakdown.topItems.slice(0, 10)) lines.push(`    ${exactNumber(item.tokens).padStart(9)}  ${item.label}${item.turn ? `  (prompt ${item.turn})` : ""}`);
  }
  if (breakdown.repeatedReads.length) {
    lines.push("", "  read more than once");
    for (const read of breakdown.repeatedReads.slice(0, 5)) lines.push(`    ${exactNumber(read.tokens).padStart(9)}  ${read.path} ×${read.reads}`);
  }
  if (breakdown.lastCompaction) {
    const { preTokens, postTokens, trigger } = breakdown.lastCompaction;
    lines.push("", `  last compaction (${trigger ?? "?"}): ${exactNumber(preTokens ?? 0)} → ${exactNumber(postTokens ?? 0)} tokens`);
  }
  if (breakdown.advice.length) lines.push("", ...breakdown.advice.map((line) => `  • ${line}`));
  if (breakdown.skippedLines) lines.push("", `  ${breakdown.skippedLines} transcript lines could not be read and were passed by`);
  return lines.join("\n");
}
