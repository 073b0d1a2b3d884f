// What the first request after a compaction is told: where the newest handoff is, and from it the
// first prompt, the agent's next steps and open questions. Pure: from the handoff's Markdown text.
// Claude Code replaces SessionStart output over 10,000 characters with a file and a preview, so
// every part is cut well below that.

export const MAX_POINTER_CHARS = 9_000;
const LIMITS = { prompt: 3_000, nextSteps: 2_500, openQuestions: 1_500 } as const;

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… [cut; the handoff has it in full]`;
}

/** The body of a `### Title` section, up to the next heading. */
function noteSection(markdown: string, title: string): string | null {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `### ${title}`);
  if (start === -1) return null;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3} /.test(line)) break;
    body.push(line);
  }
  const text = body.join("\n").trim();
  return text || null;
}

/** The text of the first prompt, as the handoff quotes it (a fenced block under `### Prompt 1`). */
function firstPrompt(markdown: string): string | null {
  const match = /^### Prompt \d+[^\n]*\n\n(`{3,})text\n([\s\S]*?)\n\1$/m.exec(markdown);
  return match?.[2] ?? null;
}

export function handoffPointer(handoffPath: string, markdown: string, compactionTrigger: string | null): string {
  const lines = [
    `[ctx-monitor] The conversation was compacted${compactionTrigger ? ` (${compactionTrigger})` : ""}. ` +
      `The newest handoff, written before it, is ${handoffPath}: read it before going on (or use the ctx-monitor resume prompt).`,
  ];
  const prompt = firstPrompt(markdown);
  if (prompt) lines.push("", "First prompt of the session, verbatim:", clipText(prompt, LIMITS.prompt));
  const next = noteSection(markdown, "Next steps");
  if (next) lines.push("", "Next steps the agent noted:", clipText(next, LIMITS.nextSteps));
  const questions = noteSection(markdown, "Open questions");
  if (questions) lines.push("", "Open questions:", clipText(questions, LIMITS.openQuestions));
  return lines.join("\n").slice(0, MAX_POINTER_CHARS);
}
