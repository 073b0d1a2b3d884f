// The server under input it cannot take, reached as Claude Code reaches it: unknown tool arguments are
// a validation error naming the allowed ones, and a message over the stdio limit makes the process
// say why on stderr and exit, instead of staying alive and silent.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_PATH, connectBuiltServer, type Connected } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

describe("tool arguments (built server)", () => {
  let connected: Connected | null = null;
  afterEach(async () => {
    await connected?.close();
  });

  it.each([
    ["get_context_usage", { path: "/etc/passwd" }, "path"],
    ["get_context_breakdown", { project_dir: "/tmp" }, "project_dir"],
    ["write_handoff", { goal: "x", path: "/tmp/h.md" }, "path"],
  ])(
    "answers %s called with an unknown argument with a validation error naming the allowed ones",
    async (tool, args, unknown) => {
      connected = await connectBuiltServer({ HOME: tempDir() });
      const result = await connected.client.callTool({ name: tool, arguments: args });
      expect(result.isError).toBe(true);
      const content = result.content as Array<{ type: string; text?: string }>;
      const answer = content[0]?.text ?? "";
      expect(answer).toContain(`unknown argument "${unknown}"`);
      expect(answer).toMatch(/allowed: [a-z_, ]*session_id, transcript_path/);
    },
  );
});

describe("a message over the stdio limit (built server)", () => {
  it("logs why to stderr and exits, never staying silent", async () => {
    const child = spawn(process.execPath, [CLI_PATH], {
      env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const exited = once(child, "exit");
    // 11 MiB without a newline: more than the SDK buffers for one message.
    const chunk = "x".repeat(1 << 20);
    for (let i = 0; i < 11 && child.exitCode === null; i++) {
      if (!child.stdin.write(chunk)) await once(child.stdin, "drain").catch(() => undefined);
    }
    const [code] = (await exited) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toMatch(/MCP transport error: .*exceeded maximum size/);
    expect(stderr).toContain("exiting so the client can restart the server");
  });
});
