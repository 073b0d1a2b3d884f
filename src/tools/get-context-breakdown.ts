// MCP tool: what is filling the context — categories that sum to usedTokens, the largest items,
// repeated reads, per-tool totals, and advice.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { CAPTURE_SOURCES } from "../capture/record.ts";
import { UNMEASURED_REASONS } from "../capture/token-cache.ts";
import {
  type BreakdownDeps,
  type ContextBreakdown,
  readContextBreakdown,
} from "../context/breakdown/read-breakdown.ts";
import { contextUsageShape } from "./get-context-usage.ts";
import { outputShapeOf } from "./output-shape.ts";
import { sessionInputShape, strictInput, toLocateRequest } from "./session-input.ts";
import { toolMeta } from "./tool-meta.ts";
import { callingToolUseId, toolAnswer } from "./tool-result.ts";

const GET_CONTEXT_BREAKDOWN = "get_context_breakdown";

const nullableString = z.string().nullable();

export const contextBreakdownShape = outputShapeOf<ContextBreakdown>()({
  sessionId: z.string(),
  transcriptPath: z.string(),
  sessionSource: contextUsageShape.sessionSource,
  subagent: contextUsageShape.subagent,
  model: nullableString,
  usedTokens: z
    .number()
    .int()
    .describe(
      "Context size of the newest main-chain response; the categories (without Free space and Autocompact buffer) sum to it.",
    ),
  contextWindow: z.number().int(),
  windowSource: contextUsageShape.windowSource,
  autocompactAt: z.number().int().nullable(),
  status: contextUsageShape.status,
  estimated: z.boolean().describe("True when usedTokens itself is estimated (compacted, no response since)."),
  fresh: z.boolean(),
  categories: z
    .array(
      z.object({ name: z.string(), tokens: z.number().int(), estimated: z.boolean(), percentOfWindow: z.number() }),
    )
    .describe("/context's categories, Messages split by kind and tool; then Free space and Autocompact buffer."),
  topItems: z
    .array(
      z.object({
        label: z.string(),
        tokens: z.number().int(),
        turn: z.number().int(),
        category: z.string(),
        tool: nullableString,
        path: nullableString,
        estimated: z.boolean(),
      }),
    )
    .describe("The largest single items in the context, largest first."),
  repeatedReads: z.array(z.object({ path: z.string(), reads: z.number().int(), tokens: z.number().int() })),
  tools: z.array(z.object({ name: z.string(), calls: z.number().int(), tokens: z.number().int() })),
  mcpServers: z
    .array(
      z.object({
        name: z.string(),
        calls: z.number().int(),
        tokens: z.number().int(),
        definitionTokens: z.number().int().nullable(),
        definitionsEstimated: z.boolean().nullable(),
        deferredTools: z.number().int().nullable(),
      }),
    )
    .describe(
      "Per MCP server: calls, calls plus results, and its tool definitions (null when the transcript cannot tell; definitionsEstimated false when count_tokens measured them).",
    ),
  memoryFiles: z.array(z.object({ path: z.string(), chars: z.number().int() })),
  capture: z
    .object({
      source: z.enum(CAPTURE_SOURCES),
      time: z.string(),
      model: nullableString,
      measured: z.boolean(),
      parts: z
        .array(
          z.object({
            part: z.string(),
            tokens: z.number().int().nullable(),
            reason: z.enum(UNMEASURED_REASONS).nullable(),
            said: nullableString,
          }),
        )
        .describe("Per part (system prompt, built-in tools, each MCP server): count_tokens' figure, or why none."),
    })
    .nullable()
    .describe("The captured request whose texts split the baseline (every MCP server's definitions), or null."),
  captureAdvice: nullableString.describe("With no capture: how to point ctx-monitor at Claude Code's request bodies."),
  pendingTokens: z.number().int(),
  compactions: z.number().int(),
  lastCompaction: z
    .object({
      trigger: nullableString,
      preTokens: z.number().nullable(),
      postTokens: z.number().nullable(),
      at: nullableString,
      droppedTokens: z.number().nullable(),
    })
    .nullable()
    .describe("What the last compaction dropped (preTokens → postTokens)."),
  asOf: nullableString,
  skippedLines: z.number().int(),
  advice: z.array(z.string()).describe("Short actions that would free or save context."),
  summary: z.string(),
});

export function registerGetContextBreakdown(server: McpServer, deps: BreakdownDeps): void {
  server.registerTool(
    GET_CONTEXT_BREAKDOWN,
    {
      title: "Context breakdown",
      description:
        "What is filling this session's context: system prompt, tools, memory files, and the conversation split by " +
        "user prompts, assistant text, thinking, tool calls and tool results per tool, with the largest single items " +
        "(file reads, command outputs) and repeated reads. Exact step by step from Claude Code's usage figures. Call it " +
        "when usage is high to see what to stop doing, or before deciding what a handoff must keep.",
      inputSchema: strictInput(sessionInputShape),
      outputSchema: contextBreakdownShape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
      _meta: toolMeta("what fills the context window: tokens by system prompt, tools, files read, tool results"),
    },
    (input, extra) =>
      toolAnswer(GET_CONTEXT_BREAKDOWN, () =>
        readContextBreakdown({ ...toLocateRequest(input), toolUseId: callingToolUseId(extra._meta) }, deps),
      ),
  );
}
