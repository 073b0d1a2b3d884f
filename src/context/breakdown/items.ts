// What fills the context, item by item: each piece of the conversation the model is sent, with a
// label a person recognises ("Read src/big.ts", "Bash: npm test", "user prompt 3") and its category.
import { redactedLabel, toolDisplayName } from "../../transcript/tool-calls.ts";

export type ItemKind =
  | "user-prompt"
  | "assistant-text"
  | "thinking"
  | "tool-call"
  | "tool-result"
  | "attachment"
  | "compaction-summary"
  | "image"
  | "harness"
  | "tool-definitions";

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
  /** For tool definitions: the MCP server they belong to. */
  mcpServer?: string;
  /** For tool definitions: the server's tools sent deferred (a name at most, no definition in the context). */
  deferredTools?: number;
  /** For baseline parts that are a whole category (system prompt, built-in tools): that category. */
  baselineCategory?: string;
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

function toolResultsCategory(tool: string | null): string {
  return `Messages: tool results (${tool ? toolDisplayName(tool) : "unknown tool"})`;
}

/** Attachments that are listings of what the harness offers count where /context counts them. */
const ATTACHMENT_CATEGORIES: Record<string, string> = {
  skill_listing: CATEGORY.skills,
  agent_listing_delta: CATEGORY.customAgents,
  mcp_instructions_delta: CATEGORY.mcpTools,
  deferred_tools_delta: CATEGORY.systemTools,
  nested_memory: CATEGORY.memoryFiles,
  // 2.1.332 sends its environment block as a message with role "system", counted as /context does.
  environment: CATEGORY.systemPrompt,
  memory: CATEGORY.memoryFiles,
};

const KIND_CATEGORIES: Record<Exclude<ItemKind, "tool-result" | "attachment">, string> = {
  "user-prompt": CATEGORY.userPrompts,
  "assistant-text": CATEGORY.assistantText,
  thinking: CATEGORY.thinking,
  "tool-call": CATEGORY.toolCalls,
  "compaction-summary": CATEGORY.compactionSummary,
  image: CATEGORY.images,
  harness: CATEGORY.harness,
  "tool-definitions": CATEGORY.mcpTools,
};

export function categoryOf(item: Item): string {
  if (item.kind === "tool-result") return toolResultsCategory(item.tool);
  if (item.kind === "attachment") return ATTACHMENT_CATEGORIES[item.attachmentType ?? ""] ?? CATEGORY.attachments;
  return KIND_CATEGORIES[item.kind];
}

export function promptLabel(turn: number, text: string): string {
  return `user prompt ${turn}: "${redactedLabel(text, 60)}"`;
}
