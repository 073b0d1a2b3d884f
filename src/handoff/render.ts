// The handoff document: Markdown organised to be skimmed, the agent's own notes first, then what the
// transcript says exactly. Long items are cut with their full size noted; empty sections are left out.
import { counted, exactNumber } from "../context/format.ts";
import { KEPT_CHARS, NEWEST, type HandoffFacts, type KeptText } from "./facts.ts";

export interface HandoffNotes {
  goal?: string | undefined;
  currentState?: string | undefined;
  decisions?: string | undefined;
  nextSteps?: string | undefined;
  openQuestions?: string | undefined;
  warnings?: string | undefined;
}

export const NOTE_TITLES: Record<keyof HandoffNotes, string> = {
  goal: "Goal",
  currentState: "Current state",
  decisions: "Decisions and why",
  nextSteps: "Next steps",
  openQuestions: "Open questions",
  warnings: "Warnings",
};

export interface ContextFigures {
  usedTokens: number;
  contextWindow: number;
  usedPercent: number;
  autocompactAt: number | null;
  status: string;
  compactions: number;
  estimated: boolean;
}

export interface GitSnapshot {
  branch: string | null;
  status: string;
}

export interface EarlierHandoff {
  path: string;
  modified: string;
}

export interface RenderInput {
  facts: HandoffFacts;
  notes: HandoffNotes;
  writtenAt: string;
  transcriptPath: string;
  context: ContextFigures | null;
  git: GitSnapshot | null;
  earlier: readonly EarlierHandoff[];
  resumeInstruction: string;
}

export interface Rendered {
  markdown: string;
  sections: string[];
}

/** Limits for what is cut; prompts and the agent's notes never are. */
const LIMITS = { failure: 2_000, output: 600, report: 4_000, assistantText: 1_500, error: 1_500, subagentPrompt: 1_500 } as const;

/** Each of the agent's notes keeps at most this much: a resumed context reads the handoff, and must have room to work. */
export const NOTE_LIMIT = 64_000;

/** A note cut to NOTE_LIMIT says how much was left out, and closes a fenced block the cut leaves open (it was redacted whole before). */
function boundedNote(text: string): string {
  if (text.length <= NOTE_LIMIT) return text;
  const kept = text.slice(0, NOTE_LIMIT);
  const open = kept.split("\n").reduce<string | null>((fence, line) => {
    const mark = /^\s*(`{3,})/.exec(line)?.[1];
    if (!mark) return fence;
    return fence === null ? mark : line.trim() === fence ? null : fence;
  }, null);
  return `${kept}${open ? `\n${open}` : ""}\n… [cut: this note was ${exactNumber(text.length)} chars; the last ${exactNumber(text.length - NOTE_LIMIT)} were not kept]`;
}

/** The newest `keep` entries, with a line saying how many older ones were left out. */
function newest<T>(items: readonly T[], keep: number, what: string): { shown: T[]; note: string } {
  if (items.length <= keep) return { shown: [...items], note: "" };
  return { shown: items.slice(-keep), note: `(${items.length - keep} earlier ${what} not shown; the transcript has them all.)\n\n` };
}

/** At most `max` characters of a kept text, saying how long it was when anything is left out. */
export function clip(kept: KeptText, max: number): string {
  if (kept.text.length <= max && kept.chars <= KEPT_CHARS) return kept.text;
  return `${kept.text.slice(0, max)}\n… [cut: ${exactNumber(kept.chars)} chars in full]`;
}

/** A fenced block that cannot be closed early by the text inside it. */
export function fenced(text: string, language = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

function quoted(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

export function renderHandoff(input: RenderInput): Rendered {
  const { facts, notes } = input;
  const sections: Array<[string, string]> = [];
  const section = (title: string, body: string) => {
    if (body.trim()) sections.push([title, body.trimEnd()]);
  };

  const noteBody = (Object.keys(NOTE_TITLES) as Array<keyof HandoffNotes>)
    .filter((key) => notes[key]?.trim())
    .map((key) => `### ${NOTE_TITLES[key]}\n\n${boundedNote(notes[key]!.trim())}`)
    .join("\n\n");
  section("Agent's notes", noteBody);

  section(
    "User prompts (verbatim)",
    facts.prompts
      .map((prompt) => `### ${prompt.command ? "Command" : "Prompt"} ${prompt.number}${prompt.at ? ` — ${prompt.at}` : ""}\n\n${fenced(prompt.text, "text")}`)
      .join("\n\n"),
  );

  section("Task list (latest)", facts.tasks.map((task) => `- [${task.status === "completed" ? "x" : " "}] #${task.id} ${task.subject} — ${task.status}`).join("\n"));

  if (facts.files.length) {
    const rows = [...facts.files]
      .sort((a, b) => b.edits + b.writes - (a.edits + a.writes) || b.reads - a.reads || a.path.localeCompare(b.path))
      .map((file) => `| \`${file.path}\` | ${file.reads || ""} | ${file.edits || ""} | ${file.writes || ""} |`);
    const changed = facts.files.filter((file) => file.edits || file.writes).length;
    section("Files", `${counted(facts.files.length, "file")} touched, ${changed} changed.\n\n| file | read | edited | written |\n| --- | --- | --- | --- |\n${rows.join("\n")}`);
  }

  if (facts.commands.length) {
    const failed = facts.commands.filter((command) => command.ok === false);
    const { shown, note } = newest(facts.commands, NEWEST.commands, "commands");
    const offset = facts.commands.length - shown.length;
    const list = shown
      .map((command, shownIndex) => {
        const index = offset + shownIndex;
        const outcome = command.ok === null ? "no result recorded" : command.ok ? "ok" : "**failed**";
        const head = `${index + 1}. \`${command.command.replace(/\s+/g, " ").slice(0, 300)}\` — ${outcome} (after prompt ${command.turn})${command.description ? ` — ${command.description}` : ""}`;
        if (command.ok === false && command.output) return `${head}\n\n${indent(fenced(clip(command.output, LIMITS.failure)))}`;
        const output = command.output?.text.trim();
        if (command.ok && output) return `${head}\n\n${indent(fenced(clip({ text: output, chars: command.output!.chars }, LIMITS.output)))}`;
        return head;
      })
      .join("\n");
    section("Commands", `${facts.commands.length} run, ${failed.length} failed.\n\n${note}${list}`);
  }

  const errors = newest(facts.errors, NEWEST.errors, "errors");
  section("Errors", errors.note + errors.shown.map((error) => `- after prompt ${error.turn}, ${error.source}:\n\n${indent(fenced(clip(error.message, LIMITS.error)))}`).join("\n"));

  const subagents = newest(facts.subagents, NEWEST.subagents, "subagents");
  const subagentText = subagents.shown.map((agent) => {
    const lines = [`### ${agent.description}${agent.type ? ` (${agent.type})` : ""} — after prompt ${agent.turn}`, "", "Prompt:", "", quoted(clip(agent.prompt, LIMITS.subagentPrompt))];
    lines.push("", agent.report === null ? "No report recorded." : `Report:\n\n${quoted(clip(agent.report, LIMITS.report))}`);
    return lines.join("\n");
  });
  section("Subagents", subagents.note + subagentText.join("\n\n"));

  const turns = newest(
    facts.turns.filter((turn) => turn.actions.length || turn.replies.length),
    NEWEST.turns,
    "prompts' activity",
  );
  section(
    "What happened, prompt by prompt",
    turns.note +
      turns.shown
        .map((turn) => {
          const title = turn.prompt === 0 ? "Before the first prompt" : `After prompt ${turn.prompt}`;
          const actions = turn.actions.length ? `${counted(turn.actions.length, "tool call")}: ${summarizeActions(turn.actions)}` : "No tool calls.";
          const replies = turn.replies.length
            ? `\n\nThe agent said:\n\n${turn.replies.map((reply) => quoted(clip(reply, LIMITS.assistantText))).join("\n>\n")}`
            : "";
          return `### ${title}\n\n${actions}${replies}`;
        })
        .join("\n\n"),
  );

  section(
    "Compactions",
    facts.compactions
      .map((compaction) => `- ${compaction.at ?? "unknown time"}: ${compaction.trigger ?? "?"}, ${exactNumber(compaction.preTokens ?? 0)} → ${exactNumber(compaction.postTokens ?? 0)} tokens`)
      .join("\n"),
  );

  if (input.git) {
    section("Git", `Branch: \`${input.git.branch ?? "(detached)"}\`\n\n${input.git.status.trim() ? fenced(input.git.status.trimEnd()) : "Working tree clean."}`);
  }

  section("Earlier handoffs of this session", input.earlier.map((handoff) => `- ${handoff.modified}: \`${handoff.path}\``).join("\n"));

  const header = renderHeader(input);
  const body = sections.map(([title, text]) => `## ${title}\n\n${text}`).join("\n\n");
  return { markdown: `${header}\n\n${body ? `${body}\n\n` : ""}---\n${input.resumeInstruction}\n`, sections: sections.map(([title]) => title) };
}

function renderHeader(input: RenderInput): string {
  const { facts, context } = input;
  const lines = [
    `# Handoff${facts.projectDir ? ` — ${facts.projectDir}` : ""}`,
    "",
    `- Written: ${input.writtenAt} by ctx-monitor`,
    `- Session: \`${facts.sessionId ?? "unknown"}\`${facts.startedAt ? `, started ${facts.startedAt}` : ""}${facts.lastAt ? `, last record ${facts.lastAt}` : ""}`,
    `- Transcript: \`${input.transcriptPath}\``,
  ];
  if (facts.model) lines.push(`- Model: ${facts.model}`);
  if (context) {
    const autocompact = context.autocompactAt === null ? "auto-compact off" : `auto-compact expected at ${exactNumber(context.autocompactAt)}`;
    lines.push(
      `- Context: ${exactNumber(context.usedTokens)}${context.estimated ? " (estimated)" : ""} of ${exactNumber(context.contextWindow)} tokens (${context.usedPercent}%), ${autocompact}, status ${context.status}, ${counted(context.compactions, "compaction")} so far`,
    );
  }
  const prompts = facts.prompts.length;
  lines.push(
    `- Contents: ${counted(prompts, "user prompt")}, ${counted(facts.files.length, "file")}, ${counted(facts.commands.length, "command")}, ${counted(facts.subagents.length, "subagent")}`,
  );
  return lines.join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `   ${line}` : line))
    .join("\n");
}

/** "Read a.ts, Edit a.ts ×2, Bash: npm test" — repeats folded, order kept. */
function summarizeActions(actions: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => (count > 1 ? `${action} ×${count}` : action)).join("; ");
}
