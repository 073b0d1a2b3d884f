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
function xAxis(input: ChartInput): { byTime: boolean; of: (step: TimelineStep) => number } {
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

function timeLabel(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  if (spanMs > 36 * 3600_000) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return spanMs < 10 * 60_000 ? iso.slice(11, 19) : iso.slice(11, 16);
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
  for (let i = 0; i <= 5; i++) {
    const x = xMin + (xSpan * i) / 5;
    const label = axis.byTime ? timeLabel(x, xSpan) : `#${Math.round(x)}`;
    parts.push(
      `<text class="tick x-tick" x="${sx(x).toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle">${label}</text>`,
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
  const coordinates = points.map((point) => `${sx(point.x).toFixed(1)},${sy(point.total).toFixed(1)}`).join(" ");
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

function markers(
  main: TimelineSeries,
  of: (step: TimelineStep) => number,
  sx: (x: number) => number,
  top: number,
  bottom: number,
): string[] {
  // At its own time when that lies between the calls around it (clocks and copies can disagree), else between them.
  const xOf = (mark: TimelineMark): number | null => {
    const before = main.steps[mark.afterStep - 1];
    const after = main.steps[mark.afterStep];
    const own = mark.at ? of({ ...(before ?? after)!, at: mark.at, index: mark.afterStep + 0.5 }) : Number.NaN;
    const low = before ? of(before) : Number.NEGATIVE_INFINITY;
    const high = after ? of(after) : Number.POSITIVE_INFINITY;
    if (!before && !after) return null;
    if (Number.isFinite(own) && own >= low && own <= high) return own;
    if (before && after) return (low + high) / 2;
    return before ? low : high;
  };
  return main.marks.flatMap((mark, index) => {
    const x = xOf(mark);
    if (x === null) return [];
    const labelY = index % 2 === 0 ? top - 22 : top - 8;
    const px = sx(x).toFixed(1);
    const text =
      mark.kind === "compaction"
        ? `compacted (${mark.trigger ?? "?"})${mark.preTokens !== null ? ` ${roundTokens(mark.preTokens)} → ${roundTokens(mark.postTokens ?? 0)}` : ""}`
        : "handoff written";
    return [
      `<g class="${mark.kind}-marker"><line x1="${px}" x2="${px}" y1="${top - 4}" y2="${bottom}"/>` +
        `<text x="${px}" y="${labelY}" text-anchor="middle">${safe(text)}</text><title>${safe(text)}</title></g>`,
    ];
  });
}
