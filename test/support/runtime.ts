import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import type { Runtime } from "../../src/runtime.ts";

export function tempDir(prefix = "ctx-monitor-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
