// Properties over generated sessions: whatever the sequence of records (split streamed responses,
// shrinking contexts, compactions, subagent lines, garbage), the categories sum to usedTokens, and
// parsing in increments after random appends gives the same answer as one cold parse.
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breakdownReader } from "../../../src/context/breakdown/read-breakdown.ts";
import { summarizeBreakdown } from "../../../src/context/breakdown/summarize.ts";
import { tempDir } from "../../support/runtime.ts";
import {
  assistantResponse,
  compactBoundary,
  compactSummary,
  text,
  toolResult,
  toolUse,
  userPrompt,
} from "../../support/transcript-builder.ts";

type Event =
  | { kind: "prompt"; chars: number }
  | { kind: "response"; total: number; blocks: Array<"text" | "thinking" | "tool"> }
  | { kind: "compaction"; post: number }
  | { kind: "sidechain"; total: number }
  | { kind: "attachment"; chars: number }
  | { kind: "garbage" };

const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("prompt" as const), chars: fc.integer({ min: 1, max: 3_000 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("response" as const),
      total: fc.integer({ min: 1, max: 900_000 }),
      blocks: fc.array(fc.constantFrom("text" as const, "thinking" as const, "tool" as const), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("compaction" as const), post: fc.integer({ min: 1, max: 20_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("sidechain" as const), total: fc.integer({ min: 1, max: 900_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("attachment" as const), chars: fc.integer({ min: 1, max: 2_000 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "garbage" as const }) },
);

/** Transcript lines for the events, and the context size the newest main response reported. */
function render(events: readonly Event[]): { lines: string[]; usedTokens: number } {
  const lines: string[] = [];
  let usedTokens = 0;
  for (const item of events) {
    switch (item.kind) {
      case "prompt":
        lines.push(userPrompt("p".repeat(item.chars)));
        break;
      case "response": {
        const results: string[] = [];
        const blocks = item.blocks.map((kind) => {
          if (kind === "text") return text("answer ".repeat(10));
          if (kind === "thinking") return { type: "thinking", thinking: "hmm ".repeat(50), signature: "s" };
          const call = toolUse("Read", { file_path: "/home/user/project/src/a.ts" });
          results.push(toolResult(call.id, "x".repeat(500)));
          return call;
        });
        lines.push(...assistantResponse({ input: 3, cacheRead: Math.max(0, item.total - 3) }, blocks), ...results);
        usedTokens = Math.max(3, item.total);
        break;
      }
      case "compaction":
        lines.push(compactBoundary(usedTokens, item.post), compactSummary("summary ".repeat(40)));
        usedTokens = 0;
        break;
      case "sidechain":
        lines.push(...assistantResponse({ input: item.total }, [text("subagent")], { isSidechain: true }));
        break;
      case "attachment":
        lines.push(
          JSON.stringify({
            type: "attachment",
            attachment: { type: "edited_text_file", snippet: "a".repeat(item.chars) },
            isSidechain: false,
          }),
        );
        break;
      case "garbage":
        lines.push("{not json");
        break;
    }
  }
  return { lines, usedTokens };
}

const figures = { contextWindow: 1_000_000, autocompactAt: 967_000 };
/** Known baseline parts, large enough to be scaled down when a generated baseline is small. */
const known = {
  memoryFiles: [{ path: "/project/CLAUDE.md", chars: 4_000 }],
  mcpDefinitions: [{ server: "ctx-monitor", tools: 3, chars: 3_500 }],
};

function answer(reader: ReturnType<typeof breakdownReader>, path: string) {
  return summarizeBreakdown(reader.read(path).reducer.snapshot(), known, figures);
}

const inSum = (name: string) => name !== "Free space" && name !== "Autocompact buffer";

describe("breakdown properties", () => {
  it("categories always sum to usedTokens, which is the newest main response's total", () => {
    const dir = tempDir();
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const { lines, usedTokens } = render(events);
        const path = join(dir, "session.jsonl");
        writeFileSync(path, lines.map((line) => `${line}\n`).join(""));
        const breakdown = answer(breakdownReader(), path);
        expect(breakdown.usedTokens).toBe(usedTokens);
        const sum = breakdown.categories
          .filter((category) => inSum(category.name))
          .reduce((total, category) => total + category.tokens, 0);
        expect(sum).toBe(usedTokens);
        expect(
          breakdown.categories.every((category) => Number.isInteger(category.tokens) && category.tokens >= 0),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("after random appends (torn writes included), the incremental answer equals a cold parse", () => {
    const dir = tempDir();
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 50 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (events, cuts) => {
          const bytes = render(events)
            .lines.map((line) => `${line}\n`)
            .join("");
          const path = join(dir, `grow-${run++}.jsonl`);
          writeFileSync(path, "");
          const warm = breakdownReader();
          // Appends at arbitrary byte positions: mid-line appends are a torn last line until completed.
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          let written = 0;
          for (const point of [...points, bytes.length]) {
            appendFileSync(path, bytes.slice(written, point));
            written = point;
            answer(warm, path);
          }
          expect(answer(warm, path)).toEqual(answer(breakdownReader(), path));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("breakdown of a line too large to read", () => {
  it("gives the unreadable line its share of the step, so the sum stays exact", async () => {
    const { IncrementalReader } = await import("../../../src/transcript/incremental-reader.ts");
    const { BreakdownBuilder } = await import("../../../src/context/breakdown/attribute.ts");
    const call = toolUse("Bash", { command: "cat huge.log" });
    const body = [
      userPrompt("show the log"),
      ...assistantResponse({ input: 20_000 }, [call]),
      toolResult(call.id, "x".repeat(300_000)),
      ...assistantResponse({ input: 95_000 }, [text("that was long")]),
    ].join("\n");
    const path = join(tempDir(), "huge.jsonl");
    writeFileSync(path, `${body}\n`);
    const reader = new IncrementalReader(() => new BreakdownBuilder(), { maxLineBytes: 100_000 });
    const breakdown = summarizeBreakdown(
      reader.read(path).reducer.snapshot(),
      { memoryFiles: [], mcpDefinitions: [] },
      figures,
    );
    expect(breakdown.usedTokens).toBe(95_000);
    expect(
      breakdown.categories
        .filter((category) => inSum(category.name))
        .reduce((sum, category) => sum + category.tokens, 0),
    ).toBe(95_000);
    expect(breakdown.topItems[0]?.label).toBe("a transcript line too large to read (294 KB)");
    expect(breakdown.topItems[0]!.tokens).toBeGreaterThan(70_000);
  });
});
