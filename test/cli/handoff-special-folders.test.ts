// A handoff folder set (CTX_MONITOR_HANDOFF_DIR) under /proc or /sys, on a FIFO or a device: the built
// CLI answers in one line and exit 1, at once. Creating `/proc/x` with a recursive mkdir loops for ever
// (the kernel answers ENOENT under a folder that exists), so each run is bounded: a regression fails
// here instead of hanging the suite.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_PATH } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";
import { assistantResponse, text, transcript, userPrompt } from "../support/transcript-builder.ts";

/** The built CLI writing a handoff into `folder`, stopped after 15 s whatever it does. */
function handoffInto(folder: string) {
  const dir = tempDir();
  const session = join(dir, "11111111-2222-4333-8444-555555555555.jsonl");
  writeFileSync(session, transcript([userPrompt("hi"), assistantResponse({ input: 1_000 }, [text("ok")])]));
  mkdirSync(join(dir, "project"));
  const run = spawnSync(
    process.execPath,
    [CLI_PATH, "handoff", "--transcript", session, "--project", join(dir, "project")],
    {
      env: { PATH: process.env.PATH ?? "", HOME: dir, CTX_MONITOR_HANDOFF_DIR: folder },
      encoding: "utf8",
      timeout: 15_000,
      killSignal: "SIGKILL",
    },
  );
  return { finished: run.signal === null, code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const oneLine = (stderr: string) => stderr.trimEnd().split("\n").length === 1 && !/\n\s+at /.test(stderr);
const linux = existsSync("/proc/self") && existsSync("/sys/kernel");

describe.runIf(linux)("a handoff folder on a kernel file system", () => {
  it.each([
    ["a folder to create under /proc", "/proc/ctx-monitor-test/handoffs", "/proc is on a kernel file system (proc)"],
    ["a folder of /proc that exists", "/proc/self/fd", "/proc/self/fd is on a kernel file system (proc)"],
    ["a folder to create under /sys", "/sys/ctx-monitor-test", "/sys is on a kernel file system (sysfs)"],
  ])("is refused at once for %s, in one line naming it and the setting (exit 2)", (_name, folder, says) => {
    const result = handoffInto(folder);
    expect(result.finished).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(folder);
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain("set CTX_MONITOR_HANDOFF_DIR to a folder on disk");
    expect(oneLine(result.stderr)).toBe(true);
  });
});

describe("a handoff folder that is a FIFO or a device, or lies beneath one", () => {
  it.each([
    ["the folder is a FIFO", (fifo: string) => fifo, "is a FIFO (named pipe), not a folder"],
    ["a FIFO is on the way", (fifo: string) => join(fifo, "handoffs"), "is a FIFO (named pipe), not a folder"],
    ["the folder is a character device", () => "/dev/null", "/dev/null is a character device, not a folder"],
    ["a character device is on the way", () => "/dev/null/handoffs", "/dev/null is a character device, not a folder"],
  ])("is refused at once when %s, in one line, and nothing is created (exit 2)", (_name, folderOf, says) => {
    const fifo = join(tempDir(), "pipe");
    execFileSync("mkfifo", [fifo]);
    const folder = folderOf(fifo);
    const result = handoffInto(folder);
    expect(result.finished).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain(folder);
    expect(oneLine(result.stderr)).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
