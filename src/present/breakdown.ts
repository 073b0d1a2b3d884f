// get_context_breakdown as the CLI shows it: the model's one line, a table of categories with bars
// (percent of the window), the largest items, repeated reads and advice.

import { exactNumber } from "../base/format.ts";
import type { ContextBreakdown } from "../context/breakdown/read-breakdown.ts";
import { PLAIN, paint, type Style, statusTone, wrap } from "./terminal.ts";
import { padEnd, widest } from "./width.ts";

const BAR_CELLS = 40;

/** Anything that holds tokens gets at least a thin mark. */
function bar(style: Style, tokens: number, window: number): string {
  const cells = (tokens / Math.max(1, window)) * BAR_CELLS;
  const [full, thin] = style.unicode ? ["█", "▏"] : ["#", "."];
  return cells >= 0.5 ? full.repeat(Math.round(cells)) : tokens > 0 ? thin : "";
}

const percent = (value: number, tokens: number) => (value === 0 && tokens > 0 ? "<0.1%" : `${value}%`);

/** Which parts count_tokens measured, and why the others were not: the `~` above says no more. */
function captureLines(capture: ContextBreakdown["capture"]): string[] {
  if (!capture?.parts.length) return [];
  const measured = capture.parts.filter((part) => part.tokens !== null).map((part) => part.part);
  const lines = measured.length ? [`  measured with count_tokens: ${measured.join(", ")}`] : [];
  for (const part of capture.parts)
    if (part.tokens === null) lines.push(`  not measured: ${part.part} (${part.said ?? "no figure"})`);
  return [...lines, ""];
}

export function describeBreakdown(breakdown: ContextBreakdown, style: Style = PLAIN): string {
  const width = Math.max(widest(breakdown.categories.map((category) => category.name)), "category".length);
  const lines = [wrap(style, breakdown.summary), "", `  ${padEnd("category", width)}     tokens  of window`];
  for (const category of breakdown.categories) {
    const figure = `${category.estimated ? "~" : " "}${exactNumber(category.tokens).padStart(9)}`;
    const cells = bar(style, category.tokens, breakdown.contextWindow);
    const tone =
      category.name === "Free space" || category.name === "Autocompact buffer" ? "dim" : statusTone(breakdown.status);
    lines.push(
      `  ${padEnd(category.name, width)} ${figure}  ${percent(category.percentOfWindow, category.tokens).padStart(8)}  ${paint(style, tone, cells)}`,
    );
  }
  const rule = style.unicode ? "─" : "-";
  lines.push(
    `  ${rule.repeat(width)}`,
    `  ${padEnd("used", width)}  ${exactNumber(breakdown.usedTokens).padStart(9)}  (~ = estimated split)`,
    "",
  );
  lines.push(...captureLines(breakdown.capture));
  if (breakdown.topItems.length) {
    lines.push("  largest items");
    for (const item of breakdown.topItems.slice(0, 10))
      lines.push(
        `    ${exactNumber(item.tokens).padStart(9)}  ${item.label}${item.turn ? `  (prompt ${item.turn})` : ""}`,
      );
  }
  if (breakdown.repeatedReads.length) {
    lines.push("", "  read more than once");
    for (const read of breakdown.repeatedReads.slice(0, 5))
      lines.push(`    ${exactNumber(read.tokens).padStart(9)}  ${read.path} ×${read.reads}`);
  }
  if (breakdown.lastCompaction) {
    const { preTokens, postTokens, trigger } = breakdown.lastCompaction;
    lines.push(
      "",
      `  last compaction (${trigger ?? "?"}): ${exactNumber(preTokens ?? 0)} → ${exactNumber(postTokens ?? 0)} tokens`,
    );
  }
  if (breakdown.advice.length) lines.push("", ...breakdown.advice.map((line) => `  • ${wrap(style, line, "    ")}`));
  if (breakdown.skippedLines)
    lines.push("", `  ${breakdown.skippedLines} transcript lines could not be read and were passed by`);
  return lines.join("\n");
}
