// What a reader passed by, so answers can say "n lines could not be read" instead of failing.

export interface LineProblems {
  /** Lines that are not JSON (garbage, or a line cut short mid-file). */
  notJson: number;
  /** JSON values that are not transcript records. */
  notRecord: number;
  /** Responses whose usage figures no request can have (negative, fractional, strings, beyond any window). */
  impossibleUsage: number;
  /** Lines larger than the reader's limit: skipped without being parsed. */
  oversized: number;
  /** A last line without its newline that does not parse yet: Claude Code may still be writing it. */
  torn: number;
}

export function noLineProblems(): LineProblems {
  return { notJson: 0, notRecord: 0, impossibleUsage: 0, oversized: 0, torn: 0 };
}

export function addLineProblems(into: LineProblems, from: LineProblems): LineProblems {
  into.notJson += from.notJson;
  into.notRecord += from.notRecord;
  into.impossibleUsage += from.impossibleUsage;
  into.oversized += from.oversized;
  into.torn += from.torn;
  return into;
}

export function countLineProblems(problems: LineProblems): number {
  return problems.notJson + problems.notRecord + problems.impossibleUsage + problems.oversized + problems.torn;
}

/** One short clause for summaries, or "" when nothing was passed by. */
export function describeLineProblems(problems: LineProblems): string {
  const parts: string[] = [];
  if (problems.notJson) parts.push(`${problems.notJson} unreadable`);
  if (problems.notRecord) parts.push(`${problems.notRecord} unrecognised`);
  if (problems.impossibleUsage) parts.push(`${problems.impossibleUsage} with impossible usage figures`);
  if (problems.oversized) parts.push(`${problems.oversized} oversized`);
  if (problems.torn) parts.push(`${problems.torn} still being written`);
  return parts.length ? `skipped transcript lines: ${parts.join(", ")}` : "";
}
