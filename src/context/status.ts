// ok / warn / critical, relative to where auto-compaction is expected (or to the window when it is off).
export const CONTEXT_STATUSES = ["ok", "warn", "critical"] as const;

export type ContextStatus = (typeof CONTEXT_STATUSES)[number];

export interface Thresholds {
  warnPercent: number;
  criticalPercent: number;
}

export function contextStatus(usedTokens: number, limit: number, thresholds: Thresholds): ContextStatus {
  if (limit <= 0) return "critical";
  const percent = (usedTokens / limit) * 100;
  if (percent >= thresholds.criticalPercent) return "critical";
  if (percent >= thresholds.warnPercent) return "warn";
  return "ok";
}
