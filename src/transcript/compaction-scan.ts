// Counts the compactions a transcript records, scanning raw bytes rather than parsing JSON, and
// incrementally: the state says how far the file has been scanned, so later calls only read what
// was appended. The marker cannot match inside message text, where JSON escapes its quotes.
import type { ByteSource } from "./byte-source.ts";
import { parseRecordLine } from "./parse-record-line.ts";
import { type Compaction, compactionOf } from "./records.ts";

const MARKER = Buffer.from('"subtype":"compact_boundary"');
/**
 * What the scan searches for: a part of the marker that is short (under 7 bytes, Node searches by
 * memchr on its first byte rather than Boyer-Moore) and starts with a byte rare in transcripts (`_`,
 * about 0.3% of bytes). Searching the whole marker, from a `"` every few bytes, took four times as
 * long as reading the bytes: most of the cost of a first look at a large file.
 */
const MARKER_PART = Buffer.from("_bound");
/** Where MARKER_PART starts in the marker. */
const PART_AT = MARKER.indexOf(MARKER_PART);
const BLOCK_BYTES = 4 << 20;
const MAX_RECORD_BYTES = 1 << 20;

export interface CompactionScanState {
  dev: number;
  ino: number;
  /** Bytes scanned so far; scanning resumes here. */
  offset: number;
  count: number;
  last: Compaction | null;
}

function emptyCompactionScan(source: ByteSource): CompactionScanState {
  return { dev: source.dev, ino: source.ino, offset: 0, count: 0, last: null };
}

/**
 * Continues `previous` when it is for the same file and the file has not shrunk. In a session's
 * transcript, a subagent's inline compactions (older Claude Code) are not the session's; a subagent's
 * own transcript (`subagent`) counts its sidechain compactions.
 */
export function scanCompactions(
  source: ByteSource,
  previous: CompactionScanState | null,
  subagent = false,
): CompactionScanState {
  const reusable =
    previous !== null && previous.dev === source.dev && previous.ino === source.ino && previous.offset <= source.size;
  const state = reusable ? { ...previous } : emptyCompactionScan(source);
  if (state.offset === source.size) return state;
  const block = Buffer.allocUnsafe(Math.min(BLOCK_BYTES, source.size - state.offset + MARKER.length));
  // Re-read a marker's length before the offset so a marker split across calls is still found.
  let position = Math.max(0, state.offset - (MARKER.length - 1));
  let completeLinesEnd = state.offset;
  while (position < source.size) {
    const length = Math.min(block.length, source.size - position);
    const read = source.read(block, position, length);
    if (read <= 0) break;
    for (let part = block.indexOf(MARKER_PART); part !== -1; part = block.indexOf(MARKER_PART, part + 1)) {
      const hit = part - PART_AT;
      if (hit + MARKER.length > read) break;
      // A marker starting before this block was whole in the previous one (the blocks overlap).
      if (hit < 0 || block.compare(MARKER, 0, MARKER.length, hit, hit + MARKER.length) !== 0) continue;
      const absolute = position + hit;
      const info = absolute + MARKER.length > state.offset ? readCompactionAt(source, absolute, subagent) : null;
      if (info) {
        state.count++;
        state.last = info;
      }
    }
    const newline = block.lastIndexOf(10, read - 1);
    if (newline !== -1) completeLinesEnd = Math.max(completeLinesEnd, position + newline + 1);
    if (position + read >= source.size) break;
    position += read - (MARKER.length - 1);
  }
  // Stop before a last line still being written, so its compaction is counted once it is whole.
  state.offset = completeLinesEnd;
  return state;
}

function readCompactionAt(source: ByteSource, markerAt: number, subagent: boolean): Compaction | null {
  const from = Math.max(0, markerAt - MAX_RECORD_BYTES / 2);
  const length = Math.min(MAX_RECORD_BYTES, source.size - from);
  const window = Buffer.allocUnsafe(length);
  const read = source.read(window, from, length);
  const relative = markerAt - from;
  const start = window.lastIndexOf(10, relative) + 1;
  let end = window.indexOf(10, relative);
  if (end === -1 || end > read) end = read;
  const parsed = parseRecordLine(window.toString("utf8", start, end));
  if (!parsed.ok || parsed.record.kind !== "compact-boundary" || (parsed.record.isSidechain && !subagent)) return null;
  return compactionOf(parsed.record);
}
