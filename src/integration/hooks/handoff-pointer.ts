// What the first request after a compaction is told: where the handoff written just before it is (or
// that none was, and where the facts are instead), the first prompt verbatim, the agent's latest next
// steps and open questions, and what Claude Code's summary dropped when that is known yet. Pure.
// Claude Code replaces SessionStart output over 10,000 characters with a file and a preview, and
// what the summary dropped may follow with the next prompt (at most LOST_LIST_CHARS more), so every
// part is cut to keep the whole re-injection under 10,000 characters.

/** What the summary dropped, as the agent is told it (the whole list is in a file beside the handoff). */
export const LOST_LIST_CHARS = 2_000;
export const MAX_POINTER_CHARS = 7_800;
const LIMITS = { prompt: 2_500, nextSteps: 2_000, openQuestions: 1_000, losses: LOST_LIST_CHARS } as const;

export interface PointerInput {
  trigger: string | null;
  /** The handoff the PreCompact hook wrote for this compaction; null when it wrote none. */
  handoffPath: string | null;
  /** The session's newest earlier handoff, named when there is none for this compaction. */
  earlierHandoff: string | null;
  transcriptPath: string | null;
  firstPrompt: string | null;
  /** The agent's notes: from its newest own handoff, else the pointed handoff's. */
  notes: {
    nextSteps: string | null;
    openQuestions: string | null;
    from: string | null;
    writtenAt: string | null;
  };
  /** What the summary dropped (already cut to its share), when known. */
  losses: string | null;
  /** Compactions since the agent was last pointed: 2 or more when Claude Code compacted again first. */
  compactions: number;
}

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… [cut; the handoff has it in full]`;
}

function opening(input: PointerInput): string {
  const what = `The conversation was compacted${input.trigger ? ` (${input.trigger})` : ""}${input.compactions > 1 ? `, ${input.compactions} times since the last pointer` : ""}.`;
  if (input.handoffPath)
    return `[ctx-monitor] ${what} The handoff written just before it is ${input.handoffPath}: read it before going on (or use the ctx-monitor resume prompt).`;
  const where = [
    input.earlierHandoff ? `the newest earlier handoff ${input.earlierHandoff}` : null,
    input.transcriptPath ? `the transcript ${input.transcriptPath}` : null,
  ].filter(Boolean);
  return (
    `[ctx-monitor] ${what} No handoff was written for it (the PreCompact hook failed or did not run; its problems are in ctx-monitor's hooks.log)` +
    (where.length > 0 ? `: read ${where.join(" and ")} for what came before.` : ".")
  );
}

export function handoffPointer(input: PointerInput): string {
  const lines = [opening(input)];
  if (input.firstPrompt)
    lines.push("", "First prompt of the session, verbatim:", clipText(input.firstPrompt, LIMITS.prompt));
  const source = input.notes.from
    ? ` (in ${input.notes.from}${input.notes.writtenAt ? `, written ${input.notes.writtenAt}` : ""})`
    : "";
  if (input.notes.nextSteps)
    lines.push("", `Next steps the agent noted${source}:`, clipText(input.notes.nextSteps, LIMITS.nextSteps));
  if (input.notes.openQuestions)
    lines.push("", "Open questions:", clipText(input.notes.openQuestions, LIMITS.openQuestions));
  if (input.losses) lines.push("", clipText(input.losses, LIMITS.losses));
  return lines.join("\n").slice(0, MAX_POINTER_CHARS);
}

/** The text of the first prompt, as a handoff quotes it (a fenced block under `### Prompt 1`). */
export function firstPromptOfHandoff(markdown: string): string | null {
  const match = /^### Prompt \d+[^\n]*\n\n(`{3,})text\n([\s\S]*?)\n\1$/m.exec(markdown);
  return match?.[2] ?? null;
}
