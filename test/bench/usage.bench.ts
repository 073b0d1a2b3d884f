// get_context_usage must cost the same on a 1 GB transcript as on a 1 MB one: in the server after
// warm-up, as a whole CLI process, and the server must start quickly.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { createUsageDeps, readContextUsage } from "../../src/context/read-usage.ts";
import { nodeRuntime } from "../../src/runtime.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fmt, median, runNode, timeAsync } from "./measure.ts";
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

  const cli = (path: string) => {
    runNode([CLI_PATH, "usage", "--json", "--transcript", path], env); // warm the scan cache and page cache
    const runs = Array.from({ length: 9 }, () => runNode([CLI_PATH, "usage", "--json", "--transcript", path], env));
    if (runs.some((run) => run.status !== 0)) throw new Error(`ctx-monitor usage failed on ${path}`);
    return { ms: median(runs.map((run) => run.ms)), rss: Math.max(...runs.map((run) => run.maxRssMiB)) };
  };
  const firstEver = runNode([CLI_PATH, "usage", "--json", "--transcript", large], {
    ...env,
    CTX_MONITOR_STATE_DIR: join(context.dir, "state-cold"),
  });
  context.report(
    `first \`usage --json\` ever on the ${context.largeLabel} file (one-time compaction count)`,
    `${fmt(firstEver.ms)}, peak RSS ${firstEver.maxRssMiB.toFixed(0)} MiB`,
  );
  const bareNode = median(Array.from({ length: 9 }, () => runNode(["-e", ""], env).ms));
  const cliSmall = cli(small);
  const cliLarge = cli(large);
  context.report("bare `node -e ''` process (peer)", fmt(bareNode));
  context.report("`ctx-monitor usage --json`, 1 MB", `${fmt(cliSmall.ms)}, peak RSS ${cliSmall.rss.toFixed(0)} MiB`);
  context.report(
    `\`ctx-monitor usage --json\`, ${context.largeLabel}`,
    `${fmt(cliLarge.ms)}, peak RSS ${cliLarge.rss.toFixed(0)} MiB (${(cliLarge.ms / bareNode).toFixed(2)}x bare node)`,
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
