import { describe, expect, it } from "vitest";
import { bufferByteSource } from "../../src/transcript/byte-source.ts";
import { readForward } from "../../src/transcript/read-forward.ts";
import type { TranscriptRecord } from "../../src/transcript/records.ts";
import { assistantResponse, text, toolResult, transcript, userPrompt } from "../support/transcript-builder.ts";

function collect(body: string, from = 0, options = {}) {
  const records: TranscriptRecord[] = [];
  const oversized: number[] = [];
  const result = readForward(
    bufferByteSource(Buffer.from(body)),
    from,
    { record: (record) => void records.push(record), oversized: (at) => void oversized.push(at.bytes) },
    options,
  );
  return { records, oversized, ...result };
}

describe("readForward", () => {
  it("reads every record with its kind", () => {
    const body = transcript([userPrompt("a"), assistantResponse({ input: 5 }, [text("b"), text("c")])]);
    const { records, nextOffset, problems } = collect(body, 0, { blockBytes: 10 });
    expect(records.map((record) => record.kind)).toEqual(["user", "assistant", "assistant"]);
    expect(nextOffset).toBe(Buffer.byteLength(body));
    expect(problems).toEqual({ notJson: 0, notRecord: 0, impossibleUsage: 0, oversized: 0, torn: 0 });
  });

  it("leaves a torn last line for the next read, then reads it once complete", () => {
    const whole = userPrompt("é complete later");
    const first = `${userPrompt("one")}\n${whole.slice(0, 20)}`;
    const a = collect(first);
    expect(a.records).toHaveLength(1);
    expect(a.problems.torn).toBe(1);
    const b = collect(`${userPrompt("one")}\n${whole}\n`, a.nextOffset);
    expect(b.records).toHaveLength(1);
    expect(b.records[0]?.kind).toBe("user");
  });

  it("counts garbage and non-record JSON, and skips oversized lines with their size", () => {
    const body = transcript(["garbage{", "42", toolResult("t", "x".repeat(5000)), userPrompt("after")]);
    const { records, oversized, problems } = collect(body, 0, { blockBytes: 64, maxLineBytes: 1000 });
    expect(records.map((record) => record.kind)).toEqual(["user"]);
    expect(oversized).toHaveLength(1);
    expect(oversized[0]).toBeGreaterThan(5000);
    expect(problems).toEqual({ notJson: 1, notRecord: 1, impossibleUsage: 0, oversized: 1, torn: 0 });
  });

  it("stops early when the visitor asks, with the offset of the next line", () => {
    const lines = [userPrompt("a"), userPrompt("b"), userPrompt("c")];
    const body = transcript(lines);
    const seen: string[] = [];
    const result = readForward(bufferByteSource(Buffer.from(body)), 0, {
      record: (record) => {
        seen.push(record.kind);
        return seen.length === 2 ? "stop" : undefined;
      },
    });
    expect(seen).toHaveLength(2);
    expect(result.nextOffset).toBe(Buffer.byteLength(`${lines[0]}\n${lines[1]}\n`));
  });
});
