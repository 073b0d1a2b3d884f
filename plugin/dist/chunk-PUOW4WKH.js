#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-6RQ7PFQB.js";

// src/base/fs-failure.ts
var ADVICE = {
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
  EIO: "an input/output error on the device; check the disk"
};
var VERB = {
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
  fsync: "write"
};
function fileSystemFailure(error) {
  if (!(error instanceof Error)) return null;
  const { code, syscall, path } = error;
  if (!code || !syscall || !(code in ADVICE)) return null;
  const verb = VERB[syscall] ?? syscall;
  return `cannot ${verb} ${path ?? "a file"}: ${ADVICE[code]} (${code})`;
}

// src/base/user-error.ts
var UserError = class extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
};
function actionableMessage(error) {
  return error instanceof UserError ? error.message : fileSystemFailure(error);
}

// src/fs/atomic-write.ts
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, join } from "path";

// src/base/lazy-crypto.ts
var loaded;
function nodeCrypto() {
  loaded ??= typeof __require === "function" ? __require("crypto") : process.getBuiltinModule("node:crypto");
  return loaded;
}
function createHash(algorithm) {
  return nodeCrypto().createHash(algorithm);
}
function randomBytes(size) {
  return nodeCrypto().randomBytes(size);
}

// src/fs/atomic-write.ts
function writeNewFile(folder, names, content, mode) {
  const first = names[0];
  if (first === void 0) return null;
  return withTemporary(join(folder, first), content, mode, (temporary) => {
    for (const name of names) {
      const candidate = join(folder, name);
      try {
        linkSync(temporary, candidate);
        return candidate;
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
    }
    return null;
  });
}
function replaceFile(path, content, mode) {
  withTemporary(path, content, mode, (temporary) => renameSync(temporary, path));
}
function withTemporary(target, content, mode, use) {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", mode);
  try {
    try {
      fchmodSync(fd, mode);
      const bytes = Buffer.from(content, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } catch (error) {
      error.path ??= target;
      throw error;
    } finally {
      closeSync(fd);
    }
    return use(temporary);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
    }
  }
}

// src/fs/make-folder.ts
import { lstatSync, mkdirSync, statfsSync, statSync } from "fs";
import { dirname as dirname2 } from "path";
var FolderError = class extends UserError {
};
var KERNEL_FILE_SYSTEMS = /* @__PURE__ */ new Map([
  [40864, "proc"],
  [1650812274, "sysfs"],
  [1684170528, "debugfs"],
  [1953653091, "tracefs"],
  [1935894131, "securityfs"],
  [2613483, "cgroup"],
  [1667723888, "cgroup2"],
  [7377, "devpts"],
  [3405662737, "bpf"],
  [1634035564, "pstore"],
  [1650812272, "configfs"],
  [3730735588, "efivarfs"],
  [1112100429, "binfmt_misc"],
  [1702057283, "fusectl"],
  [1853056627, "nsfs"]
]);
function makeFolder(path, mode, setting) {
  const { existing, missing } = deepestExisting(path);
  const refuse = (detail) => new FolderError(
    existing === path ? `${path} ${detail}` : `cannot create the folder ${path}: ${existing} ${detail}`
  );
  let stat;
  try {
    stat = statSync(existing);
  } catch {
    throw refuse(`is a symlink to nothing; remove it or set ${setting}`);
  }
  if (stat.isFile()) mkdirSync(missing[0] ?? path, { mode });
  if (!stat.isDirectory()) throw refuse(`is ${kindOf(stat)}, not a folder; set ${setting} to a folder`);
  const kernel = kernelFileSystem(existing);
  if (kernel)
    throw refuse(
      `is on a kernel file system (${kernel}), which holds no files of ours; set ${setting} to a folder on disk`
    );
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT")
        throw new FolderError(
          `cannot create the folder ${folder}: the file system there makes no folders; set ${setting} to a folder on disk`
        );
      if (code !== "EEXIST" || !statSync(folder).isDirectory()) throw error;
    }
  }
}
function deepestExisting(path) {
  const missing = [];
  for (let at = path; ; at = dirname2(at)) {
    try {
      lstatSync(at);
      return { existing: at, missing };
    } catch {
    }
    if (dirname2(at) === at) return { existing: at, missing };
    missing.unshift(at);
  }
}
function kindOf(stat) {
  if (stat.isFIFO()) return "a FIFO (named pipe)";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "a file";
}
function kernelFileSystem(path) {
  if (process.platform !== "linux") return null;
  try {
    return KERNEL_FILE_SYSTEMS.get(statfsSync(path).type) ?? null;
  } catch {
    return null;
  }
}

export {
  fileSystemFailure,
  UserError,
  actionableMessage,
  createHash,
  writeNewFile,
  replaceFile,
  makeFolder
};
