// Which transcript belongs to the calling session. Best evidence first, and the answer says which
// evidence was used. Between equally specific sources, the most recent evidence wins: the session id
// changes under a running server on /clear, resume and some compactions.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { UserError } from "../base/user-error.ts";
import {
  claudeSessionsDir,
  defaultProjectDir,
  encodeProjectDir,
  MAX_ENCODED_PROJECT_LENGTH,
  projectsDir,
} from "../claude/paths.ts";
import { readStateForProcesses } from "../claude/session-state.ts";
import { readRegularText } from "../fs/open-regular.ts";

/** How the session was found, best evidence first. */
export const SESSION_SOURCES = [
  "transcript-path",
  "tool-use-id",
  "session-id",
  "hook-state",
  "claude-process",
  "env",
  "newest-in-project",
] as const;

export type SessionSource = (typeof SESSION_SOURCES)[number];

export interface LocateRequest {
  transcriptPath?: string | undefined;
  sessionId?: string | undefined;
  projectDir?: string | undefined;
}

export interface LocatedTranscript {
  path: string;
  sessionId: string;
  /** The project folder the session runs in, when known. */
  projectDir: string | null;
  source: SessionSource;
  /** True when nothing identified the session and the newest transcript of the project was taken. */
  guessed: boolean;
}

export class TranscriptNotFoundError extends UserError {
  constructor(
    message: string,
    readonly searched: readonly string[],
  ) {
    super(message);
  }
}

interface Evidence {
  sessionId: string;
  transcriptPath: string | null;
  projectDir: string | null;
  source: SessionSource;
  at: number;
}

export function locateTranscript(request: LocateRequest, runtime: Runtime): LocatedTranscript {
  const searched: string[] = [];
  if (request.transcriptPath) {
    // Absolute from here on: answers and handoffs name it, and are read from other folders.
    const path = resolve(runtime.cwd, request.transcriptPath);
    if (isFile(path)) {
      return {
        path,
        sessionId: basename(path, ".jsonl"),
        projectDir: request.projectDir ?? null,
        source: "transcript-path",
        guessed: false,
      };
    }
    const what = whatIsInTheWay(path);
    throw new TranscriptNotFoundError(
      `${path} ${what}; pass a session's .jsonl file (transcripts live under ${projectsDir(runtime)}/<project>/<session id>.jsonl)`,
      [path],
    );
  }

  // Claude Code names its project (the server's CLAUDE_PROJECT_DIR); a person may be in a subfolder of it.
  const named = request.projectDir ?? runtime.env.CLAUDE_PROJECT_DIR;
  const projectDir = named || sessionsProjectDir(runtime, defaultProjectDir(runtime));
  if (request.sessionId) {
    const path =
      findSessionTranscript(runtime, request.sessionId, projectDir, searched) ??
      findByIdPrefix(runtime, request.sessionId, projectDir);
    if (path) return { path, sessionId: basename(path, ".jsonl"), projectDir, source: "session-id", guessed: false };
    throw new TranscriptNotFoundError(
      `no transcript for session ${request.sessionId} under ${projectsDir(runtime)}; pass transcript_path or check CLAUDE_CONFIG_DIR`,
      searched,
    );
  }

  const evidence = gatherEvidence(runtime).sort((a, b) => b.at - a.at);
  for (const candidate of evidence) {
    const path =
      candidate.transcriptPath && isFile(candidate.transcriptPath)
        ? candidate.transcriptPath
        : findSessionTranscript(runtime, candidate.sessionId, candidate.projectDir ?? projectDir, searched);
    if (path) {
      return {
        path,
        sessionId: candidate.sessionId,
        projectDir: candidate.projectDir ?? projectDir,
        source: candidate.source,
        guessed: false,
      };
    }
  }

  const newest = newestMainTranscript(projectFolders(runtime, projectDir), searched);
  if (newest) {
    return {
      path: newest,
      sessionId: basename(newest, ".jsonl"),
      projectDir,
      source: "newest-in-project",
      guessed: true,
    };
  }
  throw new TranscriptNotFoundError(
    `no Claude Code transcript found for ${projectDir} (looked in ${searched.join(", ") || projectsDir(runtime)}); ` +
      "pass session_id or transcript_path",
    searched,
  );
}

function gatherEvidence(runtime: Runtime): Evidence[] {
  const evidence: Evidence[] = [];
  const { CLAUDE_CODE_SESSION_ID: envSession, CLAUDE_PROJECT_DIR: envProject } = runtime.env;
  if (envSession) {
    evidence.push({
      sessionId: envSession,
      transcriptPath: null,
      projectDir: envProject || null,
      source: "env",
      at: runtime.startedAt.getTime(),
    });
  }
  const pids = runtime.ancestorPids();
  const process = claudeProcessSession(runtime, pids);
  if (process) evidence.push(process);
  const state = readStateForProcesses(runtime, pids);
  if (state) {
    evidence.push({
      sessionId: state.sessionId,
      transcriptPath: state.transcriptPath,
      projectDir: state.cwd,
      source: "hook-state",
      at: Date.parse(state.updatedAt) || 0,
    });
  }
  return evidence;
}

/** `~/.claude/sessions/<pid>.json` of the nearest ancestor that is a Claude Code process. */
function claudeProcessSession(runtime: Runtime, pids: readonly number[]): Evidence | null {
  for (const pid of pids) {
    const path = join(claudeSessionsDir(runtime), `${pid}.json`);
    try {
      const raw: unknown = JSON.parse(readRegularText(path));
      if (typeof raw !== "object" || raw === null) continue;
      const { sessionId, cwd } = raw as { sessionId?: unknown; cwd?: unknown };
      if (typeof sessionId !== "string" || !sessionId) continue;
      return {
        sessionId,
        transcriptPath: null,
        projectDir: typeof cwd === "string" ? cwd : null,
        source: "claude-process",
        at: statSync(path).mtimeMs,
      };
    } catch {
      continue;
    }
  }
  return null;
}

/** The project's own folder first, then every project (a session may have moved folders). */
function findSessionTranscript(
  runtime: Runtime,
  sessionId: string,
  projectDir: string,
  searched: string[],
): string | null {
  const fileName = `${sessionId}.jsonl`;
  for (const folder of projectFolders(runtime, projectDir)) {
    const path = join(folder, fileName);
    searched.push(path);
    if (isFile(path)) return path;
  }
  const root = projectsDir(runtime);
  for (const folder of listDir(root)) {
    const path = join(root, folder, fileName);
    if (isFile(path)) return path;
  }
  searched.push(join(root, "*", fileName));
  return null;
}

/**
 * The folder whose sessions these are: this one, or the nearest enclosing folder Claude Code has
 * sessions for (started in the repository's root, asked from a subfolder), as Claude Code walks up.
 */
function sessionsProjectDir(runtime: Runtime, start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (projectFolders(runtime, dir).some((folder) => isDirectory(folder))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export class AmbiguousSessionError extends TranscriptNotFoundError {}

const SESSION_PREFIX = /^[0-9a-zA-Z-]{4,}$/;

/** A session named by the start of its id (handoff names carry 8 characters): the project's first, then all. */
function findByIdPrefix(runtime: Runtime, prefix: string, projectDir: string): string | null {
  if (!SESSION_PREFIX.test(prefix)) return null;
  const matching = (folders: string[]) =>
    mainTranscripts(folders)
      .filter((entry) => basename(entry.path).startsWith(prefix))
      .map((entry) => entry.path);
  const root = projectsDir(runtime);
  for (const folders of [projectFolders(runtime, projectDir), listDir(root).map((name) => join(root, name))]) {
    const found = matching(folders);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      const shown = found.slice(0, 5).map((path) => basename(path, ".jsonl"));
      throw new AmbiguousSessionError(
        `session ${prefix} is ambiguous: ${found.length} sessions start with it (${shown.join(", ")}${found.length > 5 ? ", …" : ""}); give more of the id`,
        found,
      );
    }
  }
  return null;
}

function projectFolders(runtime: Runtime, projectDir: string): string[] {
  const root = projectsDir(runtime);
  const encoded = encodeProjectDir(projectDir);
  if (encoded.length <= MAX_ENCODED_PROJECT_LENGTH) return [join(root, encoded)];
  const prefix = encoded.slice(0, MAX_ENCODED_PROJECT_LENGTH);
  return listDir(root)
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(root, name));
}

function newestMainTranscript(folders: readonly string[], searched: string[]): string | null {
  searched.push(...folders);
  return mainTranscripts(folders)[0]?.path ?? null;
}

/** The project's sessions, newest first: the project asked for, or the one the current folder is in. */
export function projectSessions(
  runtime: Runtime,
  projectDir: string | undefined,
): { projectDir: string; sessions: Array<{ path: string; mtimeMs: number }> } {
  const dir = projectDir ?? runtime.env.CLAUDE_PROJECT_DIR ?? sessionsProjectDir(runtime, defaultProjectDir(runtime));
  return { projectDir: dir, sessions: mainTranscripts(projectFolders(runtime, dir)) };
}

/** Main-session transcripts (not subagents') of these folders, newest first. */
export function mainTranscripts(folders: readonly string[]): Array<{ path: string; mtimeMs: number }> {
  const found: Array<{ path: string; mtimeMs: number }> = [];
  for (const folder of folders) {
    for (const name of listDir(folder)) {
      if (!name.endsWith(".jsonl") || name.startsWith("agent-")) continue;
      const path = join(folder, name);
      try {
        found.push({ path, mtimeMs: statSync(path).mtimeMs });
      } catch {
        continue;
      }
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** True when the session was named by the caller rather than inferred. */
export function isExplicit(located: LocatedTranscript): boolean {
  return located.source === "transcript-path" || located.source === "session-id";
}

function listDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Why a path given as a transcript is not one: a folder, a FIFO or device, or nothing.
 * Security: only regular files are opened as transcripts; a FIFO or device could block a read for good.
 */
function whatIsInTheWay(path: string): string {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return "is a folder, not a transcript file";
    return "is not a regular file (a FIFO, socket or device)";
  } catch {
    return "does not exist";
  }
}
