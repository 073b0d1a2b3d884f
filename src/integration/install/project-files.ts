// With --project: handoffs (which hold prompts verbatim) kept out of git, and the CLAUDE.md lines that
// tell the agent when to look, between marked lines so that uninstall can take exactly them out.
const GITIGNORE_LINES = ["# ctx-monitor: handoffs hold prompts verbatim", ".claude/handoffs/"] as const;

const ignores = (text: string) =>
  text.split(/\r?\n/).some((line) => /^\/?\.claude\/handoffs\/?$/.test(line.trim()) || line.trim() === ".claude/");

export function planGitignoreInstall(text: string): string {
  if (ignores(text)) return text;
  return `${text}${text && !text.endsWith("\n") ? "\n" : ""}${GITIGNORE_LINES.join("\n")}\n`;
}

export function planGitignoreUninstall(text: string): string {
  return text.replace(`${GITIGNORE_LINES.join("\n")}\n`, "");
}

const CLAUDE_MD_START =
  "<!-- ctx-monitor:start (written by `ctx-monitor install --project`; `ctx-monitor uninstall --project` removes it) -->";
const CLAUDE_MD_END = "<!-- ctx-monitor:end -->";

/** The README's CLAUDE.md snippet (test/claude/install.test.ts checks that the two agree). */
export const CLAUDE_MD_SNIPPET = `## Context budget
- Before reading large files, running broad searches or starting a long task, call \`get_context_usage\`
  (ctx-monitor) and read its \`summary\`.
- When its \`status\` is \`warn\`, or \`stepsUntilAutocompact\` is under 10, finish the current step and plan a
  handoff; when it is \`critical\`, call \`write_handoff\` now with the goal, current state, decisions, next steps
  and open questions.
- When the context feels crowded, call \`get_context_breakdown\` and follow its \`advice\`.

## Handoffs
- Before a long task, after finishing a milestone, and whenever \`get_context_usage\` says \`critical\`, call
  \`write_handoff\` with your goal, current state, decisions and why, next steps, open questions and warnings.
- At the start of a session, or right after a compaction, read the resource \`ctx-monitor://handoffs/latest\`
  (or run the \`/mcp__ctx-monitor__resume\` prompt) and continue from its next steps, checking the files first.`;

const BLOCK = `${CLAUDE_MD_START}\n${CLAUDE_MD_SNIPPET}\n${CLAUDE_MD_END}\n`;

function blockRange(text: string): [number, number] | null {
  const start = text.indexOf(CLAUDE_MD_START);
  const end = text.indexOf(CLAUDE_MD_END, start);
  if (start === -1 || end === -1) return null;
  const after = end + CLAUDE_MD_END.length;
  return [start, text[after] === "\n" ? after + 1 : after];
}

export function planClaudeMdInstall(text: string): string {
  const range = blockRange(text);
  if (range) return text.slice(0, range[0]) + BLOCK + text.slice(range[1]);
  return `${text}${text && !text.endsWith("\n") ? "\n" : ""}${text ? "\n" : ""}${BLOCK}`;
}

export function planClaudeMdUninstall(text: string): string {
  const range = blockRange(text);
  if (!range) return text;
  const before = text.slice(0, range[0]);
  // Take out the blank line install put before the block, too.
  return (before.endsWith("\n\n") ? before.slice(0, -1) : before) + text.slice(range[1]);
}
