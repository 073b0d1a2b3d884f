// The Claude Code process that started this one (the MCP server, a hook, the statusline), as Linux
// shows it under /proc: its own environment, which holds what Claude Code does not pass on (it gives
// MCP servers and hooks no OTEL_* variable), and its arguments (`--model`, `--resume`, `-p`). Only a
// process of the same user is read, and only where the platform lets us; elsewhere there is nothing.
// Security: the environment holds API keys; callers take the one variable they need and drop the rest.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { claudeSessionsDir } from "./paths.ts";

/** Where the platform shows processes; only Linux has it. */
const PROC = "/proc";

export interface ClaudeProcess {
  pid: number;
  /** Its arguments after the executable, or null when they cannot be read. */
  args: string[] | null;
}

function sameUser(pid: number): boolean {
  try {
    return typeof process.getuid === "function" && statSync(join(PROC, String(pid))).uid === process.getuid();
  } catch {
    return false;
  }
}

function isClaude(runtime: Runtime, pid: number): boolean {
  if (existsSync(join(claudeSessionsDir(runtime), `${pid}.json`))) return true;
  try {
    return readFileSync(join(PROC, String(pid), "comm"), "utf8").trim() === "claude";
  } catch {
    return false;
  }
}

function nulSeparated(path: string): string[] | null {
  try {
    const text = readFileSync(path, "utf8");
    return text ? text.replace(/\0$/, "").split("\0") : null;
  } catch {
    return null;
  }
}

/** The nearest ancestor that is Claude Code (it registered in `sessions/<pid>.json`, or is named `claude`), same user only. */
export function findClaudeProcess(runtime: Runtime): ClaudeProcess | null {
  const pid = runtime.ancestorPids().find((candidate) => isClaude(runtime, candidate));
  if (pid === undefined) return null;
  const argv = sameUser(pid) ? nulSeparated(join(PROC, String(pid), "cmdline")) : null;
  return { pid, args: argv ? argv.slice(1) : null };
}

/** Whether that process runs this session: it registered it, or it started this process for it. */
export function runsSession(runtime: Runtime, pid: number, sessionId: string): boolean {
  if (runtime.env.CLAUDE_CODE_SESSION_ID === sessionId) return true;
  try {
    const registered = JSON.parse(readFileSync(join(claudeSessionsDir(runtime), `${pid}.json`), "utf8")) as {
      sessionId?: unknown;
    };
    return registered.sessionId === sessionId;
  } catch {
    return false;
  }
}

/** One variable of the process's environment as it was started, or null (not set, or not readable). */
export function processEnvValue(pid: number, name: string): string | null {
  if (!sameUser(pid)) return null;
  const prefix = `${name}=`;
  const entry = nulSeparated(join(PROC, String(pid), "environ"))?.find((line) => line.startsWith(prefix));
  return entry === undefined ? null : entry.slice(prefix.length);
}

/** True where this platform can show another process's environment (Linux). */
export function canReadProcesses(): boolean {
  return existsSync(join(PROC, "self", "environ"));
}
