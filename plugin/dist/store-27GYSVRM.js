#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  HandoffPathError,
  ensureHandoffFolder,
  handoffFileName,
  handoffFolder,
  handoffInFolder,
  isHandoffOfSession,
  listHandoffs,
  readHandoff,
  writeNewHandoff
} from "./chunk-OZXTJKYL.js";
import "./chunk-PUOW4WKH.js";
import "./chunk-6RQ7PFQB.js";
export {
  HandoffPathError,
  ensureHandoffFolder,
  handoffFileName,
  handoffFolder,
  handoffInFolder,
  isHandoffOfSession,
  listHandoffs,
  readHandoff,
  writeNewHandoff
};
