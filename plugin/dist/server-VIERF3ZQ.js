#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  createServer,
  createServerDeps,
  ownToolsOf
} from "./chunk-RBSVXAOI.js";
import "./chunk-I4BTWGKH.js";
import "./chunk-EZKMHIZM.js";
import "./chunk-LNU6XATV.js";
import "./chunk-5KD4ZHVK.js";
import "./chunk-BSBAOZEI.js";
import "./chunk-E4WEFHXS.js";
import "./chunk-KGZKVHJ7.js";
import "./chunk-T4BVMDPB.js";
import "./chunk-J74WBCXV.js";
import "./chunk-6RQ7PFQB.js";
export {
  createServer,
  createServerDeps,
  ownToolsOf
};
