import { describe, expect, it } from "vitest";
import { autocompactPoint } from "../../src/context/autocompact.ts";

describe("autocompactPoint", () => {
  it.each([
    ["200k window, defaults", 200_000, {}, 167_000],
    ["1M window, defaults", 1_000_000, {}, 967_000],
    ["small max output reserves less", 200_000, { CLAUDE_CODE_MAX_OUTPUT_TOKENS: "8000" }, 179_000],
    ["auto-compact window caps the window", 1_000_000, { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "400000" }, 367_000],
    ["auto-compact window never raises it", 200_000, { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "500000" }, 167_000],
    ["percent override lowers the point", 200_000, { CLAUDE_AUTOCOMPACT_PCT_OVERRIDE: "50" }, 90_000],
    ["percent override never raises it", 200_000, { CLAUDE_AUTOCOMPACT_PCT_OVERRIDE: "99" }, 167_000],
    ["nonsense override is ignored", 200_000, { CLAUDE_AUTOCOMPACT_PCT_OVERRIDE: "lots" }, 167_000],
  ] as const)("%s", (_name, window, env, expected) => {
    expect(autocompactPoint(window, env)).toEqual({ at: expected, offBecause: null });
  });

  it.each([
    [{ DISABLE_AUTO_COMPACT: "1" }, "DISABLE_AUTO_COMPACT"],
    [{ DISABLE_COMPACT: "true" }, "DISABLE_COMPACT"],
  ] as const)("is off with %o", (env, by) => {
    expect(autocompactPoint(200_000, env)).toEqual({ at: null, offBecause: `${by} is set` });
  });

  it("stays on when the switch is set to 0 or false", () => {
    expect(autocompactPoint(200_000, { DISABLE_AUTO_COMPACT: "0", DISABLE_COMPACT: "false" }).at).toBe(167_000);
  });
});

describe("autocompactPoint with Claude Code's bounds and settings", () => {
  it.each([
    [
      "the env window is floored at 100k, as 2.1.197 does",
      200_000,
      { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "60000" },
      {},
      67_000,
    ],
    ["the env window is capped at 1M", 2_000_000, { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "5000000" }, {}, 967_000],
    ["a nonsense env window is ignored", 200_000, { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "lots" }, {}, 167_000],
    ["the setting caps the window", 1_000_000, {}, { autoCompactWindow: 300_000 }, 267_000],
    [
      "the env wins over the setting",
      1_000_000,
      { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "400000" },
      { autoCompactWindow: 300_000 },
      367_000,
    ],
    ["a setting below Claude Code's minimum is dropped", 200_000, {}, { autoCompactWindow: 50_000 }, 167_000],
    ["auto-compact explicitly on", 200_000, {}, { autoCompactEnabled: true }, 167_000],
  ] as const)("%s", (_name, window, env, settings, expected) => {
    expect(autocompactPoint(window, env, settings)).toEqual({ at: expected, offBecause: null });
  });

  it("is off when the /config toggle (autoCompactEnabled) is off", () => {
    expect(autocompactPoint(200_000, {}, { autoCompactEnabled: false })).toEqual({
      at: null,
      offBecause: "the autoCompactEnabled setting is off",
    });
  });
});

// What /context printed for every model the two versions offer (test/e2e/autocompact-point.e2e.test.ts
// checks it against the real binaries): the window, and the Autocompact buffer row or none.
describe("autocompactPoint per model, as Claude Code decides it", () => {
  it.each([
    ["2.1.197", "claude-opus-4-8", 200_000, null],
    ["2.1.197", "claude-opus-4-8", 1_000_000, null],
    ["2.1.197", "claude-opus-4-7", 200_000, null],
    ["2.1.197", "claude-opus-4-6", 200_000, 167_000],
    ["2.1.197", "claude-opus-4-5", 200_000, null],
    ["2.1.197", "claude-sonnet-5", 200_000, 167_000],
    ["2.1.197", "claude-sonnet-4-6", 200_000, 167_000],
    ["2.1.197", "claude-sonnet-4-6", 1_000_000, null],
    ["2.1.197", "claude-sonnet-4-5-20250929", 200_000, null],
    ["2.1.197", "claude-haiku-4-5", 200_000, null],
    ["2.1.197", "claude-fable-5", 200_000, null],
    ["2.1.332", "claude-opus-5-5", 1_000_000, 967_000],
    ["2.1.332", "claude-opus-4-8", 1_000_000, 967_000],
    ["2.1.332", "claude-opus-4-6", 200_000, 167_000],
    ["2.1.332", "claude-opus-4-6", 1_000_000, null],
    ["2.1.332", "claude-opus-4-5", 200_000, null],
    ["2.1.332", "claude-sonnet-5-5", 1_000_000, 967_000],
    ["2.1.332", "claude-sonnet-4-6", 200_000, 167_000],
    ["2.1.332", "claude-sonnet-4-5", 200_000, null],
    ["2.1.332", "claude-haiku-5-5", 1_000_000, 967_000],
    ["2.1.332", "claude-haiku-4-5", 200_000, null],
    ["2.1.332", "us.anthropic.claude-mythos-5-2", 1_000_000, 967_000],
  ] as const)("Claude Code %s, %s at %i: %s", (version, modelId, window, expected) => {
    const point = autocompactPoint(window, {}, {}, { modelId, version });
    expect(point.at).toBe(expected);
    if (expected === null)
      expect(point.offBecause).toContain(`Claude Code ${version} has no auto-compact point for ${modelId}`);
  });

  it("is turned on for such a model by CLAUDE_CODE_AUTO_COMPACT_WINDOW or the autoCompactWindow setting", () => {
    const model = { modelId: "claude-sonnet-4-5", version: "2.1.332" };
    expect(autocompactPoint(200_000, { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "200000" }, {}, model).at).toBe(167_000);
    expect(autocompactPoint(200_000, {}, { autoCompactWindow: 150_000 }, model).at).toBe(117_000);
  });
});
