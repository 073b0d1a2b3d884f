// The context-over-time chart as inline SVG, drawn by hand: a line per conversation (the session
// and each subagent), the auto-compact line, a marker at each compaction and handoff, labelled axes.
// SVG needs no script, prints sharply, and its elements can be checked in a browser by class.
import { exactNumber, roundTokens } from "../../base/format.ts";
import type { TimelineMark, TimelineStep } from "../../transcript/response-timeline.ts";
import { safe } from "./escape.ts";
import type { TimelineSeries } from "./report-data.ts";

interface ChartInput {
  main: TimelineSeries;
  subagents: TimelineSeries[];
  autocompactAt: number | null;
  contextWindow: number;
}

const WIDTH = 960;
const HEIGHT = 380;
/** The top margin holds the markers' labels, in two staggered rows so neighbours do not overlap. */
const PAD = { left: 64, right: 20, top: 40, bottom: 44 };
/** Points per line at most; beyond, each bucket keeps its lowest and highest point (peaks stay visible). */
const MAX_POINTS = 1200;
/** Dots with a tooltip each, only on short sessions. */
const MAX_DOTS = 400;

interface Point {
  x: number;
  total: number;
  step: TimelineStep;
}

/** Time when every response has one, else the response number (older transcripts, hand-made files). */
function xAxis(input: ChartInput): {
  byTime: boolean;
  of: (step: TimelineStep) => number;
} {
  const all = [input.main, ...input.subagents].flatMap((series) => series.steps);
  const byTime = all.length > 0 && all.every((step) => step.at !== null && !Number.isNaN(Date.parse(step.at)));
  return { byTime, of: (step) => (byTime ? Date.parse(step.at!) : step.index) };
}

function downsample(points: Point[], max = MAX_POINTS): Point[] {
  if (points.length <= max) return points;
  const bucket = Math.ceil(points.length / (max / 2));
  const kept: Point[] = [];
  for (let start = 0; start < points.length; start += bucket) {
    const slice = points.slice(start, start + bucket);
    let low = slice[0]!;
    let high = slice[0]!;
    for (const point of slice) {
      if (point.total < low.total) low = point;
      if (point.total > high.total) high = point;
    }
    kept.push(
      ...(low.x <= high.x ? [low, high] : [high, low]).filter((point, index, pair) => index === 0 || point !== pair[0]),
    );
  }
  return kept;
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((step) => step >= raw) ?? raw;
}

/** Whole steps for time ticks: seconds, minutes, hours, days. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map(
  (seconds) => seconds * 1000,
);

/** Ticks at whole times (every 5 minutes, every hour…) inside the span, about `count` of them. */
export function timeTicks(min: number, max: number, count: number): { at: number[]; stepMs: number } {
  const span = Math.max(1000, max - min);
  const stepMs = TIME_STEPS.find((step) => span / step <= count) ?? Math.ceil(span / count / 86_400_000) * 86_400_000;
  const at: number[] = [];
  for (let tick = Math.ceil(min / stepMs) * stepMs; tick <= max; tick += stepMs) at.push(tick);
  return { at, stepMs };
}

function timeLabel(ms: number, stepMs: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  if (spanMs > 36 * 3600_000) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return stepMs < 60_000 ? iso.slice(11, 19) : iso.slice(11, 16);
}

/** Labels near an edge are anchored to it, so none runs past the chart. */
function anchorAt(px: number, left: number, right: number, room = 40): string {
  if (px > right - room) return "end";
  if (px < left + room) return "start";
  return "middle";
}

export function renderChart(input: ChartInput): string {
  const axis = xAxis(input);
  const series = [input.main, ...input.subagents];
  // Loops, not Math.max(...all): a long session has more responses than a call can take arguments.
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let maxTotal = 0;
  for (const step of series.flatMap((entry) => entry.steps)) {
    const x = axis.of(step);
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    maxTotal = Math.max(maxTotal, step.total);
  }
  if (xMin > xMax) [xMin, xMax] = [0, 1];
  const yMax = Math.max(1000, maxTotal, input.autocompactAt ?? 0) * 1.08;
  const xSpan = Math.max(1, xMax - xMin);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const sx = (x: number) => PAD.left + ((x - xMin) / xSpan) * plotW;
  const sy = (tokens: number) => PAD.top + plotH - (tokens / yMax) * plotH;
  const parts: string[] = [];

  const yStep = niceStep(yMax, 5);
  for (let tick = 0; tick <= yMax; tick += yStep) {
    parts.push(
      `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${sy(tick).toFixed(1)}" y2="${sy(tick).toFixed(1)}"/>`,
    );
    parts.push(
      `<text class="tick y-tick" x="${PAD.left - 8}" y="${(sy(tick) + 4).toFixed(1)}" text-anchor="end">${roundTokens(tick)}</text>`,
    );
  }
  const xTicks = axis.byTime
    ? timeTicks(xMin, xMax, 6)
    : {
        at: Array.from({ length: 6 }, (_, i) => Math.round(xMin + (xSpan * i) / 5)),
        stepMs: 0,
      };
  for (const x of new Set(xTicks.at)) {
    const label = axis.byTime ? timeLabel(x, xTicks.stepMs, xSpan) : `#${x}`;
    const px = sx(x);
    parts.push(
      `<line class="x-grid" x1="${px.toFixed(1)}" x2="${px.toFixed(1)}" y1="${HEIGHT - PAD.bottom}" y2="${HEIGHT - PAD.bottom + 5}"/>` +
        `<text class="tick x-tick" x="${px.toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="${anchorAt(px, PAD.left, WIDTH - PAD.right)}">${label}</text>`,
    );
  }
  parts.push(
    `<text class="axis-label" x="${PAD.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle">${axis.byTime ? "time (UTC)" : "API call"}</text>`,
  );
  parts.push(
    `<text class="axis-label" transform="translate(14 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle">context tokens per API call</text>`,
  );

  if (input.autocompactAt !== null) {
    const y = sy(input.autocompactAt).toFixed(1);
    parts.push(`<line class="autocompact-line" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}"/>`);
    parts.push(
      `<text class="autocompact-label" x="${WIDTH - PAD.right - 4}" y="${Number(y) - 6}" text-anchor="end">auto-compact ~${roundTokens(input.autocompactAt)}</text>`,
    );
  }
  parts.push(...markers(input.main, axis.of, sx, PAD.top, PAD.top + plotH));
  series.forEach((entry, index) => {
    parts.push(seriesPath(entry, index, axis.of, sx, sy));
  });
  if (!input.main.steps.length)
    parts.push(
      `<text class="empty" x="${PAD.left + plotW / 2}" y="${PAD.top + plotH / 2}" text-anchor="middle">no API response recorded yet</text>`,
    );
  const label = `Context size per API call over ${axis.byTime ? "time" : "calls"}: ${series.length} line${series.length === 1 ? "" : "s"}`;
  return `<svg class="context-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

function seriesPath(
  entry: TimelineSeries,
  index: number,
  of: (step: TimelineStep) => number,
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  const kind = index === 0 ? "series-main" : `series-subagent series-${Math.min(index, 6)}`;
  const points = downsample(entry.steps.map((step) => ({ x: of(step), total: step.total, step })));
  const coordinates = withDrops(points, entry, of)
    .map((point) => `${sx(point.x).toFixed(1)},${sy(point.total).toFixed(1)}`)
    .join(" ");
  const dots =
    entry.steps.length <= MAX_DOTS
      ? points
          .map((point) => {
            const causes = point.step.causes.length ? ` after ${point.step.causes.join(", ")}` : "";
            const title = `${entry.label}, call ${point.step.index}: ${exactNumber(point.total)} tokens${causes}`;
            return `<circle class="point" cx="${sx(point.x).toFixed(1)}" cy="${sy(point.total).toFixed(1)}" r="2.5"><title>${safe(title)}</title></circle>`;
          })
          .join("")
      : "";
  return `<g class="series ${kind}" data-label="${safe(entry.label)}"><polyline points="${coordinates}"/>${dots}</g>`;
}

/**
 * A compaction as the context lived it: the size holds until the compaction's time, then drops straight
 * down to what it kept (the compaction's own figures, else the calls around it), rather than a slope
 * from the last call before to the first after.
 */
function withDrops(
  points: Point[],
  entry: TimelineSeries,
  of: (step: TimelineStep) => number,
): Array<{ x: number; total: number }> {
  const drops = entry.marks.flatMap((mark) => {
    if (mark.kind !== "compaction") return [];
    const x = markX(entry, mark, of);
    const before = entry.steps[mark.afterStep - 1];
    const after = entry.steps[mark.afterStep];
    const high = mark.preTokens ?? before?.total;
    const low = after?.total ?? mark.postTokens;
    if (x === null || high === undefined || low === undefined || low === null) return [];
    return [{ x, high, low, afterStep: mark.afterStep }];
  });
  const out: Array<{ x: number; total: number }> = [];
  let next = 0;
  const flush = (upTo: number) => {
    while (next < drops.length && drops[next]!.afterStep < upTo) {
      const drop = drops[next++]!;
      out.push({ x: drop.x, total: drop.high }, { x: drop.x, total: drop.low });
    }
  };
  // A step's position in the series is its place in `steps`: the drop comes after the step it followed.
  const position = new Map(entry.steps.map((step, index) => [step, index]));
  for (const point of points) {
    flush((position.get(point.step) ?? 0) + 1);
    out.push(point);
  }
  flush(Number.POSITIVE_INFINITY);
  return out;
}

/** A mark's x: at its own time when that lies between the calls around it (clocks and copies can disagree), else between them. */
function markX(series: TimelineSeries, mark: TimelineMark, of: (step: TimelineStep) => number): number | null {
  const before = series.steps[mark.afterStep - 1];
  const after = series.steps[mark.afterStep];
  if (!before && !after) return null;
  const own = mark.at ? of({ ...(before ?? after)!, at: mark.at, index: mark.afterStep + 0.5 }) : Number.NaN;
  const low = before ? of(before) : Number.NEGATIVE_INFINITY;
  const high = after ? of(after) : Number.POSITIVE_INFINITY;
  if (Number.isFinite(own) && own >= low && own <= high) return own;
  if (before && after) return (low + high) / 2;
  return before ? low : high;
}

function markers(
  main: TimelineSeries,
  of: (step: TimelineStep) => number,
  sx: (x: number) => number,
  top: number,
  bottom: number,
): string[] {
  const [left, right] = [PAD.left, WIDTH - PAD.right];
  return main.marks.flatMap((mark, index) => {
    const x = markX(main, mark, of);
    if (x === null) return [];
    const labelY = index % 2 === 0 ? top - 22 : top - 8;
    const px = sx(x).toFixed(1);
    const text =
      mark.kind === "compaction"
        ? `compacted (${mark.trigger ?? "?"})${mark.preTokens !== null ? ` ${roundTokens(mark.preTokens)} → ${roundTokens(mark.postTokens ?? 0)}` : ""}`
        : "handoff written";
    return [
      `<g class="${mark.kind}-marker"><line x1="${px}" x2="${px}" y1="${top - 4}" y2="${bottom}"/>` +
        `<text x="${px}" y="${labelY}" text-anchor="${anchorAt(Number(px), left, right, 110)}">${safe(text)}</text><title>${safe(text)}</title></g>`,
    ];
  });
}
