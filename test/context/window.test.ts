import { describe, expect, it } from "vitest";
import { resolveContextWindow, type WindowEvidence } from "../../src/context/window.ts";

const evidence = (overrides: Partial<WindowEvidence>): WindowEvidence => ({
  transcriptModel: null,
  state: null,
  env: {},
  usedTokens: 1000,
  ...overrides,
});

describe("resolveContextWindow", () => {
  it.each([
    ["sonnet 4.5 from the model table", { transcriptModel: "claude-sonnet-4-5-20250929" }, 200_000, "model-table"],
    [
      "opus 4.8 on 2.1.332, 1M natively",
      { transcriptModel: "claude-opus-4-8", claudeCodeVersion: "2.1.332" },
      1_000_000,
      "model-table",
    ],
    [
      "opus 5.5, Claude Code 2.1.332's default",
      { transcriptModel: "claude-opus-5-5", claudeCodeVersion: "2.1.332" },
      1_000_000,
      "model-table",
    ],
    [
      "sonnet 5 on 2.1.332",
      { transcriptModel: "claude-sonnet-5", claudeCodeVersion: "2.1.332" },
      1_000_000,
      "model-table",
    ],
    [
      "opus 4.6 on 2.1.332 stays at 200k",
      { transcriptModel: "claude-opus-4-6", claudeCodeVersion: "2.1.332" },
      200_000,
      "model-table",
    ],
    [
      "sonnet 4.6 on 2.1.332 stays at 200k",
      { transcriptModel: "claude-sonnet-4-6", claudeCodeVersion: "2.1.332" },
      200_000,
      "model-table",
    ],
    [
      "haiku 4.5 on a cloud provider's id",
      { transcriptModel: "us.anthropic.claude-haiku-4-5-20251001-v1:0", claudeCodeVersion: "2.1.332" },
      200_000,
      "model-table",
    ],
    [
      "opus 5.5 on 2.1.197 (bare ids run at 200k there)",
      { transcriptModel: "claude-opus-5-5", claudeCodeVersion: "2.1.197" },
      200_000,
      "model-table",
    ],
    [
      "opus 4.8 on 2.1.197: 1M as the default, 200k on a resume, so assumed",
      { transcriptModel: "claude-opus-4-8", claudeCodeVersion: "2.1.197" },
      1_000_000,
      "assumed",
    ],
    [
      "unknown model on 2.1.332: 1M as Claude Code runs it, assumed",
      { transcriptModel: "some-gateway-model", claudeCodeVersion: "2.1.332" },
      1_000_000,
      "assumed",
    ],
    [
      "unknown model on 2.1.197: 200k, assumed",
      { transcriptModel: "some-gateway-model", claudeCodeVersion: "2.1.197" },
      200_000,
      "assumed",
    ],
    [
      "2.1.332's request record: a context-1m beta",
      {
        transcriptModel: "claude-sonnet-4-5",
        claudeCodeVersion: "2.1.332",
        request: { model: "claude-sonnet-4-5", betas: ["context-1m-2025-08-07"] },
      },
      1_000_000,
      "api-request",
    ],
    [
      "2.1.332's request record names a model the table knows",
      {
        transcriptModel: "claude-opus-5-5",
        claudeCodeVersion: "2.1.332",
        request: { model: "claude-opus-5-5", betas: ["claude-code-20250219"] },
      },
      1_000_000,
      "api-request",
    ],
    [
      "the SessionStart hook's bare id on 2.1.197 (a resumed -p session): 200k",
      {
        transcriptModel: "claude-opus-4-8",
        claudeCodeVersion: "2.1.197",
        state: { modelId: "claude-opus-4-8", contextWindowSize: null, writtenBy: "hook:SessionStart" },
      },
      200_000,
      "hook-model",
    ],
    [
      "usage above 200k implies 1M",
      { transcriptModel: "claude-sonnet-4-5", usedTokens: 250_000 },
      1_000_000,
      "usage-above-200k",
    ],
    [
      "[1m] in the model Claude Code was started with",
      { transcriptModel: "claude-sonnet-4-5", env: { ANTHROPIC_MODEL: "claude-sonnet-4-5[1m]" } },
      1_000_000,
      "model-id",
    ],
    [
      "[1m] for another model does not apply",
      { transcriptModel: "claude-sonnet-4-5", env: { ANTHROPIC_MODEL: "claude-opus-4-1[1m]" } },
      200_000,
      "model-table",
    ],
    [
      "explicit override",
      { transcriptModel: "claude-sonnet-4-5", env: { CTX_MONITOR_CONTEXT_WINDOW: "500000" } },
      500_000,
      "env",
    ],
    [
      "the statusline's figure beats everything",
      {
        transcriptModel: "claude-opus-4-8",
        env: { CTX_MONITOR_CONTEXT_WINDOW: "500000" },
        state: { modelId: "claude-opus-4-8", contextWindowSize: 200_000, writtenBy: "statusline" },
      },
      200_000,
      "statusline",
    ],
    [
      "a SessionStart hook's [1m] model id",
      {
        transcriptModel: "claude-sonnet-4-5",
        state: { modelId: "claude-sonnet-4-5[1m]", contextWindowSize: null, writtenBy: "hook:SessionStart" },
      },
      1_000_000,
      "hook-model",
    ],
  ] as const)("%s", (_name, overrides, tokens, source) => {
    const window = resolveContextWindow(evidence(overrides as Partial<WindowEvidence>));
    expect({ tokens: window.tokens, source: window.source }).toEqual({ tokens, source });
    expect(window.assumedBecause === null).toBe(source !== "assumed");
  });

  it("says why a window is assumed, naming the model and the version", () => {
    const window = resolveContextWindow(evidence({ transcriptModel: "claude-opus-4-8", claudeCodeVersion: "2.1.197" }));
    expect(window.assumedBecause).toMatch(/claude-opus-4-8.*2\.1\.197|2\.1\.197.*claude-opus-4-8/);
    expect(window.assumedBecause).toMatch(/resumed/);
  });
});
