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
