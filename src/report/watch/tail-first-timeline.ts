// The watch's timeline of a transcript: the newest steps are what it shows, so on a large file the
// first read starts near the end (the first complete line in the last `firstReadBytes`) rather than
// parsing gigabytes before the first frame. Later reads parse only what was appended; a replaced or
// truncated file is read again.
import { statSync } from "node:fs";
import { withByteSource, type ByteSource } from "../../transcript/byte-source.ts";
import { readForward } from "../../transcript/read-forward.ts";
import { ResponseTimeline } from "../../transcript/response-timeline.ts";
import { isSubagentTranscript } from "../../transcript/subagent-files.ts";

const DEFAULT_FIRST_READ_BYTES = 16 << 20;

interface State {
  path: string;
  dev: number;
  ino: number;
  offset: number;
  timeline: ResponseTimeline;
  /** True when the file's start was skipped: step numbers count from where reading began. */
  partial: boolean;
}

export class TailFirstTimeline {
  private state: State | null = null;

  constructor(private readonly firstReadBytes = DEFAULT_FIRST_READ_BYTES) {}

  read(path: string): { timeline: ResponseTimeline; partial: boolean } {
    const stat = statSync(path);
    let state = this.state;
    if (!state || state.path !== path || state.dev !== stat.dev || state.ino !== stat.ino || stat.size < state.offset) {
      const start =
        stat.size > this.firstReadBytes
          ? withByteSource(path, (source) => nextLineStart(source, stat.size - this.firstReadBytes))
          : 0;
      state = {
        path,
        dev: stat.dev,
        ino: stat.ino,
        offset: start,
        timeline: new ResponseTimeline(),
        partial: start > 0,
      };
      this.state = state;
    }
    const current = state;
    const result = withByteSource(path, (source) =>
      readForward(
        source,
        current.offset,
        { record: (record) => current.timeline.add(record) },
        { subagent: isSubagentTranscript(path) },
      ),
    );
    current.offset = result.nextOffset;
    return { timeline: current.timeline, partial: current.partial };
  }
}

/** The offset just after the first newline at or after `from` (the end of the source if there is none). */
function nextLineStart(source: ByteSource, from: number): number {
  const block = Buffer.allocUnsafe(64 << 10);
  for (let position = from; position < source.size; ) {
    const read = source.read(block, position, Math.min(block.length, source.size - position));
    if (read <= 0) break;
    const newline = block.subarray(0, read).indexOf(10);
    if (newline !== -1) return position + newline + 1;
    position += read;
  }
  return source.size;
}
