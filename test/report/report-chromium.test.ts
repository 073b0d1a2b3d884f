// `ctx-monitor report` opened in the machine's headless Chromium: the chart and its labels are there
// for transcripts written by the real Claude Code, nothing is requested from the network, nothing
// logs an error, every text is redacted and escaped, and it reads in light, dark and print.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownToolsOf } from "../../src/deps.ts";
import { handoffFileName } from "../../src/handoff/store.ts";
import { renderReport } from "../../src/report/html/render-report.ts";
import { gatherReport } from "../../src/report/html/report-data.ts";
import { runCli } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import { hasChromium } from "../support/system-tools.ts";
import {
  assistantResponse,
  compactBoundary,
  compactSummary,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";
import { type OpenedReport, openReport } from "./chromium.ts";

const chromium = hasChromium();

const OUTPUT = join(import.meta.dirname, "..", "..", ".tmp", "test-output");

async function reportOf(transcriptPath: string, dir: string, env: Record<string, string> = {}): Promise<string> {
  const out = join(dir, "report.html");
  const result = await runCli(["report", "--transcript", transcriptPath, "--out", out], {
    CTX_MONITOR_STATE_DIR: join(dir, "state"),
    HOME: dir,
    ...env,
  });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe(out);
  return out;
}

/** Every text of the chart lies within the chart's own box (none clipped at an edge). */
async function expectLabelsInside(opened: OpenedReport): Promise<void> {
  const chart = opened.page.locator("svg.context-chart");
  const box = (await chart.boundingBox())!;
  const texts = await chart.locator("text").all();
  expect(texts.length).toBeGreaterThan(5);
  for (const text of texts) {
    const own = (await text.boundingBox())!;
    expect(own.x).toBeGreaterThanOrEqual(box.x);
    expect(own.x + own.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
}

/** The x-axis labels are whole times: seconds, minutes or hours ending in 0 or 5 where the step allows. */
async function xLabels(opened: OpenedReport): Promise<string[]> {
  return opened.page.locator("svg.context-chart .x-tick").allTextContents();
}

function expectClean(opened: OpenedReport): void {
  expect(opened.consoleErrors).toEqual([]);
  expect(opened.requests).toEqual([]);
}

describe.runIf(chromium)("the report in Chromium", () => {
  let opened: OpenedReport;
  let html: string;
  let dir: string;
  const truth = fixtureTruth("busy-session");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ctx-monitor-report-"));
    const handoffs = join(dir, "handoffs");
    mkdirSync(handoffs);
    const handoffName = handoffFileName(new Date("2026-01-01T09:00:40Z"), truth.sessionId, "before-review");
    writeFileSync(join(handoffs, handoffName), "# Handoff\n");
    const path = await reportOf(stageFixture("busy-session", dir), dir, {
      CTX_MONITOR_HANDOFF_DIR: handoffs,
    });
    html = readFileSync(path, "utf8");
    opened = await openReport(path);
    mkdirSync(OUTPUT, { recursive: true });
    await opened.page.screenshot({
      path: join(OUTPUT, "report-busy-session.png"),
      fullPage: true,
    });
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads with no console error and no request, and carries no script", async () => {
    expectClean(opened);
    expect(await opened.page.locator("script").count()).toBe(0);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });

  it("draws the session and its subagent as their own lines, a dot per API call, and no auto-compact line where Claude Code has none", async () => {
    const chart = opened.page.locator("svg.context-chart");
    await expect(chart.count()).resolves.toBe(1);
    expect(await chart.locator(".series").count()).toBe(2);
    expect(await chart.locator(".series-main .point").count()).toBe(truth.mainRequestTotals.length);
    expect(await chart.locator(".series-subagent .point").count()).toBe(truth.subagentRequestTotals.length);
    expect(await chart.locator(".series-main polyline").getAttribute("points")).toMatch(/^(\d+\.\d,\d+\.\d ?)+$/);
    // The fixture's claude-sonnet-4-5 has no auto-compact point in Claude Code (its /context shows no
    // Autocompact buffer row): the chart draws no line for a compaction that will not come.
    expect(await chart.locator(".autocompact-label").count()).toBe(0);
    expect(await chart.locator(".autocompact-line").count()).toBe(0);
    const mainTitle = await chart.locator(".series-main .point title").last().textContent();
    expect(mainTitle).toContain(
      `call ${truth.mainRequestTotals.length}: ${truth.usedTokens.toLocaleString("en-US")} tokens`,
    );
    expect(await chart.locator(".y-tick").allTextContents()).toContain("150k");
    expect(await opened.page.locator(".legend li").allTextContents()).toEqual(
      expect.arrayContaining(["main conversation", "subagent Review the fix"]),
    );
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    await expectLabelsInside(opened);
  });

  it("shows the breakdown as a stacked bar whose segments are the categories, and the top consumers", async () => {
    const segments = await Promise.all(
      (await opened.page.locator(".breakdown-segment").all()).map((segment) => segment.getAttribute("data-category")),
    );
    expect(segments).toEqual(
      expect.arrayContaining(["System prompt", "System tools", "Messages: tool results (Read)", "Free space"]),
    );
    const top = await opened.page.locator("#top-consumers tbody tr").first().textContent();
    expect(top).toContain("Read README.md");
    expect(await opened.page.locator("#repeated-reads").textContent()).toContain("README.md×2");
    expect(await opened.page.locator("#subagents").textContent()).toContain("Review the fix");
  });

  it("lists the handoffs written for the session", async () => {
    expect(await opened.page.locator("#handoffs tbody tr").allTextContents()).toEqual([
      expect.stringContaining("-before-review.md"),
    ]);
  });

  it("never shows a planted secret", () => {
    expect(truth.plantedSecrets.length).toBeGreaterThan(0);
    for (const secret of truth.plantedSecrets) expect(html).not.toContain(secret);
  });

  it("reads in dark and in print", async () => {
    const background = () => opened.page.evaluate<string>("getComputedStyle(document.body).backgroundColor");
    expect(await background()).toBe("rgb(255, 255, 255)");
    await opened.page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).toBe("rgb(13, 17, 23)");
    await opened.page.screenshot({
      path: join(OUTPUT, "report-busy-session-dark.png"),
      fullPage: true,
    });
    await opened.page.emulateMedia({ colorScheme: "dark", media: "print" });
    expect(await background()).toBe("rgb(255, 255, 255)");
    const pdf = await opened.page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe.runIf(chromium)("the report of a compacted session", () => {
  it("marks the compaction on the chart and lists it", async () => {
    const dir = tempDir();
    const path = await reportOf(stageFixture("compacted-session", dir), dir);
    const opened = await openReport(path);
    try {
      expectClean(opened);
      const markers = opened.page.locator("svg.context-chart .compaction-marker");
      expect(await markers.count()).toBe(fixtureTruth("compacted-session").compactions.length);
      expect(await markers.first().locator("text").textContent()).toBe("compacted (manual) 34k → 774");
      expect(await opened.page.locator("#compactions tbody tr").count()).toBe(1);
      // The drop: two consecutive points of the main line at the compaction's x, from its size before to the next call's.
      const points = (await opened.page.locator(".series-main polyline").getAttribute("points"))!
        .split(" ")
        .map((pair) => pair.split(",").map(Number) as [number, number]);
      const markerX = Number(await markers.first().locator("line").getAttribute("x1"));
      const drop = points.findIndex((point, index) => index > 0 && point[0] === points[index - 1]![0]);
      expect(drop).toBeGreaterThan(0);
      expect(points[drop]![0]).toBeCloseTo(markerX, 1);
      expect(points[drop]![1]).toBeGreaterThan(points[drop - 1]![1]);
      // The lists count what is in the context now, and say since when.
      const compactedAt = await opened.page.locator("#compactions tbody td").first().textContent();
      const at = new Date(compactedAt!).toISOString().slice(11, 16);
      for (const section of ["#top-consumers", "#repeated-reads", "#tools"])
        expect(await opened.page.locator(`${section} .scope`).textContent()).toContain(
          `Since the last compaction at ${at} UTC`,
        );
    } finally {
      await opened.close();
    }
  }, 60_000);
});

describe.runIf(chromium)("a two-day session compacted at 14:02", () => {
  it("drops straight down at the compaction, labels whole times inside the chart, and says what the lists count", async () => {
    const dir = tempDir();
    const at = (iso: string) => ({ timestamp: iso });
    const read = toolUse("Read", { file_path: "/home/user/project/a.ts" });
    const again = toolUse("Read", { file_path: "/home/user/project/a.ts" });
    const path = join(dir, "11111111-2222-4333-8444-555555555556.jsonl");
    writeFileSync(
      path,
      transcript([
        userPrompt("start", at("2026-01-01T09:00:07Z")),
        assistantResponse({ input: 20_000 }, [text("a")], at("2026-01-01T09:00:09Z")),
        assistantResponse({ input: 120_000 }, [text("b")], at("2026-01-02T11:17:43Z")),
        assistantResponse({ input: 184_000 }, [text("c")], at("2026-01-02T13:58:31Z")),
        compactBoundary(184_000, 9_000, "auto").replace(
          /"timestamp":"[^"]+"/,
          '"timestamp":"2026-01-02T14:02:00.000Z"',
        ),
        compactSummary("summary"),
        assistantResponse({ input: 24_000 }, [text("d"), read], at("2026-01-02T14:05:13Z")),
        toolResult(read.id, "x".repeat(4000), at("2026-01-02T14:05:14Z")),
        assistantResponse({ input: 26_000 }, [again], at("2026-01-02T20:11:02Z")),
        toolResult(again.id, "x".repeat(4000), at("2026-01-02T20:11:03Z")),
        assistantResponse({ input: 28_000 }, [text("e")], at("2026-01-02T23:41:13Z")),
      ]),
    );
    const runtime = fakeRuntime({
      env: { CTX_MONITOR_STATE_DIR: join(dir, "state") },
      homeDir: dir,
      cwd: dir,
    });
    const out = join(dir, "two-days.html");
    writeFileSync(
      out,
      renderReport(
        await gatherReport({ transcriptPath: path }, { runtime, capture: () => null, ownTools: ownToolsOf(runtime) }),
      ),
    );
    const opened = await openReport(out);
    try {
      expectClean(opened);
      const chart = opened.page.locator("svg.context-chart");
      // Whole times: a two-day span is ticked every few hours, on the hour.
      const labels = await xLabels(opened);
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) expect(label).toMatch(/^\d\d-\d\d \d\d:00$/);
      await expectLabelsInside(opened);
      // The compaction is a vertical drop at its own time, from 184k to the next call's 24k.
      const points = (await chart.locator(".series-main polyline").getAttribute("points"))!
        .split(" ")
        .map((pair) => pair.split(",").map(Number) as [number, number]);
      const markerX = Number(await chart.locator(".compaction-marker line").getAttribute("x1"));
      const drops = points.filter((point, index) => index > 0 && point[0] === points[index - 1]![0]);
      expect(drops).toHaveLength(1);
      const drop = points.indexOf(drops[0]!);
      expect(points[drop]![0]).toBeCloseTo(markerX, 1);
      const dotY = async (n: number) => Number(await chart.locator(".series-main .point").nth(n).getAttribute("cy"));
      expect(points[drop - 1]![1]).toBeCloseTo(await dotY(2), 1);
      expect(points[drop]![1]).toBeCloseTo(await dotY(3), 1);
      for (const section of ["#top-consumers", "#repeated-reads", "#tools"])
        expect(await opened.page.locator(`${section} .scope`).textContent()).toContain(
          "Since the last compaction at 14:02 UTC",
        );
      expect(await opened.page.locator("#repeated-reads").textContent()).toContain("a.ts×2");
    } finally {
      await opened.close();
    }
  }, 60_000);
});

describe.runIf(chromium)("hostile text in a transcript", () => {
  it("is escaped and redacted, and capture figures appear when a source has them", async () => {
    const dir = tempDir();
    const call = toolUse("Bash", {
      command: `echo "<script>alert(1)</script>" sk-ant-api03-${"A".repeat(40)}`,
    });
    const path = join(dir, "11111111-2222-4333-8444-555555555555.jsonl");
    writeFileSync(
      path,
      transcript([
        userPrompt("<img src=x onerror=alert(2)> please"),
        assistantResponse({ input: 5_000 }, [text("running"), call]),
        toolResult(call.id, "<b>done</b>"),
        assistantResponse({ input: 6_000 }, [text("done")]),
      ]),
    );
    const runtime = fakeRuntime({
      env: { CTX_MONITOR_STATE_DIR: join(dir, "state") },
      homeDir: dir,
      cwd: dir,
    });
    const data = await gatherReport(
      { transcriptPath: path },
      {
        runtime,
        capture: () => ({ source: "proxy capture <i>x</i>", rows: [{ label: "requests captured", value: "2" }] }),
        ownTools: ownToolsOf(runtime),
      },
    );
    const html = renderReport(data);
    const out = join(dir, "hostile.html");
    writeFileSync(out, html);
    const opened = await openReport(out);
    try {
      expectClean(opened);
      // The page's own markup uses <b> only in the headline figures.
      expect(await opened.page.locator("script, img, i, b:not(.figure > b)").count()).toBe(0);
      const label = await opened.page.locator("#top-consumers").textContent();
      expect(label).toContain('echo "<script>alert(1)</script>" [REDACTED:anthropic-key]');
      expect(html).not.toContain("sk-ant-api03");
      expect(await opened.page.locator("#capture").textContent()).toContain("proxy capture <i>x</i>");
      expect(await opened.page.locator("#capture tbody tr").allTextContents()).toEqual(["requests captured2"]);
    } finally {
      await opened.close();
    }
  }, 60_000);
});

describe("ctx-monitor report's refusals", () => {
  it("says where it could not write, without a stack", async () => {
    const dir = tempDir();
    const out = join(dir, "missing", "report.html");
    const result = await runCli(["report", "--transcript", stageFixture("default-model", dir), "--out", out], {
      CTX_MONITOR_STATE_DIR: join(dir, "state"),
      HOME: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `ctx-monitor report: could not write ${out} (ENOENT); pass --out with a file in a folder you can write to\n`,
    );
  });
});
