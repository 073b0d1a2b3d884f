// Incremental parsing: for each transcript, a reducer's state and the byte offset it has read to,
// keyed by the file's identity (device, inode). A later call feeds it only the bytes appended since;
// a replaced or truncated file is read again from the start. Used by the breakdown and the handoff,
// so a long session is parsed once, not on every call.
import { statSync } from "node:fs";
import { withByteSource } from "./byte-source.ts";
import { addLineProblems, noLineProblems, type LineProblems } from "./line-problems.ts";
import { readForward } from "./read-forward.ts";
import type { TranscriptRecord } from "./records.ts";
import { isSubagentTranscript } from "./subagent-files.ts";

export interface Reducer {
  add(record: TranscriptRecord): void;
  /** A line too large to parse (it still occupied the context if it was sent). */
  oversized?(bytes: number): void;
}

interface Entry<R> {
  dev: number;
  ino: number;
  offset: number;
  reducer: R;
  problems: LineProblems;
}

export interface IncrementalRead<R> {
  reducer: R;
  problems: LineProblems;
  /** Bytes parsed by this call (0 when nothing was appended). */
  parsedBytes: number;
  /** True when the file was read from its start. */
  cold: boolean;
}

export class IncrementalReader<R extends Reducer> {
  private readonly entries = new Map<string, Entry<R>>();

  constructor(
    private readonly create: () => R,
    private readonly options: { capacity?: number; maxLineBytes?: number } = {},
  ) {}

  read(path: string): IncrementalRead<R> {
    const stat = statSync(path);
    let entry = this.entries.get(path);
    const cold = !entry || entry.dev !== stat.dev || entry.ino !== stat.ino || stat.size < entry.offset;
    if (cold || !entry) entry = { dev: stat.dev, ino: stat.ino, offset: 0, reducer: this.create(), problems: noLineProblems() };
    const current = entry;
    const from = current.offset;
    const result = withByteSource(path, (source) =>
      readForward(
        source,
        from,
        { record: (record) => current.reducer.add(record), oversized: (at) => current.reducer.oversized?.(at.bytes) },
        { subagent: isSubagentTranscript(path), ...(this.options.maxLineBytes ? { maxLineBytes: this.options.maxLineBytes } : {}) },
      ),
    );
    current.offset = result.nextOffset;
    // A torn last line is not a lasting problem: it is read again once complete.
    addLineProblems(current.problems, { ...result.problems, torn: 0 });
    this.entries.delete(path);
    this.entries.set(path, current);
    while (this.entries.size > (this.options.capacity ?? 8)) this.entries.delete(this.entries.keys().next().value!);
    const problems = addLineProblems(addLineProblems(noLineProblems(), current.problems), { ...noLineProblems(), torn: result.problems.torn });
    return { reducer: current.reducer, problems, parsedBytes: current.offset - from, cold };
  }
}
