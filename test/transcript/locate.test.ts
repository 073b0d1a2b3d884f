import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeSessionState } from "../../src/claude/session-state.ts";
import { locateTranscript, TranscriptNotFoundError } from "../../src/transcript/locate.ts";
import { fakeRuntime, tempDir, writeTranscript } from "../support/runtime.ts";

const PROJECT = "/home/me/my.app";
const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const C = "cccccccc-0000-4000-8000-000000000003";

describe("locateTranscript", () => {
  let config: string;
  beforeEach(() => {
    config = tempDir();
  });
  const runtime = (
    env: Record<string, string> = {},
    pids: number[] = [],
    startedAt = new Date("2026-01-01T00:00:00Z"),
  ) => fakeRuntime({ env: { CLAUDE_CONFIG_DIR: config, ...env }, pids, startedAt, cwd: "/elsewhere" });

  it("encodes the project folder as Claude Code does", () => {
    const path = writeTranscript(config, PROJECT, A, "");
    expect(path).toContain(join("projects", "-home-me-my-app", `${A}.jsonl`));
  });

  it("takes an explicit transcript path first", () => {
    const path = writeTranscript(config, PROJECT, A, "");
    const found = locateTranscript({ transcriptPath: path, sessionId: B }, runtime({ CLAUDE_CODE_SESSION_ID: B }));
    expect(found).toMatchObject({ path, sessionId: A, source: "transcript-path", guessed: false });
  });

  it("answers with the absolute path of a relative transcript path, taken from the working folder", () => {
    const path = writeTranscript(config, PROJECT, A, "");
    const found = locateTranscript(
      { transcriptPath: relative(config, path) },
      fakeRuntime({ env: { CLAUDE_CONFIG_DIR: config }, cwd: config }),
    );
    expect(found).toMatchObject({ path, sessionId: A, source: "transcript-path" });
  });

  it("finds an explicit session id in its project, or in any project", () => {
    const inProject = writeTranscript(config, PROJECT, A, "");
    const elsewhere = writeTranscript(config, "/other/project", B, "");
    const env = { CLAUDE_PROJECT_DIR: PROJECT };
    expect(locateTranscript({ sessionId: A }, runtime(env))).toMatchObject({ path: inProject, source: "session-id" });
    expect(locateTranscript({ sessionId: B }, runtime(env))).toMatchObject({ path: elsewhere, source: "session-id" });
  });

  it("uses the session Claude Code started the server with", () => {
    writeTranscript(config, PROJECT, B, "");
    const mine = writeTranscript(config, PROJECT, A, "");
    const found = locateTranscript({}, runtime({ CLAUDE_CODE_SESSION_ID: A, CLAUDE_PROJECT_DIR: PROJECT }));
    expect(found).toMatchObject({ path: mine, sessionId: A, source: "env", guessed: false });
  });

  it("prefers the parent Claude Code process's newer session file after /clear", () => {
    writeTranscript(config, PROJECT, A, "");
    const current = writeTranscript(config, PROJECT, B, "");
    mkdirSync(join(config, "sessions"), { recursive: true });
    writeFileSync(join(config, "sessions", "4242.json"), JSON.stringify({ pid: 4242, sessionId: B, cwd: PROJECT }));
    const env = { CLAUDE_CODE_SESSION_ID: A, CLAUDE_PROJECT_DIR: PROJECT };
    const found = locateTranscript({}, runtime(env, [100, 4242]));
    expect(found).toMatchObject({ path: current, sessionId: B, source: "claude-process" });
  });

  it("keeps the env session when the process file is older than the server", () => {
    const mine = writeTranscript(config, PROJECT, A, "");
    writeTranscript(config, PROJECT, B, "");
    mkdirSync(join(config, "sessions"), { recursive: true });
    const file = join(config, "sessions", "4242.json");
    writeFileSync(file, JSON.stringify({ pid: 4242, sessionId: B, cwd: PROJECT }));
    utimesSync(file, new Date("2025-06-01T00:00:00Z"), new Date("2025-06-01T00:00:00Z"));
    const found = locateTranscript({}, runtime({ CLAUDE_CODE_SESSION_ID: A, CLAUDE_PROJECT_DIR: PROJECT }, [4242]));
    expect(found).toMatchObject({ path: mine, source: "env" });
  });

  it("prefers the state a hook wrote for this Claude Code process when it is newest", () => {
    writeTranscript(config, PROJECT, A, "");
    const current = writeTranscript(config, PROJECT, C, "");
    const rt = runtime({ CLAUDE_CODE_SESSION_ID: A, CLAUDE_PROJECT_DIR: PROJECT }, [4242]);
    writeSessionState(rt, {
      version: 1,
      claudePid: 4242,
      sessionId: C,
      transcriptPath: current,
      cwd: PROJECT,
      modelId: "claude-opus-4-8[1m]",
      contextWindowSize: 1_000_000,
      writtenBy: "hook:SessionStart",
      updatedAt: "2026-01-01T00:05:00.000Z",
    });
    expect(locateTranscript({}, rt)).toMatchObject({ path: current, sessionId: C, source: "hook-state" });
  });

  it("guesses the newest main transcript of the project, and says so", () => {
    const older = writeTranscript(config, PROJECT, A, "");
    utimesSync(older, new Date("2025-01-01"), new Date("2025-01-01"));
    const newer = writeTranscript(config, PROJECT, B, "");
    writeTranscript(config, PROJECT, "agent-123", "");
    const found = locateTranscript({ projectDir: PROJECT }, runtime());
    expect(found).toMatchObject({ path: newer, sessionId: B, source: "newest-in-project", guessed: true });
  });

  it("says where it looked and what to pass when nothing is found", () => {
    let error: unknown;
    try {
      locateTranscript({ projectDir: PROJECT }, runtime());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TranscriptNotFoundError);
    expect((error as Error).message).toContain(join(config, "projects", "-home-me-my-app"));
    // Worded for the tools; the CLI words it with its flags (test/cli/option-values.test.ts).
    expect((error as Error).message).toContain("pass session_id or transcript_path");
  });

  it("names a missing explicit session and where it searched", () => {
    expect(() => locateTranscript({ sessionId: C }, runtime({ CLAUDE_PROJECT_DIR: PROJECT }))).toThrow(
      new RegExp(`no transcript for session ${C} under ${config}`),
    );
  });

  it("says whether an explicit transcript path is missing or a folder", () => {
    const folder = tempDir();
    expect(() => locateTranscript({ transcriptPath: join(folder, "gone.jsonl") }, runtime())).toThrow(
      `${join(folder, "gone.jsonl")} does not exist; pass a session's .jsonl file`,
    );
    expect(() => locateTranscript({ transcriptPath: folder }, runtime())).toThrow(
      `${folder} is a folder, not a transcript file`,
    );
  });
});
