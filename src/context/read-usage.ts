// The usage answer for a request, with the file system, clock and environment at the edge: finds
// the transcript, waits (bounded) until it holds the calling response, reads its tail, and hands
// the findings to the pure computation.
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { readSessionCapture } from "../capture/session-capture.ts";
import { captureEvidence } from "../capture/usage-evidence.ts";
import { findClaudeProcess, runsSession } from "../claude/claude-process.ts";
import { readCompactSettings } from "../claude/compact-settings.ts";
import { ctxMonitorStateDir, defaultProjectDir, projectsDir } from "../claude/paths.ts";
import { readStateForSession } from "../claude/session-state.ts";
import { loadSettings } from "../config/settings.ts";
import { withByteSource } from "../transcript/byte-source.ts";
import { CompactionCache } from "../transcript/compaction-cache.ts";
import { readHeadBaseline } from "../transcript/head-baseline.ts";
import { countLineProblems, describeLineProblems } from "../transcript/line-problems.ts";
import {
  isExplicit,
  type LocatedTranscript,
  type LocateRequest,
  locateTranscript,
  mainTranscripts,
  TranscriptNotFoundError,
} from "../transcript/locate.ts";
import { isSubagentTranscript, subagentOf, subagentTranscripts } from "../transcript/subagent-files.ts";
import { readTailSnapshot, type TailSnapshot } from "../transcript/tail-snapshot.ts";
import { waitForAppend } from "../transcript/wait-for-append.ts";
import { estimateTokens } from "./estimate.ts";
import { type LaunchArgs, parseLaunchArgs } from "./launch-args.ts";
import { type ContextUsage, computeUsage } from "./usage.ts";

export interface UsageRequest extends LocateRequest {
  /**
   * The tool_use id of the call being answered (Claude Code's `_meta["claudecode/toolUseId"]`):
   * the answer waits until that call is in the transcript. null: called as a tool, id unknown.
   * undefined: not called by the model (CLI), the file as it is now is the answer.
   */
  toolUseId?: string | null;
}

export interface UsageDeps {
  runtime: Runtime;
  compactionCache: CompactionCache;
  /** How long to wait for the calling response to reach the transcript. */
  freshnessTimeoutMs: number;
}

const DEFAULT_FRESHNESS_TIMEOUT_MS = 1500;

export function createUsageDeps(runtime: Runtime, overrides: Partial<UsageDeps> = {}): UsageDeps {
  return {
    runtime,
    compactionCache: new CompactionCache(join(ctxMonitorStateDir(runtime), "scans")),
    freshnessTimeoutMs: DEFAULT_FRESHNESS_TIMEOUT_MS,
    ...overrides,
  };
}

/** Other sessions of the project written this recently may be the caller's after /clear or resume. */
const SIBLING_SESSION_WINDOW_MS = 10 * 60_000;

export async function readContextUsage(request: UsageRequest, deps: UsageDeps): Promise<ContextUsage> {
  const { toolUseId } = request;
  if (!toolUseId) {
    const located = locateTranscript(request, deps.runtime);
    return usageFromTail(located, readTail(located.path), toolUseId === undefined, deps);
  }
  const started = Date.now();
  const located = await locateOnceWritten(request, deps);
  const remaining = Math.max(0, deps.freshnessTimeoutMs - (Date.now() - started));
  const found = await waitForCallingResponse(located, toolUseId, { ...deps, freshnessTimeoutMs: remaining });
  return withOwnAnswer(await usageFromTail(found.located, found.tail, found.fresh, deps));
}

/**
 * Called as a tool, the answer itself enters the context with the next request (Claude Code sends the
 * structured object as the tool result): it is part of what is pending.
 */
function withOwnAnswer(usage: ContextUsage): ContextUsage {
  const answered = { ...usage, pendingTokens: usage.pendingTokens + estimateTokens(JSON.stringify(usage).length) };
  // Its own figure lengthens the answer by a few characters at most: measured once more, it is stable.
  return { ...usage, pendingTokens: usage.pendingTokens + estimateTokens(JSON.stringify(answered).length) };
}

/**
 * Claude Code may not have created a new session's transcript yet when the first response calls a
 * tool: wait for it (bounded) rather than failing.
 */
async function locateOnceWritten(request: UsageRequest, deps: UsageDeps): Promise<LocatedTranscript> {
  const attempt = (): { done: boolean; value: LocatedTranscript | TranscriptNotFoundError } => {
    try {
      return { done: true, value: locateTranscript(request, deps.runtime) };
    } catch (error) {
      if (error instanceof TranscriptNotFoundError) return { done: false, value: error };
      throw error;
    }
  };
  const first = attempt();
  if (first.done) return first.value as LocatedTranscript;
  const watched = nearestExistingFolder(projectsDir(deps.runtime));
  const waited = watched
    ? await waitForAppend(watched, attempt, deps.freshnessTimeoutMs, 100, { recursive: true })
    : first;
  if (waited.value instanceof TranscriptNotFoundError) throw waited.value;
  return waited.value;
}

function nearestExistingFolder(path: string): string | null {
  for (let current = path; ; current = dirname(current)) {
    if (existsSync(current)) return current;
    if (dirname(current) === current) return null;
  }
}

/** The tail as the answer needs it, or (`probe`) just the newest response: enough to see who is calling. */
function readTail(path: string, probe = false): TailSnapshot {
  return withByteSource(path, (source) =>
    readTailSnapshot(source, { subagent: isSubagentTranscript(path), ...(probe ? { recentResponses: 0 } : {}) }),
  );
}

interface CallingResponse {
  located: LocatedTranscript;
  tail: TailSnapshot;
  fresh: boolean;
}

/**
 * Waits until a transcript holds the response that made this call. The calling tool_use id is the
 * strongest evidence of who is calling: when the session was inferred, a sibling transcript of the
 * same project that holds it (the session changed under the server) is taken instead; when a
 * subagent made the call, its own transcript is, so it learns about its own context.
 */
async function waitForCallingResponse(
  located: LocatedTranscript,
  toolUseId: string,
  deps: UsageDeps,
): Promise<CallingResponse> {
  const explicit = isExplicit(located);
  const folder = dirname(located.path);
  const recent = (entry: { mtimeMs: number }) =>
    entry.mtimeMs >= deps.runtime.now().getTime() - SIBLING_SESSION_WINDOW_MS;
  const sessions = (): string[] => {
    if (explicit) return [located.path];
    const siblings = mainTranscripts([folder])
      .filter((entry) => recent(entry) && entry.path !== located.path)
      .map((entry) => entry.path);
    return [located.path, ...siblings];
  };
  const candidates = (): string[] => {
    const own = sessions();
    const subagents = own.flatMap((path) =>
      subagentTranscripts(path)
        .filter(recent)
        .map((entry) => entry.path),
    );
    return [...own, ...subagents];
  };
  // Each poll only probes for the calling tool_use; the answer's full tail is read once, at the end.
  const waited = await waitForAppend<string | null>(
    explicit ? located.path : folder,
    () => {
      const holder = candidates().find((path) => readTail(path, true).latest?.toolUseIds.includes(toolUseId));
      return { done: holder !== undefined, value: holder ?? null };
    },
    deps.freshnessTimeoutMs,
  );
  const path = waited.value;
  if (path === null) return { located, tail: readTail(located.path), fresh: false };
  if (path === located.path) return { located, tail: readTail(path), fresh: true };
  const session = subagentOf(path)?.parentTranscriptPath ?? path;
  const switched: LocatedTranscript = {
    ...located,
    path,
    sessionId: basename(session, ".jsonl"),
    source: "tool-use-id",
    guessed: false,
  };
  return { located: switched, tail: readTail(path), fresh: true };
}

/** Claude Code names a transcript by its session id; a renamed copy still says whose it is in its records. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sessionIdOf(located: LocatedTranscript, tail: TailSnapshot): string {
  if (SESSION_ID.test(located.sessionId)) return located.sessionId;
  return tail.latest?.sessionId ?? located.sessionId;
}

/**
 * A file in which nothing read was a transcript record, but something was read (README.md, /etc/passwd,
 * random bytes), is not a Claude Code transcript: saying "0 tokens, status ok" would be a wrong answer.
 */
function refuseNonTranscript(located: LocatedTranscript, tail: TailSnapshot): void {
  const { notJson, notRecord, impossibleUsage } = tail.problems;
  if (tail.latest || tail.compactionSince || tail.pendingChars > 0 || notJson + notRecord + impossibleUsage === 0)
    return;
  throw new TranscriptNotFoundError(
    `${located.path} is not a Claude Code transcript (${describeLineProblems(tail.problems)}, and no transcript record); pass a session's .jsonl file`,
    [located.path],
  );
}

async function usageFromTail(
  located: LocatedTranscript,
  tail: TailSnapshot,
  fresh: boolean,
  deps: UsageDeps,
): Promise<ContextUsage> {
  const { runtime } = deps;
  refuseNonTranscript(located, tail);
  const subagentFile = isSubagentTranscript(located.path);
  const { baseline, compactions } = withByteSource(located.path, (source) => ({
    baseline: tail.compactionSince ? readHeadBaseline(source, { subagent: subagentFile }) : null,
    compactions: deps.compactionCache.scan(source, subagentFile),
  }));
  const settings = loadSettings(runtime);
  const subagent = subagentOf(located.path);
  const sessionId = subagent ? basename(subagent.parentTranscriptPath, ".jsonl") : sessionIdOf(located, tail);
  // The statusline and hooks describe the session's own model, which a subagent may not share.
  const state = subagent ? null : readStateForSession(runtime, sessionId);
  // The capture holds the session's main-chain requests, not a subagent's.
  const captured = subagent ? null : await readSessionCapture(runtime, sessionId);
  return computeUsage({
    sessionId,
    subagent,
    transcriptPath: located.path,
    sessionSource: located.source,
    sessionGuessed: located.guessed,
    tail,
    baseline,
    compactions,
    windowState: state,
    env: runtime.env,
    compactSettings: readCompactSettings(runtime, located.projectDir ?? defaultProjectDir(runtime)),
    thresholds: settings,
    budget: settings.budget,
    fresh,
    skippedLines: countLineProblems(tail.problems),
    capture: captured ? captureEvidence(captured.record) : null,
    launch: subagent ? undefined : launchOf(runtime, sessionId),
  });
}

/**
 * The arguments of the Claude Code process running this session: undefined when no such process
 * started this one (the CLI in a shell), null when there is one but its arguments cannot be read.
 */
function launchOf(runtime: Runtime, sessionId: string): LaunchArgs | null | undefined {
  const claude = findClaudeProcess(runtime);
  if (!claude || !runsSession(runtime, claude.pid, sessionId)) return undefined;
  return claude.args ? parseLaunchArgs(claude.args) : null;
}
