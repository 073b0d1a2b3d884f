import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../src/config.ts";
import { fakeRuntime, tempDir } from "./support/runtime.ts";

describe("loadSettings", () => {
  it("uses defaults when nothing is set", () => {
    expect(loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: "/nonexistent/config.json" } }))).toEqual({
      warnPercent: 75,
      criticalPercent: 90,
      handoffDir: null,
      budget: { tokens: null, problem: null },
      problems: [],
    });
  });

  it("reads the config file, and the environment wins over it", () => {
    const file = join(tempDir(), "config.json");
    writeFileSync(file, JSON.stringify({ warnPercent: 50, criticalPercent: 70, handoffDir: "notes/handoffs" }));
    const settings = loadSettings(
      fakeRuntime({ env: { CTX_MONITOR_CONFIG: file, CTX_MONITOR_CRITICAL_PERCENT: "80" } }),
    );
    expect(settings).toMatchObject({
      warnPercent: 50,
      criticalPercent: 80,
      handoffDir: "notes/handoffs",
      problems: [],
    });
  });

  it("names each bad value and falls back to defaults", () => {
    const file = join(tempDir(), "config.json");
    writeFileSync(file, JSON.stringify({ warnPercent: 150, colour: "red" }));
    const settings = loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: file, CTX_MONITOR_WARN_PERCENT: "lots" } }));
    expect(settings.warnPercent).toBe(75);
    expect(settings.problems).toEqual([
      `${file}: warnPercent: expected a number in (0, 100], got 150; ignored`,
      `${file}: colour: unknown setting; ignored`,
      'CTX_MONITOR_WARN_PERCENT="lots" is not a percentage in (0, 100]; ignored',
    ]);
  });

  it("rejects a warn threshold that is not below the critical one", () => {
    const settings = loadSettings(
      fakeRuntime({ env: { CTX_MONITOR_CONFIG: "/none", CTX_MONITOR_WARN_PERCENT: "95" } }),
    );
    expect(settings).toMatchObject({ warnPercent: 75, criticalPercent: 90 });
    expect(settings.problems[0]).toContain("not below critical");
  });

  it("reports a config file that is not JSON", () => {
    const file = join(tempDir(), "config.json");
    writeFileSync(file, "{ nope");
    expect(loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: file } })).problems[0]).toContain("is not valid JSON");
  });
});
