// `ctx-monitor compare` against the real Claude Code's /context: the client runs through
// `ctx-monitor proxy` with a foreign MCP server and a CLAUDE.md, /context is typed in a resumed session,
// and the figures compare rebuilds from /context's count_tokens requests must be the ones /context printed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Comparison } from "../../src/compare/read-comparison.ts";
import { startProxyProcess } from "../support/proxy-process.ts";
import { e2eVersions } from "./claude-binary.ts";
import { text } from "./fake-api/script.ts";
import { openScenario } from "./scenario.ts";

const FOREIGN_SERVER = fileURLToPath(new URL("./foreign-mcp-server.mjs", import.meta.url));

/** /context's own way of printing a figure: exact below a thousand, else thousands with one decimal. */
const asPrinted = (tokens: number) => (tokens < 1000 ? String(tokens) : `${(tokens / 1000).toFixed(1)}k`);
const printedTokens = (value: string) => (value.endsWith("k") ? Number(value.slice(0, -1)) * 1000 : Number(value));

/** Rows of a markdown table under `heading` in /context's output: its cells, header and rule left out. */
function tableUnder(output: string, heading: string): string[][] {
  const start = output.indexOf(heading);
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of output
    .slice(start + heading.length)
    .split("\n")
    .slice(1)) {
    if (!line.startsWith("|")) {
      if (rows.length > 0 || line.trim()) break;
      continue;
    }
    rows.push(
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

describe.concurrent.each(e2eVersions())("ctx-monitor compare with the real Claude Code %s's /context", (version) => {
  it("C1. rebuilds the figures /context printed from its captured count_tokens requests, and sets ctx-monitor's beside them", async () => {
    await using scenario = await openScenario({ main: [[text("Hello.")]] }, version);
    const { sandbox } = scenario;
    const foreignConfig = join(sandbox.home, "foreign-mcp.json");
    writeFileSync(
      foreignConfig,
      JSON.stringify({ mcpServers: { tickets: { type: "stdio", command: process.execPath, args: [FOREIGN_SERVER] } } }),
    );
    writeFileSync(join(sandbox.project, "CLAUDE.md"), "# Project\n\nRun the tests before every commit.\n".repeat(15));
    // The proxy's own count_tokens measuring is off: the stand-in's count_tokens calls must be /context's alone.
    const proxy = await startProxyProcess(["--upstream", scenario.api.url], {
      PATH: process.env.PATH ?? "",
      HOME: sandbox.home,
      CTX_MONITOR_COUNT_TOKENS: "0",
    });
    let printed: string;
    let sessionId: string;
    try {
      const through = { ANTHROPIC_BASE_URL: proxy.url };
      const args = ["--model", "claude-sonnet-4-5", "--mcp-config", foreignConfig];
      const first = await sandbox.claude(["-p", "say hello", ...args], through);
      sessionId = first.session_id;
      const context = await sandbox.claude(["-p", "/context", "--resume", sessionId, ...args], through);
      printed = String(context.result ?? "");
    } finally {
      await proxy.stop();
    }
    expect(scenario.api.countTokens.length).toBeGreaterThan(5);

    const comparison = JSON.parse(
      await sandbox.ctxMonitor(["compare", "--json", "--transcript", sandbox.transcriptPath(sessionId)]),
    ) as Comparison;
    expect(comparison.sessionId).toBe(sessionId);
    expect(comparison.contextRun.requests).toBe(scenario.api.countTokens.length);

    const categories = new Map(
      tableUnder(printed, "### Estimated usage by category").map(([name, tokens]) => [name!, tokens!]),
    );
    const ours = new Map(comparison.rows.map((row) => [row.category, row]));
    const rebuilt = (name: string) => ours.get(name)?.claudeCode ?? 0;
    // Every category /context measures with count_tokens alone, exactly as printed.
    for (const name of [
      "System prompt",
      "MCP tools",
      "MCP tools (deferred)",
      "System tools (deferred)",
      "MCP server instructions",
      "Memory files",
    ]) {
      const shown = categories.get(name);
      if (shown === undefined) expect(rebuilt(name), name).toBe(0);
      else expect(asPrinted(rebuilt(name)), name).toBe(shown);
    }
    expect(rebuilt("Memory files")).toBeGreaterThan(0);
    // System tools and Skills: /context splits count_tokens' answer for the built-in tools by its own Skills
    // estimate; together they are the answer (within the printed figures' rounding).
    const skills = printedTokens(categories.get("Skills") ?? "0");
    const systemTools = printedTokens(categories.get("System tools")!);
    expect(Math.abs(rebuilt("System tools + Skills") - skills - systemTools)).toBeLessThanOrEqual(100);

    // Per server: /context's MCP tools table, tool by tool, adds up to the rebuilt shares.
    const perServer = new Map<string, number>();
    for (const [, server, tokens] of tableUnder(printed, "### MCP Tools"))
      perServer.set(server!, (perServer.get(server!) ?? 0) + Number(tokens));
    expect([...perServer.keys()].sort()).toEqual(["ctx-monitor", "tickets"]);
    for (const [server, tokens] of perServer) {
      const entry = comparison.servers.find((candidate) => candidate.server === server);
      expect(entry, server).toBeDefined();
      expect(Math.abs(entry!.claudeCode + entry!.claudeCodeDeferred - tokens), server).toBeLessThanOrEqual(1);
    }
    // ctx-monitor's side: the foreign server sized from its definitions as the proxy captured them.
    expect(comparison.servers.find((server) => server.server === "tickets")?.ctxMonitor).toBeGreaterThan(0);
    const human = await sandbox.ctxMonitor(["compare", "--transcript", sandbox.transcriptPath(sessionId)]);
    if (process.env.SHOW_COMPARE) console.error(`${printed}\n${human}`);
    expect(human).toContain("/context");
    expect(human).toContain("tickets");
  });
});
