// Where handoffs live and how they are written: one folder (by default <project>/.claude/handoffs),
// files named by time and session, written atomically (temporary file, then a hard link that fails
// rather than replace), never overwritten, readable by the owner only. Nothing is written outside the
// folder: labels that are paths, and folders that resolve elsewhere through symlinks, are refused.
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, realpathSync, statSync, unlinkSync, writeSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../user-error.ts";

export class HandoffPathError extends UserError {}

export const DEFAULT_HANDOFF_DIR = join(".claude", "handoffs");

export interface HandoffFolder {
  path: string;
  /** The folder must stay inside this one (the project) once symlinks are resolved; null if set absolutely. */
  confinedTo: string | null;
}

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === "" || (!path.startsWith("..") && !isAbsolute(path));
}

/** The configured folder (absolute, or relative to the project), or the default under the project. */
export function handoffFolder(configured: string | null, projectDir: string): HandoffFolder {
  if (configured && isAbsolute(configured)) return { path: resolve(configured), confinedTo: null };
  const path = resolve(projectDir, configured ?? DEFAULT_HANDOFF_DIR);
  if (!isInside(resolve(projectDir), path)) {
    throw new HandoffPathError(`the handoff folder "${configured}" leaves the project ${projectDir}; use a folder inside it, or an absolute path`);
  }
  return { path, confinedTo: projectDir };
}

/** Creates the folder (owner-only) and returns its real path, refusing one that escapes the project. */
export function ensureHandoffFolder(folder: HandoffFolder): string {
  if (folder.confinedTo && !existsSync(folder.confinedTo)) {
    // Never recreate a project that was moved or deleted just to put a handoff in it.
    throw new HandoffPathError(
      `the session's project folder ${folder.confinedTo} does not exist (moved or deleted?); pass --project DIR or set CTX_MONITOR_HANDOFF_DIR to an absolute folder`,
    );
  }
  mkdirSync(folder.path, { recursive: true, mode: 0o700 });
  const real = realpathSync(folder.path);
  if (folder.confinedTo && !isInside(realpathSync(folder.confinedTo), real)) {
    throw new HandoffPathError(
      `the handoff folder ${folder.path} resolves through a symlink to ${real}, outside the project ${folder.confinedTo}; ` +
        "refusing to write there (set CTX_MONITOR_HANDOFF_DIR to an absolute folder to choose it on purpose)",
    );
  }
  return real;
}

const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `2026-11-24T10-00-00Z-1a2b3c4d[-label].md`: sortable by time, the session visible. */
export function handoffFileName(at: Date, sessionId: string, label?: string): string {
  if (label !== undefined && (!LABEL.test(label) || label.includes(".."))) {
    throw new HandoffPathError(
      `name ${JSON.stringify(label)} is not allowed: it must be a short label (letters, digits, ".", "_", "-"; at most 64), not a path`,
    );
  }
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return `${stamp}-${sessionTag(sessionId)}${label ? `-${label}` : ""}.md`;
}

/** The part of a handoff's file name that says which session wrote it. */
function sessionTag(sessionId: string): string {
  return sessionId.replace(/[^A-Za-z0-9]/g, "").slice(0, 8) || "session";
}

/** Whether a handoff file name (as handoffFileName makes them) was written for this session. */
export function isHandoffOfSession(name: string, sessionId: string): boolean {
  return name.includes(`Z-${sessionTag(sessionId)}`);
}

/**
 * Writes `content` as a new file in `folder` under `name`, or `name-2`, `name-3`… if taken. The
 * content is complete on disk before the name appears, and an existing file is never replaced.
 */
export function writeNewFile(folder: string, name: string, content: string): string {
  const target = join(folder, name);
  if (name.includes(sep) || name.includes("/") || !isInside(folder, target) || relative(folder, target) !== name) {
    throw new HandoffPathError(`refusing to write ${JSON.stringify(name)}: not a plain file name inside ${folder}`);
  }
  const temp = join(folder, `.${name}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 1; attempt <= 1000; attempt++) {
      const candidate = attempt === 1 ? target : join(folder, name.replace(/\.md$/, "") + `-${attempt}.md`);
      try {
        linkSync(temp, candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    throw new Error(`could not find a free name for ${name} in ${folder}`);
  } finally {
    unlinkSync(temp);
  }
}

export interface StoredHandoff {
  name: string;
  path: string;
  bytes: number;
  modified: string;
}

/** The folder's handoffs, newest first (names start with their time). */
export function listHandoffs(folder: string): StoredHandoff[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: StoredHandoff[] = [];
  for (const name of names) {
    if (!name.endsWith(".md") || name.startsWith(".")) continue;
    try {
      const stat = statSync(join(folder, name));
      if (stat.isFile()) found.push({ name, path: join(folder, name), bytes: stat.size, modified: stat.mtime.toISOString() });
    } catch {
      // Removed while listing.
    }
  }
  return found.sort((a, b) => b.name.localeCompare(a.name) || b.modified.localeCompare(a.modified));
}

/** A handoff named by a caller (file name or path), only if it really is inside the folder. */
export function handoffInFolder(folder: string, requested: string): string {
  const real = realpathSync(folder);
  let target: string;
  try {
    target = realpathSync(resolve(real, requested));
  } catch {
    throw new HandoffPathError(`no handoff ${JSON.stringify(requested)} in ${folder}`);
  }
  if (!isInside(real, target) || target === real) throw new HandoffPathError(`${JSON.stringify(requested)} is not a handoff in ${folder}`);
  return target;
}
