#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  hookCommand,
  runHook
} from "./chunk-CWB3JH3I.js";
import "./chunk-JW65GEGQ.js";
import "./chunk-FR7HSNRJ.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-6RQ7PFQB.js";
export {
  hookCommand,
  runHook
};
