// The watch's full screen as lines, from a view and the terminal's size: a header, the gauge (a bar
// with the auto-compact point marked, coloured by status), what is left, the alert, then the newest
// steps with what each added and by which tool, with compactions and handoffs between them. Pure.
import { exactNumber, roundTokens } from "../../base/format.ts";
import { countdownWords } from "../../present/limit-words.ts";
import { OWN_MARK } from "../../present/safe-text.ts";
import type { TimelineMark, TimelineStep } from "../../transcript/response-timeline.ts";
import type { SessionHandoff } from "../session-handoffs.ts";
import type { Paint } from "./colors.ts";
import type { WatchView } from "./view.ts";

interface Screen {
  columns: number;
  rows: number;
}

/** Fits text to `width` columns (one column per code point: what transcripts hold is mostly ASCII). */
export function fit(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join("") : `${chars.slice(0, width - 1).join("")}…`;
}

export function clock(at: string | null): string {
  if (!at) return "--:--:--";
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "--:--:--" : date.toTimeString().slice(0, 8);
}

function gaugeBar(view: WatchView, width: number, paint: Paint): string {
  const { usage } = view;
  const cells = Math.max(10, width);
  const scale = (tokens: number) => Math.min(cells, Math.round((tokens / Math.max(1, usage.contextWindow)) * cells));
  const filled = scale(usage.usedTokens);
  const marker = usage.autocompactAt === null ? -1 : Math.min(cells - 1, scale(usage.autocompactAt));
  let rest = "";
  for (let cell = filled; cell < cells; cell++) rest += cell === marker ? "│" : "░";
  return `${paint.status(usage.status, "█".repeat(filled))}${paint.dim(rest)}`;
}

function leftLine(view: WatchView): string {
  const { usage } = view;
  const approx = usage.estimated ? "~" : "";
  return `${approx}${exactNumber(usage.usedTokens)} / ${exactNumber(usage.contextWindow)} · ${countdownWords(usage)}`;
}

export function stepLine(step: TimelineStep): string {
  const added = step.added === null ? "" : `${step.added >= 0 ? "+" : ""}${exactNumber(step.added)}`;
  const by = step.causes.length ? step.causes.join(", ") : "—";
  return `${clock(step.at)} ${String(step.index).padStart(5)} ${added.padStart(9)} ${exactNumber(step.total).padStart(9)}  ${by}`;
}

/**
 * A compaction reads "pre → the next request's size" once that request is measured; before it, the
 * compaction's postTokens, which count the messages it kept only (the system prompt and tools come on top),
 * so they are labelled as such rather than set against the steps as a context size.
 */
export function markLine(
  mark: TimelineMark,
  nextTotal: number | null = null,
  handoff: SessionHandoff | null = null,
): string {
  if (mark.kind === "handoff") return `${clock(mark.at)} ✎ handoff written (${mark.trigger ?? "write_handoff"})`;
  const kept = mark.postTokens !== null ? `${exactNumber(mark.postTokens)} in messages` : null;
  const after = nextTotal !== null ? `${exactNumber(nextTotal)}${kept ? ` (${kept})` : ""}` : (kept ?? "?");
  const figures = mark.preTokens !== null ? `: ${exactNumber(mark.preTokens)} → ${after}` : "";
  const before = handoff ? ` ✎ ${handoff.kind} ${handoff.name}` : "";
  return `${clock(mark.at)} ─── compacted (${mark.trigger ?? "?"})${figures} ───${before}`;
}

/**
 * The handoff that stands for a compaction: the newest one written since the compaction before it and
 * up to it (the PreCompact hook's, or the agent's or the CLI's just before), or null.
 */
export function handoffBefore(
  marks: readonly TimelineMark[],
  index: number,
  handoffs: readonly SessionHandoff[],
): SessionHandoff | null {
  const mark = marks[index];
  if (!mark || mark.kind !== "compaction" || !mark.at) return null;
  const at = Date.parse(mark.at);
  const previous = marks.slice(0, index).findLast((each) => each.kind === "compaction" && each.at);
  const since = previous?.at ? Date.parse(previous.at) : Number.NEGATIVE_INFINITY;
  const written = handoffs.filter((handoff) => {
    const time = Date.parse(handoff.modified);
    return time > since && time <= at;
  });
  return written.at(-1) ?? null;
}

/** Handoff lines shown at most: the newest, with how many earlier ones are not shown. */
function handoffLines(view: WatchView, room: number): string[] {
  const all = view.handoffs;
  if (!all.length) return ["handoffs: none for this session yet"];
  const shown = all.length <= room ? all : all.slice(all.length - Math.max(1, room - 1));
  const hidden = all.length - shown.length;
  return [
    `handoffs (${all.length}):${hidden ? ` ${hidden} earlier not shown` : ""}`,
    ...shown.map((handoff) => `${clock(handoff.modified)} ✎ ${handoff.kind.padEnd(22)} ${handoff.path}`),
  ];
}

/** Steps and marks in transcript order, each mark after the step it followed. */
function historyLines(view: WatchView, paint: Paint): string[] {
  const lines: string[] = [];
  let markIndex = 0;
  const marks = view.marks;
  const firstStep = view.steps[0]?.index ?? view.stepCount + 1;
  const line = (index: number, next: number | null = null) =>
    paint.bold(markLine(marks[index]!, next, handoffBefore(marks, index, view.handoffs)));
  while (markIndex < marks.length && marks[markIndex]!.afterStep < firstStep) lines.push(line(markIndex++));
  for (const [i, step] of view.steps.entries()) {
    lines.push(stepLine(step));
    const next = view.steps[i + 1]?.total ?? null;
    while (markIndex < marks.length && marks[markIndex]!.afterStep <= step.index) lines.push(line(markIndex++, next));
  }
  return lines;
}

export function renderFrame(view: WatchView, screen: Screen, paint: Paint): string[] {
  const width = Math.max(20, screen.columns);
  const { usage } = view;
  const percent = `${Math.round(usage.usedPercent)}% of window`.padStart(14);
  const lines = [
    paint.bold(
      fit(
        `ctx-monitor watch · session ${usage.sessionId.slice(0, 8)} · ${usage.model ?? "model unknown"} · window ${roundTokens(usage.contextWindow)}`,
        width,
      ),
    ),
    `${gaugeBar(view, width - 24, paint)} ${percent} ${paint.status(usage.status, usage.status.toUpperCase().padEnd(8))}`,
    fit(leftLine(view), width),
    view.alert ? paint.status(view.alert.status, fit(`! ${clock(view.alert.at)} ${view.alert.text}`, width)) : "",
    paint.dim(
      fit(`${"time".padEnd(8)} ${"step".padStart(5)} ${"added".padStart(9)} ${"context".padStart(9)}  by`, width),
    ),
  ];
  const counted = view.partial ? "steps counted from the end part of a large file · " : "";
  const footer = paint.dim(fit(`q quit · ${counted}${usage.transcriptPath}`, width));
  // Handoffs take at most a third of the screen; the steps get the rest.
  const handoffs = handoffLines(view, Math.max(1, Math.floor(screen.rows / 3) - 1)).map((line) =>
    paint.dim(fit(line, width)),
  );
  lines.splice(lines.length - 1, 0, ...handoffs);
  const room = Math.max(0, screen.rows - lines.length - 1);
  const history = historyLines(view, paint);
  const shown = history.slice(Math.max(0, history.length - room)).map((line) => fitPainted(line, width));
  while (shown.length < room) shown.push("");
  return [...lines, ...shown, footer];
}

/** A line painted whole: its opening colour code, its text, its reset (each code ctx-monitor's own, marked so). */
const PAINTED = new RegExp(`^((?:${OWN_MARK})?\u001b\\[[0-9;]*m)(.*)((?:${OWN_MARK})?\u001b\\[0m)$`, "s");

/** Fits a line that may carry colour codes (history lines are painted whole, so strip and repaint is not needed). */
function fitPainted(line: string, width: number): string {
  const match = PAINTED.exec(line);
  return match ? `${match[1]}${fit(match[2]!, width)}${match[3]}` : fit(line, width);
}
