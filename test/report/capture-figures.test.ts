// The report's capture section says what the breakdown took from a captured request.
import { describe, expect, it } from "vitest";
import type { ContextBreakdown } from "../../src/context/breakdown/read-breakdown.ts";
import type { ContextUsage } from "../../src/context/usage.ts";
import { captureFiguresOf } from "../../src/report/html/report-data.ts";

const usage = {} as ContextUsage;
const server = (name: string, definitionTokens: number | null, deferredTools: number | null = null, exact = true) => ({
  name,
  calls: 0,
  tokens: 0,
  definitionTokens,
  definitionsEstimated: definitionTokens === null ? null : !exact,
  deferredTools,
});

describe("captureFiguresOf", () => {
  it("is nothing without a captured request", () => {
    expect(captureFiguresOf(usage, { capture: null, mcpServers: [] } as unknown as ContextBreakdown)).toBeNull();
  });

  it("names the source and time, and every MCP server's definitions as sent", () => {
    const breakdown = {
      capture: {
        source: "otel",
        time: "2026-11-28T20:00:00.000Z",
        model: "claude-opus-5-5",
        measured: true,
        parts: [
          { part: "system prompt", tokens: 1_854, reason: null, said: null },
          {
            part: "MCP server github",
            tokens: null,
            reason: "timed-out",
            said: "count_tokens did not answer within 3 s",
          },
        ],
      },
      mcpServers: [server("ctx-monitor", 867, 2), server("github", 12_345, null, false), server("idle", null)],
    } as unknown as ContextBreakdown;
    expect(captureFiguresOf(usage, breakdown)).toEqual({
      source: "Claude Code's own request bodies",
      rows: [
        { label: "captured request", value: "2026-11-28T20:00:00.000Z" },
        { label: "model", value: "claude-opus-5-5" },
        { label: "system prompt", value: "1,854 tokens, measured with count_tokens" },
        { label: "MCP server github", value: "estimated: count_tokens did not answer within 3 s" },
        { label: "MCP server ctx-monitor: tool definitions", value: "867 tokens (2 deferred)" },
        { label: "MCP server github: tool definitions", value: "~12,345 tokens" },
        { label: "MCP server idle: tool definitions", value: "not in the request" },
      ],
    });
  });
});
