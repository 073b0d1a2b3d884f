// get_context_usage as the CLI shows it to people: the model's one line, then the figures.
import { exactNumber } from "../base/format.ts";
import type { ContextUsage } from "../context/usage.ts";
import { statusWords } from "./limit-words.ts";
import { PLAIN, paint, type Style, statusTone, wrap } from "./terminal.ts";
import { sessionSourceWords, windowSourceWords } from "./words.ts";

export function describeUsage(usage: ContextUsage, style: Style = PLAIN): string {
  const row = (label: string, value: string) => `  ${label.padEnd(13)}  ${value}`;
  const autocompact =
    usage.autocompactAt === null
      ? `off: ${usage.autocompactOffBecause ?? "Claude Code will not auto-compact"}`
      : (usage.tokensUntilAutocompact ?? 0) <= 0
        ? `expected at ${exactNumber(usage.autocompactAt)}: past it, a compaction is due`
        : `expected at ${exactNumber(usage.autocompactAt)}, ${exactNumber(usage.tokensUntilAutocompact ?? 0)} left`;
  const pace =
    usage.tokensPerStep === null
      ? "not enough steps yet"
      : `~${exactNumber(usage.tokensPerStep)} tokens per step recently (the median step)${usage.stepsUntilLimit === null ? "" : `, ~${exactNumber(usage.stepsUntilLimit)} steps until ${usage.limitKind === "budget" ? "the budget" : usage.limitKind === "window" ? "a full window" : "auto-compact"}`}`;
  const last = usage.lastCompaction;
  const lines = [
    wrap(style, usage.summary),
    "",
    row(
      "used",
      `${exactNumber(usage.usedTokens)} tokens${usage.estimated ? " (estimated)" : ""}, ${usage.usedPercent}% of the ${exactNumber(usage.contextWindow)}-token window (${windowSourceWords(usage.windowSource)}${usage.windowAssumedBecause ? `: ${usage.windowAssumedBecause}` : ""})`,
    ),
    row("pending", `~${exactNumber(usage.pendingTokens)} tokens added since`),
    row("auto-compact", autocompact),
    row("pace", pace),
    ...(usage.budget !== null || usage.budgetIgnoredBecause
      ? [
          row(
            "budget",
            usage.budget !== null
              ? `${exactNumber(usage.budget)} (working budget)`
              : `none: ${usage.budgetIgnoredBecause}`,
          ),
        ]
      : []),
    row("status", paint(style, statusTone(usage.status), statusWords(usage))),
    row(
      "compactions",
      `${usage.compactions}${last ? ` (last: ${last.trigger ?? "?"}, ${exactNumber(last.preTokens ?? 0)} → ${exactNumber(last.postTokens ?? 0)})` : ""}`,
    ),
    row("model", usage.model ?? "unknown"),
    row(
      "session",
      `${usage.sessionId} (${sessionSourceWords(usage.sessionSource)}${usage.sessionGuessed ? ", a guess" : ""})`,
    ),
    ...(usage.subagent
      ? [
          row(
            "subagent",
            `${usage.subagent.description ?? usage.subagent.agentId} (${usage.subagent.agentType ?? "agent"}): these are its own figures`,
          ),
        ]
      : []),
    row("transcript", usage.transcriptPath),
    row("as of", usage.asOf ?? "no response yet"),
  ];
  if (usage.skippedLines) lines.push(row("skipped lines", String(usage.skippedLines)));
  return lines.join("\n");
}
