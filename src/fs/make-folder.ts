// Creates a folder and the missing folders above it, one at a time, and fails in one line where a
// recursive mkdir would hang or mislead: Node's `mkdirSync(path, { recursive: true })` loops for ever
// when a file system answers ENOENT under a folder that exists (`/proc/x`, `/proc/1/x`), and a kernel
// file system, a FIFO or a device on the way is named for what it is before anything is created.
import { lstatSync, mkdirSync, type Stats, statfsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "../base/user-error.ts";

export class FolderError extends UserError {}

/** Linux kernel file systems (statfs f_type): they hold the kernel's entries, never files of ours. */
const KERNEL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x1cd1, "devpts"],
  [0xcafe4a11, "bpf"],
  [0x6165676c, "pstore"],
  [0x62656570, "configfs"],
  [0xde5e81e4, "efivarfs"],
  [0x42494e4d, "binfmt_misc"],
  [0x65735543, "fusectl"],
  [0x6e736673, "nsfs"],
]);

/**
 * Makes `path` a folder (new ones with `mode`), or throws a FolderError whose message names the path,
 * what is wrong and what to do; `setting` is what the person changes to choose another folder.
 * Security: nothing is created until every part of the path that exists has been checked.
 */
export function makeFolder(path: string, mode: number, setting: string): void {
  const { existing, missing } = deepestExisting(path);
  const refuse = (detail: string) =>
    new FolderError(
      existing === path ? `${path} ${detail}` : `cannot create the folder ${path}: ${existing} ${detail}`,
    );
  let stat: Stats;
  try {
    stat = statSync(existing);
  } catch {
    throw refuse(`is a symlink to nothing; remove it or set ${setting}`);
  }
  // A plain file in the way: the system's own failure (EEXIST, ENOTDIR) says so, as it always has.
  if (stat.isFile()) mkdirSync(missing[0] ?? path, { mode });
  if (!stat.isDirectory()) throw refuse(`is ${kindOf(stat)}, not a folder; set ${setting} to a folder`);
  const kernel = kernelFileSystem(existing);
  if (kernel)
    throw refuse(
      `is on a kernel file system (${kernel}), which holds no files of ours; set ${setting} to a folder on disk`,
    );
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Where recursive mkdir loops: the folder above exists, yet the file system says it does not.
      if (code === "ENOENT")
        throw new FolderError(
          `cannot create the folder ${folder}: the file system there makes no folders; set ${setting} to a folder on disk`,
        );
      if (code !== "EEXIST" || !statSync(folder).isDirectory()) throw error;
    }
  }
}

/** The deepest part of `path` that exists (a symlink counts, dangling or not), and the folders below it to create. */
function deepestExisting(path: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      lstatSync(at);
      return { existing: at, missing };
    } catch {
      // Not there (or not reachable: the failure to create it will say why).
    }
    if (dirname(at) === at) return { existing: at, missing };
    missing.unshift(at);
  }
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "a FIFO (named pipe)";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "a file";
}

function kernelFileSystem(path: string): string | null {
  if (process.platform !== "linux") return null;
  try {
    return KERNEL_FILE_SYSTEMS.get(statfsSync(path).type) ?? null;
  } catch {
    return null;
  }
}
