// Everything the HTML report shows, gathered at the edge from the existing readers: the usage and
// breakdown answers (the same objects the tools return), the response timeline of the session and of
// each of its subagents, the handoffs written for it, and capture figures when a capture source has them.

import { exactNumber } from "../../base/format.ts";
import type { Runtime } from "../../base/runtime.ts";
import { sessionProjectDir } from "../../claude/paths.ts";
import { BreakdownBuilder } from "../../context/breakdown/attribute.ts";
import {
  type BreakdownDeps,
  type ContextBreakdown,
  createBreakdownDeps,
  readContextBreakdown,
} from "../../context/breakdown/read-breakdown.ts";
import { createUsageDeps, readContextUsage } from "../../context/read-usage.ts";
import type { ContextUsage } from "../../context/usage.ts";
import { handoffFolder, isHandoffOfSession, listHandoffs, type StoredHandoff } from "../../handoff/store.ts";
import { configuredHandoffDir } from "../../handoff/write-handoff.ts";
import { IncrementalReader } from "../../transcript/incremental-reader.ts";
import type { LocateRequest } from "../../transcript/locate.ts";
import type { TranscriptRecord } from "../../transcript/records.ts";
import { ResponseTimeline, type TimelineMark, type TimelineStep } from "../../transcript/response-timeline.ts";
import { subagentOf, subagentTranscripts } from "../../transcript/subagent-files.ts";
import { type SessionHandoff, sessionHandoffs } from "../session-handoffs.ts";

class BreakdownWithTimeline extends BreakdownBuilder {
  readonly timeline = new ResponseTimeline();

  override add(record: TranscriptRecord): void {
    super.add(record);
    this.timeline.add(record);
  }
}

export interface TimelineSeries {
  label: string;
  steps: TimelineStep[];
  marks: TimelineMark[];
}

/**
 * Figures from captured API traffic, shown when a capture source has some for the session. The seam
 * for the capture feature: it supplies a `CaptureSource`; the report renders whatever rows it returns.
 */
export interface CaptureFigures {
  /** Where they came from, e.g. "proxy capture, 42 requests". */
  source: string;
  rows: Array<{ label: string; value: string }>;
}

type CaptureSource = (usage: ContextUsage, breakdown: ContextBreakdown) => CaptureFigures | null;

const CAPTURE_SOURCES: Record<string, string> = {
  otel: "Claude Code's own request bodies",
  proxy: "ctx-monitor proxy",
  mitm: "ctx-monitor import-mitm",
};

/** What the breakdown took from a captured request: when, from where, and every MCP server's definitions as sent. */
export function captureFiguresOf(_usage: ContextUsage, breakdown: ContextBreakdown): CaptureFigures | null {
  const capture = breakdown.capture;
  if (!capture) return null;
  const rows = [
    { label: "captured request", value: capture.time },
    { label: "model", value: capture.model ?? "unknown" },
    ...capture.parts.map((part) => ({
      label: part.part,
      value:
        part.tokens === null
          ? `estimated: ${part.said ?? "not measured"}`
          : `${exactNumber(part.tokens)} tokens, measured with count_tokens`,
    })),
    ...breakdown.mcpServers.map((server) => ({
      label: `MCP server ${server.name}: tool definitions`,
      value:
        server.definitionTokens === null
          ? "not in the request"
          : `${server.definitionsEstimated ? "~" : ""}${exactNumber(server.definitionTokens)} tokens${server.deferredTools ? ` (${server.deferredTools} deferred)` : ""}`,
    })),
  ];
  return { source: CAPTURE_SOURCES[capture.source] ?? capture.source, rows };
}

export interface ReportData {
  generatedAt: string;
  usage: ContextUsage;
  breakdown: ContextBreakdown;
  main: TimelineSeries;
  subagents: TimelineSeries[];
  handoffs: SessionHandoff[];
  capture: CaptureFigures | null;
}

interface ReportDeps {
  runtime: Runtime;
  capture: CaptureSource;
  /** ctx-monitor's own tool definitions, passed in by the entry (src/deps.ts's ownToolsOf). */
  ownTools: BreakdownDeps["ownTools"];
}

export async function gatherReport(request: LocateRequest, deps: ReportDeps): Promise<ReportData> {
  const { runtime, ownTools } = deps;
  // One pass over the file feeds both the breakdown and the timeline.
  const reader = new IncrementalReader(() => new BreakdownWithTimeline(), { capacity: 1 });
  const breakdownDeps = { ...createBreakdownDeps(runtime, createUsageDeps(runtime), ownTools), reader };
  const usage = await readContextUsage(request, breakdownDeps.usage);
  // The session as found once: the breakdown reads that same file.
  const breakdown = await readContextBreakdown({ ...request, transcriptPath: usage.transcriptPath }, breakdownDeps);
  const timeline = reader.read(breakdown.transcriptPath).reducer.timeline;
  const main = {
    label: "main conversation",
    steps: timeline.steps,
    marks: timeline.marks,
    projectDir: timeline.projectDir,
  };
  const sessionTranscript = usage.subagent?.parentTranscriptPath ?? breakdown.transcriptPath;
  const subagents = usage.subagent
    ? []
    : subagentTranscripts(sessionTranscript)
        .map((entry) => readTimeline(entry.path, subagentLabel(entry.path)))
        .filter((series) => series.steps.length > 0)
        .sort((a, b) => (a.steps[0]?.at ?? "").localeCompare(b.steps[0]?.at ?? ""));
  const projectDir = sessionProjectDir(runtime, request.projectDir, main.projectDir);
  return {
    generatedAt: runtime.now().toISOString(),
    usage,
    breakdown,
    main: { label: main.label, steps: main.steps, marks: main.marks },
    subagents: subagents.map(({ label, steps, marks }) => ({ label, steps, marks })),
    handoffs: sessionHandoffs(runtime, projectDir, usage.sessionId),
    capture: deps.capture(usage, breakdown),
  };
}

function readTimeline(path: string, label: string): TimelineSeries & { projectDir: string | null } {
  const timeline = new IncrementalReader(() => new ResponseTimeline(), { capacity: 1 }).read(path).reducer;
  return { label, steps: timeline.steps, marks: timeline.marks, projectDir: timeline.projectDir };
}

function subagentLabel(path: string): string {
  const info = subagentOf(path);
  if (!info) return "subagent";
  return `subagent ${info.description ?? info.agentType ?? info.agentId}`;
}
