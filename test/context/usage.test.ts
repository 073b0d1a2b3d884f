import { describe, expect, it } from "vitest";
import { computeUsage, type UsageInputs } from "../../src/context/usage.ts";
import { noLineProblems } from "../../src/transcript/line-problems.ts";
import type { TailSnapshot } from "../../src/transcript/tail-snapshot.ts";

const latest = (
  total: number,
  output = 100,
  model = "claude-sonnet-4-6",
  version = "2.1.197",
): TailSnapshot["latest"] => ({
  messageId: "msg_1",
  model,
  usage: {
    inputTokens: 10,
    cacheCreationInputTokens: 1_000,
    cacheReadInputTokens: total - 1_010,
    outputTokens: output,
  },
  timestamp: "2026-01-01T00:00:00.000Z",
  sessionId: "s",
  toolUseIds: [],
  version,
});

const inputs = (overrides: Omit<Partial<UsageInputs>, "tail"> & { tail?: Partial<TailSnapshot> } = {}): UsageInputs => {
  const { tail, ...rest } = overrides;
  return {
    sessionId: "s",
    transcriptPath: "/t/s.jsonl",
    sessionSource: "env",
    sessionGuessed: false,
    subagent: null,
    tail: {
      latest: latest(152_340),
      latestRequest: null,
      earlier: [],
      compactionSince: null,
      pendingChars: 0,
      pendingAttachmentTypes: [],
      charsSincePrompt: 0,
      problems: noLineProblems(),
      bytesRead: 0,
      ...tail,
    },
    baseline: null,
    compactions: { count: 0, last: null },
    windowState: null,
    env: {},
    thresholds: { warnPercent: 75, criticalPercent: 90 },
    fresh: true,
    skippedLines: 0,
    ...rest,
  };
};

const compactionRecord = (): NonNullable<TailSnapshot["compactionSince"]> => ({
  kind: "compact-boundary",
  trigger: "manual",
  preTokens: 160_500,
  postTokens: 3_000,
  uuid: null,
  parentUuid: null,
  sessionId: "s",
  timestamp: "2026-01-01T01:00:00.000Z",
  isSidechain: false,
  cwd: null,
  lineLength: 0,
});

describe("computeUsage", () => {
  it("says so when usage is past the auto-compact point, rather than nothing left", () => {
    const usage = computeUsage(inputs({ tail: { latest: latest(172_000) } }));
    expect(usage.tokensUntilAutocompact).toBe(0);
    expect(usage.summary).toContain("past the auto-compact point (~167k) by 5k");
    expect(usage.summary).not.toContain("about 0 left");
  });

  it("is told by Claude Code's settings: a floored env window and a switched-off toggle", () => {
    expect(
      computeUsage(inputs({ env: { CLAUDE_CODE_AUTO_COMPACT_WINDOW: "60000" }, tail: { latest: latest(27_000) } })),
    ).toMatchObject({
      autocompactAt: 67_000,
      status: "ok",
    });
    const off = computeUsage(inputs({ compactSettings: { autoCompactEnabled: false } }));
    expect(off.autocompactAt).toBeNull();
    expect(off.summary).toContain("auto-compact is off (the autoCompactEnabled setting is off)");
  });

  it("gives the summary a model can act on", () => {
    const usage = computeUsage(inputs());
    expect(usage).toMatchObject({
      usedTokens: 152_340,
      contextWindow: 200_000,
      autocompactAt: 167_000,
      tokensUntilAutocompact: 14_660,
      status: "critical",
    });
    expect(usage.summary).toBe(
      "152,340 of 200,000 tokens (76% of the window); auto-compact expected at ~167k: about 15k left; status critical from 150k (90% of the auto-compact point). Write a handoff now (write_handoff).",
    );
  });

  it.each([
    [100_000, "ok"],
    [125_250, "warn"],
    [150_300, "critical"],
  ] as const)("status at %i tokens is %s", (total, status) => {
    expect(computeUsage(inputs({ tail: { latest: latest(total) } })).status).toBe(status);
  });

  it("honours configured thresholds", () => {
    expect(
      computeUsage(inputs({ thresholds: { warnPercent: 40, criticalPercent: 50 }, tail: { latest: latest(90_000) } }))
        .status,
    ).toBe("critical");
  });

  it("counts the response's own output and later additions as pending", () => {
    const usage = computeUsage(inputs({ tail: { latest: latest(50_000, 700), pendingChars: 4_000 } }));
    expect(usage.pendingTokens).toBe(1_700);
  });

  it("estimates after a compaction from postTokens plus the system and tools overhead", () => {
    const usage = computeUsage(
      inputs({
        tail: {
          latest: latest(160_000),
          compactionSince: compactionRecord(),
        },
        baseline: { firstTotal: 21_000, messageChars: 4_000, attachmentChars: {} },
      }),
    );
    expect(usage).toMatchObject({
      usedTokens: 23_000,
      estimated: true,
      asOf: "2026-01-01T01:00:00.000Z",
      status: "ok",
    });
    expect(usage.summary).toContain("~23,000 of 200,000");
    expect(usage.summary).toContain("compacted from 161k with no response since");
  });

  it("after a compaction, adds what the first prompt carried and the compaction did not re-attach", () => {
    const usage = computeUsage(
      inputs({
        tail: {
          latest: latest(160_000),
          compactionSince: compactionRecord(),
          pendingAttachmentTypes: ["file", "agent_listing_delta"],
        },
        baseline: {
          firstTotal: 21_000,
          messageChars: 8_000,
          attachmentChars: { skill_listing: 4_000, agent_listing_delta: 1_800 },
        },
      }),
    );
    // 3,000 (postTokens) + 21,000 − 2,000 (the first message) + 1,000 (the skill listing, sent again).
    expect(usage.usedTokens).toBe(23_000);
  });

  it("after a compaction, a prompt typed since (and what came with it) is in the estimate, nothing pending beside it", () => {
    const usage = computeUsage(
      inputs({
        tail: {
          latest: latest(160_000),
          compactionSince: compactionRecord(),
          pendingChars: 12_000,
          charsSincePrompt: 4_000,
          pendingAttachmentTypes: ["skill_listing"],
        },
        baseline: { firstTotal: 21_000, messageChars: 8_000, attachmentChars: { skill_listing: 4_000 } },
      }),
    );
    // 3,000 + 21,000 − 2,000 + 1,000 (the new prompt and the skill listing sent with it, written already).
    expect(usage).toMatchObject({ usedTokens: 23_000, pendingTokens: 0, estimated: true });
  });

  it("says so when auto-compact is disabled, and measures against the window", () => {
    const usage = computeUsage(inputs({ env: { DISABLE_AUTO_COMPACT: "1" }, tail: { latest: latest(185_000) } }));
    expect(usage).toMatchObject({ autocompactAt: null, tokensUntilAutocompact: null, status: "critical" });
    expect(usage.summary).toContain(
      "auto-compact is off (DISABLE_AUTO_COMPACT is set): about 15k left in the window; status critical from 180k (90% of the window)",
    );
  });

  it("answers before the first response, as an estimate", () => {
    const usage = computeUsage(inputs({ tail: { latest: null, pendingChars: 400 } }));
    expect(usage).toMatchObject({ usedTokens: 100, estimated: true, model: null, asOf: null });
    expect(usage.summary).toContain("No model response recorded yet");
  });

  it("flags a stale or guessed answer in the summary", () => {
    const usage = computeUsage(inputs({ fresh: false, sessionGuessed: true }));
    expect(usage.summary).toContain("may be one step behind");
    expect(usage.summary).toContain("Session guessed");
  });

  it("gives the recent pace per step and the steps left at it, only when there are enough steps since a compaction", () => {
    const earlier = [140_000, 136_000, 132_340].map((total, i) => ({ messageId: `msg_${i}`, total }));
    const usage = computeUsage(inputs({ tail: { earlier } }));
    // Steps of 12,340, 4,000 and 3,660: the median step sets the pace.
    expect(usage).toMatchObject({ tokensPerStep: 4_000, stepsUntilAutocompact: 3 });
    expect(usage.summary).toBe(
      "152,340 of 200,000 tokens (76% of the window); auto-compact expected at ~167k: about 15k left (~3 steps at the recent ~4k per step); status critical from 150k (90% of the auto-compact point). Write a handoff now (write_handoff).",
    );
    expect(computeUsage(inputs({ tail: { earlier: earlier.slice(0, 1) } })).tokensPerStep).toBeNull();
    expect(
      computeUsage(
        inputs({
          tail: {
            earlier: [
              { messageId: "a", total: 160_000 },
              { messageId: "b", total: 155_000 },
            ],
          },
        }),
      ).tokensPerStep,
    ).toBeNull();
    const afterCompaction = computeUsage(inputs({ tail: { earlier, compactionSince: compactionRecord() } }));
    expect(afterCompaction).toMatchObject({ tokensPerStep: null, stepsUntilAutocompact: null });
    const noAutocompact = computeUsage(inputs({ tail: { earlier }, env: { DISABLE_AUTO_COMPACT: "1" } }));
    expect(noAutocompact).toMatchObject({ tokensPerStep: 4_000, stepsUntilAutocompact: null, stepsUntilLimit: 11 });
  });

  it("is not emptied by one large step: 232k left after a 235k step is not ~0 steps", () => {
    const big = computeUsage(
      inputs({
        tail: {
          latest: latest(735_000, 100, "claude-opus-5-5", "2.1.332"),
          earlier: [
            { messageId: "a", total: 500_000 },
            { messageId: "b", total: 497_000 },
          ],
        },
      }),
    );
    expect(big).toMatchObject({ autocompactAt: 967_000, tokensPerStep: 3_000, stepsUntilAutocompact: 77 });
    // Two prompts later the large step is still among the recent ones: the estimate holds.
    const later = computeUsage(
      inputs({
        tail: {
          latest: latest(741_000, 100, "claude-opus-5-5", "2.1.332"),
          earlier: [738_000, 735_000, 500_000, 497_000].map((total, i) => ({ messageId: `m${i}`, total })),
        },
      }),
    );
    expect(later).toMatchObject({ tokensPerStep: 3_000, stepsUntilAutocompact: 75 });
  });
});

describe("computeUsage for a model Claude Code does not auto-compact", () => {
  it("says so at 184k of 200k on claude-sonnet-4-5 with 2.1.332, never 'may compact at any moment'", () => {
    const usage = computeUsage(inputs({ tail: { latest: latest(184_000, 100, "claude-sonnet-4-5", "2.1.332") } }));
    expect(usage).toMatchObject({ autocompactAt: null, tokensUntilAutocompact: null, limitKind: "window" });
    expect(usage.autocompactOffBecause).toContain(
      "Claude Code 2.1.332 has no auto-compact point for claude-sonnet-4-5",
    );
    expect(usage.summary).toContain("auto-compact is off (Claude Code 2.1.332 has no auto-compact point for");
    expect(usage.summary).toContain("about 16k left in the window");
    expect(usage.summary).not.toContain("may compact at any moment");
    expect(usage.summary).toContain("Write a handoff now (write_handoff), then /compact or start a new session.");
  });

  it("keeps the point for claude-sonnet-4-6 on the same version", () => {
    const usage = computeUsage(inputs({ tail: { latest: latest(184_000, 100, "claude-sonnet-4-6", "2.1.332") } }));
    expect(usage.autocompactAt).toBe(167_000);
    expect(usage.summary).toContain("past the auto-compact point (~167k) by 17k");
  });
});

describe("computeUsage with a working budget", () => {
  const onOpus = (total: number) => ({ latest: latest(total, 100, "claude-opus-5-5", "2.1.332") });

  it("counts status and steps against a budget below the auto-compact point, and says so", () => {
    const earlier = [240_000, 230_000, 220_000].map((total, i) => ({ messageId: `m${i}`, total }));
    const usage = computeUsage(
      inputs({ budget: { tokens: 300_000, problem: null }, tail: { ...onOpus(250_000), earlier } }),
    );
    expect(usage).toMatchObject({
      autocompactAt: 967_000,
      budget: 300_000,
      limit: 300_000,
      limitKind: "budget",
      tokensUntilLimit: 50_000,
      stepsUntilLimit: 5,
      warnAt: 225_000,
      criticalAt: 270_000,
      status: "warn",
    });
    expect(usage.summary).toContain("working budget 300k: about 50k left (~5 steps at the recent ~10k per step)");
    expect(usage.summary).toContain("status warn from 225k (75% of the working budget)");
    expect(usage.summary).toContain("auto-compact expected at ~967k");
  });

  it("leaves a budget above the auto-compact point out", () => {
    const usage = computeUsage(inputs({ budget: { tokens: 190_000, problem: null } }));
    expect(usage).toMatchObject({ budget: null, limitKind: "auto-compact", limit: 167_000 });
  });

  it("says a refused budget was ignored, and counts as without it", () => {
    const problem = 'CTX_MONITOR_BUDGET="lots" is not a token count (write 300000 or 300k); budget ignored';
    const usage = computeUsage(inputs({ budget: { tokens: null, problem }, tail: onOpus(250_000) }));
    expect(usage).toMatchObject({ budget: null, limitKind: "auto-compact", status: "ok" });
    expect(usage.summary).toContain(`${problem}.`);
  });
});
