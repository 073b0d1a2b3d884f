// Where handoffs live and how they are written: one folder (by default <project>/.claude/handoffs),
// files named by time and session, written atomically (temporary file, then a hard link that fails
// rather than replace), never overwritten, readable by the owner only. Nothing is written outside the
// folder: labels that are paths, and folders that resolve elsewhere through symlinks, are refused.
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../base/user-error.ts";
import { writeNewFile } from "../fs/atomic-write.ts";
import { makeFolder } from "../fs/make-folder.ts";

export class HandoffPathError extends UserError {}

const DEFAULT_HANDOFF_DIR = join(".claude", "handoffs");

interface HandoffFolder {
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
    throw new HandoffPathError(
      `the handoff folder "${configured}" leaves the project ${projectDir}; use a folder inside it, or an absolute path`,
    );
  }
  return { path, confinedTo: projectDir };
}

/**
 * Creates the folder (owner-only) and returns its real path, refusing one that escapes the project.
 * Security: what exists of the path is resolved before anything is created, so a symlinked `.claude`
 * or `handoffs` that leaves the project is refused without a folder appearing at its target; a folder
 * others can read or write is tightened to owner-only, or refused when it is not ours to tighten.
 */
export function ensureHandoffFolder(folder: HandoffFolder): string {
  if (folder.confinedTo && !existsSync(folder.confinedTo)) {
    // Never recreate a project that was moved or deleted just to put a handoff in it.
    throw new HandoffPathError(
      `the session's project folder ${folder.confinedTo} does not exist (moved or deleted?); pass --project DIR or set CTX_MONITOR_HANDOFF_DIR to an absolute folder`,
    );
  }
  if (folder.confinedTo) refuseEscape(folder.path, existingAncestor(folder.path), folder.confinedTo);
  const created = !existsSync(folder.path);
  makeFolder(folder.path, 0o700, "CTX_MONITOR_HANDOFF_DIR");
  const real = realpathSync(folder.path);
  if (folder.confinedTo) refuseEscape(folder.path, real, folder.confinedTo);
  if (!statSync(real).isDirectory())
    throw new HandoffPathError(
      `the handoff folder ${folder.path} is not a folder; remove it or set CTX_MONITOR_HANDOFF_DIR`,
    );
  tightenFolder(real);
  // Handoffs hold prompts verbatim: a folder that ignores itself never shows in the project's `git status`.
  if (created) writeNewFile(real, [".gitignore"], "*\n", 0o600);
  return real;
}

/** The real path of the deepest part of `path` that exists (a dangling symlink counts as existing, and is refused). */
function existingAncestor(path: string): string {
  for (let at = path; ; at = dirname(at)) {
    let exists = true;
    try {
      lstatSync(at);
    } catch {
      exists = false;
    }
    if (exists) {
      try {
        return realpathSync(at);
      } catch {
        throw new HandoffPathError(
          `${at} is a symlink to nothing; remove it, or set CTX_MONITOR_HANDOFF_DIR to a folder to write handoffs in`,
        );
      }
    }
    if (dirname(at) === at) return at;
  }
}

function refuseEscape(path: string, real: string, project: string): void {
  if (isInside(realpathSync(project), real)) return;
  throw new HandoffPathError(
    `the handoff folder ${path} resolves through a symlink to ${real}, outside the project ${project}; ` +
      "refusing to write there (set CTX_MONITOR_HANDOFF_DIR to an absolute folder to choose it on purpose)",
  );
}

function tightenFolder(real: string): void {
  const stat = statSync(real);
  if ((stat.mode & 0o077) === 0) return;
  if (typeof process.getuid === "function" && stat.uid !== process.getuid()) {
    throw new HandoffPathError(
      `the handoff folder ${real} belongs to another user and others can open it; use a folder of your own (CTX_MONITOR_HANDOFF_DIR)`,
    );
  }
  chmodSync(real, 0o700);
}

const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `2026-11-24T10-00-00Z-1a2b3c4d[-label].md`: sortable by time, the session visible. */
export function handoffFileName(at: Date, sessionId: string, label?: string): string {
  if (label !== undefined && (!LABEL.test(label) || label.includes(".."))) {
    throw new HandoffPathError(
      `name ${JSON.stringify(label)} is not allowed: it must be a short label (letters, digits, ".", "_", "-"; at most 64), not a path`,
    );
  }
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
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
export function writeNewHandoff(folder: string, name: string, content: string): string {
  const target = join(folder, name);
  if (name.includes(sep) || name.includes("/") || !isInside(folder, target) || relative(folder, target) !== name) {
    throw new HandoffPathError(`refusing to write ${JSON.stringify(name)}: not a plain file name inside ${folder}`);
  }
  const names = Array.from({ length: 1000 }, (_, index) =>
    index === 0 ? name : `${name.replace(/\.md$/, "")}-${index + 1}.md`,
  );
  // Security: the handoff is readable by its owner only, and an existing file is never replaced.
  const written = writeNewFile(folder, names, content, 0o600);
  if (written === null) {
    throw new HandoffPathError(`could not find a free name for ${name} in ${folder}; remove old handoffs there`);
  }
  return written;
}

export interface StoredHandoff {
  name: string;
  path: string;
  bytes: number;
  modified: string;
}

/**
 * The folder's handoffs, newest first (names start with their time).
 * Security: only regular files with one link, never symlinks: a link planted in the folder (a cloned
 * repository can carry one) must not put an outside file into the model's context.
 */
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
      const stat = lstatSync(join(folder, name));
      if (stat.isFile() && stat.nlink === 1)
        found.push({ name, path: join(folder, name), bytes: stat.size, modified: stat.mtime.toISOString() });
    } catch {
      // Removed while listing.
    }
  }
  // Newest first: by the second in the name, then (two written in the same second) by the file's own
  // time, then by name. The name alone put `…-1a2b3c4d.md` before `…-1a2b3c4d-pre-compact.md` whatever
  // their order.
  return found.sort(
    (a, b) =>
      writtenSecond(b.name).localeCompare(writtenSecond(a.name)) ||
      b.modified.localeCompare(a.modified) ||
      b.name.localeCompare(a.name),
  );
}

/** The time part of a handoff's name (`2026-11-24T10-00-00Z`), or the whole name for another file. */
function writtenSecond(name: string): string {
  const end = name.indexOf("Z-");
  return end === -1 ? name : name.slice(0, end + 1);
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
  if (!isInside(real, target) || target === real)
    throw new HandoffPathError(`${JSON.stringify(requested)} is not a handoff in ${folder}`);
  return target;
}

/**
 * Reads a handoff for the model's context.
 * Security: opened without following a symlink and checked on the open file — a regular file with one
 * link whose real path is inside the folder — so a swap between the check and the read cannot pass.
 */
export function readHandoff(folder: string, path: string): string {
  const real = realpathSync(folder);
  if (!isInside(real, realpathSync(path))) throw new HandoffPathError(`${path} is not a handoff in ${folder}`);
  // O_NONBLOCK: opening a FIFO planted under a handoff's name returns at once (and is refused below)
  // instead of waiting for a writer while the server answers nothing.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.nlink !== 1)
      throw new HandoffPathError(`${path} is not a regular handoff file in ${folder}; refusing to read it`);
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
