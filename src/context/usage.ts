// How full the calling session's context is: pure arithmetic over what the readers found.

import { counted, exactNumber, roundTokens } from "../base/format.ts";
import { type CaptureEvidence, captureIsNewer } from "../capture/usage-evidence.ts";
import type { CompactSettings } from "../claude/compact-settings.ts";
import { type Budget, NO_BUDGET } from "../config/budget.ts";
import type { HeadBaseline } from "../transcript/head-baseline.ts";
import type { SessionSource } from "../transcript/locate.ts";
import type { Compaction } from "../transcript/records.ts";
import { contextTotal } from "../transcript/records.ts";
import type { SubagentInfo } from "../transcript/subagent-files.ts";
import type { TailSnapshot } from "../transcript/tail-snapshot.ts";
import { autocompactPoint } from "./autocompact.ts";
import { estimateTokens } from "./estimate.ts";
import { type CountingLimit, countingLimit, LIMIT_WORDS, stepsAt } from "./limit.ts";
import type { ContextStatus, Thresholds } from "./status.ts";
import { resolveContextWindow, type WindowEvidence, type WindowSource } from "./window.ts";

/** Where usedTokens comes from: the transcript, or a captured response newer than it. */
export const USAGE_SOURCES = ["transcript", "capture"] as const;

/** The limit fields (limit, limitKind, tokensUntilLimit, stepsUntilLimit, warnAt, criticalAt, status): limit.ts. */
export interface ContextUsage extends CountingLimit {
  sessionId: string;
  transcriptPath: string;
  sessionSource: SessionSource;
  /** True when nothing identified the session and the newest transcript of the project was taken. */
  sessionGuessed: boolean;
  /** Set when a subagent is the caller (or its transcript was asked for): the figures are its own context. */
  subagent: SubagentInfo | null;
  model: string | null;
  contextWindow: number;
  windowSource: WindowSource;
  /** Set when nothing knows the window for sure (windowSource "assumed"): why it is assumed. */
  windowAssumedBecause: string | null;
  /** Context size of the newest main-chain API response (exact), or an estimate after a compaction. */
  usedTokens: number;
  source: (typeof USAGE_SOURCES)[number];
  usedPercent: number;
  /** Estimate of what was added since that response: its own output and newer tool results. */
  pendingTokens: number;
  autocompactAt: number | null;
  /** With `autocompactAt: null`: why Claude Code will not auto-compact (a switch, or the model has no point). */
  autocompactOffBecause: string | null;
  tokensUntilAutocompact: number | null;
  /** Typical growth per model step (API response): the median of the last few steps; null when too few. */
  tokensPerStep: number | null;
  /** At that pace, how many more steps until auto-compact (an estimate). */
  stepsUntilAutocompact: number | null;
  /** The working budget in effect (CTX_MONITOR_BUDGET or the config's `budget`), when below the point. */
  budget: number | null;
  /** Set when a budget was given but is not a token count: it was ignored, and this says why. */
  budgetIgnoredBecause: string | null;
  estimated: boolean;
  /** False when the response that called the tool was not in the transcript in time. */
  fresh: boolean;
  compactions: number;
  lastCompaction: Compaction | null;
  asOf: string | null;
  skippedLines: number;
  summary: string;
}

export interface UsageInputs {
  sessionId: string;
  subagent: SubagentInfo | null;
  transcriptPath: string;
  sessionSource: SessionSource;
  sessionGuessed: boolean;
  tail: TailSnapshot;
  /** Needed only when a compaction came after the newest response. */
  baseline: HeadBaseline | null;
  compactions: { count: number; last: Compaction | null };
  windowState: WindowEvidence["state"];
  env: Readonly<Record<string, string | undefined>>;
  /** Claude Code's own settings that move auto-compaction (autoCompactEnabled, autoCompactWindow). */
  compactSettings?: CompactSettings | undefined;
  thresholds: Thresholds;
  /** The working budget, when one is set (see budget.ts). */
  budget?: Budget | undefined;
  fresh: boolean;
  skippedLines: number;
  /** The session's newest captured request, if capture is on. */
  capture?: CaptureEvidence | null;
  /** The arguments of the Claude Code process running the session (see WindowEvidence.launch). */
  launch?: WindowEvidence["launch"];
}

interface Measured {
  usedTokens: number;
  pendingTokens: number;
  estimated: boolean;
  asOf: string | null;
  source: ContextUsage["source"];
}

/** Steps (response to response) the pace is averaged over, at least. */
const MIN_PACE_STEPS = 2;

/**
 * Typical growth per model step, from the newest response and those before it, since the last
 * compaction: the median step, so one large tool result neither empties the estimate ("~0 steps" with
 * most of the window left) nor swings it wildly once it leaves the window of recent steps.
 */
export function recentPace(tail: Pick<TailSnapshot, "latest" | "compactionSince" | "earlier">): number | null {
  if (!tail.latest || tail.compactionSince || tail.earlier.length < MIN_PACE_STEPS) return null;
  const totals = [contextTotal(tail.latest.usage), ...tail.earlier.map((response) => response.total)];
  const steps = totals
    .slice(0, -1)
    .map((total, i) => total - totals[i + 1]!)
    .sort((a, b) => a - b);
  // The lower median: of two steps, the smaller, so one large one never sets the pace alone.
  const median = steps[Math.floor((steps.length - 1) / 2)]!;
  return median > 0 ? Math.round(median) : null;
}

function measure(inputs: UsageInputs): Measured {
  const { tail, baseline, capture } = inputs;
  const appended = estimateTokens(tail.pendingChars);
  const compaction = tail.compactionSince;
  if (capture && capture.usedTokens !== null && captureIsNewer(capture, tail.latest, compaction?.timestamp ?? null)) {
    return {
      usedTokens: capture.usedTokens,
      pendingTokens: capture.outputTokens ?? 0,
      estimated: false,
      asOf: capture.time,
      source: "capture",
    };
  }
  if (compaction) {
    // postTokens counts the messages the compaction left (the summary and what Claude Code re-attached:
    // files read, the task list, listings); every request also carries the system prompt and tools,
    // measured as the first response's total less its first message. A prompt typed since, and what
    // came with it, is added; what came with the first prompt and was not re-attached (2.1.197's skill
    // listing, 2.1.332's date and session notes) is sent again with the next prompt. Everything known
    // to go out with the next request is in the estimate, so nothing is pending beside it.
    const overhead = baseline ? Math.max(0, baseline.firstTotal - estimateTokens(baseline.messageChars)) : 0;
    const typed = estimateTokens(tail.charsSincePrompt);
    return {
      usedTokens:
        (compaction.postTokens ?? 0) + overhead + typed + resentAfterCompaction(baseline, tail.pendingAttachmentTypes),
      pendingTokens: 0,
      estimated: true,
      asOf: compaction.timestamp,
      source: "transcript",
    };
  }
  if (!tail.latest)
    return { usedTokens: appended, pendingTokens: 0, estimated: true, asOf: null, source: "transcript" };
  return {
    usedTokens: contextTotal(tail.latest.usage),
    pendingTokens: tail.latest.usage.outputTokens + appended,
    estimated: false,
    asOf: tail.latest.timestamp,
    source: "transcript",
  };
}

/** Attachments of the first prompt that a compaction did not re-attach: the next prompt carries them again. */
function resentAfterCompaction(baseline: HeadBaseline | null, reattached: readonly string[]): number {
  if (!baseline) return 0;
  const chars = Object.entries(baseline.attachmentChars)
    .filter(([type]) => !reattached.includes(type))
    .reduce((sum, [, size]) => sum + size, 0);
  return estimateTokens(chars);
}

export function computeUsage(inputs: UsageInputs): ContextUsage {
  const measured = measure(inputs);
  const model = inputs.tail.latest?.model ?? null;
  const window = resolveContextWindow({
    transcriptModel: model,
    claudeCodeVersion: inputs.tail.latest?.version ?? null,
    request:
      inputs.tail.latestRequest ??
      (inputs.capture ? { model: inputs.capture.model, betas: inputs.capture.betas, source: "capture" } : null),
    state: inputs.windowState,
    env: inputs.env,
    usedTokens: measured.usedTokens,
    launch: inputs.launch,
  });
  const autocompact = autocompactPoint(window.tokens, inputs.env, inputs.compactSettings, {
    modelId: model ?? inputs.windowState?.modelId ?? null,
    version: inputs.tail.latest?.version ?? null,
  });
  const tokensUntilAutocompact = autocompact.at === null ? null : Math.max(0, autocompact.at - measured.usedTokens);
  const tokensPerStep = recentPace(inputs.tail);
  const budget = inputs.budget ?? NO_BUDGET;
  const limit = countingLimit(
    measured.usedTokens,
    window.tokens,
    autocompact.at,
    budget,
    inputs.thresholds,
    tokensPerStep,
  );
  const usage: Omit<ContextUsage, "summary"> = {
    sessionId: inputs.sessionId,
    transcriptPath: inputs.transcriptPath,
    sessionSource: inputs.sessionSource,
    sessionGuessed: inputs.sessionGuessed,
    subagent: inputs.subagent,
    model,
    contextWindow: window.tokens,
    windowSource: window.source,
    windowAssumedBecause: window.assumedBecause,
    usedTokens: measured.usedTokens,
    source: measured.source,
    usedPercent: Math.round((measured.usedTokens / window.tokens) * 1000) / 10,
    pendingTokens: measured.pendingTokens,
    autocompactAt: autocompact.at,
    autocompactOffBecause: autocompact.offBecause,
    tokensUntilAutocompact,
    tokensPerStep,
    stepsUntilAutocompact: stepsAt(tokensUntilAutocompact, tokensPerStep),
    budget: limit.limitKind === "budget" ? limit.limit : null,
    budgetIgnoredBecause: budget.problem,
    ...limit,
    estimated: measured.estimated,
    fresh: inputs.fresh,
    compactions: inputs.compactions.count,
    lastCompaction: inputs.compactions.last,
    asOf: measured.asOf,
    skippedLines: inputs.skippedLines,
  };
  return { ...usage, summary: summarize(usage, inputs) };
}

const ADVICE: Record<ContextStatus, string> = {
  ok: "",
  warn: "Plan a handoff: call write_handoff before it compacts.",
  critical: "Write a handoff now (write_handoff).",
};

/** With auto-compaction off nothing compacts on its own: the window filling is what ends the work. */
const ADVICE_NO_AUTOCOMPACT: Record<ContextStatus, string> = {
  ok: "",
  warn: "Plan a handoff: call write_handoff before the window fills.",
  critical: "Write a handoff now (write_handoff), then /compact or start a new session.",
};

/** A subagent hands off by reporting back: its report is what the main conversation keeps. */
const SUBAGENT_ADVICE: Record<ContextStatus, string> = {
  ok: "",
  warn: "Keep the rest of the task small and report back before it compacts.",
  critical: "Finish now and report back to the main agent.",
};

/** "warn from 125k (75% of the auto-compact point)": what the status is measured against, in words. */
function statusWords(usage: Omit<ContextUsage, "summary">, thresholds: Thresholds): string {
  if (usage.status === "ok") return "";
  const [at, percent] =
    usage.status === "critical"
      ? [usage.criticalAt, thresholds.criticalPercent]
      : [usage.warnAt, thresholds.warnPercent];
  return `status ${usage.status} from ${roundTokens(at)} (${percent}% of ${LIMIT_WORDS[usage.limitKind]})`;
}

function summarize(usage: Omit<ContextUsage, "summary">, inputs: UsageInputs): string {
  const approx = usage.estimated ? "~" : "";
  const pace = (steps: number | null) =>
    steps !== null && usage.tokensPerStep !== null
      ? ` (~${counted(steps, "step")} at the recent ~${roundTokens(usage.tokensPerStep)} per step)`
      : "";
  const parts = [
    `${approx}${exactNumber(usage.usedTokens)} of ${exactNumber(usage.contextWindow)} tokens (${Math.round(usage.usedPercent)}% of the window)`,
  ];
  if (usage.limitKind === "budget") {
    const over = usage.usedTokens - usage.limit;
    parts.push(
      over >= 0
        ? `over the working budget (${roundTokens(usage.limit)}) by ${roundTokens(over)}`
        : `working budget ${roundTokens(usage.limit)}: about ${roundTokens(usage.tokensUntilLimit)} left${pace(usage.stepsUntilLimit)}`,
    );
  }
  if (usage.autocompactAt === null) {
    parts.push(
      `auto-compact is off (${usage.autocompactOffBecause}): about ${roundTokens(Math.max(0, usage.contextWindow - usage.usedTokens))} left in the window`,
    );
  } else if (usage.limitKind === "budget") {
    parts.push(`auto-compact expected at ~${roundTokens(usage.autocompactAt)}`);
  } else {
    const over = usage.usedTokens - usage.autocompactAt;
    parts.push(
      over >= 0
        ? `past the auto-compact point (~${roundTokens(usage.autocompactAt)}) by ${roundTokens(over)}: Claude Code may compact at any moment`
        : `auto-compact expected at ~${roundTokens(usage.autocompactAt)}: about ${roundTokens(usage.tokensUntilAutocompact ?? 0)} left${pace(usage.stepsUntilAutocompact)}`,
    );
  }
  const status = statusWords(usage, inputs.thresholds);
  if (status) parts.push(status);
  const whose = usage.subagent
    ? `Subagent "${usage.subagent.description ?? usage.subagent.agentId}" (its own context): `
    : "";
  let sentence = `${whose}${parts.join("; ")}.`;
  const compaction = inputs.tail.compactionSince;
  if (compaction) {
    sentence += ` Estimated: compacted ${compaction.preTokens !== null ? `from ${roundTokens(compaction.preTokens)} ` : ""}with no response since.`;
  } else if (!inputs.tail.latest) {
    sentence += " No model response recorded yet.";
  }
  if (usage.windowAssumedBecause) {
    sentence += ` Window assumed ${exactNumber(usage.contextWindow)}: ${usage.windowAssumedBecause}; set CTX_MONITOR_CONTEXT_WINDOW or install the statusline to be sure.`;
  }
  if (usage.budgetIgnoredBecause) sentence += ` ${usage.budgetIgnoredBecause}.`;
  if (!usage.fresh) sentence += " The calling response was not in the transcript yet: figures may be one step behind.";
  if (usage.sessionGuessed)
    sentence += " Session guessed (newest transcript of the project): pass session_id to be sure.";
  const advice = (usage.subagent ? SUBAGENT_ADVICE : usage.autocompactAt === null ? ADVICE_NO_AUTOCOMPACT : ADVICE)[
    usage.status
  ];
  return advice ? `${sentence} ${advice}` : sentence;
}
