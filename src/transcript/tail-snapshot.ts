// The newest state of the main conversation, read from the end of the transcript: the newest
// main-chain API response (deduplicated across its split lines), whether a compaction came after
// it, and what was appended since. Reads only as far back as it must.
import type { ByteSource } from "./byte-source.ts";
import { recordChars } from "./content-size.ts";
import { noLineProblems, type LineProblems } from "./line-problems.ts";
import { readBackward, type BackwardOptions } from "./read-backward.ts";
import {
  isMainChainResponse,
  parseRecordLine,
  toolUseIds,
  type CompactBoundaryRecord,
  type TokenUsage,
} from "./records.ts";

export interface LatestResponse {
  messageId: string | null;
  model: string | null;
  /** Usage of the response; output tokens are the largest seen across its lines (the final count). */
  usage: TokenUsage;
  timestamp: string | null;
  sessionId: string | null;
  toolUseIds: string[];
}

export interface TailSnapshot {
  latest: LatestResponse | null;
  /** The newest compaction written after the latest response: the context was reset since. */
  compactionSince: CompactBoundaryRecord | null;
  /** Characters of conversation appended after the latest response (after the compaction, if any). */
  pendingChars: number;
  problems: LineProblems;
  bytesRead: number;
}

export interface TailOptions extends BackwardOptions {
  /**
   * How far past the newest response to keep reading for more of its split lines, which are
   * normally adjacent; bounds the read when the previous response is far back.
   */
  siblingScanBytes?: number;
  /** A subagent's own transcript: its sidechain records are its main chain. */
  subagent?: boolean;
}

export function readTailSnapshot(source: ByteSource, options: TailOptions = {}): TailSnapshot {
  const siblingScanBytes = options.siblingScanBytes ?? 4 << 20;
  const problems = noLineProblems();
  let latest: LatestResponse | null = null;
  let latestStart = 0;
  let compactionSince: CompactBoundaryRecord | null = null;
  let pendingChars = 0;
  let oldestStart = source.size;

  for (const line of readBackward(source, options)) {
    oldestStart = line.start;
    if (latest && latestStart - line.start > siblingScanBytes) break;
    if (line.text === null) {
      problems.oversized++;
      if (!latest && !compactionSince) pendingChars += line.bytes;
      continue;
    }
    const parsed = parseRecordLine(line.text);
    if (!parsed.ok) {
      if (line.unterminated && parsed.problem === "not-json") problems.torn++;
      else if (parsed.problem === "not-json") problems.notJson++;
      else problems.notRecord++;
      continue;
    }
    const record = parsed.record;
    if (options.subagent) record.isSidechain = false;
    if (latest) {
      // Only more lines of the same response matter now; another response ends the search.
      if (!isMainChainResponse(record)) continue;
      if (record.messageId !== latest.messageId || latest.messageId === null) break;
      latest.usage.outputTokens = Math.max(latest.usage.outputTokens, record.usage.outputTokens);
      for (const id of toolUseIds(record)) if (!latest.toolUseIds.includes(id)) latest.toolUseIds.push(id);
      latestStart = line.start;
      continue;
    }
    if (record.kind === "compact-boundary") {
      compactionSince ??= record;
      continue;
    }
    if (isMainChainResponse(record)) {
      latest = {
        messageId: record.messageId,
        model: record.model,
        usage: { ...record.usage },
        timestamp: record.timestamp,
        sessionId: record.sessionId,
        toolUseIds: toolUseIds(record),
      };
      latestStart = line.start;
      continue;
    }
    if (!compactionSince && !record.isSidechain && !(record.kind === "user" && record.isCompactSummary)) {
      pendingChars += recordChars(record);
    }
  }
  return { latest, compactionSince, pendingChars, problems, bytesRead: source.size - oldestStart };
}
