#!/usr/bin/env node
const __ctxMonitorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";

// src/fast-entry.ts
var import_node_fs2 = require("fs");
var import_node_path = require("path");
var import_node_url = require("url");

// src/base/runtime.ts
var import_node_fs = require("fs");
var import_node_os = require("os");
function nodeRuntime() {
  return {
    env: process.env,
    homeDir: (0, import_node_os.homedir)(),
    cwd: process.cwd(),
    now: () => /* @__PURE__ */ new Date(),
    startedAt: new Date(Date.now() - process.uptime() * 1e3),
    ancestorPids: () => ancestorsOf(process.pid)
  };
}
function ancestorsOf(pid, limit = 12) {
  const ancestors = [];
  let current = pid;
  for (let depth = 0; depth < limit; depth++) {
    const parent = parentOf(current);
    if (parent === null || parent <= 1) break;
    ancestors.push(parent);
    current = parent;
  }
  if (ancestors.length === 0 && pid === process.pid && process.ppid > 1) ancestors.push(process.ppid);
  return ancestors;
}
function parentOf(pid) {
  try {
    const stat = (0, import_node_fs.readFileSync)(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields[1]);
    return Number.isInteger(parent) ? parent : null;
  } catch {
    return null;
  }
}

// src/fast-entry.ts
var [name, ...rest] = process.argv.slice(2);
var output = {
  stdout: (text) => void writeAll(1, text),
  stderr: (text) => void writeAll(2, text),
  // Looked at only by commands that print for people (the statusline and hooks never do), and
  // process.stdout only on a terminal (for its width): on a pipe it would build a stream.
  get terminal() {
    return onTerminal() ? { isTTY: true, columns: process.stdout.columns } : { isTTY: false, columns: void 0 };
  }
};
function onTerminal() {
  try {
    return (0, import_node_fs2.fstatSync)(1).isCharacterDevice() && require("tty").isatty(1);
  } catch {
    return false;
  }
}
function writeAll(fd, text) {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += (0, import_node_fs2.writeSync)(fd, bytes, offset);
    } catch (error) {
      if (error.code !== "EAGAIN") return;
    }
  }
}
function bundle(name2) {
  return require((0, import_node_path.join)(__dirname, name2));
}
var exit = (code) => {
  process.exitCode = code;
};
if (name === "statusline" && rest.length === 0) {
  const { runStatusline } = bundle("statusline.cjs");
  void runStatusline(nodeRuntime(), output).then(exit);
} else if (name === "hook" && rest.length === 1) {
  const { runHook } = bundle("hook.cjs");
  void runHook(rest[0], nodeRuntime(), output).then(exit);
} else if (name === "usage") {
  const { usageCommand, runKnownCommand } = bundle("usage.cjs");
  void runKnownCommand(usageCommand, rest, nodeRuntime(), output).then(exit);
} else {
  void import((0, import_node_url.pathToFileURL)((0, import_node_path.join)(__dirname, "cli.js")).href);
}
