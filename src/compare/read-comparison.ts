// `ctx-monitor compare` with the file system at the edge: the session's breakdown, the newest /context
// run in the capture store, and the memory files' contents (hashed, to tell their count_tokens requests
// from the system prompt's).
import { readFileSync, statSync } from "node:fs";
import { exactNumber } from "../base/format.ts";
import { UserError } from "../base/user-error.ts";
import { hashOfText } from "../capture/context-probe.ts";
import { captureStoreDir } from "../capture/paths.ts";
import type { CapturedRequest } from "../capture/record.ts";
import { newestOfSession, readLog } from "../capture/store.ts";
import {
  type BreakdownDeps,
  type ContextBreakdown,
  readContextBreakdown,
} from "../context/breakdown/read-breakdown.ts";
import type { UsageRequest } from "../context/read-usage.ts";
import { type ComparisonRow, compareRows, compareServers, type ServerComparison } from "./comparison.ts";
import { contextFigures, type SessionParts } from "./context-figures.ts";
import { newestContextRun } from "./context-run.ts";

export interface Comparison {
  sessionId: string;
  transcriptPath: string;
  /** The /context run compared: when it was captured, its count_tokens requests and the model they named. */
  contextRun: { time: string; requests: number; model: string | null };
  usedTokens: number;
  rows: ComparisonRow[];
  servers: ServerComparison[];
  summary: string;
}

/** Memory files larger than this are not hashed: /context's request for one would be as large. */
const HASH_LIMIT = 4 << 20;

function memoryHashes(breakdown: ContextBreakdown): Set<string> {
  const hashes = new Set<string>();
  for (const file of breakdown.memoryFiles) {
    try {
      if (statSync(file.path).size <= HASH_LIMIT) hashes.add(hashOfText(readFileSync(file.path, "utf8")));
    } catch {
      // Gone or unreadable since the breakdown found it: its request then counts as system prompt.
    }
  }
  return hashes;
}

/** The session's request the run measured: its newest captured, else the newest main request captured before the run. */
function sessionRequest(storeDir: string, sessionId: string, log: readonly CapturedRequest[], runTime: string) {
  const own = newestOfSession<CapturedRequest>(storeDir, sessionId);
  if (own?.request) return own;
  return log.filter((record) => record.role === "main" && record.time <= runTime).at(-1) ?? null;
}

function summaryOf(rows: readonly ComparisonRow[], runTime: string): string {
  const differing = rows.filter((row) => row.difference !== null && row.difference !== 0);
  const largest = [...differing].sort((a, b) => Math.abs(b.difference!) - Math.abs(a.difference!))[0];
  if (!largest) return `/context (captured ${runTime}) and ctx-monitor agree on every category both count.`;
  const sign = largest.difference! > 0 ? "more" : "less";
  return `${differing.length} of ${rows.length} categories differ from /context (captured ${runTime}); the largest: ${largest.category}, where /context counts ${exactNumber(Math.abs(largest.difference!))} tokens ${sign}.`;
}

export async function readComparison(request: UsageRequest, deps: BreakdownDeps): Promise<Comparison> {
  const storeDir = captureStoreDir(deps.runtime);
  const log = readLog<CapturedRequest>(storeDir);
  const run = newestContextRun(log);
  if (!run) {
    const howTo = `start \`ctx-monitor proxy\`, run Claude Code with the ANTHROPIC_BASE_URL it prints, and type /context there`;
    throw new UserError(
      log.some((record) => record.kind === "count_tokens")
        ? `the count_tokens requests in ${storeDir} have no answers (imported from request bodies only): ${howTo}`
        : `no /context run was captured in ${storeDir}: ${howTo}`,
    );
  }
  const breakdown = await readContextBreakdown(request, deps);
  const sent = sessionRequest(storeDir, breakdown.sessionId, log, run.time);
  const session: SessionParts = {
    sentInFull: new Set(
      (sent?.request.parts ?? []).filter((part) => part.kind === "tool" && !part.deferred).map((part) => part.name),
    ),
    memoryHashes: memoryHashes(breakdown),
  };
  const figures = contextFigures(run.records, session);
  const rows = compareRows(breakdown, figures);
  return {
    sessionId: breakdown.sessionId,
    transcriptPath: breakdown.transcriptPath,
    contextRun: { time: run.time, requests: run.records.length, model: run.model },
    usedTokens: breakdown.usedTokens,
    rows,
    servers: compareServers(breakdown, figures),
    summary: summaryOf(rows, run.time),
  };
}
