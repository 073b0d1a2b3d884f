#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  claudeSessionsDir,
  parseSessionState,
  sessionStateDir,
  sessionStateFileName,
  writeSessionState
} from "./chunk-LIGRM5QN.js";

// src/claude/record-session.ts
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from "fs";
import { join } from "path";
function claudeProcessPid(runtime) {
  const dir = claudeSessionsDir(runtime);
  return runtime.ancestorPids().find((pid) => existsSync(join(dir, `${pid}.json`))) ?? null;
}
function mergeSessionState(previous, facts, claudePid, now) {
  const same = previous?.sessionId === facts.sessionId ? previous : null;
  return {
    version: 1,
    claudePid,
    sessionId: facts.sessionId,
    transcriptPath: facts.transcriptPath ?? same?.transcriptPath ?? null,
    cwd: facts.cwd ?? same?.cwd ?? null,
    modelId: facts.modelId ?? same?.modelId ?? null,
    contextWindowSize: facts.contextWindowSize ?? same?.contextWindowSize ?? null,
    writtenBy: facts.writtenBy,
    updatedAt: now.toISOString()
  };
}
var STALE_STATE_MS = 7 * 24 * 60 * 6e4;
function pruneStaleStates(runtime) {
  const dir = sessionStateDir(runtime);
  const oldest = runtime.now().getTime() - STALE_STATE_MS;
  for (const name of readdirSync(dir)) {
    try {
      const path = join(dir, name);
      if (statSync(path).mtimeMs < oldest) unlinkSync(path);
    } catch {
    }
  }
}
function sameFacts(a, b) {
  const facts = (state) => [
    state.claudePid,
    state.sessionId,
    state.transcriptPath,
    state.cwd,
    state.modelId,
    state.contextWindowSize
  ];
  return JSON.stringify(facts(a)) === JSON.stringify(facts(b));
}
function recordSession(runtime, facts) {
  const claudePid = claudeProcessPid(runtime);
  const path = join(sessionStateDir(runtime), sessionStateFileName({ claudePid, sessionId: facts.sessionId }));
  let previous = null;
  try {
    previous = parseSessionState(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    previous = null;
  }
  const state = mergeSessionState(previous, facts, claudePid, runtime.now());
  if (previous && sameFacts(previous, state)) return previous;
  writeSessionState(runtime, state);
  if (!previous) pruneStaleStates(runtime);
  return state;
}

// src/claude/stdin-json.ts
import { fstatSync, readFileSync as readFileSync2 } from "fs";
function readStdinText(fd = 0) {
  try {
    if (fstatSync(fd).isCharacterDevice()) return "";
    return readFileSync2(fd, "utf8");
  } catch {
    return "";
  }
}
function parseJsonObject(text) {
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
function stringField(object, key) {
  const value = object?.[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}
function objectField(object, key) {
  const value = object?.[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}
function countField(object, key) {
  const value = object?.[key];
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

export {
  recordSession,
  readStdinText,
  parseJsonObject,
  stringField,
  objectField,
  countField
};
