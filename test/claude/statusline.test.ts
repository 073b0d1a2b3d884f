import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStatuslineInput } from "../../src/claude/statusline-input.ts";
import type { ContextUsage } from "../../src/context/usage.ts";
import {
  lineStyle,
  renderStatusline,
  type StatuslineFacts,
  statuslineFigures,
} from "../../src/integration/statusline.ts";
import { terminalText } from "../../src/present/safe-text.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

/** Shaped as Claude Code 2.1.197 sends it (see CLAUDE_CODE_FACTS.md). */
function statuslineJson(overrides: Record<string, unknown> = {}, window: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: "5b1c0d7e-0000-4000-8000-000000000001",
    transcript_path: "/nonexistent/5b1c0d7e.jsonl",
    cwd: "/nonexistent-project",
    model: { id: "claude-opus-4-8[1m]", display_name: "Opus 4.8 (1M context)" },
    version: "2.1.332",
    cost: { total_cost_usd: 0.12 },
    context_window: {
      total_input_tokens: 152_000,
      total_output_tokens: 900,
      context_window_size: 1_000_000,
      current_usage: {
        input_tokens: 10,
        output_tokens: 900,
        cache_creation_input_tokens: 2_000,
        cache_read_input_tokens: 150_000,
      },
      used_percentage: 15,
      remaining_percentage: 85,
      ...window,
    },
    exceeds_200k_tokens: false,
    ...overrides,
  });
}

const facts = (input: string, usage: Partial<ContextUsage> | null = null, env = {}): StatuslineFacts => ({
  input: parseStatuslineInput(input)!,
  usage: usage as ContextUsage | null,
  env,
  compactSettings: {},
  thresholds: { warnPercent: 75, criticalPercent: 90 },
});

describe("statusline input", () => {
  it("reads the window, the exact current usage and the model with [1m]", () => {
    expect(parseStatuslineInput(statuslineJson())).toMatchObject({
      sessionId: "5b1c0d7e-0000-4000-8000-000000000001",
      modelId: "claude-opus-4-8[1m]",
      contextWindowSize: 1_000_000,
      currentUsage: 152_010,
      usedPercentage: 15,
    });
  });

  it("accepts an older version without context_window, and refuses input without a session", () => {
    const { context_window: _, ...older } = JSON.parse(statuslineJson()) as Record<string, unknown>;
    expect(parseStatuslineInput(JSON.stringify(older))).toMatchObject({ contextWindowSize: null, currentUsage: null });
    expect(parseStatuslineInput("{}")).toBeNull();
    expect(parseStatuslineInput("[1,2]")).toBeNull();
  });
});

describe("statusline figures and line", () => {
  it("takes Claude Code's own figures and the transcript's pace", () => {
    const figures = statuslineFigures(
      facts(statuslineJson(), { tokensPerStep: 20_000, usedTokens: 1, estimated: false, contextWindow: 200_000 }),
    );
    expect(figures).toMatchObject({
      usedTokens: 152_010,
      contextWindow: 1_000_000,
      autocompactAt: 967_000,
      percentOfWindow: 15,
      stepsUntilLimit: 40,
      status: "ok",
    });
    expect(renderStatusline(figures!, { color: false, unicode: true })).toBe(
      "Opus 4.8 (1M context) · 152k/1M · ██░░░░░░░░ 15% of window · 815k until auto-compact (~40 steps)",
    );
  });

  it("falls back to the transcript right after /compact (current_usage null), marked as estimated", () => {
    const figures = statuslineFigures(
      facts(statuslineJson({}, { current_usage: null }), { usedTokens: 30_000, estimated: true, tokensPerStep: null }),
    );
    expect(figures).toMatchObject({ usedTokens: 30_000, estimated: true, stepsUntilLimit: null });
    expect(renderStatusline(figures!, { color: false, unicode: false })).toBe(
      "Opus 4.8 (1M context) | ~30k/1M | ---------- 3% of window | 937k until auto-compact",
    );
  });

  it("says when usage is past the auto-compact point, in the critical colour", () => {
    const input = statuslineJson({}, { context_window_size: 200_000, current_usage: { input_tokens: 171_000 } });
    const line = renderStatusline(statuslineFigures(facts(input))!, { color: true, unicode: true });
    expect(terminalText(line, { color: true })).toBe(
      "\u001b[31mOpus 4.8 (1M context) · 171k/200k · █████████░ 86% of window · past auto-compact (167k) by 4k\u001b[0m",
    );
  });

  it("says when auto-compact is off, measuring against the window", () => {
    const figures = statuslineFigures(
      facts(statuslineJson({}, { context_window_size: 200_000 }), null, { DISABLE_AUTO_COMPACT: "1" }),
    );
    expect(renderStatusline(figures!, { color: false, unicode: true })).toBe(
      "Opus 4.8 (1M context) · 152k/200k · ████████░░ 76% of window · 48k until a full window · auto-compact off",
    );
  });

  it("the same moment reads the same percentage as get_context_usage (of the window), whatever the limit", () => {
    const input = statuslineJson({}, { context_window_size: 200_000, current_usage: { input_tokens: 148_000 } });
    const figures = statuslineFigures(facts(input))!;
    // 74% of the window, warn from 125k (75% of the 167k auto-compact point): never "89% of auto-compact".
    expect(figures).toMatchObject({ percentOfWindow: 74, status: "warn", limit: 167_000 });
    expect(renderStatusline(figures, { color: false, unicode: true })).toContain(
      "74% of window · 19k until auto-compact",
    );
  });

  it("counts against a working budget below the auto-compact point, and shows it as such", () => {
    const input = statuslineJson({}, { current_usage: { input_tokens: 250_000 } });
    const figures = statuslineFigures({ ...facts(input), budget: { tokens: 300_000, problem: null } })!;
    expect(figures).toMatchObject({ limit: 300_000, limitKind: "budget", status: "warn" });
    expect(renderStatusline(figures, { color: false, unicode: true })).toBe(
      "Opus 4.8 (1M context) · 250k/1M · ███░░░░░░░ 25% of window · 50k until budget 300k · auto-compact ~967k",
    );
    const refused = statuslineFigures({ ...facts(input), budget: { tokens: null, problem: "x" } })!;
    expect(renderStatusline(refused, { color: false, unicode: true })).toContain("budget ignored: not a number");
  });

  it("says auto-compact is off for a model Claude Code does not auto-compact (claude-sonnet-4-5 on 2.1.332)", () => {
    const input = statuslineJson(
      { model: { id: "claude-sonnet-4-5", display_name: "Sonnet 4.5" } },
      { context_window_size: 200_000, current_usage: { input_tokens: 184_000 } },
    );
    const line = renderStatusline(statuslineFigures(facts(input))!, { color: false, unicode: true });
    expect(line).toBe("Sonnet 4.5 · 184k/200k · █████████░ 92% of window · 16k until a full window · auto-compact off");
  });

  it.each([
    [{}, { color: true, unicode: false }],
    [
      { NO_COLOR: "1", LANG: "en_US.UTF-8" },
      { color: false, unicode: true },
    ],
    [
      { NO_COLOR: "1", FORCE_COLOR: "1", LC_ALL: "C" },
      { color: false, unicode: false },
    ],
    [
      { FORCE_COLOR: "0", LC_CTYPE: "de_DE.utf8" },
      { color: false, unicode: true },
    ],
  ])("style for %o", (env, style) => {
    expect(lineStyle(env)).toEqual(style);
  });
});

describe("ctx-monitor statusline (the installed executable)", () => {
  it("prints one line from a real transcript and records the window and model for the server", () => {
    const dir = tempDir();
    const project = join(dir, "project");
    mkdirSync(project);
    const transcript = stageFixture("busy-session", dir);
    const truth = fixtureTruth("busy-session");
    const input = statuslineJson(
      { session_id: truth.sessionId, transcript_path: transcript, cwd: project },
      { current_usage: null },
    );
    const state = join(dir, "state");
    const line = execFileSync(process.execPath, [BIN_PATH, "statusline"], {
      input,
      env: { PATH: process.env.PATH, HOME: dir, CTX_MONITOR_STATE_DIR: state, NO_COLOR: "1", LANG: "C.UTF-8" },
      encoding: "utf8",
    });
    expect(line.split("\n")).toEqual([
      expect.stringMatching(/^Opus 4\.8 \(1M context\) · \d+k\/1M · [█░]{10} \d+% of window · \d+k until auto-compact/),
      "",
    ]);
    expect(line).toContain(`${Math.round(truth.usedTokens / 1000)}k/1M`);
    const [file] = readdirSync(join(state, "sessions"));
    expect(JSON.parse(readFileSync(join(state, "sessions", file!), "utf8"))).toMatchObject({
      sessionId: truth.sessionId,
      transcriptPath: transcript,
      modelId: "claude-opus-4-8[1m]",
      contextWindowSize: 1_000_000,
      writtenBy: "statusline",
    });
  });

  it("with Claude Code's current usage, reads only the transcript's tail for the pace, as get_context_usage computes it", () => {
    const dir = tempDir();
    const transcript = stageFixture("busy-session", dir);
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      CTX_MONITOR_STATE_DIR: join(dir, "state"),
      NO_COLOR: "1",
      LANG: "C",
    };
    const usage = JSON.parse(
      execFileSync(process.execPath, [CLI_PATH, "usage", "--json", "--transcript", transcript], {
        env,
        encoding: "utf8",
      }),
    ) as { tokensPerStep: number };
    expect(usage.tokensPerStep).toBeGreaterThan(0);
    const input = statuslineJson({ transcript_path: transcript, cwd: dir }, { context_window_size: 200_000 });
    const line = execFileSync(process.execPath, [BIN_PATH, "statusline"], { input, env, encoding: "utf8" });
    const steps = Math.floor((167_000 - 152_010) / usage.tokensPerStep);
    expect(line).toBe(
      `Opus 4.8 (1M context) | 152k/200k | ########-- 76% of window | 15k until auto-compact (~${steps} step${steps === 1 ? "" : "s"})\n`,
    );
  });

  it("right after /compact, takes all-zero current usage (2.1.197, 2.1.332) as unknown and reads the transcript", () => {
    const dir = tempDir();
    const transcript = stageFixture("busy-session", dir);
    const truth = fixtureTruth("busy-session");
    const zeros = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    const input = statuslineJson(
      { session_id: truth.sessionId, transcript_path: transcript, cwd: dir },
      { total_input_tokens: 0, total_output_tokens: 0, current_usage: zeros, used_percentage: 0 },
    );
    expect(parseStatuslineInput(input)).toMatchObject({ currentUsage: null, usedPercentage: null });
    const line = execFileSync(process.execPath, [BIN_PATH, "statusline"], {
      input,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        CTX_MONITOR_STATE_DIR: join(dir, "state"),
        NO_COLOR: "1",
        LANG: "C.UTF-8",
      },
      encoding: "utf8",
    });
    expect(line).toContain(` · ${Math.round(truth.usedTokens / 1000)}k/1M · `);
  });

  it("after a `cd` in the session's shell, still reads the project's settings and records the project", () => {
    // As 2.1.332 sends it after a Bash call ran `cd sub`: `cwd` moved, `workspace.project_dir` did not.
    const dir = tempDir();
    const project = join(dir, "project");
    const sub = join(project, "sub");
    mkdirSync(join(project, ".claude"), { recursive: true });
    mkdirSync(sub);
    writeFileSync(join(project, ".claude", "settings.json"), '{"autoCompactEnabled": false}\n');
    const state = join(dir, "state");
    const input = statuslineJson(
      { cwd: sub, workspace: { current_dir: sub, project_dir: project, added_dirs: [] } },
      { context_window_size: 200_000 },
    );
    const line = execFileSync(process.execPath, [BIN_PATH, "statusline"], {
      input,
      env: { PATH: process.env.PATH, HOME: dir, CTX_MONITOR_STATE_DIR: state, NO_COLOR: "1", LANG: "C.UTF-8" },
      encoding: "utf8",
    });
    expect(line).toBe(
      "Opus 4.8 (1M context) · 152k/200k · ████████░░ 76% of window · 48k until a full window · auto-compact off\n",
    );
    const [file] = readdirSync(join(state, "sessions"));
    expect(JSON.parse(readFileSync(join(state, "sessions", file!), "utf8"))).toMatchObject({ cwd: project });
  });

  it("prints a line, and exits 0, without any input", () => {
    const line = execFileSync(process.execPath, [BIN_PATH, "statusline"], {
      input: "",
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: tempDir() },
    });
    expect(line).toBe("ctx-monitor: no statusline input from Claude Code\n");
  });
});
