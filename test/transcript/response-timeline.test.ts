import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IncrementalReader } from "../../src/transcript/incremental-reader.ts";
import { parseRecordLine } from "../../src/transcript/parse-record-line.ts";
import { ResponseTimeline } from "../../src/transcript/response-timeline.ts";
import { FIXTURE_NAMES, FIXTURES_DIR, fixtureLines, fixtureTruth } from "../support/fixtures.ts";
import {
  assistantResponse,
  compactBoundary,
  text,
  toolResult,
  toolUse,
  userPrompt,
} from "../support/transcript-builder.ts";

function timelineOf(lines: Array<string | string[]>): ResponseTimeline {
  const timeline = new ResponseTimeline();
  for (const line of lines.flat()) {
    const parsed = parseRecordLine(line);
    if (parsed.ok) timeline.add(parsed.record);
  }
  return timeline;
}

describe("the response timeline on transcripts written by Claude Code", () => {
  it.each(FIXTURE_NAMES)("%s: one step per main-chain request, with the totals the API measured", (name) => {
    const truth = fixtureTruth(name);
    const timeline = timelineOf(fixtureLines(name));
    expect(timeline.steps.map((step) => step.total)).toEqual(truth.mainRequestTotals);
    expect(timeline.marks.filter((mark) => mark.kind === "compaction")).toHaveLength(truth.compactions.length);
    expect(timeline.projectDir).toBe("/home/user/project");
  });

  it("reads a subagent's own transcript as its main chain", () => {
    const folder = join(FIXTURES_DIR, "busy-session", "subagents");
    const file = readdirSync(folder).find((name) => name.endsWith(".jsonl"))!;
    const timeline = new IncrementalReader(() => new ResponseTimeline()).read(join(folder, file)).reducer;
    expect(timeline.steps.map((step) => step.total)).toEqual(fixtureTruth("busy-session").subagentRequestTotals);
  });

  it("says which tools' results a step added, by their labels", () => {
    const timeline = timelineOf(fixtureLines("compacted-session"));
    const bash = timeline.steps.find((step) => step.causes.includes("Bash: seq 1 3000"));
    expect(bash).toBeDefined();
    expect(bash!.added).toBe(
      fixtureTruth("compacted-session").mainRequestTotals[1]! - fixtureTruth("compacted-session").mainRequestTotals[0]!,
    );
    expect(timeline.steps[0]!.causes).toEqual(["prompt"]);
  });
});

describe("the response timeline's rules", () => {
  it("counts a response split over several lines once, and marks compactions and handoffs where they came", () => {
    const read = toolUse("Read", { file_path: "/home/user/project/src/a.ts" });
    const handoff = toolUse("mcp__ctx-monitor__write_handoff", {});
    const timeline = timelineOf([
      userPrompt("start"),
      assistantResponse({ input: 1000 }, [text("reading"), read]),
      toolResult(read.id, "x".repeat(400)),
      assistantResponse({ input: 1200 }, [handoff]),
      toolResult(handoff.id, "written"),
      compactBoundary(1300, 200, "auto"),
      assistantResponse({ input: 500 }, [text("after")]),
    ]);
    expect(timeline.steps.map((step) => [step.total, step.added])).toEqual([
      [1000, null],
      [1200, 200],
      [500, null],
    ]);
    expect(timeline.steps[1]!.causes).toEqual(["Read src/a.ts"]);
    expect(timeline.marks.map((mark) => [mark.kind, mark.afterStep, mark.trigger])).toEqual([
      ["handoff", 2, "mcp__ctx-monitor__write_handoff"],
      ["compaction", 2, "auto"],
    ]);
  });

  it("recognises a handoff written through the CLI from Bash", () => {
    const bash = toolUse("Bash", { command: "ctx-monitor handoff --session abc" });
    const timeline = timelineOf([assistantResponse({ input: 10 }, [bash])]);
    expect(timeline.marks.map((mark) => mark.kind)).toEqual(["handoff"]);
  });

  it("leaves sidechain records of a session's own transcript out", () => {
    const timeline = timelineOf([
      assistantResponse({ input: 100 }, [text("main")]),
      assistantResponse({ input: 90_000 }, [text("inline subagent")], { isSidechain: true }),
      assistantResponse({ input: 150 }, [text("main again")]),
    ]);
    expect(timeline.steps.map((step) => step.total)).toEqual([100, 150]);
  });
});
