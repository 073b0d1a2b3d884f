// MCP tool: how full is my context, exactly, and how long until auto-compact.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { LIMIT_KINDS } from "../context/limit.ts";
import { readContextUsage, type UsageDeps } from "../context/read-usage.ts";
import { CONTEXT_STATUSES } from "../context/status.ts";
import { type ContextUsage, USAGE_SOURCES } from "../context/usage.ts";
import { WINDOW_SOURCES } from "../context/window.ts";
import { SESSION_SOURCES } from "../transcript/locate.ts";
import { outputShapeOf } from "./output-shape.ts";
import { sessionInputShape, strictInput, toLocateRequest } from "./session-input.ts";
import { toolMeta } from "./tool-meta.ts";
import { callingToolUseId, toolAnswer } from "./tool-result.ts";

const GET_CONTEXT_USAGE = "get_context_usage";

const compactionShape = z.object({
  trigger: z.string().nullable(),
  preTokens: z.number().nullable(),
  postTokens: z.number().nullable(),
  at: z.string().nullable(),
});

export const contextUsageShape = outputShapeOf<ContextUsage>()({
  sessionId: z.string(),
  transcriptPath: z.string(),
  sessionSource: z.enum(SESSION_SOURCES),
  sessionGuessed: z.boolean(),
  subagent: z
    .object({
      agentId: z.string(),
      agentType: z.string().nullable(),
      description: z.string().nullable(),
      parentTranscriptPath: z.string(),
    })
    .nullable()
    .describe("Set when a subagent called: the figures are the subagent's own context, not the main conversation's."),
  model: z.string().nullable(),
  contextWindow: z.number().int(),
  windowSource: z
    .enum(WINDOW_SOURCES)
    .describe(
      "Evidence for contextWindow, best first: statusline, hook-model, env, api-request, capture (a captured request), claude-args (the Claude Code process's --model, or a resumed -p run), model-id, usage-above-200k, model-table; assumed when none knows.",
    ),
  windowAssumedBecause: z
    .string()
    .nullable()
    .describe('Why the window is assumed (windowSource "assumed"); null when known.'),
  usedTokens: z.number().int().describe("Context size of the newest main-chain API response (exact unless estimated)."),
  source: z
    .enum(USAGE_SOURCES)
    .describe('"capture" when a captured response newer than the transcript gave usedTokens.'),
  usedPercent: z
    .number()
    .describe("usedTokens as a percentage of contextWindow (every percentage shown is of the window)."),
  pendingTokens: z
    .number()
    .int()
    .describe("Estimate of what was added since: that response's output and newer tool results."),
  autocompactAt: z
    .number()
    .int()
    .nullable()
    .describe("Token count where auto-compaction is expected; null when Claude Code will not auto-compact."),
  autocompactOffBecause: z
    .string()
    .nullable()
    .describe("Why autocompactAt is null: a switch, or a model Claude Code has no auto-compact point for."),
  tokensUntilAutocompact: z.number().int().nullable(),
  tokensPerStep: z
    .number()
    .int()
    .nullable()
    .describe("Typical growth per model step (API response): the median of recent steps; null with too few."),
  stepsUntilAutocompact: z
    .number()
    .int()
    .nullable()
    .describe("Steps left before auto-compact at that pace (an estimate)."),
  budget: z
    .number()
    .int()
    .nullable()
    .describe("The working budget (CTX_MONITOR_BUDGET or the config's budget) when below the auto-compact point."),
  budgetIgnoredBecause: z.string().nullable().describe("Set when a budget was given but is not a token count."),
  limit: z.number().int().describe("What status and steps-left count against (see limitKind)."),
  limitKind: z.enum(LIMIT_KINDS),
  tokensUntilLimit: z.number().int(),
  stepsUntilLimit: z.number().int().nullable(),
  warnAt: z.number().int().describe("Token count where status turns warn."),
  criticalAt: z.number().int().describe("Token count where status turns critical."),
  status: z.enum(CONTEXT_STATUSES).describe("ok / warn / critical, relative to limit."),
  estimated: z.boolean(),
  fresh: z.boolean().describe("False when the calling response was not in the transcript in time."),
  compactions: z.number().int(),
  lastCompaction: compactionShape.nullable(),
  asOf: z.string().nullable(),
  skippedLines: z.number().int(),
  summary: z.string().describe("One line to act on."),
});

export function registerGetContextUsage(server: McpServer, deps: UsageDeps): void {
  server.registerTool(
    GET_CONTEXT_USAGE,
    {
      title: "Context usage",
      description:
        "How full this session's context window is, exactly (from Claude Code's own usage figures), and how many " +
        "tokens are left before auto-compaction. Call it before large reads or long tasks, and when the summary " +
        "says warn or critical, write a handoff (write_handoff) before the context is compacted.",
      inputSchema: strictInput(sessionInputShape),
      outputSchema: contextUsageShape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
      _meta: toolMeta("context window usage: tokens used and left before auto-compact, budget", { alwaysLoad: true }),
    },
    (input, extra) =>
      toolAnswer(GET_CONTEXT_USAGE, () =>
        readContextUsage({ ...toLocateRequest(input), toolUseId: callingToolUseId(extra._meta) }, deps),
      ),
  );
}
