// The session's own diff stat, from its edit and write calls.
import { describe, expect, it } from "vitest";
import { diffLines, lineChange } from "../../src/handoff/line-changes.ts";

describe("lineChange", () => {
  it.each([
    ["Edit", { old_string: "a\nb\nc", new_string: "a\nB\nc" }, { added: 1, removed: 1 }],
    ["Edit", { old_string: "a\nc", new_string: "a\nb1\nb2\nc" }, { added: 2, removed: 0 }],
    ["Edit", { old_string: "x\ny\n", new_string: "" }, { added: 0, removed: 2 }],
    [
      "MultiEdit",
      {
        edits: [
          { old_string: "a", new_string: "b" },
          { old_string: "c\nd", new_string: "c" },
        ],
      },
      { added: 1, removed: 2 },
    ],
    ["Write", { content: "one\ntwo\nthree\n" }, { added: 3, removed: 0 }],
    ["NotebookEdit", { new_source: "print(1)\nprint(2)", edit_mode: "replace" }, { added: 2, removed: 0 }],
    ["NotebookEdit", { new_source: "", edit_mode: "delete" }, { added: 0, removed: 0 }],
    ["Edit", { old_string: 5, new_string: null }, { added: 0, removed: 0 }],
  ])("%s %j", (tool, input, expected) => {
    expect(lineChange(tool, input)).toEqual(expected);
  });

  it("is nothing for tools that change no file", () => {
    expect(lineChange("Read", { file_path: "a.ts" })).toBeNull();
  });

  it("counts a line once however the common lines fall", () => {
    expect(diffLines("same\nsame\nsame", "same\nsame")).toEqual({ added: 0, removed: 1 });
  });
});
