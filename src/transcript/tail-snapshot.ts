// The newest state of the main conversation, read from the end of the transcript: the newest
// main-chain API response (deduplicated across its split lines), whether a compaction came after
// it, what was appended since, and the totals of the few responses before it (the recent pace).
// Reads only as far back as it must, and never more than a bounded distance past the newest response.
import type { ByteSource } from "./byte-source.ts";
import { recordChars } from "./content-size.ts";
import { noLineProblems, type LineProblems } from "./line-problems.ts";
import { readBackward, type BackwardOptions } from "./read-backward.ts";
import {
  attachmentType,
  contextTotal,
  isMainChainResponse,
  parseRecordLine,
  toolUseIds,
  type CompactBoundaryRecord,
  type TokenUsage,
  type TranscriptRecord,
} from "./records.ts";

export interface LatestResponse {
  messageId: string | null;
  model: string | null;
  /** Usage of the response; output tokens are the largest seen across its lines (the final count). */
  usage: TokenUsage;
  timestamp: string | null;
  sessionId: string | null;
  toolUseIds: string[];
  /** The Claude Code version that wrote it. */
  version: string | null;
}

/** Claude Code 2.1.332's record of the request that made the latest response. */
interface LatestRequest {
  model: string | null;
  betas: string[];
  shapeHash: string | null;
}

export interface EarlierResponse {
  messageId: string | null;
  total: number;
}

export interface TailSnapshot {
  latest: LatestResponse | null;
  /** The `api-request` record written just before the latest response (2.1.332 and later), or null. */
  latestRequest: LatestRequest | null;
  /** Up to `recentResponses` main-chain responses before the latest, newest first, since the last compaction. */
  earlier: EarlierResponse[];
  /** The newest compaction written after the latest response: the context was reset since. */
  compactionSince: CompactBoundaryRecord | null;
  /** Characters of conversation appended after the latest response (after the compaction, if any). */
  pendingChars: number;
  /** Types of the attachments appended after the latest response (after the compaction, if any). */
  pendingAttachmentTypes: string[];
  /**
   * The part of `pendingChars` from the first prompt the user typed after the latest response (or the
   * compaction) on: after a compaction, what postTokens cannot hold yet (the new prompt and what came with it).
   */
  charsSincePrompt: number;
  problems: LineProblems;
  bytesRead: number;
}

interface TailOptions extends BackwardOptions {
  /**
   * How far past the newest response to keep reading, for more of its split lines (normally
   * adjacent) and the responses before it; bounds the read when they are far back.
   */
  scanPastLatestBytes?: number;
  /** How many responses before the latest to collect (default 5). */
  recentResponses?: number;
  /** A subagent's own transcript: its sidechain records are its main chain. */
  subagent?: boolean;
}

export function readTailSnapshot(source: ByteSource, options: TailOptions = {}): TailSnapshot {
  const scanPastLatestBytes = options.scanPastLatestBytes ?? 1 << 20;
  const recentResponses = options.recentResponses ?? 5;
  const problems = noLineProblems();
  const earlier: EarlierResponse[] = [];
  let latest: LatestResponse | null = null;
  let latestRequest: LatestRequest | null = null;
  let latestStart = 0;
  let compactionSince: CompactBoundaryRecord | null = null;
  let pendingChars = 0;
  const pendingAttachmentTypes = new Set<string>();
  let charsSincePrompt = 0;
  let oldestStart = source.size;

  for (const line of readBackward(source, options)) {
    oldestStart = line.start;
    if (latest && latestStart - line.start > scanPastLatestBytes) break;
    if (line.text === null) {
      problems.oversized++;
      if (!latest && !compactionSince) pendingChars += line.bytes;
      continue;
    }
    const parsed = parseRecordLine(line.text);
    if (!parsed.ok) {
      if (line.unterminated && parsed.problem === "not-json") problems.torn++;
      else if (parsed.problem === "not-json") problems.notJson++;
      else if (parsed.problem === "impossible-usage") problems.impossibleUsage++;
      else problems.notRecord++;
      continue;
    }
    const record = parsed.record;
    if (options.subagent) record.isSidechain = false;
    if (latest) {
      // More lines of the newest response, then the responses before it, back to the last compaction.
      if (record.kind === "compact-boundary") break;
      if (record.kind === "api-request" && earlier.length === 0 && !latestRequest && !record.isSidechain) {
        latestRequest = { model: record.model, betas: record.betas, shapeHash: record.shapeHash };
      }
      if (!isMainChainResponse(record)) continue;
      if (earlier.length === 0 && latest.messageId !== null && record.messageId === latest.messageId) {
        latest.usage.outputTokens = Math.max(latest.usage.outputTokens, record.usage.outputTokens);
        for (const id of toolUseIds(record)) if (!latest.toolUseIds.includes(id)) latest.toolUseIds.push(id);
        latestStart = line.start;
        continue;
      }
      const previous = earlier.at(-1);
      if (previous && previous.messageId !== null && record.messageId === previous.messageId) continue;
      if (earlier.length >= recentResponses) break;
      earlier.push({ messageId: record.messageId, total: contextTotal(record.usage) });
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
        version: record.version,
      };
      latestStart = line.start;
      continue;
    }
    if (!compactionSince && !record.isSidechain && !(record.kind === "user" && record.isCompactSummary)) {
      pendingChars += recordChars(record);
      const type = attachmentType(record);
      if (type) pendingAttachmentTypes.add(type);
      // Read backward, the last prompt met is the first one written: everything from it on.
      if (isTypedPrompt(record)) charsSincePrompt = pendingChars;
    }
  }
  return {
    latest,
    latestRequest,
    earlier,
    compactionSince,
    pendingChars,
    pendingAttachmentTypes: [...pendingAttachmentTypes],
    charsSincePrompt,
    problems,
    bytesRead: source.size - oldestStart,
  };
}

/**
 * A prompt the user typed: not Claude Code's own user-side text (meta records, tool results, the
 * compaction summary, harness messages such as `<command-name>` or `<local-command-stdout>`).
 */
function isTypedPrompt(record: TranscriptRecord): boolean {
  if (record.kind !== "user" || record.isMeta || record.isCompactSummary) return false;
  const text =
    typeof record.content === "string" ? record.content : record.content.find((block) => block.type === "text")?.text;
  if (typeof record.content !== "string" && record.content.some((block) => block.type === "tool_result")) return false;
  return typeof text === "string" && text.trim() !== "" && !text.trimStart().startsWith("<");
}
