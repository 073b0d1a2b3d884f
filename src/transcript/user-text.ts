// What a piece of user text is to a person: the user's own words, a slash command they typed, Claude
// Code's bookkeeping, or the compaction summary. One classifier for the breakdown and the handoff, so
// "user prompt 3" in one is "Prompt 3" in the other.

type UserText =
  | { kind: "prompt"; text: string }
  /** A slash command as the user typed it: `/review 12`. */
  | { kind: "command"; text: string }
  /** Claude Code's own text (command output, reminders, `!` shell echoes): `tag` names it. */
  | { kind: "harness"; tag: string | null }
  | { kind: "compaction-summary" };

const COMMAND_NAME = /<command-name>\s*([^<]*?)\s*<\/command-name>/;
const COMMAND_ARGS = /<command-args>([\s\S]*?)<\/command-args>/;
const HARNESS_TAG =
  /^\s*<(local-command-stdout|local-command-stderr|local-command-caveat|system-reminder|bash-input|bash-stdout|bash-stderr|command-message|command-args|command-name)>/;

/** null for blank text, which is nobody's words. */
export function classifyUserText(text: string, flags: { isMeta: boolean; isCompactSummary: boolean }): UserText | null {
  if (flags.isCompactSummary) return { kind: "compaction-summary" };
  if (flags.isMeta) return { kind: "harness", tag: HARNESS_TAG.exec(text)?.[1] ?? null };
  const command = COMMAND_NAME.exec(text);
  if (command?.[1]) {
    const args = COMMAND_ARGS.exec(text)?.[1]?.trim();
    return { kind: "command", text: `${command[1]}${args ? ` ${args}` : ""}` };
  }
  const tag = HARNESS_TAG.exec(text)?.[1];
  if (tag) return { kind: "harness", tag };
  return text.trim() ? { kind: "prompt", text } : null;
}
