// Reads what Claude Code sent back to the model for a tool call, from the stand-in's records.
import type { RecordedRequest } from "./fake-api/server.ts";

export interface ToolExchange {
  /** The request whose response made the call: the context the answer should describe. */
  callingRequest: RecordedRequest;
  /** The request that carried the tool_result back. */
  resultRequest: RecordedRequest;
  /**
   * The tool_result's first text: for a tool with structuredContent, JSON.stringify(structuredContent).
   * Claude Code may add to it (in a subagent, a system reminder with the MCP servers' instructions),
   * which is taken off here.
   */
  text: string;
}

const TRAILING_REMINDER = /\s*<system-reminder>[\s\S]*<\/system-reminder>\s*$/;

function resultText(content: unknown): string {
  const first = typeof content === "string" ? content : Array.isArray(content) ? content.find((part) => typeof part?.text === "string")?.text : "";
  return (first ?? "").replace(TRAILING_REMINDER, "");
}

export function findToolExchange(requests: readonly RecordedRequest[], toolUseId: string): ToolExchange {
  const callingRequest = requests.find((request) => request.blocks.some((block) => block.type === "tool_use" && block.id === toolUseId));
  if (!callingRequest) throw new Error(`no scripted response made tool call ${toolUseId}`);
  for (const request of requests) {
    for (const message of request.body.messages ?? []) {
      if (message.role !== "user" || !Array.isArray(message.content)) continue;
      for (const block of message.content as Array<{ type?: string; tool_use_id?: string; content?: unknown }>) {
        if (block.type === "tool_result" && block.tool_use_id === toolUseId) {
          return { callingRequest, resultRequest: request, text: resultText(block.content) };
        }
      }
    }
  }
  throw new Error(`Claude Code never sent the result of ${toolUseId} back to the model`);
}

export function toolJson<T = Record<string, unknown>>(exchange: ToolExchange): T {
  try {
    return JSON.parse(exchange.text) as T;
  } catch {
    throw new Error(`the tool result is not JSON: ${exchange.text.slice(0, 300)} … ${exchange.text.slice(-300)}`);
  }
}
