#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  UserError,
  makeFolder,
  writeNewFile
} from "./chunk-PUOW4WKH.js";

// src/handoff/store.ts
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
  statSync
} from "fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "path";
var HandoffPathError = class extends UserError {
};
var DEFAULT_HANDOFF_DIR = join(".claude", "handoffs");
function isInside(parent, child) {
  const path = relative(parent, child);
  return path === "" || !path.startsWith("..") && !isAbsolute(path);
}
function handoffFolder(configured, projectDir) {
  if (configured && isAbsolute(configured)) return { path: resolve(configured), confinedTo: null };
  const path = resolve(projectDir, configured ?? DEFAULT_HANDOFF_DIR);
  if (!isInside(resolve(projectDir), path)) {
    throw new HandoffPathError(
      `the handoff folder "${configured}" leaves the project ${projectDir}; use a folder inside it, or an absolute path`
    );
  }
  return { path, confinedTo: projectDir };
}
function ensureHandoffFolder(folder) {
  if (folder.confinedTo && !existsSync(folder.confinedTo)) {
    throw new HandoffPathError(
      `the session's project folder ${folder.confinedTo} does not exist (moved or deleted?); pass --project DIR or set CTX_MONITOR_HANDOFF_DIR to an absolute folder`
    );
  }
  if (folder.confinedTo) refuseEscape(folder.path, existingAncestor(folder.path), folder.confinedTo);
  const created = !existsSync(folder.path);
  makeFolder(folder.path, 448, "CTX_MONITOR_HANDOFF_DIR");
  const real = realpathSync(folder.path);
  if (folder.confinedTo) refuseEscape(folder.path, real, folder.confinedTo);
  if (!statSync(real).isDirectory())
    throw new HandoffPathError(
      `the handoff folder ${folder.path} is not a folder; remove it or set CTX_MONITOR_HANDOFF_DIR`
    );
  tightenFolder(real);
  if (created) writeNewFile(real, [".gitignore"], "*\n", 384);
  return real;
}
function existingAncestor(path) {
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
          `${at} is a symlink to nothing; remove it, or set CTX_MONITOR_HANDOFF_DIR to a folder to write handoffs in`
        );
      }
    }
    if (dirname(at) === at) return at;
  }
}
function refuseEscape(path, real, project) {
  if (isInside(realpathSync(project), real)) return;
  throw new HandoffPathError(
    `the handoff folder ${path} resolves through a symlink to ${real}, outside the project ${project}; refusing to write there (set CTX_MONITOR_HANDOFF_DIR to an absolute folder to choose it on purpose)`
  );
}
function tightenFolder(real) {
  const stat = statSync(real);
  if ((stat.mode & 63) === 0) return;
  if (typeof process.getuid === "function" && stat.uid !== process.getuid()) {
    throw new HandoffPathError(
      `the handoff folder ${real} belongs to another user and others can open it; use a folder of your own (CTX_MONITOR_HANDOFF_DIR)`
    );
  }
  chmodSync(real, 448);
}
var LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
function handoffFileName(at, sessionId, label) {
  if (label !== void 0 && (!LABEL.test(label) || label.includes(".."))) {
    throw new HandoffPathError(
      `name ${JSON.stringify(label)} is not allowed: it must be a short label (letters, digits, ".", "_", "-"; at most 64), not a path`
    );
  }
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return `${stamp}-${sessionTag(sessionId)}${label ? `-${label}` : ""}.md`;
}
function sessionTag(sessionId) {
  return sessionId.replace(/[^A-Za-z0-9]/g, "").slice(0, 8) || "session";
}
function isHandoffOfSession(name, sessionId) {
  return name.includes(`Z-${sessionTag(sessionId)}`);
}
function writeNewHandoff(folder, name, content) {
  const target = join(folder, name);
  if (name.includes(sep) || name.includes("/") || !isInside(folder, target) || relative(folder, target) !== name) {
    throw new HandoffPathError(`refusing to write ${JSON.stringify(name)}: not a plain file name inside ${folder}`);
  }
  const names = Array.from(
    { length: 1e3 },
    (_, index) => index === 0 ? name : `${name.replace(/\.md$/, "")}-${index + 1}.md`
  );
  const written = writeNewFile(folder, names, content, 384);
  if (written === null) {
    throw new HandoffPathError(`could not find a free name for ${name} in ${folder}; remove old handoffs there`);
  }
  return written;
}
function listHandoffs(folder) {
  let names;
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!name.endsWith(".md") || name.startsWith(".")) continue;
    try {
      const stat = lstatSync(join(folder, name));
      if (stat.isFile() && stat.nlink === 1)
        found.push({ name, path: join(folder, name), bytes: stat.size, modified: stat.mtime.toISOString() });
    } catch {
    }
  }
  return found.sort((a, b) => b.name.localeCompare(a.name) || b.modified.localeCompare(a.modified));
}
function handoffInFolder(folder, requested) {
  const real = realpathSync(folder);
  let target;
  try {
    target = realpathSync(resolve(real, requested));
  } catch {
    throw new HandoffPathError(`no handoff ${JSON.stringify(requested)} in ${folder}`);
  }
  if (!isInside(real, target) || target === real)
    throw new HandoffPathError(`${JSON.stringify(requested)} is not a handoff in ${folder}`);
  return target;
}
function readHandoff(folder, path) {
  const real = realpathSync(folder);
  if (!isInside(real, realpathSync(path))) throw new HandoffPathError(`${path} is not a handoff in ${folder}`);
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

export {
  HandoffPathError,
  handoffFolder,
  ensureHandoffFolder,
  handoffFileName,
  isHandoffOfSession,
  writeNewHandoff,
  listHandoffs,
  handoffInFolder,
  readHandoff
};
