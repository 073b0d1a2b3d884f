// What one of /context's count_tokens requests measured, for `ctx-monitor compare`. /context asks
// count_tokens for each part of the context on its own: a text (a system-prompt section, a memory file,
// the MCP servers' instructions) as the only user message with no tools, or tool definitions with the
// one-word message "foo". The record keeps a text's hash and size, never the text.
import { createHash } from "../base/lazy-crypto.ts";

export interface TextProbe {
  /** sha256 (hex) of the text without surrounding white space: a memory file's content hashes alike. */
  hash: string;
  chars: number;
  /** The text opens with a `## <name>` heading, as Claude Code writes the MCP servers' instructions. */
  serverHeading: boolean;
}

interface ProbeBody {
  tools?: unknown;
  messages?: unknown;
}

/** The text a count_tokens body measures, when it measures a text (no tools, one user message). */
export function textProbeOf(body: ProbeBody): TextProbe | null {
  if (Array.isArray(body.tools) && body.tools.length > 0) return null;
  if (!Array.isArray(body.messages) || body.messages.length !== 1) return null;
  const message = body.messages[0] as { role?: unknown; content?: unknown } | null;
  if (message?.role !== "user" || typeof message.content !== "string") return null;
  const text = message.content.trim();
  return {
    hash: hashOfText(text),
    chars: text.length,
    serverHeading: /^## \S/.test(text),
  };
}

/** The hash a text probe would carry for this text (a memory file read from disk, say). */
export function hashOfText(text: string): string {
  return createHash("sha256").update(text.trim()).digest("hex");
}
