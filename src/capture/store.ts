// The capture store: compact digests of captured requests, never their texts. Two views of one write:
// `requests.jsonl`, a log rotated by size (the history `compare` reads), and `sessions/<id>.json`,
// the newest request of each session (what usage and breakdown read in one small file).
import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { replaceFile } from "../fs/atomic-write.ts";
import { ensurePrivateDir } from "./paths.ts";

export interface StoreLimits {
  /** Size at which the log is rotated. */
  logBytes: number;
  /** Rotated logs kept besides the current one. */
  rotatedLogs: number;
  /** Per-session files kept (the newest by time). */
  sessions: number;
}

export const DEFAULT_LIMITS: StoreLimits = { logBytes: 8 << 20, rotatedLogs: 2, sessions: 200 };

const LOG = "requests.jsonl";
const SESSIONS = "sessions";
/** Session ids are UUIDs; anything else would not name a file inside the store. */
const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** A stored record; the store only needs its time, session and role to file it. */
interface Stored {
  time: string;
  sessionId: string | null;
  /** Only the main conversation's requests become a session's newest (not subagents', not side requests). */
  role: string;
}

/** Security: every file of the store is created 0600 inside a 0700 folder. */
function appendPrivate(path: string, text: string): void {
  const fd = openSync(path, "a", 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function rotate(dir: string, limits: StoreLimits): void {
  const log = join(dir, LOG);
  let size: number;
  try {
    size = statSync(log).size;
  } catch {
    return;
  }
  if (size < limits.logBytes) return;
  const rotated = (index: number) => join(dir, `requests.${index}.jsonl`);
  rmSync(rotated(limits.rotatedLogs), { force: true });
  for (let index = limits.rotatedLogs - 1; index >= 1; index--) {
    try {
      renameSync(rotated(index), rotated(index + 1));
    } catch {
      // not there yet
    }
  }
  if (limits.rotatedLogs > 0) renameSync(log, rotated(1));
  else rmSync(log, { force: true });
}

/** Writes each session's newest request atomically (a reader never sees half a file). */
function writeSessionNewest(dir: string, record: Stored): void {
  if (record.role !== "main" || !record.sessionId || !SESSION_ID.test(record.sessionId)) return;
  const path = join(dir, SESSIONS, `${record.sessionId}.json`);
  const current = readSessionFile(path);
  if (current && current.time > record.time) return;
  replaceFile(path, JSON.stringify(record), 0o600);
}

function readSessionFile(path: string): Stored | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Stored;
  } catch {
    return null;
  }
}

function pruneSessions(dir: string, keep: number): void {
  const folder = join(dir, SESSIONS);
  const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
  if (files.length <= keep) return;
  const byAge = files
    .map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of byAge.slice(keep)) rmSync(join(folder, old.name), { force: true });
}

export function appendRecords(dir: string, records: readonly Stored[], limits: StoreLimits = DEFAULT_LIMITS): void {
  if (records.length === 0) return;
  ensurePrivateDir(join(dir, SESSIONS));
  ensurePrivateDir(dir);
  rotate(dir, limits);
  appendPrivate(join(dir, LOG), records.map((record) => `${JSON.stringify(record)}\n`).join(""));
  for (const record of records) writeSessionNewest(dir, record);
  pruneSessions(dir, limits.sessions);
}

/** The newest stored request of a session, or null when none was captured. */
export function newestOfSession<T extends Stored>(dir: string, sessionId: string): T | null {
  if (!SESSION_ID.test(sessionId)) return null;
  return readSessionFile(join(dir, SESSIONS, `${sessionId}.json`)) as T | null;
}

/** Every record of the log, oldest first (rotated logs included); unreadable lines are passed by. */
export function readLog<T extends Stored>(dir: string, limits: StoreLimits = DEFAULT_LIMITS): T[] {
  const files = [
    ...Array.from({ length: limits.rotatedLogs }, (_, index) => `requests.${limits.rotatedLogs - index}.jsonl`),
    LOG,
  ];
  const records: T[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        records.push(JSON.parse(line) as T);
      } catch {
        // a torn line from a crash mid-write: skip it
      }
    }
  }
  return records;
}
