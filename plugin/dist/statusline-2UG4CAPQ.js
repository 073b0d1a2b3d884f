#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  runStatusline,
  statuslineCommand,
  statuslineLine
} from "./chunk-NTJ32ASA.js";
import "./chunk-SUVNNIJD.js";
import "./chunk-BG62OYYZ.js";
import "./chunk-SIKTHLE3.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-6RQ7PFQB.js";
export {
  runStatusline,
  statuslineCommand,
  statuslineLine
};
