// Installed both as the plugin and by `ctx-monitor install`: the install's hooks stand aside (one
// warning per crossing, one handoff per compaction) and say so once; run as the plugin, ctx-monitor
// keeps its state in the plugin's own data folder, which Claude Code removes with the plugin.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ctxMonitorStateDir } from "../../src/claude/paths.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

describe("ctx-monitor installed twice", () => {
  it("the install's hooks stay silent beside the enabled plugin and say so at session start; the plugin's run", () => {
    const home = tempDir();
    const project = join(home, "project");
    mkdirSync(project);
    mkdirSync(join(home, ".claude"));
    writeFileSync(
      join(home, ".claude", "settings.json"),
      JSON.stringify({ enabledPlugins: { "ctx-monitor@ctx-monitor": true } }),
    );
    const transcript = stageFixture("compacted-session", home);
    const input = {
      session_id: fixtureTruth("compacted-session").sessionId,
      transcript_path: transcript,
      cwd: project,
      hook_event_name: "PreCompact",
      trigger: "manual",
    };
    const hook = (event: string, env: Record<string, string>) =>
      execFileSync(process.execPath, [BIN_PATH, "hook", event], {
        input: JSON.stringify(input),
        env: { PATH: process.env.PATH, HOME: home, ...env },
        encoding: "utf8",
      });
    const handoffs = () => {
      const folder = join(project, ".claude", "handoffs");
      return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".md")) : [];
    };
    expect(hook("session-start", {})).toMatch(
      /^\[ctx-monitor\] installed twice: as the plugin ctx-monitor@ctx-monitor and by `ctx-monitor install`.*`ctx-monitor uninstall`/,
    );
    expect(hook("pre-compact", {})).toBe("");
    expect(handoffs()).toEqual([]);
    const data = join(home, "plugin-data");
    expect(hook("pre-compact", { CLAUDE_PLUGIN_ROOT: join(home, "plugin"), CLAUDE_PLUGIN_DATA: data })).toBe("");
    expect(handoffs()).toHaveLength(1);
    expect(existsSync(join(home, ".claude", "ctx-monitor"))).toBe(false);
  });

  it("run as the plugin, state goes to the plugin's data folder unless CTX_MONITOR_STATE_DIR says otherwise", () => {
    const base = { homeDir: "/home/u" };
    expect(ctxMonitorStateDir(fakeRuntime({ ...base, env: {} }))).toBe("/home/u/.claude/ctx-monitor");
    expect(ctxMonitorStateDir(fakeRuntime({ ...base, env: { CLAUDE_PLUGIN_DATA: "/d" } }))).toBe("/d");
    expect(
      ctxMonitorStateDir(fakeRuntime({ ...base, env: { CLAUDE_PLUGIN_DATA: "/d", CTX_MONITOR_STATE_DIR: "/s" } })),
    ).toBe("/s");
  });
});
