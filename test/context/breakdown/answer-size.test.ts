// The breakdown's answer enters the context of the agent that asked for it: however many files and
// tools a session used, it stays small, keeping the costliest entries.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breakdownReader } from "../../../src/context/breakdown/read-breakdown.ts";
import { summarizeBreakdown } from "../../../src/context/breakdown/summarize.ts";
import { tempDir } from "../../support/runtime.ts";
import { assistantResponse, toolResult, toolUse, transcript, userPrompt } from "../../support/transcript-builder.ts";

describe("the breakdown answer's size", () => {
  it("keeps the 10 costliest repeated reads and 20 costliest tools of a session with hundreds", () => {
    const lines: Array<string | string[]> = [userPrompt("explore everything")];
    let total = 20_000;
    for (let file = 1; file <= 200; file++) {
      for (const pass of [1, 2]) {
        const read = toolUse("Read", { file_path: `/project/src/module-${file}.ts` });
        const other = toolUse(`mcp__server${file % 40}__tool_${file % 40}`, { q: file });
        total += 500 + file * 10;
        lines.push(assistantResponse({ input: total }, [read, other]));
        lines.push(
          toolResult(read.id, `export const m${file}_${pass} = 1;\n`.repeat(file)),
          toolResult(other.id, "ok"),
        );
      }
    }
    const path = join(tempDir(), "many.jsonl");
    writeFileSync(path, transcript(lines));
    const answer = summarizeBreakdown(
      breakdownReader().read(path).reducer.snapshot(),
      { memoryFiles: [], mcpDefinitions: [] },
      {
        contextWindow: 1_000_000,
        autocompactAt: 967_000,
      },
    );
    expect(answer.repeatedReads).toHaveLength(10);
    // The last read of module-200 comes after the newest response: not in the context yet.
    expect(answer.repeatedReads[0]!.path).toMatch(/module-199\.ts$/);
    expect(answer.repeatedReads.map((read) => read.tokens)).toEqual(
      [...answer.repeatedReads.map((read) => read.tokens)].sort((a, b) => b - a),
    );
    expect(answer.tools).toHaveLength(20);
    expect(answer.tools[0]!.name).toBe("Read");
    expect(answer.mcpServers).toHaveLength(40);
    expect(JSON.stringify(answer).length).toBeLessThan(16_000);
  });
});
