import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBudget } from "../../src/config/budget.ts";
import { loadSettings } from "../../src/config/settings.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

describe("parseBudget", () => {
  it.each([
    ["300000", 300_000],
    ["300k", 300_000],
    [" 300K ", 300_000],
    ["1.5m", 1_500_000],
    ["300_000", 300_000],
    [300_000, 300_000],
  ] as const)("reads %j as %i tokens", (raw, tokens) => {
    expect(parseBudget(raw, "CTX_MONITOR_BUDGET")).toEqual({ tokens, problem: null });
  });

  it.each(["lots", "300kb", "-5", "0", "1e9", "k"])("refuses %j with one sentence and no budget", (raw) => {
    const budget = parseBudget(raw, "CTX_MONITOR_BUDGET");
    expect(budget.tokens).toBeNull();
    expect(budget.problem).toBe(
      `CTX_MONITOR_BUDGET=${JSON.stringify(raw)} is not a token count (write 300000 or 300k); budget ignored`,
    );
  });

  it("treats unset and empty as no budget, without a problem", () => {
    expect(parseBudget(undefined, "CTX_MONITOR_BUDGET")).toEqual({ tokens: null, problem: null });
    expect(parseBudget("", "CTX_MONITOR_BUDGET")).toEqual({ tokens: null, problem: null });
  });
});

describe("the budget in the settings", () => {
  it("comes from the environment first, then the config file's budget key, naming the file when refused", () => {
    const dir = tempDir();
    const config = join(dir, "config.json");
    writeFileSync(config, JSON.stringify({ budget: "250k" }));
    const runtime = (env: Record<string, string>) => fakeRuntime({ env: { CTX_MONITOR_CONFIG: config, ...env } });
    expect(loadSettings(runtime({})).budget).toEqual({ tokens: 250_000, problem: null });
    expect(loadSettings(runtime({ CTX_MONITOR_BUDGET: "300k" })).budget).toEqual({ tokens: 300_000, problem: null });
    writeFileSync(config, JSON.stringify({ budget: true }));
    expect(loadSettings(runtime({})).budget.problem).toBe(
      `${config}: budget=true is not a token count (write 300000 or 300k); budget ignored`,
    );
  });
});
