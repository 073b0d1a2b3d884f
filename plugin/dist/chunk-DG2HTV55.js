#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);

// src/integration/hooks/agent-notes.ts
var PRE_COMPACT_LABEL = "pre-compact";
var AUTOMATIC = new RegExp(`-${PRE_COMPACT_LABEL}(?:-\\d+)?\\.md$`);
function isAutomaticHandoff(name) {
  return AUTOMATIC.test(name);
}
function noteSection(markdown, title) {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `### ${title}`);
  if (start === -1) return null;
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3} /.test(line)) break;
    body.push(line);
  }
  const text = body.join("\n").trim();
  return text || null;
}

export {
  PRE_COMPACT_LABEL,
  isAutomaticHandoff,
  noteSection
};
