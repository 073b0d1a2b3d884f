// The server under input it cannot take, reached as Claude Code reaches it: unknown tool arguments are
// a validation error naming the allowed ones; a message over the stdio limit, a batch, a line that is not
// JSON-RPC and non-object tool arguments each get a JSON-RPC error, and the server goes on serving.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_PATH, type Connected, connectBuiltServer } from "../support/built-server.ts";
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

/** The built server on raw pipes: write lines, read the answers as they come. */
function rawServer() {
  const child = spawn(process.execPath, [CLI_PATH], {
    env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let buffered = "";
  const waiting: Array<(line: string) => void> = [];
  const lines: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    for (let newline = buffered.indexOf("\n"); newline !== -1; newline = buffered.indexOf("\n")) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const answer = (): Promise<Record<string, unknown>> =>
    new Promise<string>((resolve, reject) => {
      const ready = lines.shift();
      if (ready !== undefined) return resolve(ready);
      const timer = setTimeout(() => reject(new Error(`no answer; stderr: ${stderr}`)), 15_000);
      waiting.push((line) => (clearTimeout(timer), resolve(line)));
    }).then((line) => JSON.parse(line) as Record<string, unknown>);
  const write = async (text: string) => {
    if (!child.stdin.write(text)) await once(child.stdin, "drain");
  };
  const initialize = async () => {
    await write(
      `${JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } } })}\n`,
    );
    expect(await answer()).toMatchObject({ id: 0, result: { serverInfo: { name: "ctx-monitor" } } });
    await write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  };
  const stillServes = async (id: number) => {
    await write(`${JSON.stringify({ jsonrpc: "2.0", id, method: "tools/list" })}\n`);
    const listed = await answer();
    expect(listed.id).toBe(id);
    expect(JSON.stringify(listed.result)).toContain("get_context_usage");
    expect(child.exitCode).toBeNull();
  };
  return { child, write, answer, initialize, stillServes };
}

describe("input the server cannot take (built server, raw stdio)", () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });
  const start = () => {
    const server = rawServer();
    children.push(server.child);
    return server;
  };

  it("answers an 11 MiB line (no id to be found) with an error, and goes on serving", async () => {
    const server = start();
    await server.initialize();
    const chunk = "x".repeat(1 << 20);
    for (let i = 0; i < 11; i++) await server.write(chunk);
    await server.write("\n");
    const refused = await server.answer();
    expect(refused).toMatchObject({ id: null, error: { code: -32600 } });
    expect((refused.error as { message: string }).message).toMatch(/over the 10485760-byte limit/);
    await server.stillServes(1);
  }, 60_000);

  it("answers a batch, a line that is not JSON and a malformed request with JSON-RPC errors, and goes on", async () => {
    const server = start();
    await server.initialize();
    await server.write(`${JSON.stringify([{ jsonrpc: "2.0", id: 5, method: "tools/list" }])}\n`);
    expect(await server.answer()).toMatchObject({
      id: null,
      error: { code: -32600, message: expect.stringMatching(/batches are not supported/) },
    });
    await server.write("{not json\n");
    expect(await server.answer()).toMatchObject({ id: null, error: { code: -32700 } });
    await server.write(`${JSON.stringify({ jsonrpc: "1.0", id: 6, method: "tools/list" })}\n`);
    expect(await server.answer()).toMatchObject({ id: 6, error: { code: -32600 } });
    await server.stillServes(7);
  });

  it.each([
    ["a string", "x"],
    ["an array", [1]],
    ["a number", 5],
    ["null", null],
  ])("answers tools/call with %s as arguments with -32602 and one line", async (_kind, args) => {
    const server = start();
    await server.initialize();
    await server.write(
      `${JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/call", params: { name: "get_context_usage", arguments: args } })}\n`,
    );
    const refused = await server.answer();
    expect(refused).toMatchObject({ id: 8, error: { code: -32602 } });
    const message = (refused.error as { message: string }).message;
    expect(message).toMatch(/^tools\/call: arguments must be a JSON object/);
    expect(message).not.toContain("\n");
    await server.stillServes(9);
  });
});

describe("a message over the stdio limit from the SDK's client (built server)", () => {
  let connected: Connected | null = null;
  afterEach(async () => {
    await connected?.close();
  });

  it("answers write_handoff with 11 MB of notes with an error naming the limit, and serves the next call", async () => {
    connected = await connectBuiltServer({ HOME: tempDir() });
    await expect(
      connected.client.callTool({ name: "write_handoff", arguments: { goal: "g", notes: "n".repeat(11_000_000) } }),
    ).rejects.toThrow(/over the 10485760-byte limit/);
    const tools = await connected.client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toContain("write_handoff");
  }, 60_000);
});
