// The handoff document: Markdown organised to be skimmed, the agent's own notes first, then what the
// transcript says exactly. Long items are cut with their full size noted; empty sections are left out.
import { counted, exactNumber } from "../context/format.ts";
import { clip, headAndTail } from "./excerpt.ts";
import { NEWEST, type HandoffFacts } from "./facts.ts";

export interface HandoffNotes {
  goal?: string | undefined;
  currentState?: string | undefined;
  decisions?: string | undefined;
  nextSteps?: string | undefined;
  openQuestions?: string | undefined;
  warnings?: string | undefined;
}

const NOTE_TITLES: Record<keyof HandoffNotes, string> = {
  goal: "Goal",
  currentState: "Current state",
  decisions: "Decisions and why",
  nextSteps: "Next steps",
  openQuestions: "Open questions",
  warnings: "Warnings",
};

interface ContextFigures {
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
  /** `git diff --stat HEAD`: what the working tree changes against the last commit. */
  diffStat: string;
}

interface EarlierHandoff {
  path: string;
  modified: string;
}

interface RenderInput {
  facts: HandoffFacts;
  notes: HandoffNotes;
  writtenAt: string;
  transcriptPath: string;
  context: ContextFigures | null;
  git: GitSnapshot | null;
  earlier: readonly EarlierHandoff[];
  resumeInstruction: string;
}

interface Rendered {
  markdown: string;
  sections: string[];
}

/** Limits for what is cut; prompts and the agent's notes never are. */
const LIMITS = { report: 4_000, assistantText: 1_500, error: 1_500, subagentPrompt: 1_500 } as const;
const OUTPUT = { ok: { chars: 1_200, lines: 24 }, failed: { chars: 3_000, lines: 60 } } as const;

type Section = [title: string, body: string];

/** Each of the agent's notes keeps at most this much: a resumed context reads the handoff, and must have room to work. */
const NOTE_LIMIT = 64_000;

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

export function renderHandoff(input: RenderInput): Rendered {
  const sections = [
    notesSection(input.notes),
    promptsSection(input.facts),
    tasksSection(input.facts),
    filesSection(input.facts),
    commandsSection(input.facts),
    errorsSection(input.facts),
    subagentsSection(input.facts),
    turnsSection(input.facts),
    compactionsSection(input.facts),
    gitSection(input.git),
    earlierSection(input.earlier),
  ].filter((section): section is Section => section !== null && section[1].trim() !== "");
  const body = sections.map(([title, text]) => `## ${title}\n\n${text.trimEnd()}`).join("\n\n");
  return {
    markdown: `${renderHeader(input)}\n\n${body ? `${body}\n\n` : ""}---\n${input.resumeInstruction}\n`,
    sections: sections.map(([title]) => title),
  };
}

/** The newest `keep` entries, with a line saying how many older ones were left out. */
function newest<T>(items: readonly T[], keep: number, what: string): { shown: T[]; offset: number; note: string } {
  if (items.length <= keep) return { shown: [...items], offset: 0, note: "" };
  return {
    shown: items.slice(-keep),
    offset: items.length - keep,
    note: `(${items.length - keep} earlier ${what} not shown; the transcript has them all.)\n\n`,
  };
}

/** A fenced block that cannot be closed early by the text inside it. */
function fenced(text: string, language = ""): string {
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

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `   ${line}` : line))
    .join("\n");
}

function notesSection(notes: HandoffNotes): Section {
  const body = (Object.keys(NOTE_TITLES) as Array<keyof HandoffNotes>)
    .flatMap((key) => {
      const note = notes[key]?.trim();
      return note ? [`### ${NOTE_TITLES[key]}\n\n${boundedNote(note)}`] : [];
    })
    .join("\n\n");
  return ["Agent's notes", body];
}

function promptsSection(facts: HandoffFacts): Section {
  const body = facts.prompts
    .map(
      (prompt) =>
        `### ${prompt.command ? "Command" : "Prompt"} ${prompt.number}${prompt.at ? ` — ${prompt.at}` : ""}\n\n${fenced(prompt.text, "text")}`,
    )
    .join("\n\n");
  return ["User prompts (verbatim)", body];
}

function tasksSection(facts: HandoffFacts): Section {
  return [
    "Task list (latest)",
    facts.tasks
      .map((task) => `- [${task.status === "completed" ? "x" : " "}] #${task.id} ${task.subject} — ${task.status}`)
      .join("\n"),
  ];
}

function filesSection(facts: HandoffFacts): Section | null {
  if (!facts.files.length) return null;
  const rows = [...facts.files]
    .sort(
      (a, b) =>
        b.added + b.removed - (a.added + a.removed) ||
        b.edits + b.writes - (a.edits + a.writes) ||
        b.reads - a.reads ||
        a.path.localeCompare(b.path),
    )
    .map((file) => {
      const lines = file.added || file.removed ? `+${file.added} −${file.removed}` : "";
      return `| \`${file.path}\` | ${file.reads || ""} | ${file.edits || ""} | ${file.writes || ""} | ${lines} |`;
    });
  const changed = facts.files.filter((file) => file.edits || file.writes);
  const added = changed.reduce((sum, file) => sum + file.added, 0);
  const removed = changed.reduce((sum, file) => sum + file.removed, 0);
  const stat = changed.length
    ? ` (${exactNumber(added)} lines added, ${exactNumber(removed)} removed by the session's edits)`
    : "";
  return [
    "Files",
    `${counted(facts.files.length, "file")} touched, ${changed.length} changed${stat}.\n\n| file | read | edited | written | lines |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}`,
  ];
}

function commandsSection(facts: HandoffFacts): Section | null {
  if (!facts.commands.length) return null;
  const failed = facts.commands.filter((command) => command.ok === false).length;
  const { shown, offset, note } = newest(facts.commands, NEWEST.commands, "commands");
  const list = shown.map((command, shownIndex) => {
    const outcome = command.ok === null ? "no result recorded" : command.ok ? "ok" : "**failed**";
    const head = `${offset + shownIndex + 1}. \`${command.command.replace(/\s+/g, " ").slice(0, 300)}\` — ${outcome} (after prompt ${command.turn})${command.description ? ` — ${command.description}` : ""}`;
    if (!command.output?.text.trim()) return head;
    return `${head}\n\n${indent(fenced(headAndTail(command.output, command.ok === false ? OUTPUT.failed : OUTPUT.ok).trimEnd()))}`;
  });
  return ["Commands", `${facts.commands.length} run, ${failed} failed.\n\n${note}${list.join("\n")}`];
}

function errorsSection(facts: HandoffFacts): Section {
  const errors = newest(facts.errors, NEWEST.errors, "errors");
  return [
    "Errors",
    errors.note +
      errors.shown
        .map(
          (error) =>
            `- after prompt ${error.turn}, ${error.source}:\n\n${indent(fenced(clip(error.message, LIMITS.error)))}`,
        )
        .join("\n"),
  ];
}

function subagentsSection(facts: HandoffFacts): Section {
  const subagents = newest(facts.subagents, NEWEST.subagents, "subagents");
  const text = subagents.shown.map((agent) => {
    const lines = [
      `### ${agent.description}${agent.type ? ` (${agent.type})` : ""} — after prompt ${agent.turn}`,
      "",
      "Prompt:",
      "",
      quoted(clip(agent.prompt, LIMITS.subagentPrompt)),
    ];
    lines.push(
      "",
      agent.report === null ? "No report recorded." : `Report:\n\n${quoted(clip(agent.report, LIMITS.report))}`,
    );
    return lines.join("\n");
  });
  return ["Subagents", subagents.note + text.join("\n\n")];
}

function turnsSection(facts: HandoffFacts): Section {
  const turns = newest(
    facts.turns.filter((turn) => turn.actions.length || turn.replies.length),
    NEWEST.turns,
    "prompts' activity",
  );
  const body = turns.shown.map((turn) => {
    const title = turn.prompt === 0 ? "Before the first prompt" : `After prompt ${turn.prompt}`;
    const actions = turn.actions.length
      ? `${counted(turn.actions.length, "tool call")}: ${summarizeActions(turn.actions)}`
      : "No tool calls.";
    const replies = turn.replies.length
      ? `\n\nThe agent said:\n\n${turn.replies.map((reply) => quoted(clip(reply, LIMITS.assistantText))).join("\n>\n")}`
      : "";
    return `### ${title}\n\n${actions}${replies}`;
  });
  return ["What happened, prompt by prompt", turns.note + body.join("\n\n")];
}

function compactionsSection(facts: HandoffFacts): Section {
  const body = facts.compactions
    .map(
      (compaction) =>
        `- ${compaction.at ?? "unknown time"}: ${compaction.trigger ?? "?"}, ${exactNumber(compaction.preTokens ?? 0)} → ${exactNumber(compaction.postTokens ?? 0)} tokens`,
    )
    .join("\n");
  return ["Compactions", body];
}

function gitSection(git: GitSnapshot | null): Section | null {
  if (!git) return null;
  const status = git.status.trim() ? fenced(git.status.trimEnd()) : "Working tree clean.";
  const diff = git.diffStat.trim()
    ? `\n\nChanged against the last commit (\`git diff --stat HEAD\`):\n\n${fenced(git.diffStat.trimEnd())}`
    : "";
  return ["Git", `Branch: \`${git.branch ?? "(detached)"}\`\n\n${status}${diff}`];
}

function earlierSection(earlier: readonly EarlierHandoff[]): Section {
  const oldestFirst = [...earlier].sort((a, b) => a.modified.localeCompare(b.modified) || a.path.localeCompare(b.path));
  return [
    "Earlier handoffs of this session",
    oldestFirst.map((handoff) => `- ${handoff.modified}: \`${handoff.path}\``).join("\n"),
  ];
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
    const autocompact =
      context.autocompactAt === null
        ? "auto-compact off"
        : `auto-compact expected at ${exactNumber(context.autocompactAt)}`;
    lines.push(
      `- Context: ${exactNumber(context.usedTokens)}${context.estimated ? " (estimated)" : ""} of ${exactNumber(context.contextWindow)} tokens (${context.usedPercent}%), ${autocompact}, status ${context.status}, ${counted(context.compactions, "compaction")} so far`,
    );
  }
  lines.push(
    `- Contents: ${counted(facts.prompts.length, "user prompt")}, ${counted(facts.files.length, "file")}, ${counted(facts.commands.length, "command")}, ${counted(facts.subagents.length, "subagent")}`,
  );
  return lines.join("\n");
}

/** "Read a.ts, Edit a.ts ×2, Bash: npm test" — repeats folded, order kept. */
function summarizeActions(actions: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => (count > 1 ? `${action} ×${count}` : action)).join("; ");
}
