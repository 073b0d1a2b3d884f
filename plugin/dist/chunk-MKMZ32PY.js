#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  redactSecrets
} from "./chunk-G63QHD4H.js";

// src/transcript/tool-calls.ts
import { isAbsolute, relative } from "path";
var str = (value) => typeof value === "string" && value ? value : null;
function shorten(text, max = 72) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function redactedLabel(text, max = 72) {
  return shorten(redacted(text.slice(0, 4096)), max);
}
var REDACTED = /* @__PURE__ */ new Map();
var REDACTED_LIMIT = 4096;
function redacted(text) {
  let done = REDACTED.get(text);
  if (done === void 0) {
    if (REDACTED.size >= REDACTED_LIMIT) REDACTED.clear();
    done = redactSecrets(text).text;
    REDACTED.set(text, done);
  }
  return done;
}
function displayPath(path, projectDir) {
  if (projectDir && isAbsolute(path)) {
    const inside = relative(projectDir, path);
    if (inside && !inside.startsWith("..") && !isAbsolute(inside)) return inside;
  }
  return path;
}
function describeToolCall(name, input, projectDir) {
  const fields = typeof input === "object" && input !== null ? input : {};
  const file = str(fields.file_path) ?? str(fields.notebook_path);
  const path = file ? displayPath(file, projectDir) : null;
  if (path) return { name, label: `${name} ${redacted(path)}`, path };
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name);
  if (mcp) return { name, label: toolDisplayName(name), path: null };
  const detail = str(fields.command) ?? str(fields.subject) ?? str(fields.description) ?? str(fields.pattern) ?? str(fields.url) ?? str(fields.query) ?? str(fields.prompt);
  return { name, label: detail ? `${name}: ${redactedLabel(detail)}` : name, path: null };
}
function mcpServerOf(tool) {
  return tool ? /^mcp__(.+?)__/.exec(tool)?.[1] ?? null : null;
}
function toolDisplayName(tool) {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  return mcp ? `${mcp[1]}/${mcp[2]}` : tool;
}

export {
  redactedLabel,
  displayPath,
  describeToolCall,
  mcpServerOf,
  toolDisplayName
};
