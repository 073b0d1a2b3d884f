// Small timing helpers for the benchmarks: medians of repeated runs, peak RSS of child processes.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
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

interface ProcessRun {
  ms: number;
  maxRssMiB: number;
  status: number | null;
  stdout: string;
}

/** Runs `node <args>` to completion, timing it and reading its peak RSS. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", RSS_PRELOAD, ...args], {
    env,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  const rss = /ctx-monitor-bench maxrss-kib=(\d+)/.exec(result.stderr ?? "");
  return {
    ms,
    maxRssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN,
    status: result.status,
    stdout: result.stdout ?? "",
  };
}

export function fmt(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}

/**
 * The peer: every line of the file through JSON.parse and nothing else, split the fastest way we know
 * (1 MiB blocks, newline search on the bytes, one decode per line), as our reader does.
 */
export function jsonParseAll(path: string): number {
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
        const line = carry
          ? Buffer.concat([carry, block.subarray(start, end)]).toString("utf8")
          : block.toString("utf8", start, end);
        carry = null;
        if (line.length > 0) {
          JSON.parse(line);
          lines++;
        }
        start = end + 1;
      }
      if (start < read)
        carry = carry ? Buffer.concat([carry, block.subarray(start, read)]) : Buffer.from(block.subarray(start, read));
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/**
 * Runs `floor` and `ours` alternately `pairs` times (both see the same machine load), `before` ahead of
 * each run of ours (a fresh state folder), and gives the median of the per-pair ratios with both medians.
 */
export function pairedRatio(
  pairs: number,
  floor: () => ProcessRun,
  ours: () => ProcessRun,
  before: () => void = () => {},
): { ratio: number; floorMs: number; oursMs: number; oursRssMiB: number } {
  const ratios: number[] = [];
  const floorTimes: number[] = [];
  const ourTimes: number[] = [];
  let rss = 0;
  for (let index = 0; index < pairs; index++) {
    const base = floor();
    before();
    const run = ours();
    if (run.status !== 0) throw new Error(`a measured run failed (exit ${run.status}): ${run.stdout.slice(0, 300)}`);
    ratios.push(run.ms / base.ms);
    floorTimes.push(base.ms);
    ourTimes.push(run.ms);
    rss = Math.max(rss, run.maxRssMiB);
  }
  return { ratio: median(ratios), floorMs: median(floorTimes), oursMs: median(ourTimes), oursRssMiB: rss };
}

/** "1.23x the floor (target ≤ 1.5x: met)". */
export function againstTarget(ratio: number, target: number, what = "the floor"): string {
  return `${ratio.toFixed(2)}x ${what} (target ≤ ${target}x: ${ratio <= target ? "met" : "NOT MET"})`;
}

/** Runs `node <args>` with `input` on stdin (the statusline's JSON), timed, without the RSS preload. */
export function runNodeWithInput(args: string[], input: string, env: NodeJS.ProcessEnv): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { input, env, encoding: "utf8", maxBuffer: 64 << 20 });
  return { ms: performance.now() - start, maxRssMiB: Number.NaN, status: result.status, stdout: result.stdout ?? "" };
}
