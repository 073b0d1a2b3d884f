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
  measuredTokens?: MeasuredTokens | null;
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

/** count_tokens' figures for the parts of a request shape. */
export interface MeasuredTokens {
  systemPrompt?: number | null;
  builtInTools: number | null;
  servers: Readonly<Record<string, number>>;
}

export interface BaselinePart {
  category: string;
  tokens: number;
  /** True when its figure is count_tokens' own: every part of it measured. */
  exact: boolean;
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
  // A tool the request names, in full or deferred, is counted from the request: the attachment's list of
  // deferred names repeats the request's deferred tools, and must not count them a second time.
  const inRequest = new Set(shape.parts.filter((part) => part.kind === "tool").map((part) => part.name));
  for (const name of new Set(known.deferredTools ?? [])) {
    const server = mcpServerOfTool(name);
    if (!server || inRequest.has(name)) continue;
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
  const system = measured(
    sizedPart(CATEGORY.systemPrompt, "system prompt", shape.systemPromptChars + (known.systemMessageChars ?? 0)),
    known.measuredTokens?.systemPrompt,
  );
  return system.exact
    ? { fixed: [system, builtIn, ...definitions], flexible: [] }
    : { fixed: [builtIn, ...definitions], flexible: [system] };
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
    // The environment message's exact text (in the transcript's records, or in the captured request's
    // system messages) replaces the attachment it was made from.
    const exactEnvironment =
      (known.systemMessageChars ?? 0) > 0 || known.requestShape.parts.some((part) => part.kind === "system-message");
    const sent = exactEnvironment ? content.filter((item) => item.attachmentType !== "environment") : content;
    return fitShape(tokens, sent, shapeItems(known.requestShape, known));
  }
  const items = [
    ...content,
    ...known.mcpDefinitions.map((definitions) =>
      definitionItem(definitions.server, definitions.tools, definitions.chars),
    ),
  ];
  const rest = tokens - estimateWithin(tokens, items);
  const [systemPrompt, systemTools] = splitByWeight(rest, [systemPromptShare(model), 1 - systemPromptShare(model)]);
  return group(items, [
    [CATEGORY.systemPrompt, systemPrompt ?? 0, false],
    [CATEGORY.systemTools, systemTools ?? 0, false],
  ]);
}

/**
 * With the shape known, tool definitions (JSON as sent) keep their estimates and the system prompt,
 * first message and memory files share the rest of the measured total by size, so the parts sum to
 * it exactly. Where count_tokens measured parts, those keep their figures untouched, the others keep
 * their estimates, and what neither explains (message framing, small parts) is a row of its own.
 */
function fitShape(
  tokens: number,
  content: Item[],
  { fixed, flexible }: { fixed: Item[]; flexible: Item[] },
): BaselinePart[] {
  const measuredTotal = fixed.filter((item) => item.exact).reduce((sum, item) => sum + item.tokens, 0);
  if (measuredTotal > 0 && measuredTotal <= tokens) return fitAroundMeasured(tokens, content, fixed, flexible);
  // No figure measured, or figures that cannot be (more than the whole): everything is an estimate.
  for (const item of fixed) item.exact = false;
  const flexibleAll = [...flexible, ...fixed.filter((item) => item.baselineCategory === CATEGORY.systemPrompt)];
  const fixedAll = fixed.filter((item) => !flexibleAll.includes(item));
  const shared = [...flexibleAll, ...content];
  const fixedEstimates = fixedAll.map((item) => estimateTokens(item.chars));
  const fixedTotal = fixedEstimates.reduce((sum, value) => sum + value, 0);
  if (fixedTotal <= tokens) {
    fixedAll.forEach((item, index) => {
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
    const all = [...fixedAll, ...shared];
    const parts = splitByWeight(
      tokens,
      all.map((item) => item.chars),
    );
    all.forEach((item, index) => {
      item.tokens = parts[index]!;
    });
  }
  return grouped([...fixedAll, ...shared], []);
}

/**
 * Gives each item its estimate from its size, never more than `room` in all (scaled down if they would
 * exceed it), and returns what they take of it.
 */
function estimateWithin(room: number, items: Item[]): number {
  const estimates = items.map((item) => estimateTokens(item.chars));
  const estimated = estimates.reduce((sum, value) => sum + value, 0);
  const fitted = estimated > room ? splitByWeight(room, estimates) : estimates;
  items.forEach((item, index) => {
    item.tokens = fitted[index]!;
  });
  return fitted.reduce((sum, value) => sum + value, 0);
}

function fitAroundMeasured(tokens: number, content: Item[], fixed: Item[], flexible: Item[]): BaselinePart[] {
  const exact = fixed.filter((item) => item.exact);
  const estimatedItems = [...fixed.filter((item) => !item.exact), ...flexible, ...content];
  const room = tokens - exact.reduce((sum, item) => sum + item.tokens, 0);
  const unexplained = room - estimateWithin(room, estimatedItems);
  return grouped([...exact, ...estimatedItems], unexplained > 0 ? [[CATEGORY.unexplained, unexplained, false]] : []);
}

/** The system prompt and built-in tools are categories, not items a person would act on. */
function grouped(sized: readonly Item[], extra: ReadonlyArray<readonly [string, number, boolean]>): BaselinePart[] {
  return group(
    sized.filter((item) => !item.baselineCategory),
    [
      ...sized
        .filter((item) => item.baselineCategory)
        .map((item) => [item.baselineCategory!, item.tokens, item.exact] as const),
      ...extra,
    ],
  );
}

function group(items: readonly Item[], totals: ReadonlyArray<readonly [string, number, boolean]>): BaselinePart[] {
  const parts = new Map<string, BaselinePart>();
  const part = (category: string) => {
    let found = parts.get(category);
    if (!found) {
      found = { category, tokens: 0, exact: true, items: [] };
      parts.set(category, found);
    }
    return found;
  };
  for (const [category, tokens, exact] of totals) {
    const target = part(category);
    target.tokens += tokens;
    target.exact &&= exact;
  }
  for (const item of items) {
    const target = part(item.attachmentType === "memory" ? CATEGORY.memoryFiles : categoryOf(item));
    target.tokens += item.tokens;
    target.exact &&= item.exact;
    target.items.push(item);
  }
  return [...parts.values()];
}
