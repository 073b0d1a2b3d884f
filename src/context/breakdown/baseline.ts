// The first response's total holds what the transcript does not show: the system prompt, the tool
// definitions and the memory files, besides the first message. It is exact as a whole; its parts are
// estimated from sizes (memory files read from disk, ctx-monitor's own tool definitions, the first
// message and attachments from the transcript), and the rest is shared between system prompt and
// tools by what Claude Code sends.
import { estimateTokens } from "../estimate.ts";
import { CATEGORY, categoryOf, type Item } from "./items.ts";
import type { McpServerDefinitions } from "./mcp-definitions.ts";
import { splitByWeight } from "./split.ts";

export interface MemoryFile {
  path: string;
  chars: number;
}

/** What is known to be in the baseline besides the transcript's own content. */
export interface BaselineKnown {
  memoryFiles: readonly MemoryFile[];
  mcpDefinitions: readonly McpServerDefinitions[];
  /** Measured on a captured request's texts; replaces the per-model share below when present. */
  systemPromptShare?: number | null;
}

/**
 * Share of the unexplained baseline that is the system prompt rather than tool definitions, measured
 * on Claude Code 2.1.197 (request bodies seen by the end-to-end stand-in): claude-sonnet-4-5 sends a
 * 27,028-character system prompt and 80,765 characters of built-in tool definitions (25%); its
 * default model 6,089 and 62,871 (9%).
 */
export function systemPromptShare(model: string | null): number {
  return model && /sonnet|haiku/.test(model) ? 0.25 : 0.09;
}

export interface BaselinePart {
  category: string;
  tokens: number;
  /** Items of the baseline (first message, attachments, memory files) with their estimated tokens. */
  items: Item[];
}

/**
 * Claude Code puts each memory file in the context under a line naming it, e.g. "Contents of
 * /p/CLAUDE.md (project instructions, checked into the codebase):" (seen with 2.1.197).
 */
function memoryFileChars(file: MemoryFile): number {
  return file.chars + file.path.length + 70;
}

export function splitBaseline(
  tokens: number,
  contentItems: readonly Item[],
  known: BaselineKnown,
  model: string | null,
): BaselinePart[] {
  const memoryItems: Item[] = known.memoryFiles.map((file) => ({
    kind: "attachment",
    label: `memory file ${file.path}`,
    tool: null,
    path: file.path,
    chars: memoryFileChars(file),
    tokens: 0,
    turn: 0,
    exact: false,
    attachmentType: "memory",
  }));
  const definitionItems: Item[] = known.mcpDefinitions.map((definitions) => ({
    kind: "tool-definitions",
    label: `tool definitions of MCP server ${definitions.server} (${definitions.tools} tools)`,
    tool: null,
    path: null,
    chars: definitions.chars,
    tokens: definitions.tokens ?? 0,
    turn: 0,
    exact: definitions.tokens !== undefined,
    mcpServer: definitions.server,
  }));
  const items = [...contentItems.map((item) => ({ ...item })), ...memoryItems, ...definitionItems];
  // Measured definitions (count_tokens) keep their figure; the rest is estimated from characters.
  const estimates = items.map((item) => (item.kind === "tool-definitions" && item.exact ? item.tokens : estimateTokens(item.chars)));
  const estimated = estimates.reduce((sum, value) => sum + value, 0);
  // Never more than the measured whole: scale the estimates down if they would exceed it.
  const fitted = estimated > tokens ? splitByWeight(tokens, estimates) : estimates;
  items.forEach((item, index) => (item.tokens = fitted[index]!));
  const rest = tokens - fitted.reduce((sum, value) => sum + value, 0);
  const share = known.systemPromptShare ?? systemPromptShare(model);
  const [systemPrompt, systemTools] = splitByWeight(rest, [share, 1 - share]);

  const parts = new Map<string, BaselinePart>();
  const part = (category: string) => {
    let found = parts.get(category);
    if (!found) parts.set(category, (found = { category, tokens: 0, items: [] }));
    return found;
  };
  part(CATEGORY.systemPrompt).tokens += systemPrompt ?? 0;
  part(CATEGORY.systemTools).tokens += systemTools ?? 0;
  for (const item of items) {
    const target = part(item.attachmentType === "memory" ? CATEGORY.memoryFiles : categoryOf(item));
    target.tokens += item.tokens;
    target.items.push(item);
  }
  return [...parts.values()];
}
