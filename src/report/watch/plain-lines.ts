// The watch when stdout is not a terminal (a pipe, a log file): plain lines appended as things
// happen, never a redraw: the session followed, each new step, each compaction or handoff, each alert.
import { exactNumber, roundTokens } from "../../base/format.ts";
import { countdownWords, statusWords } from "../../present/limit-words.ts";
import { clock, handoffBefore, markLine, stepLine } from "./frame.ts";
import type { WatchView } from "./view.ts";

const RECENT_ON_START = 5;

function statusLine(view: WatchView): string {
  const { usage } = view;
  return `${clock(usage.asOf)} ${usage.estimated ? "~" : ""}${exactNumber(usage.usedTokens)}/${exactNumber(usage.contextWindow)} (${Math.round(usage.usedPercent)}% of window) ${statusWords(usage)} · ${countdownWords(usage)}`;
}

/** What to append now, given what the previous view already printed. */
export function plainLines(previous: WatchView | null, view: WatchView): string[] {
  const lines: string[] = [];
  const sameFile = previous !== null && view.switchedFrom === null;
  if (!sameFile) lines.push(`following session ${view.usage.sessionId} (${view.usage.transcriptPath})`);
  // A session just picked up shows its last few steps for context, not its whole history.
  const printedSteps = sameFile ? previous.stepCount : Math.max(0, view.stepCount - RECENT_ON_START);
  const newSteps = view.steps.filter((step) => step.index > printedSteps);
  const newMarks = sameFile
    ? view.marks.slice(Math.max(0, view.marks.length - (view.markCount - previous.markCount)))
    : view.marks.filter((mark) => mark.afterStep >= printedSteps && printedSteps < view.stepCount);
  let markIndex = 0;
  const firstNew = view.marks.length - newMarks.length;
  const line = (index: number) =>
    markLine(newMarks[index]!, null, handoffBefore(view.marks, firstNew + index, view.handoffs));
  for (const step of newSteps) {
    while (markIndex < newMarks.length && newMarks[markIndex]!.afterStep < step.index) lines.push(line(markIndex++));
    lines.push(stepLine(step));
  }
  while (markIndex < newMarks.length) lines.push(line(markIndex++));
  const printedHandoffs = sameFile ? new Set(previous.handoffs.map((handoff) => handoff.path)) : new Set<string>();
  for (const handoff of view.handoffs.filter((each) => !printedHandoffs.has(each.path)))
    lines.push(`${clock(handoff.modified)} ✎ handoff (${handoff.kind}) ${handoff.path}`);
  if (view.alert && view.alert !== previous?.alert) lines.push(`! ${clock(view.alert.at)} ${view.alert.text}`);
  if (!sameFile || newSteps.length || newMarks.length || view.usage.status !== previous?.usage.status)
    lines.push(statusLine(view));
  return lines;
}
