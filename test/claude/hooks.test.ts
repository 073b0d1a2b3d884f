import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { handoffPointer, MAX_POINTER_CHARS } from "../../src/claude/hooks/handoff-pointer.ts";
import { parseHookInput } from "../../src/claude/hooks/hook-input.ts";
import { usageWarning } from "../../src/claude/hooks/usage-warning.ts";
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
  const markdown = [
    "# Handoff",
    "",
    "## Your notes",
    "",
    "### Next steps",
    "",
    "1. Finish the parser",
    "",
    "### Open questions",
    "",
    "Which format?",
    "",
    "## Prompts",
    "",
    "### Prompt 1 — 2026-01-01T00:00:00Z",
    "",
    "```text",
    "Build a parser for ```odd``` input.",
    "```",
    "",
    "### Prompt 2",
    "",
    "```text",
    "second",
    "```",
  ].join("\n");

  it("points at the file with the first prompt verbatim, the next steps and the open questions", () => {
    const text = handoffPointer("/p/.claude/handoffs/h.md", markdown, "manual");
    expect(text).toContain("compacted (manual)");
    expect(text).toContain("/p/.claude/handoffs/h.md");
    expect(text).toContain("Build a parser for ```odd``` input.");
    expect(text).not.toContain("second");
    expect(text).toContain("1. Finish the parser");
    expect(text).toContain("Which format?");
  });

  it("stays under Claude Code's 10,000-character limit for SessionStart output", () => {
    const huge = markdown.replace("Build a parser", "x".repeat(50_000)).replace("Which format?", "y".repeat(50_000));
    expect(handoffPointer("/h.md", huge, null).length).toBeLessThanOrEqual(MAX_POINTER_CHARS);
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

  it("pre-compact writes a handoff marked as automatic; the next session-start points at it once", () => {
    const { project, truth, hook } = setup();
    expect(hook("pre-compact", { hook_event_name: "PreCompact", trigger: "manual", custom_instructions: "" })).toBe("");
    const handoffs = readdirSync(join(project, ".claude", "handoffs")).filter((name) => name.endsWith(".md"));
    expect(handoffs).toEqual([
      expect.stringMatching(new RegExp(`-${truth.sessionId.replace(/-/g, "").slice(0, 8)}-pre-compact\\.md$`)),
    ]);
    const document = readFileSync(join(project, ".claude", "handoffs", handoffs[0]!), "utf8");
    expect(document).toContain("Written automatically by the ctx-monitor PreCompact hook");
    expect(document).toContain(truth.prompts[0]);

    const pointer = hook("session-start", {
      hook_event_name: "SessionStart",
      source: "resume",
      model: "claude-sonnet-4-5",
    });
    expect(pointer).toContain(join(project, ".claude", "handoffs", handoffs[0]!));
    expect(pointer).toContain(truth.prompts[0]);
    expect(pointer.length).toBeLessThan(10_000);
    expect(hook("session-start", { hook_event_name: "SessionStart", source: "resume" })).toBe("");
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
