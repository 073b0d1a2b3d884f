// From an attribution to the answer: categories that sum to usedTokens exactly (plus free space and
// the autocompact buffer beside them), the largest items, repeated file reads, per-tool and per-MCP-
// server totals, and short advice the model can act on.
import { exactNumber, roundTokens } from "../../base/format.ts";
import type { Compaction } from "../../transcript/records.ts";
import { mcpServerOf } from "../../transcript/tool-calls.ts";
import type { Attribution } from "./attribute.ts";
import { type BaselineKnown, type BaselinePart, splitBaseline } from "./baseline.ts";
import { CATEGORY, categoryOf, type Item } from "./items.ts";

export interface BreakdownCategory {
  name: string;
  tokens: number;
  /** False only where the figure is measured: count_tokens' own, or a step total that held nothing else. */
  estimated: boolean;
  percentOfWindow: number;
}

export interface TopItem {
  label: string;
  tokens: number;
  /** The user prompt (1-based) it came after; 0 for the session's start. */
  turn: number;
  category: string;
  tool: string | null;
  path: string | null;
  estimated: boolean;
}

export interface RepeatedRead {
  path: string;
  reads: number;
  tokens: number;
}

export interface ToolTotal {
  name: string;
  calls: number;
  /** Calls and results together. */
  tokens: number;
}

export interface McpServerTotal {
  name: string;
  calls: number;
  /** Calls and results together. */
  tokens: number;
  /** Its tool definitions (measured with count_tokens, or estimated from their size), or null when the transcript cannot tell. */
  definitionTokens: number | null;
  /** False when count_tokens measured the definitions; null when there is no figure. */
  definitionsEstimated: boolean | null;
  /** Its tools sent deferred behind ToolSearch (0 tokens until searched for), or null when unknown. */
  deferredTools: number | null;
}

interface BreakdownFigures {
  contextWindow: number;
  autocompactAt: number | null;
}

export interface BreakdownCore {
  usedTokens: number;
  contextWindow: number;
  categories: BreakdownCategory[];
  topItems: TopItem[];
  repeatedReads: RepeatedRead[];
  tools: ToolTotal[];
  mcpServers: McpServerTotal[];
  pendingTokens: number;
  compactions: number;
  lastCompaction: (Compaction & { droppedTokens: number | null }) | null;
  model: string | null;
  asOf: string | null;
  advice: string[];
}

/**
 * How many of each list the answer carries, costliest first: the answer itself enters the context of
 * the agent that asked, so it stays a couple of thousand tokens however long the session.
 */
const TOP_ITEMS = 15;
const TOP_REPEATED_READS = 10;
const TOP_TOOLS = 20;
const percent = (tokens: number, window: number) => (window > 0 ? Math.round((tokens / window) * 1000) / 10 : 0);

export function summarizeBreakdown(
  attribution: Attribution,
  known: BaselineKnown,
  figures: BreakdownFigures,
): BreakdownCore {
  const { contextWindow, autocompactAt } = figures;
  const parts = baselineParts(attribution, known);
  const baselineItems = parts.flatMap((part) => part.items);
  const allTools = toolTotals(attribution.items);
  const core: BreakdownCore = {
    usedTokens: attribution.usedTokens,
    contextWindow,
    categories: windowCategories(attribution, parts, figures),
    topItems: topItemsOf([...baselineItems, ...attribution.items]),
    repeatedReads: readsByPath(attribution.items).slice(0, TOP_REPEATED_READS),
    tools: allTools.slice(0, TOP_TOOLS),
    mcpServers: mcpTotals(allTools, baselineItems),
    pendingTokens: attribution.pending.reduce((sum, item) => sum + item.tokens, 0),
    compactions: attribution.compactions,
    lastCompaction: withDroppedTokens(attribution.lastCompaction),
    model: attribution.model,
    asOf: attribution.asOf,
    advice: [],
  };
  core.advice = adviseOn(core, autocompactAt);
  return core;
}

/** The baseline split into its categories, each with the items it holds. */
function baselineParts(attribution: Attribution, known: BaselineKnown): BaselinePart[] {
  return attribution.baseline
    ? splitBaseline(attribution.baseline.tokens, attribution.baseline.items, known, attribution.model)
    : [];
}

/** Categories in their fixed order that sum to usedTokens, then free space and the autocompact buffer. */
function windowCategories(
  attribution: Attribution,
  parts: readonly BaselinePart[],
  figures: BreakdownFigures,
): BreakdownCategory[] {
  const { contextWindow, autocompactAt } = figures;
  const totals = new Map<string, { tokens: number; estimated: boolean }>();
  const add = (name: string, tokens: number, estimated: boolean) => {
    const entry = totals.get(name) ?? { tokens: 0, estimated: false };
    entry.tokens += tokens;
    entry.estimated ||= estimated;
    totals.set(name, entry);
  };
  // Exact only where every part of it was measured (count_tokens on captured parts).
  for (const part of parts) add(part.category, part.tokens, !part.exact);
  for (const item of attribution.items) add(categoryOf(item), item.tokens, !item.exact);

  const order = Object.values(CATEGORY) as string[];
  const rank = (name: string) =>
    order.includes(name) ? order.indexOf(name) : order.indexOf(CATEGORY.compactionSummary) + 0.5;
  const categories: BreakdownCategory[] = [...totals.entries()]
    .filter(([, entry]) => entry.tokens > 0)
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y.tokens - x.tokens)
    .map(([name, entry]) => ({
      name,
      tokens: entry.tokens,
      estimated: entry.estimated,
      percentOfWindow: percent(entry.tokens, contextWindow),
    }));

  const buffer = autocompactAt === null ? 0 : Math.max(0, contextWindow - autocompactAt);
  const free = Math.max(0, contextWindow - attribution.usedTokens - buffer);
  categories.push({
    name: CATEGORY.freeSpace,
    tokens: free,
    estimated: false,
    percentOfWindow: percent(free, contextWindow),
  });
  if (buffer > 0)
    categories.push({
      name: CATEGORY.autocompactBuffer,
      tokens: buffer,
      estimated: true,
      percentOfWindow: percent(buffer, contextWindow),
    });
  return categories;
}

function topItemsOf(everything: readonly Item[]): TopItem[] {
  return everything
    .filter((item) => item.tokens > 0)
    .sort((a, b) => b.tokens - a.tokens)
    .slice(0, TOP_ITEMS)
    .map((item) => ({
      label: item.label,
      tokens: item.tokens,
      turn: item.turn,
      category: item.attachmentType === "memory" ? CATEGORY.memoryFiles : categoryOf(item),
      tool: item.tool,
      path: item.path,
      estimated: !item.exact,
    }));
}

function withDroppedTokens(compaction: Compaction | null): BreakdownCore["lastCompaction"] {
  if (!compaction) return null;
  const droppedTokens =
    compaction.preTokens !== null && compaction.postTokens !== null
      ? compaction.preTokens - compaction.postTokens
      : null;
  return { ...compaction, droppedTokens };
}

function readsByPath(items: readonly Item[]): RepeatedRead[] {
  const reads = new Map<string, RepeatedRead>();
  for (const item of items) {
    if (item.tool !== "Read" || item.kind !== "tool-result" || !item.path) continue;
    const entry = reads.get(item.path) ?? { path: item.path, reads: 0, tokens: 0 };
    entry.reads++;
    entry.tokens += item.tokens;
    reads.set(item.path, entry);
  }
  return [...reads.values()].filter((entry) => entry.reads > 1).sort((a, b) => b.tokens - a.tokens);
}

function toolTotals(items: readonly Item[]): ToolTotal[] {
  const tools = new Map<string, ToolTotal>();
  for (const item of items) {
    if (!item.tool || (item.kind !== "tool-call" && item.kind !== "tool-result")) continue;
    const entry = tools.get(item.tool) ?? { name: item.tool, calls: 0, tokens: 0 };
    if (item.kind === "tool-call") entry.calls++;
    entry.tokens += item.tokens;
    tools.set(item.tool, entry);
  }
  return [...tools.values()].sort((a, b) => b.tokens - a.tokens);
}

function mcpTotals(tools: readonly ToolTotal[], baselineItems: readonly Item[]): McpServerTotal[] {
  const servers = new Map<string, McpServerTotal>();
  const entry = (name: string) => {
    let found = servers.get(name);
    if (!found) {
      found = { name, calls: 0, tokens: 0, definitionTokens: null, definitionsEstimated: null, deferredTools: null };
      servers.set(name, found);
    }
    return found;
  };
  for (const tool of tools) {
    const server = mcpServerOf(tool.name);
    if (!server) continue;
    entry(server).calls += tool.calls;
    entry(server).tokens += tool.tokens;
  }
  for (const item of baselineItems) {
    if (item.kind !== "tool-definitions" || !item.mcpServer) continue;
    entry(item.mcpServer).definitionTokens = item.tokens;
    entry(item.mcpServer).definitionsEstimated = !item.exact;
    entry(item.mcpServer).deferredTools = item.deferredTools ?? null;
  }
  const cost = (server: McpServerTotal) => server.tokens + (server.definitionTokens ?? 0);
  return [...servers.values()].sort((a, b) => cost(b) - cost(a));
}

/** Short lines the model can act on; nothing when nothing stands out. */
function adviseOn(core: BreakdownCore, autocompactAt: number | null): string[] {
  const advice: string[] = [];
  const used = Math.max(1, core.usedTokens);
  for (const read of core.repeatedReads.slice(0, 3)) {
    if (read.tokens < 2_000) continue;
    advice.push(
      `${read.reads} reads of ${read.path} cost ${roundTokens(read.tokens)}; avoid re-reading it (use offset/limit or Grep for the part you need).`,
    );
  }
  for (const item of core.topItems.slice(0, 5)) {
    if (item.category.startsWith("Messages: tool results") && item.tokens >= Math.max(10_000, used * 0.1)) {
      advice.push(
        `${item.label} returned ${roundTokens(item.tokens)} (${Math.round((item.tokens / used) * 100)}% of the context); ask for less output next time (head, grep, a narrower range).`,
      );
    }
  }
  const memory = core.categories.find((category) => category.name === CATEGORY.memoryFiles);
  if (memory && memory.tokens >= 5_000 && memory.tokens >= used * 0.1) {
    advice.push(
      `Memory files (CLAUDE.md, rules) cost ~${roundTokens(memory.tokens)} in every request; move what is rarely needed into rules scoped with paths: front matter, which load only for matching files.`,
    );
  }
  const toolResults = core.categories
    .filter((category) => category.name.startsWith("Messages: tool results"))
    .reduce((sum, category) => sum + category.tokens, 0);
  if (toolResults > used * 0.5)
    advice.push(
      `Tool results are ${Math.round((toolResults / used) * 100)}% of the context; delegate broad searches to a subagent so only its report stays here.`,
    );
  if (autocompactAt !== null) {
    const left = autocompactAt - core.usedTokens;
    if (left <= autocompactAt * 0.15) {
      advice.push(
        `About ${roundTokens(Math.max(0, left))} left before auto-compaction at ${roundTokens(autocompactAt)}: call write_handoff now.`,
      );
    }
  }
  if (core.lastCompaction?.droppedTokens) {
    advice.push(
      `The last compaction dropped ${exactNumber(core.lastCompaction.droppedTokens)} tokens; check the handoff or the summary before relying on earlier detail.`,
    );
  }
  return advice;
}
