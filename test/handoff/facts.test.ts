// What the handoff takes from the transcript, on real-client fixtures and on harness noise.

import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsReader, readFacts } from "../../src/handoff/write-handoff.ts";
import { fixturePath, fixtureTruth } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";
import {
  assistantResponse,
  compactBoundary,
  compactSummary,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

describe("facts from a real-client session", () => {
  const truth = fixtureTruth("busy-session");
  const facts = readFacts(fixturePath("busy-session"));

  it("has every user prompt verbatim, in order", () => {
    expect(facts.prompts.map((prompt) => prompt.text)).toEqual(truth.prompts);
    expect(facts.prompts.every((prompt) => !prompt.command)).toBe(true);
  });

  it("lists every file read, edited and written, relative to the project, with counts", () => {
    const byPath = new Map(facts.files.map((file) => [file.path, file]));
    for (const path of truth.editedFiles)
      expect(byPath.get(path.replace("/home/user/project/", ""))?.edits).toBeGreaterThan(0);
    for (const path of truth.writtenFiles) expect(byPath.get(path.replace("/home/user/project/", ""))?.writes).toBe(1);
    expect(byPath.get("src/math.js")).toMatchObject({ reads: 2, edits: 2 });
    expect(byPath.get("README.md")).toMatchObject({ reads: 2 });
  });

  it("has each command with its outcome, and the failure's error", () => {
    expect(facts.commands.map((command) => command.command)).toEqual(expect.arrayContaining(truth.bashCommands));
    const failed = facts.commands.filter((command) => command.ok === false);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ command: "node test.js", turn: 1 });
    expect(failed[0]!.output?.text).toContain("FAIL add(2, 3): expected 5, got -1");
  });

  it("has the latest task list, the subagent's report and what each prompt led to", () => {
    expect(facts.tasks).toEqual([{ id: "1", subject: "Fix add()", status: "completed" }]);
    expect(facts.subagents).toHaveLength(truth.subagents);
    expect(facts.subagents[0]).toMatchObject({ description: "Review the fix", type: "general-purpose" });
    expect(facts.subagents[0]!.report?.text).toBe("Subagent report: sub() is correct; no other bugs found.");
    expect(facts.turns.map((turn) => turn.prompt)).toEqual([1, 2]);
    expect(facts.turns[1]!.replies.at(-1)?.text).toContain("multiply()");
  });

  it("reads the whole session, across a compaction, with the slash command as a command", () => {
    const compacted = readFacts(fixturePath("compacted-session"));
    const compactedTruth = fixtureTruth("compacted-session");
    expect(compacted.prompts.filter((prompt) => !prompt.command).map((prompt) => prompt.text)).toEqual(
      compactedTruth.prompts,
    );
    expect(compacted.prompts.filter((prompt) => prompt.command).map((prompt) => prompt.text)).toEqual(["/compact"]);
    expect(compacted.compactions).toHaveLength(1);
    expect(compacted.commands.map((command) => command.command)).toEqual(["seq 1 3000"]);
  });

  it("leaves out Claude Code's stand-in replies: /compact led to nothing the agent said", () => {
    const compacted = readFacts(fixturePath("compacted-session"));
    const command = compacted.prompts.find((prompt) => prompt.command)!;
    expect(compacted.turns.find((turn) => turn.prompt === command.number)?.replies ?? []).toEqual([]);
    expect(JSON.stringify(compacted.turns)).not.toContain("No response requested");
  });

  it("counts the lines each successful edit and write changed", () => {
    const byPath = new Map(facts.files.map((file) => [file.path, file]));
    expect(byPath.get("src/math.js")).toMatchObject({ added: 2, removed: 1 });
    expect(byPath.get("NOTES.md")).toMatchObject({ writes: 1, added: 3, removed: 0 });
    expect(byPath.get("README.md")).toMatchObject({ added: 0, removed: 0 });
  });
});

describe("edits that fail", () => {
  it("count as edits but change no lines", () => {
    const ok = toolUse("Edit", { file_path: "/p/a.ts", old_string: "a", new_string: "b\nc" });
    const refused = toolUse("Edit", { file_path: "/p/a.ts", old_string: "zzz", new_string: "y" });
    const path = join(tempDir(), "edits.jsonl");
    writeFileSync(
      path,
      transcript([
        userPrompt("edit a.ts"),
        assistantResponse({ input: 10 }, [ok, refused]),
        toolResult(ok.id, "The file /p/a.ts has been updated."),
        toolResult(refused.id, "String to replace not found", {
          message: {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: refused.id, content: "String to replace not found", is_error: true },
            ],
          },
        }),
      ]),
    );
    expect(readFacts(path).files).toEqual([{ path: "/p/a.ts", reads: 0, edits: 2, writes: 0, added: 2, removed: 1 }]);
  });
});

describe("facts leave out harness noise", () => {
  it("skips meta records, command output, summaries and reminders; keeps slash commands with their arguments", () => {
    const bash = toolUse("Bash", { command: "false" });
    const read = toolUse("Read", { file_path: "/elsewhere/notes.txt" });
    const path = join(tempDir(), "noise.jsonl");
    writeFileSync(
      path,
      transcript([
        userPrompt(
          "<local-command-caveat>Caveat: the messages below were generated by the user while running local commands.</local-command-caveat>",
          { isMeta: true },
        ),
        userPrompt(
          "<command-name>/review</command-name>\n<command-message>review</command-message>\n<command-args>12</command-args>",
        ),
        userPrompt("<local-command-stdout>Reviewed.</local-command-stdout>"),
        userPrompt("first real prompt\n\n```js\nconst x = `tick`;\n```"),
        assistantResponse({ input: 10 }, [bash, read]),
        toolResult(bash.id, "Exit code 1", {
          message: {
            role: "user",
            content: [{ type: "tool_result", tool_use_id: bash.id, content: "Exit code 1", is_error: true }],
          },
        }),
        toolResult(read.id, "File does not exist.", {
          message: {
            role: "user",
            content: [{ type: "tool_result", tool_use_id: read.id, content: "File does not exist.", is_error: true }],
          },
        }),
        compactBoundary(100_000, 5_000),
        compactSummary("This session is being continued from a previous conversation."),
        userPrompt("<system-reminder>files changed</system-reminder>"),
        userPrompt("second real prompt"),
        assistantResponse({ input: 12 }, [text("done")]),
      ]),
    );
    const facts = readFacts(path);
    expect(facts.prompts.map((prompt) => [prompt.text, prompt.command])).toEqual([
      ["/review 12", true],
      ["first real prompt\n\n```js\nconst x = `tick`;\n```", false],
      ["second real prompt", false],
    ]);
    expect(facts.commands).toEqual([
      expect.objectContaining({ command: "false", ok: false, output: { text: "Exit code 1", chars: 11 } }),
    ]);
    expect(facts.errors).toEqual([
      expect.objectContaining({
        source: "Read /elsewhere/notes.txt",
        message: { text: "File does not exist.", chars: 20 },
      }),
    ]);
    expect(facts.files).toEqual([
      { path: "/elsewhere/notes.txt", reads: 1, edits: 0, writes: 0, added: 0, removed: 0 },
    ]);
  });
});

describe("facts read incrementally", () => {
  it("give the same facts as one cold read, whatever byte positions the file grew at", () => {
    const bytes = readFileSync(fixturePath("busy-session"));
    const dir = tempDir();
    for (const cuts of [[1, 2_000, 50_000], [17, 60_001, 60_002, 150_000], [bytes.length - 5]]) {
      const path = join(dir, `grow-${cuts[0]}.jsonl`);
      writeFileSync(path, "");
      const warm = factsReader();
      let written = 0;
      for (const cut of [...cuts, bytes.length]) {
        appendFileSync(path, bytes.subarray(written, cut));
        written = cut;
        readFacts(path, warm);
      }
      expect(readFacts(path, warm)).toEqual(readFacts(path));
      expect(warm.read(path).parsedBytes).toBe(0);
    }
  });
});
