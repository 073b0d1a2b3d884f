// How much text a record puts in front of the model, in characters. Used where the transcript has
// no exact token figure (what was added after the newest response, the first message).
import type { ContentBlock, TranscriptRecord } from "./records.ts";

export function blockChars(block: ContentBlock): number {
  switch (block.type) {
    case "text":
      return block.text.length;
    case "thinking":
      return block.thinking.length;
    case "tool_use":
      return block.name.length + jsonChars(block.input);
    case "tool_result":
      return toolResultChars(block.content);
    case "image":
      return block.bytes;
    case "other":
      return jsonChars(block.raw);
  }
}

function toolResultChars(content: unknown): number {
  if (typeof content === "string") return content.length;
  if (!Array.isArray(content)) return jsonChars(content);
  let chars = 0;
  for (const part of content) {
    if (typeof part === "object" && part !== null && "text" in part && typeof part.text === "string") {
      chars += part.text.length;
    } else {
      chars += jsonChars(part);
    }
  }
  return chars;
}

function jsonChars(value: unknown): number {
  if (value === undefined) return 0;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

function contentChars(content: string | readonly ContentBlock[]): number {
  if (typeof content === "string") return content.length;
  let chars = 0;
  for (const block of content) chars += blockChars(block);
  return chars;
}

/** Characters a record adds to the conversation the model sees (0 for bookkeeping records). */
export function recordChars(record: TranscriptRecord): number {
  switch (record.kind) {
    case "assistant":
    case "user":
      return contentChars(record.content);
    case "attachment":
      return isBookkeeping(record.attachment) ? 0 : jsonChars(record.attachment);
    default:
      return 0;
  }
}

/**
 * Attachments Claude Code keeps for itself, not sent to the model: 2.1.332's `prompt_snapshot` is a
 * copy of the system prompt (sent once, as the system prompt, and counted there).
 */
function isBookkeeping(attachment: unknown): boolean {
  return (
    typeof attachment === "object" &&
    attachment !== null &&
    (attachment as { type?: unknown }).type === "prompt_snapshot"
  );
}
