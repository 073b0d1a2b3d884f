#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  log
} from "./chunk-AM7EQEUM.js";
import "./chunk-6RQ7PFQB.js";

// src/base/runtime.ts
import { readFileSync } from "fs";
import { homedir } from "os";
function nodeRuntime() {
  return {
    env: process.env,
    homeDir: homedir(),
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
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields[1]);
    return Number.isInteger(parent) ? parent : null;
  } catch {
    return null;
  }
}

// src/main-entry.ts
var argv = process.argv.slice(2);
var runtime = nodeRuntime();
var output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns }
};
async function runCli() {
  const [name, ...rest] = argv;
  if (name === "statusline" && rest.length === 0)
    return (await import("./statusline-4V5EYQQB.js")).runStatusline(runtime, output);
  if (name === "hook" && rest.length === 1)
    return (await import("./hook-EHNEACKY.js")).runHook(rest[0], runtime, output);
  return (await import("./run-IBAIAB5W.js")).runCommand(argv, runtime, output);
}
if (argv.length === 0) {
  if (process.stdin.isTTY) {
    process.stderr.write(
      "ctx-monitor: this is the MCP server, waiting for a client on stdin (Claude Code starts it). For the CLI, see ctx-monitor --help; Ctrl-C to quit.\n"
    );
  }
  import("./serve-KDFZES2I.js").then(({ serveStdio }) => serveStdio(runtime)).catch((error) => {
    log(`could not start the MCP server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
} else {
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await runCli();
}
