#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);

// src/present/terminal.ts
var PLAIN = { color: false, unicode: true, columns: null };
function styleFor({ env, isTTY, columns, colorByDefault = isTTY && env.TERM !== "dumb" }) {
  const forced = env.FORCE_COLOR;
  const color = env.NO_COLOR ? false : forced !== void 0 && forced !== "" ? forced !== "0" && forced.toLowerCase() !== "false" : colorByDefault;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return { color, unicode: /utf-?8/i.test(locale), columns: isTTY && columns && columns > 20 ? columns : null };
}
var SGR = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 };
function paint(style, tone, text) {
  return style.color && text ? `\x1B[${SGR[tone]}m${text}\x1B[0m` : text;
}
function statusTone(status) {
  return status === "critical" ? "red" : status === "warn" ? "yellow" : "green";
}
function wrap(style, text, indent = "") {
  const width = style.columns;
  if (!width) return text;
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((text2, index) => index === 0 ? text2 : `${indent}${text2}`).join("\n");
}

export {
  PLAIN,
  styleFor,
  paint,
  statusTone,
  wrap
};
