// File-system failures as one line a person can act on: what could not be done to which path, and
// what to do about it. Used by the CLI (exit 2) and the tools (an error result), never a stack trace.

const ADVICE: Record<string, string> = {
  EACCES: "permission denied; fix the permissions or choose another folder (CTX_MONITOR_HANDOFF_DIR)",
  EPERM: "not permitted; fix the permissions or choose another folder (CTX_MONITOR_HANDOFF_DIR)",
  EROFS: "the file system is read-only; choose a writable folder (CTX_MONITOR_HANDOFF_DIR)",
  ENOSPC: "the disk is full; free some space and try again",
  EDQUOT: "the disk quota is used up; free some space and try again",
  ENOTDIR: "a part of the path is a file, not a folder; move that file away or choose another folder",
  EEXIST: "a file is in the way where a folder is needed; move it away or choose another folder",
  EISDIR: "it is a folder where a file was expected; pass a file",
  ELOOP: "too many symlinks (or a symlink loop) on the way; fix the links",
  ENAMETOOLONG: "the path is too long; choose a shorter folder",
  ENOENT: "it does not exist; check the path",
  EMFILE: "too many open files; close some programs and try again",
  EIO: "an input/output error on the device; check the disk",
};

const VERB: Record<string, string> = {
  open: "open",
  mkdir: "create the folder",
  write: "write",
  link: "create",
  rename: "rename",
  unlink: "remove",
  chmod: "change the permissions of",
  realpath: "resolve",
  lstat: "inspect",
  stat: "inspect",
  read: "read",
  scandir: "list",
  fsync: "write",
};

/** The one-line message for a Node file-system error, or null when the error is something else. */
export function fileSystemFailure(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (!code || !syscall || !(code in ADVICE)) return null;
  const verb = VERB[syscall] ?? syscall;
  return `cannot ${verb} ${path ?? "a file"}: ${ADVICE[code]} (${code})`;
}
