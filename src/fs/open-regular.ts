// Opening a file that should hold data (a transcript, a small JSON file of Claude Code's) without ever
// blocking: a FIFO opened for reading waits for a writer, and a device reads for ever, so a hook, the
// statusline or the server would hang on a path planted in their input. The open is non-blocking and the
// descriptor is checked to be a regular file before anything is read. Node built-ins only: the statusline
// and hooks reach this on every call.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { UserError } from "../base/user-error.ts";

export class NotRegularFileError extends UserError {}

const READ_NO_WAIT = constants.O_RDONLY | constants.O_NONBLOCK;

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return stat.isDirectory() ? "a folder" : "a special file";
}

/** A read-only descriptor of the regular file at `path` (the caller closes it); anything else is refused at once. */
export function openRegularFile(path: string): number {
  const fd = openSync(path, READ_NO_WAIT);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new NotRegularFileError(`${path} is not a regular file (${kindOf(stat)}); pass a session's .jsonl file`);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The text of the regular file at `path`, refusing a FIFO or a device without waiting on it. */
export function readRegularText(path: string): string {
  const fd = openRegularFile(path);
  try {
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
