#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  STATE_DIR_SETTING,
  ctxMonitorStateDir
} from "./chunk-LIGRM5QN.js";
import {
  makeFolder,
  replaceFile
} from "./chunk-PUOW4WKH.js";

// src/integration/hooks/hook-memory.ts
import { readFileSync } from "fs";
import { join } from "path";
var FRESH_MEMORY = { warnedStatus: "ok", compactionsPointedPast: 0, lostPending: null };
function memoryPath(runtime, sessionId) {
  return join(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.json`);
}
function readHookMemory(runtime, sessionId) {
  try {
    const value = JSON.parse(readFileSync(memoryPath(runtime, sessionId), "utf8"));
    const warned = value.warnedStatus;
    return {
      warnedStatus: warned === "warn" || warned === "critical" ? warned : "ok",
      compactionsPointedPast: typeof value.compactionsPointedPast === "number" && Number.isSafeInteger(value.compactionsPointedPast) ? Math.max(0, value.compactionsPointedPast) : 0,
      lostPending: typeof value.lostPending === "string" ? value.lostPending : null
    };
  } catch {
    return { ...FRESH_MEMORY };
  }
}
function writeHookMemory(runtime, sessionId, memory) {
  const path = memoryPath(runtime, sessionId);
  makeFolder(join(path, ".."), 448, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(memory)}
`, 384);
}

// src/integration/hooks/hook-scope.ts
function projectOf(input, runtime) {
  return runtime.env.CLAUDE_PROJECT_DIR || input.cwd || runtime.cwd;
}
function request(input, runtime) {
  return {
    ...input.transcriptPath ? { transcriptPath: input.transcriptPath } : { sessionId: input.sessionId },
    projectDir: projectOf(input, runtime)
  };
}

export {
  readHookMemory,
  writeHookMemory,
  projectOf,
  request
};
