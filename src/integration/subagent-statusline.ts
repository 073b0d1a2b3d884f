// The subagent statusline: one row of Claude Code's agent panel per running subagent, showing that
// subagent's own context (its transcript's newest response) with the main statusline's figures and
// colours. Pure: the command reads the transcripts, this decides what each row says.
import type { CompactSettings } from "../claude/compact-settings.ts";
import type { StatuslineInput } from "../claude/statusline-input.ts";
import type { SubagentRow } from "../claude/subagent-statusline-input.ts";
import type { Thresholds } from "../context/status.ts";
import type { ContextUsage } from "../context/usage.ts";
import { type lineStyle, renderStatusline, statuslineFigures } from "./statusline.ts";

interface RowFacts {
  row: SubagentRow;
  sessionId: string;
  /** The subagent's transcript read as get_context_usage reads it. */
  usage: ContextUsage;
  env: Readonly<Record<string, string | undefined>>;
  compactSettings: CompactSettings;
  thresholds: Thresholds;
}

/**
 * The row's text, or null when nothing is known (Claude Code then shows its own row). The label leads,
 * as the content replaces the row Claude Code would show; Claude Code's own window for the subagent's
 * model (2.1.332) comes first, as in the main statusline. A working budget is the main session's: not
 * counted against here.
 */
export function subagentRowText(facts: RowFacts, style: ReturnType<typeof lineStyle>): string | null {
  const { row, usage } = facts;
  const input: StatuslineInput = {
    sessionId: facts.sessionId,
    transcriptPath: usage.transcriptPath,
    projectDir: null,
    modelId: row.modelId ?? usage.model,
    modelName: row.label ?? row.modelId ?? usage.model,
    version: null,
    contextWindowSize: row.contextWindowSize,
    currentUsage: null,
    usedPercentage: null,
  };
  const figures = statuslineFigures({
    input,
    usage,
    env: facts.env,
    compactSettings: facts.compactSettings,
    thresholds: facts.thresholds,
  });
  return figures ? renderStatusline(figures, style) : null;
}

/** Claude Code reads one JSON object per line: `{"id": <row id>, "content": <text>}`. */
export function subagentRowsOutput(rows: ReadonlyArray<{ id: string; content: string }>): string {
  return rows.map((row) => `${JSON.stringify({ id: row.id, content: row.content })}\n`).join("");
}
