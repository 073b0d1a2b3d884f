// The Claude Code process that started ctx-monitor, read from /proc with a real process standing in
// for it: the raw-bodies folder the user exported in its shell, and its arguments (the window of a
// resumed -p run on 2.1.197). Linux only, like what it tests.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bodiesDirs } from "../../src/capture/bodies-dirs.ts";
import { findClaudeProcess, runsSession } from "../../src/claude/claude-process.ts";
import { parseLaunchArgs } from "../../src/context/launch-args.ts";
import { resolveContextWindow } from "../../src/context/window.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** A long-lived process with Claude Code's arguments and environment, registered like Claude Code registers itself. */
function standInClaude(home: string, args: string[], env: Record<string, string>, sessionId: string): number {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "ignore",
  });
  children.push(child);
  const pid = child.pid;
  if (pid === undefined) throw new Error("the stand-in did not start");
  mkdirSync(join(home, ".claude", "sessions"), { recursive: true });
  writeFileSync(join(home, ".claude", "sessions", `${pid}.json`), JSON.stringify({ pid, sessionId }));
  return pid;
}

/**
 * Until the new process has exec'd, /proc shows it empty or as a copy of this one (its arguments and
 * environment): wait until it shows exactly the stand-in's own arguments.
 */
async function untilStarted(pid: number, runtime: ReturnType<typeof fakeRuntime>, args: string[]): Promise<void> {
  const expected = JSON.stringify(args);
  for (let tries = 0; tries < 250; tries++) {
    if (JSON.stringify(findClaudeProcess(runtime)?.args?.slice(2)) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the stand-in ${pid} never showed its arguments`);
}

describe.runIf(existsSync("/proc/self/environ"))("the Claude Code process that started ctx-monitor", () => {
  it("gives the raw-bodies folder exported in its shell (Claude Code passes no OTEL_* variable on) and its arguments", async () => {
    const home = tempDir();
    const bodies = join(home, "my-bodies");
    const args = ["-p", "go on", "--resume", "s-1"];
    const pid = standInClaude(
      home,
      args,
      { OTEL_LOG_RAW_API_BODIES: `file:${bodies}`, ANTHROPIC_API_KEY: "sk-ant-not-read" },
      "s-1",
    );
    const runtime = fakeRuntime({ homeDir: home, pids: [999_999_999, pid] });
    await untilStarted(pid, runtime, args);
    expect(bodiesDirs(runtime, home)).toContain(bodies);
    const claude = findClaudeProcess(runtime);
    expect(claude?.pid).toBe(pid);
    expect(parseLaunchArgs(claude?.args ?? [])).toEqual({ model: null, print: true, resumed: true });
    expect(runsSession(runtime, pid, "s-1")).toBe(true);
    expect(runsSession(runtime, pid, "another")).toBe(false);
    // Without the process, only the settings and the default folder are left.
    expect(bodiesDirs(fakeRuntime({ homeDir: home }), home)).not.toContain(bodies);
  });
});

describe("the window from Claude Code's arguments", () => {
  const evidence = {
    transcriptModel: "claude-opus-4-8",
    claudeCodeVersion: "2.1.197",
    state: null,
    env: {},
    usedTokens: 20_000,
  };

  it("a -p run resumed without --model on 2.1.197 runs at 200k", () => {
    expect(resolveContextWindow({ ...evidence, launch: parseLaunchArgs(["-p", "x", "--resume", "s"]) })).toEqual({
      tokens: 200_000,
      source: "claude-args",
      assumedBecause: null,
    });
  });

  it("--model as Claude Code names it; a first -p run keeps the table's assumption", () => {
    expect(
      resolveContextWindow({ ...evidence, launch: parseLaunchArgs(["--model=claude-opus-4-8[1m]", "-p", "x"]) }),
    ).toMatchObject({ tokens: 1_000_000, source: "claude-args" });
    expect(
      resolveContextWindow({ ...evidence, launch: parseLaunchArgs(["--model", "claude-opus-4-8", "-p"]) }),
    ).toMatchObject({ tokens: 200_000, source: "claude-args" });
    expect(resolveContextWindow({ ...evidence, launch: parseLaunchArgs(["-p", "x"]) })).toMatchObject({
      tokens: 1_000_000,
      source: "assumed",
    });
  });

  it("arguments that cannot be read: still assumed, and the reason says so", () => {
    const window = resolveContextWindow({ ...evidence, launch: null });
    expect(window.source).toBe("assumed");
    expect(window.assumedBecause).toContain("arguments of the Claude Code process could not be read");
  });

  it("2.1.332 runs a resumed -p session of its default at 1M: the rule is 2.1.197's alone", () => {
    expect(
      resolveContextWindow({
        ...evidence,
        transcriptModel: "claude-opus-5-5",
        claudeCodeVersion: "2.1.332",
        launch: parseLaunchArgs(["-p", "--resume", "s"]),
      }),
    ).toMatchObject({ tokens: 1_000_000, source: "model-table" });
  });
});
