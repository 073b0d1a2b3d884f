// The report's sections below the chart, each a small pure function from data to HTML. Every text
// that comes from a transcript or a file name goes through `safe` (redacted, then escaped).

import { exactNumber, roundTokens } from "../../base/format.ts";
import type { ContextBreakdown } from "../../context/breakdown/read-breakdown.ts";
import type { StoredHandoff } from "../../handoff/store.ts";
import type { SessionHandoff } from "../session-handoffs.ts";
import { safe } from "./escape.ts";
import type { CaptureFigures, TimelineSeries } from "./report-data.ts";

const num = (value: number) => `<td class="num">${exactNumber(value)}</td>`;

function table(head: string[], rows: string[], numeric: number[] = []): string {
  const header = head.map((cell, index) => `<th${numeric.includes(index) ? ' class="num"' : ""}>${cell}</th>`).join("");
  return `<table><thead><tr>${header}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Colours by category position, the free space and the auto-compact buffer in their own. */
function categoryColor(name: string, index: number): string {
  if (name === "Free space") return "var(--free)";
  if (name === "Autocompact buffer") return "var(--buffer)";
  return `var(--c${index % 8})`;
}

export function breakdownSection(breakdown: ContextBreakdown): string {
  const window = Math.max(1, breakdown.contextWindow);
  const categories = breakdown.categories.filter((category) => category.tokens > 0);
  const segments = categories
    .map((category, index) => {
      const title = `${category.name}: ${exactNumber(category.tokens)} tokens (${category.percentOfWindow}% of the window)${category.estimated ? ", estimated split" : ""}`;
      return `<div class="breakdown-segment" data-category="${safe(category.name)}" style="width:${((category.tokens / window) * 100).toFixed(3)}%;background:${categoryColor(category.name, index)}" title="${safe(title)}"></div>`;
    })
    .join("");
  const rows = categories.map(
    (category, index) =>
      `<tr><td class="label"><span class="swatch" style="background:${categoryColor(category.name, index)}"></span>${safe(category.name)}</td>` +
      `${num(category.tokens)}<td class="num">${category.percentOfWindow}%</td><td>${category.estimated ? "estimated split" : "measured"}</td></tr>`,
  );
  return (
    `<section id="breakdown"><h2>What fills the context</h2><p>${safe(breakdown.summary)}</p>` +
    `<div class="breakdown-bar" role="img" aria-label="Context window by category">${segments}</div>` +
    table(["category", "tokens", "of window", ""], rows, [1, 2]) +
    `</section>`
  );
}

/**
 * What the lists below count: the items in the context now, so since the last compaction when there
 * was one (a compaction empties them), else the whole session.
 */
export function scopeLine(breakdown: ContextBreakdown): string {
  const last = breakdown.lastCompaction;
  if (!last) return `<p class="note scope">Counted over the whole session (no compaction).</p>`;
  const at =
    last.at && !Number.isNaN(Date.parse(last.at)) ? ` at ${new Date(last.at).toISOString().slice(11, 16)} UTC` : "";
  return `<p class="note scope">Since the last compaction${at}: what is in the context now; earlier reads and calls went with it.</p>`;
}

export function consumersSection(breakdown: ContextBreakdown): string {
  const scope = scopeLine(breakdown);
  const top = breakdown.topItems.map(
    (item) =>
      `<tr><td class="label">${safe(item.label)}</td>${num(item.tokens)}<td>${safe(item.category)}</td><td class="num">${item.turn || "start"}</td></tr>`,
  );
  const repeated = breakdown.repeatedReads.map(
    (read) =>
      `<tr><td class="label">${safe(read.path)}</td><td class="num">×${read.reads}</td>${num(read.tokens)}</tr>`,
  );
  const tools = breakdown.tools.map(
    (tool) => `<tr><td class="label">${safe(tool.name)}</td><td class="num">${tool.calls}</td>${num(tool.tokens)}</tr>`,
  );
  return (
    `<section id="top-consumers"><h2>Top consumers</h2>${scope}` +
    (top.length
      ? table(["item", "tokens", "category", "after prompt"], top, [1, 3])
      : `<p class="note">No items yet.</p>`) +
    `</section><section id="repeated-reads"><h2>Read more than once</h2>${scope}` +
    (repeated.length
      ? table(["file", "reads", "tokens"], repeated, [1, 2])
      : `<p class="note">No file was read twice.</p>`) +
    `</section><section id="tools"><h2>By tool</h2>${scope}` +
    (tools.length
      ? table(["tool", "calls", "tokens (calls and results)"], tools, [1, 2])
      : `<p class="note">No tool calls.</p>`) +
    `</section>`
  );
}

export function compactionsSection(main: TimelineSeries): string {
  const rows = main.marks
    .filter((mark) => mark.kind === "compaction")
    .map(
      (mark) =>
        `<tr><td>${safe(mark.at ?? "?")}</td><td>${safe(mark.trigger ?? "?")}</td>` +
        `<td class="num">${mark.preTokens !== null ? exactNumber(mark.preTokens) : "?"}</td><td class="num">${mark.postTokens !== null ? exactNumber(mark.postTokens) : "?"}</td><td class="num">${mark.afterStep}</td></tr>`,
    );
  if (!rows.length)
    return `<section id="compactions"><h2>Compactions</h2><p class="note">None in this transcript.</p></section>`;
  return `<section id="compactions"><h2>Compactions</h2>${table(["at", "trigger", "before", "after", "after call"], rows, [2, 3, 4])}</section>`;
}

export function handoffsSection(handoffs: SessionHandoff[]): string {
  if (!handoffs.length)
    return `<section id="handoffs"><h2>Handoffs written</h2><p class="note">None for this session.</p></section>`;
  const rows = handoffs.map(
    (handoff) =>
      `<tr><td class="label">${safe(handoff.name)}</td><td>${safe(handoff.kind)}</td>${num(handoff.bytes)}<td>${safe(handoff.modified)}</td></tr>`,
  );
  return `<section id="handoffs"><h2>Handoffs written</h2>${table(["file", "written by", "bytes", "written"], rows, [2])}</section>`;
}

export function captureSection(capture: CaptureFigures | null): string {
  if (!capture) return "";
  const rows = capture.rows.map((row) => `<tr><td>${safe(row.label)}</td><td class="num">${safe(row.value)}</td></tr>`);
  return `<section id="capture"><h2>Captured API traffic</h2><p class="note">${safe(capture.source)}</p>${table(["figure", "value"], rows, [1])}</section>`;
}

export function subagentsSection(subagents: TimelineSeries[]): string {
  if (!subagents.length) return "";
  const rows = subagents.map((series) => {
    const peak = series.steps.reduce((max, step) => Math.max(max, step.total), 0);
    return `<tr><td class="label">${safe(series.label)}</td><td class="num">${series.steps.length}</td><td class="num">${roundTokens(peak)}</td></tr>`;
  });
  return `<section id="subagents"><h2>Subagents</h2>${table(["subagent", "API calls", "peak context"], rows, [1, 2])}</section>`;
}
