#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
} from "./chunk-VOO5I3UR.js";
import "./chunk-MKMZ32PY.js";
import "./chunk-G63QHD4H.js";
import "./chunk-5KD4ZHVK.js";
import "./chunk-BSBAOZEI.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-KGZKVHJ7.js";
import "./chunk-6RQ7PFQB.js";
export {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
};
