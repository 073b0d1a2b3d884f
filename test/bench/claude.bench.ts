// The statusline and hooks run as a new process on every message: each must cost about what a bare
// Node start costs, whatever the transcript's size. Measured side by side with `node -e 0`,
// alternating so all three see the same machine load.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { CLI_PATH } from "../support/built-server.ts";

/** What `ctx-monitor` runs when installed (the package's bin). */
const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

import { againstTarget, fmt, median } from "./measure.ts";
import type { BenchContext } from "./run.ts";

function timedRun(
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
): { ms: number; stdout: string; status: number | null } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { input, env, encoding: "utf8" });
  return { ms: performance.now() - start, stdout: result.stdout, status: result.status };
}

export async function benchClaude(context: BenchContext): Promise<void> {
  const configDir = join(context.dir, "claude-config");
  mkdirSync(configDir, { recursive: true });
  const env = {
    ...process.env,
    CLAUDE_CONFIG_DIR: configDir,
    CTX_MONITOR_STATE_DIR: join(context.dir, "claude-state"),
    LANG: "C.UTF-8",
  };
  const session = { session_id: "bench-session", transcript_path: context.largeTranscript, cwd: context.dir };
  const statusline = JSON.stringify({
    ...session,
    model: { id: "claude-opus-4-8[1m]", display_name: "Opus 4.8" },
    context_window: {
      context_window_size: 1_000_000,
      current_usage: { input_tokens: 10, cache_creation_input_tokens: 2_000, cache_read_input_tokens: 150_000 },
    },
  });
  // Right after /compact and before the first response Claude Code sends no current_usage: the line
  // reads the transcript's tail (and the session's compaction count).
  const statuslineRead = JSON.stringify({
    ...session,
    model: { id: "claude-opus-4-8[1m]", display_name: "Opus 4.8" },
    context_window: { context_window_size: 1_000_000 },
  });
  const prompt = JSON.stringify({ ...session, hook_event_name: "UserPromptSubmit", prompt: "go on" });

  const first = timedRun([BIN_PATH, "statusline"], statusline, env);
  if (first.status !== 0 || !first.stdout.includes("Opus 4.8")) throw new Error(`statusline failed: ${first.stdout}`);
  context.report(`first statusline ever on the ${context.largeLabel} file (one-time compaction count)`, fmt(first.ms));
  timedRun([BIN_PATH, "hook", "user-prompt-submit"], prompt, env);
  timedRun([BIN_PATH, "statusline"], statuslineRead, env);

  const bare: number[] = [];
  const line: number[] = [];
  const readRatios: number[] = [];
  const hook: number[] = [];
  for (let i = 0; i < 21; i++) {
    bare.push(timedRun(["-e", "0"], "", env).ms);
    line.push(timedRun([BIN_PATH, "statusline"], statusline, env).ms);
    // Paired with a bare node fed the same stdin.
    const floor = timedRun(["-e", "0"], statuslineRead, env).ms;
    readRatios.push(timedRun([BIN_PATH, "statusline"], statuslineRead, env).ms / floor);
    hook.push(timedRun([BIN_PATH, "hook", "user-prompt-submit"], prompt, env).ms);
  }
  const peer = median(bare);
  context.report("bare `node -e 0` process (peer, median of 21)", fmt(peer));
  context.report(
    `\`ctx-monitor statusline\`, ${context.largeLabel} transcript`,
    `${fmt(median(line))} (${(median(line) / peer).toFixed(2)}x bare node; target ≤ 1.2x)`,
  );
  context.report(
    "`ctx-monitor statusline`, transcript read (no current_usage)",
    againstTarget(median(readRatios), 1.1, "`node -e 0` fed the same stdin"),
  );
  context.report(
    `\`ctx-monitor hook user-prompt-submit\`, ${context.largeLabel}`,
    `${fmt(median(hook))} (${(median(hook) / peer).toFixed(2)}x bare node; target ≤ 1.5x)`,
  );
}
