// Yields a transcript's lines newest first, reading the file's tail backwards in blocks, so the cost
// of finding the newest records does not depend on how long the session has been running.
import type { ByteSource } from "./byte-source.ts";
import type { LinePosition } from "./read-forward.ts";
import { DEFAULT_MAX_LINE_BYTES } from "./read-forward.ts";

const DEFAULT_TAIL_BLOCK_BYTES = 64 << 10;

interface BackwardLine extends LinePosition {
  /** The line's text, or null when it is larger than the limit (its size is still known). */
  text: string | null;
  /** True for a final line that has no newline yet: it may still be being written. */
  unterminated: boolean;
}

export interface BackwardOptions {
  blockBytes?: number;
  maxLineBytes?: number;
}

export function* readBackward(source: ByteSource, options: BackwardOptions = {}): Generator<BackwardLine> {
  const blockBytes = options.blockBytes ?? DEFAULT_TAIL_BLOCK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  // Pieces of the line being assembled, newest-last order is restored when it completes.
  let pieces: Buffer[] = [];
  let pieceBytes = 0;
  let oversized = false;
  let lineEnd = source.size; // exclusive end of the current line (before its newline)
  let unterminated = true;
  let position = source.size;

  const finish = (start: number): BackwardLine | null => {
    const bytes = lineEnd - start;
    const line: BackwardLine = {
      start,
      bytes,
      unterminated,
      text: oversized
        ? null
        : pieces.length === 1
          ? pieces[0]!.toString("utf8")
          : Buffer.concat(pieces.reverse()).toString("utf8"),
    };
    pieces = [];
    pieceBytes = 0;
    oversized = false;
    unterminated = false;
    return bytes > 0 ? line : null;
  };

  while (position > 0) {
    const length = Math.min(blockBytes, position);
    position -= length;
    const block = Buffer.allocUnsafe(length);
    const read = source.read(block, position, length);
    if (read < length) return; // the file shrank under us: stop rather than yield corrupt lines
    let cursor = length;
    while (cursor > 0) {
      const newline = block.lastIndexOf(10, cursor - 1);
      const pieceStart = newline + 1;
      const pieceLength = cursor - pieceStart;
      if (!oversized) {
        if (pieceBytes + pieceLength > maxLineBytes) {
          oversized = true;
          pieces = [];
        } else if (pieceLength > 0) {
          pieces.push(block.subarray(pieceStart, cursor));
        }
      }
      pieceBytes += pieceLength;
      if (newline === -1) break;
      const line = finish(position + pieceStart);
      if (line) yield line;
      lineEnd = position + newline;
      cursor = newline;
    }
  }
  const first = finish(0);
  if (first) yield first;
}
