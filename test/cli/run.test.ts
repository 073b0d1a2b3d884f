import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/cli/run.ts";
import { fakeRuntime, tempDir, writeTranscript } from "../support/runtime.ts";
import { assistantResponse, SESSION_ID, text, transcript } from "../support/transcript-builder.ts";

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCommand(argv, fakeRuntime({ env }), {
    stdout: (chunk) => void (stdout += chunk),
    stderr: (chunk) => void (stderr += chunk),
  });
  return { code, stdout, stderr };
}

describe("ctx-monitor CLI", () => {
  it("lists the commands with --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ctx-monitor usage [--json] [--transcript PATH | --session ID] [--project DIR]");
  });

  it("rejects an unknown command with exit code 2 and the help", async () => {
    const { code, stderr } = await run(["usgae"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "usgae"');
  });

  it("rejects an unknown option with the command's synopsis", async () => {
    const { code, stderr } = await run(["usage", "--jsn"]);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: ctx-monitor usage [--json]");
  });

  it("says what to pass when no transcript is found, without a stack trace", async () => {
    const config = tempDir();
    const { code, stderr } = await run(["usage", "--project", "/no/such/project"], { CLAUDE_CONFIG_DIR: config });
    expect(code).toBe(1);
    expect(stderr).toContain(`no Claude Code transcript found for /no/such/project (looked in ${join(config, "projects", "-no-such-project")})`);
    expect(stderr).not.toContain("    at ");
  });

  it("refuses a handoff label that is a path with exit code 1 and the reason, without a stack trace", async () => {
    const config = tempDir();
    const path = writeTranscript(config, "/p", "sess", transcript([assistantResponse({ input: 10 }, [text("hi")])]));
    const { code, stderr } = await run(["handoff", "--transcript", path, "--project", tempDir(), "--name", "../../x"], { CLAUDE_CONFIG_DIR: config });
    expect(code).toBe(1);
    expect(stderr).toContain('ctx-monitor handoff: name "../../x" is not allowed');
    expect(stderr).not.toContain("    at ");
  });

  it("prints people-readable usage, or the tool's JSON with --json", async () => {
    const config = tempDir();
    const path = writeTranscript(config, "/p", "sess", transcript([assistantResponse({ input: 10, cacheRead: 990 }, [text("hi")])]));
    const human = await run(["usage", "--transcript", path], { CLAUDE_CONFIG_DIR: config });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^1,000 of 200,000 tokens \(1%\)/);
    expect(human.stdout).toContain("status         ok");
    const json = await run(["usage", "--json", "--transcript", path], { CLAUDE_CONFIG_DIR: config });
    // A transcript not named by a session id (a renamed copy) says whose it is in its records.
    expect(JSON.parse(json.stdout)).toMatchObject({ usedTokens: 1000, sessionId: SESSION_ID, sessionSource: "transcript-path" });
  });

  it("takes the session id from a transcript's name when Claude Code named it", async () => {
    const config = tempDir();
    const named = "0f0f0f0f-1111-4222-8333-444444444444";
    const path = writeTranscript(config, "/p", named, transcript([assistantResponse({ input: 10, cacheRead: 990 }, [text("hi")])]));
    const json = await run(["usage", "--json", "--transcript", path], { CLAUDE_CONFIG_DIR: config });
    expect(JSON.parse(json.stdout)).toMatchObject({ sessionId: named });
  });
});

describe("ctx-monitor as a pipe's writer", () => {
  it("exits quietly when the reader stops early (EPIPE), and so does the server it started", async () => {
    const { spawnSync } = await import("node:child_process");
    const { CLI_PATH } = await import("../support/built-server.ts");
    // The demo writes its header, then more after each tool call: by then `head` has gone.
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI_PATH}" demo | head -c 10`], { encoding: "utf8" });
    expect(result.stdout).toBe("ctx-monito");
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
