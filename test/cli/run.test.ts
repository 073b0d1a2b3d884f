import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { fakeRuntime, tempDir, writeTranscript } from "../support/runtime.ts";
import { assistantResponse, SESSION_ID, text, transcript } from "../support/transcript-builder.ts";

async function run(argv: string[], env: Record<string, string> = {}, terminal?: { isTTY: boolean; columns: number }) {
  let stdout = "";
  let stderr = "";
  const code = await runCommand(argv, fakeRuntime({ env }), {
    stdout: (chunk) => {
      stdout += chunk;
    },
    stderr: (chunk) => {
      stderr += chunk;
    },
    ...(terminal ? { terminal } : {}),
  });
  return { code, stdout, stderr };
}

describe("ctx-monitor CLI", () => {
  it("lists every command aligned, with --version, the environment it reads and the exit codes, in --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}usage +\[--json\] \[--transcript PATH \| --session ID\] \[--project DIR\]\n/);
    expect(stdout).toMatch(/\n {2}demo +\[--json\] \[--transcript PATH\]\n/);
    // Every command's options start in one column.
    const options = stdout.slice(
      stdout.indexOf("Options:\n") + 9,
      stdout.indexOf("\n\n", stdout.indexOf("Options:\n")),
    );
    expect(new Set(options.split("\n").map((line) => /^ {2}\S+ +/.exec(line)![0].length)).size).toBe(1);
    expect(stdout).toMatch(/ctx-monitor --version, -v +the version/);
    expect(stdout).toMatch(/CTX_MONITOR_HANDOFF_DIR +where handoffs go/);
    expect(stdout).toContain("Exit codes: 0 done, 2 a refusal you can fix");
    expect(stdout).not.toContain("npx");
    // The summaries of the commands start in one column.
    const columns = stdout
      .split("\n")
      .filter((line) => line.startsWith("  ctx-monitor"))
      .map((line) => /^( {2}ctx-monitor.*?) {2,}/.exec(line)![0].length);
    expect(new Set(columns).size).toBe(1);
  });

  it("rejects an unknown command with exit code 2, naming the commands", async () => {
    const { code, stderr } = await run(["usgae"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^ctx-monitor: unknown command "usgae"; the commands are usage, breakdown, handoff, .*demo.* \(ctx-monitor --help shows them all\)\n$/,
    );
  });

  it.each([
    [["usage", "--foo"], "unknown option --foo"],
    [["usage", "--session"], "--session needs a value"],
    [["usage", "--json=yes"], "--json takes no value"],
    [["usage", "extra"], 'unexpected argument "extra"'],
    [
      ["breakdown", "--session", "abc", "--transcript", "x.jsonl"],
      "--transcript and --session select a session two ways; pass one",
    ],
  ])("answers %j with one readable line and the command's synopsis (exit 2)", async (argv, problem) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    const [first, second] = stderr.split("\n");
    expect(first).toBe(`ctx-monitor ${argv[0]}: ${problem}`);
    expect(second).toMatch(new RegExp(`^usage: ctx-monitor ${argv[0]} \\[--json\\]`));
  });

  it("shows one command's help with --help or -h", async () => {
    for (const flag of ["--help", "-h"]) {
      const { code, stdout } = await run(["handoff", flag]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^ctx-monitor handoff: write a handoff/);
      expect(stdout).toContain("Usage: ctx-monitor handoff [--json] [--goal T]");
    }
  });

  it("says what to pass when no transcript is found, without a stack trace", async () => {
    const config = tempDir();
    const { code, stderr } = await run(["usage", "--project", "/no/such/project"], { CLAUDE_CONFIG_DIR: config });
    expect(code).toBe(2);
    expect(stderr).toContain(
      `no Claude Code transcript found for /no/such/project (looked in ${join(config, "projects", "-no-such-project")})`,
    );
    expect(stderr).not.toContain("    at ");
  });

  it("refuses a handoff label that is a path with exit code 2 and the reason, without a stack trace", async () => {
    const config = tempDir();
    const path = writeTranscript(config, "/p", "sess", transcript([assistantResponse({ input: 10 }, [text("hi")])]));
    const { code, stderr } = await run(["handoff", "--transcript", path, "--project", tempDir(), "--name", "../../x"], {
      CLAUDE_CONFIG_DIR: config,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('ctx-monitor handoff: name "../../x" is not allowed');
    expect(stderr).not.toContain("    at ");
  });

  it("prints people-readable usage, or the tool's JSON with --json", async () => {
    const config = tempDir();
    const path = writeTranscript(
      config,
      "/p",
      "sess",
      transcript([assistantResponse({ input: 10, cacheRead: 990 }, [text("hi")])]),
    );
    const human = await run(["usage", "--transcript", path], { CLAUDE_CONFIG_DIR: config });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^1,000 of 200,000 tokens \(1% of the window\)/);
    expect(human.stdout).toContain("status         ok below 125k (75% of the auto-compact point)");
    expect(human.stdout).toContain("1,000 tokens, 0.5% of the 200,000-token window (known for this model)");
    expect(human.stdout).toContain("(the transcript you named)");
    expect(human.stdout).not.toContain("\u001b[");
    const json = await run(["usage", "--json", "--transcript", path], { CLAUDE_CONFIG_DIR: config });
    // A transcript not named by a session id (a renamed copy) says whose it is in its records.
    expect(JSON.parse(json.stdout)).toMatchObject({
      usedTokens: 1000,
      sessionId: SESSION_ID,
      sessionSource: "transcript-path",
    });
  });

  it("colours the status on a terminal, not with NO_COLOR, and wraps the summary to its width", async () => {
    const config = tempDir();
    const path = writeTranscript(
      config,
      "/p",
      "sess",
      transcript([assistantResponse({ input: 10, cacheRead: 129_990 }, [text("hi")])]),
    );
    const tty = await run(["usage", "--transcript", path], { CLAUDE_CONFIG_DIR: config }, { isTTY: true, columns: 60 });
    expect(tty.stdout).toContain("status         \u001b[33mwarn from 125k (75% of the auto-compact point)\u001b[0m");
    const summary = tty.stdout.slice(0, tty.stdout.indexOf("\n\n"));
    expect(summary.split("\n").length).toBeGreaterThan(1);
    expect(Math.max(...summary.split("\n").map((line) => line.length))).toBeLessThanOrEqual(60);
    const noColor = await run(
      ["usage", "--transcript", path],
      { CLAUDE_CONFIG_DIR: config, NO_COLOR: "1" },
      { isTTY: true, columns: 60 },
    );
    expect(noColor.stdout).toContain("status         warn from 125k (75% of the auto-compact point)");
    const forced = await run(["usage", "--transcript", path], { CLAUDE_CONFIG_DIR: config, FORCE_COLOR: "1" });
    expect(forced.stdout).toContain("\u001b[33mwarn");
    expect(forced.stdout.split("\n")[0]).toMatch(/^130,000 of 200,000 tokens .*\.$/);
  });

  it("aligns breakdown labels by what the terminal shows, wide characters included", async () => {
    const { describeBreakdown } = await import("../../src/present/breakdown.ts");
    const category = (name: string, tokens: number) => ({ name, tokens, estimated: false, percentOfWindow: 1 });
    const shown = describeBreakdown({
      summary: "s",
      contextWindow: 200_000,
      usedTokens: 3,
      status: "ok",
      categories: [category("Messages: tool results (読む)", 1), category("MCP tools", 2)],
      topItems: [],
      repeatedReads: [],
      lastCompaction: null,
      advice: [],
      skippedLines: 0,
    } as unknown as Parameters<typeof describeBreakdown>[0]);
    const rows = shown.split("\n").filter((line) => line.includes("%  "));
    expect(rows).toHaveLength(2);
    const stringWidth = (await import("string-width")).default;
    const [wide, plain] = rows.map((row) => stringWidth(row.slice(0, row.indexOf("%"))));
    expect(wide).toBe(plain);
  });

  it("takes the session id from a transcript's name when Claude Code named it", async () => {
    const config = tempDir();
    const named = "0f0f0f0f-1111-4222-8333-444444444444";
    const path = writeTranscript(
      config,
      "/p",
      named,
      transcript([assistantResponse({ input: 10, cacheRead: 990 }, [text("hi")])]),
    );
    const json = await run(["usage", "--json", "--transcript", path], { CLAUDE_CONFIG_DIR: config });
    expect(JSON.parse(json.stdout)).toMatchObject({ sessionId: named });
  });
});

describe("ctx-monitor as a pipe's writer", () => {
  it("exits quietly when the reader stops early (EPIPE), and so does the server it started", async () => {
    const { spawnSync } = await import("node:child_process");
    const { CLI_PATH } = await import("../support/built-server.ts");
    // The demo writes its header, then more after each tool call: by then `head` has gone.
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI_PATH}" demo | head -c 10`], {
      encoding: "utf8",
      timeout: 60_000,
      killSignal: "SIGKILL",
    });
    expect(result.stdout).toBe("ctx-monito");
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
  });

  it("says on stderr that it is the MCP server when started by hand on a terminal, and nothing to a client", async () => {
    const { spawnSync } = await import("node:child_process");
    const { CLI_PATH } = await import("../support/built-server.ts");
    // script(1) gives the server a terminal for stdin, as a person typing `ctx-monitor` would.
    // `timeout --foreground` keeps the server in the terminal's foreground process group: run in a
    // background group (timeout's default), its read of the terminal stops it (SIGTTIN) for good when
    // the caller has no terminal of its own, as under CI. Both waits are bounded, the outer one by SIGKILL.
    const byHand = spawnSync(
      "script",
      ["-q", "-e", "-c", `timeout --foreground -k 1 2 "${process.execPath}" "${CLI_PATH}"`, "/dev/null"],
      { encoding: "utf8", input: "", timeout: 20_000, killSignal: "SIGKILL" },
    );
    expect(byHand.stdout).toContain("this is the MCP server, waiting for a client on stdin");
    const piped = spawnSync(process.execPath, [CLI_PATH], { encoding: "utf8", input: "", timeout: 5_000 });
    expect(piped.stdout).toBe("");
    expect(piped.stderr).not.toContain("waiting for a client");
  });
});

describe("the README's CLI section", () => {
  it("lists every command with every option, as --help does", async () => {
    const { readFileSync } = await import("node:fs");
    const { COMMANDS } = await import("../../src/commands/index.ts");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## CLI"), readme.indexOf("\n## ", readme.indexOf("## CLI") + 1));
    for (const command of COMMANDS) {
      expect(section).toContain(`ctx-monitor ${command.name} ${command.synopsis}`.trimEnd());
      expect(section).toContain(command.summary);
    }
  });
});
