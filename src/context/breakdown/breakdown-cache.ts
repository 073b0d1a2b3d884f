// Incremental parsing: for each transcript, the builder's state and the byte offset it has read to,
// keyed by the file's identity (device, inode). A later call parses only the bytes appended since; a
// replaced or truncated file is parsed again from the start.
import { statSync } from "node:fs";
import { withByteSource } from "../../transcript/byte-source.ts";
import { addLineProblems, noLineProblems, type LineProblems } from "../../transcript/line-problems.ts";
import { readForward } from "../../transcript/read-forward.ts";
import { isSubagentTranscript } from "../../transcript/subagent-files.ts";
import { BreakdownBuilder, type Attribution } from "./attribute.ts";

interface Entry {
  dev: number;
  ino: number;
  offset: number;
  builder: BreakdownBuilder;
  problems: LineProblems;
}

export interface ParsedBreakdown {
  attribution: Attribution;
  problems: LineProblems;
  /** Bytes parsed by this call (0 when nothing was appended). */
  parsedBytes: number;
  /** True when the file was parsed from its start. */
  cold: boolean;
}

export class BreakdownCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 8) {}

  read(path: string): ParsedBreakdown {
    const stat = statSync(path);
    let entry = this.entries.get(path);
    const cold = !entry || entry.dev !== stat.dev || entry.ino !== stat.ino || stat.size < entry.offset;
    if (cold || !entry) entry = { dev: stat.dev, ino: stat.ino, offset: 0, builder: new BreakdownBuilder(), problems: noLineProblems() };
    const current = entry;
    const from = current.offset;
    const result = withByteSource(path, (source) =>
      readForward(source, from, { record: (record) => current.builder.add(record) }, { subagent: isSubagentTranscript(path) }),
    );
    current.offset = result.nextOffset;
    addLineProblems(current.problems, { ...result.problems, torn: 0 });
    this.entries.delete(path);
    this.entries.set(path, current);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    // A torn last line is not a lasting problem: it is read again once complete.
    const problems = addLineProblems(addLineProblems(noLineProblems(), current.problems), { ...noLineProblems(), torn: result.problems.torn });
    return { attribution: current.builder.snapshot(), problems, parsedBytes: current.offset - from, cold };
  }
}
