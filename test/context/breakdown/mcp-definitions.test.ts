import { describe, expect, it } from "vitest";
import { definitionsAsSent, ownServerNames } from "../../../src/context/breakdown/mcp-definitions.ts";

const own = [
  { name: "get_context_usage", description: "How full.", inputSchema: { type: "object", properties: {} } },
  {
    name: "write_handoff",
    description: "Write it.",
    inputSchema: { type: "object", properties: { goal: { type: "string" } } },
  },
];

describe("ownServerNames", () => {
  it("finds the names this server was called by, and only those whose tool is ours", () => {
    expect(
      ownServerNames(own, [
        "Bash",
        "mcp__ctx-monitor__get_context_usage",
        "mcp__ctx__write_handoff",
        "mcp__github__get_context_usage_x",
        "mcp__other__search",
      ]),
    ).toEqual(["ctx-monitor", "ctx"]);
    expect(ownServerNames(own, ["mcp__github__create_issue"])).toEqual([]);
  });
});

describe("definitionsAsSent", () => {
  it("sizes each tool as Claude Code sends it: prefixed name, description, input_schema", () => {
    const sent = own.map((tool) => ({
      name: `mcp__ctx-monitor__${tool.name}`,
      description: tool.description,
      input_schema: tool.inputSchema,
    }));
    expect(definitionsAsSent("ctx-monitor", own)).toEqual({
      server: "ctx-monitor",
      tools: 2,
      chars: sent.reduce((sum, tool) => sum + JSON.stringify(tool).length, 0),
    });
  });
});
