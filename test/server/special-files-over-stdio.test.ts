// The server meeting a kernel file system or a FIFO where handoffs live, as Claude Code reaches it: the
// built server over stdio with the SDK's Client. Each request is bounded, so a regression (a recursive
// mkdir looping under /proc, an open waiting on a FIFO for a writer) fails instead of hanging the suite.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { CLI_PATH, type Connected, connectBuiltServer } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const BOUND = { timeout: 15_000 };
const truth = fixtureTruth("busy-session");

/** A project with the busy-session transcript where Claude Code keeps it, and the env that finds it. */
function session(handoffDir: (project: string) => string) {
  const home = tempDir();
  const project = join(home, "project");
  mkdirSync(project);
  const folder = join(home, ".claude", "projects", encodeProjectDir(project));
  mkdirSync(folder, { recursive: true });
  const transcript = stageFixture("busy-session", folder);
  const env = {
    HOME: home,
    CLAUDE_CODE_SESSION_ID: truth.sessionId,
    CLAUDE_PROJECT_DIR: project,
    CTX_MONITOR_HANDOFF_DIR: handoffDir(project),
  };
  return { project, transcript, env };
}

const textOf = (result: Record<string, unknown>) =>
  ((result.content as Array<{ type: string; text?: string }> | undefined)?.[0]?.text ?? "").trimEnd();

describe("write_handoff and the resume prompt over stdio (built server) on special files", () => {
  let connected: Connected | undefined;
  afterEach(async () => {
    await connected?.close();
    connected = undefined;
  });

  it.runIf(existsSync("/proc/self"))(
    "answers write_handoff into /proc at once with isError and the CLI's sentence",
    async () => {
      const { project, transcript, env } = session(() => "/proc/ctx-monitor-test/handoffs");
      connected = await connectBuiltServer(env, project);
      const result = await connected.client.callTool(
        { name: "write_handoff", arguments: { goal: "g" } },
        undefined,
        BOUND,
      );
      expect(result.isError).toBe(true);
      const cli = spawnSync(process.execPath, [CLI_PATH, "handoff", "--transcript", transcript, "--project", project], {
        env: { PATH: process.env.PATH ?? "", ...env },
        encoding: "utf8",
        timeout: BOUND.timeout,
        killSignal: "SIGKILL",
      });
      expect(cli.status).toBe(2);
      const sentence = cli.stderr.trimEnd().replace(/^ctx-monitor handoff: /, "");
      expect(sentence).toContain("/proc is on a kernel file system (proc)");
      expect(textOf(result)).toBe(`write_handoff: ${sentence}`);
    },
  );

  it("refuses to resume from a FIFO planted under a handoff's name, without waiting for a writer", async () => {
    const { project, env } = session((dir) => join(dir, ".claude", "handoffs"));
    const folder = env.CTX_MONITOR_HANDOFF_DIR;
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    execFileSync("mkfifo", [join(folder, "9999-12-31T23-59-59Z-zzzzzzzz.md")]);
    connected = await connectBuiltServer(env, project);
    await expect(
      connected.client.getPrompt({ name: "resume", arguments: { path: "9999-12-31T23-59-59Z-zzzzzzzz.md" } }, BOUND),
    ).rejects.toThrow(/is not a regular handoff file/);
    // The server still answers: nothing was left waiting.
    const tools = await connected.client.listTools(undefined, BOUND);
    expect(tools.tools.map((tool) => tool.name)).toContain("write_handoff");
  });
});
