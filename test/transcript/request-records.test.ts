// Claude Code 2.1.332's records of what it sent, read from a transcript the real binary wrote.
import { describe, expect, it } from "vitest";
import { withByteSource } from "../../src/transcript/byte-source.ts";
import { parseRecordLine } from "../../src/transcript/parse-record-line.ts";
import type { TranscriptRecord } from "../../src/transcript/records.ts";
import { readTailSnapshot } from "../../src/transcript/tail-snapshot.ts";
import { fixtureLines, fixturePath, fixtureTruth } from "../support/fixtures.ts";

const records = (): TranscriptRecord[] =>
  fixtureLines("current-claude-code").flatMap((line) => {
    const parsed = parseRecordLine(line);
    return parsed.ok ? [parsed.record] : [];
  });

describe("2.1.332 request records", () => {
  it("reads one api-request per main request, each naming a shape the transcript holds", () => {
    const all = records();
    const requests = all.filter((record) => record.kind === "api-request");
    const shapes = new Set(all.flatMap((record) => (record.kind === "api-request-shape" ? [record.shapeHash] : [])));
    expect(requests).toHaveLength(fixtureTruth("current-claude-code").mainRequestTotals.length);
    for (const request of requests) {
      expect(request).toMatchObject({ model: "claude-opus-5-5" });
      expect(request.kind === "api-request" && request.betas.length).toBeGreaterThan(0);
      expect(shapes.has(request.kind === "api-request" ? request.shapeHash : null)).toBe(true);
    }
  });

  it("keeps the size of the environment message, and nothing of other messages", () => {
    const blobs = records().filter((record) => record.kind === "api-request-blob");
    const sizes = (role: string | null) =>
      blobs.flatMap((blob) =>
        blob.kind === "api-request-blob" && (blob.role === "system") === (role === "system") ? [blob.systemChars] : [],
      );
    // The environment block (thousands of characters); after a compaction 2.1.332 also sends an empty one.
    expect(Math.max(...sizes("system"))).toBeGreaterThan(1_000);
    expect(sizes("user").every((chars) => chars === 0)).toBe(true);
    expect(sizes("user").length).toBeGreaterThan(0);
  });

  it("the tail snapshot carries the request record and Claude Code version of the newest response", () => {
    const tail = withByteSource(fixturePath("current-claude-code"), (source) => readTailSnapshot(source));
    expect(tail.latest?.version).toBe("2.1.332");
    expect(tail.latestRequest).toMatchObject({ model: "claude-opus-5-5", shapeHash: expect.any(String) });
  });
});
