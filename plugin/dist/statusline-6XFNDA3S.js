#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  runStatusline,
  statuslineCommand,
  statuslineLine
} from "./chunk-EQZC4O36.js";
import "./chunk-SUVNNIJD.js";
import "./chunk-A36TVRQ4.js";
import "./chunk-PGED74ES.js";
import "./chunk-BSBAOZEI.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-KGZKVHJ7.js";
import "./chunk-6RQ7PFQB.js";
export {
  runStatusline,
  statuslineCommand,
  statuslineLine
};
