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
