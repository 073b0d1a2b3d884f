// Everything the core learns from the outside world about where and when it runs, passed in
// explicitly so tests can build any situation (another HOME, another parent process, another clock).
import { readFileSync } from "node:fs";
import { homedir } from "node:os";

export interface Runtime {
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  cwd: string;
  now(): Date;
  /** When this process started: the age of what its environment says. */
  startedAt: Date;
  /** Ancestor process ids, nearest first (parent, grandparent, …). */
  ancestorPids(): number[];
}

export function nodeRuntime(): Runtime {
  return {
    env: process.env,
    homeDir: homedir(),
    cwd: process.cwd(),
    now: () => new Date(),
    startedAt: new Date(Date.now() - process.uptime() * 1000),
    ancestorPids: () => ancestorsOf(process.pid),
  };
}

/** Walks /proc upwards where it exists (Linux); elsewhere only the direct parent is known. */
function ancestorsOf(pid: number, limit = 12): number[] {
  const ancestors: number[] = [];
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

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields[1]);
    return Number.isInteger(parent) ? parent : null;
  } catch {
    return null;
  }
}
