// Appending to a log (hooks.log, capture's requests.jsonl) without following a planted link: the file is
// opened with O_NOFOLLOW, and checked on the open descriptor to be a regular file with one name, so
// neither a symlink nor a hard link to another file (a shell profile, say) nor a FIFO can take the write.
// Node built-ins only: the hooks reach this on every call.
import { closeSync, constants, fstatSync, openSync, writeSync } from "node:fs";
import { UserError } from "../base/user-error.ts";

export class UnsafeFileError extends UserError {}

const APPEND_NO_FOLLOW =
  constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Appends `text` to the file at `path` (created with `mode`), refusing a link or a special file in its place. */
export function appendPrivate(path: string, text: string, mode = 0o600): void {
  let fd: number;
  try {
    fd = openSync(path, APPEND_NO_FOLLOW, mode);
  } catch (error) {
    // ELOOP: the last part of the path is a symbolic link. ENXIO: a FIFO with no reader.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "ENXIO") throw refusal(path, code === "ELOOP" ? "a symbolic link" : "a FIFO");
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refusal(path, "not a regular file");
    if (stat.nlink !== 1) throw refusal(path, "a hard link to another file");
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  } finally {
    closeSync(fd);
  }
}

function refusal(path: string, what: string): UnsafeFileError {
  return new UnsafeFileError(`${path} is ${what}; refusing to write through it (remove it and try again)`);
}
