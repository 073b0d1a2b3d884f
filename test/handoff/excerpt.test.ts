// Excerpts keep the start of what is read from the top and both ends of a command's output.
import { describe, expect, it } from "vitest";
import { clip, headAndTail } from "../../src/handoff/excerpt.ts";
import { KEPT_CHARS } from "../../src/handoff/facts.ts";

const seq = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i)).join("\n");

describe("headAndTail", () => {
  it("keeps a short output whole", () => {
    expect(headAndTail({ text: "ok\n3 passed", chars: 11 }, { chars: 1_200, lines: 24 })).toBe("ok\n3 passed");
  });

  it("keeps the first and the last lines of a long output, the end with more room, and says how long it was", () => {
    const output = seq(1, 3000);
    const shown = headAndTail({ text: output, chars: output.length }, { chars: 1_200, lines: 24 });
    const lines = shown.split("\n");
    expect(lines.slice(0, 8)).toEqual(seq(1, 8).split("\n"));
    expect(lines[8]).toBe(`… [cut: ${output.length.toLocaleString("en-US")} chars in full] …`);
    expect(lines.slice(9)).toEqual(seq(2985, 3000).split("\n"));
  });

  it("takes the end from the kept tail when the output was longer than what is kept", () => {
    const shown = headAndTail(
      { text: "build started\nstep 1", chars: 5_000_000, tail: "step 9999\nTests: 1 failed, 41 passed" },
      { chars: 300, lines: 6 },
    );
    expect(shown).toBe(
      "build started\nstep 1\n… [cut: 5,000,000 chars in full] …\nstep 9999\nTests: 1 failed, 41 passed",
    );
  });

  it("stays within the character limit when lines are long", () => {
    const line = "x".repeat(5_000);
    const shown = headAndTail({ text: `${line}\n${line}`, chars: 10_001 }, { chars: 900, lines: 24 });
    expect(shown.length).toBeLessThan(900 + 60);
  });
});

describe("clip", () => {
  it("keeps the start and says how long the text was", () => {
    expect(clip({ text: "abcdefghij", chars: 10 }, 4)).toBe("abcd\n… [cut: 10 chars in full]");
    expect(clip({ text: "short", chars: KEPT_CHARS + 1 }, 100)).toBe("short\n… [cut: 16,001 chars in full]");
  });
});
