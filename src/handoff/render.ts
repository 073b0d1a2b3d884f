// The handoff document: Markdown organised to be skimmed, the agent's own notes first, then what the
// transcript says exactly, within a size budget (it is read back into a context window). Long items
// are cut with their full size noted; what does not fit is counted and said where to find; empty
// sections are left out.
import { counted, exactNumber } from "../base/format.ts";
import type { HandoffFacts } from "./facts.ts";
import { fenced } from "./markdown.ts";
import { promptsBody, requiredPromptChars } from "./render-prompts.ts";
import { type Section, workChars, workSections } from "./render-work.ts";
import { shareByWeight } from "./size-budget.ts";

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

/** Whose notes the handoff shows: its writer's own, or the agent's newest, carried forward. */
export interface NotesOrigin {
  /** Set when the handoff was not written by the agent (the PreCompact hook): said above the notes. */
  writtenBy: string | null;
  carried: { path: string; writtenAt: string; promptsSince: number; toolCallsSince: number } | null;
}

interface RenderInput {
  facts: HandoffFacts;
  notes: HandoffNotes;
  origin: NotesOrigin;
  /** The size budget in characters; the agent's notes are kept whole (each bounded) even beyond it. */
  maxChars: number;
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

/** How many earlier handoffs are listed by path. */
const EARLIER_SHOWN = 20;

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
  const { facts } = input;
  const where = `The transcript \`${input.transcriptPath}\`${input.earlier.length ? " (and the earlier handoffs listed below)" : ""}`;
  const head = renderHeader(input);
  const footer = `---\n${input.resumeInstruction}\n`;
  const fixed: Array<Section | null> = [
    notesSection(input.notes, input.origin),
    tasksSection(facts),
    compactionsSection(facts),
    gitSection(input.git),
    earlierSection(input.earlier),
  ];
  const fixedChars =
    head.length +
    footer.length +
    fixed.reduce((sum, section) => sum + (section ? section[0].length + section[1].length + 8 : 0), 0);
  // What is left after the notes and the short sections is shared by weight: prompts, newest work, files.
  const flexible = input.maxChars - fixedChars - requiredPromptChars(facts.prompts) - 200;
  const [promptRoom = 0, workRoom = 0, filesRoom = 0] = shareByWeight(flexible, [
    { need: promptsNeed(facts), weight: 5 },
    { need: workChars(facts, where), weight: 4 },
    { need: filesChars(facts), weight: 1 },
  ]);
  const [notes, tasks, compactions, git, earlier] = fixed;
  const sections = [
    notes,
    [
      "User prompts (verbatim)",
      promptsBody(facts.prompts, requiredPromptChars(facts.prompts) + promptRoom, where),
    ] as Section,
    tasks,
    filesSection(facts, filesRoom),
    ...workSections(facts, workRoom, where),
    compactions,
    git,
    earlier,
  ].filter((section): section is Section => section !== null && section !== undefined && section[1].trim() !== "");
  const body = sections.map(([title, text]) => `## ${title}\n\n${text.trimEnd()}`).join("\n\n");
  return {
    markdown: `${head}\n\n${body ? `${body}\n\n` : ""}${footer}`,
    sections: sections.map(([title]) => title),
  };
}

/** What the prompts section would take with every prompt shown (repeats folded). */
function promptsNeed(facts: HandoffFacts): number {
  return promptsBody(facts.prompts, Number.MAX_SAFE_INTEGER, "").length;
}

function notesSection(notes: HandoffNotes, origin: NotesOrigin): Section {
  const body = (Object.keys(NOTE_TITLES) as Array<keyof HandoffNotes>)
    .flatMap((key) => {
      const note = notes[key]?.trim();
      return note ? [`### ${NOTE_TITLES[key]}\n\n${boundedNote(note)}`] : [];
    })
    .join("\n\n");
  const lines = [origin.writtenBy ? `_${origin.writtenBy}_` : ""];
  if (origin.carried) {
    const { carried } = origin;
    lines.push(
      `_The agent's notes below are carried forward from its handoff \`${carried.path}\`: notes from ${readableTime(carried.writtenAt)}, ` +
        `${counted(carried.promptsSince, "prompt")} and ${counted(carried.toolCallsSince, "tool call")} ago. What happened since is in the sections that follow._`,
    );
  } else if (origin.writtenBy && !body) {
    lines.push(
      "_The agent has not written notes in this session (write_handoff); the sections below are what the transcript says._",
    );
  }
  return ["Agent's notes", [...lines.filter(Boolean), body].filter(Boolean).join("\n\n")];
}

/** "2026-12-04 14:02 UTC": when notes were written, as a person reads it. */
function readableTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

function tasksSection(facts: HandoffFacts): Section {
  return [
    "Task list (latest)",
    facts.tasks
      .map((task) => `- [${task.status === "completed" ? "x" : " "}] #${task.id} ${task.subject} — ${task.status}`)
      .join("\n"),
  ];
}

function fileRows(facts: HandoffFacts): string[] {
  return [...facts.files]
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
}

function filesChars(facts: HandoffFacts): number {
  return fileRows(facts).reduce((sum, row) => sum + row.length + 1, 0);
}

/** The files, most changed first, as many rows as `room` allows; the rest counted. */
function filesSection(facts: HandoffFacts, room: number): Section | null {
  if (!facts.files.length) return null;
  const rows = fileRows(facts);
  const changed = facts.files.filter((file) => file.edits || file.writes);
  const added = changed.reduce((sum, file) => sum + file.added, 0);
  const removed = changed.reduce((sum, file) => sum + file.removed, 0);
  const stat = changed.length
    ? ` (${exactNumber(added)} lines added, ${exactNumber(removed)} removed by the session's edits)`
    : "";
  let kept = 0;
  for (let left = room; kept < rows.length && rows[kept]!.length + 1 <= left; kept++) left -= rows[kept]!.length + 1;
  const rest = rows.length - kept;
  const more = rest
    ? `\n\n(${counted(rest, "more file")} not listed, each touched less; the transcript has every call.)`
    : "";
  const table = kept
    ? `\n\n| file | read | edited | written | lines |\n| --- | --- | --- | --- | --- |\n${rows.slice(0, kept).join("\n")}`
    : "";
  return ["Files", `${counted(facts.files.length, "file")} touched, ${changed.length} changed${stat}.${table}${more}`];
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

/** The session's earlier handoffs, oldest first; a long list keeps its newest, the rest counted. */
function earlierSection(earlier: readonly EarlierHandoff[]): Section {
  const oldestFirst = [...earlier].sort((a, b) => a.modified.localeCompare(b.modified) || a.path.localeCompare(b.path));
  const shown = oldestFirst.slice(-EARLIER_SHOWN);
  const older = oldestFirst.length - shown.length;
  return [
    "Earlier handoffs of this session",
    (older ? `(${counted(older, "older handoff")} of this session in the same folder.)\n` : "") +
      shown.map((handoff) => `- ${handoff.modified}: \`${handoff.path}\``).join("\n"),
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
