// The whole report as one self-contained HTML page: inline styles, inline SVG, no script, and a
// content security policy that forbids loading anything, so viewing it makes no network request.
import { exactNumber, roundTokens } from "../../context/format.ts";
import { renderChart } from "./chart.ts";
import { safe } from "./escape.ts";
import type { ReportData, TimelineSeries } from "./report-data.ts";
import {
  breakdownSection,
  captureSection,
  compactionsSection,
  consumersSection,
  handoffsSection,
  subagentsSection,
} from "./sections.ts";
import { REPORT_CSS } from "./styles.ts";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function figure(label: string, value: string, className = ""): string {
  return `<div class="figure"><span class="note">${label}</span><b class="${className}">${value}</b></div>`;
}

function headline(data: ReportData): string {
  const { usage } = data;
  const left = usage.autocompactAt === null ? "off" : `${roundTokens(usage.tokensUntilAutocompact ?? 0)}`;
  const steps = usage.stepsUntilAutocompact === null ? "—" : `~${exactNumber(usage.stepsUntilAutocompact)}`;
  return (
    `<div class="figures">` +
    figure(
      "context used",
      `${usage.estimated ? "~" : ""}${exactNumber(usage.usedTokens)} (${Math.round(usage.usedPercent)}%)`,
    ) +
    figure("window", `${exactNumber(usage.contextWindow)}`) +
    figure("status", usage.status, `status-${usage.status}`) +
    figure("until auto-compact", left) +
    figure("steps left", steps) +
    figure("compactions", String(usage.compactions)) +
    figure("API calls", exactNumber(data.main.steps.length)) +
    `</div><p>${safe(usage.summary)}</p>`
  );
}

function legend(main: TimelineSeries, subagents: TimelineSeries[], autocompact: boolean): string {
  const items = [
    `<li><span class="swatch" style="background:var(--main)"></span>${safe(main.label)}</li>`,
    ...subagents.map(
      (series, index) =>
        `<li><span class="swatch" style="background:var(--s${Math.min(index + 1, 6)})"></span>${safe(series.label)}</li>`,
    ),
    ...(autocompact
      ? [`<li><span class="swatch" style="background:var(--autocompact)"></span>auto-compact point</li>`]
      : []),
    `<li><span class="swatch" style="background:var(--compaction)"></span>compaction</li>`,
    `<li><span class="swatch" style="background:var(--handoff)"></span>handoff</li>`,
  ];
  return `<ul class="legend">${items.join("")}</ul>`;
}

export function renderReport(data: ReportData): string {
  const { usage } = data;
  const title = `Context report: session ${usage.sessionId.slice(0, 8)}`;
  const chart = renderChart({
    main: data.main,
    subagents: data.subagents,
    autocompactAt: usage.autocompactAt,
    contextWindow: usage.contextWindow,
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${safe(title)}</title><style>${REPORT_CSS}</style></head>
<body>
<header><h1>${safe(title)}</h1>
<p class="meta">session ${safe(usage.sessionId)} · ${safe(usage.model ?? "model unknown")} · window from ${safe(usage.windowSource)} · transcript ${safe(usage.transcriptPath)} · generated ${safe(data.generatedAt)} by ctx-monitor</p></header>
<main>${headline(data)}
<section id="timeline"><h2>Context per API call</h2>${chart}${legend(data.main, data.subagents, usage.autocompactAt !== null)}
<p class="note">Each point is the exact size of one request the model answered (input, cache writes and cache reads). Dashed lines are subagents, each in its own context.</p></section>
${breakdownSection(data.breakdown)}
${consumersSection(data.breakdown)}
${compactionsSection(data.main)}
${subagentsSection(data.subagents)}
${handoffsSection(data.handoffs)}
${captureSection(data.capture)}
</main></body></html>
`;
}
