#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  createHandoffDeps,
  factsReader,
  readFacts,
  writeHandoff
} from "./chunk-AC5FPCFS.js";
import "./chunk-Y3ZR3M7I.js";
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
