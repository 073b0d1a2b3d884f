// Streams a scripted response the way the Messages API does (server-sent events).
import type { ServerResponse } from "node:http";
import type { ScriptBlock } from "./script.ts";
import type { ApiUsage } from "./usage.ts";

export function streamMessage(
  res: ServerResponse,
  message: { id: string; model: string; blocks: ScriptBlock[]; usage: ApiUsage },
): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const send = (event: string, data: Record<string, unknown>) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  send("message_start", {
    message: {
      id: message.id,
      type: "message",
      role: "assistant",
      model: message.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...message.usage, output_tokens: 1 },
    },
  });
  message.blocks.forEach((block, index) => {
    if (block.type === "text") {
      send("content_block_start", { index, content_block: { type: "text", text: "" } });
      send("content_block_delta", { index, delta: { type: "text_delta", text: block.text } });
    } else if (block.type === "thinking") {
      send("content_block_start", { index, content_block: { type: "thinking", thinking: "", signature: "" } });
      send("content_block_delta", { index, delta: { type: "thinking_delta", thinking: block.thinking } });
      send("content_block_delta", { index, delta: { type: "signature_delta", signature: "e2e-signature" } });
    } else {
      send("content_block_start", {
        index,
        content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
      });
      send("content_block_delta", {
        index,
        delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) },
      });
    }
    send("content_block_stop", { index });
  });
  const stopReason = message.blocks.some((block) => block.type === "tool_use") ? "tool_use" : "end_turn";
  send("message_delta", {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens },
  });
  send("message_stop", {});
  res.end();
}

export function jsonMessage(
  res: ServerResponse,
  message: { id: string; model: string; blocks: ScriptBlock[]; usage: ApiUsage },
): void {
  const stopReason = message.blocks.some((block) => block.type === "tool_use") ? "tool_use" : "end_turn";
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: message.id,
      type: "message",
      role: "assistant",
      model: message.model,
      content: message.blocks.map((block) =>
        block.type === "thinking" ? { ...block, signature: "e2e-signature" } : block,
      ),
      stop_reason: stopReason,
      stop_sequence: null,
      usage: message.usage,
    }),
  );
}
