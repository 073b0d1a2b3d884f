// The two ways ctx-monitor writes a file so that no reader ever sees half of one: a new file that never
// replaces another (handoffs), and a replacement of a file in one step (state, caches, settings). Both
// write a temporary file beside the target first, complete on disk, and remove it whatever happens.
// Node built-ins only: the statusline and hooks reach this on every message.

import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "../base/lazy-crypto.ts";

/**
 * Writes `content` as the first of `names` (plain file names inside `folder`) that does not exist yet
 * and returns its path; null when every name is taken. The content is on disk before the name appears,
 * and an existing file is never replaced (a hard link fails where a rename would overwrite).
 */
export function writeNewFile(folder: string, names: readonly string[], content: string, mode: number): string | null {
  const first = names[0];
  if (first === undefined) return null;
  return withTemporary(join(folder, first), content, mode, (temporary) => {
    for (const name of names) {
      const candidate = join(folder, name);
      try {
        linkSync(temporary, candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    return null;
  });
}

/**
 * Replaces (or creates) the file at `path` with `content` in one step, the file's mode being `mode`:
 * a reader sees the old file or the new one, and a failure leaves the old one as it was.
 */
export function replaceFile(path: string, content: string, mode: number): void {
  withTemporary(path, content, mode, (temporary) => renameSync(temporary, path));
}

/** Writes a temporary file beside `target`, hands it to `use`, and removes it afterwards in every case. */
function withTemporary<T>(target: string, content: string, mode: number, use: (temporary: string) => T): T {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  // Security: "wx" creates the temporary file or fails: never one that exists, never through a symlink.
  const fd = openSync(temporary, "wx", mode);
  try {
    try {
      // The mode given, not the one the umask leaves (a settings file keeps its own).
      fchmodSync(fd, mode);
      // Security: a short write (a disk filling up) is continued until it fails, never taken for the whole file.
      const bytes = Buffer.from(content, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } catch (error) {
      // Writes through a descriptor carry no path; the failure names the file it was for.
      (error as NodeJS.ErrnoException).path ??= target;
      throw error;
    } finally {
      closeSync(fd);
    }
    return use(temporary);
  } finally {
    // Security: the temporary file goes whatever happened (a full disk included); only the target stays.
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed into place, or gone.
    }
  }
}
