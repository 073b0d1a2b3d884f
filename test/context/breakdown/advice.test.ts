// The breakdown's advice: short lines the agent can act on, only when something stands out.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breakdownReader } from "../../../src/context/breakdown/read-breakdown.ts";
import { summarizeBreakdown } from "../../../src/context/breakdown/summarize.ts";
import { tempDir } from "../../support/runtime.ts";
import { assistantResponse, text, transcript, userPrompt } from "../../support/transcript-builder.ts";

function answer(memoryChars: number) {
  const path = join(tempDir(), "memory.jsonl");
  writeFileSync(path, transcript([userPrompt("hello"), assistantResponse({ input: 40_000 }, [text("hi")])]));
  const known = { memoryFiles: [{ path: "/project/CLAUDE.md", chars: memoryChars }], mcpDefinitions: [] };
  return summarizeBreakdown(breakdownReader().read(path).reducer.snapshot(), known, {
    contextWindow: 200_000,
    autocompactAt: 167_000,
  });
}

describe("breakdown advice", () => {
  it("points at memory files that cost much in every request, and says how to trim them", () => {
    const heavy = answer(60_000);
    expect(heavy.categories.find((category) => category.name === "Memory files")?.tokens).toBeGreaterThan(15_000);
    expect(heavy.advice.join("\n")).toMatch(
      /^Memory files \(CLAUDE\.md, rules\) cost ~15k in every request; .*paths: front matter/m,
    );
  });

  it("says nothing about memory files of ordinary size", () => {
    expect(answer(8_000).advice.join("\n")).not.toContain("Memory files");
  });
});
