// The statusline and hooks read whatever Claude Code (or anything else) puts on stdin: random text,
// random JSON and mutations of real inputs never make them throw, hang or print more than they should.
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runHook } from "../../src/commands/hook.ts";
import { statuslineLine } from "../../src/commands/statusline.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

function world() {
  const dir = tempDir();
  const project = join(dir, "project");
  mkdirSync(project);
  const transcript = stageFixture("busy-session", dir);
  const runtime = fakeRuntime({
    homeDir: dir,
    cwd: project,
    env: { CTX_MONITOR_STATE_DIR: join(dir, "state") },
    now: () => new Date(),
  });
  return { dir, project, transcript, runtime, sessionId: fixtureTruth("busy-session").sessionId };
}

/** A real input with one field replaced by an arbitrary JSON value, or removed. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(base);
  return fc
    .record({
      key: fc.constantFrom(...keys, "context_window.current_usage", "model.id"),
      value: fc.option(fc.jsonValue(), { nil: undefined }),
    })
    .map(({ key, value }) => {
      const copy = structuredClone(base);
      const [outer, inner] = key.split(".") as [string, string | undefined];
      if (inner) {
        const object = copy[outer];
        if (typeof object === "object" && object !== null) (object as Record<string, unknown>)[inner] = value;
      } else if (value === undefined) delete copy[outer];
      else copy[outer] = value;
      return copy;
    });
}

function texts(base: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    mutated(base).map((value) => JSON.stringify(value)),
    mutated(base).map((value) => JSON.stringify(value).slice(0, -3)),
  );
}

describe("stdin parsers under fuzzing", () => {
  it("the statusline always prints exactly one line", async () => {
    const { transcript, runtime, sessionId, project } = world();
    const base = {
      session_id: sessionId,
      transcript_path: transcript,
      cwd: project,
      model: { id: "claude-opus-4-8[1m]", display_name: "Opus" },
      context_window: {
        context_window_size: 1_000_000,
        current_usage: { input_tokens: 5, cache_read_input_tokens: 9_000 },
        used_percentage: 1,
      },
    };
    await fc.assert(
      fc.asyncProperty(texts(base), async (text) => {
        const line = await statuslineLine(text, runtime);
        expect(typeof line).toBe("string");
        expect(line).not.toContain("\n");
        expect(line.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it("the hooks always exit 0, printing nothing or what Claude Code reads", async () => {
    const { dir, transcript, runtime, sessionId, project } = world();
    const base = {
      session_id: sessionId,
      transcript_path: transcript,
      cwd: project,
      hook_event_name: "UserPromptSubmit",
      prompt: "go",
      source: "resume",
    };
    const events = fc.constantFrom("session-start", "user-prompt-submit", "post-tool-use", "nonsense");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(events, texts(base), async (event, text) => {
        // Handoffs are written only where the session's project is: keep every run inside this test's folder.
        const parsed = (() => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            return null;
          }
        })();
        const input =
          typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
            ? JSON.stringify({ ...parsed, cwd: project })
            : text;
        const file = join(dir, `input-${n++}.json`);
        writeFileSync(file, input);
        const fd = openSync(file, "r");
        let stdout = "";
        try {
          const code = await runHook(
            event,
            runtime,
            {
              stdout: (t) => {
                stdout += t;
              },
              stderr: () => undefined,
            },
            fd,
          );
          expect(code).toBe(0);
        } finally {
          closeSync(fd);
        }
        if (event === "post-tool-use" && stdout) expect(() => JSON.parse(stdout) as unknown).not.toThrow();
        if (event === "nonsense") expect(stdout).toBe("");
        expect(stdout.length).toBeLessThan(10_000);
      }),
      { numRuns: 150 },
    );
  });
});
