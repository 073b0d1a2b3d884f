// What the hooks know of a handoff's Markdown: the PreCompact hook's label (its handoffs hold only what
// the transcript says) and a section of the notes. The agent's newest notes themselves come from the
// handoff store's record (src/handoff/agent-notes.ts), never from parsing Markdown.

/** The label the PreCompact hook gives its handoffs (`…-pre-compact.md`, `…-pre-compact-2.md`). */
export const PRE_COMPACT_LABEL = "pre-compact";
const AUTOMATIC = new RegExp(`-${PRE_COMPACT_LABEL}(?:-\\d+)?\\.md$`);

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
