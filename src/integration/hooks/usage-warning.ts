// Whether a prompt or a tool result should carry a warning about the context: once each time usage
// crosses into warn or critical, nothing below it. Pure.
import type { ContextStatus } from "../../context/status.ts";
import type { ContextUsage } from "../../context/usage.ts";

const RANK: Record<ContextStatus, number> = { ok: 0, warn: 1, critical: 2 };

interface WarningDecision {
  text: string | null;
  /** The status to remember: a drop (after a compaction) re-arms the warning. */
  warnedStatus: ContextStatus;
}

export function usageWarning(
  usage: Pick<ContextUsage, "status" | "summary" | "subagent">,
  warnedStatus: ContextStatus,
): WarningDecision {
  if (usage.subagent) return { text: null, warnedStatus };
  if (RANK[usage.status] <= RANK[warnedStatus]) return { text: null, warnedStatus: usage.status };
  // The summary already says how urgent it is (its advice follows the status).
  return {
    text:
      `[ctx-monitor] Context ${usage.status}: ${usage.summary} Give write_handoff (ctx-monitor) your goal, current state, ` +
      "decisions, next steps and open questions, so nothing is lost when Claude Code compacts.",
    warnedStatus: usage.status,
  };
}
