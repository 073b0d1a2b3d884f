// A category count_tokens measured reads as measured in the CLI (no `~`) and in the report ("measured"),
// and the parts not measured say why.
import { describe, expect, it } from "vitest";
import type { ContextBreakdown } from "../../src/context/breakdown/read-breakdown.ts";
import { describeBreakdown } from "../../src/present/breakdown.ts";
import { breakdownSection } from "../../src/report/html/sections.ts";

const breakdown = {
  summary: "2,400 of 200,000 used.",
  usedTokens: 2_400,
  contextWindow: 200_000,
  status: "ok",
  categories: [
    { name: "System prompt", tokens: 1_854, estimated: false, percentOfWindow: 0.9 },
    { name: "Messages: user prompts", tokens: 400, estimated: true, percentOfWindow: 0.2 },
    { name: "Unexplained (framing, small parts)", tokens: 146, estimated: true, percentOfWindow: 0.1 },
    { name: "Free space", tokens: 197_600, estimated: false, percentOfWindow: 98.8 },
  ],
  topItems: [],
  repeatedReads: [],
  mcpServers: [],
  advice: [],
  lastCompaction: null,
  skippedLines: 0,
  capture: {
    source: "proxy",
    time: "2026-12-04T16:00:00.000Z",
    model: "claude-opus-4-8",
    measured: true,
    parts: [
      { part: "system prompt", tokens: 1_854, reason: null, said: null },
      {
        part: "MCP server tickets",
        tokens: null,
        reason: "credentials-rejected",
        said: "count_tokens rejected the credentials (401 authentication_error)",
      },
    ],
  },
} as unknown as ContextBreakdown;

describe("measured rows", () => {
  it("the CLI marks only estimated rows with ~ and names what was measured and why the rest was not", () => {
    const text = describeBreakdown(breakdown);
    expect(text).toMatch(/System prompt\s+1,854/);
    expect(text).not.toMatch(/System prompt\s+~/);
    expect(text).toMatch(/Unexplained \(framing, small parts\)\s+~\s*146/);
    expect(text).toContain("measured with count_tokens: system prompt");
    expect(text).toContain(
      "not measured: MCP server tickets (count_tokens rejected the credentials (401 authentication_error))",
    );
  });

  it("the report says measured for a measured row and estimated split for the others", () => {
    const html = breakdownSection(breakdown);
    expect(html).toMatch(/System prompt<\/td>.*?<td>measured<\/td>/);
    expect(html).toMatch(/Unexplained \(framing, small parts\)<\/td>.*?<td>estimated split<\/td>/);
  });
});
