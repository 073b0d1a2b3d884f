// What an unlucky user or a hostile file meets: a file that is no transcript, a FIFO, impossible
// usage figures, and file-system failures — one line each, exit 2, never a stack trace or a figure.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import { assistantResponse, text, transcript, userPrompt } from "../support/transcript-builder.ts";

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const home = tempDir();
  const code = await runCommand(
    argv,
    fakeRuntime({ homeDir: home, env: { CLAUDE_CONFIG_DIR: join(home, ".claude"), ...env } }),
    {
      stdout: (chunk) => {
        stdout += chunk;
      },
      stderr: (chunk) => {
        stderr += chunk;
      },
    },
  );
  return { code, stdout, stderr };
}

const oneLine = (stderr: string) => stderr.trimEnd().split("\n").length === 1 && !/\n\s+at /.test(stderr);

describe("files that are not transcripts", () => {
  it.each([
    ["a README", "# Project\n\nSome text.\n- a list\n"],
    ["a passwd file", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"],
    ["random bytes", randomBytes(4096).toString("latin1")],
    ["JSON lines that are not records", '{"a":1}\n[1,2,3]\n"text"\n'],
  ])("answers %s with an error that says so, not 0 tokens", async (_name, content) => {
    const path = join(tempDir(), "file.jsonl");
    writeFileSync(path, content, "latin1");
    const { code, stdout, stderr } = await run(["usage", "--transcript", path]);
    expect(stdout).toBe("");
    expect(code).toBe(2);
    expect(stderr).toContain(`${path} is not a Claude Code transcript`);
    expect(oneLine(stderr)).toBe(true);
  });

  it("calls a FIFO not a regular file, without opening it", async () => {
    const path = join(tempDir(), "pipe.jsonl");
    execFileSync("mkfifo", [path]);
    const { code, stderr } = await run(["usage", "--transcript", path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path} is not a regular file`);
  });
});

describe("impossible usage figures", () => {
  const figures: Array<[string, unknown]> = [
    ["negative", -5_000_000],
    ["fractional", 1234.5],
    ["a string", "50000"],
    ["beyond any window", 1e300],
  ];
  it.each(figures)(
    "counts a %s input figure as a skipped line and reports the last good response",
    async (_name, bad) => {
      const good = assistantResponse({ input: 42_000 }, [text("fine")]);
      const broken = JSON.parse(assistantResponse({ input: 1 }, [text("broken")])[0]!) as {
        message: { usage: Record<string, unknown> };
      };
      broken.message.usage.input_tokens = bad;
      const path = join(tempDir(), "11111111-2222-4333-8444-555555555555.jsonl");
      writeFileSync(path, transcript([userPrompt("hi"), good, JSON.stringify(broken)]));
      const { code, stdout } = await run(["usage", "--json", "--transcript", path]);
      expect(code).toBe(0);
      const answer = JSON.parse(stdout) as { usedTokens: number; skippedLines: number; usedPercent: number };
      expect(answer.usedTokens).toBe(42_000);
      expect(answer.usedPercent).toBeGreaterThanOrEqual(0);
      expect(answer.skippedLines).toBe(1);
    },
  );
});

describe("file-system failures while writing a handoff", () => {
  const session = () => {
    const path = join(tempDir(), "11111111-2222-4333-8444-555555555555.jsonl");
    writeFileSync(path, transcript([userPrompt("hi"), assistantResponse({ input: 1_000 }, [text("ok")])]));
    return path;
  };

  it.each([
    ["the project is a file", (dir: string) => (writeFileSync(join(dir, "p"), "x"), join(dir, "p")), /ENOTDIR/],
    [
      "`handoffs` is a file",
      (dir: string) => (
        mkdirSync(join(dir, "p", ".claude"), { recursive: true }),
        writeFileSync(join(dir, "p", ".claude", "handoffs"), "x"),
        join(dir, "p")
      ),
      /EEXIST/,
    ],
  ])("says in one line what failed when %s (exit 2)", async (_name, prepare, code) => {
    const dir = tempDir();
    const project = prepare(dir);
    const result = await run(["handoff", "--transcript", session(), "--project", project]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(code);
    expect(result.stderr).toContain(project);
    expect(oneLine(result.stderr)).toBe(true);
  });

  it("says in one line that a folder path is too long", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "p"));
    const result = await run(["handoff", "--transcript", session(), "--project", join(dir, "p")], {
      CTX_MONITOR_HANDOFF_DIR: join(dir, "y".repeat(300)),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/too long.*ENAMETOOLONG/);
    expect(oneLine(result.stderr)).toBe(true);
    expect(readdirSync(dir)).toEqual(["p"]);
  });
});
