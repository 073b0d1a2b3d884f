// MCP tool definitions ride in every request's tools[], so they are part of the baseline, but the
// transcript never shows them. ctx-monitor knows one server's exactly: its own. When the session called
// one of its tools, the server's name in that session is known (`mcp__<name>__<tool>`) and its
// definitions can be sized as Claude Code sends them to the model: {name, description, input_schema}.
// Other servers' definitions stay inside the unexplained rest (System tools) until capture data exists.
import { mcpServerOf } from "../../transcript/tool-calls.ts";

/** A tool as an MCP server lists it (tools/list). */
export interface ListedTool {
  name: string;
  description?: string | undefined;
  inputSchema: unknown;
}

export interface McpServerDefinitions {
  server: string;
  tools: number;
  /** Characters of the definitions as Claude Code sends them to the model. */
  chars: number;
  /** Their tokens as count_tokens measured them (capture), when known. */
  tokens?: number;
}

/** Names of ctx-monitor's own server in this session, from the calls of its tools. */
export function ownServerNames(ownTools: readonly ListedTool[], calledTools: readonly string[]): string[] {
  const names = new Set<string>();
  for (const called of calledTools) {
    const server = mcpServerOf(called);
    if (server && ownTools.some((tool) => called === `mcp__${server}__${tool.name}`)) names.add(server);
  }
  return [...names];
}

export function definitionsAsSent(server: string, tools: readonly ListedTool[]): McpServerDefinitions {
  const chars = tools.reduce(
    (sum, tool) =>
      sum +
      JSON.stringify({
        name: `mcp__${server}__${tool.name}`,
        description: tool.description ?? "",
        input_schema: tool.inputSchema,
      }).length,
    0,
  );
  return { server, tools: tools.length, chars };
}
