// get_context_breakdown parses the whole transcript once, then only what was appended. Its cold
// throughput is compared with the practical limit, plain JSON.parse of the same lines read the same
// way, in the same run; the warm figure is a call after a 1 MB append.
import { appendFileSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { breakdownReader } from "../../src/context/breakdown/read-breakdown.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fmt, jsonParseAll, median, runNode, timed } from "./measure.ts";
import type { BenchContext } from "./run.ts";
import { writeSyntheticTranscript } from "./synthetic-transcript.ts";

export async function benchBreakdown(context: BenchContext): Promise<void> {
  const large = context.largeTranscript;
  const bytes = statSync(large).size;
  const mib = bytes / (1 << 20);

  const peer = timed(() => jsonParseAll(large));
  context.report(
    `plain JSON.parse of every line, ${context.largeLabel} (peer)`,
    `${fmt(peer.ms)} (${(mib / (peer.ms / 1000)).toFixed(0)} MiB/s)`,
  );
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
  context.report(
    `warm breakdown after a ${(appended.length / (1 << 20)).toFixed(1)} MiB append (median of 5)`,
    fmt(median(warmRuns)),
  );
  const unchanged = timed(() => reader.read(large).reducer.snapshot());
  context.report("warm breakdown, nothing appended", fmt(unchanged.ms));

  const cli = runNode([CLI_PATH, "breakdown", "--json", "--transcript", large], {
    ...process.env,
    CTX_MONITOR_STATE_DIR: join(context.dir, "state-breakdown"),
  });
  if (cli.status !== 0) throw new Error(`ctx-monitor breakdown failed: ${cli.stdout.slice(0, 500)}`);
  context.report(
    `\`ctx-monitor breakdown --json\` cold, ${context.largeLabel} (whole process)`,
    `${fmt(cli.ms)}, peak RSS ${cli.maxRssMiB.toFixed(0)} MiB`,
  );
}
