// Incremental parsing: for each transcript, a reducer's state and the byte offset it has read to,
// with the file's identity (device, inode) and a fingerprint of what was read. A later call feeds it
// only the bytes appended since; a replaced, truncated or rewritten file is read again from the start.
// Used by the breakdown and the handoff, so a long session is parsed once, not on every call.
import { type ByteSource, withByteSource } from "./byte-source.ts";
import { fingerprintAt } from "./content-identity.ts";
import { addLineProblems, type LineProblems, noLineProblems } from "./line-problems.ts";
import { readForward } from "./read-forward.ts";
import type { TranscriptRecord } from "./records.ts";
import { isSubagentTranscript } from "./subagent-files.ts";

interface Reducer {
  add(record: TranscriptRecord): void;
  /** A line too large to parse (it still occupied the context if it was sent). */
  oversized?(bytes: number): void;
}

interface Entry<R> {
  dev: number;
  ino: number;
  offset: number;
  /** What the bytes read so far looked like (see fingerprintAt). */
  fingerprint: string;
  reducer: R;
  problems: LineProblems;
}

interface IncrementalRead<R> {
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
    return withByteSource(path, (source) => {
      let entry = this.entries.get(path);
      // Security: a file rewritten under the reader (same inode, as large or larger) must not continue
      // another session's parse; its content at the offset read so far is checked, not only its inode and size.
      const cold =
        !entry ||
        entry.dev !== source.dev ||
        entry.ino !== source.ino ||
        source.size < entry.offset ||
        fingerprintAt(source, entry.offset) !== entry.fingerprint;
      if (cold || !entry)
        entry = {
          dev: source.dev,
          ino: source.ino,
          offset: 0,
          fingerprint: fingerprintAt(source, 0),
          reducer: this.create(),
          problems: noLineProblems(),
        };
      return this.continueRead(path, entry, source, cold);
    });
  }

  private continueRead(path: string, current: Entry<R>, source: ByteSource, cold: boolean): IncrementalRead<R> {
    const from = current.offset;
    const result = readForward(
      source,
      from,
      { record: (record) => current.reducer.add(record), oversized: (at) => current.reducer.oversized?.(at.bytes) },
      {
        subagent: isSubagentTranscript(path),
        ...(this.options.maxLineBytes ? { maxLineBytes: this.options.maxLineBytes } : {}),
      },
    );
    current.offset = result.nextOffset;
    current.fingerprint = fingerprintAt(source, current.offset);
    // A torn last line is not a lasting problem: it is read again once complete.
    addLineProblems(current.problems, { ...result.problems, torn: 0 });
    this.entries.delete(path);
    this.entries.set(path, current);
    while (this.entries.size > (this.options.capacity ?? 8)) this.entries.delete(this.entries.keys().next().value!);
    const problems = addLineProblems(addLineProblems(noLineProblems(), current.problems), {
      ...noLineProblems(),
      torn: result.problems.torn,
    });
    return { reducer: current.reducer, problems, parsedBytes: current.offset - from, cold };
  }
}
