// The agent's notes survive: a handoff written without notes (the PreCompact hook's, a bare
// `ctx-monitor handoff`) carries forward the agent's newest notes of the session, under the same
// headings, with when they were written and what happened since; "latest" never hides them.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUsageDeps } from "../../src/context/read-usage.ts";
import { newestAgentNotes } from "../../src/handoff/agent-notes.ts";
import { listHandoffs, readHandoff } from "../../src/handoff/store.ts";
import { createHandoffDeps, type HandoffRequest, writeHandoff } from "../../src/handoff/write-handoff.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import {
  assistantResponse,
  SESSION_ID,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

const AUTOMATIC = "Written automatically by the ctx-monitor PreCompact hook.";

/** `prompts` prompts, each followed by `calls` Bash calls and their results. */
function turns(first: number, prompts: number, calls: number): string {
  const lines: Array<string | string[]> = [];
  for (let n = first; n < first + prompts; n++) {
    lines.push(userPrompt(`prompt ${n}`));
    for (let c = 0; c < calls; c++) {
      const bash = toolUse("Bash", { command: `make step-${n}-${c}` });
      lines.push(assistantResponse({ input: 1_000 + n }, [bash]), toolResult(bash.id, "ok"));
    }
  }
  return transcript(lines);
}

function setup() {
  const home = tempDir();
  const project = join(home, "project");
  mkdirSync(project);
  let now = new Date("2026-11-24T14:02:00.000Z");
  const runtime = fakeRuntime({
    homeDir: home,
    cwd: project,
    env: { CLAUDE_CONFIG_DIR: join(home, ".claude") },
    now: () => now,
  });
  const deps = { ...createHandoffDeps(runtime, createUsageDeps(runtime)), git: async () => null };
  const transcriptPath = join(home, `${SESSION_ID}.jsonl`);
  const folder = join(project, ".claude", "handoffs");
  const write = async (request: Partial<HandoffRequest>, at: string) => {
    now = new Date(at);
    const result = await writeHandoff({ notes: {}, projectDir: project, transcriptPath, ...request }, deps);
    return { result, doc: readFileSync(result.path, "utf8") };
  };
  return { project, transcriptPath, folder, write };
}

const NOTES = {
  goal: "Ship the parser rewrite.",
  nextSteps: "1. port the lexer tests\n2. run `npm test`",
  openQuestions: "Should comments keep their positions?",
};

describe("the agent's notes carried forward", () => {
  it("an automatic handoff written later holds the agent's newest notes, when they were written and what happened since", async () => {
    const { transcriptPath, folder, write } = setup();
    writeFileSync(transcriptPath, turns(1, 3, 2));
    const own = await write({ notes: NOTES, name: "agent" }, "2026-11-24T14:02:00.000Z");
    expect(own.result.notesCarriedFrom).toBeNull();
    appendFileSync(transcriptPath, turns(4, 2, 5));
    const automatic = await write({ writtenBy: AUTOMATIC, name: "pre-compact" }, "2026-11-24T15:30:00.000Z");

    expect(automatic.result.notesCarriedFrom).toBe(own.result.path);
    // The same sections and headings as the agent's own handoff, so any reader of "latest" gets them.
    for (const heading of [
      "### Goal\n\nShip the parser rewrite.",
      `### Next steps\n\n${NOTES.nextSteps}`,
      `### Open questions\n\n${NOTES.openQuestions}`,
    ])
      expect(automatic.doc).toContain(heading);
    expect(automatic.doc).toContain(AUTOMATIC);
    expect(automatic.doc).toContain(
      `carried forward from its handoff \`${own.result.path}\`: notes from 2026-11-24 14:02 UTC, 2 prompts and 10 tool calls ago.`,
    );
    // The notes sit in the agent's notes section, above what the transcript says.
    expect(automatic.doc.indexOf("### Next steps")).toBeLessThan(automatic.doc.indexOf("## User prompts"));
    expect(automatic.doc).toContain("continue from its next steps");
    // "latest" is the automatic handoff, and it holds the notes.
    const latest = listHandoffs(folder)[0]!;
    expect(latest.path).toBe(automatic.result.path);
    expect(readHandoff(folder, latest.path)).toContain(NOTES.openQuestions);
  });

  it("a handoff written without notes carries them too; one written with notes keeps its own and is the newest source", async () => {
    const { transcriptPath, write } = setup();
    writeFileSync(transcriptPath, turns(1, 2, 1));
    const first = await write({ notes: NOTES }, "2026-11-24T14:02:00.000Z");
    const bare = await write({}, "2026-11-24T14:10:00.000Z");
    expect(bare.result.notesCarriedFrom).toBe(first.result.path);
    expect(bare.doc).toContain(`### Next steps\n\n${NOTES.nextSteps}`);
    expect(bare.doc).not.toContain(AUTOMATIC);
    expect(bare.doc).toContain("0 prompts and 0 tool calls ago");

    const second = await write({ notes: { nextSteps: "3. write the docs" } }, "2026-11-24T14:20:00.000Z");
    expect(second.result.notesCarriedFrom).toBeNull();
    expect(second.doc).not.toContain(NOTES.nextSteps);
    const third = await write({ writtenBy: AUTOMATIC }, "2026-11-24T14:30:00.000Z");
    expect(third.result.notesCarriedFrom).toBe(second.result.path);
    expect(third.doc).toContain("### Next steps\n\n3. write the docs");
    expect(third.doc).not.toContain(NOTES.goal);
  });

  it("with no notes of the agent in the session, says so and carries nothing from another session", async () => {
    const { transcriptPath, folder, write } = setup();
    writeFileSync(transcriptPath, turns(1, 1, 1));
    const other = join(folder, "..", "other.jsonl");
    const automatic = await write({ writtenBy: AUTOMATIC }, "2026-11-24T14:02:00.000Z");
    expect(automatic.result.notesCarriedFrom).toBeNull();
    expect(automatic.doc).toContain("The agent has not written notes in this session");
    // Notes of another session in the same folder are not this session's.
    writeFileSync(other, turns(1, 1, 1).replaceAll(SESSION_ID, "99999999-2222-4333-8444-555555555555"));
    await write({ transcriptPath: other, notes: NOTES }, "2026-11-24T14:05:00.000Z");
    const again = await write({ writtenBy: AUTOMATIC }, "2026-11-24T14:10:00.000Z");
    expect(again.result.notesCarriedFrom).toBeNull();
  });

  it("finds the newest notes by their record, passing over one whose handoff is gone and one planted as a symlink", async () => {
    const { transcriptPath, folder, write } = setup();
    writeFileSync(transcriptPath, turns(1, 1, 1));
    const older = await write({ notes: { nextSteps: "older" } }, "2026-11-24T14:00:00.000Z");
    const newer = await write({ notes: { nextSteps: "newer" } }, "2026-11-24T14:05:00.000Z");
    expect(newestAgentNotes(folder, SESSION_ID)?.notes.nextSteps).toBe("newer");
    unlinkSync(newer.result.path);
    expect(newestAgentNotes(folder, SESSION_ID)?.handoffPath).toBe(older.result.path);
    // A record planted as a link to a file elsewhere is not read.
    const outside = join(folder, "..", "planted.json");
    writeFileSync(
      outside,
      JSON.stringify({ sessionId: SESSION_ID, writtenAt: "2026-11-24T15:00:00Z", notes: { nextSteps: "planted" } }),
    );
    writeFileSync(join(folder, "2026-11-24T15-00-00Z-11111111.md"), "# planted\n");
    symlinkSync(outside, join(folder, ".2026-11-24T15-00-00Z-11111111.notes.json"));
    expect(newestAgentNotes(folder, SESSION_ID)?.notes.nextSteps).toBe("older");
    expect(readdirSync(folder).filter((name) => name.endsWith(".notes.json"))).toHaveLength(3);
  });
});

describe("the PreCompact hook (the installed executable) after `ctx-monitor handoff` with notes", () => {
  it("writes an automatic handoff that holds the agent's next steps and open questions", () => {
    const dir = tempDir();
    const project = join(dir, "project");
    mkdirSync(project);
    const transcriptPath = stageFixture("compacted-session", dir);
    const truth = fixtureTruth("compacted-session");
    const env = { PATH: process.env.PATH, HOME: dir, CTX_MONITOR_STATE_DIR: join(dir, "state") };
    execFileSync(
      process.execPath,
      [
        CLI_PATH,
        "handoff",
        "--transcript",
        transcriptPath,
        "--project",
        project,
        "--next",
        NOTES.nextSteps,
        "--questions",
        NOTES.openQuestions,
      ],
      { env, encoding: "utf8" },
    );
    execFileSync(process.execPath, [CLI_PATH, "hook", "pre-compact"], {
      input: JSON.stringify({
        session_id: truth.sessionId,
        transcript_path: transcriptPath,
        cwd: project,
        hook_event_name: "PreCompact",
        trigger: "auto",
      }),
      env,
      encoding: "utf8",
    });
    const folder = join(project, ".claude", "handoffs");
    const latest = listHandoffs(folder)[0]!;
    expect(latest.name).toMatch(/-pre-compact\.md$/);
    const doc = readHandoff(folder, latest.path);
    expect(doc).toContain("Written automatically by the ctx-monitor PreCompact hook");
    expect(doc).toContain(`### Next steps\n\n${NOTES.nextSteps}`);
    expect(doc).toContain(`### Open questions\n\n${NOTES.openQuestions}`);
  });
});
