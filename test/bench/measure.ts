// Small timing helpers for the benchmarks: medians of repeated runs, peak RSS of child processes.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

const RSS_PRELOAD = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));

export interface ProcessRun {
  ms: number;
  maxRssMiB: number;
  status: number | null;
  stdout: string;
}

/** Runs `node <args>` to completion, timing it and reading its peak RSS. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", RSS_PRELOAD, ...args], { env, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  const rss = /ctx-monitor-bench maxrss-kib=(\d+)/.exec(result.stderr ?? "");
  return { ms, maxRssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN, status: result.status, stdout: result.stdout ?? "" };
}

export function fmt(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}
