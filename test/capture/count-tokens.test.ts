// count_tokens against a real HTTP server on 127.0.0.1: each part measured against the one-word
// baseline, each distinct part asked once, the key only in the request header, and off on request.

import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { counterFor, isTarget, measureGroups, targetFromEnv } from "../../src/capture/count-tokens.ts";
import { partGroups } from "../../src/capture/part-groups.ts";
import { digestRequest } from "../../src/capture/request-digest.ts";
import { TokenCache } from "../../src/capture/token-cache.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const KEY = "sk-ant-api03-count-test";
const closers: Array<() => void> = [];
const NOW = new Date("2026-01-01T00:00:00Z");

/** The counter this process's environment gives, or null with the reason. */
function counterFromEnv(runtime: ReturnType<typeof fakeRuntime>) {
  const target = targetFromEnv(runtime);
  return isTarget(target) ? counterFor(target) : null;
}
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** The API's tool-use preamble: a request with any tools counts this many tokens more, once. */
const TOOLS_PREAMBLE = 346;

/** Answers like the API would in spirit: tokens grow with the request's size, and tools bring the preamble once. */
async function countTokensApi(): Promise<{
  url: string;
  calls: Array<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }>;
}> {
  const calls: Array<{ path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }> = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      calls.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(200, { "content-type": "application/json" });
      const tools = (JSON.parse(raw) as { tools?: unknown[] }).tools ?? [];
      res.end(JSON.stringify({ input_tokens: Math.ceil(raw.length / 4) + (tools.length ? TOOLS_PREAMBLE : 0) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

const body = {
  model: "claude-opus-4-8[1m]",
  system: [{ type: "text", text: "You are Claude Code.", cache_control: { type: "ephemeral" } }],
  tools: [
    { name: "Bash", description: "runs commands", input_schema: {} },
    { name: "mcp__tickets__lookup", description: "finds a ticket", input_schema: {} },
    { name: "mcp__slack__post", description: "deferred", input_schema: {}, defer_loading: true },
  ],
};

describe("count_tokens for the baseline's parts", () => {
  it("measures each group once, a server's tools on top of the built-in ones (the preamble counted once), with the model's API id and the key in the header only", async () => {
    const api = await countTokensApi();
    const store = tempDir();
    const counter = counterFromEnv(
      fakeRuntime({ env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: `${api.url}/` } }),
    )!;
    const groups = partGroups(body, digestRequest(body));
    expect([...groups.keys()]).toEqual(["systemPrompt", "builtInTools", "server:tickets"]);
    const cache = new TokenCache(store);
    expect(await measureGroups(groups.values(), counter, cache, NOW)).toBe(3);
    expect(api.calls).toHaveLength(4);
    expect(
      api.calls.every(
        (call) =>
          call.path === "/v1/messages/count_tokens" &&
          call.headers["x-api-key"] === KEY &&
          call.body.model === "claude-opus-4-8",
      ),
    ).toBe(true);
    const counted = (tools?: unknown[]) =>
      Math.ceil(
        JSON.stringify({
          model: "claude-opus-4-8",
          ...(tools ? { tools } : {}),
          messages: [{ role: "user", content: "foo" }],
        }).length / 4,
      ) + (tools ? TOOLS_PREAMBLE : 0);
    // The built-in tools carry the preamble; the server's figure is what its definition adds to them.
    expect(cache.get(groups.get("builtInTools")!.key)).toBe(counted([body.tools[0]]) - counted());
    expect(cache.get(groups.get("server:tickets")!.key)).toBe(
      counted([body.tools[0], body.tools[1]]) - counted([body.tools[0]]),
    );
    expect(cache.get(groups.get("server:tickets")!.key)).toBeLessThan(TOOLS_PREAMBLE);

    const again = new TokenCache(store);
    expect(await measureGroups(partGroups(body, digestRequest(body)).values(), counter, again, NOW)).toBe(0);
    expect(api.calls).toHaveLength(4);
    expect(readFileSync(join(store, "part-tokens.json"), "utf8")).not.toContain(KEY);
  });

  it("no counter without credentials or with CTX_MONITOR_COUNT_TOKENS=0; a bearer token when that is what there is", async () => {
    expect(counterFromEnv(fakeRuntime({ env: {} }))).toBeNull();
    expect(counterFromEnv(fakeRuntime({ env: { ANTHROPIC_API_KEY: KEY, CTX_MONITOR_COUNT_TOKENS: "0" } }))).toBeNull();
    const api = await countTokensApi();
    await counterFromEnv(fakeRuntime({ env: { ANTHROPIC_AUTH_TOKEN: "tok-123", ANTHROPIC_BASE_URL: api.url } }))!.count(
      { model: "m" },
    );
    expect(api.calls[0]?.headers.authorization).toBe("Bearer tok-123");
    expect(api.calls[0]?.headers["x-api-key"]).toBeUndefined();
  });
});

describe("count_tokens failing", () => {
  it("keeps the reason per group instead of a figure, asks again only once the failure is old, and leaves no unhandled rejection behind", async () => {
    const store = tempDir();
    const cache = new TokenCache(store);
    let calls = 0;
    const failing = {
      count: async () => {
        calls++;
        throw new Error("socket hang up");
      },
    };
    const groups = () => partGroups(body, digestRequest(body)).values();
    expect(await measureGroups(groups(), failing, cache, NOW)).toBe(0);
    expect(calls).toBe(4);
    const saved = new TokenCache(store);
    expect([...groups()].map((group) => [saved.get(group.key), saved.unmeasured(group.key)?.reason])).toEqual([
      [undefined, "unreachable"],
      [undefined, "unreachable"],
      [undefined, "unreachable"],
    ]);
    expect(await measureGroups(groups(), failing, saved, new Date(NOW.getTime() + 60_000))).toBe(0);
    expect(calls).toBe(4);
    await measureGroups(groups(), failing, saved, new Date(NOW.getTime() + 10 * 60_000));
    expect(calls).toBe(8);
  });
});
