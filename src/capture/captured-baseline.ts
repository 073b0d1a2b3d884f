// What a captured request tells the breakdown's baseline: every MCP server's tool definitions as they
// were sent (not only ctx-monitor's own), and how the rest divides between the system prompt and the
// built-in tools, measured on the real texts instead of a per-model guess.
import type { McpServerDefinitions } from "../context/breakdown/mcp-definitions.ts";
import type { CapturedRequest } from "./record.ts";

export interface CapturedBaseline {
  mcpDefinitions: McpServerDefinitions[];
  /** Share of system prompt in system prompt + built-in tools, from their characters; null if neither was sent. */
  systemPromptShare: number | null;
}

export function capturedBaseline(record: CapturedRequest): CapturedBaseline {
  const { request } = record;
  const mcpDefinitions = request.mcpServers
    .filter((server) => server.tools > 0)
    .map((server) => ({ server: server.server, tools: server.tools, chars: server.chars }));
  const rest = request.systemPromptChars + request.builtInToolChars;
  return { mcpDefinitions, systemPromptShare: rest > 0 ? request.systemPromptChars / rest : null };
}

/** Where the breakdown's split came from, for the answer. */
export interface CaptureUsed {
  source: CapturedRequest["source"];
  time: string;
  model: string | null;
}

export function captureUsed(record: CapturedRequest): CaptureUsed {
  return { source: record.source, time: record.time, model: record.model };
}
