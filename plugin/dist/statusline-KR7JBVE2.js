#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  runStatusline,
  statuslineCommand,
  statuslineLine
} from "./chunk-HP7V7FAX.js";
import "./chunk-SUVNNIJD.js";
import "./chunk-XLLYYDGW.js";
import "./chunk-LRTN6UVP.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-6RQ7PFQB.js";
export {
  runStatusline,
  statuslineCommand,
  statuslineLine
};
