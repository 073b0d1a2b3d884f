// Writes a large transcript quickly by repeating a realistic ~1 MB block of records (prompts,
// split streamed responses, Read/Bash/Grep results of mixed sizes), with unique ids per block.
import { closeSync, openSync, writeSync } from "node:fs";
import {
  assistantResponse,
  compactBoundary,
  compactSummary,
  text,
  toolResult,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

const MARK = "@@BLOCK@@";

function blockTemplate(): string {
  const lines: Array<string | string[]> = [];
  let total = 40_000;
  for (let turn = 0; Buffer.byteLength(transcript(lines)) < 1_000_000; turn++) {
    lines.push(userPrompt(`step ${turn}: please continue with the refactor of module ${turn % 17}`));
    const reads = [
      { name: "Read", input: { file_path: `/home/user/project/src/module-${turn % 23}.ts` }, size: 12_000 },
      { name: "Bash", input: { command: `npm test -- --grep case-${turn}` }, size: 3_000 },
      { name: "Grep", input: { pattern: `symbol${turn}`, path: "src" }, size: 800 },
    ];
    for (const [index, call] of reads.entries()) {
      const id = `toolu_${MARK}_${turn}_${index}`;
      total += Math.ceil(call.size / 4) + 120;
      lines.push(
        assistantResponse({ input: 3, cacheCreation: 600, cacheRead: total, output: 180 }, [
          { type: "thinking", thinking: "Considering the next step. ".repeat(8), signature: "sig" },
          text(`Looking at ${call.name} output for step ${turn}.`),
          { type: "tool_use", id, name: call.name, input: call.input },
        ]).map((line) => line.replace(/"msg_(\d+)"/, `"msg_${MARK}_$1"`)),
      );
      lines.push(toolResult(id, `${"const value = compute(input);\n".repeat(Math.ceil(call.size / 30))}`));
    }
  }
  return transcript(lines);
}

interface SyntheticOptions {
  bytes: number;
  /** Put one compaction this far into the file (fraction), as long sessions have. */
  compactionAt?: number;
}

/** Writes at least `bytes` bytes; returns the size written. Ends with a main-chain response. */
export function writeSyntheticTranscript(path: string, options: SyntheticOptions): number {
  const template = blockTemplate();
  const fd = openSync(path, "w");
  let written = 0;
  let block = 0;
  let compacted = options.compactionAt === undefined;
  try {
    while (written < options.bytes) {
      const chunk = template.replaceAll(MARK, String(block++));
      written += writeSync(fd, chunk);
      if (!compacted && written >= options.bytes * (options.compactionAt ?? 0)) {
        written += writeSync(
          fd,
          transcript([compactBoundary(160_000, 9_000, "auto"), compactSummary("Summary of the work so far.")]),
        );
        compacted = true;
      }
    }
    written += writeSync(
      fd,
      transcript([
        assistantResponse({ input: 5, cacheCreation: 1_000, cacheRead: 150_000, output: 300 }, [text("final")]),
      ]),
    );
  } finally {
    closeSync(fd);
  }
  return written;
}
