// `npm run bench`: builds a large synthetic transcript once (BENCH_BYTES, default 300 MB) and runs
// each area's benchmark against it, printing figures and ratios against peers from the same run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchBreakdown } from "./breakdown.bench.ts";
import { benchCapture } from "./capture.bench.ts";
import { benchClaude } from "./claude.bench.ts";
import { benchHandoff } from "./handoff.bench.ts";
import { benchImportMitm } from "./import-mitm.bench.ts";
import { benchRedact } from "./redact.bench.ts";
import { benchReport } from "./report.bench.ts";
import { writeSyntheticTranscript } from "./synthetic-transcript.ts";
import { benchUsage } from "./usage.bench.ts";

export interface BenchContext {
  dir: string;
  largeTranscript: string;
  largeLabel: string;
  report(what: string, figure: string): void;
}

const BENCHES: Array<[string, (context: BenchContext) => Promise<void>]> = [
  ["usage", benchUsage],
  ["breakdown", benchBreakdown],
  ["handoff", benchHandoff],
  ["redact", benchRedact],
  ["claude", benchClaude],
  ["report", benchReport],
  ["capture", benchCapture],
  ["import-mitm", benchImportMitm],
];
/** Benchmarks that do not read the large transcript: run alone, they skip writing it. */
const WITHOUT_TRANSCRIPT = new Set(["capture", "import-mitm"]);

async function main(): Promise<void> {
  const bytes = Number(process.env.BENCH_BYTES ?? 300e6);
  const only = process.env.BENCH_ONLY?.split(",");
  const dir = mkdtempSync(join(tmpdir(), "ctx-monitor-bench-"));
  try {
    const largeTranscript = join(dir, "large.jsonl");
    const started = performance.now();
    const needsTranscript = !only || only.some((name) => !WITHOUT_TRANSCRIPT.has(name));
    const written = needsTranscript ? writeSyntheticTranscript(largeTranscript, { bytes, compactionAt: 0.5 }) : 0;
    const largeLabel =
      written >= 1 << 30 ? `${(written / (1 << 30)).toFixed(2)} GiB` : `${(written / (1 << 20)).toFixed(0)} MiB`;
    process.stdout.write(
      `synthetic transcript: ${largeLabel} written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const report = (what: string, figure: string) => process.stdout.write(`  ${what.padEnd(64)} ${figure}\n`);
    for (const [name, bench] of BENCHES) {
      if (only && !only.includes(name)) continue;
      process.stdout.write(`\n${name}\n`);
      await bench({ dir, largeTranscript, largeLabel, report });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
