#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  createBreakdownDeps
} from "./chunk-XBXNPPNR.js";
import {
  createHandoffDeps
} from "./chunk-AC5FPCFS.js";
import {
  createUsageDeps
} from "./chunk-LIGRM5QN.js";

// src/deps.ts
function createEntryDeps(runtime, overrides = {}) {
  const usage = overrides.usage ?? createUsageDeps(runtime);
  return {
    runtime,
    usage,
    breakdown: createBreakdownDeps(runtime, usage, ownToolsOf(runtime)),
    handoff: createHandoffDeps(runtime, usage),
    ...overrides
  };
}
function createBreakdownEntryDeps(runtime) {
  return createBreakdownDeps(runtime, createUsageDeps(runtime), ownToolsOf(runtime));
}
function ownToolsOf(runtime) {
  return async () => {
    const [{ listOwnTools }, { createServer }] = await Promise.all([
      import("./list-own-tools-T4IHKUFK.js"),
      import("./server-YFJR2272.js")
    ]);
    return listOwnTools(() => createServer(createEntryDeps(runtime)));
  };
}

export {
  createEntryDeps,
  createBreakdownEntryDeps,
  ownToolsOf
};
