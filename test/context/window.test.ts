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
    ["opus 4.8 as Claude Code runs it by default", { transcriptModel: "claude-opus-4-8" }, 1_000_000, "model-table"],
    ["unknown model", { transcriptModel: "some-gateway-model" }, 200_000, "default"],
    ["usage above 200k implies 1M", { transcriptModel: "claude-sonnet-4-5", usedTokens: 250_000 }, 1_000_000, "usage-above-200k"],
    ["[1m] in the model Claude Code was started with", { transcriptModel: "claude-sonnet-4-5", env: { ANTHROPIC_MODEL: "claude-sonnet-4-5[1m]" } }, 1_000_000, "model-id"],
    ["[1m] for another model does not apply", { transcriptModel: "claude-sonnet-4-5", env: { ANTHROPIC_MODEL: "claude-opus-4-1[1m]" } }, 200_000, "model-table"],
    ["explicit override", { transcriptModel: "claude-sonnet-4-5", env: { CTX_MONITOR_CONTEXT_WINDOW: "500000" } }, 500_000, "env"],
    [
      "the statusline's figure beats everything",
      { transcriptModel: "claude-opus-4-8", env: { CTX_MONITOR_CONTEXT_WINDOW: "500000" }, state: { modelId: "claude-opus-4-8", contextWindowSize: 200_000, writtenBy: "statusline" } },
      200_000,
      "statusline",
    ],
    [
      "a SessionStart hook's [1m] model id",
      { transcriptModel: "claude-sonnet-4-5", state: { modelId: "claude-sonnet-4-5[1m]", contextWindowSize: null, writtenBy: "hook:SessionStart" } },
      1_000_000,
      "hook-model",
    ],
  ] as const)("%s", (_name, overrides, tokens, source) => {
    expect(resolveContextWindow(evidence(overrides as Partial<WindowEvidence>))).toEqual({ tokens, source });
  });
});
