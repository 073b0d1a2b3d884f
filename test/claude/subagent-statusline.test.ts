// The subagent statusline: the agent panel's input as 2.1.197 and 2.1.332 send it, each subagent row
// answered with that subagent's own context from its transcript (a real-client fixture), nothing for rows
// it cannot read, and the command as Claude Code runs it (the built bin, stdin in, JSON lines out).
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSubagentStatuslineInput } from "../../src/claude/subagent-statusline-input.ts";
import { subagentStatuslineText } from "../../src/commands/subagent-statusline.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");
const AGENT = "a001000000000001";

/** A task row as 2.1.197 sends it; 2.1.332 adds `agentType`, `model` and `contextWindowSize`. */
const task = (overrides: Record<string, unknown> = {}) => ({
  id: AGENT,
  type: "local_agent",
  status: "running",
  description: "Review the fix",
  label: "Review the fix",
  startTime: 1796413631928,
  tokenCount: 167715,
  tokenSamples: [167077, 167715],
  cwd: "/home/user/project",
  ...overrides,
});

const inputJson = (transcriptPath: string, tasks: unknown[]) =>
  JSON.stringify({
    session_id: fixtureTruth("busy-session").sessionId,
    transcript_path: transcriptPath,
    cwd: "/home/user/project",
    prompt_id: "cf50d7d6-f504-4859-8f90-7a5bbad03aa6",
    columns: 196,
    tasks,
  });

const rowsOf = (text: string) =>
  text
    .split("\n")
    .filter((line) => line)
    .map((line) => JSON.parse(line) as { id: string; content: string });

const plain = fakeRuntime({ env: { NO_COLOR: "1", LANG: "C.UTF-8" } });

describe("subagent statusline input", () => {
  it("reads each row's id, label and, from 2.1.332, the model's window; skips rows without an id", () => {
    const input = parseSubagentStatuslineInput(
      inputJson("/p/s.jsonl", [
        task(),
        task({ id: "b2", label: undefined, model: "claude-opus-5-5", contextWindowSize: 1_000_000 }),
        { type: "local_bash" },
        "not a task",
      ]),
    );
    expect(input).toEqual({
      sessionId: fixtureTruth("busy-session").sessionId,
      transcriptPath: "/p/s.jsonl",
      cwd: "/home/user/project",
      rows: [
        { id: AGENT, type: "local_agent", label: "Review the fix", modelId: null, contextWindowSize: null },
        {
          id: "b2",
          type: "local_agent",
          label: "Review the fix",
          modelId: "claude-opus-5-5",
          contextWindowSize: 1_000_000,
        },
      ],
    });
    expect(parseSubagentStatuslineInput("{oops")).toBeNull();
    expect(parseSubagentStatuslineInput(JSON.stringify({ tasks: [] }))).toBeNull();
  });
});

describe("subagent statusline rows", () => {
  it("shows the subagent's own newest request against its window, led by its label, not the main session's", async () => {
    const transcript = stageFixture("busy-session", tempDir());
    const truth = fixtureTruth("busy-session");
    const rows = rowsOf(await subagentStatuslineText(inputJson(transcript, [task()]), plain));
    const subagentNow = truth.subagentRequestTotals.at(-1)!;
    expect(Math.round(subagentNow / 1000)).not.toBe(Math.round(truth.usedTokens / 1000));
    expect(rows).toEqual([
      {
        id: AGENT,
        content: expect.stringMatching(
          new RegExp(`^Review the fix · ${Math.round(subagentNow / 1000)}k/200k · [█░]{10} 84% of window · `),
        ),
      },
    ]);
  });

  it("counts against the window Claude Code gives for the subagent's model (2.1.332)", async () => {
    const transcript = stageFixture("busy-session", tempDir());
    const text = await subagentStatuslineText(
      inputJson(transcript, [task({ model: "claude-opus-5-5", contextWindowSize: 1_000_000 })]),
      plain,
    );
    expect(rowsOf(text)[0]?.content).toMatch(/^Review the fix · 168k\/1M · [█░]{10} 17% of window · /);
  });

  it("answers nothing for a row it cannot read: another kind of task, an unknown agent, an id leading out of the folder", async () => {
    const transcript = stageFixture("busy-session", tempDir());
    const text = await subagentStatuslineText(
      inputJson(transcript, [
        task({ id: "b9f00000000000ff" }),
        task({ id: `../../${fixtureTruth("busy-session").sessionId}` }),
        task({ id: "bash-1", type: "local_bash" }),
      ]),
      plain,
    );
    expect(text).toBe("");
    expect(await subagentStatuslineText("", plain)).toBe("");
  });

  it("runs from the installed bin as Claude Code runs it: stdin in, one JSON line per row out", () => {
    const transcript = stageFixture("busy-session", tempDir());
    const home = tempDir();
    const out = execFileSync(process.execPath, [BIN_PATH, "statusline", "--subagent"], {
      input: inputJson(transcript, [task({ label: "Review \u001b[31mthe fix" })]),
      env: { PATH: process.env.PATH ?? "", HOME: home, LANG: "C.UTF-8" },
      encoding: "utf8",
    });
    const rows = rowsOf(out);
    expect(rows).toHaveLength(1);
    // ctx-monitor's own colour (yellow: 84% is past the default warn point) around the line; the label's
    // escape does not pass.
    const content = rows[0]!.content;
    expect(content.startsWith("\u001b[33m") && content.endsWith("\u001b[0m")).toBe(true);
    const inner = content.slice("\u001b[33m".length, -"\u001b[0m".length);
    expect(inner).toMatch(/^Review the fix · 168k\/200k · /);
    expect(inner).not.toContain("\u001b");
  });
});
