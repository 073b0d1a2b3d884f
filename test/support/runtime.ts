import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { onTestFinished } from "vitest";
import type { Runtime } from "../../src/base/runtime.ts";
import { encodeProjectDir } from "../../src/claude/paths.ts";

/** A fresh folder, removed when the current test finishes (call it inside a test or beforeEach). */
export function tempDir(prefix = "ctx-monitor-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fakeRuntime(overrides: Partial<Runtime> & { pids?: number[] } = {}): Runtime {
  const { pids = [], ...rest } = overrides;
  return {
    env: {},
    homeDir: "/nonexistent-home",
    cwd: "/nonexistent-cwd",
    now: () => new Date("2026-01-01T00:00:00Z"),
    startedAt: new Date("2026-01-01T00:00:00Z"),
    ancestorPids: () => pids,
    ...rest,
  };
}

/** Writes a transcript where Claude Code would, under `<configDir>/projects/<encoded project>/`. */
export function writeTranscript(configDir: string, projectDir: string, sessionId: string, body: string): string {
  const path = join(configDir, "projects", encodeProjectDir(projectDir), `${sessionId}.jsonl`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
  return path;
}
