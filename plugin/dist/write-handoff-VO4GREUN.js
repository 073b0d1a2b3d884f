#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
} from "./chunk-HWZST52M.js";
import "./chunk-ZZSEED36.js";
import "./chunk-B6VX7PTD.js";
import "./chunk-LRTN6UVP.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-6RQ7PFQB.js";
export {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
};
