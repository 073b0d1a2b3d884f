// What status, warnings and steps-left count against, in one place for get_context_usage, the hooks
// and the statusline: the working budget when it is set and lower, else the auto-compact point, else
// (auto-compaction off) the window. Percentages people read are always of the window (`usedPercent`);
// the thresholds are stated in tokens with what they are a percentage of.
import type { Budget } from "../config/budget.ts";
import { type ContextStatus, contextStatus, type Thresholds } from "./status.ts";

export const LIMIT_KINDS = ["budget", "auto-compact", "window"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export interface CountingLimit {
  limit: number;
  limitKind: LimitKind;
  /** Tokens left before the limit (0 when past it). */
  tokensUntilLimit: number;
  /** Steps left before the limit at the recent pace; null without a pace. */
  stepsUntilLimit: number | null;
  /** Where warn and critical start, in tokens (the thresholds' percentages of `limit`). */
  warnAt: number;
  criticalAt: number;
  status: ContextStatus;
}

export function countingLimit(
  usedTokens: number,
  contextWindow: number,
  autocompactAt: number | null,
  budget: Budget,
  thresholds: Thresholds,
  tokensPerStep: number | null,
): CountingLimit {
  const ceiling = autocompactAt ?? contextWindow;
  const budgeted = budget.tokens !== null && budget.tokens < ceiling;
  const limit = budgeted ? budget.tokens! : ceiling;
  const tokensUntilLimit = Math.max(0, limit - usedTokens);
  return {
    limit,
    limitKind: budgeted ? "budget" : autocompactAt === null ? "window" : "auto-compact",
    tokensUntilLimit,
    stepsUntilLimit: stepsAt(tokensUntilLimit, tokensPerStep),
    warnAt: Math.round((limit * thresholds.warnPercent) / 100),
    criticalAt: Math.round((limit * thresholds.criticalPercent) / 100),
    status: contextStatus(usedTokens, limit, thresholds),
  };
}

export function stepsAt(tokensLeft: number | null, tokensPerStep: number | null): number | null {
  if (tokensLeft === null || tokensPerStep === null || tokensPerStep <= 0) return null;
  return Math.floor(tokensLeft / tokensPerStep);
}

/** "the auto-compact point (~167k)", "the budget (300k)", "the window (200k)": what a threshold is of. */
export const LIMIT_WORDS: Record<LimitKind, string> = {
  budget: "the working budget",
  "auto-compact": "the auto-compact point",
  window: "the window",
};
