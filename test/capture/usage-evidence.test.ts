// A captured request in the usage answer: the window it was sent for, and its exact total when it is
// newer than the transcript's newest response.
import { describe, expect, it } from "vitest";
import { recordOf } from "../../src/capture/record.ts";
import { type CaptureEvidence, captureEvidence } from "../../src/capture/usage-evidence.ts";
import { computeUsage, type UsageInputs } from "../../src/context/usage.ts";
import { noLineProblems } from "../../src/transcript/line-problems.ts";

const latest = {
  messageId: "msg_1",
  model: "claude-opus-4-8",
  usage: { inputTokens: 10, cacheCreationInputTokens: 1_000, cacheReadInputTokens: 49_000, outputTokens: 100 },
  timestamp: "2026-01-01T00:00:10.000Z",
  sessionId: "s",
  toolUseIds: [],
  version: "2.1.197",
};

function inputs(capture: CaptureEvidence | null): UsageInputs {
  return {
    sessionId: "s",
    transcriptPath: "/t/s.jsonl",
    sessionSource: "env",
    sessionGuessed: false,
    subagent: null,
    tail: {
      latest: structuredClone(latest),
      latestRequest: null,
      earlier: [],
      compactionSince: null,
      pendingChars: 0,
      charsSincePrompt: 0,
      pendingAttachmentTypes: [],
      problems: noLineProblems(),
      bytesRead: 0,
    },
    baseline: null,
    compactions: { count: 0, last: null },
    windowState: null,
    env: {},
    thresholds: { warnPercent: 75, criticalPercent: 90 },
    fresh: true,
    skippedLines: 0,
    capture,
  };
}

function captured(options: {
  model?: string;
  betas?: string[];
  messageId?: string | null;
  usage?: Record<string, number> | null;
  time?: string;
}): CaptureEvidence {
  const body = JSON.stringify({
    model: options.model ?? "claude-opus-4-8",
    betas: options.betas ?? [],
    tools: [{ name: "Agent" }],
    messages: [],
  });
  const record = recordOf(body, {
    source: "proxy",
    id: "r",
    time: new Date(options.time ?? "2026-01-01T00:00:20.000Z"),
    kind: "messages",
    messageId: options.messageId === undefined ? "msg_2" : options.messageId,
    usage:
      options.usage === undefined
        ? { input_tokens: 5, cache_creation_input_tokens: 2_000, cache_read_input_tokens: 50_010, output_tokens: 42 }
        : options.usage,
  });
  return captureEvidence(record!);
}

describe("usage with a captured request", () => {
  it("a newer captured response gives usedTokens, exactly, with source capture", () => {
    const usage = computeUsage(inputs(captured({})));
    expect(usage).toMatchObject({
      usedTokens: 52_015,
      pendingTokens: 42,
      source: "capture",
      estimated: false,
      asOf: "2026-01-01T00:00:20.000Z",
    });
  });

  it("the transcript's figure when the capture is the same response, older, or has no usage (Claude Code's own bodies)", () => {
    for (const capture of [
      captured({ messageId: "msg_1" }),
      captured({ time: "2026-01-01T00:00:05.000Z" }),
      captured({ usage: null, messageId: null }),
    ]) {
      expect(computeUsage(inputs(capture))).toMatchObject({ usedTokens: 50_010, source: "transcript" });
    }
  });

  it("the window from the captured request as from a request record: the context-1m beta, a [1m] model id, else the model; not from another model's request", () => {
    expect(computeUsage(inputs(captured({ betas: ["context-1m-2025-08-07"], usage: null })))).toMatchObject({
      contextWindow: 1_000_000,
      windowSource: "capture",
    });
    expect(computeUsage(inputs(captured({ model: "claude-opus-4-8[1m]", usage: null })))).toMatchObject({
      contextWindow: 1_000_000,
      windowSource: "capture",
    });
    const sonnet = { ...inputs(captured({ model: "claude-sonnet-4-5", usage: null })) };
    sonnet.tail.latest!.model = "claude-sonnet-4-5";
    expect(computeUsage(sonnet)).toMatchObject({ contextWindow: 200_000, windowSource: "capture" });
    const other = inputs(captured({ model: "claude-haiku-4-5", betas: ["context-1m-2025-08-07"], usage: null }));
    expect(computeUsage(other).windowSource).not.toBe("capture");
  });
});
