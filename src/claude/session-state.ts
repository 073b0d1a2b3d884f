// The session state file: what Claude Code last told the statusline or a hook about a running
// session. It is the freshest evidence of which session a Claude Code process is on (the id changes
// on /clear, resume and some compactions) and the only exact source of the context window size.
//
// Format (version 1), one file per Claude Code process, `<stateDir>/sessions/<claudePid>.json`, or
// `<stateDir>/sessions/session-<sessionId>.json` when the writer could not find that process:
//   { "version": 1, "claudePid": 4242 | null, "sessionId": "…", "transcriptPath": "…" | null,
//     "cwd": "…" | null, "modelId": "claude-opus-4-8[1m]" | null, "contextWindowSize": 1000000 | null,
//     "writtenBy": "statusline" | "hook:SessionStart" | …, "updatedAt": "2026-11-24T12:00:00.000Z" }

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { replaceFile } from "../fs/atomic-write.ts";
import { makeFolder } from "../fs/make-folder.ts";
import { ctxMonitorStateDir, STATE_DIR_SETTING } from "./paths.ts";

export interface SessionState {
  version: 1;
  claudePid: number | null;
  sessionId: string;
  transcriptPath: string | null;
  cwd: string | null;
  modelId: string | null;
  contextWindowSize: number | null;
  writtenBy: string;
  updatedAt: string;
}

// Validated by hand rather than with a schema library: the statusline runs this on every render,
// and process start-up time is most of its cost.
export function parseSessionState(value: unknown): SessionState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const stringOrNull = (x: unknown) => x === null || typeof x === "string";
  const ok =
    v.version === 1 &&
    (v.claudePid === null || Number.isInteger(v.claudePid)) &&
    typeof v.sessionId === "string" &&
    v.sessionId.length > 0 &&
    stringOrNull(v.transcriptPath) &&
    stringOrNull(v.cwd) &&
    stringOrNull(v.modelId) &&
    (v.contextWindowSize === null || (Number.isInteger(v.contextWindowSize) && (v.contextWindowSize as number) > 0)) &&
    typeof v.writtenBy === "string" &&
    typeof v.updatedAt === "string";
  if (!ok) return null;
  const { version, claudePid, sessionId, transcriptPath, cwd, modelId, contextWindowSize, writtenBy, updatedAt } = v;
  return {
    version,
    claudePid,
    sessionId,
    transcriptPath,
    cwd,
    modelId,
    contextWindowSize,
    writtenBy,
    updatedAt,
  } as SessionState;
}

export function sessionStateDir(runtime: Runtime): string {
  return join(ctxMonitorStateDir(runtime), "sessions");
}

export function sessionStateFileName(state: Pick<SessionState, "claudePid" | "sessionId">): string {
  return state.claudePid !== null
    ? `${state.claudePid}.json`
    : `session-${state.sessionId.replace(/[^\w-]/g, "_")}.json`;
}

/** Writes atomically (temporary file + rename) so a reader never sees half a file. */
export function writeSessionState(runtime: Runtime, state: SessionState): string {
  const dir = sessionStateDir(runtime);
  makeFolder(dir, 0o700, STATE_DIR_SETTING);
  const path = join(dir, sessionStateFileName(state));
  const valid = parseSessionState(state);
  if (!valid) throw new Error(`refusing to write an invalid session state for ${state.sessionId}`);
  replaceFile(path, `${JSON.stringify(valid)}\n`, 0o600);
  return path;
}

function readStateFile(path: string): SessionState | null {
  try {
    return parseSessionState(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return null;
  }
}

/** The state written for one of these Claude Code processes, nearest first. */
export function readStateForProcesses(runtime: Runtime, pids: readonly number[]): SessionState | null {
  const dir = sessionStateDir(runtime);
  for (const pid of pids) {
    const state = readStateFile(join(dir, `${pid}.json`));
    if (state) return state;
  }
  return null;
}

/** The newest state that names this session, whichever process wrote it. */
export function readStateForSession(runtime: Runtime, sessionId: string): SessionState | null {
  let names: string[];
  try {
    names = readdirSync(sessionStateDir(runtime)).filter((name) => name.endsWith(".json"));
  } catch {
    return null;
  }
  let newest: SessionState | null = null;
  for (const name of names) {
    const state = readStateFile(join(sessionStateDir(runtime), name));
    if (state?.sessionId === sessionId && (!newest || state.updatedAt > newest.updatedAt)) newest = state;
  }
  return newest;
}
