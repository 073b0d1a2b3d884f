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
    expect(autocompactPoint(window, env)).toEqual({ at: expected, disabledBy: null });
  });

  it.each([
    [{ DISABLE_AUTO_COMPACT: "1" }, "DISABLE_AUTO_COMPACT"],
    [{ DISABLE_COMPACT: "true" }, "DISABLE_COMPACT"],
  ] as const)("is off with %o", (env, by) => {
    expect(autocompactPoint(200_000, env)).toEqual({ at: null, disabledBy: by });
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
    expect(autocompactPoint(window, env, settings)).toEqual({ at: expected, disabledBy: null });
  });

  it("is off when the /config toggle (autoCompactEnabled) is off", () => {
    expect(autocompactPoint(200_000, {}, { autoCompactEnabled: false })).toEqual({
      at: null,
      disabledBy: "autoCompactEnabled setting",
    });
  });
});
