// The agent's own latest notes (next steps, open questions): from the session's newest handoff that
// the agent wrote (write_handoff, or `ctx-monitor handoff`), not an automatic PreCompact one, which
// holds only what the transcript says. Read through the handoff store, which refuses links.
import { isHandoffOfSession, listHandoffs, readHandoff } from "../../handoff/store.ts";

/** The label the PreCompact hook gives its handoffs (`…-pre-compact.md`, `…-pre-compact-2.md`). */
export const PRE_COMPACT_LABEL = "pre-compact";
const AUTOMATIC = new RegExp(`-${PRE_COMPACT_LABEL}(?:-\\d+)?\\.md$`);

export interface AgentNotes {
  path: string;
  /** When the handoff was written (its file's time). */
  writtenAt: string;
  nextSteps: string | null;
  openQuestions: string | null;
}

export function isAutomaticHandoff(name: string): boolean {
  return AUTOMATIC.test(name);
}

/** The body of a `### Title` section, up to the next heading. */
export function noteSection(markdown: string, title: string): string | null {
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

export function newestAgentNotes(folder: string, sessionId: string): AgentNotes | null {
  const handoff = listHandoffs(folder).find(
    (stored) => isHandoffOfSession(stored.name, sessionId) && !isAutomaticHandoff(stored.name),
  );
  if (!handoff) return null;
  let markdown: string;
  try {
    markdown = readHandoff(folder, handoff.path);
  } catch {
    return null;
  }
  return {
    path: handoff.path,
    writtenAt: handoff.modified,
    nextSteps: noteSection(markdown, "Next steps"),
    openQuestions: noteSection(markdown, "Open questions"),
  };
}
