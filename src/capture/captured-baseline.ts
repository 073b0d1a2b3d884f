// What a captured request tells the breakdown's baseline: every MCP server's tool definitions as they
// were sent (not only ctx-monitor's own), measured with count_tokens where it was asked, and how the
// rest divides between the system prompt and the built-in tools, from measured tokens or the real
// texts' characters instead of a per-model guess.
import type { McpServerDefinitions } from "../context/breakdown/mcp-definitions.ts";
import type { CapturedRequest } from "./record.ts";
import type { SessionCapture } from "./session-capture.ts";

export interface CapturedBaseline {
  mcpDefinitions: McpServerDefinitions[];
  /** Share of system prompt in system prompt + built-in tools; null if neither was sent. */
  systemPromptShare: number | null;
}

export function capturedBaseline({ record, tokens }: SessionCapture): CapturedBaseline {
  const { request } = record;
  const mcpDefinitions = request.mcpServers
    .filter((server) => server.tools > 0)
    .map((server) => {
      const measured = tokens.servers[server.server];
      return { server: server.server, tools: server.tools, chars: server.chars, ...(measured === undefined ? {} : { tokens: measured }) };
    });
  if (tokens.systemPrompt !== null && tokens.builtInTools !== null && tokens.systemPrompt + tokens.builtInTools > 0) {
    return { mcpDefinitions, systemPromptShare: tokens.systemPrompt / (tokens.systemPrompt + tokens.builtInTools) };
  }
  const rest = request.systemPromptChars + request.builtInToolChars;
  return { mcpDefinitions, systemPromptShare: rest > 0 ? request.systemPromptChars / rest : null };
}

/** Where the breakdown's split came from, for the answer. */
export interface CaptureUsed {
  source: CapturedRequest["source"];
  time: string;
  model: string | null;
  /** True when count_tokens measured the parts (exact), false when sized from characters. */
  measured: boolean;
}

export function captureUsed({ record, tokens }: SessionCapture): CaptureUsed {
  return { source: record.source, time: record.time, model: record.model, measured: Object.keys(tokens.servers).length > 0 || tokens.systemPrompt !== null };
}
