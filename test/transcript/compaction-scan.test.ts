import { describe, expect, it } from "vitest";
import { bufferByteSource } from "../../src/transcript/byte-source.ts";
import { scanCompactions } from "../../src/transcript/compaction-scan.ts";
import { assistantResponse, compactBoundary, text, toolResult, transcript } from "../support/transcript-builder.ts";

const source = (body: string) => bufferByteSource(Buffer.from(body));

describe("scanCompactions", () => {
  it("counts compaction records and keeps the last one's figures", () => {
    const body = transcript([
      assistantResponse({ input: 10 }, [text("a")]),
      compactBoundary(180_000, 4_000, "auto"),
      assistantResponse({ input: 10 }, [text("b")]),
      compactBoundary(170_000, 3_500, "manual"),
    ]);
    const state = scanCompactions(source(body), null);
    expect(state.count).toBe(2);
    expect(state.last).toMatchObject({ trigger: "manual", preTokens: 170_000, postTokens: 3_500 });
  });

  it("counts a subagent's compactions in its own transcript only", () => {
    const sidechain = (line: string) => line.replace('"isSidechain":false', '"isSidechain":true');
    const body = transcript([sidechain(compactBoundary(150_000, 2_000, "auto"))]);
    expect(scanCompactions(source(body), null).count).toBe(0);
    expect(scanCompactions(source(body), null, true)).toMatchObject({ count: 1, last: { preTokens: 150_000 } });
  });

  it("does not count the marker when it is only text inside a message", () => {
    const body = transcript([toolResult("t", 'grep output: "subtype":"compact_boundary" in a file')]);
    expect(scanCompactions(source(body), null).count).toBe(0);
  });

  it("scans incrementally and counts each compaction once", () => {
    const one = transcript([assistantResponse({ input: 1 }, [text("x")]), compactBoundary(100, 10)]);
    const first = scanCompactions(source(one), null);
    const two = one + transcript([compactBoundary(200, 20)]);
    const second = scanCompactions(source(two), first);
    expect(second.count).toBe(2);
    expect(scanCompactions(source(two), second).count).toBe(2);
  });

  it("counts a compaction whose line was still being written at the last scan", () => {
    const line = compactBoundary(300, 30);
    const partial = `${transcript([assistantResponse({ input: 1 }, [text("x")])])}${line.slice(0, line.length - 5)}`;
    const first = scanCompactions(source(partial), null);
    expect(first.count).toBe(0);
    const complete = scanCompactions(source(`${partial}${line.slice(line.length - 5)}\n`), first);
    expect(complete.count).toBe(1);
  });

  it("starts over when the file was replaced", () => {
    const body = transcript([compactBoundary(1, 1)]);
    const stale = { dev: 9, ino: 9, offset: 10_000, count: 5, last: null };
    expect(scanCompactions(source(body), stale).count).toBe(1);
  });
});
