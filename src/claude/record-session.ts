// Writes what Claude Code just told the statusline or a hook into the session state file the server
// reads, under the Claude Code process that runs the session (the server is that process's child).
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { claudeSessionsDir } from "./paths.ts";
import {
  parseSessionState,
  type SessionState,
  sessionStateDir,
  sessionStateFileName,
  writeSessionState,
} from "./session-state.ts";

/** The nearest ancestor that Claude Code registered as a running session (`sessions/<pid>.json`). */
function claudeProcessPid(runtime: Runtime): number | null {
  const dir = claudeSessionsDir(runtime);
  return runtime.ancestorPids().find((pid) => existsSync(join(dir, `${pid}.json`))) ?? null;
}

type SessionFacts = Pick<
  SessionState,
  "sessionId" | "transcriptPath" | "cwd" | "modelId" | "contextWindowSize" | "writtenBy"
>;

/**
 * Keeps what an earlier writer knew about the same session and this writer does not (a hook knows the
 * model id, only the statusline knows the window), so neither erases the other.
 */
export function mergeSessionState(
  previous: SessionState | null,
  facts: SessionFacts,
  claudePid: number | null,
  now: Date,
): SessionState {
  const same = previous?.sessionId === facts.sessionId ? previous : null;
  return {
    version: 1,
    claudePid,
    sessionId: facts.sessionId,
    transcriptPath: facts.transcriptPath ?? same?.transcriptPath ?? null,
    cwd: facts.cwd ?? same?.cwd ?? null,
    modelId: facts.modelId ?? same?.modelId ?? null,
    contextWindowSize: facts.contextWindowSize ?? same?.contextWindowSize ?? null,
    writtenBy: facts.writtenBy,
    updatedAt: now.toISOString(),
  };
}

/** State files of processes gone this long are of no use to anyone, and every reader lists the folder. */
const STALE_STATE_MS = 7 * 24 * 60 * 60_000;

function pruneStaleStates(runtime: Runtime): void {
  const dir = sessionStateDir(runtime);
  const oldest = runtime.now().getTime() - STALE_STATE_MS;
  for (const name of readdirSync(dir)) {
    try {
      const path = join(dir, name);
      if (statSync(path).mtimeMs < oldest) unlinkSync(path);
    } catch {
      // Removed by another writer meanwhile.
    }
  }
}

function sameFacts(a: SessionState, b: SessionState): boolean {
  const facts = (state: SessionState) => [
    state.claudePid,
    state.sessionId,
    state.transcriptPath,
    state.cwd,
    state.modelId,
    state.contextWindowSize,
  ];
  return JSON.stringify(facts(a)) === JSON.stringify(facts(b));
}

export function recordSession(runtime: Runtime, facts: SessionFacts): SessionState {
  const claudePid = claudeProcessPid(runtime);
  const path = join(sessionStateDir(runtime), sessionStateFileName({ claudePid, sessionId: facts.sessionId }));
  let previous: SessionState | null = null;
  try {
    previous = parseSessionState(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    previous = null;
  }
  const state = mergeSessionState(previous, facts, claudePid, runtime.now());
  // The statusline runs after every message with the same facts: a file that already says all of it
  // is left as it is (its time still says when the session was last seen to change).
  if (previous && sameFacts(previous, state)) return previous;
  writeSessionState(runtime, state);
  // A new file means a new Claude Code process: the moment to clear out those long gone.
  if (!previous) pruneStaleStates(runtime);
  return state;
}
