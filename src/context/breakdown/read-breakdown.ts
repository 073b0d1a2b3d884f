// The breakdown answer for a request, with the file system at the edge: the usage answer (which
// finds the session, waits for the calling response and knows the window), then the transcript
// parsed incrementally from where the last call stopped, and the memory files on disk.

import { roundTokens } from "../../base/format.ts";
import { log } from "../../base/log.ts";
import type { Runtime } from "../../base/runtime.ts";
import { captureAdvice } from "../../capture/bodies-dirs.ts";
import { type CaptureUsed, captureUsed } from "../../capture/capture-used.ts";
import { readSessionCapture, type SessionCapture } from "../../capture/session-capture.ts";
import type { Unmeasured } from "../../capture/token-cache.ts";
import { sessionProjectDir } from "../../claude/paths.ts";
import { IncrementalReader } from "../../transcript/incremental-reader.ts";
import { countLineProblems } from "../../transcript/line-problems.ts";
import { readContextUsage, type UsageDeps, type UsageRequest } from "../read-usage.ts";
import type { ContextUsage } from "../usage.ts";
import { type Attribution, BreakdownBuilder } from "./attribute.ts";
import { definitionsAsSent, type ListedTool, type McpServerDefinitions, ownServerNames } from "./mcp-definitions.ts";
import { findMemoryFiles } from "./memory-files.ts";
import { type BreakdownCore, summarizeBreakdown } from "./summarize.ts";

export interface BreakdownDeps {
  runtime: Runtime;
  usage: UsageDeps;
  reader: IncrementalReader<BreakdownBuilder>;
  /** ctx-monitor's own tools as it lists them; asked only when the session called one of them. */
  ownTools: () => Promise<readonly ListedTool[]>;
}

/** Remembers each transcript's attribution and offset, so later calls parse only what was appended. */
export function breakdownReader(): IncrementalReader<BreakdownBuilder> {
  return new IncrementalReader(() => new BreakdownBuilder());
}

export function createBreakdownDeps(
  runtime: Runtime,
  usage: UsageDeps,
  ownTools: BreakdownDeps["ownTools"],
): BreakdownDeps {
  return { runtime, usage, reader: breakdownReader(), ownTools };
}

export interface ContextBreakdown extends BreakdownCore {
  sessionId: string;
  transcriptPath: string;
  sessionSource: ContextUsage["sessionSource"];
  subagent: ContextUsage["subagent"];
  windowSource: ContextUsage["windowSource"];
  autocompactAt: number | null;
  status: ContextUsage["status"];
  /** True when usedTokens itself is an estimate (a compaction and no response since). */
  estimated: boolean;
  fresh: boolean;
  skippedLines: number;
  memoryFiles: Array<{ path: string; chars: number }>;
  /** The captured request the baseline was split by (every MCP server's definitions), or null. */
  capture: CaptureUsed | null;
  /** With no capture: how to point ctx-monitor at Claude Code's request bodies; else null. */
  captureAdvice: string | null;
  summary: string;
}

export async function readContextBreakdown(request: UsageRequest, deps: BreakdownDeps): Promise<ContextBreakdown> {
  const usage = await readContextUsage(request, deps.usage);
  const parsed = deps.reader.read(usage.transcriptPath);
  const measured = parsed.reducer.snapshot();
  const projectDir = sessionProjectDir(deps.runtime, request.projectDir, measured.projectDir);
  const memoryFiles = findMemoryFiles(deps.runtime, projectDir);
  // The request's own shape: the transcript's (2.1.332 writes it), else the session's newest captured
  // request, which sizes every server's definitions as sent. A subagent's requests are not in the capture.
  const capture = usage.subagent
    ? null
    : await readSessionCapture(deps.runtime, usage.sessionId, projectDir, measured.messageId);
  const fromCapture = !measured.requestShape && capture !== null;
  const requestShape = measured.requestShape ?? capture?.record.request ?? null;
  const mcpDefinitions = requestShape ? [] : await ownDefinitions(deps, measured.mcpToolsCalled);
  const { attribution, estimated } = withEstimatedBaseline(measured, usage);
  // count_tokens' figures hold for the shape they were measured on: the capture's own, or the same shape in the transcript.
  const sameShape = capture && (fromCapture || capture.record.request.shapeHash === measured.requestShape?.shapeHash);
  const setAside = capture ? measurementsSetAside(deps.runtime, sameShape === true, capture, attribution) : null;
  const core = summarizeBreakdown(
    attribution,
    {
      memoryFiles,
      mcpDefinitions,
      requestShape,
      systemMessageChars: fromCapture ? 0 : measured.systemMessageChars,
      deferredTools: measured.deferredTools,
      measuredTokens: capture && sameShape && !setAside ? capture.tokens : null,
    },
    { contextWindow: usage.contextWindow, autocompactAt: usage.autocompactAt },
  );
  return {
    sessionId: usage.sessionId,
    transcriptPath: usage.transcriptPath,
    sessionSource: usage.sessionSource,
    subagent: usage.subagent,
    windowSource: usage.windowSource,
    autocompactAt: usage.autocompactAt,
    status: usage.status,
    estimated,
    fresh: usage.fresh,
    skippedLines: countLineProblems(parsed.problems),
    memoryFiles: memoryFiles.map((file) => ({ ...file })),
    capture: capture ? captureUsed(capture, setAside) : null,
    captureAdvice: capture || usage.subagent ? null : captureAdvice(),
    ...core,
    summary: summarize(core),
  };
}

/**
 * ctx-monitor's own definitions, under each name the session called it by; none if it never did. They
 * refine an estimate, so if they cannot be listed the breakdown goes on without them.
 */
async function ownDefinitions(deps: BreakdownDeps, calledTools: readonly string[]): Promise<McpServerDefinitions[]> {
  if (calledTools.length === 0) return [];
  try {
    const ownTools = await deps.ownTools();
    return ownServerNames(ownTools, calledTools).map((server) => definitionsAsSent(server, ownTools));
  } catch (error) {
    log(
      `could not list ctx-monitor's own tools to size them: ${error instanceof Error ? error.message : String(error)}`,
    );
    return [];
  }
}

/** Why count_tokens' figures cannot be used for this baseline, or null when they can. */
function measurementsSetAside(
  runtime: Runtime,
  sameShape: boolean,
  capture: SessionCapture,
  attribution: Attribution,
): Unmeasured | null {
  const at = runtime.now().toISOString();
  if (!sameShape)
    return {
      reason: "other-shape",
      said: "measured on the newest captured request, whose system prompt or tools differ from the transcript's",
      at,
    };
  const { systemPrompt, builtInTools, servers } = capture.tokens;
  const sum = (systemPrompt ?? 0) + (builtInTools ?? 0) + Object.values(servers).reduce((a, b) => a + b, 0);
  if (attribution.baseline && sum > attribution.baseline.tokens)
    return {
      reason: "other-shape",
      said: `count_tokens' figures for the newest captured request (${sum}) exceed the session's first request in all (${attribution.baseline.tokens}): it was sent with fewer parts (an MCP server connected, or tools loaded, later)`,
      at,
    };
  return null;
}

/**
 * After a compaction and before the next response there is no measured total: usage estimates one,
 * and what was added since (the summary, re-attached files) is shared out of that estimate.
 */
function withEstimatedBaseline(
  attribution: Attribution,
  usage: ContextUsage,
): { attribution: Attribution; estimated: boolean } {
  if (attribution.baseline || usage.usedTokens === 0) return { attribution, estimated: false };
  return {
    attribution: {
      ...attribution,
      usedTokens: usage.usedTokens,
      baseline: { tokens: usage.usedTokens, items: attribution.pending },
      pending: [],
    },
    estimated: true,
  };
}

function summarize(core: BreakdownCore): string {
  if (core.usedTokens === 0) {
    return `No model response recorded in this transcript yet: nothing fills the ${roundTokens(core.contextWindow)}-token window to break down.`;
  }
  const used = Math.max(1, core.usedTokens);
  const biggest = core.categories
    .filter((category) => category.name !== "Free space" && category.name !== "Autocompact buffer")
    .sort((a, b) => b.tokens - a.tokens)
    .slice(0, 3)
    .map(
      (category) => `${category.name} ${roundTokens(category.tokens)} (${Math.round((category.tokens / used) * 100)}%)`,
    );
  const top = core.topItems[0];
  const parts = [
    `${roundTokens(core.usedTokens)} of ${roundTokens(core.contextWindow)} used; of that, ${biggest.join(", ")}.`,
  ];
  if (top) parts.push(`Largest item: ${top.label} (${roundTokens(top.tokens)}).`);
  if (core.advice[0]) parts.push(core.advice[0]);
  return parts.join(" ");
}
