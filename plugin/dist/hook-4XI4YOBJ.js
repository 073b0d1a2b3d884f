#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  hookCommand,
  runHook
} from "./chunk-QT66SIKU.js";
import "./chunk-A36TVRQ4.js";
import "./chunk-PGED74ES.js";
import "./chunk-R25CEHLX.js";
import "./chunk-BSBAOZEI.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-KGZKVHJ7.js";
import "./chunk-6RQ7PFQB.js";
export {
  hookCommand,
  runHook
};
