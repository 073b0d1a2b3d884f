// The newest state of the main conversation, read from the end of the transcript: the newest
// main-chain API response (deduplicated across its split lines), whether a compaction came after
// it, what was appended since, and the totals of the few responses before it (the recent pace).
// Reads only as far back as it must, and never more than a bounded distance past the newest response.
import type { ByteSource } from "./byte-source.ts";
import { recordChars } from "./content-size.ts";
import { type LineProblems, noLineProblems } from "./line-problems.ts";
import { parseRecordLine } from "./parse-record-line.ts";
import { type BackwardOptions, readBackward } from "./read-backward.ts";
import {
  attachmentType,
  type CompactBoundaryRecord,
  contextTotal,
  isMainChainResponse,
  type TokenUsage,
  type TranscriptRecord,
  toolUseIds,
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

/** What is collected while reading backward; one method per kind of line met. */
class TailState {
  readonly problems = noLineProblems();
  readonly earlier: EarlierResponse[] = [];
  latest: LatestResponse | null = null;
  latestRequest: LatestRequest | null = null;
  latestStart = 0;
  compactionSince: CompactBoundaryRecord | null = null;
  pendingChars = 0;
  readonly pendingAttachmentTypes = new Set<string>();
  charsSincePrompt = 0;

  constructor(private readonly recentResponses: number) {}

  countProblem(problem: string, unterminated: boolean): void {
    if (unterminated && problem === "not-json") this.problems.torn++;
    else if (problem === "not-json") this.problems.notJson++;
    else if (problem === "impossible-usage") this.problems.impossibleUsage++;
    else this.problems.notRecord++;
  }

  /** A line after the newest response, or that response itself. */
  takeNewer(record: TranscriptRecord, start: number): void {
    if (record.kind === "compact-boundary") {
      this.compactionSince ??= record;
      return;
    }
    if (isMainChainResponse(record)) {
      this.latest = {
        messageId: record.messageId,
        model: record.model,
        usage: { ...record.usage },
        timestamp: record.timestamp,
        sessionId: record.sessionId,
        toolUseIds: toolUseIds(record),
        version: record.version,
      };
      this.latestStart = start;
      return;
    }
    if (!this.compactionSince && !record.isSidechain && !(record.kind === "user" && record.isCompactSummary)) {
      this.pendingChars += recordChars(record);
      const type = attachmentType(record);
      if (type) this.pendingAttachmentTypes.add(type);
      // Read backward, the last prompt met is the first one written: everything from it on.
      if (isTypedPrompt(record)) this.charsSincePrompt = this.pendingChars;
    }
  }

  /**
   * A line before the newest response: more lines of it, then the responses before it, back to the last
   * compaction. False when the read can stop.
   */
  takeOlder(latest: LatestResponse, record: TranscriptRecord, start: number): boolean {
    if (record.kind === "compact-boundary") return false;
    if (record.kind === "api-request" && this.earlier.length === 0 && !this.latestRequest && !record.isSidechain) {
      this.latestRequest = { model: record.model, betas: record.betas, shapeHash: record.shapeHash };
    }
    if (!isMainChainResponse(record)) return true;
    if (this.earlier.length === 0 && latest.messageId !== null && record.messageId === latest.messageId) {
      latest.usage.outputTokens = Math.max(latest.usage.outputTokens, record.usage.outputTokens);
      for (const id of toolUseIds(record)) if (!latest.toolUseIds.includes(id)) latest.toolUseIds.push(id);
      this.latestStart = start;
      return true;
    }
    const previous = this.earlier.at(-1);
    if (previous && previous.messageId !== null && record.messageId === previous.messageId) return true;
    if (this.earlier.length >= this.recentResponses) return false;
    this.earlier.push({ messageId: record.messageId, total: contextTotal(record.usage) });
    return true;
  }
}

export function readTailSnapshot(source: ByteSource, options: TailOptions = {}): TailSnapshot {
  const scanPastLatestBytes = options.scanPastLatestBytes ?? 1 << 20;
  const state = new TailState(options.recentResponses ?? 5);
  let oldestStart = source.size;
  for (const line of readBackward(source, options)) {
    oldestStart = line.start;
    if (state.latest && state.latestStart - line.start > scanPastLatestBytes) break;
    if (line.text === null) {
      state.problems.oversized++;
      if (!state.latest && !state.compactionSince) state.pendingChars += line.bytes;
      continue;
    }
    const parsed = parseRecordLine(line.text);
    if (!parsed.ok) {
      state.countProblem(parsed.problem, line.unterminated);
      continue;
    }
    const record = parsed.record;
    if (options.subagent) record.isSidechain = false;
    if (!state.latest) state.takeNewer(record, line.start);
    else if (!state.takeOlder(state.latest, record, line.start)) break;
  }
  return {
    latest: state.latest,
    latestRequest: state.latestRequest,
    earlier: state.earlier,
    compactionSince: state.compactionSince,
    pendingChars: state.pendingChars,
    pendingAttachmentTypes: [...state.pendingAttachmentTypes],
    charsSincePrompt: state.charsSincePrompt,
    problems: state.problems,
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
