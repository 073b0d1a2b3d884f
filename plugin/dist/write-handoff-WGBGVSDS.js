#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
} from "./chunk-EZKMHIZM.js";
import "./chunk-LNU6XATV.js";
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
