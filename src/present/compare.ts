// `ctx-monitor compare` as people read it: the categories side by side, why each differs, then the
// MCP servers.

import { exactNumber } from "../base/format.ts";
import type { Comparison } from "../compare/read-comparison.ts";
import { PLAIN, paint, type Style, wrap } from "./terminal.ts";
import { padEnd, widest } from "./width.ts";

const signed = (value: number | null) =>
  value === null ? "—" : value === 0 ? "0" : `${value > 0 ? "+" : "−"}${exactNumber(Math.abs(value))}`;
const figure = (value: number | null) => (value === null ? "—" : exactNumber(value));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const first = widest([header[0]!, ...rows.map((row) => row[0]!)]);
  const line = (cells: readonly string[]) =>
    `  ${padEnd(cells[0]!, first)}  ${cells
      .slice(1)
      .map((cell) => cell.padStart(12))
      .join("  ")}`;
  return [line(header), ...rows.map(line)];
}

export function describeComparison(comparison: Comparison, style: Style = PLAIN): string {
  const lines = [
    wrap(style, comparison.summary),
    "",
    ...table(
      ["category", "/context", "ctx-monitor", "difference"],
      comparison.rows.map((row) => [
        row.category,
        figure(row.claudeCode),
        figure(row.ctxMonitor),
        signed(row.difference),
      ]),
    ),
  ];
  const reasons = comparison.rows.filter((row) => row.why);
  if (reasons.length) {
    lines.push("", "  why they differ");
    for (const row of reasons) lines.push(`    ${wrap(style, `${row.category}: ${row.why}`, "      ")}`);
  }
  if (comparison.servers.length) {
    lines.push(
      "",
      ...table(
        ["MCP server", "/context", "(deferred)", "ctx-monitor", "difference"],
        comparison.servers.map((server) => [
          server.server,
          figure(server.claudeCode),
          figure(server.claudeCodeDeferred),
          figure(server.ctxMonitor),
          signed(server.difference),
        ]),
      ),
    );
  }
  lines.push(
    "",
    paint(
      style,
      "dim",
      `  /context: ${comparison.contextRun.requests} count_tokens requests captured ${comparison.contextRun.time}${comparison.contextRun.model ? ` (${comparison.contextRun.model})` : ""}; session ${comparison.sessionId}`,
    ),
  );
  return lines.join("\n");
}
