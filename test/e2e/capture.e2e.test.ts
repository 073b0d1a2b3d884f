// Capture with the real Claude Code client: through `ctx-monitor proxy` to the stand-in API, and
// from Claude Code's own request bodies (OTEL_LOG_RAW_API_BODIES).
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession, readLog } from "../../src/capture/store.ts";
import { startProxyProcess } from "../support/proxy-process.ts";
import { e2eVersions } from "./claude-binary.ts";
import { ours, text, toolUse } from "./fake-api/script.ts";
import type { RecordedRequest } from "./fake-api/server.ts";
import { contextTokensOf } from "./fake-api/usage.ts";
import { mainRequests, openScenario } from "./scenario.ts";
import { findToolExchange, toolJson } from "./tool-results.ts";

/** Every file under a folder, with its content, for the search of a secret. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.concurrent.each(e2eVersions())("capture through the real Claude Code %s", (version) => {
  it("P1. the client through ctx-monitor proxy: answers arrive, every main request is captured with its usage, and no file holds the key", async () => {
    await using scenario = await openScenario(
      { main: [[toolUse("Bash", { command: "echo through", description: "a step" })], [text("Done.")]] },
      version,
    );
    const storeDir = join(scenario.sandbox.home, "capture-store");
    const key = `sk-ant-api03-${randomBytes(12).toString("hex")}`;
    const proxy = await startProxyProcess(["--upstream", scenario.api.url, "--capture-dir", storeDir], {
      PATH: process.env.PATH ?? "",
      HOME: scenario.sandbox.home,
      ANTHROPIC_API_KEY: key,
    });
    try {
      const result = await scenario.sandbox.claude(
        ["-p", "run one step through the proxy", "--model", "claude-sonnet-4-5"],
        { ANTHROPIC_BASE_URL: proxy.url, ANTHROPIC_API_KEY: key },
      );
      expect(result.is_error).toBe(false);
      const main = mainRequests(scenario.api);
      expect(main).toHaveLength(2);
      await proxy.stop();
      const captured = readLog<CapturedRequest>(storeDir).filter((record) => record.role === "main");
      expect(captured.map((record) => record.messageId)).toEqual(main.map((request) => request.messageId));
      expect(captured.map((record) => record.usage)).toEqual(main.map((request) => request.usage));
      expect(captured.every((record) => record.sessionId === result.session_id)).toBe(true);
      expect(newestOfSession<CapturedRequest>(storeDir, result.session_id)?.messageId).toBe(main[1]!.messageId);
      expect(statSync(storeDir).mode & 0o777).toBe(0o700);
      for (const file of filesUnder(storeDir)) expect(statSync(file).mode & 0o777).toBe(0o600);
      const holding = filesUnder(join(scenario.sandbox.home, "..")).filter((file) => readFileSync(file).includes(key));
      expect(holding).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });
});

type Route = "install --capture" | "ctx-monitor proxy" | "the user's own raw-bodies folder";

// One run at a time: several clients starting at once on a loaded machine make 2.1.197 send its first
// request before ctx-monitor is connected.
describe.each(e2eVersions())("capture routes with the real Claude Code %s and a foreign MCP server", (version) => {
  /**
   * The real client with a foreign MCP server beside ctx-monitor, captured by one route, asked for the
   * breakdown by the first response: the request split is the one measured (through the proxy, the
   * answer waits a moment for the proxy's measuring, which follows the forwarding).
   */
  async function runThrough(route: Route, extraEnv: Record<string, string>) {
    const call = toolUse(ours("get_context_breakdown"));
    const scenario = await openScenario({ main: [[call], [text("Done.")]] }, version);
    const { home } = scenario.sandbox;
    const foreignConfig = join(home, "foreign-mcp.json");
    writeFileSync(
      foreignConfig,
      JSON.stringify({
        mcpServers: { tickets: { type: "stdio", command: process.execPath, args: [FOREIGN_SERVER] } },
      }),
    );
    const key = `sk-ant-api03-${randomBytes(12).toString("hex")}`;
    const env: Record<string, string> = { ANTHROPIC_API_KEY: key, ...extraEnv };
    const bodies = join(home, "otel-bodies");
    let proxy: Awaited<ReturnType<typeof startProxyProcess>> | null = null;
    if (route === "install --capture") {
      // In the settings' env, as `install --capture` puts it: Claude Code does not pass OTEL_* on to MCP servers.
      mkdirSync(join(home, ".claude"), { recursive: true });
      writeFileSync(
        join(home, ".claude", "settings.json"),
        JSON.stringify({ env: { OTEL_LOG_RAW_API_BODIES: `file:${bodies}` } }),
      );
    } else if (route === "the user's own raw-bodies folder") {
      // Exported in the shell before `claude`: only the Claude Code process's own environment holds it.
      env.OTEL_LOG_RAW_API_BODIES = `file:${bodies}`;
    } else {
      proxy = await startProxyProcess(["--upstream", scenario.api.url], { PATH: process.env.PATH ?? "", HOME: home });
      env.ANTHROPIC_BASE_URL = proxy.url;
      // A subscription user's server: no key in its environment, only in the requests it never sees.
      const mcpConfig = join(home, "..", "mcp.json");
      const config = JSON.parse(readFileSync(mcpConfig, "utf8")) as { mcpServers: Record<string, object> };
      config.mcpServers["ctx-monitor"] = { ...config.mcpServers["ctx-monitor"], env: { ANTHROPIC_API_KEY: "" } };
      writeFileSync(mcpConfig, JSON.stringify(config));
    }
    try {
      await scenario.sandbox.claude(["-p", "what fills the context?", "--mcp-config", foreignConfig], env);
    } finally {
      await proxy?.stop();
    }
    return { scenario, key, exchange: findToolExchange(scenario.api.requests, call.id) };
  }

  /**
   * On a loaded machine 2.1.197 may send the first request while ctx-monitor is still connecting
   * (it waits for MCP servers a few seconds at most in -p mode): that run is tried again, twice at most.
   */
  async function breakdownThrough(route: Route, extraEnv: Record<string, string> = {}) {
    for (let attempt = 1; ; attempt++) {
      const { scenario, key, exchange } = await runThrough(route, extraEnv);
      const connected = (exchange.callingRequest.body.tools ?? []).some((tool) =>
        tool.name?.startsWith("mcp__ctx-monitor__"),
      );
      if (!connected && attempt < 3) {
        await scenario[Symbol.asyncDispose]();
        continue;
      }
      return {
        scenario,
        key,
        breakdown: toolJson<Breakdown>(exchange),
        sent: sentFigures(exchange.callingRequest.body),
        exchangeTools: exchange.callingRequest.body.tools,
      };
    }
  }

  it.each<Route>(["install --capture", "ctx-monitor proxy", "the user's own raw-bodies folder"])(
    "C1. through %s: the system prompt, the built-in tools and each server's definitions measured, marked exact and within 5% of what was sent; nothing holds the key",
    async (route) => {
      const { scenario, key, breakdown, sent, exchangeTools } = await breakdownThrough(route);
      await using _ = scenario;
      const context = `${version}, ${route}: ${JSON.stringify({ capture: breakdown.capture, categories: breakdown.categories, mcpServers: breakdown.mcpServers, sent })}`;
      expect(breakdown.capture?.source, context).toBe(route === "ctx-monitor proxy" ? "proxy" : "otel");
      for (const part of breakdown.capture?.parts ?? []) expect(part.reason, `${part.part}: ${context}`).toBeNull();
      const figure = (name: string) => breakdown.capture?.parts.find((part) => part.part === name)?.tokens;
      console.log(
        `capture C1 (${version}, ${route}): ${JSON.stringify(breakdown.capture?.parts.map((part) => [part.part, part.tokens]))}; sent ${JSON.stringify(sent)}`,
      );
      expectNear(figure("system prompt"), sent.systemPrompt, context);
      expectNear(figure("built-in tools"), sent.builtInTools, context);
      const systemPrompt = breakdown.categories.find((category) => category.name === "System prompt");
      expect(systemPrompt, context).toMatchObject({ tokens: figure("system prompt"), estimated: false });
      expect(Object.keys(sent.servers).sort()).toEqual(["ctx-monitor", "tickets"]);
      for (const [name, tokens] of Object.entries(sent.servers)) {
        const server = breakdown.mcpServers.find((entry) => entry.name === name);
        expect(server?.definitionsEstimated, `${name}: ${context}`).toBe(false);
        expectNear(server?.definitionTokens, tokens, `${name}: ${context}`);
      }
      // Deferred tools counted once, as /context does: ctx-monitor lists three tools, those not sent in full are deferred.
      const ownSent = (exchangeTools ?? []).filter(
        (tool) =>
          tool.name?.startsWith("mcp__ctx-monitor__") && (tool as { defer_loading?: boolean }).defer_loading !== true,
      ).length;
      expect(breakdown.mcpServers.find((entry) => entry.name === "ctx-monitor")?.deferredTools, context).toBe(
        3 - ownSent,
      );
      const used = breakdown.categories
        .filter((category) => category.name !== "Free space" && category.name !== "Autocompact buffer")
        .reduce((sum, category) => sum + category.tokens, 0);
      expect(used).toBe(breakdown.usedTokens);
      const holding = filesUnder(join(scenario.sandbox.home, "..")).filter((file) => readFileSync(file).includes(key));
      expect(holding).toEqual([]);
    },
  );
});

/** Within 5% or 50 tokens, whichever is larger. */
function expectNear(actual: number | null | undefined, expected: number, context: string): void {
  expect(typeof actual, context).toBe("number");
  expect(Math.abs((actual ?? 0) - expected), context).toBeLessThanOrEqual(Math.max(50, expected * 0.05));
}

/** What the calling request sent, as the stand-in's tokenizer counts it against a one-word message. */
function sentFigures(body: RecordedRequest["body"]) {
  const foo = { role: "user", content: "foo" };
  const tools = (body.tools ?? []).filter((tool) => (tool as { defer_loading?: boolean }).defer_loading !== true);
  const builtIns = tools.filter((tool) => !tool.name?.startsWith("mcp__"));
  const systemMessages = (body.messages ?? []).filter((message) => message.role === "system");
  const alone = contextTokensOf({ messages: [foo] });
  const withBuiltIns = contextTokensOf({ tools: builtIns, messages: [foo] });
  const servers: Record<string, number> = {};
  for (const tool of tools) {
    const server = /^mcp__(.+?)__/.exec(tool.name ?? "")?.[1];
    if (!server) continue;
    const own = tools.filter((candidate) => candidate.name?.startsWith(`mcp__${server}__`));
    servers[server] = contextTokensOf({ tools: [...builtIns, ...own], messages: [foo] }) - withBuiltIns;
  }
  return {
    systemPrompt: contextTokensOf({ system: body.system, messages: [...systemMessages, foo] }) - alone,
    builtInTools: withBuiltIns - alone,
    servers,
  };
}

interface Breakdown {
  usedTokens: number;
  capture: {
    source: string;
    measured: boolean;
    parts: Array<{ part: string; tokens: number | null; reason: string | null }>;
  } | null;
  categories: Array<{ name: string; tokens: number; estimated: boolean }>;
  mcpServers: Array<{
    name: string;
    definitionTokens: number | null;
    definitionsEstimated: boolean | null;
    deferredTools: number | null;
  }>;
}

const FOREIGN_SERVER = fileURLToPath(new URL("./foreign-mcp-server.mjs", import.meta.url));
