// The first response's total holds the system prompt, the tool definitions and the memory files,
// besides the first message. It is exact as a whole; its parts are estimated from sizes. Where the
// transcript holds the request's shape (Claude Code 2.1.332 and later), the system prompt and every
// tool definition sent are sized from their exact texts, and deferred tools count nothing. Without
// it (2.1.197), memory files are read from disk, ctx-monitor's own definitions from its listing, and
// the rest is shared between system prompt and tools by what Claude Code is known to send.
import { mcpServerOfTool, type RequestDigest } from "../../capture/request-digest.ts";
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
  /** The system prompt and tools as sent (a request digest), when known: it replaces the guesses above. */
  requestShape?: RequestDigest | null;
  /** Characters of the request's `role: "system"` messages when the digest could not see them (a transcript's shape). */
  systemMessageChars?: number;
  /** Tools announced as deferred (names only), e.g. `mcp__<server>__<tool>`. */
  deferredTools?: readonly string[];
  /** Tokens of the shape's parts measured with count_tokens (capture), exact where present. */
  measuredTokens?: { builtInTools: number | null; servers: Readonly<Record<string, number>> } | null;
}

/**
 * Share of the unexplained baseline that is the system prompt rather than tool definitions, measured
 * on Claude Code 2.1.197 (request bodies seen by the end-to-end stand-in): claude-sonnet-4-5 sends a
 * 27,028-character system prompt and 80,765 characters of built-in tool definitions (25%); its
 * default model 6,089 and 62,871 (9%).
 */
function systemPromptShare(model: string | null): number {
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

function memoryItem(file: MemoryFile): Item {
  return {
    kind: "attachment",
    label: `memory file ${file.path}`,
    tool: null,
    path: file.path,
    chars: memoryFileChars(file),
    tokens: 0,
    turn: 0,
    exact: false,
    attachmentType: "memory",
  };
}

function definitionItem(server: string, tools: number, chars: number, deferred = 0): Item {
  const deferredNote = deferred > 0 ? `; ${deferred} more deferred behind ToolSearch` : "";
  return {
    kind: "tool-definitions",
    label: `tool definitions of MCP server ${server} (${tools} tools${deferredNote})`,
    tool: null,
    path: null,
    chars,
    tokens: 0,
    turn: 0,
    exact: false,
    mcpServer: server,
    deferredTools: deferred,
  };
}

function sizedPart(category: string, label: string, chars: number): Item {
  return {
    kind: "harness",
    label,
    tool: null,
    path: null,
    chars,
    tokens: 0,
    turn: 0,
    exact: false,
    baselineCategory: category,
  };
}

/** Items of the request's shape: the system prompt and the tool definitions as sent, deferred ones at 0. */
function shapeItems(shape: RequestDigest, known: BaselineKnown): { fixed: Item[]; flexible: Item[] } {
  const servers = new Map(shape.mcpServers.map((server) => [server.server, { ...server }]));
  const sent = new Set(shape.parts.filter((part) => part.kind === "tool" && !part.deferred).map((part) => part.name));
  for (const name of known.deferredTools ?? []) {
    const server = mcpServerOfTool(name);
    if (!server || sent.has(name)) continue;
    const entry = servers.get(server) ?? { server, tools: 0, chars: 0, deferredTools: 0 };
    entry.deferredTools++;
    servers.set(server, entry);
  }
  const definitions = [...servers.values()].map((server) =>
    measured(
      definitionItem(server.server, server.tools, server.chars, server.deferredTools),
      known.measuredTokens?.servers[server.server],
    ),
  );
  const builtIn = measured(
    sizedPart(CATEGORY.systemTools, "built-in tool definitions", shape.builtInToolChars),
    known.measuredTokens?.builtInTools,
  );
  const system = sizedPart(
    CATEGORY.systemPrompt,
    "system prompt",
    shape.systemPromptChars + (known.systemMessageChars ?? 0),
  );
  return { fixed: [builtIn, ...definitions], flexible: [system] };
}

/** An item count_tokens measured keeps its figure, marked exact. */
function measured(item: Item, tokens: number | null | undefined): Item {
  return typeof tokens === "number" ? { ...item, tokens, exact: true } : item;
}

export function splitBaseline(
  tokens: number,
  contentItems: readonly Item[],
  known: BaselineKnown,
  model: string | null,
): BaselinePart[] {
  const content = [...contentItems.map((item) => ({ ...item })), ...known.memoryFiles.map(memoryItem)];
  if (known.requestShape) {
    // The environment message's exact text replaces the attachment it was made from.
    const exactEnvironment = (known.systemMessageChars ?? 0) > 0;
    const sent = exactEnvironment ? content.filter((item) => item.attachmentType !== "environment") : content;
    return fitShape(tokens, sent, shapeItems(known.requestShape, known));
  }
  const items = [
    ...content,
    ...known.mcpDefinitions.map((definitions) =>
      definitionItem(definitions.server, definitions.tools, definitions.chars),
    ),
  ];
  const estimates = items.map((item) => estimateTokens(item.chars));
  const estimated = estimates.reduce((sum, value) => sum + value, 0);
  // Never more than the measured whole: scale the estimates down if they would exceed it.
  const fitted = estimated > tokens ? splitByWeight(tokens, estimates) : estimates;
  items.forEach((item, index) => {
    item.tokens = fitted[index]!;
  });
  const rest = tokens - fitted.reduce((sum, value) => sum + value, 0);
  const [systemPrompt, systemTools] = splitByWeight(rest, [systemPromptShare(model), 1 - systemPromptShare(model)]);
  return group(items, [
    [CATEGORY.systemPrompt, systemPrompt ?? 0],
    [CATEGORY.systemTools, systemTools ?? 0],
  ]);
}

/**
 * With the shape known nothing is left unexplained: tool definitions (JSON as sent) keep their
 * estimates, and the system prompt, first message and memory files share the rest of the measured
 * total by size, so the parts sum to it exactly.
 */
function fitShape(
  tokens: number,
  content: Item[],
  { fixed, flexible }: { fixed: Item[]; flexible: Item[] },
): BaselinePart[] {
  const shared = [...flexible, ...content];
  const fixedEstimates = fixed.map((item) => (item.exact ? item.tokens : estimateTokens(item.chars)));
  const fixedTotal = fixedEstimates.reduce((sum, value) => sum + value, 0);
  if (fixedTotal <= tokens) {
    fixed.forEach((item, index) => {
      item.tokens = fixedEstimates[index]!;
    });
    const parts = splitByWeight(
      tokens - fixedTotal,
      shared.map((item) => item.chars),
    );
    shared.forEach((item, index) => {
      item.tokens = parts[index]!;
    });
  } else {
    const all = [...fixed, ...shared];
    const parts = splitByWeight(
      tokens,
      all.map((item) => item.chars),
    );
    all.forEach((item, index) => {
      item.tokens = parts[index]!;
    });
  }
  const sized = [...fixed, ...shared];
  // The system prompt and built-in tools are categories, not items a person would act on.
  return group(
    sized.filter((item) => !item.baselineCategory),
    sized.filter((item) => item.baselineCategory).map((item) => [item.baselineCategory!, item.tokens]),
  );
}

function group(items: readonly Item[], totals: ReadonlyArray<readonly [string, number]>): BaselinePart[] {
  const parts = new Map<string, BaselinePart>();
  const part = (category: string) => {
    let found = parts.get(category);
    if (!found) {
      found = { category, tokens: 0, items: [] };
      parts.set(category, found);
    }
    return found;
  };
  for (const [category, tokens] of totals) part(category).tokens += tokens;
  for (const item of items) {
    const target = part(item.attachmentType === "memory" ? CATEGORY.memoryFiles : categoryOf(item));
    target.tokens += item.tokens;
    target.items.push(item);
  }
  return [...parts.values()];
}
