// The breakdown and the handoff read the same user text the same way: a slash command is a prompt
// in both, so "user prompt 3" in one is "Prompt 3" in the other; an assistant message whose content
// is a plain string is one text, not one item per character.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breakdownReader } from "../../src/context/breakdown/read-breakdown.ts";
import { readFacts } from "../../src/handoff/write-handoff.ts";
import { tempDir } from "../support/runtime.ts";
import { assistantResponse, text, transcript, userPrompt } from "../support/transcript-builder.ts";

function session(lines: Array<string | string[]>): string {
  const path = join(tempDir(), "session.jsonl");
  writeFileSync(path, transcript(lines));
  return path;
}

describe("user text in the breakdown and the handoff", () => {
  it("numbers prompts and slash commands alike in both", () => {
    const path = session([
      userPrompt("first, look around"),
      assistantResponse({ input: 1_000 }, [text("Looked.")]),
      userPrompt(
        "<command-message>review</command-message>\n<command-name>/review</command-name>\n<command-args>12</command-args>",
      ),
      assistantResponse({ input: 1_200 }, [text("Reviewed.")]),
      userPrompt("<local-command-stdout>done</local-command-stdout>"),
      userPrompt("third, fix it"),
      assistantResponse({ input: 1_500 }, [text("Fixed.")]),
    ]);
    const labels = breakdownReader()
      .read(path)
      .reducer.snapshot()
      .items.filter((item) => item.kind === "user-prompt")
      .map((item) => item.label);
    expect(labels).toEqual(['user prompt 2: "/review 12"', 'user prompt 3: "third, fix it"']);
    expect(readFacts(path).prompts.map((prompt) => [prompt.number, prompt.text])).toEqual([
      [1, "first, look around"],
      [2, "/review 12"],
      [3, "third, fix it"],
    ]);
  });

  it("takes an assistant message with string content as one text", () => {
    const [line] = assistantResponse({ input: 1_000 }, [text("placeholder")]);
    const record = JSON.parse(line!) as { message: { content: unknown } };
    record.message.content = "A reply written as a plain string.";
    const path = session([
      userPrompt("hello"),
      JSON.stringify(record),
      userPrompt("again"),
      assistantResponse({ input: 1_400 }, [text("ok")]),
    ]);
    const items = breakdownReader().read(path).reducer.snapshot().items;
    const reply = items.filter((item) => item.kind === "assistant-text");
    expect(reply.length).toBeGreaterThan(0);
    expect(items.every((item) => Number.isFinite(item.tokens))).toBe(true);
    expect(readFacts(path).turns[0]?.replies.map((kept) => kept.text)).toEqual(["A reply written as a plain string."]);
  });
});
