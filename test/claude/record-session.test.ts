import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeSessionState, recordSession } from "../../src/claude/record-session.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const facts = { sessionId: "s1", transcriptPath: "/t/s1.jsonl", cwd: "/p", writtenBy: "statusline" };

describe("recording what Claude Code told the statusline and hooks", () => {
  it("keeps what an earlier writer knew of the same session (the window from the statusline, the model from SessionStart)", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const fromStatusline = mergeSessionState(null, { ...facts, modelId: null, contextWindowSize: 1_000_000 }, 42, now);
    const fromHook = mergeSessionState(
      fromStatusline,
      { ...facts, modelId: "claude-opus-4-8[1m]", contextWindowSize: null, writtenBy: "hook:SessionStart" },
      42,
      now,
    );
    expect(fromHook).toMatchObject({
      modelId: "claude-opus-4-8[1m]",
      contextWindowSize: 1_000_000,
      writtenBy: "hook:SessionStart",
      claudePid: 42,
    });
    const otherSession = mergeSessionState(
      fromHook,
      { ...facts, sessionId: "s2", modelId: null, contextWindowSize: null },
      42,
      now,
    );
    expect(otherSession).toMatchObject({ sessionId: "s2", modelId: null, contextWindowSize: null });
  });

  it("files the state under the Claude Code process that runs the session, and clears out week-old ones", () => {
    const dir = tempDir();
    const config = join(dir, ".claude");
    mkdirSync(join(config, "sessions"), { recursive: true });
    writeFileSync(join(config, "sessions", "4242.json"), JSON.stringify({ pid: 4242, sessionId: "s1" }));
    const states = join(config, "ctx-monitor", "sessions");
    mkdirSync(states, { recursive: true });
    writeFileSync(join(states, "1111.json"), "{}");
    utimesSync(join(states, "1111.json"), new Date("2025-12-01T00:00:00Z"), new Date("2025-12-01T00:00:00Z"));
    writeFileSync(join(states, "2222.json"), "{}");
    const runtime = fakeRuntime({ homeDir: dir, pids: [777, 4242, 1], now: () => new Date() });
    recordSession(runtime, { ...facts, modelId: null, contextWindowSize: 200_000 });
    expect(readdirSync(states).sort()).toEqual(["2222.json", "4242.json"]);
    expect(JSON.parse(readFileSync(join(states, "4242.json"), "utf8"))).toMatchObject({
      claudePid: 4242,
      sessionId: "s1",
      contextWindowSize: 200_000,
    });
  });
});

describe("recordSession on every render", () => {
  it("leaves the file alone when it already says everything, and rewrites it when a fact changes", () => {
    const dir = tempDir();
    let now = new Date("2026-01-01T00:00:00Z");
    const runtime = fakeRuntime({ homeDir: dir, now: () => now });
    const first = recordSession(runtime, { ...facts, modelId: null, contextWindowSize: 200_000 });
    now = new Date("2026-01-01T00:01:00Z");
    expect(recordSession(runtime, { ...facts, modelId: null, contextWindowSize: 200_000 }).updatedAt).toBe(
      first.updatedAt,
    );
    expect(recordSession(runtime, { ...facts, modelId: null, contextWindowSize: 1_000_000 })).toMatchObject({
      contextWindowSize: 1_000_000,
      updatedAt: now.toISOString(),
    });
  });
});
