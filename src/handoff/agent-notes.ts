// The agent's own notes, kept beside the handoff that holds them, so a handoff written without notes
// (the PreCompact hook's, a bare `ctx-monitor handoff`) can carry forward the newest ones of its
// session instead of hiding them behind a path. Each handoff gets a small hidden record
// `.<handoff name>.notes.json` saying who wrote it (the agent's tool, the CLI, the PreCompact hook) and
// the notes it was written with, if any; finding the newest notes is one directory listing and one
// small read, never a read of every handoff. Records are written like handoffs: new files, owner-only,
// never replaced.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { writeNewFile } from "../fs/atomic-write.ts";
import type { HandoffNotes } from "./render.ts";
import { isHandoffOfSession } from "./store.ts";

/** Who wrote a handoff: the agent with the write_handoff tool, `ctx-monitor handoff`, or the PreCompact hook. */
export type HandoffWriter = "agent" | "cli" | "pre-compact";
const WRITERS: readonly HandoffWriter[] = ["agent", "cli", "pre-compact"];

/** The agent's notes and where the session stood when they were written. */
export interface AgentNotesRecord {
  sessionId: string;
  /** The handoff file (full path) that holds these notes. */
  handoffPath: string;
  writtenAt: string;
  /** User prompts and tool calls in the session when the notes were written. */
  prompts: number;
  toolCalls: number;
  /** Redacted, as written into the handoff. */
  notes: HandoffNotes;
}

const SUFFIX = ".notes.json";
/** Six notes of at most 64,000 characters each, with room for JSON escapes. */
const MAX_RECORD_BYTES = 2 << 20;
const NOTE_KEYS = ["goal", "currentState", "decisions", "nextSteps", "openQuestions", "warnings"] as const;

function recordName(handoffName: string): string {
  return `.${handoffName.replace(/\.md$/, "")}${SUFFIX}`;
}

/** What the record beside a handoff says of it; null when it has none (written before records said who wrote them, or not at all). */
export function handoffRecordOf(
  folder: string,
  handoffName: string,
): { writer: HandoffWriter | null; withNotes: boolean } | null {
  const text = readBounded(join(folder, recordName(handoffName)));
  if (text === null) return null;
  const value = jsonObject(text);
  if (!value) return null;
  const writer = WRITERS.find((each) => each === value.writer) ?? null;
  return { writer, withNotes: hasNotes(notesOf(value)) };
}

/** True when at least one note has words in it. */
export function hasNotes(notes: HandoffNotes): boolean {
  return NOTE_KEYS.some((key) => Boolean(notes[key]?.trim()));
}

/** Records who wrote a handoff and the notes it was written with, beside it (a record already there is left as it is). */
export function writeHandoffRecord(folder: string, record: AgentNotesRecord & { writer: HandoffWriter | null }): void {
  const content = JSON.stringify({ version: 1, ...record, handoffPath: basename(record.handoffPath) });
  writeNewFile(folder, [recordName(basename(record.handoffPath))], content, 0o600);
}

/**
 * The newest notes the agent wrote in this session, or null. Only records whose handoff is still a
 * regular file in the folder count (a handoff deleted by hand takes its notes with it).
 * Security: read without following a symlink, as a regular file with one link, bounded in size.
 */
export function newestAgentNotes(folder: string, sessionId: string): AgentNotesRecord | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const records = names
    .filter((name) => name.startsWith(".") && name.endsWith(SUFFIX))
    .map((name) => ({ name, handoff: `${name.slice(1, -SUFFIX.length)}.md` }))
    .filter(({ handoff }) => isHandoffOfSession(handoff, sessionId))
    .sort((a, b) => b.handoff.localeCompare(a.handoff));
  for (const { name, handoff } of records) {
    if (!isRegularFile(join(folder, handoff))) continue;
    const record = readRecord(join(folder, name), join(folder, handoff), sessionId);
    if (record) return record;
  }
  return null;
}

function isRegularFile(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.nlink === 1;
  } catch {
    return false;
  }
}

function readRecord(path: string, handoffPath: string, sessionId: string): AgentNotesRecord | null {
  const text = readBounded(path);
  return text === null ? null : parseRecord(text, handoffPath, sessionId);
}

function readBounded(path: string): string | null {
  let text: string;
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.nlink !== 1 || stat.size > MAX_RECORD_BYTES) return null;
      text = readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  return text;
}

function jsonObject(text: string): Record<string, unknown> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : null;
}

function notesOf(value: Record<string, unknown>): HandoffNotes {
  const rawNotes =
    typeof value.notes === "object" && value.notes !== null ? (value.notes as Record<string, unknown>) : {};
  const notes: HandoffNotes = {};
  for (const key of NOTE_KEYS) if (typeof rawNotes[key] === "string") notes[key] = rawNotes[key] as string;
  return notes;
}

function parseRecord(text: string, handoffPath: string, sessionId: string): AgentNotesRecord | null {
  const value = jsonObject(text);
  if (!value) return null;
  const notes = notesOf(value);
  const count = (figure: unknown) =>
    typeof figure === "number" && Number.isInteger(figure) && figure >= 0 ? figure : 0;
  if (value.sessionId !== sessionId || typeof value.writtenAt !== "string" || !hasNotes(notes)) return null;
  return {
    sessionId,
    handoffPath,
    writtenAt: value.writtenAt,
    prompts: count(value.prompts),
    toolCalls: count(value.toolCalls),
    notes,
  };
}
