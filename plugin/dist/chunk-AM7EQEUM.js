#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);

// src/base/log.ts
function log(message) {
  process.stderr.write(`ctx-monitor: ${message}
`);
}

export {
  log
};
