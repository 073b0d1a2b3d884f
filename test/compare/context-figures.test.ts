// /context's figures rebuilt from its count_tokens requests, as the store records them: which request
// measured what (a system-prompt section, a memory file, the servers' instructions, built-in or MCP
// tools, deferred or not), and how /context turns each answer into a figure.
import { describe, expect, it } from "vitest";
import { hashOfText } from "../../src/capture/context-probe.ts";
import { type CapturedRequest, recordOf } from "../../src/capture/record.ts";
import { CONTEXT_TOOLS_PREAMBLE, contextFigures } from "../../src/compare/context-figures.ts";
import { newestContextRun } from "../../src/compare/context-run.ts";

const MEMORY = "# Project\n\nRun the tests before every commit.\n";
const tool = (name: string, description: string) => ({
  name,
  description,
  input_schema: { type: "object", properties: {} },
});

let clock = Date.parse("2026-11-29T10:00:00Z");
function probe(body: object, inputTokens: number): CapturedRequest {
  clock += 100;
  const at = clock;
  return recordOf(JSON.stringify({ model: "claude-sonnet-4-5", ...body }), {
    source: "proxy",
    id: `probe-${at}`,
    time: new Date(at),
    kind: "count_tokens",
    inputTokens,
  })!;
}
const text = (content: string, tokens: number) => probe({ messages: [{ role: "user", content }], tools: [] }, tokens);
const tools = (list: object[], tokens: number) =>
  probe({ messages: [{ role: "user", content: "foo" }], tools: list }, tokens);

describe("/context's figures from its count_tokens requests", () => {
  const usage = tool("mcp__ctx-monitor__get_context_usage", "u".repeat(400));
  const handoff = tool("mcp__ctx-monitor__write_handoff", "h".repeat(1200));
  const lookup = tool("mcp__tickets__lookup", "l".repeat(800));
  const run = [
    text("You are an agent working with the user.", 225),
    text("# System\n - All text you output is shown.", 617),
    text(`\n${MEMORY}  `, 194),
    text("## ctx-monitor\nctx-monitor reports this session's context usage.", 65),
    tools([usage, handoff, lookup], 1400),
    tools([tool("Skill", "runs a skill")], 462),
    tools([tool("Bash", "b".repeat(4000)), tool("Read", "r".repeat(2000)), tool("Skill", "s")], 11725),
    tools([tool("CronCreate", "c".repeat(3000))], 1233),
    tools([tool("CronList", "c")], 80),
  ];
  const session = {
    sentInFull: new Set(["Bash", "Read", "Skill", "mcp__ctx-monitor__get_context_usage", "mcp__tickets__lookup"]),
    memoryHashes: new Set([hashOfText(MEMORY)]),
  };

  it("files each answer under /context's category and applies its arithmetic", () => {
    const figures = contextFigures(run, session);
    expect(figures.systemPrompt).toBe(225 + 617);
    expect(figures.memoryFiles).toBe(194);
    expect(figures.mcpInstructions).toBe(65);
    // The built-in tools sent in full: the raw answer, preamble included.
    expect(figures.systemTools).toBe(11725);
    // Deferred built-in tools: each answer less the fixed 500, never below 0.
    expect(figures.systemToolsDeferred).toBe(1233 - CONTEXT_TOOLS_PREAMBLE);
    // MCP tools: one answer less 500, shared by the definitions' estimated tokens.
    const shared = 1400 - CONTEXT_TOOLS_PREAMBLE;
    expect(figures.mcpTools + figures.mcpToolsDeferred).toBeGreaterThanOrEqual(shared - 1);
    expect(figures.mcpTools + figures.mcpToolsDeferred).toBeLessThanOrEqual(shared + 1);
    const byServer = Object.fromEntries(figures.servers.map((server) => [server.server, server]));
    expect(byServer.tickets).toMatchObject({ deferred: 0 });
    expect(byServer["ctx-monitor"]!.deferred).toBeGreaterThan(byServer["ctx-monitor"]!.loaded);
    expect(byServer["ctx-monitor"]!.loaded).toBeLessThan(byServer.tickets!.loaded);
    // The Skill tool alone is /context's slash-command figure, not a category.
    expect(figures.unclassified).toBe(1);
  });

  it("counts a memory file whose content it cannot match as system prompt", () => {
    const figures = contextFigures(run, { ...session, memoryHashes: new Set() });
    expect(figures.memoryFiles).toBe(0);
    expect(figures.systemPrompt).toBe(225 + 617 + 194);
  });
});

describe("the newest /context run", () => {
  it("is the newest count_tokens requests close together, not an earlier run or a Messages request", () => {
    const at = Date.parse("2026-11-29T12:00:00Z");
    const earlier = [text("old section", 10), text("old memory", 10)].map((record, index) => ({
      ...record,
      time: new Date(at + index * 200).toISOString(),
    }));
    const newer = [text("section", 20), text("memory", 30), text("instructions", 40)].map((record, index) => ({
      ...record,
      time: new Date(at + 60_000 + index * 300).toISOString(),
    }));
    const messages = recordOf(JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] }), {
      source: "proxy",
      id: "m",
      time: new Date(at + 61_000),
      kind: "messages",
    })!;
    const found = newestContextRun([...newer.slice(1), messages, ...earlier, newer[0]!]);
    expect(found?.records.map((record) => record.inputTokens)).toEqual([20, 30, 40]);
    expect(found?.time).toBe(newer[2]!.time);
    expect(newestContextRun([messages])).toBeNull();
  });
});
