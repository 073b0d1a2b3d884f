import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../src/config/settings.ts";
import { fakeRuntime, tempDir } from "./support/runtime.ts";

describe("loadSettings", () => {
  it("uses defaults when nothing is set", () => {
    expect(loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: "/nonexistent/config.json" } }))).toEqual({
      warnPercent: 75,
      criticalPercent: 90,
      handoffDir: null,
      handoffMaxChars: null,
      budget: { tokens: null, problem: null },
      problems: [],
    });
  });

  it("takes a handoff size from the environment over the file, and names one that is not a number", () => {
    const file = join(tempDir(), "config.json");
    writeFileSync(file, JSON.stringify({ handoffMaxChars: 60_000 }));
    expect(loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: file } }))).toMatchObject({
      handoffMaxChars: 60_000,
      problems: [],
    });
    const settings = (value: string) =>
      loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: file, CTX_MONITOR_HANDOFF_MAX_CHARS: value } }));
    expect(settings("80_000")).toMatchObject({ handoffMaxChars: 80_000, problems: [] });
    // A bad value is named, and the next source is used instead: never a crash, never a silent figure.
    expect(settings("lots")).toMatchObject({
      handoffMaxChars: 60_000,
      problems: [
        'CTX_MONITOR_HANDOFF_MAX_CHARS "lots" is not a handoff size: give a whole number of characters from 4,000 to 2,000,000 (e.g. 40000); the default (5% of the window) is used',
      ],
    });
    writeFileSync(file, JSON.stringify({ handoffMaxChars: "40k" }));
    expect(loadSettings(fakeRuntime({ env: { CTX_MONITOR_CONFIG: file } })).problems).toEqual([
      `${file}: handoffMaxChars "40k" is not a handoff size: give a whole number of characters from 4,000 to 2,000,000 (e.g. 40000); the default (5% of the window) is used; ignored`,
    ]);
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
