#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
} from "./chunk-3Y7C3T7V.js";
import "./chunk-MKMZ32PY.js";
import "./chunk-G63QHD4H.js";
import "./chunk-OZXTJKYL.js";
import "./chunk-LIGRM5QN.js";
import "./chunk-AM7EQEUM.js";
import "./chunk-PUOW4WKH.js";
import "./chunk-6RQ7PFQB.js";
export {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
};
