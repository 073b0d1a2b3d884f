#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  runStatusline,
  statuslineCommand,
  statuslineLine
} from "./chunk-CQU4DXR7.js";
import "./chunk-SUVNNIJD.js";
import "./chunk-5QGFGZXA.js";
import "./chunk-PGED74ES.js";
import "./chunk-LIGRM5QN.js";
import "./chunk-AM7EQEUM.js";
import "./chunk-PUOW4WKH.js";
import "./chunk-6RQ7PFQB.js";
export {
  runStatusline,
  statuslineCommand,
  statuslineLine
};
