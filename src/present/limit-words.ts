// The countdown and the status in words, the same in `usage`, `watch` and its plain lines: every
// percentage is of the window, and a threshold says what it is a percentage of.
import { roundTokens } from "../base/format.ts";
import { LIMIT_WORDS } from "../context/limit.ts";
import type { ContextUsage } from "../context/usage.ts";

type LimitFigures = Pick<
  ContextUsage,
  | "usedTokens"
  | "autocompactAt"
  | "limit"
  | "limitKind"
  | "tokensUntilLimit"
  | "stepsUntilLimit"
  | "tokensPerStep"
  | "status"
  | "warnAt"
  | "criticalAt"
>;

/** "42k until auto-compact (~167k) · ~6 steps (~7k/step)", "20k until the budget (300k)", "past …". */
export function countdownWords(usage: LimitFigures): string {
  const target =
    usage.limitKind === "budget"
      ? `the budget (${roundTokens(usage.limit)})`
      : usage.limitKind === "auto-compact"
        ? `auto-compact (~${roundTokens(usage.limit)})`
        : `a full window (${roundTokens(usage.limit)})`;
  const parts =
    usage.tokensUntilLimit <= 0
      ? [`past ${target} by ${roundTokens(usage.usedTokens - usage.limit)}`]
      : [`${roundTokens(usage.tokensUntilLimit)} until ${target}`];
  if (usage.tokensUntilLimit > 0 && usage.stepsUntilLimit !== null && usage.tokensPerStep !== null)
    parts.push(
      `~${usage.stepsUntilLimit} step${usage.stepsUntilLimit === 1 ? "" : "s"} (~${roundTokens(usage.tokensPerStep)}/step)`,
    );
  if (usage.autocompactAt === null) parts.push("auto-compact off");
  else if (usage.limitKind === "budget") parts.push(`auto-compact ~${roundTokens(usage.autocompactAt)}`);
  return parts.join(" · ");
}

/** "warn from 125k (75% of the auto-compact point)"; "ok below 125k (…)" for ok. */
export function statusWords(usage: LimitFigures): string {
  const at = usage.status === "critical" ? usage.criticalAt : usage.warnAt;
  const percent = usage.limit > 0 ? Math.round((at / usage.limit) * 100) : 0;
  const relation = usage.status === "ok" ? `below` : `from`;
  return `${usage.status} ${relation} ${roundTokens(at)} (${percent}% of ${LIMIT_WORDS[usage.limitKind]})`;
}
