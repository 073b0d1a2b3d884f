// The watch's pure parts: colour rules, alerts on crossings, the frame's layout and the plain lines.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContextUsage } from "../../src/context/usage.ts";
import { writeHandoffRecord } from "../../src/handoff/agent-notes.ts";
import { handoffFileName, writeNewHandoff } from "../../src/handoff/store.ts";
import { PRE_COMPACT_LABEL } from "../../src/integration/hooks/agent-notes.ts";
import { terminalText } from "../../src/present/safe-text.ts";
import { styleFor } from "../../src/present/terminal.ts";
import { sessionHandoffs } from "../../src/report/session-handoffs.ts";
import { paint } from "../../src/report/watch/colors.ts";
import { clock, fit, renderFrame } from "../../src/report/watch/frame.ts";
import { plainLines } from "../../src/report/watch/plain-lines.ts";
import { nextView, type WatchView } from "../../src/report/watch/view.ts";
import type { TimelineMark, TimelineStep } from "../../src/transcript/response-timeline.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const thresholds = { warnPercent: 75, criticalPercent: 90 };
const now = new Date("2026-01-01T10:00:00Z");

function usage(usedTokens: number, overrides: Partial<ContextUsage> = {}): ContextUsage {
  const autocompactAt = 167_000;
  const percent = (usedTokens / autocompactAt) * 100;
  return {
    sessionId: "aaaaaaaa-0000-4000-8000-000000000001",
    transcriptPath: "/p/aaaaaaaa-0000-4000-8000-000000000001.jsonl",
    sessionSource: "transcript-path",
    sessionGuessed: false,
    subagent: null,
    model: "claude-sonnet-4-5",
    contextWindow: 200_000,
    windowSource: "model-table",
    usedTokens,
    usedPercent: Math.round((usedTokens / 200_000) * 1000) / 10,
    pendingTokens: 0,
    autocompactAt,
    tokensUntilAutocompact: autocompactAt - usedTokens,
    tokensPerStep: 2_000,
    stepsUntilAutocompact: Math.floor((autocompactAt - usedTokens) / 2_000),
    autocompactOffBecause: null,
    budget: null,
    budgetIgnoredBecause: null,
    limit: autocompactAt,
    limitKind: "auto-compact",
    tokensUntilLimit: Math.max(0, autocompactAt - usedTokens),
    stepsUntilLimit: Math.floor(Math.max(0, autocompactAt - usedTokens) / 2_000),
    warnAt: 125_250,
    criticalAt: 150_300,
    status: percent >= 90 ? "critical" : percent >= 75 ? "warn" : "ok",
    estimated: false,
    fresh: true,
    compactions: 0,
    lastCompaction: null,
    asOf: "2026-01-01T09:59:00Z",
    skippedLines: 0,
    summary: "",
    ...overrides,
  } as ContextUsage;
}

const step = (index: number, total: number, causes: string[] = []): TimelineStep => ({
  index,
  at: `2026-01-01T09:${String(index).padStart(2, "0")}:00Z`,
  total,
  added: index === 1 ? null : 2_000,
  causes,
  model: "claude-sonnet-4-5",
});

function view(
  previous: WatchView | null,
  used: number,
  steps: TimelineStep[],
  marks: TimelineMark[] = [],
  overrides: Partial<ContextUsage> = {},
): WatchView {
  return nextView(previous, { usage: usage(used, overrides), steps, marks }, thresholds, now);
}

describe("colour", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ NO_COLOR: "" }, true, true],
  ])("env %j on a TTY=%s → %s", (env, tty, expected) => {
    expect(styleFor({ env, isTTY: tty, columns: undefined }).color).toBe(expected);
  });

  it("paints status in its colour only when enabled", () => {
    expect(terminalText(paint(true).status("critical", "x"), { color: true })).toBe("\x1b[31mx\x1b[0m");
    expect(paint(false).status("critical", "x")).toBe("x");
  });
});

describe("alerts", () => {
  it("fire when a threshold is crossed upwards, and stay until the next one", () => {
    const first = view(null, 100_000, [step(1, 100_000)]);
    expect(first.alert).toBeNull();
    const warn = view(first, 130_000, [step(1, 100_000), step(2, 130_000)]);
    expect(warn.alert?.text).toMatch(/^warn from 125k \(75% of the auto-compact point\): plan a handoff$/);
    const still = view(warn, 131_000, [step(1, 100_000), step(2, 130_000), step(3, 131_000)]);
    expect(still.alert).toBe(warn.alert);
    const critical = view(still, 155_000, [step(4, 155_000)]);
    expect(critical.alert?.text).toMatch(/^critical from 150k \(90% of the auto-compact point\): write a handoff now$/);
  });

  it("fire on a compaction and on a move to another session", () => {
    const first = view(null, 100_000, [step(1, 100_000)]);
    const compaction: TimelineMark = {
      kind: "compaction",
      at: null,
      afterStep: 1,
      trigger: "auto",
      preTokens: 160_000,
      postTokens: 9_000,
    };
    const compacted = view(first, 20_000, [step(1, 100_000), step(2, 20_000)], [compaction]);
    expect(compacted.alert?.text).toMatch(/^compacted from 160k/);
    const moved = view(compacted, 5_000, [step(1, 5_000)], [], {
      transcriptPath: "/p/other.jsonl",
      sessionId: "bbbbbbbb-1",
    });
    expect(moved.switchedFrom).toBe("/p/aaaaaaaa-0000-4000-8000-000000000001.jsonl");
    expect(moved.alert?.text).toBe("now following session bbbbbbbb");
  });
});

describe("the frame", () => {
  const marks: TimelineMark[] = [
    {
      kind: "compaction",
      at: "2026-01-01T09:02:30Z",
      afterStep: 2,
      trigger: "auto",
      preTokens: 160_000,
      postTokens: 9_000,
    },
  ];
  const frame = renderFrame(
    view(
      null,
      130_000,
      [step(1, 100_000, ["prompt"]), step(2, 102_000, ["Read src/a.ts"]), step(3, 130_000, ["Bash: npm test"])],
      marks,
    ),
    { columns: 80, rows: 14 },
    paint(false),
  );

  it("fills the screen exactly, no line wider than it", () => {
    expect(frame).toHaveLength(14);
    for (const line of frame) expect(Array.from(line).length).toBeLessThanOrEqual(80);
  });

  it("shows the gauge with the auto-compact point, what is left, and steps with their causes around the compaction", () => {
    const text = frame.join("\n");
    expect(frame[1]).toMatch(/^█+░*│░* +65% of window WARN/);
    expect(text).toContain("130,000 / 200,000 · 37k until auto-compact (~167k) · ~18 steps (~2k/step)");
    const rows = frame.filter((line) => /^\d\d:\d\d:\d\d /.test(line));
    expect(rows.map((line) => line.slice(9).trim().split(/\s+/)[0])).toEqual(["1", "2", "───", "3"]);
    expect(rows[1]).toContain("Read src/a.ts");
    // The line agrees with the next step (130,000), and labels postTokens as what it is: the messages kept.
    expect(rows[2]).toContain("compacted (auto): 160,000 → 130,000 (9,000 in messages)");
    expect(frame[13]).toMatch(/^q quit · /);
  });

  it("keeps the newest lines when the screen is short", () => {
    const steps = Array.from({ length: 30 }, (_, index) => step(index + 1, 10_000 + index));
    const short = renderFrame(view(null, 10_029, steps), { columns: 60, rows: 10 }, paint(false));
    expect(short).toHaveLength(10);
    expect(short[8]).toMatch(/^\S+ +30 /);
  });

  it("cuts long text with an ellipsis", () => {
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(fit("abc", 4)).toBe("abc");
  });
});

describe("plain lines (stdout not a terminal)", () => {
  it("print the session once, then only what is new", () => {
    const first = view(null, 100_000, [step(1, 100_000, ["prompt"])]);
    const start = plainLines(null, first);
    expect(start[0]).toBe(
      "following session aaaaaaaa-0000-4000-8000-000000000001 (/p/aaaaaaaa-0000-4000-8000-000000000001.jsonl)",
    );
    expect(start.at(-1)).toMatch(
      /100,000\/200,000 \(50% of window\) ok below 125k \(75% of the auto-compact point\) · 67k until auto-compact \(~167k\) · ~33 steps \(~2k\/step\)$/,
    );
    const second = view(first, 130_000, [step(1, 100_000), step(2, 130_000, ["Read a.ts"])]);
    const lines = plainLines(first, second);
    expect(lines[0]).toMatch(/^\S+ +2 +\+2,000 +130,000 +Read a\.ts$/);
    expect(lines[1]).toMatch(/^! .*warn from 125k \(75% of the auto-compact point\)/);
    expect(lines).toHaveLength(3);
    expect(plainLines(second, view(second, 130_000, [step(1, 100_000), step(2, 130_000)]))).toEqual([]);
  });
});

describe("the session's handoffs", () => {
  const session = "aaaaaaaa-0000-4000-8000-000000000001";

  /** A handoff folder as the writers leave it: the PreCompact hook's, the tool's with its notes record, a bare CLI one, and what is not a handoff. */
  function storeWithEveryKind(): { runtime: ReturnType<typeof fakeRuntime>; folder: string } {
    const dir = tempDir();
    const folder = join(dir, "handoffs");
    mkdirSync(folder);
    const automatic = writeNewHandoff(
      folder,
      handoffFileName(new Date("2026-01-01T09:00:00Z"), session, PRE_COMPACT_LABEL),
      "# a",
    );
    const tool = writeNewHandoff(folder, handoffFileName(new Date("2026-01-01T09:10:00Z"), session), "# b");
    writeHandoffRecord(folder, {
      writer: null,
      sessionId: session,
      handoffPath: tool,
      writtenAt: "2026-01-01T09:10:00Z",
      prompts: 2,
      toolCalls: 3,
      notes: { nextSteps: "ship it" },
    });
    writeNewHandoff(folder, handoffFileName(new Date("2026-01-01T09:20:00Z"), session, "cli"), "# c");
    writeNewHandoff(folder, handoffFileName(new Date("2026-01-01T09:30:00Z"), "bbbbbbbb-other"), "# other session");
    writeFileSync(join(folder, ".gitignore"), "*\n");
    writeFileSync(`${automatic.replace(/\.md$/, "")}.lost.txt`, "lost\n");
    const runtime = fakeRuntime({ env: { CTX_MONITOR_HANDOFF_DIR: folder }, homeDir: dir, cwd: dir });
    return { runtime, folder };
  }

  it("lists only the session's handoffs, oldest first; one written before records said who wrote it is told by its name and notes", () => {
    const { runtime, folder } = storeWithEveryKind();
    const listed = sessionHandoffs(runtime, folder, session);
    expect(listed.map((handoff) => [handoff.name.slice(21), handoff.kind])).toEqual([
      ["aaaaaaaa-pre-compact.md", "PreCompact handoff"],
      ["aaaaaaaa.md", "agent's notes"],
      ["aaaaaaaa-cli.md", "no notes"],
    ]);
  });

  it("shows every one in the frame with its time, kind and path, and prints new ones once in plain output", () => {
    const { runtime, folder } = storeWithEveryKind();
    const handoffs = sessionHandoffs(runtime, folder, session);
    const read = { usage: usage(100_000), steps: [step(1, 100_000)], marks: [] };
    const shown = nextView(null, { ...read, handoffs }, thresholds, now);
    const frame = renderFrame(shown, { columns: 160, rows: 20 }, paint(false));
    const lines = frame.filter((line) => line.includes(" ✎ "));
    expect(lines).toHaveLength(3);
    expect(frame).toContain("handoffs (3):");
    for (const [index, kind] of ["PreCompact handoff", "agent's notes", "no notes"].entries()) {
      expect(lines[index]).toContain(kind);
      expect(lines[index]).toContain(handoffs[index]!.path);
      expect(lines[index]!.slice(0, 8)).toBe(clock(handoffs[index]!.modified));
    }
    const before = nextView(null, { ...read, handoffs: handoffs.slice(0, 2) }, thresholds, now);
    const after = nextView(before, { ...read, handoffs }, thresholds, now);
    expect(plainLines(before, after)).toEqual([
      `${clock(handoffs[2]!.modified)} ✎ handoff (no notes) ${handoffs[2]!.path}`,
    ]);
  });

  it("says when there is none, and on a short screen shows the newest with how many earlier are left out", () => {
    const { runtime, folder } = storeWithEveryKind();
    const handoffs = sessionHandoffs(runtime, folder, session);
    const read = { usage: usage(100_000), steps: [step(1, 100_000)], marks: [] };
    expect(renderFrame(nextView(null, read, thresholds, now), { columns: 80, rows: 14 }, paint(false))).toContain(
      "handoffs: none for this session yet",
    );
    const short = renderFrame(
      nextView(null, { ...read, handoffs }, thresholds, now),
      { columns: 200, rows: 9 },
      paint(false),
    );
    expect(short).toHaveLength(9);
    expect(short).toContain("handoffs (3): 2 earlier not shown");
    expect(short.filter((line) => line.includes(" ✎ "))).toEqual([expect.stringContaining(handoffs[2]!.path)]);
  });
});
