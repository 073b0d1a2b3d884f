// get_context_usage must cost the same on a 1 GB transcript as on a 1 MB one: in the server after
// warm-up, as a whole CLI process, and the server must start quickly.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { nodeRuntime } from "../../src/base/runtime.ts";
import { createUsageDeps, readContextUsage } from "../../src/context/read-usage.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { againstTarget, fmt, median, pairedRatio, runNode, runNodeWithInput, timeAsync } from "./measure.ts";
import type { BenchContext } from "./run.ts";
import { writeSyntheticTranscript } from "./synthetic-transcript.ts";

const MINIMAL_SERVER = fileURLToPath(new URL("./minimal-stdio-server.mjs", import.meta.url));
const SDK_SERVER = fileURLToPath(new URL("./sdk-stdio-server.mjs", import.meta.url));

export async function benchUsage(context: BenchContext): Promise<void> {
  const small = join(context.dir, "usage-1mb.jsonl");
  const large = context.largeTranscript;
  writeSyntheticTranscript(small, { bytes: 1 << 20, compactionAt: 0.5 });
  const env = { ...process.env, CTX_MONITOR_STATE_DIR: join(context.dir, "state") };
  const deps = createUsageDeps({ ...nodeRuntime(), env });

  const inServer = async (path: string) =>
    median(await timeAsync(50, () => readContextUsage({ transcriptPath: path }, deps)));
  for (const path of [small, large]) await timeAsync(20, () => readContextUsage({ transcriptPath: path }, deps)); // warm-up
  const smallMs = await inServer(small);
  const largeMs = await inServer(large);
  context.report("usage in server, 1 MB transcript (median of 50, after warm-up)", fmt(smallMs));
  context.report(
    `usage in server, ${context.largeLabel} transcript`,
    `${fmt(largeMs)} (ratio to 1 MB: ${(largeMs / smallMs).toFixed(2)}x)`,
  );

  // The installed executable (dist/bin.cjs) against a bare `node -e 0`, paired and alternating; no
  // preload in either (a preload would load the ES-module loader into both).
  const bin = join(dirname(CLI_PATH), "bin.cjs");
  const bare = () => runNodeWithInput(["-e", "0"], "", env);
  const usageOf = (path: string, state: string) => () =>
    runNodeWithInput([bin, "usage", "--json", "--transcript", path], "", { ...env, CTX_MONITOR_STATE_DIR: state });
  const coldState = join(context.dir, "state-cold");
  const fresh = pairedRatio(11, bare, usageOf(large, coldState), () =>
    rmSync(coldState, { recursive: true, force: true }),
  );
  const firstEver = runNode([bin, "usage", "--json", "--transcript", large], {
    ...env,
    CTX_MONITOR_STATE_DIR: join(context.dir, "state-rss"),
  });
  context.report("bare `node -e 0` process (floor, median of 11 paired)", fmt(fresh.floorMs));
  context.report(
    `\`ctx-monitor usage --json\`, ${context.largeLabel}, fresh state folder`,
    `${fmt(fresh.oursMs)}, peak RSS ${firstEver.maxRssMiB.toFixed(0)} MiB, ${againstTarget(fresh.ratio, 1.5, "bare node")}`,
  );
  usageOf(large, join(context.dir, "state"))(); // the scan cache written once
  const warm = pairedRatio(15, bare, usageOf(large, join(context.dir, "state")));
  const warmSmall = pairedRatio(9, bare, usageOf(small, join(context.dir, "state")));
  context.report(
    `\`ctx-monitor usage --json\`, ${context.largeLabel}, second run (caches warm)`,
    `${fmt(warm.oursMs)}, ${againstTarget(warm.ratio, 1.3, "bare node")}`,
  );
  context.report(
    "`ctx-monitor usage --json`, 1 MB, caches warm",
    `${fmt(warmSmall.oursMs)}, ${warmSmall.ratio.toFixed(2)}x bare node`,
  );

  // Start-up, alternating with the peer so both see the same machine load.
  const firstToolsList = async (args: string[]) => {
    const start = performance.now();
    const client = new Client({ name: "bench", version: "0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args, stderr: "ignore" }));
    await client.listTools();
    const ms = performance.now() - start;
    await client.close();
    return ms;
  };
  const ours: number[] = [];
  const plain: number[] = [];
  const sdk: number[] = [];
  for (let i = 0; i < 11; i++) {
    ours.push(await firstToolsList([CLI_PATH]));
    plain.push(await firstToolsList([MINIMAL_SERVER]));
    sdk.push(await firstToolsList([SDK_SERVER]));
  }
  context.report("peer: hand-written stdio server in plain node, spawn → first tools/list", fmt(median(plain)));
  context.report("peer: one-tool SDK server importing SDK and zod from node_modules", fmt(median(sdk)));
  context.report(
    "server spawn → first tools/list (median of 11)",
    `${fmt(median(ours))} (${(median(ours) / median(sdk)).toFixed(2)}x the SDK peer, +${fmt(median(ours) - median(plain))} over plain node)`,
  );
}
