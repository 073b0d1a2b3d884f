import { describe, expect, it } from "vitest";
import { counted, exactNumber, roundTokens } from "../../src/base/format.ts";

describe("exactNumber", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [152340, "152,340"],
    [1234567, "1,234,567"],
    [-45210, "-45,210"],
    [1999.6, "2,000"],
  ])("%d → %s, as en-US would group it", (value, expected) => {
    expect(exactNumber(value)).toBe(expected);
    expect(exactNumber(value)).toBe(Math.round(value).toLocaleString("en-US"));
  });
});

describe("roundTokens", () => {
  it.each([
    [999, "999"],
    [167000, "167k"],
    [1_000_000, "1M"],
  ])("%d → %s", (value, expected) => {
    expect(roundTokens(value)).toBe(expected);
  });
});

describe("counted", () => {
  it.each([
    [0, "file", "0 files"],
    [1, "file", "1 file"],
    [2, "user prompt", "2 user prompts"],
    [12345, "secret", "12,345 secrets"],
  ])("%d %s → %s", (n, noun, expected) => {
    expect(counted(n, noun)).toBe(expected);
  });
});
