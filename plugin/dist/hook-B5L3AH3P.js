#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  hookCommand,
  runHook
} from "./chunk-POQYCIQ2.js";
import "./chunk-BG62OYYZ.js";
import "./chunk-SIKTHLE3.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-6RQ7PFQB.js";
export {
  hookCommand,
  runHook
};
