// What a compaction summary dropped, against the handoff's facts: paraphrase counts as kept, omission
// does not; a missing, empty or huge summary gets a clear answer.
import { describe, expect, it } from "vitest";
import {
  compareSummary,
  describeLosses,
  type HandoffFactsToKeep,
  MAX_SUMMARY_CHARS,
  noteItems,
} from "../../src/integration/hooks/summary-losses.ts";

const facts: HandoffFactsToKeep = {
  prompts: [
    "Ship the kiwi importer — keep `legacy_csv` readable ✓",
    "Also rename the nightly cron job to kiwi-nightly and document the new schedule",
  ],
  files: ["/repo/src/importer/kiwi.ts", "/repo/docs/schedule.md"],
  failedCommands: ["npm run test -- importer/semicolon.test.ts"],
  nextSteps: "- Wire the kiwi importer into the nightly job\n- Re-run the importer suite",
  openQuestions: "Does finance still need the semicolon dialect?",
};

/** A summary in Claude Code's shape that keeps some facts (reworded) and drops others. */
const SUMMARY = [
  "<summary>",
  "1. Primary Request and Intent: The user asked to ship the kiwi importer and keep legacy_csv readable.",
  "2. Files and Code Sections: src/importer/kiwi.ts — the importer.",
  "3. Errors and fixes: none recorded.",
  "4. Pending Tasks: wire the kiwi importer into the nightly job.",
  "</summary>",
].join("\n");

describe("compareSummary", () => {
  it("names exactly what the summary left out, and counts a reworded fact as kept", () => {
    const result = compareSummary(SUMMARY, facts);
    expect(result.kind).toBe("compared");
    if (result.kind !== "compared") return;
    expect(result.lost).toEqual([
      { kind: "prompt", text: facts.prompts[1] },
      { kind: "file", text: "/repo/docs/schedule.md" },
      { kind: "failing command", text: facts.failedCommands[0] },
      { kind: "next step", text: "Re-run the importer suite" },
      { kind: "open question", text: "Does finance still need the semicolon dialect?" },
    ]);
    expect(result.checked).toBe(8);
  });

  it("keeps nothing from an unrelated summary, and everything from one that quotes the facts", () => {
    const unrelated = compareSummary("<summary>We talked about the weather.</summary>", facts);
    expect(unrelated.kind === "compared" && unrelated.lost.length).toBe(8);
    const quoting = [
      ...facts.prompts,
      ...facts.files,
      ...facts.failedCommands,
      facts.nextSteps ?? "",
      facts.openQuestions ?? "",
    ].join("\n");
    const all = compareSummary(quoting, facts);
    expect(all.kind === "compared" && all.lost).toEqual([]);
  });

  it.each([
    ["missing", "missing", null],
    ["empty", "empty", ""],
    ["blank", "empty", "  \n\t "],
  ] as const)("a %s summary is said to be %s, not compared", (_what, kind, summary) => {
    expect(compareSummary(summary, facts).kind).toBe(kind);
  });

  it("compares only the start of a huge summary, and says so", () => {
    const huge = `${SUMMARY}\n${"filler words here ".repeat(MAX_SUMMARY_CHARS / 9)}\n${facts.prompts[1]}`;
    const result = compareSummary(huge, facts);
    expect(result.kind === "compared" && result.comparedChars).toBe(MAX_SUMMARY_CHARS);
    expect(result.kind === "compared" && result.lost.some((loss) => loss.text === facts.prompts[1])).toBe(true);
    expect(describeLosses(result, 2_000, null)).toContain(`its first ${MAX_SUMMARY_CHARS} were compared`);
  });

  it("with nothing to check, drops nothing", () => {
    const none = { prompts: [], files: [], failedCommands: [], nextSteps: null, openQuestions: null };
    expect(compareSummary(SUMMARY, none)).toMatchObject({ kind: "compared", lost: [], checked: 0 });
  });
});

describe("noteItems", () => {
  it("takes list entries when the note is a list, else its lines", () => {
    expect(noteItems("Intro:\n1. first\n2) second\n* third")).toEqual(["first", "second", "third"]);
    expect(noteItems("one line\n\nanother")).toEqual(["one line", "another"]);
    expect(noteItems(null)).toEqual([]);
  });
});

describe("describeLosses", () => {
  it("lists each loss within the share it is given, and names where the whole list is", () => {
    const many = compareSummary("nothing", {
      ...facts,
      prompts: Array.from({ length: 200 }, (_, i) => `prompt number ${i} about the zebra migration plan`),
    });
    const text = describeLosses(many, 1_000, "/h.lost.txt");
    expect(text.length).toBeLessThanOrEqual(1_000);
    expect(text).toMatch(/^Claude Code's summary dropped 206 of 206 facts/);
    expect(text).toMatch(/… and \d+ more \(all in \/h\.lost\.txt\)$/);
    const whole = describeLosses(many, Number.MAX_SAFE_INTEGER, null);
    expect(whole.split("\n")).toHaveLength(207);
  });

  it("says plainly when the summary was missing or empty, and when it kept everything", () => {
    expect(describeLosses({ kind: "missing" }, 500, null)).toContain("was not found");
    expect(describeLosses({ kind: "empty" }, 500, null)).toContain("is empty");
    expect(
      describeLosses({ kind: "compared", lost: [], checked: 3, summaryChars: 10, comparedChars: 10 }, 500, null),
    ).toContain("mentions all 3");
  });
});
