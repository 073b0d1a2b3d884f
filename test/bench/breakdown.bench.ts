// get_context_breakdown parses the whole transcript once, then only what was appended. Its cold
// throughput is compared with the practical limit, plain JSON.parse of the same lines read the same
// way, in the same run; the warm figure is a call after a 1 MB append.
import { appendFileSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { breakdownReader } from "../../src/context/breakdown/read-breakdown.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { againstTarget, fmt, jsonParseAll, median, pairedRatio, runNode, runNodeWithInput, timed } from "./measure.ts";
import type { BenchContext } from "./run.ts";
import { writeSyntheticTranscript } from "./synthetic-transcript.ts";

const COUNT_LINES = fileURLToPath(new URL("./count-lines.mjs", import.meta.url));
const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

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

  // The whole command, fresh state folder each time, paired with a process that reads every byte and
  // counts the lines.
  const state = join(context.dir, "state-breakdown");
  const env = { ...process.env, CTX_MONITOR_STATE_DIR: state };
  const paired = pairedRatio(
    5,
    () => runNodeWithInput([COUNT_LINES, large], "", env),
    () => runNodeWithInput([BIN_PATH, "breakdown", "--json", "--transcript", large], "", env),
    () => rmSync(state, { recursive: true, force: true }),
  );
  rmSync(state, { recursive: true, force: true });
  const rss = runNode([BIN_PATH, "breakdown", "--json", "--transcript", large], env);
  context.report(
    `reading every byte and counting lines, ${context.largeLabel} (floor, a process)`,
    fmt(paired.floorMs),
  );
  context.report(
    `\`ctx-monitor breakdown --json\`, fresh state folder, ${context.largeLabel}`,
    `${fmt(paired.oursMs)}, peak RSS ${rss.maxRssMiB.toFixed(0)} MiB, ${againstTarget(paired.ratio, 3)}`,
  );
}
