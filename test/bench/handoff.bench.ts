// write_handoff reads the whole session (every prompt, command and report since the start), then
// renders and redacts. Its cold parse, and the whole `ctx-monitor handoff` process, are compared with
// plain JSON.parse of the same lines in the same run (the aim: within 1.5x, streaming, with memory
// bounded whatever the file's size); the process's peak memory and the document's size are printed.
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { factsReader } from "../../src/handoff/write-handoff.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fmt, jsonParseAll, runNode, timed } from "./measure.ts";
import type { BenchContext } from "./run.ts";

export async function benchHandoff(context: BenchContext): Promise<void> {
  const large = context.largeTranscript;
  const mib = statSync(large).size / (1 << 20);
  const peer = timed(() => jsonParseAll(large));
  context.report(
    `plain JSON.parse of every line, ${context.largeLabel} (peer)`,
    `${fmt(peer.ms)} (${(mib / (peer.ms / 1000)).toFixed(0)} MiB/s)`,
  );
  const cold = timed(() => factsReader().read(large).reducer.result());
  context.report(
    `handoff facts, cold, ${context.largeLabel} (kept texts redacted when kept)`,
    `${fmt(cold.ms)} (${(mib / (cold.ms / 1000)).toFixed(0)} MiB/s, ${(cold.ms / peer.ms).toFixed(2)}x JSON.parse; ${cold.value.prompts.length} prompts, ${cold.value.commands.length} commands)`,
  );

  const project = join(context.dir, "handoff-project");
  mkdirSync(project, { recursive: true });
  const env = { ...process.env, CTX_MONITOR_STATE_DIR: join(context.dir, "state-handoff") };
  const cli = runNode([CLI_PATH, "handoff", "--json", "--transcript", large, "--project", project], env);
  if (cli.status !== 0) throw new Error(`ctx-monitor handoff failed: ${cli.stdout.slice(0, 500)}`);
  const written = JSON.parse(cli.stdout) as { bytes: number; maxChars: number };
  context.report(
    `\`ctx-monitor handoff --json\` cold, ${context.largeLabel} (whole process)`,
    `${fmt(cli.ms)} (${(cli.ms / peer.ms).toFixed(2)}x JSON.parse), peak RSS ${cli.maxRssMiB.toFixed(0)} MiB, ` +
      `a ${(written.bytes / 1024).toFixed(0)} KiB document (budget ${written.maxChars} characters)`,
  );
}
