// The usage answer for a request, with the file system, clock and environment at the edge: finds
// the transcript, waits (bounded) until it holds the calling response, reads its tail, and hands
// the findings to the pure computation.
import { join } from "node:path";
import { ctxMonitorStateDir } from "../claude/paths.ts";
import { readStateForSession } from "../claude/session-state.ts";
import { loadSettings } from "../config.ts";
import type { Runtime } from "../runtime.ts";
import { withByteSource } from "../transcript/byte-source.ts";
import { CompactionCache } from "../transcript/compaction-cache.ts";
import { readHeadBaseline } from "../transcript/head-baseline.ts";
import { countLineProblems } from "../transcript/line-problems.ts";
import { locateTranscript, type LocateRequest, type LocatedTranscript } from "../transcript/locate.ts";
import { readTailSnapshot, type TailSnapshot } from "../transcript/tail-snapshot.ts";
import { waitForAppend } from "../transcript/wait-for-append.ts";
import { computeUsage, type ContextUsage } from "./usage.ts";

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

export const DEFAULT_FRESHNESS_TIMEOUT_MS = 1500;

export function createUsageDeps(runtime: Runtime, overrides: Partial<UsageDeps> = {}): UsageDeps {
  return {
    runtime,
    compactionCache: new CompactionCache(join(ctxMonitorStateDir(runtime), "scans")),
    freshnessTimeoutMs: DEFAULT_FRESHNESS_TIMEOUT_MS,
    ...overrides,
  };
}

export async function readContextUsage(request: UsageRequest, deps: UsageDeps): Promise<ContextUsage> {
  const located = locateTranscript(request, deps.runtime);
  const { toolUseId } = request;
  const readTail = () => withByteSource(located.path, (source) => readTailSnapshot(source));
  const waited = toolUseId
    ? await waitForAppend<TailSnapshot>(
        located.path,
        () => {
          const tail = readTail();
          return { done: tail.latest?.toolUseIds.includes(toolUseId) ?? false, value: tail };
        },
        deps.freshnessTimeoutMs,
      )
    : { done: toolUseId === undefined, value: readTail() };
  return usageFromTail(located, waited.value, waited.done, deps);
}

function usageFromTail(located: LocatedTranscript, tail: TailSnapshot, fresh: boolean, deps: UsageDeps): ContextUsage {
  const { runtime } = deps;
  const { baseline, compactions } = withByteSource(located.path, (source) => ({
    baseline: tail.compactionSince ? readHeadBaseline(source) : null,
    compactions: deps.compactionCache.scan(source),
  }));
  const settings = loadSettings(runtime);
  const sessionId = located.sessionId;
  const state = readStateForSession(runtime, sessionId);
  return computeUsage({
    sessionId,
    transcriptPath: located.path,
    sessionSource: located.source,
    sessionGuessed: located.guessed,
    tail,
    baseline,
    compactions,
    windowState: state,
    env: runtime.env,
    thresholds: settings,
    fresh,
    skippedLines: countLineProblems(tail.problems),
  });
}
