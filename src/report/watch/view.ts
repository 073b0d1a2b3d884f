// What the watch shows, as data: the usage answer, the recent steps and marks, and the latest alert.
// Pure: the next view from the previous one and what was just read, so alerts fire on a crossing
// (ok → warn → critical, or a compaction), not on every redraw.
import { roundTokens } from "../../base/format.ts";
import type { ContextStatus, Thresholds } from "../../context/status.ts";
import type { ContextUsage } from "../../context/usage.ts";
import { statusWords } from "../../present/limit-words.ts";
import type { TimelineMark, TimelineStep } from "../../transcript/response-timeline.ts";
import type { SessionHandoff } from "../session-handoffs.ts";

interface WatchAlert {
  text: string;
  status: ContextStatus;
  at: string;
}

export interface WatchView {
  usage: ContextUsage;
  /** The newest steps, oldest first (as many as a screen can show). */
  steps: TimelineStep[];
  /** Compactions and handoffs among those steps. */
  marks: TimelineMark[];
  /** Steps and marks the transcript holds in all (the plain output prints only the new ones). */
  stepCount: number;
  markCount: number;
  /** Every handoff of the session in the handoff store, oldest first: the PreCompact hook's, the tool's, the CLI's. */
  handoffs: readonly SessionHandoff[];
  alert: WatchAlert | null;
  /** True when a large file was read from near its end: step numbers count from there. */
  partial: boolean;
  /** Set when the view just moved to another transcript (a /clear, a resume, a new session). */
  switchedFrom: string | null;
}

const RANK: Record<ContextStatus, number> = { ok: 0, warn: 1, critical: 2 };
/** Steps kept in a view: more than any terminal shows. */
const KEPT_STEPS = 200;

export function nextView(
  previous: WatchView | null,
  read: {
    usage: ContextUsage;
    steps: readonly TimelineStep[];
    marks: readonly TimelineMark[];
    handoffs?: readonly SessionHandoff[];
    partial?: boolean;
  },
  thresholds: Thresholds,
  now: Date,
): WatchView {
  const { usage } = read;
  const switched = previous !== null && previous.usage.transcriptPath !== usage.transcriptPath;
  const oldestKept = Math.max(0, read.steps.length - KEPT_STEPS);
  return {
    usage,
    steps: read.steps.slice(oldestKept),
    marks: read.marks.filter((mark) => mark.afterStep >= oldestKept),
    stepCount: read.steps.length,
    markCount: read.marks.length,
    handoffs: read.handoffs ?? [],
    partial: read.partial ?? false,
    alert: alertFor(previous, read, switched, thresholds, now) ?? previous?.alert ?? null,
    switchedFrom: switched ? previous.usage.transcriptPath : null,
  };
}

function alertFor(
  previous: WatchView | null,
  read: { usage: ContextUsage; marks: readonly TimelineMark[] },
  switched: boolean,
  thresholds: Thresholds,
  now: Date,
): WatchAlert | null {
  const at = now.toISOString();
  const { usage } = read;
  if (switched) return { text: `now following session ${usage.sessionId.slice(0, 8)}`, status: usage.status, at };
  if (previous && read.marks.length > previous.markCount) {
    const mark = read.marks[read.marks.length - 1]!;
    if (mark.kind === "compaction")
      return {
        text: `compacted${mark.preTokens !== null ? ` from ${roundTokens(mark.preTokens)}` : ""}: detail before it is gone from the context`,
        status: "warn",
        at,
      };
    return { text: "handoff written", status: "ok", at };
  }
  const before = previous?.usage.status ?? "ok";
  if (RANK[usage.status] > RANK[before]) {
    const advice = usage.status === "critical" ? "write a handoff now" : "plan a handoff";
    return {
      text: `${statusWords(usage)}: ${advice}`,
      status: usage.status,
      at,
    };
  }
  return null;
}
