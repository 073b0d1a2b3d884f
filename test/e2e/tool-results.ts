// Reads what Claude Code sent back to the model for a tool call, from the stand-in's records.
import type { RecordedRequest } from "./fake-api/server.ts";

interface ToolExchange {
  /** The request whose response made the call: the context the answer should describe. */
  callingRequest: RecordedRequest;
  /** The request that carried the tool_result back. */
  resultRequest: RecordedRequest;
  /**
   * The tool_result's first text: for a tool with structuredContent, JSON.stringify(structuredContent).
   * Claude Code may add reminders to its end (in a subagent, the MCP servers' instructions; in 2.1.332,
   * `<total_tokens>N tokens left</total_tokens>`), which are taken off here.
   */
  text: string;
}

/** The last `<system-reminder>…</system-reminder>` at the end of a text (2.1.332 adds a token budget there). */
const LAST_TRAILING_REMINDER = /\s*<system-reminder>(?:(?!<system-reminder>)[\s\S])*<\/system-reminder>\s*$/;

/** The tool's own text: reminders Claude Code appended are taken off the end, one at a time. */
function withoutTrailingReminders(text: string): string {
  let rest = text;
  while (LAST_TRAILING_REMINDER.test(rest)) rest = rest.replace(LAST_TRAILING_REMINDER, "");
  return rest;
}

function resultText(content: unknown): string {
  const first =
    typeof content === "string"
      ? content
      : Array.isArray(content)
        ? content.find((part) => typeof part?.text === "string")?.text
        : "";
  return withoutTrailingReminders(first ?? "");
}

export function findToolExchange(requests: readonly RecordedRequest[], toolUseId: string): ToolExchange {
  const callingRequest = requests.find((request) =>
    request.blocks.some((block) => block.type === "tool_use" && block.id === toolUseId),
  );
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
