// `ctx-monitor import-mitm` of a large recipe folder (BENCH_DUMP_BYTES, default 300 MB of indented
// request bodies of ~120 KB, as the recipe writes them, and its traffic log): throughput and peak
// memory of the whole process, against its targets.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CLI_PATH } from "../support/built-server.ts";
import { requestBody } from "./capture.bench.ts";
import { fmt, runNode } from "./measure.ts";
import type { BenchContext } from "./run.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

function writeDump(dir: string, bytes: number): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const log: string[] = [];
  let written = 0;
  let files = 0;
  for (; written < bytes; files++) {
    const name = `request_api_anthropic_com_${100000 + files}.json`;
    const body = JSON.stringify({ ...JSON.parse(requestBody(files)), max_tokens: 32000 }, null, 2);
    writeFileSync(join(dir, name), body);
    written += Buffer.byteLength(body);
    const time = new Date(Date.UTC(2026, 2, 1, 10) + files * 1000).toISOString().replace("Z", "");
    log.push(
      `[${time}] REQUEST`,
      "URL: https://api.anthropic.com/v1/messages?beta=true",
      `Saved full request to: /tmp/${name}`,
    );
  }
  writeFileSync(join(dir, "claude_traffic.log"), `${log.join("\n")}\n`);
  return { files, bytes: written };
}

export async function benchImportMitm(context: BenchContext): Promise<void> {
  const dump = join(context.dir, "mitm-dump");
  const { files, bytes } = writeDump(dump, Number(process.env.BENCH_DUMP_BYTES ?? 300e6));
  const run = runNode([BIN_PATH, "import-mitm", dump, "--capture-dir", join(context.dir, "mitm-store"), "--json"]);
  if (run.status !== 0) throw new Error(`import-mitm failed: ${run.stdout.slice(0, 300)}`);
  const imported = (JSON.parse(run.stdout) as { imported: number }).imported;
  const mbPerSecond = bytes / 1e6 / (run.ms / 1000);
  context.report(
    `\`ctx-monitor import-mitm\` of ${(bytes / 1e6).toFixed(0)} MB (${files} files, ${imported} imported)`,
    `${fmt(run.ms)}, ${mbPerSecond.toFixed(0)} MB/s (target ≥ 100: ${mbPerSecond >= 100 ? "met" : "NOT MET"}), peak RSS ${run.maxRssMiB.toFixed(0)} MiB (target ≤ 300: ${run.maxRssMiB <= 300 ? "met" : "NOT MET"})`,
  );
}
