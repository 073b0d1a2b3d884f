import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  firstPromptOfHandoff,
  handoffPointer,
  MAX_POINTER_CHARS,
} from "../../src/integration/hooks/handoff-pointer.ts";
import { parseHookInput } from "../../src/integration/hooks/hook-input.ts";
import { usageWarning } from "../../src/integration/hooks/usage-warning.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

describe("usageWarning: once per crossing", () => {
  const usage = (status: "ok" | "warn" | "critical") => ({ status, summary: `at ${status}.`, subagent: null });
  it.each([
    ["ok", "ok", false, "ok"],
    ["warn", "ok", true, "warn"],
    ["warn", "warn", false, "warn"],
    ["critical", "warn", true, "critical"],
    ["critical", "critical", false, "critical"],
    ["ok", "critical", false, "ok"], // after a compaction: re-armed
    ["warn", "critical", false, "warn"],
  ] as const)("%s after having warned at %s", (status, warned, speaks, remembered) => {
    const decision = usageWarning(usage(status), warned);
    expect(decision.text !== null).toBe(speaks);
    expect(decision.warnedStatus).toBe(remembered);
    if (speaks) expect(decision.text).toContain("write_handoff");
  });
});

describe("handoffPointer", () => {
  const input = {
    trigger: "manual",
    handoffPath: "/p/.claude/handoffs/h-pre-compact.md",
    earlierHandoff: null,
    transcriptPath: "/t.jsonl",
    firstPrompt: "Build a parser for ```odd``` input.",
    notes: {
      nextSteps: "1. Finish the parser",
      openQuestions: "Which format?",
      from: "/p/.claude/handoffs/h-plan.md",
      writtenAt: "2026-01-01T00:00:00.000Z",
    },
    losses: null,
    compactions: 1,
  };

  it("points at the file with the first prompt verbatim, the agent's next steps (and where they come from) and the open questions", () => {
    const text = handoffPointer(input);
    expect(text).toContain("compacted (manual)");
    expect(text).toContain("/p/.claude/handoffs/h-pre-compact.md");
    expect(text).toContain("Build a parser for ```odd``` input.");
    expect(text).toContain("1. Finish the parser");
    expect(text).toContain("in /p/.claude/handoffs/h-plan.md, written 2026-01-01T00:00:00.000Z");
    expect(text).toContain("Which format?");
  });

  it("without a handoff for this compaction, says so and names the transcript and the newest earlier handoff", () => {
    const text = handoffPointer({ ...input, handoffPath: null, earlierHandoff: "/p/.claude/handoffs/old.md" });
    expect(text).toContain("No handoff was written for it");
    expect(text).toContain("/p/.claude/handoffs/old.md");
    expect(text).toContain("/t.jsonl");
  });

  it("says when Claude Code compacted more than once since the last pointer", () => {
    expect(handoffPointer({ ...input, compactions: 2 })).toContain("2 times since the last pointer");
  });

  it("stays under Claude Code's 10,000-character limit for SessionStart output", () => {
    const huge = "x".repeat(50_000);
    const text = handoffPointer({
      ...input,
      firstPrompt: huge,
      notes: { ...input.notes, nextSteps: huge, openQuestions: huge },
      losses: huge,
    });
    expect(text.length).toBeLessThanOrEqual(MAX_POINTER_CHARS);
    expect(text).toContain("/p/.claude/handoffs/h-pre-compact.md");
  });
});

describe("firstPromptOfHandoff", () => {
  it("reads the first prompt from a handoff's fenced block, fences inside it included", () => {
    const markdown =
      "## Prompts\n\n### Prompt 1 — 2026\n\n````text\nBuild ```odd``` input.\n````\n\n### Prompt 2\n\n```text\nsecond\n```";
    expect(firstPromptOfHandoff(markdown)).toBe("Build ```odd``` input.");
  });
});

describe("parseHookInput", () => {
  it("reads what 2.1.197 sends, and refuses what has no session", () => {
    expect(
      parseHookInput(
        JSON.stringify({
          session_id: "s",
          transcript_path: "/t.jsonl",
          cwd: "/p",
          hook_event_name: "SessionStart",
          source: "compact",
          model: "claude-opus-4-8[1m]",
        }),
      ),
    ).toMatchObject({ sessionId: "s", source: "compact", model: "claude-opus-4-8[1m]" });
    expect(parseHookInput(JSON.stringify({ session_id: "s", model: { id: "m" } }))?.model).toBe("m");
    expect(parseHookInput("not json")).toBeNull();
  });
});

describe("ctx-monitor hook (the installed executable) on a real transcript", () => {
  function setup() {
    const dir = tempDir();
    const project = join(dir, "project");
    mkdirSync(project);
    const transcript = stageFixture("compacted-session", dir);
    const truth = fixtureTruth("compacted-session");
    const state = join(dir, "state");
    const hook = (event: string, input: Record<string, unknown>, env: Record<string, string> = {}) =>
      execFileSync(process.execPath, [BIN_PATH, "hook", event], {
        input: JSON.stringify({ session_id: truth.sessionId, transcript_path: transcript, cwd: project, ...input }),
        env: { PATH: process.env.PATH, HOME: dir, CTX_MONITOR_STATE_DIR: state, ...env },
        encoding: "utf8",
      });
    return { dir, project, transcript, truth, state, hook };
  }

  /** What Claude Code appends once a compaction is done: its boundary, then its summary record. */
  function appendCompaction(transcript: string, summary: string): void {
    const at = new Date().toISOString();
    appendFileSync(
      transcript,
      `${JSON.stringify({ type: "system", subtype: "compact_boundary", isSidechain: false, uuid: `b-${at}`, timestamp: at, compactMetadata: { trigger: "manual", preTokens: 40_000, postTokens: 3_000 } })}\n` +
        `${JSON.stringify({ type: "user", isSidechain: false, isCompactSummary: true, uuid: `s-${at}`, timestamp: at, message: { role: "user", content: summary } })}\n`,
    );
  }

  const preCompactInput = { hook_event_name: "PreCompact", trigger: "manual", custom_instructions: "" };
  const compactStart = { hook_event_name: "SessionStart", source: "compact", model: "claude-sonnet-4-5" };
  const preCompacts = (project: string) =>
    readdirSync(join(project, ".claude", "handoffs"))
      .filter((name) => /-pre-compact(-\d+)?\.md$/.test(name))
      .sort()
      .map((name) => join(project, ".claude", "handoffs", name));

  it("pre-compact writes a handoff marked as automatic; once the compaction is in the transcript (-p), the next session-start points at it once, with what the summary dropped", () => {
    const { project, transcript, truth, hook } = setup();
    expect(hook("pre-compact", preCompactInput)).toBe("");
    const [handoff, ...more] = preCompacts(project);
    expect(more).toEqual([]);
    expect(handoff).toMatch(new RegExp(`-${truth.sessionId.replace(/-/g, "").slice(0, 8)}-pre-compact\\.md$`));
    const document = readFileSync(handoff!, "utf8");
    expect(document).toContain("Written automatically by the ctx-monitor PreCompact hook");
    expect(document).toContain(truth.prompts[0]);

    appendCompaction(transcript, `Summary: the user asked: ${truth.prompts[0]}`);
    const pointer = hook("session-start", {
      hook_event_name: "SessionStart",
      source: "resume",
      model: "claude-sonnet-4-5",
    });
    expect(pointer).toContain(handoff);
    expect(pointer).toContain(truth.prompts[0]);
    expect(pointer).toContain(`summary dropped 1 of 2 facts`);
    expect(pointer).toContain(truth.prompts[1]);
    expect(pointer.length).toBeLessThan(10_000);
    expect(readFileSync(handoff!.replace(/\.md$/, ".lost.txt"), "utf8")).toContain(truth.prompts[1]);
    expect(hook("session-start", { hook_event_name: "SessionStart", source: "resume" })).toBe("");
  });

  it("session-start with source compact points at the handoff before the compaction is in the transcript (the interactive client's order)", () => {
    const { project, truth, hook } = setup();
    // The session was pointed past its earlier compaction already.
    hook("session-start", { hook_event_name: "SessionStart", source: "resume" });
    hook("pre-compact", preCompactInput);
    const pointer = hook("session-start", compactStart);
    expect(pointer).toContain(`compacted (manual)`);
    expect(pointer).toContain(preCompacts(project)[0]);
    expect(pointer).toContain(truth.prompts[0]);
    expect(hook("session-start", { hook_event_name: "SessionStart", source: "resume" })).toBe("");
  });

  it("a second PreCompact for the same compaction (prepared again, retried) writes no second handoff", () => {
    const { project, hook } = setup();
    hook("pre-compact", { ...preCompactInput, trigger: "auto" });
    hook("pre-compact", { ...preCompactInput, trigger: "auto" });
    hook("pre-compact", preCompactInput);
    expect(preCompacts(project)).toHaveLength(1);
  });

  it("post-compact writes what Claude Code's summary dropped beside the handoff; the next prompt carries it once", () => {
    const { project, truth, hook } = setup();
    hook("pre-compact", preCompactInput);
    hook("session-start", compactStart);
    expect(
      hook("post-compact", {
        hook_event_name: "PostCompact",
        trigger: "manual",
        compact_summary: `Asked: ${truth.prompts[0]}`,
      }),
    ).toBe("");
    const [handoff] = preCompacts(project);
    const lost = readFileSync(handoff!.replace(/\.md$/, ".lost.txt"), "utf8");
    expect(lost).toContain(`against the handoff ${handoff}`);
    expect(lost).toContain(truth.prompts[1]);
    expect(lost).not.toContain(JSON.stringify(truth.prompts[0]));
    const prompt = { hook_event_name: "UserPromptSubmit", prompt: "go on" };
    const told = hook("user-prompt-submit", prompt);
    expect(told).toMatch(/^\[ctx-monitor\] Claude Code's summary dropped 1 of 2 facts/);
    expect(told).toContain(truth.prompts[1]);
    expect(hook("user-prompt-submit", prompt)).toBe("");
  });

  it.each([
    ["missing", {}, "was not found"],
    ["empty", { compact_summary: "" }, "is empty"],
    ["huge", { compact_summary: "summary words ".repeat(150_000) }, "its first 1000000 were compared"],
  ])("a %s summary gets a clear line, not a crash", (_what, summary, expected) => {
    const { transcript, hook } = setup();
    // No summary record either: the transcript's compaction has none after its boundary.
    writeFileSync(
      transcript,
      readFileSync(transcript, "utf8").replace(/"isCompactSummary":true/g, '"isCompactSummary":false'),
    );
    hook("pre-compact", preCompactInput);
    hook("session-start", compactStart);
    expect(hook("post-compact", { hook_event_name: "PostCompact", trigger: "manual", ...summary })).toBe("");
    expect(hook("user-prompt-submit", { hook_event_name: "UserPromptSubmit", prompt: "go on" })).toContain(expected);
  });

  it("a compaction with no handoff (the PreCompact hook failed) is said to have none, with the transcript to read instead", () => {
    const { transcript, hook } = setup();
    hook("session-start", { hook_event_name: "SessionStart", source: "resume" });
    const pointer = hook("session-start", compactStart);
    expect(pointer).toContain("No handoff was written for it");
    expect(pointer).toContain(transcript);
    hook("post-compact", { hook_event_name: "PostCompact", trigger: "manual", compact_summary: "Summary." });
    expect(hook("user-prompt-submit", { hook_event_name: "UserPromptSubmit", prompt: "go on" })).toContain(
      "no handoff was written before this compaction",
    );
  });

  it("the pointer's notes are the agent's own, from the record beside the handoff that holds them, not the newest handoff's Markdown", () => {
    const { project, transcript, state, dir, hook } = setup();
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [BIN_PATH, "handoff", "--transcript", transcript, "--project", project, ...args], {
        env: { PATH: process.env.PATH, HOME: dir, CTX_MONITOR_STATE_DIR: state },
        encoding: "utf8",
      });
    cli("--name", "notes", "--next", "Finish the parser", "--questions", "Which format?");
    // A bare handoff after it (no notes of its own): it carries the notes forward, but they are not its.
    cli("--name", "zbare");
    const folder = join(project, ".claude", "handoffs");
    const [own] = readdirSync(folder).filter((name) => name.endsWith("-notes.md"));
    hook("pre-compact", preCompactInput);
    const pointer = hook("session-start", compactStart);
    expect(pointer).toContain("Finish the parser");
    expect(pointer).toContain("Which format?");
    expect(pointer).toContain(`(in ${join(folder, own!)}, written `);
  });

  it("two compactions in a row: each gets its own handoff, and the second pointer names the second", () => {
    const { project, hook } = setup();
    hook("pre-compact", preCompactInput);
    hook("session-start", compactStart);
    hook("post-compact", { hook_event_name: "PostCompact", trigger: "manual", compact_summary: "First summary." });
    hook("pre-compact", preCompactInput);
    const second = hook("session-start", compactStart);
    const handoffs = preCompacts(project);
    expect(handoffs).toHaveLength(2);
    const newest = handoffs.find((path) => second.includes(path));
    expect(newest).toBeDefined();
    expect(second).not.toContain(handoffs.find((path) => path !== newest)!);
  });

  it("after a `cd` in the session's shell, keeps handoffs and the session's project at CLAUDE_PROJECT_DIR", () => {
    // As 2.1.332 runs hooks after a Bash call ran `cd sub`: the input's cwd is sub, CLAUDE_PROJECT_DIR the project.
    const { project, state, hook } = setup();
    const sub = join(project, "sub");
    mkdirSync(sub);
    const env = { CLAUDE_PROJECT_DIR: project };
    hook("pre-compact", { cwd: sub, hook_event_name: "PreCompact", trigger: "auto", custom_instructions: "" }, env);
    expect(readdirSync(join(project, ".claude", "handoffs")).filter((name) => name.endsWith(".md"))).toHaveLength(1);
    expect(existsSync(join(sub, ".claude"))).toBe(false);
    const pointer = hook("session-start", { cwd: sub, hook_event_name: "SessionStart", source: "compact" }, env);
    expect(pointer).toContain(join(project, ".claude", "handoffs"));
    const [file] = readdirSync(join(state, "sessions"));
    expect(JSON.parse(readFileSync(join(state, "sessions", file!), "utf8"))).toMatchObject({ cwd: project });
  });

  it("user-prompt-submit and post-tool-use warn once per crossing, and not below the threshold", () => {
    const { hook } = setup();
    const prompt = { hook_event_name: "UserPromptSubmit", prompt: "go on" };
    expect(hook("user-prompt-submit", prompt)).toBe("");
    const warn = { CTX_MONITOR_WARN_PERCENT: "10", CTX_MONITOR_CRITICAL_PERCENT: "95" };
    expect(hook("user-prompt-submit", prompt, warn)).toMatch(/^\[ctx-monitor\] Context warn: .*write_handoff/);
    expect(hook("user-prompt-submit", prompt, warn)).toBe("");
    const critical = { CTX_MONITOR_WARN_PERCENT: "5", CTX_MONITOR_CRITICAL_PERCENT: "10" };
    const json = JSON.parse(hook("post-tool-use", { hook_event_name: "PostToolUse", tool_name: "Bash" }, critical)) as {
      hookSpecificOutput: { hookEventName: string; additionalContext: string };
    };
    expect(json.hookSpecificOutput.hookEventName).toBe("PostToolUse");
    expect(json.hookSpecificOutput.additionalContext).toContain("Context critical");
    expect(hook("post-tool-use", { hook_event_name: "PostToolUse" }, critical)).toBe("");
  });

  it.each([
    ["an unknown event", "stop", "{}"],
    ["input that is not JSON", "user-prompt-submit", "{not json"],
  ])("exits 0 with nothing on stdout on %s, and logs a line under the state dir", (_what, event, input) => {
    const dir = tempDir();
    const stdout = execFileSync(process.execPath, [BIN_PATH, "hook", event], {
      input,
      env: { PATH: process.env.PATH, HOME: dir },
      encoding: "utf8",
    });
    expect(stdout).toBe("");
    const log = readFileSync(join(dir, ".claude", "ctx-monitor", "hooks.log"), "utf8");
    expect(log).toMatch(new RegExp(`^\\S+Z hook ${event}: .+\\n$`));
  });

  it("with the state folder set under /proc, answers at once with nothing on stdout and exit 0 (a recursive mkdir there never returns)", () => {
    if (!existsSync("/proc/self")) return;
    const { hook, truth } = setup();
    for (const event of ["session-start", "user-prompt-submit", "pre-compact"]) {
      // execFileSync throws on a non-zero exit; the timeout turns a hang into a failure instead of a stuck run.
      const stdout = execFileSync(process.execPath, [BIN_PATH, "hook", event], {
        input: JSON.stringify({ session_id: truth.sessionId, hook_event_name: event }),
        env: { PATH: process.env.PATH, HOME: tempDir(), CTX_MONITOR_STATE_DIR: "/proc/ctx-monitor-state" },
        encoding: "utf8",
        timeout: 20_000,
        killSignal: "SIGKILL",
      });
      expect(stdout, event).toBe("");
    }
  });
});
