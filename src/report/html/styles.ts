// The report's only stylesheet, inlined: light by default, dark when the viewer prefers it, and a
// print layout (no backgrounds, sections kept whole, links not needed since there are none).
export const REPORT_CSS = `
:root { --bg:#ffffff; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --panel:#f6f8fa;
  --ok:#1a7f37; --warn:#9a6700; --critical:#cf222e; --main:#0969da; --autocompact:#cf222e; --handoff:#8250df; --compaction:#9a6700;
  --s1:#bf3989; --s2:#1a7f37; --s3:#bc4c00; --s4:#6639ba; --s5:#0a7b83; --s6:#57606a;
  --c0:#0969da; --c1:#8250df; --c2:#1a7f37; --c3:#bc4c00; --c4:#bf3989; --c5:#0a7b83; --c6:#9a6700; --c7:#57606a; --free:#eaeef2; --buffer:#ffd8d3; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#0d1117; --fg:#e6edf3; --muted:#9198a1; --line:#3d444d; --panel:#151b23;
    --ok:#3fb950; --warn:#d29922; --critical:#f85149; --main:#4493f8; --autocompact:#f85149; --handoff:#ab7df8; --compaction:#d29922;
    --s1:#db61a2; --s2:#3fb950; --s3:#f0883e; --s4:#a371f7; --s5:#39c5cf; --s6:#9198a1;
    --c0:#4493f8; --c1:#ab7df8; --c2:#3fb950; --c3:#f0883e; --c4:#db61a2; --c5:#39c5cf; --c6:#d29922; --c7:#9198a1; --free:#21262d; --buffer:#5a1e1e; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta, .note { color: var(--muted); font-size: 13px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.figure { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
.figure b { display: block; font-size: 20px; }
.status-ok { color: var(--ok); } .status-warn { color: var(--warn); } .status-critical { color: var(--critical); }
.context-chart { width: 100%; height: auto; display: block; }
.context-chart .grid, .context-chart .x-grid { stroke: var(--line); stroke-width: 1; }
.context-chart text { fill: var(--muted); font-size: 12px; }
.context-chart .axis-label { font-size: 12px; }
.context-chart .series polyline { fill: none; stroke-width: 2; stroke-linejoin: round; }
.context-chart .series-main polyline { stroke: var(--main); } .context-chart .series-main .point { fill: var(--main); }
${[1, 2, 3, 4, 5, 6].map((n) => `.context-chart .series-${n} polyline { stroke: var(--s${n}); stroke-dasharray: 5 3; } .context-chart .series-${n} .point { fill: var(--s${n}); }`).join("\n")}
.context-chart .autocompact-line { stroke: var(--autocompact); stroke-width: 1.5; stroke-dasharray: 6 4; }
.context-chart .autocompact-label { fill: var(--autocompact); font-weight: 600; }
.context-chart .compaction-marker line { stroke: var(--compaction); stroke-width: 1.5; }
.context-chart .compaction-marker text { fill: var(--compaction); font-weight: 600; }
.context-chart .handoff-marker line { stroke: var(--handoff); stroke-width: 1.5; stroke-dasharray: 2 3; }
.context-chart .handoff-marker text { fill: var(--handoff); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 6px 0 0; padding: 0; list-style: none; font-size: 13px; }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; border-radius: 2px; }
.breakdown-bar { display: flex; height: 30px; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; margin: 8px 0; }
.breakdown-segment { height: 100%; min-width: 1px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.label { word-break: break-word; }
section { break-inside: avoid; }
@media print {
  :root { --bg:#ffffff; --fg:#000000; --panel:#ffffff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .figure { border-color: #999; }
  h2 { break-after: avoid; }
}
`;
