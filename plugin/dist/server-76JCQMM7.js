#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  createServer,
  createServerDeps,
  ownToolsOf
} from "./chunk-RUWZ2GY5.js";
import "./chunk-CBKUJMHP.js";
import "./chunk-HWZST52M.js";
import "./chunk-ZZSEED36.js";
import "./chunk-B6VX7PTD.js";
import "./chunk-LRTN6UVP.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-T4BVMDPB.js";
import "./chunk-J74WBCXV.js";
import "./chunk-6RQ7PFQB.js";
export {
  createServer,
  createServerDeps,
  ownToolsOf
};
