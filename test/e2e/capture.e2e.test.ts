// Capture with the real Claude Code client: through `ctx-monitor proxy` to the stand-in API, and
// from Claude Code's own request bodies (OTEL_LOG_RAW_API_BODIES).
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession, readLog } from "../../src/capture/store.ts";
import { estimateTokens } from "../../src/context/estimate.ts";
import { e2eVersions } from "./claude-binary.ts";
import { ours, text, toolUse } from "./fake-api/script.ts";
import { contextTokensOf } from "./fake-api/usage.ts";
import { findToolExchange, toolJson } from "./tool-results.ts";
import { startProxyProcess } from "../support/proxy-process.ts";
import { mainRequests, openScenario } from "./scenario.ts";

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

describe.concurrent.each(e2eVersions())("Claude Code %s's own request bodies (OTEL_LOG_RAW_API_BODIES)", (version) => {
  /** The real client with a foreign MCP server and its bodies logged as `install --capture` sets it; the breakdown's answer. */
  async function breakdownWithForeignServer(extraEnv: Record<string, string>) {
    const call = toolUse(ours("get_context_breakdown"));
    const scenario = await openScenario({ main: [[call], [text("Done.")]] }, version);
    const foreignConfig = join(scenario.sandbox.home, "foreign-mcp.json");
    writeFileSync(
      foreignConfig,
      JSON.stringify({ mcpServers: { tickets: { type: "stdio", command: process.execPath, args: [FOREIGN_SERVER] } } }),
    );
    // In the settings' env, as `install --capture` puts it: Claude Code does not pass OTEL_* on to MCP servers.
    const bodies = join(scenario.sandbox.home, "otel-bodies");
    mkdirSync(join(scenario.sandbox.home, ".claude"), { recursive: true });
    writeFileSync(
      join(scenario.sandbox.home, ".claude", "settings.json"),
      JSON.stringify({ env: { OTEL_LOG_RAW_API_BODIES: `file:${bodies}` } }),
    );
    // Wait for both MCP servers before the first request: on a loaded machine they may start slowly.
    const waitForServers = { MCP_CONNECTION_NONBLOCKING: "0", MCP_TIMEOUT: "60000" };
    await scenario.sandbox.claude(
      ["-p", "what fills the context?", "--model", "claude-sonnet-4-5", "--mcp-config", foreignConfig],
      { ...waitForServers, ...extraEnv },
    );
    const exchange = findToolExchange(scenario.api.requests, call.id);
    const sentTools = (server: string) =>
      (exchange.callingRequest.body.tools ?? []).filter((tool) => tool.name?.startsWith(`mcp__${server}__`));
    return { scenario, bodies, breakdown: toolJson<Breakdown>(exchange), sentTools, exchange };
  }

  const definitionsChars = (tools: object[]) =>
    tools.reduce((sum, tool) => sum + JSON.stringify(withoutKey(tool, "cache_control")).length, 0);

  it("O1. with a foreign MCP server: its definition tokens are measured exactly with count_tokens (the stand-in's), and the bodies are digested away", async () => {
    const { scenario, bodies, breakdown, sentTools, exchange } = await breakdownWithForeignServer({});
    await using _ = scenario;
    const tickets = sentTools("tickets");
    expect(tickets.map((tool) => tool.name).sort()).toEqual([
      "mcp__tickets__lookup_ticket",
      "mcp__tickets__search_tickets",
    ]);
    expect(breakdown.capture).toMatchObject({ source: "otel", measured: true });
    // The stand-in's count_tokens answers ceil(len(JSON [system, tools, messages]) / 4), plus the tool-use
    // preamble once when there are tools: the server's figure is what its definitions add to the built-in
    // tools, without a second preamble.
    const foo = [{ role: "user", content: "foo" }];
    const builtIns = (exchange.callingRequest.body.tools ?? []).filter(
      (tool) => !tool.name?.startsWith("mcp__") && (tool as { defer_loading?: boolean }).defer_loading !== true,
    );
    const measured =
      contextTokensOf({ tools: [...builtIns, ...tickets], messages: foo }) -
      contextTokensOf({ tools: builtIns, messages: foo });
    expect(breakdown.mcpServers.find((server) => server.name === "tickets")?.definitionTokens).toBe(measured);
    expect(readdirSync(bodies).filter((name) => name.endsWith(".request.json")).length).toBeLessThan(
      scenario.api.requests.length,
    );
  });

  it("O2. with CTX_MONITOR_COUNT_TOKENS=0: every server's definition tokens are estimated from their definitions as sent", async () => {
    const { scenario, breakdown, sentTools } = await breakdownWithForeignServer({ CTX_MONITOR_COUNT_TOKENS: "0" });
    await using _ = scenario;
    expect(breakdown.capture).toMatchObject({ source: "otel", measured: false });
    for (const server of ["tickets", "ctx-monitor"]) {
      expect(breakdown.mcpServers.find((entry) => entry.name === server)?.definitionTokens).toBe(
        estimateTokens(definitionsChars(sentTools(server))),
      );
    }
  });
});

interface Breakdown {
  capture: { source: string; measured: boolean } | null;
  mcpServers: Array<{ name: string; definitionTokens: number | null }>;
}

const FOREIGN_SERVER = fileURLToPath(new URL("./foreign-mcp-server.mjs", import.meta.url));

function withoutKey(value: object, key: string): object {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}
