#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
} from "./chunk-IBZKDQ3J.js";
import "./chunk-ZZSEED36.js";
import "./chunk-B6VX7PTD.js";
import "./chunk-SIKTHLE3.js";
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
