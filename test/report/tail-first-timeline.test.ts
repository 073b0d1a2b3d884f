import { appendFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TailFirstTimeline } from "../../src/report/watch/tail-first-timeline.ts";
import { tempDir } from "../support/runtime.ts";
import { assistantResponse, text, toolResult, toolUse, transcript, userPrompt } from "../support/transcript-builder.ts";

function session(steps: number, from = 10_000): string {
  const lines: Array<string | string[]> = [userPrompt("go")];
  for (let i = 0; i < steps; i++) {
    const call = toolUse("Read", { file_path: `/home/user/project/f${i}.ts` });
    lines.push(assistantResponse({ input: 3, cacheRead: from + i * 1_000 }, [text("reading"), call]));
    lines.push(toolResult(call.id, "x".repeat(2_000)));
  }
  return transcript(lines);
}

describe("the watch's timeline", () => {
  it("reads a small file whole", () => {
    const path = join(tempDir(), "s.jsonl");
    writeFileSync(path, session(5));
    const read = new TailFirstTimeline(1 << 20).read(path);
    expect(read.partial).toBe(false);
    expect(read.timeline.steps.map((step) => step.total)).toEqual([10_003, 11_003, 12_003, 13_003, 14_003]);
  });

  it("starts a large file near its end, at a whole line, then follows appends and replacements", () => {
    const dir = tempDir();
    const path = join(dir, "s.jsonl");
    writeFileSync(path, session(60));
    const reader = new TailFirstTimeline(20_000);
    const first = reader.read(path);
    expect(first.partial).toBe(true);
    const totals = first.timeline.steps.map((step) => step.total);
    expect(totals.length).toBeGreaterThan(3);
    expect(totals.length).toBeLessThan(60);
    // The newest steps, exactly, and what the first of them added is unknown rather than wrong.
    expect(totals).toEqual(Array.from({ length: totals.length }, (_, i) => 10_003 + (60 - totals.length + i) * 1_000));
    expect(first.timeline.steps[1]!.added).toBe(1_000);

    appendFileSync(path, transcript([assistantResponse({ input: 3, cacheRead: 80_000 }, [text("more")])]));
    const appended = reader.read(path);
    expect(appended.timeline.steps.at(-1)!.total).toBe(80_003);
    expect(appended.timeline.steps).toHaveLength(totals.length + 1);

    const replacement = join(dir, "r.jsonl");
    writeFileSync(replacement, session(2, 500));
    renameSync(replacement, path);
    const replaced = reader.read(path);
    expect(replaced.partial).toBe(false);
    expect(replaced.timeline.steps.map((step) => step.total)).toEqual([503, 1_503]);
  });
});
