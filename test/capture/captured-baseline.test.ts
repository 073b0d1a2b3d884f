// A captured request's digest as the breakdown's baseline reads it.
import { describe, expect, it } from "vitest";
import { capturedBaseline } from "../../src/capture/captured-baseline.ts";
import { recordOf } from "../../src/capture/record.ts";

const unmeasured = { systemPrompt: null, builtInTools: null, servers: {} };
const tool = (name: string, description: string, extra: Record<string, unknown> = {}) => ({ name, description, input_schema: { type: "object" }, ...extra });

describe("capturedBaseline", () => {
  it("every MCP server's definitions as sent, deferred ones left out; the system prompt's share from the real texts", () => {
    const body = {
      system: [{ type: "text", text: "s".repeat(3_000) }],
      tools: [tool("Agent", "a".repeat(8_000)), tool("mcp__github__create_issue", "g".repeat(900)), tool("mcp__github__list", "l".repeat(100)), tool("mcp__slack__post", "p", { defer_loading: true })],
      messages: [{ role: "user", content: "hi" }],
    };
    const record = recordOf(JSON.stringify(body), { source: "proxy", id: "x", time: new Date(0), kind: "messages" })!;
    const baseline = capturedBaseline({ record, tokens: unmeasured });
    const github = body.tools.slice(1, 3).reduce((sum, definition) => sum + JSON.stringify(definition).length, 0);
    expect(baseline.mcpDefinitions).toEqual([{ server: "github", tools: 2, chars: github }]);
    const builtIn = JSON.stringify(body.tools[0]).length;
    expect(baseline.systemPromptShare).toBeCloseTo(3_000 / (3_000 + builtIn), 6);
  });

  it("no share when neither system prompt nor built-in tools were sent", () => {
    const record = recordOf(JSON.stringify({ messages: [] }), { source: "otel", id: "y", time: new Date(0), kind: "messages" })!;
    expect(capturedBaseline({ record, tokens: unmeasured })).toEqual({ mcpDefinitions: [], systemPromptShare: null });
  });

  it("measured tokens, where count_tokens gave them, ride with the definitions and set the share", () => {
    const body = { system: [{ type: "text", text: "s" }], tools: [tool("Agent", "a"), tool("mcp__github__list", "l")], messages: [] };
    const record = recordOf(JSON.stringify(body), { source: "otel", id: "z", time: new Date(0), kind: "messages" })!;
    const baseline = capturedBaseline({ record, tokens: { systemPrompt: 300, builtInTools: 900, servers: { github: 77 } } });
    expect(baseline.mcpDefinitions).toEqual([{ server: "github", tools: 1, chars: JSON.stringify(body.tools[1]).length, tokens: 77 }]);
    expect(baseline.systemPromptShare).toBe(0.25);
  });
});
