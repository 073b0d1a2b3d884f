// One reading of user text for the breakdown and the handoff.
import { describe, expect, it } from "vitest";
import { classifyUserText } from "../../src/transcript/user-text.ts";

const plain = { isMeta: false, isCompactSummary: false };

describe("classifyUserText", () => {
  it.each([
    ["fix the failing test", { kind: "prompt", text: "fix the failing test" }],
    [
      "<command-message>review</command-message>\n<command-name>/review</command-name>\n<command-args>12</command-args>",
      { kind: "command", text: "/review 12" },
    ],
    [
      "<command-name>/compact</command-name>\n<command-message>compact</command-message>\n<command-args></command-args>",
      { kind: "command", text: "/compact" },
    ],
    ["<local-command-stdout>Compacted.</local-command-stdout>", { kind: "harness", tag: "local-command-stdout" }],
    ["  <system-reminder>files changed</system-reminder>", { kind: "harness", tag: "system-reminder" }],
    ["<bash-input>ls</bash-input>", { kind: "harness", tag: "bash-input" }],
    [
      "a prompt that quotes <system-reminder> later on",
      { kind: "prompt", text: "a prompt that quotes <system-reminder> later on" },
    ],
  ])("%j", (text, expected) => {
    expect(classifyUserText(text, plain)).toEqual(expected);
  });

  it("is the compaction summary or harness text when the record says so, whatever the words", () => {
    expect(classifyUserText("This session is being continued…", { isMeta: false, isCompactSummary: true })).toEqual({
      kind: "compaction-summary",
    });
    expect(classifyUserText("Base directory for this skill: …", { isMeta: true, isCompactSummary: false })).toEqual({
      kind: "harness",
      tag: null,
    });
  });

  it("is nothing for blank text", () => {
    expect(classifyUserText(" \n ", plain)).toBeNull();
  });
});
