// `ctx-monitor usage [--json]`: the same object get_context_usage returns.
import { createUsageDeps, readContextUsage } from "../context/read-usage.ts";
import { exactNumber } from "../context/format.ts";
import type { ContextUsage } from "../context/usage.ts";
import { printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions, type Command } from "../cli/command.ts";

export const usageCommand: Command = {
  name: "usage",
  summary: "how full the session's context is, and how long until auto-compact",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const usage = await readContextUsage(selectionFrom(context.values), createUsageDeps(context.runtime));
    printResult(context, usage, describeUsage);
    return 0;
  },
};

export function describeUsage(usage: ContextUsage): string {
  const lines = [
    usage.summary,
    "",
    `  used           ${exactNumber(usage.usedTokens)} tokens${usage.estimated ? " (estimated)" : ""}, ${usage.usedPercent}% of ${exactNumber(usage.contextWindow)} (${usage.windowSource})`,
    `  pending        ~${exactNumber(usage.pendingTokens)} tokens added since`,
    `  auto-compact   ${usage.autocompactAt === null ? "disabled" : `expected at ${exactNumber(usage.autocompactAt)}, ${exactNumber(usage.tokensUntilAutocompact ?? 0)} left`}`,
    `  pace           ${usage.tokensPerStep === null ? "not enough steps yet" : `~${exactNumber(usage.tokensPerStep)} tokens per step recently${usage.stepsUntilAutocompact === null ? "" : `, ~${exactNumber(usage.stepsUntilAutocompact)} steps until auto-compact`}`}`,
    `  status         ${usage.status}`,
    `  compactions    ${usage.compactions}${usage.lastCompaction ? ` (last: ${usage.lastCompaction.trigger ?? "?"}, ${exactNumber(usage.lastCompaction.preTokens ?? 0)} → ${exactNumber(usage.lastCompaction.postTokens ?? 0)})` : ""}`,
    `  model          ${usage.model ?? "unknown"}`,
    `  session        ${usage.sessionId} (${usage.sessionSource}${usage.sessionGuessed ? ", guessed" : ""})`,
    ...(usage.subagent ? [`  subagent       ${usage.subagent.description ?? usage.subagent.agentId} (${usage.subagent.agentType ?? "agent"}): these are its own figures`] : []),
    `  transcript     ${usage.transcriptPath}`,
    `  as of          ${usage.asOf ?? "no response yet"}`,
  ];
  if (usage.skippedLines) lines.push(`  skipped lines  ${usage.skippedLines}`);
  return lines.join("\n");
}
