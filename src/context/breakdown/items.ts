// What fills the context, item by item: each piece of the conversation the model is sent, with a
// label a person recognises ("Read src/big.ts", "Bash: npm test", "user prompt 3") and its category.
import { relative, isAbsolute } from "node:path";

export type ItemKind =
  | "user-prompt"
  | "assistant-text"
  | "thinking"
  | "tool-call"
  | "tool-result"
  | "attachment"
  | "compaction-summary"
  | "image"
  | "harness";

export interface Item {
  kind: ItemKind;
  label: string;
  /** Tool name for tool calls and results. */
  tool: string | null;
  /** File the item is about (Read, Edit, Write…), relative to the project when inside it. */
  path: string | null;
  /** Size of what the model is sent, in characters: the weight used to split a step. */
  chars: number;
  tokens: number;
  /** The user prompt (1-based) the item belongs to; 0 before the first. */
  turn: number;
  /** True when the item's step held only this item, so its tokens are exactly measured. */
  exact: boolean;
  /** For attachments: Claude Code's attachment type. */
  attachmentType?: string;
}

/** /context's own category names where they apply; Messages split further. */
export const CATEGORY = {
  systemPrompt: "System prompt",
  systemTools: "System tools",
  mcpTools: "MCP tools",
  customAgents: "Custom agents",
  memoryFiles: "Memory files",
  skills: "Skills",
  userPrompts: "Messages: user prompts",
  assistantText: "Messages: assistant text",
  thinking: "Messages: thinking",
  toolCalls: "Messages: tool calls",
  attachments: "Messages: attachments",
  compactionSummary: "Messages: compaction summary",
  images: "Messages: images",
  harness: "Messages: harness additions",
  freeSpace: "Free space",
  autocompactBuffer: "Autocompact buffer",
} as const;

export function toolResultsCategory(tool: string | null): string {
  return `Messages: tool results (${tool ?? "unknown tool"})`;
}

/** Attachments that are listings of what the harness offers count where /context counts them. */
const ATTACHMENT_CATEGORIES: Record<string, string> = {
  skill_listing: CATEGORY.skills,
  agent_listing_delta: CATEGORY.customAgents,
  mcp_instructions_delta: CATEGORY.mcpTools,
  deferred_tools_delta: CATEGORY.systemTools,
  nested_memory: CATEGORY.memoryFiles,
  memory: CATEGORY.memoryFiles,
};

export function categoryOf(item: Item): string {
  switch (item.kind) {
    case "user-prompt":
      return CATEGORY.userPrompts;
    case "assistant-text":
      return CATEGORY.assistantText;
    case "thinking":
      return CATEGORY.thinking;
    case "tool-call":
      return CATEGORY.toolCalls;
    case "tool-result":
      return toolResultsCategory(item.tool);
    case "attachment":
      return ATTACHMENT_CATEGORIES[item.attachmentType ?? ""] ?? CATEGORY.attachments;
    case "compaction-summary":
      return CATEGORY.compactionSummary;
    case "image":
      return CATEGORY.images;
    case "harness":
      return CATEGORY.harness;
  }
}

export interface ToolCallInfo {
  name: string;
  /** "Read src/a.ts", "Bash: npm test", "github: create_issue" */
  label: string;
  path: string | null;
}

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

function shorten(text: string, max = 72): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
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
  if (path) return { name, label: `${name} ${path}`, path };
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name);
  if (mcp) return { name, label: `${mcp[1]}: ${mcp[2]}`, path: null };
  const detail =
    str(fields.command) ?? str(fields.pattern) ?? str(fields.url) ?? str(fields.query) ?? str(fields.description) ?? str(fields.subject) ?? str(fields.prompt);
  return { name, label: detail ? `${name}: ${shorten(detail)}` : name, path: null };
}

/** The MCP server a tool belongs to (`mcp__<server>__<tool>`), or null for built-in tools. */
export function mcpServerOf(tool: string | null): string | null {
  return tool ? (/^mcp__(.+?)__/.exec(tool)?.[1] ?? null) : null;
}

export function promptLabel(turn: number, text: string): string {
  return `user prompt ${turn}: "${shorten(text, 60)}"`;
}
