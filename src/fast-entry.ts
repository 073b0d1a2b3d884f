// The `ctx-monitor` executable as installed. Claude Code runs the statusline after every message and
// the hooks at every prompt and tool call, and `usage` is what a person types most, so those start
// from CommonJS (Node 20's ES-module loader alone costs a fifth of a bare start), each from its own
// bundle beside this file (statusline.cjs, hook.cjs, usage.cjs): compiling code a run never calls is
// most of what a start costs above bare Node, so the statusline does not pay for the hooks' handoff
// writer, nor the hooks for `usage`. Everything else loads the ES-module CLI.
import { fstatSync, writeSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { nodeRuntime } from "./base/runtime.ts";

const [name, ...rest] = process.argv.slice(2);
// Written straight to the descriptors: process.stdout on a pipe sets up a socket stream, a cost
// paid on every run for one short line.
const output = {
  stdout: (text: string) => void writeAll(1, text),
  stderr: (text: string) => void writeAll(2, text),
  // Looked at only by commands that print for people (the statusline and hooks never do), and
  // process.stdout only on a terminal (for its width): on a pipe it would build a stream.
  get terminal() {
    return onTerminal() ? { isTTY: true, columns: process.stdout.columns } : { isTTY: false, columns: undefined };
  },
};

/** A terminal is a character device; only then is the tty module (and node:net with it) worth loading. */
function onTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice() && (require("node:tty") as typeof import("node:tty")).isatty(1);
  } catch {
    return false;
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      // A full pipe: try again; a closed one: nobody is reading.
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
    }
  }
}

/** One of the fast paths' bundles beside this file (a specifier the bundler leaves alone). */
function bundle<T>(name: "statusline.cjs" | "hook.cjs" | "usage.cjs"): T {
  return require(join(__dirname, name)) as T;
}

const exit = (code: number) => {
  process.exitCode = code;
};
if (name === "statusline" && rest.length === 0) {
  const { runStatusline } = bundle<typeof import("./commands/statusline.ts")>("statusline.cjs");
  void runStatusline(nodeRuntime(), output).then(exit);
} else if (name === "hook" && rest.length === 1) {
  const { runHook } = bundle<typeof import("./commands/hook.ts")>("hook.cjs");
  void runHook(rest[0], nodeRuntime(), output).then(exit);
} else if (name === "usage") {
  const { usageCommand, runKnownCommand } = bundle<typeof import("./commands/usage-entry.ts")>("usage.cjs");
  void runKnownCommand(usageCommand, rest, nodeRuntime(), output).then(exit);
} else {
  // The ES-module CLI beside this file.
  void import(pathToFileURL(join(__dirname, "cli.js")).href);
}
