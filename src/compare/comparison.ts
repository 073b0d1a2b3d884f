// ctx-monitor's breakdown beside Claude Code's own /context, category by category, with why they
// differ. Pure: the breakdown and /context's rebuilt figures in, the rows out.

import { CATEGORY } from "../context/breakdown/items.ts";
import type { ContextBreakdown } from "../context/breakdown/read-breakdown.ts";
import { CONTEXT_TOOLS_PREAMBLE, type ContextFigures } from "./context-figures.ts";

export interface ComparisonRow {
  /** /context's name for the category. */
  category: string;
  /** As /context computes it from its count_tokens answers. */
  claudeCode: number;
  /** ctx-monitor's figure, or null where it files these tokens elsewhere. */
  ctxMonitor: number | null;
  /** claudeCode − ctxMonitor, or null without a figure of ours. */
  difference: number | null;
  /** Why the two differ, when they do. */
  why: string | null;
}

export interface ServerComparison {
  server: string;
  /** /context's share of the MCP tools' answer for this server's tools sent in full. */
  claudeCode: number;
  /** /context's share for its tools sent deferred (not in the context until ToolSearch loads them). */
  claudeCodeDeferred: number;
  /** ctx-monitor's figure for its definitions as sent, or null when unknown. */
  ctxMonitor: number | null;
  difference: number | null;
}

const WHY = {
  systemPrompt:
    "/context counts each section of the prompt alone, each with a message's overhead; ctx-monitor sizes the prompt as sent in the request",
  systemTools:
    "/context's System tools and Skills together are count_tokens' answer for the built-in tools (the API's tool-use preamble in it); it shows its own estimate of the skills' listing as Skills and the rest as System tools, although Claude Code 2.1.332 sends that listing as a message",
  deferred:
    "deferred tools are sent as names only, their definitions reach the context only when ToolSearch loads them; /context counts their definitions anyway",
  mcpTools: `/context takes a fixed ${CONTEXT_TOOLS_PREAMBLE} tokens off all servers' tools measured together and shares the rest by size; ctx-monitor counts what each server's definitions add to the request`,
  mcpInstructions:
    "ctx-monitor counts the servers' instructions where the request carries them (a message, or the system prompt)",
  memoryFiles:
    "/context counts each file alone, with a message's overhead; ctx-monitor sizes the files it finds on disk",
} as const;

function row(category: string, claudeCode: number, ctxMonitor: number | null, why: string): ComparisonRow {
  const difference = ctxMonitor === null ? null : claudeCode - ctxMonitor;
  return { category, claudeCode, ctxMonitor, difference, why: difference === 0 ? null : why };
}

export function compareRows(breakdown: ContextBreakdown, figures: ContextFigures): ComparisonRow[] {
  const ours = (name: string) => breakdown.categories.find((category) => category.name === name)?.tokens ?? 0;
  const rows = [
    row(CATEGORY.systemPrompt, figures.systemPrompt, ours(CATEGORY.systemPrompt), WHY.systemPrompt),
    row(
      `${CATEGORY.systemTools} + ${CATEGORY.skills}`,
      figures.systemTools,
      ours(CATEGORY.systemTools) + ours(CATEGORY.skills),
      WHY.systemTools,
    ),
    row(`${CATEGORY.systemTools} (deferred)`, figures.systemToolsDeferred, 0, WHY.deferred),
    row(CATEGORY.mcpTools, figures.mcpTools, ours(CATEGORY.mcpTools), WHY.mcpTools),
    row(`${CATEGORY.mcpTools} (deferred)`, figures.mcpToolsDeferred, 0, WHY.deferred),
    row("MCP server instructions", figures.mcpInstructions, null, WHY.mcpInstructions),
    row(CATEGORY.memoryFiles, figures.memoryFiles, ours(CATEGORY.memoryFiles), WHY.memoryFiles),
  ];
  // A category /context did not measure in this run is left out rather than shown as a difference.
  return rows.filter((entry) => entry.claudeCode > 0 || (entry.ctxMonitor ?? 0) > 0);
}

export function compareServers(breakdown: ContextBreakdown, figures: ContextFigures): ServerComparison[] {
  const names = new Set([
    ...figures.servers.map((server) => server.server),
    ...breakdown.mcpServers.map((s) => s.name),
  ]);
  return [...names].map((server) => {
    const theirs = figures.servers.find((entry) => entry.server === server);
    const ctxMonitor = breakdown.mcpServers.find((entry) => entry.name === server)?.definitionTokens ?? null;
    const claudeCode = theirs?.loaded ?? 0;
    return {
      server,
      claudeCode,
      claudeCodeDeferred: theirs?.deferred ?? 0,
      ctxMonitor,
      difference: ctxMonitor === null ? null : claudeCode - ctxMonitor,
    };
  });
}
