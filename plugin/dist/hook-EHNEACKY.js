#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  hookCommand,
  runHook
} from "./chunk-UHKNIKMM.js";
import "./chunk-5QGFGZXA.js";
import "./chunk-PGED74ES.js";
import "./chunk-JULSVRIS.js";
import "./chunk-LIGRM5QN.js";
import "./chunk-AM7EQEUM.js";
import "./chunk-PUOW4WKH.js";
import "./chunk-6RQ7PFQB.js";
export {
  hookCommand,
  runHook
};
