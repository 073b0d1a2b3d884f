// How a tool call reads to a person, from its name and input: "Read src/a.ts", "Bash: npm test",
// "github/create_issue". One place, used by the breakdown's labels and the handoff's timeline.
import { isAbsolute, relative } from "node:path";
import { redactSecrets } from "../redact/redact.ts";

export interface ToolCallInfo {
  name: string;
  /** "Read src/a.ts", "Bash: npm test", "github/create_issue" */
  label: string;
  path: string | null;
}

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

function shorten(text: string, max = 72): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Security: a label shows the start of a command or prompt to people and to the model (the breakdown's
 * items), so it is redacted before it is cut: a secret cut short would no longer look like one. Only the
 * start is redacted (a label never shows more), so a huge prompt costs no more than a short one.
 */
export function redactedLabel(text: string, max = 72): string {
  return shorten(redactSecrets(text.slice(0, 4_096)).text, max);
}

export function displayPath(path: string, projectDir: string | null): string {
  if (projectDir && isAbsolute(path)) {
    const inside = relative(projectDir, path);
    if (inside && !inside.startsWith("..") && !isAbsolute(inside)) return inside;
  }
  return path;
}

/** Recognisable label for a tool call from its name and input. */
export function describeToolCall(name: string, input: unknown, projectDir: string | null): ToolCallInfo {
  const fields = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const file = str(fields.file_path) ?? str(fields.notebook_path);
  const path = file ? displayPath(file, projectDir) : null;
  if (path) return { name, label: `${name} ${redactSecrets(path).text}`, path };
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name);
  if (mcp) return { name, label: toolDisplayName(name), path: null };
  const detail =
    str(fields.command) ??
    str(fields.subject) ??
    str(fields.description) ??
    str(fields.pattern) ??
    str(fields.url) ??
    str(fields.query) ??
    str(fields.prompt);
  return { name, label: detail ? `${name}: ${redactedLabel(detail)}` : name, path: null };
}

/** The MCP server a tool belongs to (`mcp__<server>__<tool>`), or null for built-in tools. */
export function mcpServerOf(tool: string | null): string | null {
  return tool ? (/^mcp__(.+?)__/.exec(tool)?.[1] ?? null) : null;
}

/** Built-in tools by name; MCP tools (`mcp__<server>__<tool>`) as `<server>/<tool>`. */
export function toolDisplayName(tool: string): string {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  return mcp ? `${mcp[1]}/${mcp[2]}` : tool;
}
