// get_context_breakdown parses the whole transcript once, then only what was appended. Its cold
// throughput is compared with the practical limit, plain JSON.parse of the same lines read the same
// way, in the same run; the warm figure is a call after a 1 MB append.
import { appendFileSync, closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { breakdownReader } from "../../src/context/breakdown/read-breakdown.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fmt, median, runNode } from "./measure.ts";
import type { BenchContext } from "./run.ts";
import { writeSyntheticTranscript } from "./synthetic-transcript.ts";

/**
 * The peer: every line of the file through JSON.parse and nothing else, split the fastest way we know
 * (1 MiB blocks, newline search on the bytes, one decode per line), as our reader does.
 */
function jsonParseAll(path: string): number {
  const fd = openSync(path, "r");
  const block = Buffer.allocUnsafe(1 << 20);
  let carry: Buffer | null = null;
  let lines = 0;
  try {
    for (let position = 0; ; ) {
      const read = readSync(fd, block, 0, block.length, position);
      if (read <= 0) break;
      position += read;
      let start = 0;
      for (let end = block.indexOf(10, start); end !== -1 && end < read; end = block.indexOf(10, start)) {
        const line = carry ? Buffer.concat([carry, block.subarray(start, end)]).toString("utf8") : block.toString("utf8", start, end);
        carry = null;
        if (line.length > 0) {
          JSON.parse(line);
          lines++;
        }
        start = end + 1;
      }
      if (start < read) carry = carry ? Buffer.concat([carry, block.subarray(start, read)]) : Buffer.from(block.subarray(start, read));
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function benchBreakdown(context: BenchContext): Promise<void> {
  const large = context.largeTranscript;
  const bytes = statSync(large).size;
  const mib = bytes / (1 << 20);

  const peer = timed(() => jsonParseAll(large));
  context.report(`plain JSON.parse of every line, ${context.largeLabel} (peer)`, `${fmt(peer.ms)} (${(mib / (peer.ms / 1000)).toFixed(0)} MiB/s)`);
  const reader = breakdownReader();
  const cold = timed(() => reader.read(large).reducer.snapshot());
  context.report(
    `cold breakdown parse, ${context.largeLabel}`,
    `${fmt(cold.ms)} (${(mib / (cold.ms / 1000)).toFixed(0)} MiB/s, ${(cold.ms / peer.ms).toFixed(2)}x JSON.parse)`,
  );

  const chunk = join(context.dir, "append-1mb.jsonl");
  writeSyntheticTranscript(chunk, { bytes: 1 << 20 });
  const appended = readFileSync(chunk);
  const warmRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    appendFileSync(large, appended);
    const warm = timed(() => reader.read(large));
    if (warm.value.cold) throw new Error("the warm breakdown parsed the file from its start");
    warmRuns.push(warm.ms);
  }
  context.report(`warm breakdown after a ${(appended.length / (1 << 20)).toFixed(1)} MiB append (median of 5)`, fmt(median(warmRuns)));
  const unchanged = timed(() => reader.read(large).reducer.snapshot());
  context.report("warm breakdown, nothing appended", fmt(unchanged.ms));

  const cli = runNode([CLI_PATH, "breakdown", "--json", "--transcript", large], { ...process.env, CTX_MONITOR_STATE_DIR: join(context.dir, "state-breakdown") });
  if (cli.status !== 0) throw new Error(`ctx-monitor breakdown failed: ${cli.stdout.slice(0, 500)}`);
  context.report(`\`ctx-monitor breakdown --json\` cold, ${context.largeLabel} (whole process)`, `${fmt(cli.ms)}, peak RSS ${cli.maxRssMiB.toFixed(0)} MiB`);
}
