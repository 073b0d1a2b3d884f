import { describe, expect, it } from "vitest";
import { bufferByteSource } from "../../src/transcript/byte-source.ts";
import { readTailSnapshot } from "../../src/transcript/tail-snapshot.ts";
import {
  assistantResponse,
  compactBoundary,
  compactSummary,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

const snapshot = (body: string, blockBytes?: number) =>
  readTailSnapshot(bufferByteSource(Buffer.from(body)), blockBytes ? { blockBytes } : {});

describe("readTailSnapshot", () => {
  it("takes the newest main-chain response once, however many lines it was split into", () => {
    const call = toolUse("Bash", { command: "ls" });
    const body = transcript([
      userPrompt("hi"),
      assistantResponse({ input: 10, cacheCreation: 900, output: 5 }, [text("first")]),
      userPrompt("list files"),
      assistantResponse({ input: 3, cacheCreation: 50, cacheRead: 910, output: 42 }, [
        { type: "thinking", thinking: "hmm", signature: "x" },
        text("running ls"),
        call,
      ]),
    ]);
    const tail = snapshot(body);
    expect(tail.latest?.usage).toEqual({
      inputTokens: 3,
      cacheCreationInputTokens: 50,
      cacheReadInputTokens: 910,
      outputTokens: 42,
    });
    expect(tail.latest?.toolUseIds).toEqual([call.id]);
    expect(tail.compactionSince).toBeNull();
    expect(tail.pendingChars).toBe(0);
  });

  it("skips sidechain, API-error and synthetic records", () => {
    const body = transcript([
      assistantResponse({ input: 100, output: 1 }, [text("main")]),
      assistantResponse({ input: 90_000 }, [text("subagent")], { isSidechain: true }),
      assistantResponse({ input: 0 }, [text("API Error")], { isApiErrorMessage: true }),
      assistantResponse({ input: 0 }, [text("No response requested.")]).map((line) =>
        line.replace("claude-sonnet-4-6", "<synthetic>"),
      ),
    ]);
    expect(snapshot(body).latest?.usage.inputTokens).toBe(100);
  });

  it("counts what was appended after the newest response as pending", () => {
    const call = toolUse("Read", { file_path: "/a" });
    const body = transcript([assistantResponse({ input: 100 }, [call]), toolResult(call.id, "x".repeat(4000))]);
    expect(snapshot(body).pendingChars).toBe(4000);
  });

  it("reports a compaction written after the newest response, ignoring what came before it", () => {
    const body = transcript([
      assistantResponse({ input: 150_000 }, [text("long")]),
      toolResult("toolu_x", "y".repeat(1000)),
      compactBoundary(150_500, 3_000),
      compactSummary("summary of everything"),
      userPrompt("go on"),
    ]);
    const tail = snapshot(body);
    expect(tail.compactionSince?.postTokens).toBe(3_000);
    expect(tail.latest?.usage.inputTokens).toBe(150_000);
    expect(tail.pendingChars).toBe("go on".length);
  });

  it("collects the totals of the responses before the newest, once each, newest first, back to the last compaction", () => {
    const step = (input: number) =>
      assistantResponse({ input, output: 10 }, [text(`at ${input}`), toolUse("Bash", { command: "true" })]);
    const body = transcript([
      step(90_000),
      compactBoundary(90_500, 2_000),
      compactSummary("summary"),
      step(10_000),
      assistantResponse({ input: 12_000, output: 5 }, [
        { type: "thinking", thinking: "…", signature: "x" },
        text("split"),
        text("in three"),
      ]),
      step(15_000),
      step(17_000),
      step(20_000),
      step(21_000),
      step(30_000),
    ]);
    const tail = snapshot(body);
    expect(tail.latest?.usage.inputTokens).toBe(30_000);
    expect(tail.earlier.map((response) => response.total)).toEqual([21_000, 20_000, 17_000, 15_000, 12_000]);
    const short = snapshot(transcript([step(90_000), compactBoundary(90_500, 2_000), step(10_000), step(12_000)]));
    expect(short.earlier.map((response) => response.total)).toEqual([10_000]);
  });

  it("passes by garbage, unknown records and a torn last line, and counts them", () => {
    const body =
      transcript([
        assistantResponse({ input: 77 }, [text("ok")]),
        "not json at all",
        '{"type":"future-record","x":1}',
        "[1,2,3]",
      ]) + '{"type":"assistant","message":{"id":"msg_torn","usage":{"input_tok';
    const tail = snapshot(body, 16);
    expect(tail.latest?.usage.inputTokens).toBe(77);
    expect(tail.problems).toEqual({ notJson: 1, notRecord: 1, impossibleUsage: 0, oversized: 0, torn: 1 });
  });

  it("finds the response across many small blocks and through a huge line", () => {
    const body = transcript([
      assistantResponse({ input: 5, cacheRead: 1234 }, [text("é".repeat(300))]),
      toolResult("toolu_big", "z".repeat(3 << 20)),
    ]);
    const tail = readTailSnapshot(bufferByteSource(Buffer.from(body)), { blockBytes: 7, maxLineBytes: 1 << 20 });
    expect(tail.latest?.usage.cacheReadInputTokens).toBe(1234);
    expect(tail.problems.oversized).toBe(1);
    expect(tail.pendingChars).toBeGreaterThan(3 << 20);
  });

  it("answers for an empty file", () => {
    const tail = snapshot("");
    expect(tail.latest).toBeNull();
    expect(tail.bytesRead).toBe(0);
  });

  it("reads only the tail of a long transcript", () => {
    const early = Array.from({ length: 2000 }, () => assistantResponse({ input: 1 }, [text("x".repeat(500))]));
    const body = transcript([...early, assistantResponse({ input: 999 }, [text("newest")])]);
    const tail = snapshot(body);
    expect(tail.latest?.usage.inputTokens).toBe(999);
    expect(tail.bytesRead).toBeLessThan(body.length / 100);
  });
});
