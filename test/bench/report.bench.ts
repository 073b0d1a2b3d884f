// The report and the watch. The report reads the whole session (breakdown and timeline), so its
// time is compared with the practical limit, plain JSON.parse of every line, and its peak memory is
// given for the whole process. The watch's cost per appended step (read what was appended, the
// tail's usage, one frame) must not grow with the transcript: 1 MB and the large file side by side;
// its first frame reads at most the last 16 MiB of the file.
import { appendFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { nodeRuntime } from "../../src/base/runtime.ts";
import { paint } from "../../src/report/watch/colors.ts";
import { renderFrame } from "../../src/report/watch/frame.ts";
import { WatchSession } from "../../src/report/watch/watch-session.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { assistantResponse, text, toolResult, transcript, userPrompt } from "../support/transcript-builder.ts";
import { fmt, jsonParseAll, median, runNode, timed } from "./measure.ts";
import type { BenchContext } from "./run.ts";
import { writeSyntheticTranscript } from "./synthetic-transcript.ts";

const STEPS = 40;
const COLORS = paint(true);

export async function benchReport(context: BenchContext): Promise<void> {
  const large = context.largeTranscript;
  const mib = statSync(large).size / (1 << 20);
  const env = { ...process.env, CTX_MONITOR_STATE_DIR: join(context.dir, "state-report") };

  const peer = timed(() => jsonParseAll(large));
  context.report(
    `plain JSON.parse of every line, ${context.largeLabel} (peer)`,
    `${fmt(peer.ms)} (${(mib / (peer.ms / 1000)).toFixed(0)} MiB/s)`,
  );
  const out = join(context.dir, "report.html");
  const cli = runNode([CLI_PATH, "report", "--transcript", large, "--out", out], env);
  if (cli.status !== 0) throw new Error(`ctx-monitor report failed: ${cli.stdout.slice(0, 500)}`);
  context.report(
    `\`ctx-monitor report\`, ${context.largeLabel} (whole process)`,
    `${fmt(cli.ms)} (${(cli.ms / peer.ms).toFixed(2)}x JSON.parse), peak RSS ${cli.maxRssMiB.toFixed(0)} MiB, page ${(statSync(out).size / 1024).toFixed(0)} KiB`,
  );

  const small = join(context.dir, "watch-1mb.jsonl");
  writeSyntheticTranscript(small, { bytes: 1 << 20 });
  // Interleaved, so both files see the same load on a shared machine.
  const [smallSession, largeSession] = [await firstFrame(small, env, context), await firstFrame(large, env, context)];
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let step = 0; step < STEPS; step++) {
    smallTimes.push(await stepCost(smallSession, small, step));
    largeTimes.push(await stepCost(largeSession, large, step));
  }
  const smallStep = median(smallTimes);
  const largeStep = median(largeTimes);
  context.report(`watch, per appended step, 1 MB transcript (median of ${STEPS})`, fmt(smallStep));
  context.report(
    `watch, per appended step, ${context.largeLabel} transcript`,
    `${fmt(largeStep)} (ratio to 1 MB: ${(largeStep / smallStep).toFixed(2)}x)`,
  );
}

async function firstFrame(path: string, env: NodeJS.ProcessEnv, context: BenchContext): Promise<WatchSession> {
  const session = new WatchSession({ ...nodeRuntime(), env }, undefined);
  const cold = performance.now();
  await session.refresh(path);
  context.report(
    `watch, first frame (reads at most the last 16 MiB), ${(statSync(path).size / (1 << 20)).toFixed(0)} MiB`,
    fmt(performance.now() - cold),
  );
  return session;
}

/** Time from a step appended to its frame drawn: incremental read, usage from the tail, render. */
async function stepCost(session: WatchSession, path: string, step: number): Promise<number> {
  const id = `toolu_bench_${step}_${Math.random().toString(36).slice(2)}`;
  appendFileSync(
    path,
    transcript([
      userPrompt(`bench step ${step}`),
      assistantResponse({ input: 3, cacheCreation: 500, cacheRead: 150_000 + step * 900, output: 120 }, [
        text("reading"),
        { type: "tool_use", id, name: "Read", input: { file_path: `/home/user/project/src/bench-${step}.ts` } },
      ]),
      toolResult(id, "const value = compute(input);\n".repeat(100)),
    ]),
  );
  const start = performance.now();
  const view = await session.refresh(path);
  renderFrame(view, { columns: 120, rows: 40 }, COLORS);
  return performance.now() - start;
}
