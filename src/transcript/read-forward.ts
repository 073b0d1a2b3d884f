// Streams a transcript's records from a byte offset to the end, in fixed-size blocks, so memory
// stays bounded whatever the file size. A last line still being written is left for the next read.
import type { ByteSource } from "./byte-source.ts";
import { type LineProblems, noLineProblems } from "./line-problems.ts";
import { parseRecordLine } from "./parse-record-line.ts";
import type { TranscriptRecord } from "./records.ts";

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
  const lines = new LineEmitter(visitor, options.subagent === true, problems);
  const spanning = new SpanningLine(maxLineBytes);
  const block = Buffer.allocUnsafe(blockBytes);
  let lineStart = fromOffset;
  let position = fromOffset;

  while (position < source.size) {
    const read = source.read(block, position, Math.min(blockBytes, source.size - position));
    if (read <= 0) break;
    let cursor = 0;
    while (cursor < read) {
      const newline = block.indexOf(10, cursor);
      const end = newline === -1 || newline >= read ? read : newline;
      if (end < read && spanning.bytes === 0 && end - cursor <= maxLineBytes) {
        // The common case: a whole line inside this block, decoded without copying.
        lines.emitCounted(block.toString("utf8", cursor, end), { start: lineStart, bytes: end - cursor });
      } else {
        spanning.add(block, cursor, end);
        if (end === read) break;
        lines.emitSpanning(spanning, lineStart);
        spanning.reset();
      }
      cursor = end + 1;
      lineStart = position + cursor;
      if (lines.stopped) return { nextOffset: lineStart, problems };
    }
    position += read;
  }
  return { nextOffset: finishLastLine(lines, spanning, lineStart), problems };
}

/** Parses lines and hands their records to the visitor, counting the lines that are not records. */
class LineEmitter {
  stopped = false;

  constructor(
    private readonly visitor: ForwardVisitor,
    private readonly subagent: boolean,
    readonly problems: LineProblems,
  ) {}

  /** False when the line is not JSON: the caller tells a bad line from a torn last one. */
  emit(line: string, at: LinePosition): boolean {
    if (line.trim() === "") return true;
    const parsed = parseRecordLine(line);
    if (parsed.ok) {
      if (this.subagent) parsed.record.isSidechain = false;
      this.stopped = this.visitor.record(parsed.record, at) === "stop";
      return true;
    }
    if (parsed.problem === "not-json") return false;
    if (parsed.problem === "impossible-usage") this.problems.impossibleUsage++;
    else this.problems.notRecord++;
    return true;
  }

  /** A line whose newline was seen: not JSON there means a bad line. */
  emitCounted(line: string, at: LinePosition): void {
    if (!this.emit(line, at)) this.problems.notJson++;
  }

  emitSpanning(spanning: SpanningLine, lineStart: number): void {
    const at = { start: lineStart, bytes: spanning.bytes };
    if (spanning.oversized) {
      this.problems.oversized++;
      this.visitor.oversized?.(at);
    } else {
      this.emitCounted(spanning.text(), at);
    }
  }
}

/** A line that runs over block ends, kept until its newline; past maxLineBytes only its size is kept. */
class SpanningLine {
  bytes = 0;
  oversized = false;
  private pieces: Buffer[] = [];

  constructor(private readonly maxLineBytes: number) {}

  add(block: Buffer, from: number, to: number): void {
    const piece = to - from;
    if (!this.oversized) {
      if (this.bytes + piece > this.maxLineBytes) {
        this.oversized = true;
        this.pieces = [];
      } else if (piece > 0) {
        this.pieces.push(Buffer.from(block.subarray(from, to)));
      }
    }
    this.bytes += piece;
  }

  text(): string {
    return joinUtf8(this.pieces, this.bytes);
  }

  reset(): void {
    this.pieces = [];
    this.bytes = 0;
    this.oversized = false;
  }
}

/** A last line without its newline: accepted if it is complete JSON, otherwise left for the next read. */
function finishLastLine(lines: LineEmitter, spanning: SpanningLine, lineStart: number): number {
  if (spanning.bytes === 0) return lineStart;
  if (!spanning.oversized && lines.emit(spanning.text(), { start: lineStart, bytes: spanning.bytes })) {
    return lineStart + spanning.bytes;
  }
  lines.problems.torn++;
  return lineStart;
}

function joinUtf8(pieces: Buffer[], bytes: number): string {
  if (pieces.length === 1) return pieces[0]!.toString("utf8");
  return Buffer.concat(pieces, bytes).toString("utf8");
}
