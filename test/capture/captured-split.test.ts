// A captured request's digest as the breakdown's baseline: every MCP server's definitions as sent,
// measured ones exact, and the parts summing to the measured total.
import { describe, expect, it } from "vitest";
import { recordOf } from "../../src/capture/record.ts";
import { splitBaseline } from "../../src/context/breakdown/baseline.ts";
import { estimateTokens } from "../../src/context/estimate.ts";

const tool = (name: string, description: string) => ({ name, description, input_schema: { type: "object" } });
const body = {
  system: [{ type: "text", text: "s".repeat(3_000) }],
  tools: [
    tool("Agent", "a".repeat(8_000)),
    tool("mcp__github__create_issue", "g".repeat(900)),
    tool("mcp__github__list", "l".repeat(100)),
  ],
  messages: [{ role: "user", content: "hi" }],
};
const shape = recordOf(JSON.stringify(body), { source: "otel", id: "x", time: new Date(0), kind: "messages" })!.request;
const github = body.tools.slice(1).reduce((sum, definition) => sum + JSON.stringify(definition).length, 0);

describe("the baseline split by a captured request", () => {
  it("sizes a foreign server's definitions from their JSON as sent, and the parts sum to the total", () => {
    const parts = splitBaseline(
      10_000,
      [],
      { memoryFiles: [], mcpDefinitions: [], requestShape: shape, systemMessageChars: 0 },
      "claude-sonnet-4-5",
    );
    const definitions = parts.flatMap((part) => part.items).find((item) => item.mcpServer === "github");
    expect(definitions?.tokens).toBe(estimateTokens(github));
    expect(definitions?.exact).toBe(false);
    expect(parts.reduce((sum, part) => sum + part.tokens, 0)).toBe(10_000);
  });

  it("keeps count_tokens' measurements, exact", () => {
    const known = {
      memoryFiles: [],
      mcpDefinitions: [],
      requestShape: shape,
      systemMessageChars: 0,
      measuredTokens: { builtInTools: 2_100, servers: { github: 260 } },
    };
    const parts = splitBaseline(10_000, [], known, "claude-sonnet-4-5");
    const definitions = parts.flatMap((part) => part.items).find((item) => item.mcpServer === "github");
    expect(definitions).toMatchObject({ tokens: 260, exact: true });
    expect(parts.find((part) => part.category === "System tools")?.tokens).toBe(2_100);
    expect(parts.reduce((sum, part) => sum + part.tokens, 0)).toBe(10_000);
  });
});

describe("measured parts shown as measured", () => {
  const measuredKnown = (measuredTokens: NonNullable<Parameters<typeof splitBaseline>[2]["measuredTokens"]>) => ({
    memoryFiles: [],
    mcpDefinitions: [],
    requestShape: shape,
    systemMessageChars: 0,
    measuredTokens,
  });
  const firstMessage = {
    kind: "user-prompt" as const,
    label: "user prompt 1",
    tool: null,
    path: null,
    chars: 400,
    tokens: 0,
    turn: 1,
    exact: false,
  };

  it("the system prompt carries count_tokens' figure, exact, and what nothing explains is a row of its own", () => {
    const parts = splitBaseline(
      10_000,
      [firstMessage],
      measuredKnown({ systemPrompt: 760, builtInTools: 2_100, servers: { github: 260 } }),
      "claude-sonnet-4-5",
    );
    const byName = new Map(parts.map((part) => [part.category, part]));
    expect(byName.get("System prompt")).toMatchObject({ tokens: 760, exact: true });
    expect(byName.get("System tools")).toMatchObject({ tokens: 2_100, exact: true });
    expect(byName.get("MCP tools")).toMatchObject({ tokens: 260, exact: true });
    // The first message keeps its estimate; the rest is neither folded into a measured row nor into it.
    expect(byName.get("Messages: user prompts")).toMatchObject({ tokens: estimateTokens(400), exact: false });
    expect(byName.get("Unexplained (framing, small parts)")).toMatchObject({
      tokens: 10_000 - 760 - 2_100 - 260 - estimateTokens(400),
      exact: false,
    });
    expect(parts.reduce((sum, part) => sum + part.tokens, 0)).toBe(10_000);
  });

  it("estimates larger than the room the measured parts leave are scaled down, the measured ones untouched", () => {
    const parts = splitBaseline(
      3_300,
      [{ ...firstMessage, chars: 8_000 }],
      measuredKnown({ systemPrompt: 760, builtInTools: 2_100, servers: { github: 260 } }),
      "claude-sonnet-4-5",
    );
    const byName = new Map(parts.map((part) => [part.category, part]));
    expect(byName.get("System prompt")?.tokens).toBe(760);
    expect(byName.get("Messages: user prompts")?.tokens).toBe(3_300 - 760 - 2_100 - 260);
    expect(byName.has("Unexplained (framing, small parts)")).toBe(false);
  });

  it("figures that add up to more than the whole are no measurement: everything estimated, still summing to it", () => {
    const parts = splitBaseline(
      2_000,
      [firstMessage],
      measuredKnown({ systemPrompt: 760, builtInTools: 2_100, servers: { github: 260 } }),
      "claude-sonnet-4-5",
    );
    expect(parts.every((part) => !part.exact)).toBe(true);
    expect(parts.reduce((sum, part) => sum + part.tokens, 0)).toBe(2_000);
  });
});

describe("deferred tools", () => {
  it("a tool deferred in the request and named again in the deferred-tools attachment counts once", () => {
    const deferredBody = {
      ...body,
      tools: [
        ...body.tools,
        { ...tool("mcp__ctx-monitor__write_handoff", "w"), defer_loading: true },
        { ...tool("mcp__ctx-monitor__get_context_breakdown", "b"), defer_loading: true },
      ],
    };
    const deferredShape = recordOf(JSON.stringify(deferredBody), {
      source: "otel",
      id: "y",
      time: new Date(0),
      kind: "messages",
    })!.request;
    const parts = splitBaseline(
      10_000,
      [],
      {
        memoryFiles: [],
        mcpDefinitions: [],
        requestShape: deferredShape,
        deferredTools: ["mcp__ctx-monitor__write_handoff", "mcp__ctx-monitor__get_context_breakdown"],
      },
      "claude-sonnet-4-5",
    );
    const definitions = parts.flatMap((part) => part.items).find((item) => item.mcpServer === "ctx-monitor");
    expect(definitions?.deferredTools).toBe(2);
    expect(definitions?.label).toContain("2 more deferred");
  });
});
