// Streams a transcript's records from a byte offset to the end, in fixed-size blocks, so memory
// stays bounded whatever the file size. A last line still being written is left for the next read.
import type { ByteSource } from "./byte-source.ts";
import { noLineProblems, type LineProblems } from "./line-problems.ts";
import { parseRecordLine, type TranscriptRecord } from "./records.ts";

const DEFAULT_BLOCK_BYTES = 1 << 20;
/** Lines above this are passed by unparsed (their size is still reported). */
export const DEFAULT_MAX_LINE_BYTES = 64 << 20;

export interface LinePosition {
  /** Byte offset of the line's first byte. */
  start: number;
  /** Line length in bytes, without the newline. */
  bytes: number;
}

interface ForwardVisitor {
  /** Return "stop" to end the read after this record. */
  record(record: TranscriptRecord, at: LinePosition): void | "stop";
  /** A line too large to parse; its bytes still occupy the context if it was sent. */
  oversized?(at: LinePosition): void;
}

interface ForwardResult {
  /** Where the next incremental read should start: after the last complete line. */
  nextOffset: number;
  problems: LineProblems;
}

interface ForwardOptions {
  blockBytes?: number;
  maxLineBytes?: number;
  /** A subagent's own transcript: its sidechain records are its main chain. */
  subagent?: boolean;
}

export function readForward(
  source: ByteSource,
  fromOffset: number,
  visitor: ForwardVisitor,
  options: ForwardOptions = {},
): ForwardResult {
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const problems = noLineProblems();
  const block = Buffer.allocUnsafe(blockBytes);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineStart = fromOffset;
  let oversized = false;
  let position = fromOffset;

  let stopped = false;
  const emit = (line: string, at: LinePosition): boolean => {
    if (line.trim() === "") return true;
    const parsed = parseRecordLine(line);
    if (parsed.ok) {
      if (options.subagent) parsed.record.isSidechain = false;
      stopped = visitor.record(parsed.record, at) === "stop";
      return true;
    }
    if (parsed.problem === "not-json") return false;
    if (parsed.problem === "impossible-usage") problems.impossibleUsage++;
    else problems.notRecord++;
    return true;
  };

  while (position < source.size) {
    const read = source.read(block, position, Math.min(blockBytes, source.size - position));
    if (read <= 0) break;
    let cursor = 0;
    while (cursor < read) {
      const newline = block.indexOf(10, cursor);
      const end = newline === -1 || newline >= read ? read : newline;
      const piece = end - cursor;
      if (end < read && pendingBytes === 0 && piece <= maxLineBytes) {
        // The common case: a whole line inside this block, decoded without copying.
        const at = { start: lineStart, bytes: piece };
        if (!emit(block.toString("utf8", cursor, end), at)) problems.notJson++;
        cursor = end + 1;
        lineStart = position + cursor;
        if (stopped) return { nextOffset: lineStart, problems };
        continue;
      }
      if (!oversized) {
        if (pendingBytes + piece > maxLineBytes) {
          oversized = true;
          pending = [];
        } else if (piece > 0) {
          pending.push(Buffer.from(block.subarray(cursor, end)));
        }
      }
      pendingBytes += piece;
      if (end === read) break;
      const at = { start: lineStart, bytes: pendingBytes };
      if (oversized) {
        problems.oversized++;
        visitor.oversized?.(at);
      } else if (!emit(joinUtf8(pending, pendingBytes), at)) {
        problems.notJson++;
      }
      pending = [];
      pendingBytes = 0;
      oversized = false;
      cursor = end + 1;
      lineStart = position + cursor;
      if (stopped) return { nextOffset: lineStart, problems };
    }
    position += read;
  }

  // A last line without its newline: accept it if it is complete JSON, otherwise leave it for later.
  if (pendingBytes > 0) {
    const at = { start: lineStart, bytes: pendingBytes };
    if (!oversized && emit(joinUtf8(pending, pendingBytes), at)) {
      return { nextOffset: lineStart + pendingBytes, problems };
    }
    problems.torn++;
    return { nextOffset: lineStart, problems };
  }
  return { nextOffset: lineStart, problems };
}

function joinUtf8(pieces: Buffer[], bytes: number): string {
  if (pieces.length === 1) return pieces[0]!.toString("utf8");
  return Buffer.concat(pieces, bytes).toString("utf8");
}
