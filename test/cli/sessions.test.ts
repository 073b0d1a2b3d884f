import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

describe("ctx-monitor sessions", () => {
  it("lists the project's sessions from a subfolder, with model, usage and first prompt, the same in --json", () => {
    const root = tempDir();
    const home = join(root, "home");
    const project = join(root, "app");
    const sub = join(project, "lib");
    mkdirSync(sub, { recursive: true });
    const folder = join(home, ".claude", "projects", encodeProjectDir(project));
    mkdirSync(folder, { recursive: true });
    stageFixture("busy-session", folder);
    stageFixture("compacted-session", folder);
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [BIN_PATH, "sessions", ...args], {
        cwd: sub,
        env: { PATH: process.env.PATH, HOME: home },
        encoding: "utf8",
      });
    const answer = JSON.parse(run("--json")) as {
      projectDir: string;
      sessions: Array<Record<string, unknown>>;
      more: number;
    };
    expect(answer.projectDir).toBe(project);
    const compacted = fixtureTruth("compacted-session");
    expect(answer.sessions).toContainEqual(
      expect.objectContaining({
        sessionId: compacted.sessionId,
        model: "claude-sonnet-4-5",
        usedTokens: compacted.usedTokens,
        contextWindow: 200_000,
        firstPrompt: compacted.prompts[0],
      }),
    );
    expect(answer.sessions).toHaveLength(2);
    const text = run();
    expect(text).toContain(`${compacted.sessionId}  `);
    expect(text).toContain(JSON.stringify(compacted.prompts[0]));
    expect(JSON.parse(run("--json", "--limit", "1")).more).toBe(1);
  });
});
