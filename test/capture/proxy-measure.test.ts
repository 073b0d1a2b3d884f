// ctx-monitor proxy measures what it forwards: the built CLI in its own process, a stand-in upstream
// on 127.0.0.1 that answers Messages requests and count_tokens as told (well, with an error, slowly,
// with nonsense, refusing the key, or gone after the answer). The server's side has no key; the
// answer says per part the figure or why there is none; no file the proxy wrote holds the key.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { captureUsed } from "../../src/capture/capture-used.ts";
import { readSessionCapture } from "../../src/capture/session-capture.ts";
import { startProxyProcess } from "../support/proxy-process.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

type CountMode = "well" | "error" | "slow" | "nonsense" | "reject" | "gone";

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

const SESSION = "5f0c3a52-1111-4222-8333-944445555666";
const BODY = {
  model: "claude-sonnet-4-5",
  system: [{ type: "text", text: "You are Claude Code. ".repeat(40) }],
  tools: [
    { name: "Agent", description: "a".repeat(900), input_schema: { type: "object" } },
    { name: "mcp__tickets__lookup", description: "t".repeat(300), input_schema: { type: "object" } },
  ],
  messages: [{ role: "user", content: "hello" }],
  metadata: { user_id: JSON.stringify({ session_id: SESSION }) },
};

/** An upstream that answers every Messages request and count_tokens as `mode` says. */
async function upstream(mode: CountMode) {
  const counted: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (req.url?.startsWith("/v1/messages/count_tokens")) {
        counted.push(req.headers);
        if (mode === "error") return json(500, { type: "error", error: { type: "api_error", message: "boom" } });
        if (mode === "reject")
          return json(401, { type: "error", error: { type: "authentication_error", message: `bad ${raw}` } });
        if (mode === "nonsense") return json(200, { input_tokens: "many" });
        if (mode === "slow") return void setTimeout(() => json(200, { input_tokens: 1 }), 4_000).unref();
        return json(200, { input_tokens: Math.ceil(raw.length / 4) });
      }
      // Another conversation's request still streaming: the proxy stores nothing while it is in flight.
      const hold = Number(req.headers["x-test-hold-ms"] ?? 0);
      if (hold > 0) return void setTimeout(() => json(200, { id: "msg_other", usage: {} }), hold).unref();
      json(200, {
        id: "msg_1",
        type: "message",
        role: "assistant",
        content: [{ type: "text", text: "hi" }],
        usage: { input_tokens: 2_000, output_tokens: 3 },
      });
      // Gone once it answered: the proxy's count_tokens finds nobody there.
      if (mode === "gone") res.on("finish", () => (server.closeAllConnections(), server.close()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => (server.closeAllConnections(), server.close()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counted };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** One request through the proxy, then the proxy stopped (its measuring settled) and the capture read as the server reads it. */
async function throughProxy(mode: CountMode, headers: Record<string, string>, proxyEnv: Record<string, string> = {}) {
  const api = await upstream(mode);
  const home = tempDir();
  const proxy = await startProxyProcess(["--upstream", api.url], {
    PATH: process.env.PATH ?? "",
    HOME: home,
    ...proxyEnv,
  });
  try {
    const response = await fetch(`${proxy.url}/v1/messages?beta=true`, {
      method: "POST",
      headers: { "content-type": "application/json", "anthropic-version": "2023-06-01", ...headers },
      body: JSON.stringify(BODY),
    });
    expect(response.status).toBe(200);
    await response.text();
  } finally {
    await proxy.stop();
  }
  // The server's side: no key anywhere in its environment.
  const runtime = fakeRuntime({ homeDir: home, env: {}, now: () => new Date() });
  const capture = await readSessionCapture(runtime, SESSION);
  if (!capture) throw new Error("the proxy captured nothing");
  return { home, api, answer: captureUsed(capture) };
}

const key = () => `sk-ant-api03-${randomBytes(12).toString("hex")}`;
const reasons = (answer: ReturnType<typeof captureUsed>) => answer.parts.map((part) => [part.part, part.reason]);

describe("ctx-monitor proxy measures the parts of what it forwards", { timeout: 60_000 }, () => {
  it("with the forwarded request's key, once per part, and no file it wrote holds the key", async () => {
    const secret = key();
    const { home, api, answer } = await throughProxy("well", { "x-api-key": secret });
    expect(answer.parts.map((part) => [part.part, typeof part.tokens, part.reason])).toEqual([
      ["system prompt", "number", null],
      ["built-in tools", "number", null],
      ["MCP server tickets", "number", null],
    ]);
    expect(answer.measured).toBe(true);
    expect(api.counted.length).toBeGreaterThan(0);
    expect(api.counted.every((headers) => headers["x-api-key"] === secret)).toBe(true);
    expect(filesUnder(home).filter((file) => readFileSync(file).includes(secret))).toEqual([]);
  });

  it.each<[CountMode, string]>([
    ["error", "refused"],
    ["nonsense", "nonsense"],
    ["reject", "credentials-rejected"],
    ["gone", "unreachable"],
    ["slow", "timed-out"],
  ])("count_tokens %s: every part says why it has no figure, never with the key", async (mode, reason) => {
    const secret = key();
    const { home, answer } = await throughProxy(mode, { authorization: `Bearer ${secret}` });
    expect(reasons(answer)).toEqual([
      ["system prompt", reason],
      ["built-in tools", reason],
      ["MCP server tickets", reason],
    ]);
    expect(answer.measured).toBe(false);
    expect(JSON.stringify(answer)).not.toContain(secret);
    expect(filesUnder(home).filter((file) => readFileSync(file).includes(secret))).toEqual([]);
  });

  it("a request without credentials, or measuring turned off where the proxy runs: said so, nothing asked", async () => {
    const bare = await throughProxy("well", {});
    expect(new Set(reasons(bare.answer).map(([, reason]) => reason))).toEqual(new Set(["no-credentials"]));
    expect(bare.api.counted).toEqual([]);
    const off = await throughProxy("well", { "x-api-key": key() }, { CTX_MONITOR_COUNT_TOKENS: "0" });
    expect(new Set(reasons(off.answer).map(([, reason]) => reason))).toEqual(new Set(["turned-off"]));
    expect(off.api.counted).toEqual([]);
  });

  it("asked the moment its response arrives, while another request is in flight: the reader waits for the request's record", async () => {
    const api = await upstream("well");
    const home = tempDir();
    const proxy = await startProxyProcess(["--upstream", api.url], { PATH: process.env.PATH ?? "", HOME: home });
    closers.push(() => void proxy.stop());
    const post = (body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${proxy.url}/v1/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", "anthropic-version": "2023-06-01", ...extra },
        body: JSON.stringify(body),
      }).then((response) => response.text());
    const other = post({ ...BODY, metadata: {} }, { "x-test-hold-ms": "1500" });
    await post(BODY, { "x-api-key": key() });
    // Claude Code sends through this proxy: the reader knows the record is on its way.
    const through = fakeRuntime({ homeDir: home, env: { ANTHROPIC_BASE_URL: proxy.url }, now: () => new Date() });
    const elsewhere = fakeRuntime({ homeDir: home, env: {}, now: () => new Date() });
    const [waited, unwaited] = await Promise.all([
      readSessionCapture(through, SESSION, undefined, "msg_1"),
      readSessionCapture(elsewhere, SESSION, undefined, "msg_1"),
    ]);
    expect(waited?.record.messageId).toBe("msg_1");
    expect(waited?.record.source).toBe("proxy");
    // A session not known to go through the proxy is answered at once, without the record still held.
    expect(unwaited).toBeNull();
    await other;
  });
});
