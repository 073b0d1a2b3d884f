import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeCompactSettings, readCompactSettings } from "../../src/claude/compact-settings.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

describe("Claude Code's compact settings", () => {
  it("takes each key from the highest-precedence file that has a valid value", () => {
    expect(
      mergeCompactSettings([
        { autoCompactWindow: 5 },
        { autoCompactEnabled: "no", autoCompactWindow: 300_000 },
        { autoCompactEnabled: false, autoCompactWindow: 400_000 },
      ]),
    ).toEqual({ autoCompactEnabled: false, autoCompactWindow: 300_000 });
  });

  it("reads local over project over user settings, and the /config toggle from the global config", () => {
    const root = tempDir();
    const home = join(root, "home");
    const project = join(root, "project");
    mkdirSync(join(home, ".claude"), { recursive: true });
    mkdirSync(join(project, ".claude"), { recursive: true });
    writeFileSync(join(home, ".claude", "settings.json"), JSON.stringify({ autoCompactWindow: 500_000 }));
    writeFileSync(join(project, ".claude", "settings.json"), JSON.stringify({ autoCompactWindow: 400_000 }));
    writeFileSync(join(project, ".claude", "settings.local.json"), "{ not json");
    writeFileSync(
      join(home, ".claude.json"),
      JSON.stringify({ autoCompactEnabled: false, autoCompactWindow: 200_000 }),
    );
    const runtime = fakeRuntime({ homeDir: home });
    expect(readCompactSettings(runtime, project)).toEqual({ autoCompactWindow: 400_000, autoCompactEnabled: false });
    writeFileSync(
      join(project, ".claude", "settings.local.json"),
      JSON.stringify({ autoCompactEnabled: true, autoCompactWindow: 300_000 }),
    );
    expect(readCompactSettings(runtime, project)).toEqual({ autoCompactWindow: 300_000, autoCompactEnabled: true });
  });

  it("finds the user settings and global config under CLAUDE_CONFIG_DIR", () => {
    const root = tempDir();
    writeFileSync(join(root, "settings.json"), JSON.stringify({ autoCompactWindow: 250_000 }));
    writeFileSync(join(root, ".claude.json"), JSON.stringify({ autoCompactEnabled: false }));
    const runtime = fakeRuntime({ homeDir: "/nonexistent", env: { CLAUDE_CONFIG_DIR: root } });
    expect(readCompactSettings(runtime, join(root, "nowhere"))).toEqual({
      autoCompactWindow: 250_000,
      autoCompactEnabled: false,
    });
  });
});
