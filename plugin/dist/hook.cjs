#!/usr/bin/env node
const __ctxMonitorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/base/fs-failure.ts
var init_fs_failure = __esm({
  "src/base/fs-failure.ts"() {
    "use strict";
  }
});

// src/base/user-error.ts
var UserError;
var init_user_error = __esm({
  "src/base/user-error.ts"() {
    "use strict";
    init_fs_failure();
    UserError = class extends Error {
      constructor(message) {
        super(message);
        this.name = new.target.name;
      }
    };
  }
});

// src/claude/paths.ts
function claudeConfigDir(runtime) {
  const configured = runtime.env.CLAUDE_CONFIG_DIR;
  return configured && configured.trim() ? configured : (0, import_node_path.join)(runtime.homeDir, ".claude");
}
function claudeGlobalConfigPath(runtime) {
  const configured = runtime.env.CLAUDE_CONFIG_DIR;
  return configured && configured.trim() ? (0, import_node_path.join)(configured, ".claude.json") : (0, import_node_path.join)(runtime.homeDir, ".claude.json");
}
function projectsDir(runtime) {
  return (0, import_node_path.join)(claudeConfigDir(runtime), "projects");
}
function encodeProjectDir(projectDir) {
  return projectDir.replace(/[^A-Za-z0-9]/g, "-");
}
function claudeSessionsDir(runtime) {
  return (0, import_node_path.join)(claudeConfigDir(runtime), "sessions");
}
function ctxMonitorStateDir(runtime) {
  const configured = runtime.env[STATE_DIR_SETTING];
  if (configured?.trim()) return configured;
  const plugin = runtime.env.CLAUDE_PLUGIN_DATA;
  return plugin?.trim() ? plugin : (0, import_node_path.join)(claudeConfigDir(runtime), "ctx-monitor");
}
function defaultProjectDir(runtime) {
  return runtime.env.CLAUDE_PROJECT_DIR || runtime.cwd;
}
function sessionProjectDir(runtime, explicit, fromRecords) {
  return explicit ?? fromRecords ?? defaultProjectDir(runtime);
}
var import_node_path, MAX_ENCODED_PROJECT_LENGTH, STATE_DIR_SETTING;
var init_paths = __esm({
  "src/claude/paths.ts"() {
    "use strict";
    import_node_path = require("path");
    MAX_ENCODED_PROJECT_LENGTH = 200;
    STATE_DIR_SETTING = "CTX_MONITOR_STATE_DIR";
  }
});

// src/fs/append-private.ts
function appendPrivate(path, text2, mode = 384) {
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(path, APPEND_NO_FOLLOW, mode);
  } catch (error) {
    const code = error.code;
    if (code === "ELOOP" || code === "ENXIO") throw refusal(path, code === "ELOOP" ? "a symbolic link" : "a FIFO");
    throw error;
  }
  try {
    const stat = (0, import_node_fs3.fstatSync)(fd);
    if (!stat.isFile()) throw refusal(path, "not a regular file");
    if (stat.nlink !== 1) throw refusal(path, "a hard link to another file");
    const bytes = Buffer.from(text2, "utf8");
    for (let at = 0; at < bytes.length; ) at += (0, import_node_fs3.writeSync)(fd, bytes, at, bytes.length - at);
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}
function refusal(path, what) {
  return new UnsafeFileError(`${path} is ${what}; refusing to write through it (remove it and try again)`);
}
var import_node_fs3, UnsafeFileError, APPEND_NO_FOLLOW;
var init_append_private = __esm({
  "src/fs/append-private.ts"() {
    "use strict";
    import_node_fs3 = require("fs");
    init_user_error();
    UnsafeFileError = class extends UserError {
    };
    APPEND_NO_FOLLOW = import_node_fs3.constants.O_WRONLY | import_node_fs3.constants.O_APPEND | import_node_fs3.constants.O_CREAT | import_node_fs3.constants.O_NOFOLLOW | import_node_fs3.constants.O_NONBLOCK;
  }
});

// src/fs/make-folder.ts
function makeFolder(path, mode, setting) {
  const { existing, missing } = deepestExisting(path);
  const refuse = (detail) => new FolderError(
    existing === path ? `${path} ${detail}` : `cannot create the folder ${path}: ${existing} ${detail}`
  );
  let stat;
  try {
    stat = (0, import_node_fs4.statSync)(existing);
  } catch {
    throw refuse(`is a symlink to nothing; remove it or set ${setting}`);
  }
  if (stat.isFile()) (0, import_node_fs4.mkdirSync)(missing[0] ?? path, { mode });
  if (!stat.isDirectory()) throw refuse(`is ${kindOf(stat)}, not a folder; set ${setting} to a folder`);
  const kernel = kernelFileSystem(existing);
  if (kernel)
    throw refuse(
      `is on a kernel file system (${kernel}), which holds no files of ours; set ${setting} to a folder on disk`
    );
  for (const folder of missing) {
    try {
      (0, import_node_fs4.mkdirSync)(folder, { mode });
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT")
        throw new FolderError(
          `cannot create the folder ${folder}: the file system there makes no folders; set ${setting} to a folder on disk`
        );
      if (code !== "EEXIST" || !(0, import_node_fs4.statSync)(folder).isDirectory()) throw error;
    }
  }
}
function deepestExisting(path) {
  const missing = [];
  for (let at = path; ; at = (0, import_node_path3.dirname)(at)) {
    try {
      (0, import_node_fs4.lstatSync)(at);
      return { existing: at, missing };
    } catch {
    }
    if ((0, import_node_path3.dirname)(at) === at) return { existing: at, missing };
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
    return KERNEL_FILE_SYSTEMS.get((0, import_node_fs4.statfsSync)(path).type) ?? null;
  } catch {
    return null;
  }
}
var import_node_fs4, import_node_path3, FolderError, KERNEL_FILE_SYSTEMS;
var init_make_folder = __esm({
  "src/fs/make-folder.ts"() {
    "use strict";
    import_node_fs4 = require("fs");
    import_node_path3 = require("path");
    init_user_error();
    FolderError = class extends UserError {
    };
    KERNEL_FILE_SYSTEMS = /* @__PURE__ */ new Map([
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
  }
});

// src/base/lazy-crypto.ts
function nodeCrypto() {
  loaded ??= typeof require === "function" ? require("crypto") : process.getBuiltinModule("node:crypto");
  return loaded;
}
function createHash(algorithm) {
  return nodeCrypto().createHash(algorithm);
}
function randomBytes(size) {
  return nodeCrypto().randomBytes(size);
}
var loaded;
var init_lazy_crypto = __esm({
  "src/base/lazy-crypto.ts"() {
    "use strict";
  }
});

// src/fs/atomic-write.ts
function writeNewFile(folder, names, content, mode) {
  const first = names[0];
  if (first === void 0) return null;
  return withTemporary((0, import_node_path4.join)(folder, first), content, mode, (temporary) => {
    for (const name of names) {
      const candidate = (0, import_node_path4.join)(folder, name);
      try {
        (0, import_node_fs5.linkSync)(temporary, candidate);
        return candidate;
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
    }
    return null;
  });
}
function replaceFile(path, content, mode) {
  withTemporary(path, content, mode, (temporary) => (0, import_node_fs5.renameSync)(temporary, path));
}
function withTemporary(target, content, mode, use) {
  const temporary = (0, import_node_path4.join)((0, import_node_path4.dirname)(target), `.${(0, import_node_path4.basename)(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = (0, import_node_fs5.openSync)(temporary, "wx", mode);
  try {
    try {
      (0, import_node_fs5.fchmodSync)(fd, mode);
      const bytes = Buffer.from(content, "utf8");
      for (let at = 0; at < bytes.length; ) at += (0, import_node_fs5.writeSync)(fd, bytes, at, bytes.length - at);
      (0, import_node_fs5.fsyncSync)(fd);
    } catch (error) {
      error.path ??= target;
      throw error;
    } finally {
      (0, import_node_fs5.closeSync)(fd);
    }
    return use(temporary);
  } finally {
    try {
      (0, import_node_fs5.unlinkSync)(temporary);
    } catch {
    }
  }
}
var import_node_fs5, import_node_path4;
var init_atomic_write = __esm({
  "src/fs/atomic-write.ts"() {
    "use strict";
    import_node_fs5 = require("fs");
    import_node_path4 = require("path");
    init_lazy_crypto();
  }
});

// src/claude/session-state.ts
function parseSessionState(value) {
  if (typeof value !== "object" || value === null) return null;
  const v = value;
  const stringOrNull = (x) => x === null || typeof x === "string";
  const ok = v.version === 1 && (v.claudePid === null || Number.isInteger(v.claudePid)) && typeof v.sessionId === "string" && v.sessionId.length > 0 && stringOrNull(v.transcriptPath) && stringOrNull(v.cwd) && stringOrNull(v.modelId) && (v.contextWindowSize === null || Number.isInteger(v.contextWindowSize) && v.contextWindowSize > 0) && typeof v.writtenBy === "string" && typeof v.updatedAt === "string";
  if (!ok) return null;
  const { version, claudePid, sessionId, transcriptPath, cwd, modelId, contextWindowSize, writtenBy, updatedAt } = v;
  return {
    version,
    claudePid,
    sessionId,
    transcriptPath,
    cwd,
    modelId,
    contextWindowSize,
    writtenBy,
    updatedAt
  };
}
function sessionStateDir(runtime) {
  return (0, import_node_path5.join)(ctxMonitorStateDir(runtime), "sessions");
}
function sessionStateFileName(state) {
  return state.claudePid !== null ? `${state.claudePid}.json` : `session-${state.sessionId.replace(/[^\w-]/g, "_")}.json`;
}
function writeSessionState(runtime, state) {
  const dir = sessionStateDir(runtime);
  makeFolder(dir, 448, STATE_DIR_SETTING);
  const path = (0, import_node_path5.join)(dir, sessionStateFileName(state));
  const valid = parseSessionState(state);
  if (!valid) throw new Error(`refusing to write an invalid session state for ${state.sessionId}`);
  replaceFile(path, `${JSON.stringify(valid)}
`, 384);
  return path;
}
function readStateFile(path) {
  try {
    return parseSessionState(JSON.parse((0, import_node_fs6.readFileSync)(path, "utf8")));
  } catch {
    return null;
  }
}
function readStateForProcesses(runtime, pids) {
  const dir = sessionStateDir(runtime);
  for (const pid of pids) {
    const state = readStateFile((0, import_node_path5.join)(dir, `${pid}.json`));
    if (state) return state;
  }
  return null;
}
function readStateForSession(runtime, sessionId) {
  let names;
  try {
    names = (0, import_node_fs6.readdirSync)(sessionStateDir(runtime)).filter((name) => name.endsWith(".json"));
  } catch {
    return null;
  }
  let newest = null;
  for (const name of names) {
    const state = readStateFile((0, import_node_path5.join)(sessionStateDir(runtime), name));
    if (state?.sessionId === sessionId && (!newest || state.updatedAt > newest.updatedAt)) newest = state;
  }
  return newest;
}
var import_node_fs6, import_node_path5;
var init_session_state = __esm({
  "src/claude/session-state.ts"() {
    "use strict";
    import_node_fs6 = require("fs");
    import_node_path5 = require("path");
    init_atomic_write();
    init_make_folder();
    init_paths();
  }
});

// src/base/log.ts
function log(message) {
  process.stderr.write(`ctx-monitor: ${message}
`);
}
var init_log = __esm({
  "src/base/log.ts"() {
    "use strict";
  }
});

// src/claude/claude-process.ts
function sameUser(pid) {
  try {
    return typeof process.getuid === "function" && (0, import_node_fs8.statSync)((0, import_node_path7.join)(PROC, String(pid))).uid === process.getuid();
  } catch {
    return false;
  }
}
function isClaude(runtime, pid) {
  if ((0, import_node_fs8.existsSync)((0, import_node_path7.join)(claudeSessionsDir(runtime), `${pid}.json`))) return true;
  try {
    return (0, import_node_fs8.readFileSync)((0, import_node_path7.join)(PROC, String(pid), "comm"), "utf8").trim() === "claude";
  } catch {
    return false;
  }
}
function nulSeparated(path) {
  try {
    const text2 = (0, import_node_fs8.readFileSync)(path, "utf8");
    return text2 ? text2.replace(/\0$/, "").split("\0") : null;
  } catch {
    return null;
  }
}
function findClaudeProcess(runtime) {
  const pid = runtime.ancestorPids().find((candidate) => isClaude(runtime, candidate));
  if (pid === void 0) return null;
  const argv = sameUser(pid) ? nulSeparated((0, import_node_path7.join)(PROC, String(pid), "cmdline")) : null;
  return { pid, args: argv ? argv.slice(1) : null };
}
function runsSession(runtime, pid, sessionId) {
  if (runtime.env.CLAUDE_CODE_SESSION_ID === sessionId) return true;
  try {
    const registered = JSON.parse((0, import_node_fs8.readFileSync)((0, import_node_path7.join)(claudeSessionsDir(runtime), `${pid}.json`), "utf8"));
    return registered.sessionId === sessionId;
  } catch {
    return false;
  }
}
function processEnvValue(pid, name) {
  if (!sameUser(pid)) return null;
  const prefix = `${name}=`;
  const entry2 = nulSeparated((0, import_node_path7.join)(PROC, String(pid), "environ"))?.find((line) => line.startsWith(prefix));
  return entry2 === void 0 ? null : entry2.slice(prefix.length);
}
function canReadProcesses() {
  return (0, import_node_fs8.existsSync)((0, import_node_path7.join)(PROC, "self", "environ"));
}
var import_node_fs8, import_node_path7, PROC;
var init_claude_process = __esm({
  "src/claude/claude-process.ts"() {
    "use strict";
    import_node_fs8 = require("fs");
    import_node_path7 = require("path");
    init_paths();
    PROC = "/proc";
  }
});

// src/fs/open-regular.ts
function kindOf2(stat) {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return stat.isDirectory() ? "a folder" : "a special file";
}
function openRegularFile(path) {
  const fd = (0, import_node_fs9.openSync)(path, READ_NO_WAIT);
  try {
    const stat = (0, import_node_fs9.fstatSync)(fd);
    if (!stat.isFile())
      throw new NotRegularFileError(`${path} is not a regular file (${kindOf2(stat)}); pass a session's .jsonl file`);
    return fd;
  } catch (error) {
    (0, import_node_fs9.closeSync)(fd);
    throw error;
  }
}
function readRegularText(path) {
  const fd = openRegularFile(path);
  try {
    return (0, import_node_fs9.readFileSync)(fd, "utf8");
  } finally {
    (0, import_node_fs9.closeSync)(fd);
  }
}
var import_node_fs9, NotRegularFileError, READ_NO_WAIT;
var init_open_regular = __esm({
  "src/fs/open-regular.ts"() {
    "use strict";
    import_node_fs9 = require("fs");
    init_user_error();
    NotRegularFileError = class extends UserError {
    };
    READ_NO_WAIT = import_node_fs9.constants.O_RDONLY | import_node_fs9.constants.O_NONBLOCK;
  }
});

// src/capture/paths.ts
function captureStoreDir(runtime) {
  return (0, import_node_path8.join)(ctxMonitorStateDir(runtime), "capture");
}
function defaultBodiesDir(runtime) {
  return (0, import_node_path8.join)(captureStoreDir(runtime), "bodies");
}
function bodiesDirOf(value) {
  if (typeof value !== "string" || !value.trim().startsWith("file:")) return null;
  const dir = value.trim().slice("file:".length);
  return dir && (0, import_node_path8.isAbsolute)(dir) ? dir : null;
}
function ensurePrivateDir(dir) {
  makeFolder(dir, 448, STATE_DIR_SETTING);
  if (((0, import_node_fs10.statSync)(dir).mode & 511) !== 448) (0, import_node_fs10.chmodSync)(dir, 448);
}
var import_node_fs10, import_node_path8;
var init_paths2 = __esm({
  "src/capture/paths.ts"() {
    "use strict";
    import_node_fs10 = require("fs");
    import_node_path8 = require("path");
    init_paths();
    init_make_folder();
  }
});

// src/capture/bodies-dirs.ts
function settingsEnvValue(path) {
  try {
    const settings = JSON.parse(readRegularText(path));
    return settings.env?.OTEL_LOG_RAW_API_BODIES;
  } catch {
    return void 0;
  }
}
function claudeProcessBodiesDir(runtime) {
  const claude = findClaudeProcess(runtime);
  return claude ? bodiesDirOf(processEnvValue(claude.pid, "OTEL_LOG_RAW_API_BODIES")) : null;
}
function bodiesDirs(runtime, projectDir = defaultProjectDir(runtime)) {
  const candidates = [
    bodiesDirOf(runtime.env.OTEL_LOG_RAW_API_BODIES),
    claudeProcessBodiesDir(runtime),
    bodiesDirOf(settingsEnvValue((0, import_node_path9.join)(projectDir, ".claude", "settings.local.json"))),
    bodiesDirOf(settingsEnvValue((0, import_node_path9.join)(projectDir, ".claude", "settings.json"))),
    bodiesDirOf(settingsEnvValue((0, import_node_path9.join)(claudeConfigDir(runtime), "settings.json"))),
    defaultBodiesDir(runtime)
  ];
  return [...new Set(candidates.filter((dir) => dir !== null))];
}
var import_node_path9;
var init_bodies_dirs = __esm({
  "src/capture/bodies-dirs.ts"() {
    "use strict";
    import_node_path9 = require("path");
    init_claude_process();
    init_paths();
    init_open_regular();
    init_paths2();
  }
});

// src/capture/count-tokens.ts
function countingTurnedOff(env) {
  return env.CTX_MONITOR_COUNT_TOKENS === "0";
}
function targetFromEnv(runtime) {
  const { env } = runtime;
  const at = runtime.now().toISOString();
  if (countingTurnedOff(env))
    return { reason: "turned-off", said: "count_tokens is turned off (CTX_MONITOR_COUNT_TOKENS=0)", at };
  const apiKey = env.ANTHROPIC_API_KEY;
  const token = env.ANTHROPIC_AUTH_TOKEN;
  if (!apiKey && !token)
    return {
      reason: "no-credentials",
      said: "no ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN in ctx-monitor's environment to ask count_tokens with (ctx-monitor proxy measures with the credentials of the requests it forwards)",
      at
    };
  const headers = apiKey ? { "x-api-key": apiKey } : { authorization: `Bearer ${token}` };
  return { baseUrl: env.ANTHROPIC_BASE_URL || "https://api.anthropic.com", headers };
}
function isTarget(value) {
  return "baseUrl" in value;
}
function failureOf(error) {
  if (error instanceof CountTokensFailure) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return new CountTokensFailure("timed-out", `count_tokens did not answer within ${TIMEOUT_MS / 1e3} s`);
  return new CountTokensFailure("unreachable", "count_tokens could not be reached");
}
function errorType(answer) {
  const type = answer?.error?.type;
  return typeof type === "string" && /^[a-z_]{1,40}$/.test(type) ? ` ${type}` : "";
}
function counterFor(target) {
  const url2 = `${target.baseUrl.replace(/\/+$/, "")}/v1/messages/count_tokens`;
  const headers = { "content-type": "application/json", "anthropic-version": "2023-06-01", ...target.headers };
  return {
    async count(content) {
      let answer;
      let status;
      try {
        const response = await fetch(url2, {
          method: "POST",
          headers,
          body: JSON.stringify({
            ...content,
            messages: [..."messages" in content && content.messages || [], BASELINE_MESSAGE]
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS)
        });
        status = response.status;
        answer = await response.json().catch(() => null);
      } catch (error) {
        throw failureOf(error);
      }
      if (status === 401 || status === 403)
        throw new CountTokensFailure(
          "credentials-rejected",
          `count_tokens rejected the credentials (${status}${errorType(answer)})`
        );
      if (status < 200 || status >= 300)
        throw new CountTokensFailure("refused", `count_tokens answered ${status}${errorType(answer)}`);
      const tokens = answer?.input_tokens;
      if (typeof tokens !== "number" || !Number.isInteger(tokens) || tokens < 0 || tokens > MAX_PLAUSIBLE_TOKENS)
        throw new CountTokensFailure("nonsense", "count_tokens answered without a plausible input_tokens");
      return tokens;
    }
  };
}
function groupsToMeasure(groups2, cache, now) {
  return [...groups2].filter((group) => cache.wants(group.key, now));
}
function markUnmeasured(groups2, cache, unmeasured) {
  for (const group of groups2) cache.fail(group.key, unmeasured);
  cache.save();
}
async function measureGroups(groups2, counter, cache, now) {
  const wanted = groupsToMeasure(groups2, cache, now);
  if (wanted.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  const countOnce = (content) => {
    const key = JSON.stringify(content);
    let count = counts.get(key);
    if (!count) {
      count = counter.count(content);
      counts.set(key, count);
    }
    return count;
  };
  const outcomes = await Promise.all(
    wanted.map(async (group) => {
      try {
        const [whole2, against] = await Promise.all([
          countOnce(group.content),
          countOnce(group.against ?? { model: group.content.model })
        ]);
        if (whole2 < against)
          throw new CountTokensFailure("nonsense", "count_tokens counted a part as less than nothing");
        return whole2 - against;
      } catch (error) {
        return failureOf(error);
      }
    })
  );
  let measured = 0;
  wanted.forEach((group, index) => {
    const outcome = outcomes[index];
    if (typeof outcome === "number") {
      cache.set(group.key, outcome);
      measured++;
    } else cache.fail(group.key, { reason: outcome.reason, said: outcome.message, at: now.toISOString() });
  });
  cache.save();
  return measured;
}
var TIMEOUT_MS, BASELINE_MESSAGE, MAX_PLAUSIBLE_TOKENS, CountTokensFailure;
var init_count_tokens = __esm({
  "src/capture/count-tokens.ts"() {
    "use strict";
    TIMEOUT_MS = 3e3;
    BASELINE_MESSAGE = { role: "user", content: "foo" };
    MAX_PLAUSIBLE_TOKENS = 1e7;
    CountTokensFailure = class extends Error {
      constructor(reason, message) {
        super(message);
        this.reason = reason;
      }
      reason;
    };
  }
});

// src/capture/context-probe.ts
function textProbeOf(body) {
  if (Array.isArray(body.tools) && body.tools.length > 0) return null;
  if (!Array.isArray(body.messages) || body.messages.length !== 1) return null;
  const message = body.messages[0];
  if (message?.role !== "user" || typeof message.content !== "string") return null;
  const text2 = message.content.trim();
  return {
    hash: hashOfText(text2),
    chars: text2.length,
    serverHeading: /^## \S/.test(text2)
  };
}
function hashOfText(text2) {
  return createHash("sha256").update(text2.trim()).digest("hex");
}
var init_context_probe = __esm({
  "src/capture/context-probe.ts"() {
    "use strict";
    init_lazy_crypto();
  }
});

// src/capture/part-groups.ts
function apiModel(model) {
  return model.replace(/\[1m\]\s*$/i, "");
}
function partGroups(body, digest) {
  const groups2 = /* @__PURE__ */ new Map();
  if (typeof body.model !== "string") return groups2;
  const model = apiModel(body.model);
  const systemHashes = digest.parts.filter((part) => part.kind === "system-block" || part.kind === "billing-header" || part.kind === "system-message").map((part) => part.hash);
  const toolHashes = digest.parts.filter((part) => part.kind === "tool");
  const system = typeof body.system === "string" ? [{ type: "text", text: body.system }] : Array.isArray(body.system) ? body.system : [];
  const systemMessages = (Array.isArray(body.messages) ? body.messages : []).filter(
    (message) => message?.role === "system"
  );
  if (system.length || systemMessages.length)
    groups2.set("systemPrompt", {
      key: hashOf(model, systemHashes),
      content: { model, system, ...systemMessages.length ? { messages: systemMessages } : {} }
    });
  const tools = (Array.isArray(body.tools) ? body.tools : []).map((tool, index) => ({
    tool,
    hash: toolHashes[index]?.hash ?? ""
  }));
  const sent = tools.filter(({ tool }) => tool?.defer_loading !== true);
  const builtIn = sent.filter(({ tool }) => !MCP_TOOL.test(String(tool?.name ?? "")));
  const builtInTools = builtIn.map((member) => member.tool);
  const add = (name, members, on) => groups2.set(name, {
    key: hashOf(
      model,
      members.map((member) => member.hash)
    ),
    content: { model, tools: [...on, ...members.map((member) => member.tool)] },
    ...on.length ? { against: { model, tools: on } } : {}
  });
  if (builtIn.length) add("builtInTools", builtIn, []);
  const byServer = /* @__PURE__ */ new Map();
  for (const member of sent) {
    const server = MCP_TOOL.exec(String(member.tool?.name ?? ""))?.[1];
    if (server) byServer.set(server, [...byServer.get(server) ?? [], member]);
  }
  for (const [server, members] of byServer) add(`server:${server}`, members, builtInTools);
  return groups2;
}
function groupHashes(groups2) {
  const servers = {};
  for (const [name, group] of groups2) if (name.startsWith("server:")) servers[name.slice("server:".length)] = group.key;
  return {
    systemPrompt: groups2.get("systemPrompt")?.key ?? null,
    builtInTools: groups2.get("builtInTools")?.key ?? null,
    servers
  };
}
var MCP_TOOL, hashOf;
var init_part_groups = __esm({
  "src/capture/part-groups.ts"() {
    "use strict";
    init_lazy_crypto();
    MCP_TOOL = /^mcp__(.+?)__/;
    hashOf = (model, partHashes) => createHash("sha256").update(`${model}
${partHashes.join("\n")}`).digest("hex");
  }
});

// src/capture/request-digest.ts
function mcpServerOfTool(name) {
  return MCP_TOOL2.exec(name)?.[1] ?? null;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function withoutCacheControl(value) {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (!isObject(value)) return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) if (key !== "cache_control") out[key] = withoutCacheControl(inner);
  return out;
}
function jsonWithoutCacheControl(value) {
  const json2 = JSON.stringify(value);
  if (json2 !== void 0 && !json2.includes('"cache_control"') && !json2.includes('"__proto__"')) return json2;
  return JSON.stringify(withoutCacheControl(value));
}
function sha256(value) {
  return sha256OfJson(jsonWithoutCacheControl(value));
}
function sha256OfJson(json2) {
  const memo = json2.length <= MEMO_TEXT_CHARS;
  const seen = memo ? seenHashes.get(json2) : void 0;
  if (seen !== void 0) return seen;
  const hash = createHash("sha256").update(json2).digest("hex");
  if (memo) {
    if (seenHashes.size >= MEMO_ENTRIES) seenHashes.clear();
    seenHashes.set(json2, hash);
  }
  return hash;
}
function shapeHashOf(system, tools) {
  const key = `${system.map((piece) => piece.hash).join("")}|${tools.map((piece) => piece.hash).join("")}`;
  const seen = seenShapes.get(key);
  if (seen !== void 0) return seen;
  const hash = createHash("sha256").update('{"system":[');
  system.forEach(({ json: json2 }, index) => {
    hash.update(index ? `,${json2}` : json2);
  });
  hash.update('],"tools":[');
  tools.forEach(({ json: json2 }, index) => {
    hash.update(index ? `,${json2}` : json2);
  });
  const shape = hash.update("]}").digest("hex");
  if (seenShapes.size >= MEMO_ENTRIES) seenShapes.clear();
  seenShapes.set(key, shape);
  return shape;
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (isObject(content)) return typeof content.text === "string" ? content.text : "";
  if (Array.isArray(content)) return content.map(textOf).join("\n");
  return "";
}
function systemBlocks(system) {
  if (typeof system === "string") return system ? [{ type: "text", text: system }] : [];
  return Array.isArray(system) ? system : [];
}
function systemPart(block) {
  const text2 = textOf(block);
  const kind = BILLING_HEADER.test(text2) ? "billing-header" : "system-block";
  const name = kind === "billing-header" ? "x-anthropic-billing-header" : "system block";
  const json2 = jsonWithoutCacheControl(block);
  const hash = sha256OfJson(json2);
  return { part: { kind, name, chars: text2.length, hash, server: null, deferred: false }, piece: { json: json2, hash } };
}
function toolPart(tool) {
  const definition = isObject(tool) ? tool : {};
  const name = typeof definition.name === "string" ? definition.name : "";
  const json2 = jsonWithoutCacheControl(definition);
  const hash = sha256OfJson(json2);
  const shapeJson = isObject(tool) ? json2 : jsonWithoutCacheControl(tool) ?? "null";
  return {
    part: {
      kind: "tool",
      name,
      chars: json2.length,
      hash,
      server: mcpServerOfTool(name),
      deferred: definition.defer_loading === true
    },
    piece: shapeJson === json2 ? { json: json2, hash } : { json: shapeJson, hash: sha256OfJson(shapeJson) }
  };
}
function systemMessageParts(messages) {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => {
    if (!isObject(message) || message.role !== "system") return [];
    const text2 = textOf(message.content);
    return [
      {
        kind: "system-message",
        name: "system message",
        chars: text2.length,
        hash: sha256(message.content),
        server: null,
        deferred: false
      }
    ];
  });
}
function serversOf(tools) {
  const servers = /* @__PURE__ */ new Map();
  for (const tool of tools) {
    if (tool.server === null) continue;
    let found = servers.get(tool.server);
    if (!found) {
      found = { server: tool.server, tools: 0, chars: 0, deferredTools: 0 };
      servers.set(tool.server, found);
    }
    if (tool.deferred) found.deferredTools++;
    else {
      found.tools++;
      found.chars += tool.chars;
    }
  }
  return [...servers.values()];
}
function digestRequest(request2) {
  const blocks = systemBlocks(request2.system).map(systemPart);
  const system = blocks.map((block) => block.part);
  const toolList = (Array.isArray(request2.tools) ? request2.tools : []).map(toolPart);
  const tools = toolList.map((tool) => tool.part);
  const messages = systemMessageParts(request2.messages);
  const parts = [...system, ...messages, ...tools];
  const shapeBlocks = blocks.filter((block) => block.part.kind !== "billing-header").map((block) => block.piece);
  return {
    parts,
    systemPromptChars: [...system, ...messages].reduce((sum, part) => sum + part.chars, 0),
    builtInToolChars: tools.filter((tool) => tool.server === null && !tool.deferred).reduce((sum, tool) => sum + tool.chars, 0),
    mcpServers: serversOf(tools),
    deferredTools: tools.filter((tool) => tool.deferred).map((tool) => tool.name),
    toolSearch: tools.some((tool) => tool.name === "ToolSearch" && !tool.deferred),
    shapeHash: shapeHashOf(
      shapeBlocks,
      toolList.map((tool) => tool.piece)
    )
  };
}
var MCP_TOOL2, BILLING_HEADER, seenHashes, MEMO_TEXT_CHARS, MEMO_ENTRIES, seenShapes;
var init_request_digest = __esm({
  "src/capture/request-digest.ts"() {
    "use strict";
    init_lazy_crypto();
    MCP_TOOL2 = /^mcp__(.+?)__(.+)$/;
    BILLING_HEADER = /^x-anthropic-billing-header:/;
    seenHashes = /* @__PURE__ */ new Map();
    MEMO_TEXT_CHARS = 16383;
    MEMO_ENTRIES = 4096;
    seenShapes = /* @__PURE__ */ new Map();
  }
});

// src/capture/record.ts
function sessionIdOf(body) {
  const userId = body.metadata?.user_id;
  if (typeof userId !== "string") return null;
  try {
    const parsed = JSON.parse(userId);
    return typeof parsed.session_id === "string" ? parsed.session_id : null;
  } catch {
    return /_session_([0-9a-f-]{36})$/.exec(userId)?.[1] ?? null;
  }
}
function roleOf(tools) {
  if (!Array.isArray(tools) || tools.length === 0) return "side";
  const names = tools.map((tool) => tool?.name);
  return names.includes("Agent") || names.includes("Task") ? "main" : "subagent";
}
function betasOf(body, header) {
  const fromBody = Array.isArray(body.betas) ? body.betas.filter((beta) => typeof beta === "string") : [];
  const fromHeader = header ? header.split(",").map((beta) => beta.trim()).filter(Boolean) : [];
  return [.../* @__PURE__ */ new Set([...fromBody, ...fromHeader])];
}
function digestMessages(messages) {
  const list = Array.isArray(messages) ? messages : [];
  const json2 = JSON.stringify(list);
  return { count: list.length, chars: json2.length, hash: createHash("sha256").update(json2).digest("hex") };
}
function digestBody(bodyText, context) {
  let body;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  return digestBodyValue(body, context);
}
function digestBodyValue(value, context) {
  const body = value;
  if (typeof body !== "object" || body === null || !Array.isArray(body.messages)) return null;
  const request2 = digestRequest(body);
  const groups2 = partGroups(body, request2);
  const record = {
    v: 1,
    kind: context.kind,
    source: context.source,
    id: context.id,
    time: context.time.toISOString(),
    sessionId: sessionIdOf(body),
    // count_tokens bodies (/context's) measure parts; they are never the conversation's request.
    role: context.kind === "count_tokens" ? "side" : roleOf(body.tools),
    model: typeof body.model === "string" ? body.model : null,
    betas: betasOf(body, context.betaHeader),
    request: request2,
    messages: digestMessages(body.messages),
    messageId: context.messageId ?? null,
    usage: context.usage ?? null,
    inputTokens: context.inputTokens ?? null,
    ...context.kind === "count_tokens" ? { textProbe: textProbeOf(body) } : {},
    groups: groupHashes(groups2)
  };
  return { record, groups: groups2 };
}
var init_record = __esm({
  "src/capture/record.ts"() {
    "use strict";
    init_lazy_crypto();
    init_context_probe();
    init_part_groups();
    init_request_digest();
  }
});

// src/capture/store.ts
function rotate(dir, limits) {
  const log2 = (0, import_node_path10.join)(dir, LOG);
  let size;
  try {
    size = (0, import_node_fs11.statSync)(log2).size;
  } catch {
    return;
  }
  if (size < limits.logBytes) return;
  const rotated = (index) => (0, import_node_path10.join)(dir, `requests.${index}.jsonl`);
  (0, import_node_fs11.rmSync)(rotated(limits.rotatedLogs), { force: true });
  for (let index = limits.rotatedLogs - 1; index >= 1; index--) {
    try {
      (0, import_node_fs11.renameSync)(rotated(index), rotated(index + 1));
    } catch {
    }
  }
  if (limits.rotatedLogs > 0) (0, import_node_fs11.renameSync)(log2, rotated(1));
  else (0, import_node_fs11.rmSync)(log2, { force: true });
}
function writeSessionNewest(dir, records) {
  const newest = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (record.role !== "main" || !record.sessionId || !SESSION_ID.test(record.sessionId)) continue;
    const current = newest.get(record.sessionId) ?? {
      record: readSessionFile((0, import_node_path10.join)(dir, SESSIONS, `${record.sessionId}.json`)),
      changed: false
    };
    newest.set(
      record.sessionId,
      current.record && current.record.time > record.time ? current : { record, changed: true }
    );
  }
  for (const [sessionId, { record, changed }] of newest)
    if (changed && record) replaceFile((0, import_node_path10.join)(dir, SESSIONS, `${sessionId}.json`), JSON.stringify(record), 384);
}
function readSessionFile(path) {
  try {
    return JSON.parse((0, import_node_fs11.readFileSync)(path, "utf8"));
  } catch {
    return null;
  }
}
function pruneSessions(dir, keep) {
  const folder = (0, import_node_path10.join)(dir, SESSIONS);
  const files = (0, import_node_fs11.readdirSync)(folder).filter((name) => name.endsWith(".json"));
  if (files.length <= keep) return;
  const byAge = files.map((name) => ({ name, mtime: (0, import_node_fs11.statSync)((0, import_node_path10.join)(folder, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const old of byAge.slice(keep)) (0, import_node_fs11.rmSync)((0, import_node_path10.join)(folder, old.name), { force: true });
}
function appendRecords(dir, records, limits = DEFAULT_LIMITS) {
  if (records.length === 0) return;
  ensurePrivateDir((0, import_node_path10.join)(dir, SESSIONS));
  ensurePrivateDir(dir);
  rotate(dir, limits);
  appendPrivate((0, import_node_path10.join)(dir, LOG), records.map((record) => `${JSON.stringify(record)}
`).join(""));
  writeSessionNewest(dir, records);
  pruneSessions(dir, limits.sessions);
}
function newestOfSession(dir, sessionId) {
  if (!SESSION_ID.test(sessionId)) return null;
  return readSessionFile((0, import_node_path10.join)(dir, SESSIONS, `${sessionId}.json`));
}
var import_node_fs11, import_node_path10, DEFAULT_LIMITS, LOG, SESSIONS, SESSION_ID;
var init_store = __esm({
  "src/capture/store.ts"() {
    "use strict";
    import_node_fs11 = require("fs");
    import_node_path10 = require("path");
    init_append_private();
    init_atomic_write();
    init_paths2();
    DEFAULT_LIMITS = { logBytes: 8 << 20, rotatedLogs: 2, sessions: 200 };
    LOG = "requests.jsonl";
    SESSIONS = "sessions";
    SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
  }
});

// src/capture/otel-bodies.ts
function readSeen(dir) {
  try {
    return new Set((0, import_node_fs12.readFileSync)((0, import_node_path11.join)(dir, SEEN), "utf8").split("\n").filter(Boolean));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function newestFirst(dir, names, seen) {
  const bodies = [];
  for (const name of names) {
    if (seen.has(name) || !(REQUEST.test(name) || RESPONSE.test(name))) continue;
    try {
      const stat = (0, import_node_fs12.statSync)((0, import_node_path11.join)(dir, name));
      bodies.push({ name, modified: stat.mtime, size: stat.size });
    } catch {
    }
  }
  return bodies.sort((a, b) => b.modified.getTime() - a.modified.getTime());
}
function ingestBodies(bodiesDir, storeDir, options) {
  let names;
  try {
    names = (0, import_node_fs12.readdirSync)(bodiesDir);
  } catch {
    return { digested: 0, removed: 0, skipped: 0, newestGroups: /* @__PURE__ */ new Map() };
  }
  const seen = options.keepBodies ? readSeen(bodiesDir) : /* @__PURE__ */ new Set();
  const records = [];
  const done = [];
  let skipped = 0;
  const newestGroups = /* @__PURE__ */ new Map();
  let budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  for (const { name, modified, size } of newestFirst(bodiesDir, names, seen)) {
    const path = (0, import_node_path11.join)(bodiesDir, name);
    if (RESPONSE.test(name)) {
      done.push(name);
      continue;
    }
    const id = REQUEST.exec(name)?.[1];
    if (!id) continue;
    if (budget <= 0) break;
    budget -= size;
    let record = null;
    try {
      const digested = digestBody((0, import_node_fs12.readFileSync)(path, "utf8"), { source: "otel", id, time: modified, kind: "messages" });
      record = digested?.record ?? null;
      if (digested && record?.role === "main" && record.sessionId && !newestGroups.has(record.sessionId))
        newestGroups.set(record.sessionId, digested.groups);
    } catch {
      continue;
    }
    if (record) {
      records.push(record);
      done.push(name);
    } else if (options.now.getTime() - modified.getTime() > WRITING_GRACE_MS) {
      skipped++;
    }
  }
  appendRecords(
    storeDir,
    records.sort((a, b) => a.time.localeCompare(b.time)),
    options.limits ?? DEFAULT_LIMITS
  );
  if (options.keepBodies) {
    const present = new Set(names);
    const kept2 = [...[...seen].filter((name) => present.has(name)), ...done];
    if (done.length > 0) replaceFile((0, import_node_path11.join)(bodiesDir, SEEN), `${kept2.join("\n")}
`, 384);
    return { digested: records.length, removed: 0, skipped, newestGroups };
  }
  for (const name of done) (0, import_node_fs12.rmSync)((0, import_node_path11.join)(bodiesDir, name), { force: true });
  return { digested: records.length, removed: done.length, skipped, newestGroups };
}
var import_node_fs12, import_node_path11, REQUEST, RESPONSE, SEEN, WRITING_GRACE_MS, DEFAULT_BUDGET_BYTES;
var init_otel_bodies = __esm({
  "src/capture/otel-bodies.ts"() {
    "use strict";
    import_node_fs12 = require("fs");
    import_node_path11 = require("path");
    init_atomic_write();
    init_record();
    init_store();
    REQUEST = /^([A-Za-z0-9_-]{1,128})\.request\.json$/;
    RESPONSE = /^[A-Za-z0-9_-]{1,128}\.response\.json$/;
    SEEN = ".ctx-monitor-digested";
    WRITING_GRACE_MS = 1e4;
    DEFAULT_BUDGET_BYTES = 32 << 20;
  }
});

// src/capture/proxy-live.ts
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function liveProxy(storeDir) {
  try {
    const marker = JSON.parse(readRegularText((0, import_node_path12.join)(storeDir, LIVE_FILE)));
    if (typeof marker.pid !== "number" || !Number.isSafeInteger(marker.pid) || marker.pid <= 0) return null;
    if (typeof marker.url !== "string") return null;
    return isRunning(marker.pid) ? { pid: marker.pid, url: marker.url } : null;
  } catch {
    return null;
  }
}
function sameOrigin(a, b) {
  if (!a) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
function sendsThrough(runtime, proxy) {
  if (sameOrigin(runtime.env.ANTHROPIC_BASE_URL, proxy.url)) return true;
  if (!canReadProcesses()) return false;
  const claude = findClaudeProcess(runtime);
  return claude !== null && sameOrigin(processEnvValue(claude.pid, "ANTHROPIC_BASE_URL"), proxy.url);
}
var import_node_fs13, import_node_path12, LIVE_FILE;
var init_proxy_live = __esm({
  "src/capture/proxy-live.ts"() {
    "use strict";
    import_node_fs13 = require("fs");
    import_node_path12 = require("path");
    init_claude_process();
    init_atomic_write();
    init_open_regular();
    LIVE_FILE = "proxy.live.json";
  }
});

// src/capture/token-cache.ts
function isUnmeasured(value) {
  if (typeof value !== "object" || value === null) return false;
  const { reason, said, at } = value;
  return typeof reason === "string" && UNMEASURED_REASONS.includes(reason) && typeof said === "string" && typeof at === "string";
}
function readEntries(path) {
  try {
    const raw = JSON.parse((0, import_node_fs14.readFileSync)(path, "utf8"));
    if (typeof raw !== "object" || raw === null) return {};
    const entries = {};
    for (const [hash, value] of Object.entries(raw))
      if (typeof value === "number" || isUnmeasured(value)) entries[hash] = value;
    return entries;
  } catch {
    return {};
  }
}
var import_node_fs14, import_node_path13, UNMEASURED_REASONS, RETRY_AFTER_MS, SETUP_REASONS, KEEP, TokenCache;
var init_token_cache = __esm({
  "src/capture/token-cache.ts"() {
    "use strict";
    import_node_fs14 = require("fs");
    import_node_path13 = require("path");
    init_atomic_write();
    init_paths2();
    UNMEASURED_REASONS = [
      "turned-off",
      "no-credentials",
      "credentials-rejected",
      "refused",
      "timed-out",
      "unreachable",
      "nonsense",
      "not-yet",
      /** Measured, but on another request shape than the one the breakdown is split by. */
      "other-shape"
    ];
    RETRY_AFTER_MS = 5 * 6e4;
    SETUP_REASONS = /* @__PURE__ */ new Set(["turned-off", "no-credentials", "not-yet"]);
    KEEP = 500;
    TokenCache = class {
      constructor(storeDir) {
        this.storeDir = storeDir;
        this.path = (0, import_node_path13.join)(storeDir, "part-tokens.json");
        this.entries = readEntries(this.path);
      }
      storeDir;
      entries;
      changed = /* @__PURE__ */ new Map();
      path;
      /** The measured tokens of a group, if count_tokens measured it. */
      get(hash) {
        const value = this.entries[hash];
        return typeof value === "number" ? value : void 0;
      }
      /** Why a group has no figure, if the last try said. */
      unmeasured(hash) {
        const value = this.entries[hash];
        return typeof value === "number" ? void 0 : value;
      }
      /** True when the group should be asked: never measured, and no failure that is still recent. */
      wants(hash, now) {
        const value = this.entries[hash];
        if (value === void 0) return true;
        if (typeof value === "number") return false;
        return SETUP_REASONS.has(value.reason) || now.getTime() - Date.parse(value.at) >= RETRY_AFTER_MS;
      }
      set(hash, tokens) {
        this.put(hash, tokens);
      }
      /** Records why a group is not measured; a figure measured before is kept. */
      fail(hash, unmeasured) {
        if (this.get(hash) === void 0) this.put(hash, unmeasured);
      }
      /** Writes this cache's changes over what is on disk now: the proxy and the server share the file. */
      save() {
        if (this.changed.size === 0) return;
        const merged = readEntries(this.path);
        for (const [hash, value] of this.changed) {
          if (typeof value !== "number" && typeof merged[hash] === "number") continue;
          delete merged[hash];
          merged[hash] = value;
        }
        const keys = Object.keys(merged);
        for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) delete merged[old];
        ensurePrivateDir(this.storeDir);
        replaceFile(this.path, JSON.stringify(merged), 384);
        this.entries = merged;
        this.changed.clear();
      }
      put(hash, value) {
        delete this.entries[hash];
        this.entries[hash] = value;
        this.changed.set(hash, value);
      }
    };
  }
});

// src/capture/session-capture.ts
function keepBodies(runtime) {
  return runtime.env.CTX_MONITOR_KEEP_BODIES === "1";
}
function ingestPendingBodies(runtime, projectDir) {
  const newest = /* @__PURE__ */ new Map();
  for (const bodiesDir of bodiesDirs(runtime, projectDir)) {
    try {
      const result = ingestBodies(bodiesDir, captureStoreDir(runtime), {
        keepBodies: keepBodies(runtime),
        now: runtime.now()
      });
      for (const [session, groups2] of result.newestGroups) if (!newest.has(session)) newest.set(session, groups2);
    } catch (error) {
      log(`could not digest request bodies in ${bodiesDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return newest;
}
async function measureNewest(runtime, cache, newest) {
  if (newest.size === 0) return;
  const groups2 = [...newest.values()].flatMap((byName) => [...byName.values()]);
  const target = targetFromEnv(runtime);
  try {
    if (!isTarget(target)) markUnmeasured(groups2, cache, target);
    else await measureGroups(groups2, counterFor(target), cache, runtime.now());
  } catch (error) {
    log(`could not keep count_tokens' figures: ${error instanceof Error ? error.message : String(error)}`);
  }
}
function notYet(record, runtime) {
  const target = targetFromEnv(runtime);
  if (record.source !== "proxy" && !isTarget(target)) return target;
  return {
    reason: "not-yet",
    said: record.source === "proxy" ? "not measured yet: ctx-monitor proxy measures each new part once, after forwarding its request" : "not measured yet: it is measured when ctx-monitor next digests the request bodies",
    at: runtime.now().toISOString()
  };
}
function tokensOf(record, cache, runtime) {
  const groups2 = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const unmeasured = {};
  const figure = (part, hash) => {
    if (!hash) return null;
    const tokens = cache.get(hash);
    if (tokens !== void 0) return tokens;
    unmeasured[part] = cache.unmeasured(hash) ?? notYet(record, runtime);
    return null;
  };
  const servers = {};
  for (const [server, hash] of Object.entries(groups2.servers)) {
    const tokens = figure(`server:${server}`, hash);
    if (tokens !== null) servers[server] = tokens;
  }
  return {
    systemPrompt: figure("systemPrompt", groups2.systemPrompt),
    builtInTools: figure("builtInTools", groups2.builtInTools),
    servers,
    unmeasured
  };
}
async function proxyFigures(runtime, record, tokens) {
  const waiting = (current2) => Object.values(current2.unmeasured).some((unmeasured) => unmeasured.reason === "not-yet");
  if (record.source !== "proxy" || runtime.now().getTime() - Date.parse(record.time) > PROXY_RECENT_MS) return tokens;
  let current = tokens;
  for (const started = Date.now(); waiting(current) && Date.now() - started < PROXY_MEASURING_MS; ) {
    await new Promise((resolve3) => setTimeout(resolve3, 100));
    current = tokensOf(record, new TokenCache(captureStoreDir(runtime)), runtime);
  }
  return current;
}
async function digestPendingCapture(runtime, projectDir) {
  const cache = new TokenCache(captureStoreDir(runtime));
  await measureNewest(runtime, cache, ingestPendingBodies(runtime, projectDir));
  return cache;
}
async function newestRecord(runtime, storeDir, sessionId, awaiting) {
  let record = newestOfSession(storeDir, sessionId);
  if (awaiting === null || record?.messageId === awaiting) return record;
  const proxy = liveProxy(storeDir);
  if (!proxy || record?.source !== "proxy" && !sendsThrough(runtime, proxy)) return record;
  for (const started = Date.now(); record?.messageId !== awaiting && Date.now() - started < PROXY_STORING_MS; ) {
    await new Promise((resolve3) => setTimeout(resolve3, 50));
    record = newestOfSession(storeDir, sessionId);
  }
  return record;
}
async function readSessionCapture(runtime, sessionId, projectDir, awaiting = null) {
  const storeDir = captureStoreDir(runtime);
  const cache = await digestPendingCapture(runtime, projectDir);
  const record = await newestRecord(runtime, storeDir, sessionId, awaiting);
  if (record?.v !== 1 || !record.request) return null;
  return { record, tokens: await proxyFigures(runtime, record, tokensOf(record, cache, runtime)) };
}
var PROXY_MEASURING_MS, PROXY_RECENT_MS, PROXY_STORING_MS;
var init_session_capture = __esm({
  "src/capture/session-capture.ts"() {
    "use strict";
    init_log();
    init_bodies_dirs();
    init_count_tokens();
    init_otel_bodies();
    init_paths2();
    init_proxy_live();
    init_store();
    init_token_cache();
    PROXY_MEASURING_MS = 2e3;
    PROXY_RECENT_MS = 15e3;
    PROXY_STORING_MS = 2e3;
  }
});

// src/capture/usage-evidence.ts
function captureEvidence(record) {
  const usage = record.usage;
  const usedTokens = usage && typeof usage.input_tokens === "number" ? usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0) : null;
  return {
    source: record.source,
    time: record.time,
    model: record.model,
    betas: record.betas,
    messageId: record.messageId,
    usedTokens,
    outputTokens: usage?.output_tokens ?? null
  };
}
function captureIsNewer(evidence, latest, compactedAt) {
  if (evidence.usedTokens === null) return false;
  if (latest?.messageId && evidence.messageId === latest.messageId) return false;
  const after = (time) => time === null || Date.parse(evidence.time) > Date.parse(time);
  return after(latest?.timestamp ?? null) && after(compactedAt);
}
var init_usage_evidence = __esm({
  "src/capture/usage-evidence.ts"() {
    "use strict";
  }
});

// src/claude/compact-settings.ts
function compactSettingsFiles(runtime, projectDir) {
  return [
    MANAGED_SETTINGS,
    (0, import_node_path14.join)(projectDir, ".claude", "settings.local.json"),
    (0, import_node_path14.join)(projectDir, ".claude", "settings.json"),
    (0, import_node_path14.join)(claudeConfigDir(runtime), "settings.json"),
    claudeGlobalConfigPath(runtime)
  ];
}
function readObject(path) {
  try {
    const value = JSON.parse(readRegularText(path));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
function mergeCompactSettings(objects) {
  const settings = {};
  for (const object of objects) {
    const enabled = object.autoCompactEnabled;
    if (settings.autoCompactEnabled === void 0 && typeof enabled === "boolean")
      settings.autoCompactEnabled = enabled;
    const window = object.autoCompactWindow;
    if (settings.autoCompactWindow === void 0 && typeof window === "number" && Number.isInteger(window) && window >= 1e5 && window <= 1e6) {
      settings.autoCompactWindow = window;
    }
  }
  return settings;
}
function readCompactSettings(runtime, projectDir) {
  const files = compactSettingsFiles(runtime, projectDir).map(readObject);
  const legacy = files.pop() ?? {};
  return mergeCompactSettings([...files, { autoCompactEnabled: legacy.autoCompactEnabled }]);
}
var import_node_path14, MANAGED_SETTINGS;
var init_compact_settings = __esm({
  "src/claude/compact-settings.ts"() {
    "use strict";
    import_node_path14 = require("path");
    init_open_regular();
    init_paths();
    MANAGED_SETTINGS = "/etc/claude-code/managed-settings.json";
  }
});

// src/config/budget.ts
function parseBudget(raw, source) {
  if (raw === void 0 || raw === null || raw === "") return NO_BUDGET;
  let tokens = null;
  if (typeof raw === "number") tokens = Number.isInteger(raw) && raw > 0 ? raw : null;
  else if (typeof raw === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(raw.replaceAll(/[_,]/g, ""));
    const value = match ? Number(match[1]) * UNITS[match[2].toLowerCase()] : Number.NaN;
    tokens = Number.isFinite(value) && value >= 1 ? Math.round(value) : null;
  }
  if (tokens !== null) return { tokens, problem: null };
  const shown = JSON.stringify(raw).slice(0, 40);
  return {
    tokens: null,
    problem: `${source}=${shown} is not a token count (write 300000 or 300k); budget ignored`
  };
}
var NO_BUDGET, UNITS;
var init_budget = __esm({
  "src/config/budget.ts"() {
    "use strict";
    NO_BUDGET = { tokens: null, problem: null };
    UNITS = { "": 1, k: 1e3, m: 1e6 };
  }
});

// src/base/format.ts
function exactNumber(value) {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function roundTokens(tokens) {
  const abs = Math.abs(tokens);
  if (abs >= 1e6) return `${trim(tokens / 1e6)}M`;
  if (abs >= 1e3) return `${Math.round(tokens / 1e3)}k`;
  return String(Math.round(tokens));
}
function trim(value) {
  return value.toFixed(2).replace(/\.?0+$/, "");
}
function counted(n, noun) {
  return `${exactNumber(n)} ${noun}${n === 1 ? "" : "s"}`;
}
var init_format = __esm({
  "src/base/format.ts"() {
    "use strict";
  }
});

// src/config/handoff-size.ts
function parseHandoffChars(raw, where) {
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim().replace(/_/g, "")) : raw;
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_HANDOFF_CHARS && value <= MAX_HANDOFF_CHARS)
    return value;
  throw new HandoffSizeError(
    `${where} ${JSON.stringify(raw)} is not a handoff size: give a whole number of characters from ${exactNumber(MIN_HANDOFF_CHARS)} to ${exactNumber(MAX_HANDOFF_CHARS)} (e.g. 40000)`
  );
}
var MIN_HANDOFF_CHARS, MAX_HANDOFF_CHARS, HandoffSizeError;
var init_handoff_size = __esm({
  "src/config/handoff-size.ts"() {
    "use strict";
    init_format();
    init_user_error();
    MIN_HANDOFF_CHARS = 4e3;
    MAX_HANDOFF_CHARS = 2e6;
    HandoffSizeError = class extends UserError {
    };
  }
});

// src/config/settings.ts
function parseConfigFile(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { config: {}, problems: ["not a JSON object"] };
  const config = {};
  const problems = [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === "warnPercent" || key === "criticalPercent") {
      if (isPercent(raw)) config[key] = raw;
      else problems.push(`${key}: expected a number in (0, 100], got ${JSON.stringify(raw)}`);
    } else if (key === "handoffMaxChars") {
      const chars = handoffChars(raw, key, problems);
      if (chars !== void 0) config.handoffMaxChars = chars;
    } else if (key === "budget") {
      config.budget = parseBudget(raw, "budget");
    } else if (key === "handoffDir") {
      if (typeof raw === "string" && raw) config.handoffDir = raw;
      else problems.push(`handoffDir: expected a folder path, got ${JSON.stringify(raw)}`);
    } else {
      problems.push(`${key}: unknown setting`);
    }
  }
  return { config, problems };
}
function configFilePath(runtime) {
  return runtime.env.CTX_MONITOR_CONFIG || (0, import_node_path15.join)(ctxMonitorStateDir(runtime), "config.json");
}
function loadSettings(runtime) {
  const problems = [];
  const path = configFilePath(runtime);
  const file = readConfigFile(path, problems);
  const envChars = runtime.env.CTX_MONITOR_HANDOFF_MAX_CHARS;
  const handoffMaxChars = (envChars ? handoffChars(envChars, "CTX_MONITOR_HANDOFF_MAX_CHARS", problems) : void 0) ?? file.handoffMaxChars ?? null;
  const fromEnv = parseBudget(runtime.env.CTX_MONITOR_BUDGET, "CTX_MONITOR_BUDGET");
  const fromFile = file.budget?.problem ? { tokens: null, problem: `${path}: ${file.budget.problem}` } : file.budget;
  const budget = fromEnv.tokens !== null || fromEnv.problem ? fromEnv : fromFile ?? NO_BUDGET;
  const warnPercent = envPercent(runtime, "CTX_MONITOR_WARN_PERCENT", problems) ?? file.warnPercent ?? DEFAULT_SETTINGS.warnPercent;
  const criticalPercent = envPercent(runtime, "CTX_MONITOR_CRITICAL_PERCENT", problems) ?? file.criticalPercent ?? DEFAULT_SETTINGS.criticalPercent;
  if (warnPercent >= criticalPercent) {
    problems.push(
      `warn percent ${warnPercent} is not below critical percent ${criticalPercent}; using ${DEFAULT_SETTINGS.warnPercent}/${DEFAULT_SETTINGS.criticalPercent}`
    );
    return {
      ...DEFAULT_SETTINGS,
      handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null,
      handoffMaxChars,
      budget,
      problems
    };
  }
  return {
    warnPercent,
    criticalPercent,
    handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null,
    handoffMaxChars,
    budget,
    problems
  };
}
function envPercent(runtime, name, problems) {
  const raw = runtime.env[name];
  if (raw === void 0 || raw === "") return void 0;
  const parsed = Number(raw);
  if (isPercent(parsed)) return parsed;
  problems.push(`${name}=${JSON.stringify(raw)} is not a percentage in (0, 100]; ignored`);
  return void 0;
}
function handoffChars(raw, where, problems) {
  try {
    return parseHandoffChars(raw, where);
  } catch (error) {
    problems.push(`${error.message}; the default (5% of the window) is used`);
    return void 0;
  }
}
function readConfigFile(path, problems) {
  let text2;
  try {
    text2 = readRegularText(path);
  } catch {
    return {};
  }
  try {
    const parsed = parseConfigFile(JSON.parse(text2));
    problems.push(...parsed.problems.map((problem) => `${path}: ${problem}; ignored`));
    return parsed.config;
  } catch (error) {
    problems.push(`${path} is not valid JSON (${error.message}); ignored`);
    return {};
  }
}
var import_node_path15, isPercent, DEFAULT_SETTINGS;
var init_settings = __esm({
  "src/config/settings.ts"() {
    "use strict";
    import_node_path15 = require("path");
    init_paths();
    init_open_regular();
    init_budget();
    init_handoff_size();
    isPercent = (value) => typeof value === "number" && value > 0 && value <= 100;
    DEFAULT_SETTINGS = { warnPercent: 75, criticalPercent: 90 };
  }
});

// src/transcript/byte-source.ts
function openByteSource(path) {
  const fd = openRegularFile(path);
  const stat = (0, import_node_fs15.fstatSync)(fd);
  return {
    size: stat.size,
    dev: stat.dev,
    ino: stat.ino,
    read: (into, position, length) => (0, import_node_fs15.readSync)(fd, into, 0, length, position),
    close: () => (0, import_node_fs15.closeSync)(fd)
  };
}
function withByteSource(path, use) {
  const source = openByteSource(path);
  try {
    return use(source);
  } finally {
    source.close();
  }
}
var import_node_fs15;
var init_byte_source = __esm({
  "src/transcript/byte-source.ts"() {
    "use strict";
    import_node_fs15 = require("fs");
    init_open_regular();
  }
});

// src/transcript/parse-record-line.ts
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function str(value) {
  return typeof value === "string" ? value : null;
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
function numOrNull(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function impossibleUsage(value) {
  if (value === void 0 || value === null) return false;
  if (!isObject2(value)) return true;
  return USAGE_FIELDS.some((field) => {
    const figure = value[field];
    return figure !== void 0 && figure !== null && !(typeof figure === "number" && Number.isInteger(figure) && figure >= 0 && figure <= MAX_USAGE_TOKENS);
  });
}
function parseUsage(value) {
  if (!isObject2(value)) return null;
  return {
    inputTokens: num(value.input_tokens),
    cacheCreationInputTokens: num(value.cache_creation_input_tokens),
    cacheReadInputTokens: num(value.cache_read_input_tokens),
    outputTokens: num(value.output_tokens)
  };
}
function parseContentBlock(value) {
  if (!isObject2(value)) return { type: "other", blockType: typeof value, raw: value };
  switch (value.type) {
    case "text":
      return { type: "text", text: str(value.text) ?? "" };
    case "thinking":
      return { type: "thinking", thinking: str(value.thinking) ?? "" };
    case "redacted_thinking":
      return { type: "thinking", thinking: str(value.data) ?? "" };
    case "tool_use":
      return { type: "tool_use", id: str(value.id) ?? "", name: str(value.name) ?? "", input: value.input };
    case "tool_result":
      return {
        type: "tool_result",
        toolUseId: str(value.tool_use_id) ?? "",
        content: value.content,
        isError: value.is_error === true
      };
    case "image": {
      const source = isObject2(value.source) ? value.source : {};
      return { type: "image", bytes: str(source.data)?.length ?? 0 };
    }
    default:
      return { type: "other", blockType: str(value.type) ?? "unknown", raw: value };
  }
}
function parseContent(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(parseContentBlock);
  return [];
}
function parseBlocks(value) {
  const content = parseContent(value);
  if (typeof content !== "string") return content;
  return content ? [{ type: "text", text: content }] : [];
}
function withBase(raw, lineLength, own) {
  const record = own;
  record.uuid = str(raw.uuid);
  record.parentUuid = str(raw.parentUuid);
  record.sessionId = str(raw.sessionId);
  record.timestamp = str(raw.timestamp);
  record.isSidechain = raw.isSidechain === true;
  record.cwd = str(raw.cwd);
  record.lineLength = lineLength;
  return record;
}
function toRecord(raw, lineLength) {
  if (!isObject2(raw) || typeof raw.type !== "string") return { ok: false, problem: "not-a-record" };
  const message = isObject2(raw.message) ? raw.message : {};
  switch (raw.type) {
    case "assistant":
      if (impossibleUsage(message.usage)) return { ok: false, problem: "impossible-usage" };
      return {
        ok: true,
        record: withBase(raw, lineLength, {
          kind: "assistant",
          messageId: str(message.id),
          requestId: str(raw.requestId),
          model: str(message.model),
          usage: parseUsage(message.usage),
          content: parseBlocks(message.content),
          isApiError: raw.isApiErrorMessage === true,
          version: str(raw.version)
        })
      };
    case "user":
      return {
        ok: true,
        record: withBase(raw, lineLength, {
          kind: "user",
          content: parseContent(message.content),
          isMeta: raw.isMeta === true,
          isCompactSummary: raw.isCompactSummary === true,
          toolUseResult: raw.toolUseResult
        })
      };
    case "attachment":
      return {
        ok: true,
        record: withBase(raw, lineLength, { kind: "attachment", attachment: raw.attachment })
      };
    case "system": {
      const subtype = str(raw.subtype);
      if (subtype === "compact_boundary") {
        const meta = isObject2(raw.compactMetadata) ? raw.compactMetadata : {};
        return {
          ok: true,
          record: withBase(raw, lineLength, {
            kind: "compact-boundary",
            trigger: str(meta.trigger),
            preTokens: numOrNull(meta.preTokens),
            postTokens: numOrNull(meta.postTokens)
          })
        };
      }
      return {
        ok: true,
        record: withBase(raw, lineLength, { kind: "system", subtype, content: str(raw.content) })
      };
    }
    case "api-request":
    case "api-request-shape":
    case "api-request-blob":
      return { ok: true, record: requestRecord(raw, lineLength, raw.type) };
    default:
      return { ok: true, record: withBase(raw, lineLength, { kind: "other", type: raw.type }) };
  }
}
function requestRecord(raw, lineLength, type) {
  switch (type) {
    case "api-request": {
      const params = isObject2(raw.params) ? raw.params : {};
      const betas = Array.isArray(params.betas) ? params.betas.filter((beta) => typeof beta === "string") : [];
      return withBase(raw, lineLength, {
        kind: "api-request",
        model: str(params.model),
        betas,
        shapeHash: str(raw.shapeHash),
        querySource: str(raw.querySource),
        tail: Array.isArray(raw.tail) ? raw.tail.filter((hash) => typeof hash === "string") : []
      });
    }
    case "api-request-blob": {
      const blob = isObject2(raw.message) ? raw.message : {};
      const role = str(blob.role);
      const content = role === "system" ? parseContent(blob.content) : [];
      const systemChars = typeof content === "string" ? content.length : content.reduce((sum, block) => sum + (block.type === "text" ? block.text.length : 0), 0);
      return withBase(raw, lineLength, { kind: "api-request-blob", hash: str(raw.hash), role, systemChars });
    }
    case "api-request-shape": {
      const shape = isObject2(raw.shape) ? raw.shape : {};
      return withBase(raw, lineLength, {
        kind: "api-request-shape",
        shapeHash: str(raw.shapeHash),
        shape: { system: shape.system, tools: shape.tools }
      });
    }
  }
}
function parseRecordLine(line) {
  let raw;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  return toRecord(raw, line.length);
}
var MAX_USAGE_TOKENS, USAGE_FIELDS;
var init_parse_record_line = __esm({
  "src/transcript/parse-record-line.ts"() {
    "use strict";
    MAX_USAGE_TOKENS = 1e8;
    USAGE_FIELDS = [
      "input_tokens",
      "cache_creation_input_tokens",
      "cache_read_input_tokens",
      "output_tokens"
    ];
  }
});

// src/transcript/records.ts
function contextTotal(usage) {
  return usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
}
function compactionOf(record) {
  return { trigger: record.trigger, preTokens: record.preTokens, postTokens: record.postTokens, at: record.timestamp };
}
function isMainChainResponse(record) {
  return record.kind === "assistant" && !record.isSidechain && !record.isApiError && record.model !== "<synthetic>" && record.usage !== null;
}
function attachmentType(record) {
  const attachment = record.kind === "attachment" ? record.attachment : null;
  if (typeof attachment !== "object" || attachment === null || Array.isArray(attachment)) return null;
  const type = attachment.type;
  return typeof type === "string" ? type : null;
}
function toolUseIds(record) {
  const ids = [];
  for (const block of record.content) if (block.type === "tool_use" && block.id) ids.push(block.id);
  return ids;
}
var init_records = __esm({
  "src/transcript/records.ts"() {
    "use strict";
  }
});

// src/transcript/compaction-scan.ts
function emptyCompactionScan(source) {
  return { dev: source.dev, ino: source.ino, offset: 0, count: 0, last: null };
}
function scanCompactions(source, previous, subagent = false) {
  const reusable = previous !== null && previous.dev === source.dev && previous.ino === source.ino && previous.offset <= source.size;
  const state = reusable ? { ...previous } : emptyCompactionScan(source);
  if (state.offset === source.size) return state;
  const block = Buffer.allocUnsafe(Math.min(BLOCK_BYTES, source.size - state.offset + MARKER.length));
  let position = Math.max(0, state.offset - (MARKER.length - 1));
  let completeLinesEnd = state.offset;
  while (position < source.size) {
    const length = Math.min(block.length, source.size - position);
    const read = source.read(block, position, length);
    if (read <= 0) break;
    for (let part = block.indexOf(MARKER_PART); part !== -1; part = block.indexOf(MARKER_PART, part + 1)) {
      const hit = part - PART_AT;
      if (hit + MARKER.length > read) break;
      if (hit < 0 || block.compare(MARKER, 0, MARKER.length, hit, hit + MARKER.length) !== 0) continue;
      const absolute = position + hit;
      const info = absolute + MARKER.length > state.offset ? readCompactionAt(source, absolute, subagent) : null;
      if (info) {
        state.count++;
        state.last = info;
      }
    }
    const newline = block.lastIndexOf(10, read - 1);
    if (newline !== -1) completeLinesEnd = Math.max(completeLinesEnd, position + newline + 1);
    if (position + read >= source.size) break;
    position += read - (MARKER.length - 1);
  }
  state.offset = completeLinesEnd;
  return state;
}
function readCompactionAt(source, markerAt, subagent) {
  const from = Math.max(0, markerAt - MAX_RECORD_BYTES / 2);
  const length = Math.min(MAX_RECORD_BYTES, source.size - from);
  const window = Buffer.allocUnsafe(length);
  const read = source.read(window, from, length);
  const relative3 = markerAt - from;
  const start = window.lastIndexOf(10, relative3) + 1;
  let end = window.indexOf(10, relative3);
  if (end === -1 || end > read) end = read;
  const parsed = parseRecordLine(window.toString("utf8", start, end));
  if (!parsed.ok || parsed.record.kind !== "compact-boundary" || parsed.record.isSidechain && !subagent) return null;
  return compactionOf(parsed.record);
}
var MARKER, MARKER_PART, PART_AT, BLOCK_BYTES, MAX_RECORD_BYTES;
var init_compaction_scan = __esm({
  "src/transcript/compaction-scan.ts"() {
    "use strict";
    init_parse_record_line();
    init_records();
    MARKER = Buffer.from('"subtype":"compact_boundary"');
    MARKER_PART = Buffer.from("_bound");
    PART_AT = MARKER.indexOf(MARKER_PART);
    BLOCK_BYTES = 4 << 20;
    MAX_RECORD_BYTES = 1 << 20;
  }
});

// src/transcript/content-hash.ts
function contentHash(parts) {
  let a = 2654435761;
  let b = 2246822519;
  let c = 3266489917;
  let d = 668265263;
  for (const part of parts) {
    const words2 = wordsOf(part);
    let tail = Math.imul(part.length, 2654435761);
    for (let index = words2.length * 4; index < part.length; index++) tail ^= part[index] << 8 * (index & 3);
    for (let index = 0; index <= words2.length; index++) {
      let k = Math.imul(index < words2.length ? words2[index] : tail, 3432918353);
      k = Math.imul(k << 15 | k >>> 17, 461845907);
      a ^= k;
      a = Math.imul(a << 13 | a >>> 19, 5) + 3864292196;
      b ^= k ^ a;
      b = Math.imul(b << 17 | b >>> 15, 5) + 1444728091;
      c ^= k + b;
      c = Math.imul(c << 11 | c >>> 21, 5) + 197830471;
      d ^= k ^ c;
      d = Math.imul(d << 19 | d >>> 13, 5) + 2530024501;
    }
  }
  return [a, b ^ a, c ^ b, d ^ c].map((lane) => hex(finish(lane))).join("");
}
function wordsOf(part) {
  const count = part.length >>> 2;
  const aligned = part.byteOffset % 4 === 0 ? part : new Uint8Array(part);
  return new Int32Array(aligned.buffer, aligned.byteOffset, count);
}
function finish(hash) {
  let h = hash ^ hash >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return h ^ h >>> 16;
}
function hex(value) {
  return (value >>> 0).toString(16).padStart(8, "0");
}
var init_content_hash = __esm({
  "src/transcript/content-hash.ts"() {
    "use strict";
  }
});

// src/transcript/content-identity.ts
function bytesAt(source, position, length) {
  const buffer = Buffer.alloc(Math.max(0, Math.min(length, source.size - position)));
  const read = buffer.length ? source.read(buffer, position, buffer.length) : 0;
  return buffer.subarray(0, read);
}
function contentKey(source) {
  if (source.size === 0) return null;
  return contentHash([bytesAt(source, 0, HEAD_BYTES)]);
}
function fingerprintAt(source, offset) {
  if (offset > source.size) return "beyond-end";
  const from = Math.max(0, offset - BEFORE_OFFSET_BYTES);
  const head = bytesAt(source, 0, Math.min(HEAD_BYTES, offset, from));
  return `${offset}:${head.toString("base64")}:${bytesAt(source, from, offset - from).toString("base64")}`;
}
var HEAD_BYTES, BEFORE_OFFSET_BYTES;
var init_content_identity = __esm({
  "src/transcript/content-identity.ts"() {
    "use strict";
    init_content_hash();
    HEAD_BYTES = 4096;
    BEFORE_OFFSET_BYTES = 4096;
  }
});

// src/transcript/compaction-cache.ts
function parseScanState(value) {
  if (typeof value !== "object" || value === null) return null;
  const v = value;
  const counts = [v.dev, v.ino, v.offset, v.count].every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0);
  const last2 = v.last;
  const lastOk = last2 === null || typeof last2 === "object" && ["trigger", "at"].every((k) => ["string", "object"].includes(typeof last2[k])) && ["preTokens", "postTokens"].every((k) => {
    const x = last2[k];
    return x === null || typeof x === "number";
  });
  return counts && lastOk ? value : null;
}
function parseKept(value) {
  if (typeof value !== "object" || value === null) return null;
  const { state, fingerprint } = value;
  const parsed = parseScanState(state);
  return parsed && typeof fingerprint === "string" ? { state: parsed, fingerprint } : null;
}
var import_node_fs16, import_node_path16, EXPIRY_MS, MEMORY_CAPACITY, CompactionCache;
var init_compaction_cache = __esm({
  "src/transcript/compaction-cache.ts"() {
    "use strict";
    import_node_fs16 = require("fs");
    import_node_path16 = require("path");
    init_paths();
    init_atomic_write();
    init_make_folder();
    init_compaction_scan();
    init_content_identity();
    EXPIRY_MS = 7 * 24 * 60 * 6e4;
    MEMORY_CAPACITY = 64;
    CompactionCache = class {
      /** @param dir where scans are kept on disk, or null to keep them in memory only */
      constructor(dir) {
        this.dir = dir;
      }
      dir;
      memory = /* @__PURE__ */ new Map();
      /** @param subagent the file is a subagent's own transcript (see scanCompactions) */
      scan(source, subagent = false) {
        const key = contentKey(source);
        if (key === null) return scanCompactions(source, null, subagent);
        const kept2 = this.memory.get(key) ?? this.readDisk(key);
        const previous = kept2 && fingerprintAt(source, kept2.state.offset) === kept2.fingerprint ? { ...kept2.state, dev: source.dev, ino: source.ino } : null;
        const next = scanCompactions(source, previous, subagent);
        const moved = !previous || next.offset !== kept2?.state.offset;
        const scan = { state: next, fingerprint: moved ? fingerprintAt(source, next.offset) : kept2.fingerprint };
        this.memory.delete(key);
        this.memory.set(key, scan);
        while (this.memory.size > MEMORY_CAPACITY) this.memory.delete(this.memory.keys().next().value);
        if (next.offset !== kept2?.state.offset || !previous) this.writeDisk(key, scan);
        return next;
      }
      readDisk(key) {
        if (!this.dir) return null;
        const path = (0, import_node_path16.join)(this.dir, `${key}.json`);
        try {
          if (Date.now() - (0, import_node_fs16.statSync)(path).mtimeMs > EXPIRY_MS) return null;
          return parseKept(JSON.parse((0, import_node_fs16.readFileSync)(path, "utf8")));
        } catch {
          return null;
        }
      }
      writeDisk(key, scan) {
        if (!this.dir) return;
        const path = (0, import_node_path16.join)(this.dir, `${key}.json`);
        try {
          makeFolder(this.dir, 448, STATE_DIR_SETTING);
          replaceFile(path, JSON.stringify(scan), 384);
          this.removeExpired();
        } catch {
        }
      }
      removeExpired() {
        for (const name of (0, import_node_fs16.readdirSync)(this.dir).slice(0, 1e3)) {
          const path = (0, import_node_path16.join)(this.dir, name);
          try {
            if (Date.now() - (0, import_node_fs16.statSync)(path).mtimeMs > EXPIRY_MS) (0, import_node_fs16.rmSync)(path, { force: true });
          } catch {
          }
        }
      }
    };
  }
});

// src/transcript/content-size.ts
function blockChars(block) {
  switch (block.type) {
    case "text":
      return block.text.length;
    case "thinking":
      return block.thinking.length;
    case "tool_use":
      return block.name.length + jsonChars(block.input);
    case "tool_result":
      return toolResultChars(block.content);
    case "image":
      return block.bytes;
    case "other":
      return jsonChars(block.raw);
  }
}
function toolResultChars(content) {
  if (typeof content === "string") return content.length;
  if (!Array.isArray(content)) return jsonChars(content);
  let chars = 0;
  for (const part of content) {
    if (typeof part === "object" && part !== null && "text" in part && typeof part.text === "string") {
      chars += part.text.length;
    } else {
      chars += jsonChars(part);
    }
  }
  return chars;
}
function jsonChars(value) {
  if (value === void 0) return 0;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}
function contentChars(content) {
  if (typeof content === "string") return content.length;
  let chars = 0;
  for (const block of content) chars += blockChars(block);
  return chars;
}
function recordChars(record) {
  switch (record.kind) {
    case "assistant":
    case "user":
      return contentChars(record.content);
    case "attachment":
      return isBookkeeping(record.attachment) ? 0 : jsonChars(record.attachment);
    default:
      return 0;
  }
}
function isBookkeeping(attachment) {
  return typeof attachment === "object" && attachment !== null && attachment.type === "prompt_snapshot";
}
var init_content_size = __esm({
  "src/transcript/content-size.ts"() {
    "use strict";
  }
});

// src/transcript/line-problems.ts
function noLineProblems() {
  return { notJson: 0, notRecord: 0, impossibleUsage: 0, oversized: 0, torn: 0 };
}
function addLineProblems(into, from) {
  into.notJson += from.notJson;
  into.notRecord += from.notRecord;
  into.impossibleUsage += from.impossibleUsage;
  into.oversized += from.oversized;
  into.torn += from.torn;
  return into;
}
function countLineProblems(problems) {
  return problems.notJson + problems.notRecord + problems.impossibleUsage + problems.oversized + problems.torn;
}
function describeLineProblems(problems) {
  const parts = [];
  if (problems.notJson) parts.push(`${problems.notJson} unreadable`);
  if (problems.notRecord) parts.push(`${problems.notRecord} unrecognised`);
  if (problems.impossibleUsage) parts.push(`${problems.impossibleUsage} with impossible usage figures`);
  if (problems.oversized) parts.push(`${problems.oversized} oversized`);
  if (problems.torn) parts.push(`${problems.torn} still being written`);
  return parts.length ? `skipped transcript lines: ${parts.join(", ")}` : "";
}
var init_line_problems = __esm({
  "src/transcript/line-problems.ts"() {
    "use strict";
  }
});

// src/transcript/read-forward.ts
function readForward(source, fromOffset, visitor, options = {}) {
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const problems = noLineProblems();
  const lines2 = new LineEmitter(visitor, options.subagent === true, problems);
  const spanning = new SpanningLine(maxLineBytes);
  const block = Buffer.allocUnsafe(blockBytes);
  let lineStart = fromOffset;
  let position = fromOffset;
  while (position < source.size) {
    const read = source.read(block, position, Math.min(blockBytes, source.size - position));
    if (read <= 0) break;
    let cursor = 0;
    while (cursor < read) {
      const newline = block.indexOf(10, cursor);
      const end = newline === -1 || newline >= read ? read : newline;
      if (end < read && spanning.bytes === 0 && end - cursor <= maxLineBytes) {
        lines2.emitCounted(block.toString("utf8", cursor, end), { start: lineStart, bytes: end - cursor });
      } else {
        spanning.add(block, cursor, end);
        if (end === read) break;
        lines2.emitSpanning(spanning, lineStart);
        spanning.reset();
      }
      cursor = end + 1;
      lineStart = position + cursor;
      if (lines2.stopped) return { nextOffset: lineStart, problems };
    }
    position += read;
  }
  return { nextOffset: finishLastLine(lines2, spanning, lineStart), problems };
}
function finishLastLine(lines2, spanning, lineStart) {
  if (spanning.bytes === 0) return lineStart;
  if (!spanning.oversized && lines2.emit(spanning.text(), { start: lineStart, bytes: spanning.bytes })) {
    return lineStart + spanning.bytes;
  }
  lines2.problems.torn++;
  return lineStart;
}
function joinUtf8(pieces, bytes) {
  if (pieces.length === 1) return pieces[0].toString("utf8");
  return Buffer.concat(pieces, bytes).toString("utf8");
}
var DEFAULT_BLOCK_BYTES, DEFAULT_MAX_LINE_BYTES, LineEmitter, SpanningLine;
var init_read_forward = __esm({
  "src/transcript/read-forward.ts"() {
    "use strict";
    init_line_problems();
    init_parse_record_line();
    DEFAULT_BLOCK_BYTES = 1 << 20;
    DEFAULT_MAX_LINE_BYTES = 64 << 20;
    LineEmitter = class {
      constructor(visitor, subagent, problems) {
        this.visitor = visitor;
        this.subagent = subagent;
        this.problems = problems;
      }
      visitor;
      subagent;
      problems;
      stopped = false;
      /** False when the line is not JSON: the caller tells a bad line from a torn last one. */
      emit(line, at) {
        if (line.trim() === "") return true;
        const parsed = parseRecordLine(line);
        if (parsed.ok) {
          if (this.subagent) parsed.record.isSidechain = false;
          this.stopped = this.visitor.record(parsed.record, at) === "stop";
          return true;
        }
        if (parsed.problem === "not-json") return false;
        if (parsed.problem === "impossible-usage") this.problems.impossibleUsage++;
        else this.problems.notRecord++;
        return true;
      }
      /** A line whose newline was seen: not JSON there means a bad line. */
      emitCounted(line, at) {
        if (!this.emit(line, at)) this.problems.notJson++;
      }
      emitSpanning(spanning, lineStart) {
        const at = { start: lineStart, bytes: spanning.bytes };
        if (spanning.oversized) {
          this.problems.oversized++;
          this.visitor.oversized?.(at);
        } else {
          this.emitCounted(spanning.text(), at);
        }
      }
    };
    SpanningLine = class {
      constructor(maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
      }
      maxLineBytes;
      bytes = 0;
      oversized = false;
      pieces = [];
      add(block, from, to) {
        const piece = to - from;
        if (!this.oversized) {
          if (this.bytes + piece > this.maxLineBytes) {
            this.oversized = true;
            this.pieces = [];
          } else if (piece > 0) {
            this.pieces.push(Buffer.from(block.subarray(from, to)));
          }
        }
        this.bytes += piece;
      }
      text() {
        return joinUtf8(this.pieces, this.bytes);
      }
      reset() {
        this.pieces = [];
        this.bytes = 0;
        this.oversized = false;
      }
    };
  }
});

// src/transcript/head-baseline.ts
function readHeadBaseline(source, options = {}) {
  const limitBytes = options.limitBytes ?? 16 << 20;
  let baseline = null;
  let messageChars = 0;
  const attachmentChars = {};
  const bounded = { ...source, size: Math.min(source.size, limitBytes) };
  readForward(
    bounded,
    0,
    {
      record(record) {
        if (isMainChainResponse(record)) {
          baseline = { firstTotal: contextTotal(record.usage), messageChars, attachmentChars };
          return "stop";
        }
        if (record.isSidechain) return void 0;
        const chars = recordChars(record);
        messageChars += chars;
        const type = attachmentType(record);
        if (type && chars > 0) attachmentChars[type] = (attachmentChars[type] ?? 0) + chars;
        return void 0;
      }
    },
    { subagent: options.subagent ?? false }
  );
  return baseline;
}
var init_head_baseline = __esm({
  "src/transcript/head-baseline.ts"() {
    "use strict";
    init_content_size();
    init_read_forward();
    init_records();
  }
});

// src/transcript/locate.ts
function locateTranscript(request2, runtime) {
  const searched = [];
  if (request2.transcriptPath) {
    const path = (0, import_node_path17.resolve)(runtime.cwd, request2.transcriptPath);
    if (isFile(path)) {
      return {
        path,
        sessionId: (0, import_node_path17.basename)(path, ".jsonl"),
        projectDir: request2.projectDir ?? null,
        source: "transcript-path",
        guessed: false
      };
    }
    const what = whatIsInTheWay(path);
    throw new TranscriptNotFoundError(
      `${path} ${what}; pass a session's .jsonl file (transcripts live under ${projectsDir(runtime)}/<project>/<session id>.jsonl)`,
      [path]
    );
  }
  const named = request2.projectDir ?? runtime.env.CLAUDE_PROJECT_DIR;
  const projectDir = named || sessionsProjectDir(runtime, defaultProjectDir(runtime));
  if (request2.sessionId) {
    const path = findSessionTranscript(runtime, request2.sessionId, projectDir, searched) ?? findByIdPrefix(runtime, request2.sessionId, projectDir);
    if (path) return { path, sessionId: (0, import_node_path17.basename)(path, ".jsonl"), projectDir, source: "session-id", guessed: false };
    throw new TranscriptNotFoundError(
      `no transcript for session ${request2.sessionId} under ${projectsDir(runtime)}; pass transcript_path or check CLAUDE_CONFIG_DIR`,
      searched
    );
  }
  const evidence = gatherEvidence(runtime).sort((a, b) => b.at - a.at);
  for (const candidate of evidence) {
    const path = candidate.transcriptPath && isFile(candidate.transcriptPath) ? candidate.transcriptPath : findSessionTranscript(runtime, candidate.sessionId, candidate.projectDir ?? projectDir, searched);
    if (path) {
      return {
        path,
        sessionId: candidate.sessionId,
        projectDir: candidate.projectDir ?? projectDir,
        source: candidate.source,
        guessed: false
      };
    }
  }
  const newest = newestMainTranscript(projectFolders(runtime, projectDir), searched);
  if (newest) {
    return {
      path: newest,
      sessionId: (0, import_node_path17.basename)(newest, ".jsonl"),
      projectDir,
      source: "newest-in-project",
      guessed: true
    };
  }
  throw new TranscriptNotFoundError(
    `no Claude Code transcript found for ${projectDir} (looked in ${searched.join(", ") || projectsDir(runtime)}); pass session_id or transcript_path`,
    searched
  );
}
function gatherEvidence(runtime) {
  const evidence = [];
  const { CLAUDE_CODE_SESSION_ID: envSession, CLAUDE_PROJECT_DIR: envProject } = runtime.env;
  if (envSession) {
    evidence.push({
      sessionId: envSession,
      transcriptPath: null,
      projectDir: envProject || null,
      source: "env",
      at: runtime.startedAt.getTime()
    });
  }
  const pids = runtime.ancestorPids();
  const process2 = claudeProcessSession(runtime, pids);
  if (process2) evidence.push(process2);
  const state = readStateForProcesses(runtime, pids);
  if (state) {
    evidence.push({
      sessionId: state.sessionId,
      transcriptPath: state.transcriptPath,
      projectDir: state.cwd,
      source: "hook-state",
      at: Date.parse(state.updatedAt) || 0
    });
  }
  return evidence;
}
function claudeProcessSession(runtime, pids) {
  for (const pid of pids) {
    const path = (0, import_node_path17.join)(claudeSessionsDir(runtime), `${pid}.json`);
    try {
      const raw = JSON.parse(readRegularText(path));
      if (typeof raw !== "object" || raw === null) continue;
      const { sessionId, cwd } = raw;
      if (typeof sessionId !== "string" || !sessionId) continue;
      return {
        sessionId,
        transcriptPath: null,
        projectDir: typeof cwd === "string" ? cwd : null,
        source: "claude-process",
        at: (0, import_node_fs17.statSync)(path).mtimeMs
      };
    } catch {
      continue;
    }
  }
  return null;
}
function findSessionTranscript(runtime, sessionId, projectDir, searched) {
  const fileName = `${sessionId}.jsonl`;
  for (const folder of projectFolders(runtime, projectDir)) {
    const path = (0, import_node_path17.join)(folder, fileName);
    searched.push(path);
    if (isFile(path)) return path;
  }
  const root = projectsDir(runtime);
  for (const folder of listDir(root)) {
    const path = (0, import_node_path17.join)(root, folder, fileName);
    if (isFile(path)) return path;
  }
  searched.push((0, import_node_path17.join)(root, "*", fileName));
  return null;
}
function sessionsProjectDir(runtime, start) {
  for (let dir = (0, import_node_path17.resolve)(start); ; dir = (0, import_node_path17.dirname)(dir)) {
    if (projectFolders(runtime, dir).some((folder) => isDirectory(folder))) return dir;
    if ((0, import_node_path17.dirname)(dir) === dir) return start;
  }
}
function findByIdPrefix(runtime, prefix, projectDir) {
  if (!SESSION_PREFIX.test(prefix)) return null;
  const matching = (folders) => mainTranscripts(folders).filter((entry2) => (0, import_node_path17.basename)(entry2.path).startsWith(prefix)).map((entry2) => entry2.path);
  const root = projectsDir(runtime);
  for (const folders of [projectFolders(runtime, projectDir), listDir(root).map((name) => (0, import_node_path17.join)(root, name))]) {
    const found = matching(folders);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      const shown = found.slice(0, 5).map((path) => (0, import_node_path17.basename)(path, ".jsonl"));
      throw new AmbiguousSessionError(
        `session ${prefix} is ambiguous: ${found.length} sessions start with it (${shown.join(", ")}${found.length > 5 ? ", \u2026" : ""}); give more of the id`,
        found
      );
    }
  }
  return null;
}
function projectFolders(runtime, projectDir) {
  const root = projectsDir(runtime);
  const encoded = encodeProjectDir(projectDir);
  if (encoded.length <= MAX_ENCODED_PROJECT_LENGTH) return [(0, import_node_path17.join)(root, encoded)];
  const prefix = encoded.slice(0, MAX_ENCODED_PROJECT_LENGTH);
  return listDir(root).filter((name) => name.startsWith(prefix)).map((name) => (0, import_node_path17.join)(root, name));
}
function newestMainTranscript(folders, searched) {
  searched.push(...folders);
  return mainTranscripts(folders)[0]?.path ?? null;
}
function mainTranscripts(folders) {
  const found = [];
  for (const folder of folders) {
    for (const name of listDir(folder)) {
      if (!name.endsWith(".jsonl") || name.startsWith("agent-")) continue;
      const path = (0, import_node_path17.join)(folder, name);
      try {
        found.push({ path, mtimeMs: (0, import_node_fs17.statSync)(path).mtimeMs });
      } catch {
        continue;
      }
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
function isExplicit(located) {
  return located.source === "transcript-path" || located.source === "session-id";
}
function listDir(path) {
  try {
    return (0, import_node_fs17.readdirSync)(path);
  } catch {
    return [];
  }
}
function isFile(path) {
  try {
    return (0, import_node_fs17.existsSync)(path) && (0, import_node_fs17.statSync)(path).isFile();
  } catch {
    return false;
  }
}
function isDirectory(path) {
  try {
    return (0, import_node_fs17.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function whatIsInTheWay(path) {
  try {
    const stat = (0, import_node_fs17.statSync)(path);
    if (stat.isDirectory()) return "is a folder, not a transcript file";
    return "is not a regular file (a FIFO, socket or device)";
  } catch {
    return "does not exist";
  }
}
var import_node_fs17, import_node_path17, TranscriptNotFoundError, AmbiguousSessionError, SESSION_PREFIX;
var init_locate = __esm({
  "src/transcript/locate.ts"() {
    "use strict";
    import_node_fs17 = require("fs");
    import_node_path17 = require("path");
    init_user_error();
    init_paths();
    init_session_state();
    init_open_regular();
    TranscriptNotFoundError = class extends UserError {
      constructor(message, searched) {
        super(message);
        this.searched = searched;
      }
      searched;
    };
    AmbiguousSessionError = class extends TranscriptNotFoundError {
    };
    SESSION_PREFIX = /^[0-9a-zA-Z-]{4,}$/;
  }
});

// src/transcript/subagent-files.ts
function isSubagentTranscript(path) {
  return AGENT_FILE.test((0, import_node_path18.basename)(path)) && (0, import_node_path18.basename)((0, import_node_path18.dirname)(path)) === "subagents";
}
function subagentOf(path) {
  if (!isSubagentTranscript(path)) return null;
  const agentId = AGENT_FILE.exec((0, import_node_path18.basename)(path))[1];
  const folder = (0, import_node_path18.dirname)(path);
  const sessionFolder = (0, import_node_path18.dirname)(folder);
  const meta = readMeta((0, import_node_path18.join)(folder, `agent-${agentId}.meta.json`));
  return {
    agentId,
    agentType: typeof meta.agentType === "string" ? meta.agentType : null,
    description: typeof meta.description === "string" ? meta.description : null,
    parentTranscriptPath: `${sessionFolder}.jsonl`
  };
}
function readMeta(path) {
  try {
    const value = JSON.parse(readRegularText(path));
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}
function subagentTranscripts(sessionTranscriptPath) {
  const folder = (0, import_node_path18.join)(sessionTranscriptPath.replace(/\.jsonl$/, ""), "subagents");
  let names;
  try {
    names = (0, import_node_fs18.readdirSync)(folder);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!AGENT_FILE.test(name)) continue;
    try {
      found.push({ path: (0, import_node_path18.join)(folder, name), mtimeMs: (0, import_node_fs18.statSync)((0, import_node_path18.join)(folder, name)).mtimeMs });
    } catch {
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
var import_node_fs18, import_node_path18, AGENT_FILE;
var init_subagent_files = __esm({
  "src/transcript/subagent-files.ts"() {
    "use strict";
    import_node_fs18 = require("fs");
    import_node_path18 = require("path");
    init_open_regular();
    AGENT_FILE = /^agent-([^/]+)\.jsonl$/;
  }
});

// src/transcript/read-backward.ts
function* readBackward(source, options = {}) {
  const blockBytes = options.blockBytes ?? DEFAULT_TAIL_BLOCK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let pieces = [];
  let pieceBytes = 0;
  let oversized = false;
  let lineEnd = source.size;
  let unterminated = true;
  let position = source.size;
  const finish2 = (start) => {
    const bytes = lineEnd - start;
    const line = {
      start,
      bytes,
      unterminated,
      text: oversized ? null : pieces.length === 1 ? pieces[0].toString("utf8") : Buffer.concat(pieces.reverse()).toString("utf8")
    };
    pieces = [];
    pieceBytes = 0;
    oversized = false;
    unterminated = false;
    return bytes > 0 ? line : null;
  };
  while (position > 0) {
    const length = Math.min(blockBytes, position);
    position -= length;
    const block = Buffer.allocUnsafe(length);
    const read = source.read(block, position, length);
    if (read < length) return;
    let cursor = length;
    while (cursor > 0) {
      const newline = block.lastIndexOf(10, cursor - 1);
      const pieceStart = newline + 1;
      const pieceLength = cursor - pieceStart;
      if (!oversized) {
        if (pieceBytes + pieceLength > maxLineBytes) {
          oversized = true;
          pieces = [];
        } else if (pieceLength > 0) {
          pieces.push(block.subarray(pieceStart, cursor));
        }
      }
      pieceBytes += pieceLength;
      if (newline === -1) break;
      const line = finish2(position + pieceStart);
      if (line) yield line;
      lineEnd = position + newline;
      cursor = newline;
    }
  }
  const first = finish2(0);
  if (first) yield first;
}
var DEFAULT_TAIL_BLOCK_BYTES;
var init_read_backward = __esm({
  "src/transcript/read-backward.ts"() {
    "use strict";
    init_read_forward();
    DEFAULT_TAIL_BLOCK_BYTES = 64 << 10;
  }
});

// src/transcript/tail-snapshot.ts
function readTailSnapshot(source, options = {}) {
  const scanPastLatestBytes = options.scanPastLatestBytes ?? 1 << 20;
  const state = new TailState(options.recentResponses ?? 5);
  let oldestStart = source.size;
  for (const line of readBackward(source, options)) {
    oldestStart = line.start;
    if (state.latest && state.latestStart - line.start > scanPastLatestBytes) break;
    if (line.text === null) {
      state.problems.oversized++;
      if (!state.latest && !state.compactionSince) state.pendingChars += line.bytes;
      continue;
    }
    const parsed = parseRecordLine(line.text);
    if (!parsed.ok) {
      state.countProblem(parsed.problem, line.unterminated);
      continue;
    }
    const record = parsed.record;
    if (options.subagent) record.isSidechain = false;
    if (!state.latest) state.takeNewer(record, line.start);
    else if (!state.takeOlder(state.latest, record, line.start)) break;
  }
  return {
    latest: state.latest,
    latestRequest: state.latestRequest,
    earlier: state.earlier,
    compactionSince: state.compactionSince,
    pendingChars: state.pendingChars,
    pendingAttachmentTypes: [...state.pendingAttachmentTypes],
    charsSincePrompt: state.charsSincePrompt,
    problems: state.problems,
    bytesRead: source.size - oldestStart
  };
}
function isTypedPrompt(record) {
  if (record.kind !== "user" || record.isMeta || record.isCompactSummary) return false;
  const text2 = typeof record.content === "string" ? record.content : record.content.find((block) => block.type === "text")?.text;
  if (typeof record.content !== "string" && record.content.some((block) => block.type === "tool_result")) return false;
  return typeof text2 === "string" && text2.trim() !== "" && !text2.trimStart().startsWith("<");
}
var TailState;
var init_tail_snapshot = __esm({
  "src/transcript/tail-snapshot.ts"() {
    "use strict";
    init_content_size();
    init_line_problems();
    init_parse_record_line();
    init_read_backward();
    init_records();
    TailState = class {
      constructor(recentResponses) {
        this.recentResponses = recentResponses;
      }
      recentResponses;
      problems = noLineProblems();
      earlier = [];
      latest = null;
      latestRequest = null;
      latestStart = 0;
      compactionSince = null;
      pendingChars = 0;
      pendingAttachmentTypes = /* @__PURE__ */ new Set();
      charsSincePrompt = 0;
      countProblem(problem, unterminated) {
        if (unterminated && problem === "not-json") this.problems.torn++;
        else if (problem === "not-json") this.problems.notJson++;
        else if (problem === "impossible-usage") this.problems.impossibleUsage++;
        else this.problems.notRecord++;
      }
      /** A line after the newest response, or that response itself. */
      takeNewer(record, start) {
        if (record.kind === "compact-boundary") {
          this.compactionSince ??= record;
          return;
        }
        if (isMainChainResponse(record)) {
          this.latest = {
            messageId: record.messageId,
            model: record.model,
            usage: { ...record.usage },
            timestamp: record.timestamp,
            sessionId: record.sessionId,
            toolUseIds: toolUseIds(record),
            version: record.version
          };
          this.latestStart = start;
          return;
        }
        if (!this.compactionSince && !record.isSidechain && !(record.kind === "user" && record.isCompactSummary)) {
          this.pendingChars += recordChars(record);
          const type = attachmentType(record);
          if (type) this.pendingAttachmentTypes.add(type);
          if (isTypedPrompt(record)) this.charsSincePrompt = this.pendingChars;
        }
      }
      /**
       * A line before the newest response: more lines of it, then the responses before it, back to the last
       * compaction. False when the read can stop.
       */
      takeOlder(latest, record, start) {
        if (record.kind === "compact-boundary") return false;
        if (record.kind === "api-request" && this.earlier.length === 0 && !this.latestRequest && !record.isSidechain) {
          this.latestRequest = { model: record.model, betas: record.betas, shapeHash: record.shapeHash };
        }
        if (!isMainChainResponse(record)) return true;
        if (this.earlier.length === 0 && latest.messageId !== null && record.messageId === latest.messageId) {
          latest.usage.outputTokens = Math.max(latest.usage.outputTokens, record.usage.outputTokens);
          for (const id of toolUseIds(record)) if (!latest.toolUseIds.includes(id)) latest.toolUseIds.push(id);
          this.latestStart = start;
          return true;
        }
        const previous = this.earlier.at(-1);
        if (previous && previous.messageId !== null && record.messageId === previous.messageId) return true;
        if (this.earlier.length >= this.recentResponses) return false;
        this.earlier.push({ messageId: record.messageId, total: contextTotal(record.usage) });
        return true;
      }
    };
  }
});

// src/transcript/wait-for-append.ts
async function waitForAppend(path, probe, timeoutMs, backstopMs = 250, options = {}) {
  const started = Date.now();
  let last2 = probe();
  if (last2.done || timeoutMs <= 0) return { ...last2, waitedMs: 0 };
  return new Promise((resolve3) => {
    let watcher = null;
    let finished = false;
    const finish2 = () => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearInterval(backstop);
      watcher?.close();
      resolve3({ ...last2, waitedMs: Date.now() - started });
    };
    const check = () => {
      if (finished) return;
      last2 = probe();
      if (last2.done) finish2();
    };
    const deadline = setTimeout(() => {
      check();
      finish2();
    }, timeoutMs);
    const backstop = setInterval(check, backstopMs);
    try {
      watcher = (0, import_node_fs19.watch)(path, { persistent: false, recursive: options.recursive ?? false }, check);
      watcher.on("error", () => {
      });
    } catch {
    }
  });
}
var import_node_fs19;
var init_wait_for_append = __esm({
  "src/transcript/wait-for-append.ts"() {
    "use strict";
    import_node_fs19 = require("fs");
  }
});

// src/context/estimate.ts
function estimateTokens(chars) {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}
var CHARS_PER_TOKEN;
var init_estimate = __esm({
  "src/context/estimate.ts"() {
    "use strict";
    CHARS_PER_TOKEN = 4;
  }
});

// src/context/launch-args.ts
function parseLaunchArgs(args) {
  let model = null;
  let print = false;
  let resumed = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--") break;
    if (arg === "--model") model = args[index + 1] ?? null;
    else if (arg.startsWith("--model=")) model = arg.slice("--model=".length);
    else if (arg === "-p" || arg === "--print") print = true;
    else if (["--resume", "-r", "--continue", "-c"].includes(arg) || arg.startsWith("--resume=")) resumed = true;
  }
  return { model: model || null, print, resumed };
}
var init_launch_args = __esm({
  "src/context/launch-args.ts"() {
    "use strict";
  }
});

// src/context/models.ts
function parseVersion(version) {
  const match = version ? /^(\d+)\.(\d+)\.(\d+)/.exec(version) : null;
  return match ? match.slice(1, 4).map(Number) : null;
}
function runsNative1m(version) {
  const parts = parseVersion(version);
  if (!parts) return true;
  for (let i = 0; i < NATIVE_1M_SINCE.length; i++)
    if (parts[i] !== NATIVE_1M_SINCE[i]) return parts[i] > NATIVE_1M_SINCE[i];
  return true;
}
function matches(patterns, id) {
  return patterns.some((pattern) => pattern.test(id));
}
function modelWindow(modelId, version, bareIdIsExact = false) {
  if (hasExtendedSuffix(modelId)) return { tokens: EXTENDED_WINDOW, assumedBecause: null };
  const lower = modelId.toLowerCase();
  const id = lower.includes("claude-") ? lower.slice(lower.indexOf("claude-")) : lower;
  if (runsNative1m(version)) {
    if (matches(NATIVE_1M, id)) return { tokens: EXTENDED_WINDOW, assumedBecause: null };
    if (matches(STANDARD, id)) return { tokens: STANDARD_WINDOW, assumedBecause: null };
    return {
      tokens: EXTENDED_WINDOW,
      assumedBecause: `${modelId} is not in ctx-monitor's model table; Claude Code ${version ?? "2.1.332"} runs models it does not know at 1,000,000`
    };
  }
  if (bareIdIsExact || matches([...STANDARD, ...NATIVE_1M], id) && !OLD_DEFAULT.test(id))
    return { tokens: STANDARD_WINDOW, assumedBecause: null };
  if (OLD_DEFAULT.test(id)) {
    return {
      tokens: EXTENDED_WINDOW,
      assumedBecause: `Claude Code ${version} runs ${modelId} at 1,000,000 as its default (${modelId}[1m]) but at 200,000 when named without [1m] or resumed in -p mode`
    };
  }
  return {
    tokens: STANDARD_WINDOW,
    assumedBecause: `${modelId} is not in ctx-monitor's model table; Claude Code ${version} runs bare model ids at 200,000`
  };
}
function resumedPrintWindow(transcriptModel, version) {
  return !runsNative1m(version) && OLD_DEFAULT.test(transcriptModel.toLowerCase()) ? STANDARD_WINDOW : null;
}
function hasExtendedSuffix(modelId) {
  return /\[1m\]\s*$/i.test(modelId);
}
function withoutExtendedSuffix(modelId) {
  return modelId.replace(/\[1m\]\s*$/i, "");
}
function familyId(modelId) {
  const lower = withoutExtendedSuffix(modelId).toLowerCase();
  return lower.includes("claude-") ? lower.slice(lower.indexOf("claude-")) : lower;
}
function modelCompactWindow(modelId, version, window) {
  const id = familyId(modelId);
  const at200k = COMPACT_AT_200K.test(id) && window < EXTENDED_WINDOW ? Math.min(window, STANDARD_WINDOW) : null;
  if (!runsNative1m(version)) {
    if (at200k !== null) return at200k;
    const fixed = OLD_COMPACT_DEFAULTS.find(([pattern]) => pattern.test(id));
    return fixed ? Math.min(window, fixed[1]) : null;
  }
  if (at200k !== null) return at200k;
  if (matches(STANDARD, id) && !matches(NATIVE_1M, id)) return null;
  return window;
}
var STANDARD_WINDOW, EXTENDED_WINDOW, NATIVE_1M_SINCE, NATIVE_1M, STANDARD, OLD_DEFAULT, COMPACT_AT_200K, OLD_COMPACT_DEFAULTS, DEFAULT_MAX_OUTPUT_TOKENS;
var init_models = __esm({
  "src/context/models.ts"() {
    "use strict";
    STANDARD_WINDOW = 2e5;
    EXTENDED_WINDOW = 1e6;
    NATIVE_1M_SINCE = [2, 1, 332];
    NATIVE_1M = [/^claude-opus-4-[7-9]/, /^claude-opus-[5-9]/, /^claude-sonnet-[5-9]/, /^claude-haiku-[5-9]/];
    STANDARD = [/^claude-opus-4/, /^claude-sonnet-4/, /^claude-haiku-4/, /^claude-3/];
    OLD_DEFAULT = /^claude-opus-4-8/;
    COMPACT_AT_200K = /^claude-(opus|sonnet)-4-6(?!\d)/;
    OLD_COMPACT_DEFAULTS = [[/^claude-sonnet-5(?![-\d])/, 967e3]];
    DEFAULT_MAX_OUTPUT_TOKENS = 32e3;
  }
});

// src/context/window.ts
function resolveContextWindow(evidence) {
  const { state, env, transcriptModel, usedTokens } = evidence;
  const version = evidence.claudeCodeVersion ?? null;
  if (state?.contextWindowSize) return known(state.contextWindowSize, "statusline");
  if (state?.modelId && sameModel(state.modelId, transcriptModel)) {
    const window = modelWindow(state.modelId, version, true);
    if (!window.assumedBecause) return known(window.tokens, "hook-model");
  }
  const override = positiveInt(env.CTX_MONITOR_CONTEXT_WINDOW);
  if (override) return known(override, "env");
  const request2 = evidence.request;
  if (request2?.model && sameModel(request2.model, transcriptModel)) {
    const source = request2.source ?? "api-request";
    if (request2.betas.some((beta) => CONTEXT_1M_BETA.test(beta))) return known(EXTENDED_WINDOW, source);
    const window = modelWindow(request2.model, version);
    if (!window.assumedBecause) return known(window.tokens, source);
  }
  const launched = launchWindow(evidence.launch, transcriptModel, version);
  if (launched) return known(launched, "claude-args");
  for (const id of [env.ANTHROPIC_MODEL, transcriptModel]) {
    if (id && hasExtendedSuffix(id) && sameModel(id, transcriptModel)) return known(EXTENDED_WINDOW, "model-id");
  }
  const table = transcriptModel ? modelWindow(transcriptModel, version) : null;
  if (usedTokens > STANDARD_WINDOW && (table?.tokens ?? STANDARD_WINDOW) < EXTENDED_WINDOW)
    return known(EXTENDED_WINDOW, "usage-above-200k");
  if (table && !table.assumedBecause) return known(table.tokens, "model-table");
  if (table) {
    const unread = evidence.launch === null ? "; the arguments of the Claude Code process could not be read to tell" : "";
    return { tokens: table.tokens, source: "assumed", assumedBecause: `${table.assumedBecause}${unread}` };
  }
  return { tokens: STANDARD_WINDOW, source: "assumed", assumedBecause: "no model response recorded yet" };
}
function launchWindow(launch, transcriptModel, version) {
  if (!launch || !transcriptModel) return null;
  if (launch.model) {
    if (!/^claude-/i.test(launch.model) || !sameModel(launch.model, transcriptModel)) return null;
    const window = modelWindow(launch.model, version, true);
    return window.assumedBecause ? null : window.tokens;
  }
  return launch.print && launch.resumed ? resumedPrintWindow(transcriptModel, version) : null;
}
function sameModel(id, transcriptModel) {
  if (!transcriptModel) return true;
  const a = withoutExtendedSuffix(id).toLowerCase();
  const b = withoutExtendedSuffix(transcriptModel).toLowerCase();
  return a === b || b.startsWith(a) || a.startsWith(b);
}
function positiveInt(value) {
  if (!value || !/^\s*\d+\s*$/.test(value)) return null;
  const parsed = Number.parseInt(value, 10);
  return parsed > 0 ? parsed : null;
}
var CONTEXT_1M_BETA, known;
var init_window = __esm({
  "src/context/window.ts"() {
    "use strict";
    init_models();
    CONTEXT_1M_BETA = /^context-1m-/;
    known = (tokens, source) => ({ tokens, source, assumedBecause: null });
  }
});

// src/context/autocompact.ts
function isSet(value) {
  return value !== void 0 && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
function configuredCompactWindow(window, env, settings) {
  const raw = env.CLAUDE_CODE_AUTO_COMPACT_WINDOW;
  const parsed = raw ? Number.parseInt(raw, 10) : Number.NaN;
  if (Number.isFinite(parsed) && parsed > 0) {
    return Math.min(window, Math.max(MIN_AUTOCOMPACT_WINDOW, Math.min(parsed, MAX_AUTOCOMPACT_WINDOW)));
  }
  const setting = settings.autoCompactWindow;
  if (setting !== void 0 && Number.isInteger(setting) && setting >= MIN_AUTOCOMPACT_WINDOW && setting <= MAX_AUTOCOMPACT_WINDOW) {
    return Math.min(window, setting);
  }
  return null;
}
function autocompactPoint(window, env, settings = {}, model = NO_MODEL) {
  if (isSet(env.DISABLE_COMPACT)) return off("DISABLE_COMPACT is set");
  if (isSet(env.DISABLE_AUTO_COMPACT)) return off("DISABLE_AUTO_COMPACT is set");
  if (settings.autoCompactEnabled === false) return off("the autoCompactEnabled setting is off");
  let compactWindow = configuredCompactWindow(window, env, settings);
  if (compactWindow === null && model.modelId) {
    compactWindow = modelCompactWindow(model.modelId, model.version, window);
    const client = model.version ? `Claude Code ${model.version}` : "Claude Code";
    if (compactWindow === null)
      return off(
        `${client} has no auto-compact point for ${model.modelId}, as its /context shows: it compacts only on /compact or when the API refuses a prompt as too long; CLAUDE_CODE_AUTO_COMPACT_WINDOW or the autoCompactWindow setting turns it on`
      );
  }
  const maxOutput = positiveInt(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS) ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const effective = (compactWindow ?? window) - Math.min(maxOutput, OUTPUT_RESERVE_CAP);
  let at = effective - AUTOCOMPACT_MARGIN;
  const percent = Number.parseFloat(env.CLAUDE_AUTOCOMPACT_PCT_OVERRIDE ?? "");
  if (Number.isFinite(percent) && percent > 0 && percent <= 100) {
    at = Math.min(at, Math.floor(effective * (percent / 100)));
  }
  return { at: Math.max(0, at), offBecause: null };
}
var OUTPUT_RESERVE_CAP, AUTOCOMPACT_MARGIN, MIN_AUTOCOMPACT_WINDOW, MAX_AUTOCOMPACT_WINDOW, NO_MODEL, off;
var init_autocompact = __esm({
  "src/context/autocompact.ts"() {
    "use strict";
    init_models();
    init_window();
    OUTPUT_RESERVE_CAP = 2e4;
    AUTOCOMPACT_MARGIN = 13e3;
    MIN_AUTOCOMPACT_WINDOW = 1e5;
    MAX_AUTOCOMPACT_WINDOW = 1e6;
    NO_MODEL = { modelId: null, version: null };
    off = (offBecause) => ({
      at: null,
      offBecause
    });
  }
});

// src/context/status.ts
function contextStatus(usedTokens, limit, thresholds) {
  if (limit <= 0) return "critical";
  const percent = usedTokens / limit * 100;
  if (percent >= thresholds.criticalPercent) return "critical";
  if (percent >= thresholds.warnPercent) return "warn";
  return "ok";
}
var init_status = __esm({
  "src/context/status.ts"() {
    "use strict";
  }
});

// src/context/limit.ts
function countingLimit(usedTokens, contextWindow, autocompactAt, budget, thresholds, tokensPerStep) {
  const ceiling = autocompactAt ?? contextWindow;
  const budgeted = budget.tokens !== null && budget.tokens < ceiling;
  const limit = budgeted ? budget.tokens : ceiling;
  const tokensUntilLimit = Math.max(0, limit - usedTokens);
  return {
    limit,
    limitKind: budgeted ? "budget" : autocompactAt === null ? "window" : "auto-compact",
    tokensUntilLimit,
    stepsUntilLimit: stepsAt(tokensUntilLimit, tokensPerStep),
    warnAt: Math.round(limit * thresholds.warnPercent / 100),
    criticalAt: Math.round(limit * thresholds.criticalPercent / 100),
    status: contextStatus(usedTokens, limit, thresholds)
  };
}
function stepsAt(tokensLeft, tokensPerStep) {
  if (tokensLeft === null || tokensPerStep === null || tokensPerStep <= 0) return null;
  return Math.floor(tokensLeft / tokensPerStep);
}
var LIMIT_WORDS;
var init_limit = __esm({
  "src/context/limit.ts"() {
    "use strict";
    init_status();
    LIMIT_WORDS = {
      budget: "the working budget",
      "auto-compact": "the auto-compact point",
      window: "the window"
    };
  }
});

// src/context/usage.ts
function recentPace(tail) {
  if (!tail.latest || tail.compactionSince || tail.earlier.length < MIN_PACE_STEPS) return null;
  const totals = [contextTotal(tail.latest.usage), ...tail.earlier.map((response) => response.total)];
  const steps = totals.slice(0, -1).map((total, i) => total - totals[i + 1]).sort((a, b) => a - b);
  const median = steps[Math.floor((steps.length - 1) / 2)];
  return median > 0 ? Math.round(median) : null;
}
function measure(inputs) {
  const { tail, baseline, capture } = inputs;
  const appended = estimateTokens(tail.pendingChars);
  const compaction = tail.compactionSince;
  if (capture && capture.usedTokens !== null && captureIsNewer(capture, tail.latest, compaction?.timestamp ?? null)) {
    return {
      usedTokens: capture.usedTokens,
      pendingTokens: capture.outputTokens ?? 0,
      estimated: false,
      asOf: capture.time,
      source: "capture"
    };
  }
  if (compaction) {
    const overhead = baseline ? Math.max(0, baseline.firstTotal - estimateTokens(baseline.messageChars)) : 0;
    const typed = estimateTokens(tail.charsSincePrompt);
    return {
      usedTokens: (compaction.postTokens ?? 0) + overhead + typed + resentAfterCompaction(baseline, tail.pendingAttachmentTypes),
      pendingTokens: 0,
      estimated: true,
      asOf: compaction.timestamp,
      source: "transcript"
    };
  }
  if (!tail.latest)
    return { usedTokens: appended, pendingTokens: 0, estimated: true, asOf: null, source: "transcript" };
  return {
    usedTokens: contextTotal(tail.latest.usage),
    pendingTokens: tail.latest.usage.outputTokens + appended,
    estimated: false,
    asOf: tail.latest.timestamp,
    source: "transcript"
  };
}
function resentAfterCompaction(baseline, reattached) {
  if (!baseline) return 0;
  const chars = Object.entries(baseline.attachmentChars).filter(([type]) => !reattached.includes(type)).reduce((sum, [, size]) => sum + size, 0);
  return estimateTokens(chars);
}
function computeUsage(inputs) {
  const measured = measure(inputs);
  const model = inputs.tail.latest?.model ?? null;
  const window = resolveContextWindow({
    transcriptModel: model,
    claudeCodeVersion: inputs.tail.latest?.version ?? null,
    request: inputs.tail.latestRequest ?? (inputs.capture ? { model: inputs.capture.model, betas: inputs.capture.betas, source: "capture" } : null),
    state: inputs.windowState,
    env: inputs.env,
    usedTokens: measured.usedTokens,
    launch: inputs.launch
  });
  const autocompact = autocompactPoint(window.tokens, inputs.env, inputs.compactSettings, {
    modelId: model ?? inputs.windowState?.modelId ?? null,
    version: inputs.tail.latest?.version ?? null
  });
  const tokensUntilAutocompact = autocompact.at === null ? null : Math.max(0, autocompact.at - measured.usedTokens);
  const tokensPerStep = recentPace(inputs.tail);
  const budget = inputs.budget ?? NO_BUDGET;
  const limit = countingLimit(
    measured.usedTokens,
    window.tokens,
    autocompact.at,
    budget,
    inputs.thresholds,
    tokensPerStep
  );
  const usage = {
    sessionId: inputs.sessionId,
    transcriptPath: inputs.transcriptPath,
    sessionSource: inputs.sessionSource,
    sessionGuessed: inputs.sessionGuessed,
    subagent: inputs.subagent,
    model,
    contextWindow: window.tokens,
    windowSource: window.source,
    windowAssumedBecause: window.assumedBecause,
    usedTokens: measured.usedTokens,
    source: measured.source,
    usedPercent: Math.round(measured.usedTokens / window.tokens * 1e3) / 10,
    pendingTokens: measured.pendingTokens,
    autocompactAt: autocompact.at,
    autocompactOffBecause: autocompact.offBecause,
    tokensUntilAutocompact,
    tokensPerStep,
    stepsUntilAutocompact: stepsAt(tokensUntilAutocompact, tokensPerStep),
    budget: limit.limitKind === "budget" ? limit.limit : null,
    budgetIgnoredBecause: budget.problem,
    ...limit,
    estimated: measured.estimated,
    fresh: inputs.fresh,
    compactions: inputs.compactions.count,
    lastCompaction: inputs.compactions.last,
    asOf: measured.asOf,
    skippedLines: inputs.skippedLines
  };
  return { ...usage, summary: summarize(usage, inputs) };
}
function statusWords(usage, thresholds) {
  if (usage.status === "ok") return "";
  const [at, percent] = usage.status === "critical" ? [usage.criticalAt, thresholds.criticalPercent] : [usage.warnAt, thresholds.warnPercent];
  return `status ${usage.status} from ${roundTokens(at)} (${percent}% of ${LIMIT_WORDS[usage.limitKind]})`;
}
function summarize(usage, inputs) {
  const approx = usage.estimated ? "~" : "";
  const pace = (steps) => steps !== null && usage.tokensPerStep !== null ? ` (~${counted(steps, "step")} at the recent ~${roundTokens(usage.tokensPerStep)} per step)` : "";
  const parts = [
    `${approx}${exactNumber(usage.usedTokens)} of ${exactNumber(usage.contextWindow)} tokens (${Math.round(usage.usedPercent)}% of the window)`
  ];
  if (usage.limitKind === "budget") {
    const over = usage.usedTokens - usage.limit;
    parts.push(
      over >= 0 ? `over the working budget (${roundTokens(usage.limit)}) by ${roundTokens(over)}` : `working budget ${roundTokens(usage.limit)}: about ${roundTokens(usage.tokensUntilLimit)} left${pace(usage.stepsUntilLimit)}`
    );
  }
  if (usage.autocompactAt === null) {
    parts.push(
      `auto-compact is off (${usage.autocompactOffBecause}): about ${roundTokens(Math.max(0, usage.contextWindow - usage.usedTokens))} left in the window`
    );
  } else if (usage.limitKind === "budget") {
    parts.push(`auto-compact expected at ~${roundTokens(usage.autocompactAt)}`);
  } else {
    const over = usage.usedTokens - usage.autocompactAt;
    parts.push(
      over >= 0 ? `past the auto-compact point (~${roundTokens(usage.autocompactAt)}) by ${roundTokens(over)}: Claude Code may compact at any moment` : `auto-compact expected at ~${roundTokens(usage.autocompactAt)}: about ${roundTokens(usage.tokensUntilAutocompact ?? 0)} left${pace(usage.stepsUntilAutocompact)}`
    );
  }
  const status = statusWords(usage, inputs.thresholds);
  if (status) parts.push(status);
  const whose = usage.subagent ? `Subagent "${usage.subagent.description ?? usage.subagent.agentId}" (its own context): ` : "";
  let sentence = `${whose}${parts.join("; ")}.`;
  const compaction = inputs.tail.compactionSince;
  if (compaction) {
    sentence += ` Estimated: compacted ${compaction.preTokens !== null ? `from ${roundTokens(compaction.preTokens)} ` : ""}with no response since.`;
  } else if (!inputs.tail.latest) {
    sentence += " No model response recorded yet.";
  }
  if (usage.windowAssumedBecause) {
    sentence += ` Window assumed ${exactNumber(usage.contextWindow)}: ${usage.windowAssumedBecause}; set CTX_MONITOR_CONTEXT_WINDOW or install the statusline to be sure.`;
  }
  if (usage.budgetIgnoredBecause) sentence += ` ${usage.budgetIgnoredBecause}.`;
  if (!usage.fresh) sentence += " The calling response was not in the transcript yet: figures may be one step behind.";
  if (usage.sessionGuessed)
    sentence += " Session guessed (newest transcript of the project): pass session_id to be sure.";
  const advice = (usage.subagent ? SUBAGENT_ADVICE : usage.autocompactAt === null ? ADVICE_NO_AUTOCOMPACT : ADVICE)[usage.status];
  return advice ? `${sentence} ${advice}` : sentence;
}
var MIN_PACE_STEPS, ADVICE, ADVICE_NO_AUTOCOMPACT, SUBAGENT_ADVICE;
var init_usage = __esm({
  "src/context/usage.ts"() {
    "use strict";
    init_format();
    init_usage_evidence();
    init_budget();
    init_records();
    init_autocompact();
    init_estimate();
    init_limit();
    init_window();
    MIN_PACE_STEPS = 2;
    ADVICE = {
      ok: "",
      warn: "Plan a handoff: call write_handoff before it compacts.",
      critical: "Write a handoff now (write_handoff)."
    };
    ADVICE_NO_AUTOCOMPACT = {
      ok: "",
      warn: "Plan a handoff: call write_handoff before the window fills.",
      critical: "Write a handoff now (write_handoff), then /compact or start a new session."
    };
    SUBAGENT_ADVICE = {
      ok: "",
      warn: "Keep the rest of the task small and report back before it compacts.",
      critical: "Finish now and report back to the main agent."
    };
  }
});

// src/context/read-usage.ts
function createUsageDeps(runtime, overrides = {}) {
  return {
    runtime,
    compactionCache: new CompactionCache((0, import_node_path19.join)(ctxMonitorStateDir(runtime), "scans")),
    freshnessTimeoutMs: DEFAULT_FRESHNESS_TIMEOUT_MS,
    ...overrides
  };
}
async function readContextUsage(request2, deps) {
  const { toolUseId } = request2;
  if (!toolUseId) {
    const located2 = locateTranscript(request2, deps.runtime);
    return usageFromTail(located2, readTail(located2.path), toolUseId === void 0, deps);
  }
  const started = Date.now();
  const located = await locateOnceWritten(request2, deps);
  const remaining = Math.max(0, deps.freshnessTimeoutMs - (Date.now() - started));
  const found = await waitForCallingResponse(located, toolUseId, { ...deps, freshnessTimeoutMs: remaining });
  return withOwnAnswer(await usageFromTail(found.located, found.tail, found.fresh, deps));
}
function withOwnAnswer(usage) {
  const answered = { ...usage, pendingTokens: usage.pendingTokens + estimateTokens(JSON.stringify(usage).length) };
  return { ...usage, pendingTokens: usage.pendingTokens + estimateTokens(JSON.stringify(answered).length) };
}
async function locateOnceWritten(request2, deps) {
  const attempt = () => {
    try {
      return { done: true, value: locateTranscript(request2, deps.runtime) };
    } catch (error) {
      if (error instanceof TranscriptNotFoundError) return { done: false, value: error };
      throw error;
    }
  };
  const first = attempt();
  if (first.done) return first.value;
  const watched = nearestExistingFolder(projectsDir(deps.runtime));
  const waited = watched ? await waitForAppend(watched, attempt, deps.freshnessTimeoutMs, 100, { recursive: true }) : first;
  if (waited.value instanceof TranscriptNotFoundError) throw waited.value;
  return waited.value;
}
function nearestExistingFolder(path) {
  for (let current = path; ; current = (0, import_node_path19.dirname)(current)) {
    if ((0, import_node_fs20.existsSync)(current)) return current;
    if ((0, import_node_path19.dirname)(current) === current) return null;
  }
}
function readTail(path, probe = false) {
  return withByteSource(
    path,
    (source) => readTailSnapshot(source, { subagent: isSubagentTranscript(path), ...probe ? { recentResponses: 0 } : {} })
  );
}
async function waitForCallingResponse(located, toolUseId, deps) {
  const explicit = isExplicit(located);
  const folder = (0, import_node_path19.dirname)(located.path);
  const recent = (entry2) => entry2.mtimeMs >= deps.runtime.now().getTime() - SIBLING_SESSION_WINDOW_MS;
  const sessions = () => {
    if (explicit) return [located.path];
    const siblings = mainTranscripts([folder]).filter((entry2) => recent(entry2) && entry2.path !== located.path).map((entry2) => entry2.path);
    return [located.path, ...siblings];
  };
  const candidates = () => {
    const own = sessions();
    const subagents = own.flatMap(
      (path2) => subagentTranscripts(path2).filter(recent).map((entry2) => entry2.path)
    );
    return [...own, ...subagents];
  };
  const waited = await waitForAppend(
    explicit ? located.path : folder,
    () => {
      const holder = candidates().find((path2) => readTail(path2, true).latest?.toolUseIds.includes(toolUseId));
      return { done: holder !== void 0, value: holder ?? null };
    },
    deps.freshnessTimeoutMs
  );
  const path = waited.value;
  if (path === null) return { located, tail: readTail(located.path), fresh: false };
  if (path === located.path) return { located, tail: readTail(path), fresh: true };
  const session = subagentOf(path)?.parentTranscriptPath ?? path;
  const switched = {
    ...located,
    path,
    sessionId: (0, import_node_path19.basename)(session, ".jsonl"),
    source: "tool-use-id",
    guessed: false
  };
  return { located: switched, tail: readTail(path), fresh: true };
}
function sessionIdOf2(located, tail) {
  if (SESSION_ID2.test(located.sessionId)) return located.sessionId;
  return tail.latest?.sessionId ?? located.sessionId;
}
function refuseNonTranscript(located, tail) {
  const { notJson, notRecord, impossibleUsage: impossibleUsage2 } = tail.problems;
  if (tail.latest || tail.compactionSince || tail.pendingChars > 0 || notJson + notRecord + impossibleUsage2 === 0)
    return;
  throw new TranscriptNotFoundError(
    `${located.path} is not a Claude Code transcript (${describeLineProblems(tail.problems)}, and no transcript record); pass a session's .jsonl file`,
    [located.path]
  );
}
async function usageFromTail(located, tail, fresh, deps) {
  const { runtime } = deps;
  refuseNonTranscript(located, tail);
  const subagentFile = isSubagentTranscript(located.path);
  const { baseline, compactions } = withByteSource(located.path, (source) => ({
    baseline: tail.compactionSince ? readHeadBaseline(source, { subagent: subagentFile }) : null,
    compactions: deps.compactionCache.scan(source, subagentFile)
  }));
  const settings = loadSettings(runtime);
  const subagent = subagentOf(located.path);
  const sessionId = subagent ? (0, import_node_path19.basename)(subagent.parentTranscriptPath, ".jsonl") : sessionIdOf2(located, tail);
  const state = subagent ? null : readStateForSession(runtime, sessionId);
  const captured = subagent ? null : await readSessionCapture(runtime, sessionId);
  return computeUsage({
    sessionId,
    subagent,
    transcriptPath: located.path,
    sessionSource: located.source,
    sessionGuessed: located.guessed,
    tail,
    baseline,
    compactions,
    windowState: state,
    env: runtime.env,
    compactSettings: readCompactSettings(runtime, located.projectDir ?? defaultProjectDir(runtime)),
    thresholds: settings,
    budget: settings.budget,
    fresh,
    skippedLines: countLineProblems(tail.problems),
    capture: captured ? captureEvidence(captured.record) : null,
    launch: subagent ? void 0 : launchOf(runtime, sessionId)
  });
}
function launchOf(runtime, sessionId) {
  const claude = findClaudeProcess(runtime);
  if (!claude || !runsSession(runtime, claude.pid, sessionId)) return void 0;
  return claude.args ? parseLaunchArgs(claude.args) : null;
}
var import_node_fs20, import_node_path19, DEFAULT_FRESHNESS_TIMEOUT_MS, SIBLING_SESSION_WINDOW_MS, SESSION_ID2;
var init_read_usage = __esm({
  "src/context/read-usage.ts"() {
    "use strict";
    import_node_fs20 = require("fs");
    import_node_path19 = require("path");
    init_session_capture();
    init_usage_evidence();
    init_claude_process();
    init_compact_settings();
    init_paths();
    init_session_state();
    init_settings();
    init_byte_source();
    init_compaction_cache();
    init_head_baseline();
    init_line_problems();
    init_locate();
    init_subagent_files();
    init_tail_snapshot();
    init_wait_for_append();
    init_estimate();
    init_launch_args();
    init_usage();
    DEFAULT_FRESHNESS_TIMEOUT_MS = 1500;
    SIBLING_SESSION_WINDOW_MS = 10 * 6e4;
    SESSION_ID2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  }
});

// src/integration/hooks/hook-memory.ts
function memoryPath(runtime, sessionId) {
  return (0, import_node_path20.join)(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.json`);
}
function readHookMemory(runtime, sessionId) {
  try {
    const value = JSON.parse((0, import_node_fs21.readFileSync)(memoryPath(runtime, sessionId), "utf8"));
    const warned = value.warnedStatus;
    return {
      warnedStatus: warned === "warn" || warned === "critical" ? warned : "ok",
      compactionsPointedPast: typeof value.compactionsPointedPast === "number" && Number.isSafeInteger(value.compactionsPointedPast) ? Math.max(0, value.compactionsPointedPast) : 0,
      lostPending: typeof value.lostPending === "string" ? value.lostPending : null
    };
  } catch {
    return { ...FRESH_MEMORY };
  }
}
function writeHookMemory(runtime, sessionId, memory) {
  const path = memoryPath(runtime, sessionId);
  makeFolder((0, import_node_path20.join)(path, ".."), 448, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(memory)}
`, 384);
}
var import_node_fs21, import_node_path20, FRESH_MEMORY;
var init_hook_memory = __esm({
  "src/integration/hooks/hook-memory.ts"() {
    "use strict";
    import_node_fs21 = require("fs");
    import_node_path20 = require("path");
    init_paths();
    init_atomic_write();
    init_make_folder();
    FRESH_MEMORY = { warnedStatus: "ok", compactionsPointedPast: 0, lostPending: null };
  }
});

// src/integration/hooks/hook-scope.ts
function projectOf(input, runtime) {
  return runtime.env.CLAUDE_PROJECT_DIR || input.cwd || runtime.cwd;
}
function request(input, runtime) {
  return {
    ...input.transcriptPath ? { transcriptPath: input.transcriptPath } : { sessionId: input.sessionId },
    projectDir: projectOf(input, runtime)
  };
}
var init_hook_scope = __esm({
  "src/integration/hooks/hook-scope.ts"() {
    "use strict";
  }
});

// src/handoff/store.ts
var store_exports = {};
__export(store_exports, {
  HandoffPathError: () => HandoffPathError,
  ensureHandoffFolder: () => ensureHandoffFolder,
  handoffFileName: () => handoffFileName,
  handoffFolder: () => handoffFolder,
  handoffInFolder: () => handoffInFolder,
  isHandoffOfSession: () => isHandoffOfSession,
  listHandoffs: () => listHandoffs,
  readHandoff: () => readHandoff,
  writeNewHandoff: () => writeNewHandoff
});
function isInside(parent, child) {
  const path = (0, import_node_path21.relative)(parent, child);
  return path === "" || !path.startsWith("..") && !(0, import_node_path21.isAbsolute)(path);
}
function handoffFolder(configured, projectDir) {
  if (configured && (0, import_node_path21.isAbsolute)(configured)) return { path: (0, import_node_path21.resolve)(configured), confinedTo: null };
  const path = (0, import_node_path21.resolve)(projectDir, configured ?? DEFAULT_HANDOFF_DIR);
  if (!isInside((0, import_node_path21.resolve)(projectDir), path)) {
    throw new HandoffPathError(
      `the handoff folder "${configured}" leaves the project ${projectDir}; use a folder inside it, or an absolute path`
    );
  }
  return { path, confinedTo: projectDir };
}
function ensureHandoffFolder(folder) {
  if (folder.confinedTo && !(0, import_node_fs22.existsSync)(folder.confinedTo)) {
    throw new HandoffPathError(
      `the session's project folder ${folder.confinedTo} does not exist (moved or deleted?); pass --project DIR or set CTX_MONITOR_HANDOFF_DIR to an absolute folder`
    );
  }
  if (folder.confinedTo) refuseEscape(folder.path, existingAncestor(folder.path), folder.confinedTo);
  const created = !(0, import_node_fs22.existsSync)(folder.path);
  makeFolder(folder.path, 448, "CTX_MONITOR_HANDOFF_DIR");
  const real = (0, import_node_fs22.realpathSync)(folder.path);
  if (folder.confinedTo) refuseEscape(folder.path, real, folder.confinedTo);
  if (!(0, import_node_fs22.statSync)(real).isDirectory())
    throw new HandoffPathError(
      `the handoff folder ${folder.path} is not a folder; remove it or set CTX_MONITOR_HANDOFF_DIR`
    );
  tightenFolder(real);
  if (created) writeNewFile(real, [".gitignore"], "*\n", 384);
  return real;
}
function existingAncestor(path) {
  for (let at = path; ; at = (0, import_node_path21.dirname)(at)) {
    let exists = true;
    try {
      (0, import_node_fs22.lstatSync)(at);
    } catch {
      exists = false;
    }
    if (exists) {
      try {
        return (0, import_node_fs22.realpathSync)(at);
      } catch {
        throw new HandoffPathError(
          `${at} is a symlink to nothing; remove it, or set CTX_MONITOR_HANDOFF_DIR to a folder to write handoffs in`
        );
      }
    }
    if ((0, import_node_path21.dirname)(at) === at) return at;
  }
}
function refuseEscape(path, real, project) {
  if (isInside((0, import_node_fs22.realpathSync)(project), real)) return;
  throw new HandoffPathError(
    `the handoff folder ${path} resolves through a symlink to ${real}, outside the project ${project}; refusing to write there (set CTX_MONITOR_HANDOFF_DIR to an absolute folder to choose it on purpose)`
  );
}
function tightenFolder(real) {
  const stat = (0, import_node_fs22.statSync)(real);
  if ((stat.mode & 63) === 0) return;
  if (typeof process.getuid === "function" && stat.uid !== process.getuid()) {
    throw new HandoffPathError(
      `the handoff folder ${real} belongs to another user and others can open it; use a folder of your own (CTX_MONITOR_HANDOFF_DIR)`
    );
  }
  (0, import_node_fs22.chmodSync)(real, 448);
}
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
  const target = (0, import_node_path21.join)(folder, name);
  if (name.includes(import_node_path21.sep) || name.includes("/") || !isInside(folder, target) || (0, import_node_path21.relative)(folder, target) !== name) {
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
    names = (0, import_node_fs22.readdirSync)(folder);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!name.endsWith(".md") || name.startsWith(".")) continue;
    try {
      const stat = (0, import_node_fs22.lstatSync)((0, import_node_path21.join)(folder, name));
      if (stat.isFile() && stat.nlink === 1)
        found.push({ name, path: (0, import_node_path21.join)(folder, name), bytes: stat.size, modified: stat.mtime.toISOString() });
    } catch {
    }
  }
  return found.sort(
    (a, b) => writtenSecond(b.name).localeCompare(writtenSecond(a.name)) || b.modified.localeCompare(a.modified) || b.name.localeCompare(a.name)
  );
}
function writtenSecond(name) {
  const end = name.indexOf("Z-");
  return end === -1 ? name : name.slice(0, end + 1);
}
function handoffInFolder(folder, requested) {
  const real = (0, import_node_fs22.realpathSync)(folder);
  let target;
  try {
    target = (0, import_node_fs22.realpathSync)((0, import_node_path21.resolve)(real, requested));
  } catch {
    throw new HandoffPathError(`no handoff ${JSON.stringify(requested)} in ${folder}`);
  }
  if (!isInside(real, target) || target === real)
    throw new HandoffPathError(`${JSON.stringify(requested)} is not a handoff in ${folder}`);
  return target;
}
function readHandoff(folder, path) {
  const real = (0, import_node_fs22.realpathSync)(folder);
  if (!isInside(real, (0, import_node_fs22.realpathSync)(path))) throw new HandoffPathError(`${path} is not a handoff in ${folder}`);
  const fd = (0, import_node_fs22.openSync)(path, import_node_fs22.constants.O_RDONLY | import_node_fs22.constants.O_NOFOLLOW | import_node_fs22.constants.O_NONBLOCK);
  try {
    const stat = (0, import_node_fs22.fstatSync)(fd);
    if (!stat.isFile() || stat.nlink !== 1)
      throw new HandoffPathError(`${path} is not a regular handoff file in ${folder}; refusing to read it`);
    return (0, import_node_fs22.readFileSync)(fd, "utf8");
  } finally {
    (0, import_node_fs22.closeSync)(fd);
  }
}
var import_node_fs22, import_node_path21, HandoffPathError, DEFAULT_HANDOFF_DIR, LABEL;
var init_store2 = __esm({
  "src/handoff/store.ts"() {
    "use strict";
    import_node_fs22 = require("fs");
    import_node_path21 = require("path");
    init_user_error();
    init_atomic_write();
    init_make_folder();
    HandoffPathError = class extends UserError {
    };
    DEFAULT_HANDOFF_DIR = (0, import_node_path21.join)(".claude", "handoffs");
    LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
  }
});

// src/handoff/agent-notes.ts
function recordName(handoffName) {
  return `.${handoffName.replace(/\.md$/, "")}${SUFFIX}`;
}
function hasNotes(notes) {
  return NOTE_KEYS.some((key) => Boolean(notes[key]?.trim()));
}
function writeHandoffRecord(folder, record) {
  const content = JSON.stringify({ version: 1, ...record, handoffPath: (0, import_node_path22.basename)(record.handoffPath) });
  writeNewFile(folder, [recordName((0, import_node_path22.basename)(record.handoffPath))], content, 384);
}
function newestAgentNotes(folder, sessionId) {
  let names;
  try {
    names = (0, import_node_fs23.readdirSync)(folder);
  } catch {
    return null;
  }
  const records = names.filter((name) => name.startsWith(".") && name.endsWith(SUFFIX)).map((name) => ({ name, handoff: `${name.slice(1, -SUFFIX.length)}.md` })).filter(({ handoff }) => isHandoffOfSession(handoff, sessionId)).sort((a, b) => b.handoff.localeCompare(a.handoff));
  for (const { name, handoff } of records) {
    if (!isRegularFile((0, import_node_path22.join)(folder, handoff))) continue;
    const record = readRecord((0, import_node_path22.join)(folder, name), (0, import_node_path22.join)(folder, handoff), sessionId);
    if (record) return record;
  }
  return null;
}
function isRegularFile(path) {
  try {
    const stat = (0, import_node_fs23.lstatSync)(path);
    return stat.isFile() && stat.nlink === 1;
  } catch {
    return false;
  }
}
function readRecord(path, handoffPath, sessionId) {
  const text2 = readBounded(path);
  return text2 === null ? null : parseRecord(text2, handoffPath, sessionId);
}
function readBounded(path) {
  let text2;
  try {
    const fd = (0, import_node_fs23.openSync)(path, import_node_fs23.constants.O_RDONLY | import_node_fs23.constants.O_NOFOLLOW | import_node_fs23.constants.O_NONBLOCK);
    try {
      const stat = (0, import_node_fs23.fstatSync)(fd);
      if (!stat.isFile() || stat.nlink !== 1 || stat.size > MAX_RECORD_BYTES2) return null;
      text2 = (0, import_node_fs23.readFileSync)(fd, "utf8");
    } finally {
      (0, import_node_fs23.closeSync)(fd);
    }
  } catch {
    return null;
  }
  return text2;
}
function jsonObject(text2) {
  let raw;
  try {
    raw = JSON.parse(text2);
  } catch {
    return null;
  }
  return typeof raw === "object" && raw !== null ? raw : null;
}
function notesOf(value) {
  const rawNotes = typeof value.notes === "object" && value.notes !== null ? value.notes : {};
  const notes = {};
  for (const key of NOTE_KEYS) if (typeof rawNotes[key] === "string") notes[key] = rawNotes[key];
  return notes;
}
function parseRecord(text2, handoffPath, sessionId) {
  const value = jsonObject(text2);
  if (!value) return null;
  const notes = notesOf(value);
  const count = (figure) => typeof figure === "number" && Number.isInteger(figure) && figure >= 0 ? figure : 0;
  if (value.sessionId !== sessionId || typeof value.writtenAt !== "string" || !hasNotes(notes)) return null;
  return {
    sessionId,
    handoffPath,
    writtenAt: value.writtenAt,
    prompts: count(value.prompts),
    toolCalls: count(value.toolCalls),
    notes
  };
}
var import_node_fs23, import_node_path22, SUFFIX, MAX_RECORD_BYTES2, NOTE_KEYS;
var init_agent_notes = __esm({
  "src/handoff/agent-notes.ts"() {
    "use strict";
    import_node_fs23 = require("fs");
    import_node_path22 = require("path");
    init_atomic_write();
    init_store2();
    SUFFIX = ".notes.json";
    MAX_RECORD_BYTES2 = 2 << 20;
    NOTE_KEYS = ["goal", "currentState", "decisions", "nextSteps", "openQuestions", "warnings"];
  }
});

// src/integration/hooks/agent-notes.ts
function noteSection(markdown, title) {
  const lines2 = markdown.split("\n");
  const start = lines2.findIndex((line) => line.trim() === `### ${title}`);
  if (start === -1) return null;
  const body = [];
  for (const line of lines2.slice(start + 1)) {
    if (/^#{1,3} /.test(line)) break;
    body.push(line);
  }
  const text2 = body.join("\n").trim();
  return text2 || null;
}
var PRE_COMPACT_LABEL, AUTOMATIC;
var init_agent_notes2 = __esm({
  "src/integration/hooks/agent-notes.ts"() {
    "use strict";
    PRE_COMPACT_LABEL = "pre-compact";
    AUTOMATIC = new RegExp(`-${PRE_COMPACT_LABEL}(?:-\\d+)?\\.md$`);
  }
});

// src/integration/hooks/compaction-record.ts
function kept(texts) {
  return texts.slice(-KEPT_ITEMS).map((text2) => text2.slice(0, KEPT_CHARS));
}
function userPrompts(facts) {
  return facts.prompts.filter((prompt) => !prompt.command).map((prompt) => prompt.text);
}
function compactionRecordOf(facts, compactionsBefore, handoff, trigger) {
  const prompts = userPrompts(facts);
  return {
    compactionsBefore,
    promptsBefore: prompts.length,
    handoffPath: handoff.path,
    writtenAt: handoff.writtenAt,
    trigger,
    firstPrompt: prompts[0] ?? null,
    prompts: kept(prompts),
    files: kept(facts.files.map((file) => file.path)),
    failedCommands: kept(facts.commands.filter((command) => command.ok === false).map((command) => command.command))
  };
}
function recordPath(runtime, sessionId) {
  return (0, import_node_path23.join)(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.compaction.json`);
}
function readCompactionRecord(runtime, sessionId) {
  try {
    const value = JSON.parse((0, import_node_fs24.readFileSync)(recordPath(runtime, sessionId), "utf8"));
    if (typeof value.compactionsBefore !== "number" || typeof value.promptsBefore !== "number" || typeof value.handoffPath !== "string" || typeof value.writtenAt !== "string" || !isStrings(value.prompts) || !isStrings(value.files) || !isStrings(value.failedCommands))
      return null;
    return {
      ...value,
      trigger: typeof value.trigger === "string" ? value.trigger : null,
      firstPrompt: typeof value.firstPrompt === "string" ? value.firstPrompt : null
    };
  } catch {
    return null;
  }
}
function writeCompactionRecord(runtime, sessionId, record) {
  const path = recordPath(runtime, sessionId);
  makeFolder((0, import_node_path23.join)(path, ".."), 448, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(record)}
`, 384);
}
var import_node_fs24, import_node_path23, KEPT_CHARS, KEPT_ITEMS, isStrings;
var init_compaction_record = __esm({
  "src/integration/hooks/compaction-record.ts"() {
    "use strict";
    import_node_fs24 = require("fs");
    import_node_path23 = require("path");
    init_paths();
    init_atomic_write();
    init_make_folder();
    KEPT_CHARS = 2e3;
    KEPT_ITEMS = 1e3;
    isStrings = (value) => Array.isArray(value) && value.every((item) => typeof item === "string");
  }
});

// src/integration/hooks/compaction-summary.ts
function textOf2(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((block) => typeof block === "object" && block !== null && "text" in block ? String(block.text) : "").join("\n");
}
function newestCompactionSummary(source) {
  let summary = null;
  for (const line of readBackward(source)) {
    if (source.size - line.start > MAX_BACK_BYTES) return null;
    if (line.text === null) continue;
    if (!line.text.includes('"isCompactSummary":true') && !line.text.includes('"compact_boundary"')) continue;
    const parsed = parseRecordLine(line.text);
    if (!parsed.ok) continue;
    const record = parsed.record;
    if (record.kind === "compact-boundary" && !record.isSidechain) return summary;
    if (record.kind === "user" && record.isCompactSummary && !record.isSidechain) summary = textOf2(record.content);
  }
  return null;
}
var MAX_BACK_BYTES;
var init_compaction_summary = __esm({
  "src/integration/hooks/compaction-summary.ts"() {
    "use strict";
    init_parse_record_line();
    init_read_backward();
    MAX_BACK_BYTES = 64 << 20;
  }
});

// src/integration/hooks/handoff-pointer.ts
function clipText(text2, max) {
  return text2.length <= max ? text2 : `${text2.slice(0, max)}
\u2026 [cut; the handoff has it in full]`;
}
function opening(input) {
  const what = `The conversation was compacted${input.trigger ? ` (${input.trigger})` : ""}${input.compactions > 1 ? `, ${input.compactions} times since the last pointer` : ""}.`;
  if (input.handoffPath)
    return `[ctx-monitor] ${what} The handoff written just before it is ${input.handoffPath}: read it before going on (or use the ctx-monitor resume prompt).`;
  const where = [
    input.earlierHandoff ? `the newest earlier handoff ${input.earlierHandoff}` : null,
    input.transcriptPath ? `the transcript ${input.transcriptPath}` : null
  ].filter(Boolean);
  return `[ctx-monitor] ${what} No handoff was written for it (the PreCompact hook failed or did not run; its problems are in ctx-monitor's hooks.log)` + (where.length > 0 ? `: read ${where.join(" and ")} for what came before.` : ".");
}
function handoffPointer(input) {
  const lines2 = [opening(input)];
  if (input.firstPrompt)
    lines2.push("", "First prompt of the session, verbatim:", clipText(input.firstPrompt, LIMITS.prompt));
  const source = input.notes.from ? ` (in ${input.notes.from}${input.notes.writtenAt ? `, written ${input.notes.writtenAt}` : ""})` : "";
  if (input.notes.nextSteps)
    lines2.push("", `Next steps the agent noted${source}:`, clipText(input.notes.nextSteps, LIMITS.nextSteps));
  if (input.notes.openQuestions)
    lines2.push("", "Open questions:", clipText(input.notes.openQuestions, LIMITS.openQuestions));
  if (input.losses) lines2.push("", clipText(input.losses, LIMITS.losses));
  return lines2.join("\n").slice(0, MAX_POINTER_CHARS);
}
function firstPromptOfHandoff(markdown) {
  const match = /^### Prompt \d+[^\n]*\n\n(`{3,})text\n([\s\S]*?)\n\1$/m.exec(markdown);
  return match?.[2] ?? null;
}
var LOST_LIST_CHARS, MAX_POINTER_CHARS, LIMITS;
var init_handoff_pointer = __esm({
  "src/integration/hooks/handoff-pointer.ts"() {
    "use strict";
    LOST_LIST_CHARS = 2e3;
    MAX_POINTER_CHARS = 7800;
    LIMITS = { prompt: 2500, nextSteps: 2e3, openQuestions: 1e3, losses: LOST_LIST_CHARS };
  }
});

// src/redact/high-entropy.ts
function wordlike(part) {
  const letters = /^([A-Za-z]+)\d{0,3}$/.exec(part)?.[1];
  if (letters === void 0) return false;
  if (/^[A-Z][a-z]{3,}$/.test(letters)) return /[aeiouy]/.test(letters);
  if (/^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(letters)) return true;
  const pieces = letters.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  if (pieces.length * 4 > letters.length + 4 || pieces.some((piece) => piece.length < 2)) return false;
  const humps = pieces.filter((piece) => /[a-z]/.test(piece));
  const voiceless = humps.filter((piece) => !/[aeiouyAEIOUY]/.test(piece)).length;
  if (voiceless >= 2 && voiceless * 2 > humps.length) return false;
  const short = pieces.filter((piece) => piece.length <= 2 || /^[A-Z]{2,}$/.test(piece)).length;
  return short < 3 || short * 3 <= pieces.length;
}
function randomLength(run) {
  let length = 0;
  for (const part of run.match(PART) ?? []) if (!ordinaryPart(part)) length += part.length;
  return length;
}
function entropy(text2) {
  const counts = COUNTS.fill(0);
  for (let at = 0; at < text2.length; at++) {
    const code = text2.charCodeAt(at) & 127;
    counts[code] = counts[code] + 1;
  }
  let bits = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / text2.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function looksRandom(run) {
  if (ORDINARY_START.test(run)) return false;
  if (entropy(run) < 3) return false;
  let random = "";
  const base64 = /\+|=$/.test(run);
  for (const part of run.match(PART) ?? []) if (base64 || !ordinaryPart(part)) random += part;
  if (random.length < RANDOM_MIN && random.length >= 8 && run.length >= 32 && !/[/.]/.test(run) && classes(run) === 3)
    random = run.replace(/[_-]/g, "");
  if (random.length < RANDOM_MIN || classes(random) < 2) return false;
  return entropy(random) >= Math.min(4.1, 0.72 * Math.log2(random.length));
}
function looksRandomRemembered(run) {
  let answer = judgedRuns.get(run);
  if (answer === void 0) {
    answer = looksRandom(run);
    if (judgedRuns.size >= 4096) judgedRuns.clear();
    judgedRuns.set(run, answer);
  }
  return answer;
}
function randomRuns(text2, judged) {
  const found = [];
  for (let at = 0; at < text2.length; ) {
    while (at < text2.length && !isRunChar(text2.charCodeAt(at))) at++;
    const start = at;
    while (at < text2.length && at - start < RUN_MAX && isRunChar(text2.charCodeAt(at))) at++;
    if (at - start < RUN_MIN) continue;
    if (text2.charCodeAt(at) === 61) at += text2.charCodeAt(at + 1) === 61 ? 2 : 1;
    let run = text2.slice(start, at);
    while (/[.\-_/]$/.test(run)) run = run.slice(0, -1);
    if (ORDINARY_BEFORE.test(text2.slice(Math.max(0, start - 16), start))) continue;
    if (run.length < RANDOM_MIN || judged?.(start, start + run.length)) continue;
    if (looksRandomRemembered(run)) found.push([start, start + run.length]);
  }
  return found;
}
var RUN_MIN, RUN_MAX, RUN_CHAR, isRunChar, RANDOM_MIN, PART, ORDINARY_BEFORE, ORDINARY_START, ordinaryPart, COUNTS, classes, judgedRuns;
var init_high_entropy = __esm({
  "src/redact/high-entropy.ts"() {
    "use strict";
    RUN_MIN = 20;
    RUN_MAX = 4e3;
    RUN_CHAR = new Uint8Array(128);
    for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_.-")
      RUN_CHAR[char.charCodeAt(0)] = 1;
    isRunChar = (code) => code < 128 && RUN_CHAR[code] === 1;
    RANDOM_MIN = 20;
    PART = /[^/._+=-]+/g;
    ORDINARY_BEFORE = /(?:base64,|h1:|sha\d{1,3}[-:]|integrity[=:] ?["']?)$/;
    ORDINARY_START = /^(?:sha(?:1|224|256|384|512)-|(?:srvtoolu|toolu|msg|req|file|batch|call|chatcmpl)_)/;
    ordinaryPart = (part) => part.length < 4 || /^\d+$/.test(part) || /^[0-9a-f]+$/.test(part) || /^[0-9A-F]+$/.test(part) || wordlike(part);
    COUNTS = new Uint32Array(128);
    classes = (text2) => Number(/[a-z]/.test(text2)) + Number(/[A-Z]/.test(text2)) + Number(/\d/.test(text2));
    judgedRuns = /* @__PURE__ */ new Map();
  }
});

// src/redact/redact-values.ts
function words(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function namesCredential(name) {
  const parts = words(name);
  const last2 = parts.at(-1);
  if (!last2) return false;
  if (CREDENTIAL_WORDS.has(last2)) return true;
  if (CREDENTIAL_PAIRS.test(parts.slice(-2).join("_"))) return true;
  return parts.length === 1 && JOINED.test(last2);
}
function unquote(value) {
  const match = /^\\?(["'`])(.*?)\\?\1$/s.exec(value);
  return match ? { inner: match[2] ?? "", quoted: true } : { inner: value, quoted: false };
}
function isSecretValue(value, colon = false) {
  const judged = colon ? judgedAfterColon : judgedAfterEquals;
  let answer = judged.get(value);
  if (answer === void 0) {
    answer = judgeValue(value, colon);
    remember(judged, value, answer);
  }
  return answer;
}
function remember(judged, value, answer) {
  if (judged.size >= 4096) judged.clear();
  if (value.length <= 256) judged.set(value, answer);
}
function judgeValue(value, colon) {
  const { inner, quoted: quoted3 } = unquote(value.trim());
  const text2 = inner.trim();
  if (text2.length < 3) return false;
  if (REFERENCE.test(text2) || PLACEHOLDER.test(text2) || VERSION.test(text2)) return false;
  if (SETTING.test(text2)) return false;
  if (!quoted3 && CODE.test(text2) && !MIXED_PART.test(text2) && !randomChain(text2)) return false;
  if (!quoted3 && colon && /^[a-z]+[;,]?$/.test(text2)) return false;
  if (!quoted3 && /^[A-Za-z_][\w]*$/.test(text2) && namesCredential(text2)) return false;
  return true;
}
function isSecretArgument(value) {
  let answer = judgedArguments.get(value);
  if (answer === void 0) {
    const text2 = unquote(value.trim()).inner.trim();
    answer = text2.length >= 1 && !REFERENCE.test(text2) && !PLACEHOLDER.test(text2) && !text2.startsWith("-");
    remember(judgedArguments, value, answer);
  }
  return answer;
}
var CREDENTIAL_WORDS, CREDENTIAL_PAIRS, JOINED, REFERENCE, PLACEHOLDER, SETTING, VERSION, CODE, MIXED_PART, randomChain, judgedAfterColon, judgedAfterEquals, judgedArguments;
var init_redact_values = __esm({
  "src/redact/redact-values.ts"() {
    "use strict";
    init_high_entropy();
    CREDENTIAL_WORDS = /* @__PURE__ */ new Set([
      "secret",
      "token",
      "password",
      "passwd",
      "pwd",
      "passphrase",
      "apikey",
      "credential",
      "credentials",
      "auth",
      "pat"
    ]);
    CREDENTIAL_PAIRS = /(?:api|access|private|secret|signing|encryption|master|account|shared[-_ ]?access|storage|service|license|app|client|consumer|webhook)[-_ ]?(?:key|secret)$/;
    JOINED = /(?:secret|token|password|passwd|passphrase|apikey)$/;
    REFERENCE = /^(?:\$\{\{.*\}\}|\{\{.*\}\}|\$\{[^}]*\}?|\$\(|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|<[^>]*>|\[REDACTED[^\]]*\]?|(?:process\.env|os\.environ|import\.meta\.env|env|secrets|vars|ENV|System\.getenv|config|settings|self|this|req|request|ctx|options|opts|args|params)[.[(].*)$/;
    PLACEHOLDER = /your[-_ ]|[-_ ]here$|^(?:x{3,}|\*{3,}|\.{3,}|…|changeme|change[-_]me|example|placeholder|dummy|redacted|secret|password|token|none|null|nil|undefined|true|false|yes|no|on|off|todo|tbd|test|string|str|number|int|integer|boolean|bool|bytes|any|unknown|object)$|(?:\.{3}|…)$|(?:^|[-_. ])(?:example|placeholder|sample)(?:$|[-_. ])|replace[-_ ]?me|^[-_*x.]+$|x{6,}/i;
    SETTING = /^(?:include|omit|same-origin|required|optional|inherit|auto|default|enabled|disabled|public|private)$/i;
    VERSION = /^[~^>=<v]*\d+(?:[._]\d+)*(?:[-+][\w.]+)?$/;
    CODE = /[()]|^(?:await|new|typeof|function|async|yield|return|lambda)\b|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+[;,]?$|^(?:string|number|boolean|str|int|bytes|Optional|Secret\w*|SecretStr|String)\b[\w[\]<>|? ]*$/;
    MIXED_PART = /(?:^|\.)(?:(?=[^.]*\d)(?=[^.]*[A-Z])[^.]*[a-z][^.]*|[^.]*[a-z][A-Z][^.]*[a-z][A-Z][^.]*)(?:\.|$)/;
    randomChain = (text2) => !/[()\s]/.test(text2) && // Capitals and digits with no small letter (`JICGAR.QVWW36`): no member chain reads so.
    (!/[a-z]/.test(text2) && /\d/.test(text2) || text2.split(/[^A-Za-z0-9]+/).some((part) => part.length >= 5 && !ordinaryPart(part) || /^\d+[A-Za-z]/.test(part)));
    judgedAfterColon = /* @__PURE__ */ new Map();
    judgedAfterEquals = /* @__PURE__ */ new Map();
    judgedArguments = /* @__PURE__ */ new Map();
  }
});

// src/redact/assignment-start.ts
function assignmentStarts(text2) {
  let colon = -1;
  let equals = -1;
  const nextSign = (from) => {
    if (colon !== Number.POSITIVE_INFINITY && colon < from) colon = text2.indexOf(":", from);
    if (colon < 0) colon = Number.POSITIVE_INFINITY;
    if (equals !== Number.POSITIVE_INFINITY && equals < from) equals = text2.indexOf("=", from);
    if (equals < 0) equals = Number.POSITIVE_INFINITY;
    const next = Math.min(colon, equals);
    return next === Number.POSITIVE_INFINITY ? -1 : next;
  };
  return (from) => {
    for (let at = nextSign(from); at >= 0; at = nextSign(at + 1)) {
      if (at >= MARKER_START.length && text2.startsWith(MARKER_START, at - MARKER_START.length)) continue;
      const start = separatorStart(text2, at);
      if (start >= from && credentialNameBefore(text2, start) !== null && !plainlyNoSecret(text2, at)) return start;
    }
    return -1;
  };
}
function plainlyNoSecret(text2, at) {
  const colon = text2.charCodeAt(at) === 58 && text2.charCodeAt(at + 1) !== 61;
  let value = text2.charCodeAt(at) === 58 && !colon ? at + 2 : at + 1;
  for (let blanks = 0; isBlank(text2.charCodeAt(value)); blanks++, value++) if (blanks === 64) return false;
  const first = text2.charCodeAt(value);
  if (first === 92) return false;
  const form = FORM_OPENED_BY.get(first) ?? PLAIN_VALUE;
  form.lastIndex = value;
  if (!form.test(text2)) return false;
  return !isSecretValue(text2.slice(value, form.lastIndex), colon);
}
function separatorStart(text2, at) {
  let start = at;
  while (at - start <= SEPARATOR_LEAD && isBlank(text2.charCodeAt(start - 1))) start--;
  if (text2.charCodeAt(start - 1) === 63) {
    start--;
    while (at - start <= SEPARATOR_LEAD && isBlank(text2.charCodeAt(start - 1))) start--;
  }
  if (text2.charCodeAt(start - 1) === 93) start--;
  if (text2.charCodeAt(start - 1) === 34 || text2.charCodeAt(start - 1) === 39) start--;
  if (text2.charCodeAt(start - 1) === 92) start--;
  return start;
}
function credentialNameBefore(text2, at) {
  let start = at;
  while (start > 0 && at - start <= NAME_MAX && isNameChar(text2.charCodeAt(start - 1))) start--;
  if (at - start < 3 || at - start > NAME_MAX || text2.charCodeAt(start - 1) === 36) return null;
  if (text2.charCodeAt(start - 1) === 58 && isNameChar(text2.charCodeAt(start - 2))) return null;
  if (at - start === last.name.length && text2.startsWith(last.name, start)) return last.credential ? last.name : null;
  const name = text2.slice(start, at);
  last.name = name;
  last.credential = credentialName(name);
  return last.credential ? name : null;
}
function credentialName(name) {
  let judged = judgedNames.get(name);
  if (judged === void 0) {
    judged = CREDENTIAL_WORD.test(name) && namesCredential(name);
    if (judgedNames.size > 4096) judgedNames.clear();
    judgedNames.set(name, judged);
  }
  return judged;
}
var VALUE_FORMS, FORM_OPENED_BY, PLAIN_VALUE, CREDENTIAL_WORD, NAME_MAX, SEPARATOR_LEAD, MARKER_START, isNameChar, isBlank, last, judgedNames;
var init_assignment_start = __esm({
  "src/redact/assignment-start.ts"() {
    "use strict";
    init_redact_values();
    VALUE_FORMS = [
      String.raw`"(?:[^"\\\r\n]|\\[^"\r\n]){0,1000}"`,
      String.raw`'[^'\r\n]{0,1000}'`,
      String.raw`\`[^\`\r\n]{0,1000}\``,
      String.raw`\\"[^"\\\r\n]{0,1000}\\"`,
      String.raw`[^\s"'\`,;&|<>(){}\[\]]{1,1000}`
    ];
    FORM_OPENED_BY = /* @__PURE__ */ new Map([
      [34, new RegExp(VALUE_FORMS[0], "y")],
      // "
      [39, new RegExp(VALUE_FORMS[1], "y")],
      // '
      [96, new RegExp(VALUE_FORMS[2], "y")]
      // `
    ]);
    PLAIN_VALUE = new RegExp(VALUE_FORMS[4], "y");
    CREDENTIAL_WORD = /secret|token|passw(?:or)?d|pwd|passphrase|credentials?|auth|key|_pat/i;
    NAME_MAX = 120;
    SEPARATOR_LEAD = 131;
    MARKER_START = "[REDACTED";
    isNameChar = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95 || code === 46 || code === 45;
    isBlank = (code) => code === 32 || code === 9;
    last = { name: "", credential: false };
    judgedNames = /* @__PURE__ */ new Map();
  }
});

// src/redact/redact-context.ts
function keySeparator(text2, at) {
  let length = text2.startsWith("\n", at) ? 1 : text2.startsWith("\r\n", at) || text2.startsWith("\\n", at) ? 2 : text2.startsWith("\\r\\n", at) ? 4 : -1;
  if (length < 0) return -1;
  for (let indent2 = 0; indent2 < 64 && (text2[at + length] === " " || text2[at + length] === "	"); indent2++) length++;
  return length;
}
function keyBlockEnd(text2, from) {
  let at = from;
  for (; ; ) {
    const separator = keySeparator(text2, at);
    if (separator < 0) return at;
    const next = at + separator;
    if (text2.startsWith("-----END ", next)) {
      const end = sticky(KEY_END, text2, next);
      return end >= 0 ? next + end : at;
    }
    if (keySeparator(text2, next) >= 0) {
      at = next;
      continue;
    }
    const line = sticky(KEY_LINE, text2, next);
    if (line < 0) {
      const partial = sticky(KEY_PARTIAL, text2, next);
      return partial >= 8 ? next + partial : at;
    }
    at = next + line;
  }
}
function oneLineKeyEnd(text2, from) {
  const body = sticky(KEY_ONE_LINE, text2, from);
  if (body < 16) return -1;
  const end = sticky(KEY_END, text2, from + body);
  return end >= 0 ? from + body + end : from + body;
}
function inMysqlCommand(text2, at) {
  const before = text2.slice(Math.max(0, at - 400), at);
  const command = before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1
  );
  return /\b(?:mysql(?:dump|admin|sh)?|mariadb(?:-dump|-admin)?)[ \t]/.test(command);
}
var KEY_BEGIN, KEY_LINE, KEY_END, KEY_PARTIAL, KEY_ONE_LINE, sticky, VALUE, FLAG_VALUE, whole, keepName, SEPARATOR, CODE_START, CALLED, QUOTE, CONTEXT_RULES;
var init_redact_context = __esm({
  "src/redact/redact-context.ts"() {
    "use strict";
    init_assignment_start();
    init_redact_values();
    KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
    KEY_LINE = /(?:[A-Za-z-]{1,40}:[^\r\n\\]{0,400}|[A-Za-z0-9+/=]{1,400})(?=\r?\n|\\n|$)/y;
    KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
    KEY_PARTIAL = /[A-Za-z0-9+/=]{1,400}/y;
    KEY_ONE_LINE = /(?:[ \t]{0,4}[A-Za-z0-9+/=]{1,400}){1,400}[ \t]{0,4}/y;
    sticky = (pattern, text2, at) => {
      pattern.lastIndex = at;
      return pattern.exec(text2)?.[0].length ?? -1;
    };
    VALUE = `(?:${VALUE_FORMS.join("|")})`;
    FLAG_VALUE = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;
    whole = (_match, marker) => marker;
    keepName = (match, marker) => isSecretArgument(match[2] ?? "") ? `${match[1]}${marker}` : null;
    SEPARATOR = String.raw`\\?["']?\]?[ \t]{0,64}(?:\?[ \t]{0,64})?(?::=|=(?![=>~])|:(?![:=/]))[ \t]{0,64}`;
    CODE_START = /^[A-Za-z_$]/;
    CALLED = /^[(.[]$/;
    QUOTE = /^\\?["'`]$/;
    CONTEXT_RULES = [
      {
        kind: "private-key",
        triggers: ["PRIVATE KEY"],
        pattern: KEY_BEGIN,
        replace: whole,
        extent: (match) => {
          const from = match.index + match[0].length;
          const oneLine = oneLineKeyEnd(match.input, from);
          return oneLine >= 0 ? oneLine : keyBlockEnd(match.input, from);
        }
      },
      {
        kind: "url-password",
        triggers: ["://"],
        // scheme://user:password@host — the user stays, the password goes.
        pattern: /(:\/\/[^\s:/?#@"'<>]{0,256}:)([^\s/?#"'<>]{1,256})@/g,
        replace: (match, marker) => isSecretArgument(match[2].replace(/@.*$/, "")) ? `${match[1]}${marker}@` : null
      },
      {
        kind: "credential-flag",
        triggers: [
          "-pass",
          "-pwd",
          "-token",
          "-secret",
          "-api",
          "-auth",
          "-access",
          "-client",
          "-private",
          "-key",
          "-store",
          "-db-",
          "-admin"
        ],
        pattern: new RegExp(
          String.raw`((?<![\w-])--?(?:password|passwd|pass|pwd|token|secret|api-?key|auth-token|access-token|client-secret|secret-key|private-key|key-password|storepass|keypass|db-password|admin-password)(?:=|[ \t]{1,64}))(${FLAG_VALUE})`,
          "gi"
        ),
        replace: keepName
      },
      {
        kind: "credential-flag",
        // mysql -pSECRET (glued to -p; a bare -p asks for it): a -p word in a command that a MySQL client started.
        triggers: [" -p", "	-p"],
        requires: ["mysql", "mariadb"],
        pattern: new RegExp(String.raw`((?<=[ \t])-p)(${FLAG_VALUE})`, "g"),
        replace: (match, marker) => isSecretArgument(match[2] ?? "") && inMysqlCommand(match.input, match.index) ? `${match[1]}${marker}` : null
      },
      {
        kind: "credential-flag",
        triggers: ["sshpass"],
        pattern: new RegExp(String.raw`(\bsshpass[ \t]{1,64}-p[ \t]{0,64})(${FLAG_VALUE})`, "g"),
        replace: keepName
      },
      {
        kind: "credential-flag",
        // curl -u user:password / --user user:password
        triggers: ["-u"],
        pattern: /((?<![\w-])(?:-u|--user|--proxy-user)[ \t]{1,64}["']?[^\s:"']{1,256}:)([^\s"']{1,256})/g,
        replace: keepName
      },
      {
        kind: "authorization-header",
        triggers: ["authorization", "api-key", "auth-token", "private-token", "access-token", "x-"],
        // Custom headers too (`X-Auth-Key:`, `X-Secret-Token:`); a scheme word (`Bearer`, `Bot`) stays before the marker.
        pattern: /\b((?:proxy-)?authorization|x-api-key|api-key|x-auth-token|private-token|x-access-token|x-[a-z0-9-]{0,40}?(?:key|token|secret|signature|password|auth))(\\?["']?[ \t]{0,64}[:=][ \t]{0,64}\\?["']?)(?:(Bearer|Basic|Token|Digest|Bot|OAuth|SSWS|ApiKey|Key|Hawk|GenieKey|Splunk)([ \t]{1,64}))?([^\s"'\\,;]{1,4000})/gi,
        replace: (match, marker) => isSecretArgument(match[5] ?? "") ? `${match[1]}${match[2]}${match[3] ? `${match[3]}${match[4]}` : ""}${marker}` : null,
        skip: (match) => match[1]?.length ?? 1
      },
      {
        kind: "bearer-token",
        triggers: ["Bearer"],
        pattern: /\b(Bearer[ \t]{1,64})([A-Za-z0-9._~+/=-]{16,4000})/g,
        replace: (match, marker) => isSecretArgument(match[2] ?? "") ? `${match[1]}${marker}` : null
      },
      {
        kind: "credential-assignment",
        // name = value, name: value, "name": "value", name := value — anywhere on a line. Tried only just
        // after a credential's name that stands before a `:` or `=` (assignment-start.ts).
        triggers: ["secret", "token", "passw", "pwd", "passphrase", "key", "credential", "auth", "_pat"],
        starts: assignmentStarts,
        pattern: new RegExp(String.raw`(${SEPARATOR})(${VALUE})`, "y"),
        replace: (match, marker) => {
          const separator = match[1] ?? "";
          const value = match[2] ?? "";
          if (!isSecretValue(value, separator.includes(":") && !separator.includes(":="))) return null;
          if (CODE_START.test(value) && CALLED.test(match.input[match.index + match[0].length] ?? "")) return null;
          const quote = value.startsWith("\\") ? value.slice(0, 2) : value.slice(0, 1);
          return QUOTE.test(quote) ? `${separator}${quote}${marker}${quote}` : `${separator}${marker}`;
        }
      }
    ];
  }
});

// src/redact/redact-formats.ts
function quoted(value, marker) {
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.endsWith(quote) && value.length > 1 ? `${quote}${marker}${quote}` : marker;
}
function commandBefore(text2, at) {
  const before = text2.slice(Math.max(0, at - 400), at);
  return before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1
  );
}
function decodeSafely(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
var ARGUMENT, keepName2, toolFlag, cli, FORMAT_RULES;
var init_redact_formats = __esm({
  "src/redact/redact-formats.ts"() {
    "use strict";
    init_high_entropy();
    init_redact_values();
    ARGUMENT = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;
    keepName2 = (match, marker) => isSecretArgument(match[2] ?? "") ? `${match[1]}${quoted(match[2] ?? "", marker)}` : null;
    toolFlag = (tools, flag, tool) => ({
      kind: "credential-flag",
      triggers: [` ${flag}`, `	${flag}`],
      requires: tools,
      pattern: new RegExp(String.raw`((?<=[ \t])${flag}[ \t]{0,64})(${ARGUMENT})`, "g"),
      replace: (match, marker) => tool.test(commandBefore(match.input, match.index)) ? keepName2(match, marker) : null
    });
    cli = (triggers, source) => ({
      kind: "credential-flag",
      triggers,
      pattern: new RegExp(source, "g"),
      replace: keepName2
    });
    FORMAT_RULES = [
      toolFlag(["login"], "-p", /\b(?:docker|podman|nerdctl|buildah|skopeo|oras|helm[ \t]+registry)[ \t]+login\b/),
      toolFlag(["redis-cli"], "-a", /\bredis-cli\b/),
      toolFlag(["sqlcmd", "bcp"], "-P", /\b(?:sqlcmd|bcp)\b/),
      // openssl's `-passin pass:SECRET`, `-passout pass:SECRET`, `-pass pass:SECRET`.
      cli(["pass:"], String.raw`((?<![\w-])-pass(?:in|out)?[ \t]{1,64}pass:)(${ARGUMENT})`),
      // htpasswd -b[c] FILE USER PASSWORD: the password is the last of three arguments after a -b.
      cli(
        ["htpasswd"],
        String.raw`(\bhtpasswd(?:[ \t]{1,64}-[A-Za-z]{0,7}b[A-Za-z]{0,7})(?:[ \t]{1,64}-[A-Za-z]{1,8}){0,3}[ \t]{1,64}[^\s-]\S{0,300}[ \t]{1,64}[^\s-]\S{0,300}[ \t]{1,64})(${ARGUMENT})`
      ),
      // vault login [-flags] TOKEN: the first argument that is no flag and no `key=value`.
      {
        kind: "credential-flag",
        triggers: ["vault"],
        pattern: /(\bvault[ \t]{1,64}login(?:[ \t]{1,64}-\S{1,200}){0,8}[ \t]{1,64})([^\s=-][^\s="'|;&<>]{7,1000})(?![^\s"'|;&<>])/g,
        replace: keepName2
      },
      {
        kind: "url-password",
        // https://TOKEN@host: a random-looking user is a token (a name such as `git` or `deploy` stays).
        triggers: ["://"],
        pattern: /(:\/\/)([A-Za-z0-9_.~+-]{20,256})(?=@)/g,
        replace: (match, marker) => looksRandom(match[2] ?? "") ? `${match[1]}${marker}` : null
      },
      {
        kind: "url-signature",
        // Signed URLs: the signature (or session token) is the credential; the other parameters stay.
        triggers: ["sig=", "signature=", "token=", "api_key=", "apikey=", "secret=", "password=", "passwd="],
        pattern: /([?&](?:sig|signature|x-amz-signature|x-goog-signature|x-amz-security-token|access_token|id_token|refresh_token|token|api_key|apikey|client_secret|password|passwd)=)([^&\s"'#<>\\]{4,4000})/gi,
        replace: (match, marker) => isSecretArgument(decodeSafely(match[2] ?? "")) ? `${match[1]}${marker}` : null,
        skip: (match) => match[1]?.length ?? 1
      },
      {
        kind: "credential-assignment",
        // ~/.netrc: machine HOST login USER password SECRET (on one line).
        triggers: ["machine", "default"],
        pattern: /(\b(?:machine[ \t]{1,64}\S{1,300}|default)(?:[ \t]{1,64}(?:login|account)[ \t]{1,64}\S{1,300}){0,2}[ \t]{1,64}password[ \t]{1,64})(\S{1,1000})/g,
        replace: keepName2
      },
      {
        kind: "credential-assignment",
        // ~/.pgpass: host:port:database:user:password.
        // PostgreSQL's port (5432, pgbouncer's 6432) or the wildcard: a `:`-joined line with neither is no .pgpass line.
        triggers: [":5432:", ":5433:", ":6432:", ":*:"],
        pattern: /((?<![^\s"'`])[A-Za-z0-9.*_-]{1,253}:(?:\d{2,5}|\*):[^:\s"'`]{1,100}:[^:\s"'`]{1,100}:)([^\s"'`\\]{1,1000})(?![^\s"'`\\])/g,
        replace: (match, marker) => /^\d+$/.test(match[2] ?? "") ? null : keepName2(match, marker)
      },
      {
        kind: "credential-assignment",
        // <password>SECRET</password>, <ApiKey>…</ApiKey>
        triggers: ["secret", "token", "passw", "pwd", "key", "credential", "auth"],
        pattern: /(<([A-Za-z_][\w.:-]{0,60})>)(?=([^<\r\n]{1,1000}))\3(?=<\/\2>)/g,
        replace: (match, marker) => namesCredential(match[2] ?? "") && isSecretArgument(match[3] ?? "") ? `${match[1]}${marker}` : null
      },
      {
        kind: "credential-assignment",
        // <add key="DbPassword" value="SECRET" />, <property name="password" value="SECRET"/>
        triggers: ["value"],
        pattern: /(\b(?:key|name)[ \t]{0,64}=[ \t]{0,64}"([^"\r\n]{1,120})"[ \t]{1,64}value[ \t]{0,64}=[ \t]{0,64}")([^"\r\n]{1,1000})(?=")/gi,
        replace: (match, marker) => namesCredential(match[2] ?? "") && isSecretArgument(match[3] ?? "") ? `${match[1]}${marker}` : null
      },
      {
        kind: "credential-assignment",
        // ODBC: Pwd={SECRET}; Password={SECRET}
        triggers: ["pwd", "password"],
        pattern: /((?<![\w-])(?:pwd|password)[ \t]{0,64}=[ \t]{0,64}\{)([^}\r\n]{1,1000})(?=\})/gi,
        replace: keepName2
      },
      {
        kind: "credential-assignment",
        // PowerShell: ConvertTo-SecureString "SECRET" -AsPlainText
        triggers: ["ConvertTo-SecureString"],
        pattern: /(\bConvertTo-SecureString[ \t]{1,64}(?:-String[ \t]{1,64})?)("[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}')/gi,
        replace: keepName2
      },
      {
        kind: "credential-assignment",
        // Dockerfile: ENV DB_PASSWORD SECRET (the old form, a blank for the `=`).
        triggers: ["ENV "],
        pattern: /(\bENV[ \t]{1,64}([A-Za-z_][A-Za-z0-9_]{0,100})[ \t]{1,64})([^\s=][^\r\n]{0,1000})/g,
        replace: (match, marker) => namesCredential(match[2] ?? "") && isSecretArgument(match[3] ?? "") ? `${match[1]}${marker}` : null
      },
      {
        kind: "encoded-private-key",
        // A PEM in base64 (`client-key-data:`, an env var): `-----BEGIN` encodes to `LS0tLS1CRUdJT`.
        triggers: ["LS0tLS1CRUdJT"],
        pattern: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJT[A-Za-z0-9+/]{0,100000}={0,2}/g
      }
    ];
  }
});

// src/redact/redact-prefixed.ts
var isPlaceholderToken, rule, START, END, PREFIXED_RULES;
var init_redact_prefixed = __esm({
  "src/redact/redact-prefixed.ts"() {
    "use strict";
    isPlaceholderToken = (token) => /x{6,}|X{6,}|EXAMPLE|example|YOUR_|your_/.test(token);
    rule = (kind, source, triggers) => ({
      kind,
      pattern: new RegExp(source, "g"),
      triggers
    });
    START = String.raw`(?<![A-Za-z0-9_])`;
    END = String.raw`(?![A-Za-z0-9_])`;
    PREFIXED_RULES = [
      rule("anthropic-key", String.raw`${START}sk-ant-[A-Za-z0-9_-]{20,400}`, ["sk-ant-"]),
      // OpenAI and OpenRouter: a named kind, or the legacy `sk-` + letters and digits only (so a branch
      // such as `sk-feature-login-form` is not one).
      rule(
        "openai-key",
        String.raw`${START}sk-(?:proj|svcacct|admin|or-v1|None)-[A-Za-z0-9_-]{20,400}|${START}sk-[A-Za-z0-9]{32,200}${END}`,
        ["sk-"]
      ),
      rule(
        "stripe-key",
        String.raw`${START}(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,200}|${START}whsec_[A-Za-z0-9]{24,100}`,
        ["_live_", "_test_", "whsec_"]
      ),
      rule("github-token", String.raw`${START}gh[pousr]_[A-Za-z0-9]{30,100}|${START}github_pat_[A-Za-z0-9_]{40,200}`, [
        "gh",
        "github_pat_"
      ]),
      rule(
        "gitlab-token",
        String.raw`${START}gl(?:pat|ptt|dt|rt|soat|cbt|ft|imt|agent|oas)-[A-Za-z0-9_-]{20,100}|${START}GR1348941[A-Za-z0-9_-]{20,100}`,
        ["gl", "GR1348941"]
      ),
      // Ends where its 16 characters end unless more of its own kind follow (a key glued to the next token).
      rule("aws-access-key-id", String.raw`${START}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])`, [
        "AKIA",
        "ASIA",
        "ABIA",
        "ACCA"
      ]),
      rule("slack-token", String.raw`${START}xox[abposre]-[A-Za-z0-9-]{10,200}|${START}xapp-\d-[A-Za-z0-9-]{10,200}`, [
        "xox",
        "xapp-"
      ]),
      rule("slack-webhook", String.raw`https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,300}`, [
        "hooks.slack.com"
      ]),
      rule(
        "discord-webhook",
        String.raw`https?://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{5,30}/[A-Za-z0-9_-]{20,200}`,
        ["/api/webhooks/"]
      ),
      rule("google-api-key", String.raw`${START}AIza[0-9A-Za-z_-]{35}`, ["AIza"]),
      rule("google-oauth", String.raw`${START}GOCSPX-[A-Za-z0-9_-]{20,100}|${START}ya29\.[A-Za-z0-9_-]{20,400}`, [
        "GOCSPX-",
        "ya29."
      ]),
      rule("huggingface-token", String.raw`${START}(?:hf_|api_org_)[A-Za-z0-9]{30,100}`, ["hf_", "api_org_"]),
      rule("npm-token", String.raw`${START}npm_[A-Za-z0-9]{36}${END}`, ["npm_"]),
      rule("pypi-token", String.raw`${START}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,300}`, ["pypi-"]),
      rule("twilio-key", String.raw`${START}SK[0-9a-fA-F]{32}${END}`, ["SK"]),
      rule("sendgrid-key", String.raw`${START}SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}`, ["SG."]),
      rule("mailgun-key", String.raw`${START}key-[0-9a-f]{32}${END}`, ["key-"]),
      rule("azure-client-secret", String.raw`(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}`, ["Q~"]),
      rule("digitalocean-token", String.raw`${START}do[opr]_v1_[a-f0-9]{64}${END}`, ["_v1_"]),
      // Alone, or in a Bot API URL's path (`/bot123456:AA…/getMe`).
      rule("telegram-bot-token", String.raw`(?:(?<=/bot)|(?<![A-Za-z0-9_:]))\d{5,16}:A[A-Za-z0-9_-]{34}${END}`, [":A"]),
      rule("shopify-token", String.raw`${START}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${END}`, ["shp"]),
      rule("databricks-token", String.raw`${START}dapi[a-f0-9]{32}(?:-\d)?${END}`, ["dapi"]),
      rule("age-secret-key", String.raw`${START}AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}${END}`, [
        "AGE-SECRET-KEY-1"
      ]),
      rule("linear-key", String.raw`${START}lin_(?:api|oauth)_[A-Za-z0-9]{40}${END}`, ["lin_"]),
      rule("postman-key", String.raw`${START}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${END}`, ["PMAK-"]),
      rule("vault-token", String.raw`${START}hv[sbr]\.[A-Za-z0-9_-]{24,300}`, ["hvs.", "hvb.", "hvr."]),
      rule(
        "grafana-token",
        String.raw`${START}glc_[A-Za-z0-9+/]{32,400}={0,2}|${START}glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}${END}`,
        ["glc_", "glsa_"]
      ),
      rule("sentry-token", String.raw`${START}sntry[su]_[A-Za-z0-9+/=_]{30,300}`, ["sntry"]),
      rule("doppler-token", String.raw`${START}dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,100}`, ["dp."]),
      rule("supabase-token", String.raw`${START}sbp_[a-f0-9]{40}${END}`, ["sbp_"]),
      rule(
        "ai-provider-key",
        String.raw`${START}(?:r8_[A-Za-z0-9]{37}|gsk_[A-Za-z0-9]{48}|pplx-[A-Za-z0-9]{48}|xai-[A-Za-z0-9]{60,100})${END}`,
        ["r8_", "gsk_", "pplx-", "xai-"]
      ),
      rule("atlassian-token", String.raw`${START}ATATT3[A-Za-z0-9_=-]{100,300}`, ["ATATT3"]),
      rule("newrelic-key", String.raw`${START}NRAK-[A-Z0-9]{27}${END}`, ["NRAK-"]),
      rule("pulumi-token", String.raw`${START}pul-[a-f0-9]{40}${END}`, ["pul-"]),
      rule("notion-token", String.raw`${START}ntn_[A-Za-z0-9]{40,60}${END}`, ["ntn_"]),
      rule("square-token", String.raw`${START}sq0(?:atp|csp)-[A-Za-z0-9_-]{22,60}|${START}EAAA[A-Za-z0-9_-]{60}${END}`, [
        "sq0",
        "EAAA"
      ]),
      rule("mapbox-token", String.raw`${START}sk\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,100}`, ["sk.eyJ"]),
      rule("fly-token", String.raw`${START}fo1_[A-Za-z0-9_-]{43}${END}`, ["fo1_"]),
      rule("heroku-key", String.raw`${START}HRKU-[A-Za-z0-9_-]{60}${END}`, ["HRKU-"]),
      rule("onepassword-token", String.raw`${START}ops_eyJ[A-Za-z0-9+/=_-]{100,4000}`, ["ops_eyJ"]),
      rule("jwt", String.raw`${START}eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}`, ["eyJ"])
    ];
  }
});

// src/redact/triggers.ts
function compileTriggers(literals) {
  for (const literal of literals)
    if (!literal || /[^\x20-\x7e\t]/.test(literal))
      throw new Error(`trigger ${JSON.stringify(literal)} is not printable ASCII`);
  const lowered = literals.map((literal) => literal.toLowerCase());
  const { next, ending } = automaton(lowered);
  const used = [...new Set(lowered.join(""))].map((char) => char.charCodeAt(0));
  const width = used.length + 1;
  const column = new Uint8Array(ALPHABET);
  used.forEach((code, index) => {
    column[code] = index + 1;
    if (code >= 97 && code <= 122) column[code - 32] = index + 1;
  });
  const order = [...ending.keys()].sort(
    (a, b) => Number((ending[a]?.length ?? 0) > 0) - Number((ending[b]?.length ?? 0) > 0)
  );
  const renumbered = new Int32Array(order.length);
  order.forEach((state, position) => {
    renumbered[state] = position;
  });
  const table = new Int32Array(order.length * width);
  order.forEach((state, position) => {
    table[position * width] = 0;
    used.forEach((code, index) => {
      table[position * width + index + 1] = (renumbered[next[state * ALPHABET + code] ?? 0] ?? 0) * width;
    });
  });
  const ends = order.map((state) => [...new Set(ending[state])]);
  const firstEnding = Math.max(
    1,
    ends.findIndex((list) => list.length > 0)
  ) * width;
  return {
    literals,
    scan(text2, from = 0, to = text2.length, passOver) {
      const found = new Uint8Array(literals.length);
      const pending = new Uint8Array(ends.length).fill(1);
      let left = literals.length;
      let offset = 0;
      for (let at = from; at < to && left > 0; ) {
        const skip = passOver ? text2.indexOf(passOver, at) : -1;
        const stop = skip < 0 || skip + (passOver?.length ?? 0) > to ? to : skip;
        for (; at < stop && left > 0; at++) {
          const code = text2.charCodeAt(at);
          offset = code < ALPHABET ? table[offset + column[code]] : 0;
          if (offset < firstEnding) continue;
          const state = offset / width | 0;
          if (!pending[state]) continue;
          pending[state] = 0;
          for (const index of ends[state])
            if (!found[index]) {
              found[index] = 1;
              left--;
            }
        }
        if (stop === to) break;
        at = stop + (passOver?.length ?? 0);
        offset = 0;
      }
      return found;
    }
  };
}
function automaton(literals) {
  const next = new Array(ALPHABET).fill(0);
  const ending = [[]];
  literals.forEach((literal, index) => {
    let state = 0;
    for (const char of literal) {
      const slot = state * ALPHABET + (char.codePointAt(0) ?? 0);
      if (!next[slot]) {
        next[slot] = ending.push([]) - 1;
        for (let code = 0; code < ALPHABET; code++) next.push(0);
      }
      state = next[slot] ?? 0;
    }
    ending[state]?.push(index);
  });
  const fallback = new Array(ending.length).fill(0);
  const queue = [];
  for (let code = 0; code < ALPHABET; code++) if (next[code]) queue.push(next[code] ?? 0);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    const back = fallback[state] ?? 0;
    ending[state]?.push(...ending[back] ?? []);
    for (let code = 0; code < ALPHABET; code++) {
      const slot = state * ALPHABET + code;
      const child = next[slot] ?? 0;
      if (child) {
        fallback[child] = next[back * ALPHABET + code] ?? 0;
        queue.push(child);
      } else next[slot] = next[back * ALPHABET + code] ?? 0;
    }
  }
  return { next, ending };
}
var ALPHABET;
var init_triggers = __esm({
  "src/redact/triggers.ts"() {
    "use strict";
    ALPHABET = 128;
  }
});

// src/redact/views.ts
function fromCodes(units) {
  const chunks = [];
  for (let at = 0; at < units.length; at += 8192)
    chunks.push(String.fromCharCode.apply(null, units.subarray(at, at + 8192)));
  return chunks.join("");
}
function jsonUnescaped(text2) {
  if (!text2.includes("\\")) return null;
  const view = new ViewBuilder(text2);
  let copied = 0;
  for (let at = text2.indexOf("\\"); at >= 0 && at < text2.length - 1; at = text2.indexOf("\\", at)) {
    const next = text2[at + 1];
    let decoded = JSON_ESCAPES[next];
    let length = 2;
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text2.slice(at + 2, at + 6))) {
      decoded = String.fromCharCode(Number.parseInt(text2.slice(at + 2, at + 6), 16));
      length = 6;
    }
    if (decoded === void 0) {
      at += 1;
      continue;
    }
    view.keep(copied, at);
    view.put(decoded, at);
    copied = at + length;
    at = copied;
  }
  return view.done(copied);
}
function urlDecoded(text2) {
  if (!text2.includes("%")) return null;
  const view = new ViewBuilder(text2);
  let copied = 0;
  for (let at = text2.indexOf("%"); at >= 0; at = text2.indexOf("%", at + 1)) {
    const code = Number.parseInt(text2.slice(at + 1, at + 3), 16);
    if (!/^[0-7][0-9a-fA-F]$/.test(text2.slice(at + 1, at + 3)) || code < 32) continue;
    view.keep(copied, at);
    view.put(String.fromCharCode(code), at);
    copied = at + 3;
    at += 2;
  }
  return view.done(copied);
}
function fullwidthFolded(text2) {
  if (!/[\uff01-\uff5e]/.test(text2)) return null;
  const view = new ViewBuilder(text2);
  let copied = 0;
  const fullwidth = /[\uff01-\uff5e]/g;
  for (let match = fullwidth.exec(text2); match; match = fullwidth.exec(text2)) {
    view.keep(copied, match.index);
    view.put(String.fromCharCode((match[0].codePointAt(0) ?? 0) - 65248), match.index);
    copied = match.index + 1;
  }
  return view.done(copied);
}
function wrappedJoined(text2) {
  if (!text2.includes("\n")) return null;
  const view = new ViewBuilder(text2);
  let copied = 0;
  let lineStart = 0;
  for (let at = text2.indexOf("\n"); at >= 0; lineStart = at + 1, at = text2.indexOf("\n", at + 1)) {
    const end = text2[at - 1] === "\r" ? at - 1 : at;
    if (end - lineStart < WRAPPED_WIDTH) continue;
    if (BASE64_LINE.test(text2.slice(lineStart, end))) continue;
    if (!isTokenCode(text2.charCodeAt(end - 1)) || !isTokenCode(text2.charCodeAt(at + 1))) continue;
    let run = end;
    while (run > lineStart && end - run < 512 && isTokenCode(text2.charCodeAt(run - 1))) run--;
    if (end - run < 16) continue;
    const next = text2.slice(at + 1, at + 513);
    if (looksRandom(text2.slice(run, end))) {
      const tail = TAIL.exec(next)?.[0] ?? "";
      if (tail.length < 4 || new Set(tail).size < 4) continue;
      if (/^[A-Z]?[a-z]{3,6}$/.test(tail) && (tail.match(/[aeiouy]/gi)?.length ?? 0) * 4 >= tail.length) continue;
      if (/^[a-z]+$/.test(tail) && /^ +\S/.test(next.slice(tail.length))) continue;
    } else {
      const rest = isAlphanumeric(next.charCodeAt(0)) ? CONTINUATION.exec(next)?.[0] ?? "" : "";
      if (rest.length < 8 || randomLength(rest) < 6 && !CAMEL_HUMP.test(rest)) continue;
    }
    view.keep(copied, end);
    copied = at + 1;
  }
  if (copied === 0) return null;
  view.skipped();
  return view.done(copied);
}
function gluedSplit(text2) {
  if (!GLUED_HINT.test(text2)) return null;
  const view = new ViewBuilder(text2);
  let copied = 0;
  const candidates = new RegExp(GLUED_HINT.source, "g");
  for (const [start, end] of randomRuns(text2)) {
    candidates.lastIndex = start;
    for (let match = candidates.exec(text2); match && match.index < end; match = candidates.exec(text2)) {
      const at = match.index;
      if (!TOKEN_BEFORE.test(text2[at - 1] ?? "") || text2.startsWith(match[0], at - match[0].length)) continue;
      GLUED_START.lastIndex = at;
      if (!GLUED_START.test(text2)) continue;
      view.keep(copied, at);
      view.put(" ", at);
      copied = at;
    }
  }
  return view.done(copied);
}
function composed(outer, inner) {
  const from = new Int32Array(inner.from.length);
  for (let at = 0; at < inner.from.length; at++) from[at] = outer.from[inner.from[at]];
  return { text: inner.text, from };
}
function removedRanges(before, after) {
  const removed = [];
  let at = 0;
  let read = 0;
  MARKER2.lastIndex = 0;
  for (let match = MARKER2.exec(after); match; match = MARKER2.exec(after)) {
    at += match.index - read;
    read = match.index + match[0].length;
    const tail = after.slice(read, read + 32);
    const kept2 = before.startsWith(match[0], at) && (tail ? before.startsWith(tail, at + match[0].length) : before.length === at + match[0].length);
    if (kept2) {
      at += match[0].length;
      continue;
    }
    let next = read;
    MARKER2.lastIndex = read;
    let following = MARKER2.exec(after);
    while (following && following.index === next) {
      next = following.index + following[0].length;
      following = MARKER2.exec(after);
    }
    const piece = after.slice(next, following ? following.index : after.length);
    const context = after.slice(next, next + 64);
    const end = !following ? before.length - piece.length : pieceEnd(before, piece, context, at);
    if (end < 0) break;
    removed.push({ start: at, end, kind: match[1] ?? "secret" });
    at = end;
    read = next;
    MARKER2.lastIndex = next;
  }
  return removed;
}
function pieceEnd(before, piece, context, at) {
  const first = before.indexOf(piece, at + 1);
  if (context.length <= piece.length) return first;
  for (let end = first; end >= 0 && end - at <= CONTEXT_WINDOW; end = before.indexOf(piece, end + 1))
    if (before.startsWith(context, end)) return end;
  return first;
}
var ViewBuilder, JSON_ESCAPES, BASE64_LINE, CAMEL_HUMP, TAIL, CONTINUATION, isTokenCode, isAlphanumeric, WRAPPED_WIDTH, GLUED_PREFIXES, GLUED_START, GLUED_HINT, TOKEN_BEFORE, MARKER2, CONTEXT_WINDOW;
var init_views = __esm({
  "src/redact/views.ts"() {
    "use strict";
    init_high_entropy();
    ViewBuilder = class {
      constructor(source) {
        this.source = source;
      }
      source;
      /** Never longer than twice the original: a view puts at most one character per original one. */
      units = new Uint16Array(0);
      starts = new Int32Array(0);
      length = 0;
      /** Whether the view differs from the original yet (nothing is allocated before). */
      changed = false;
      allocate() {
        if (this.starts.length > 0) return;
        this.units = new Uint16Array(this.source.length * 2);
        this.starts = new Int32Array(this.source.length * 2 + 1);
      }
      keep(from, to) {
        this.allocate();
        for (let at = from; at < to; at++) {
          this.units[this.length] = this.source.charCodeAt(at);
          this.starts[this.length++] = at;
        }
      }
      /** The view differs from the original by what was left out between kept pieces. */
      skipped() {
        this.changed = true;
      }
      put(char, from) {
        this.allocate();
        this.units[this.length] = char.charCodeAt(0);
        this.starts[this.length++] = from;
        this.changed = true;
      }
      /** The view, with the rest of the original from `copied` kept; null when it differs in nothing. */
      done(copied) {
        if (!this.changed) return null;
        this.keep(copied, this.source.length);
        const from = this.starts.slice(0, this.length + 1);
        from[this.length] = this.source.length;
        return { text: fromCodes(this.units.subarray(0, this.length)), from };
      }
    };
    JSON_ESCAPES = {
      n: "\n",
      r: "\r",
      t: "	",
      '"': '"',
      "\\": "\\",
      "/": "/",
      b: "\b",
      f: "\f"
    };
    BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
    CAMEL_HUMP = /^[A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*={0,2}$/;
    TAIL = /^[A-Za-z0-9_-]+={0,2}(?=$|[\s"'`,;)\]}])(?![ \t]*[:=])/;
    CONTINUATION = /^[A-Za-z0-9][A-Za-z0-9+/_-]*={0,2}(?=$|[\s"'`,;)\]}])/;
    isTokenCode = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 43 || code === 47 || code === 61 || code === 95 || code === 45;
    isAlphanumeric = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122;
    WRAPPED_WIDTH = 60;
    GLUED_PREFIXES = [
      ["sk-ant-", ""],
      ["sk-proj-", ""],
      ["gh[pousr]_", "[A-Za-z0-9]{30}"],
      ["github_pat_", ""],
      ["glpat-", ""],
      ["xox[abposr]-", "[A-Za-z0-9]"],
      ["AKIA", "[A-Z0-9]{16}"],
      ["ASIA", "[A-Z0-9]{16}"],
      ["AIza", "[0-9A-Za-z_-]{35}"],
      ["npm_", "[A-Za-z0-9]{36}"],
      ["hf_", "[A-Za-z0-9]{30}"],
      ["ya29\\.", ""],
      ["GOCSPX-", ""],
      ["xapp-", ""],
      ["sk_live_", ""],
      ["rk_live_", ""],
      ["dop_v1_", ""],
      ["pypi-AgEI", ""]
    ];
    GLUED_START = new RegExp(GLUED_PREFIXES.map(([prefix, rest]) => `${prefix}${rest}`).join("|"), "y");
    GLUED_HINT = /sk-ant-|sk-proj-|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA|AIza|npm_|hf_|ya29\.|GOCSPX-|xapp-|_live_|dop_v1_|pypi-/;
    TOKEN_BEFORE = /[A-Za-z0-9_-]/;
    MARKER2 = /\[REDACTED:([a-z0-9-]+)\]/g;
    CONTEXT_WINDOW = 4096;
  }
});

// src/redact/redact.ts
function stretches(text2, passOver) {
  const found = [];
  for (let start = 0; start < text2.length || found.length === 0; ) {
    const lineEnd = text2.indexOf("\n", start + STRETCH - 1);
    const end = lineEnd < 0 ? text2.length : lineEnd + 1;
    found.push({ start, end, present: TRIGGERS.scan(text2, start, end, passOver) });
    start = end;
  }
  return found;
}
function remembered(view) {
  const last2 = [];
  return (text2) => {
    for (const [seen, built2] of last2) if (seen === text2) return built2;
    const built = view(text2);
    last2.unshift([text2, built]);
    if (last2.length > 2) last2.pop();
    return built;
  };
}
function redactSecrets(input) {
  const counts = {};
  let text2 = input;
  for (const view of JOINING_VIEWS) {
    const joined = view(text2);
    if (joined) text2 = redactThrough(text2, joined, counts, false);
  }
  text2 = redactByRules(text2, counts, false);
  for (const view of DECODED_VIEWS) {
    const decoded = view(text2);
    if (decoded) text2 = redactThrough(text2, decoded, counts, false);
  }
  text2 = redactByRules(text2, counts, true, false);
  for (const view of DECODED_VIEWS) {
    const decoded = view(text2);
    if (decoded) text2 = redactThrough(text2, decoded, counts, true, false);
  }
  return { text: text2, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}
function redactThrough(text2, whole2, counts, random, rules = true) {
  const view = touchedLines(text2, whole2);
  const found = {};
  const asInText = (start, end) => view.from[end] - view.from[start] === end - start;
  const redacted2 = redactByRules(view.text, found, random, rules, rules ? void 0 : asInText);
  if (redacted2 === view.text) return text2;
  for (const [kind, count] of Object.entries(found)) counts[kind] = (counts[kind] ?? 0) + count;
  const pieces = [];
  let copied = 0;
  for (const range of removedRanges(view.text, redacted2)) {
    const start = Math.max(copied, view.from[range.start] ?? text2.length);
    const end = view.from[range.end] ?? text2.length;
    if (end <= start) continue;
    const breaks = text2.slice(start, end).split("\n").length - 1;
    pieces.push(text2.slice(copied, start), `[REDACTED:${range.kind}]`, "\n".repeat(breaks));
    copied = end;
  }
  pieces.push(text2.slice(copied));
  return pieces.join("");
}
function touchedLines(text2, view) {
  const { from } = view;
  const viewText = view.text;
  if (viewText.includes("PRIVATE KEY")) return view;
  const keep = [];
  let lineStart = 0;
  let touched = false;
  for (let at = 0; at <= viewText.length; at++) {
    const end = at === viewText.length;
    const origin = from[at];
    const changed = !end && (from[at + 1] - origin !== 1 || viewText.charCodeAt(at) !== text2.charCodeAt(origin));
    if (changed) touched = true;
    if (end || viewText.charCodeAt(at) === 10) {
      const next = end ? at : at + 1;
      if (touched) {
        const last2 = keep.at(-1);
        if (last2 && last2[1] === lineStart) last2[1] = next;
        else keep.push([lineStart, next]);
      }
      lineStart = next;
      touched = changed;
    }
  }
  if (keep.length === 1 && keep[0]?.[0] === 0 && keep[0][1] === viewText.length) return view;
  let length = 0;
  for (const [start, end] of keep) length += end - start;
  const kept2 = new Int32Array(length + 1);
  const pieces = [];
  let put = 0;
  for (const [start, end] of keep) {
    pieces.push(viewText.slice(start, end));
    kept2.set(from.subarray(start, end), put);
    put += end - start;
  }
  kept2[length] = keep.length ? from[keep.at(-1)[1]] : text2.length;
  return { text: pieces.join(""), from: kept2 };
}
function redactByRules(input, counts, random, rules = true, judged) {
  if (!rules) return redactRandom(input, counts, judged);
  const made = PLANS.map(() => 0);
  let text2 = input;
  let parts = stretches(text2);
  const anywhere = new Uint8Array(TRIGGERS.literals.length);
  for (const part of parts)
    for (let index = 0; index < anywhere.length; index++) if (part.present[index]) anywhere[index] = 1;
  if (WHOLE_TEXT.some((plan) => mayMatch(plan, anywhere))) {
    const redacted2 = applyPlans(WHOLE_TEXT, text2, anywhere, made);
    if (redacted2 !== text2) {
      text2 = redacted2;
      parts = stretches(text2, KEY_MARKER);
    }
  }
  const found = { random: 0 };
  const pieces = parts.map((part) => {
    const piece = applyPlans(BY_LINES, text2.slice(part.start, part.end), part.present, made);
    return random ? withoutRandomRuns(piece, found) : piece;
  });
  text2 = pieces.length === 1 ? pieces[0] ?? "" : pieces.join("");
  for (const plan of PLANS)
    if (made[plan.index]) counts[plan.rule.kind] = (counts[plan.rule.kind] ?? 0) + (made[plan.index] ?? 0);
  if (found.random) counts[RANDOM_KIND] = (counts[RANDOM_KIND] ?? 0) + found.random;
  return text2;
}
function redactRandom(input, counts, judged) {
  const found = { random: 0 };
  const text2 = withoutRandomRuns(input, found, judged);
  if (found.random) counts[RANDOM_KIND] = (counts[RANDOM_KIND] ?? 0) + found.random;
  return text2;
}
function withoutRandomRuns(piece, found, judged) {
  const runs = randomRuns(piece, judged);
  if (runs.length === 0) return piece;
  found.random += runs.length;
  const kept2 = [];
  let copied = 0;
  for (const [start, end] of runs) {
    kept2.push(piece.slice(copied, start), RANDOM_MARKER);
    copied = end;
  }
  kept2.push(piece.slice(copied));
  return kept2.join("");
}
function applyPlans(plans, input, present, made) {
  let text2 = input;
  for (const plan of plans) {
    if (!mayMatch(plan, present)) continue;
    text2 = applyRule(plan, text2, made);
  }
  return text2;
}
function nextMatch(pattern, text2, from, starts) {
  if (!starts) {
    pattern.lastIndex = from;
    return pattern.exec(text2);
  }
  for (let at = starts(from); at >= 0; at = starts(at + 1)) {
    pattern.lastIndex = at;
    const match = pattern.exec(text2);
    if (match) return match;
  }
  return null;
}
function applyRule(plan, text2, made) {
  const { rule: rule2, marker, index } = plan;
  if (!rule2.replace && !rule2.extent && !rule2.starts) return replaceEveryMatch(plan, text2, made);
  const joined = [];
  const pieces = [];
  let copied = 0;
  let count = 0;
  let from = 0;
  const starts = rule2.starts?.(text2);
  for (let match = nextMatch(rule2.pattern, text2, 0, starts); match; match = nextMatch(rule2.pattern, text2, from, starts)) {
    const replaced = rule2.replace ? rule2.replace(match, marker) : marker;
    if (replaced === null || replaced === match[0]) {
      from = match.index + Math.max(1, rule2.skip?.(match) ?? 1);
      continue;
    }
    pieces.push(text2.slice(copied, match.index), replaced);
    if (pieces.length >= 4096) joined.push(pieces.splice(0).join(""));
    copied = rule2.extent ? rule2.extent(match) : match.index + match[0].length;
    from = copied === match.index ? copied + 1 : copied;
    count++;
  }
  if (count === 0) return text2;
  made[index] = (made[index] ?? 0) + count;
  pieces.push(text2.slice(copied));
  joined.push(pieces.join(""));
  return joined.join("");
}
function replaceEveryMatch({ rule: rule2, marker, index }, text2, made) {
  let count = 0;
  const redacted2 = text2.replace(rule2.pattern, () => {
    count++;
    return marker;
  });
  made[index] = (made[index] ?? 0) + count;
  return count === 0 ? text2 : redacted2;
}
var RULES, RANDOM_KIND, RANDOM_MARKER, TRIGGERS, indexOf, PLANS, MARKERS, WHOLE_TEXT, BY_LINES, STRETCH, KEY_MARKER, mayMatch, json, url, twice, DECODED_VIEWS, JOINING_VIEWS;
var init_redact = __esm({
  "src/redact/redact.ts"() {
    "use strict";
    init_high_entropy();
    init_redact_context();
    init_redact_formats();
    init_redact_prefixed();
    init_triggers();
    init_views();
    RULES = [
      // Private keys first: their base64 lines must not be taken apart by the token rules.
      ...CONTEXT_RULES.filter((rule2) => rule2.kind === "private-key"),
      ...PREFIXED_RULES.map((rule2) => ({
        kind: rule2.kind,
        pattern: rule2.pattern,
        triggers: rule2.triggers,
        replace: (match, marker) => isPlaceholderToken(match[0]) ? null : marker
      })),
      ...CONTEXT_RULES.filter((rule2) => rule2.kind !== "private-key"),
      ...FORMAT_RULES
    ];
    RANDOM_KIND = "high-entropy-token";
    RANDOM_MARKER = `[REDACTED:${RANDOM_KIND}]`;
    TRIGGERS = compileTriggers([...new Set(RULES.flatMap((rule2) => [...rule2.triggers, ...rule2.requires ?? []]))]);
    indexOf = (literal) => TRIGGERS.literals.indexOf(literal);
    PLANS = RULES.map((rule2, index) => ({
      rule: rule2,
      index,
      marker: `[REDACTED:${rule2.kind}]`,
      triggers: rule2.triggers.map(indexOf),
      requires: rule2.requires?.map(indexOf)
    }));
    MARKERS = [.../* @__PURE__ */ new Set([...PLANS.map((plan) => plan.marker), RANDOM_MARKER])];
    WHOLE_TEXT = PLANS.filter((plan) => plan.rule.kind === "private-key");
    BY_LINES = PLANS.filter((plan) => plan.rule.kind !== "private-key");
    STRETCH = 65536;
    KEY_MARKER = WHOLE_TEXT.length === 1 ? WHOLE_TEXT[0]?.marker : void 0;
    mayMatch = (plan, present) => plan.triggers.some((index) => present[index]) && (!plan.requires || plan.requires.some((index) => present[index]));
    json = remembered(jsonUnescaped);
    url = remembered(urlDecoded);
    twice = (first, second) => remembered((text2) => {
      const outer = first(text2);
      const inner = outer && second(outer.text);
      return outer && inner ? composed(outer, inner) : null;
    });
    DECODED_VIEWS = [
      json,
      twice(json, json),
      url,
      twice(url, url),
      twice(json, url),
      remembered(fullwidthFolded)
    ];
    JOINING_VIEWS = [
      wrappedJoined,
      twice(wrappedJoined, gluedSplit),
      gluedSplit,
      twice(json, wrappedJoined)
    ];
  }
});

// src/integration/hooks/summary-losses.ts
function normalized(text2) {
  return text2.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function wordsOf2(text2) {
  return [...new Set(normalized(text2).split(" "))].filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}
function noteItems(note) {
  if (!note) return [];
  const lines2 = note.split("\n").map((line) => line.trim());
  const bullet = /^(?:[-*•]|\d+[.)])\s+/;
  const listed = lines2.filter((line) => bullet.test(line)).map((line) => line.replace(bullet, "").trim());
  return (listed.length > 0 ? listed : lines2).filter((line) => line !== "");
}
function compareSummary(summary, facts) {
  if (summary === null) return { kind: "missing" };
  if (summary.trim() === "") return { kind: "empty" };
  const compared = summary.slice(0, MAX_SUMMARY_CHARS);
  const text2 = new SummaryText(compared);
  const checks = [
    ...facts.prompts.map((prompt) => ["prompt", prompt, text2.keepsWords(prompt)]),
    ...facts.files.map((file) => ["file", file, text2.keepsPath(file)]),
    ...facts.failedCommands.map((command) => [
      "failing command",
      command,
      text2.keepsWords(command)
    ]),
    ...noteItems(facts.nextSteps).map((step) => [
      "next step",
      step,
      text2.keepsWords(step)
    ]),
    ...noteItems(facts.openQuestions).map((question) => [
      "open question",
      question,
      text2.keepsWords(question)
    ])
  ];
  return {
    kind: "compared",
    lost: checks.filter(([, , kept2]) => !kept2).map(([kind, item]) => ({ kind, text: item })),
    checked: checks.length,
    summaryChars: summary.length,
    comparedChars: compared.length
  };
}
function itemLine(loss) {
  const flat = loss.text.replace(/\s+/g, " ").trim();
  const shown = flat.length <= ITEM_CHARS ? flat : `${flat.slice(0, ITEM_CHARS)}\u2026 (${flat.length} chars)`;
  return `- ${loss.kind}: ${loss.kind === "file" ? shown : JSON.stringify(shown)}`;
}
function describeLosses(comparison, maxChars, fullList) {
  if (comparison.kind === "missing")
    return "Claude Code's summary of this compaction was not found (no PostCompact summary, and no readable summary record after the compaction in the transcript): treat everything before it as known only from the handoff.";
  if (comparison.kind === "empty")
    return "Claude Code's summary of this compaction is empty: everything before it is known only from the handoff.";
  const cut = comparison.comparedChars < comparison.summaryChars ? ` (the summary is ${comparison.summaryChars} chars; its first ${comparison.comparedChars} were compared)` : "";
  if (comparison.lost.length === 0)
    return `Claude Code's summary mentions all ${comparison.checked} prompts, files, failing commands and noted steps of the handoff${cut}.`;
  const head = `Claude Code's summary dropped ${comparison.lost.length} of ${comparison.checked} facts the handoff keeps${cut}:`;
  const lines2 = [head];
  let used = head.length;
  for (const [index, loss] of comparison.lost.entries()) {
    const line = itemLine(loss);
    const rest = comparison.lost.length - index;
    const more = `\u2026 and ${rest} more${fullList ? ` (all in ${fullList})` : ""}`;
    if (used + line.length + 1 + (rest > 1 ? more.length + 1 : 0) > maxChars) {
      lines2.push(more);
      break;
    }
    lines2.push(line);
    used += line.length + 1;
  }
  return lines2.join("\n");
}
var MAX_SUMMARY_CHARS, KEPT_SHARE, MIN_WORDS_FOR_SHARE, STOP_WORDS, SummaryText, ITEM_CHARS;
var init_summary_losses = __esm({
  "src/integration/hooks/summary-losses.ts"() {
    "use strict";
    MAX_SUMMARY_CHARS = 1e6;
    KEPT_SHARE = 0.75;
    MIN_WORDS_FOR_SHARE = 3;
    STOP_WORDS = new Set(
      "the and for are but not you all any can had her was one our out has him his how its may new now see two who did get let put say she too use that this with from have they will what when your into than then them been were which their there would could should about after also just more some such only other".split(
        " "
      )
    );
    SummaryText = class {
      lower;
      flat;
      words;
      constructor(summary) {
        this.lower = summary.toLowerCase();
        this.flat = ` ${normalized(summary)} `;
        this.words = new Set(this.flat.split(" "));
      }
      keepsWords(text2) {
        const flat = normalized(text2);
        if (flat === "") return true;
        if (this.flat.includes(` ${flat} `)) return true;
        const words2 = wordsOf2(text2);
        if (words2.length < MIN_WORDS_FOR_SHARE) return false;
        const found = words2.filter((word) => this.words.has(word)).length;
        return found / words2.length >= KEPT_SHARE;
      }
      /** A path is kept when the summary names it, or its file name. */
      keepsPath(path) {
        const lower = path.toLowerCase();
        const name = lower.split("/").filter(Boolean).at(-1) ?? lower;
        return this.lower.includes(lower) || this.lower.includes(name);
      }
    };
    ITEM_CHARS = 240;
  }
});

// src/integration/hooks/summary-lost-file.ts
function summaryLosses(summary, record, notes) {
  if (!record) {
    const text2 = "ctx-monitor cannot say what Claude Code's summary dropped: no handoff was written before this compaction.";
    return { short: text2, full: text2 };
  }
  const comparison = compareSummary(summary, {
    prompts: record.prompts,
    files: record.files,
    failedCommands: record.failedCommands,
    nextSteps: notes?.notes.nextSteps ?? null,
    openQuestions: notes?.notes.openQuestions ?? null
  });
  const lostFile = lostFileName(record.handoffPath);
  return {
    short: describeLosses(comparison, LOST_LIST_CHARS, lostFile),
    full: describeLosses(comparison, Number.MAX_SAFE_INTEGER, null)
  };
}
function lostFileName(handoffPath) {
  return `${handoffPath.replace(/\.md$/, "")}.lost.txt`;
}
function writeLostFile(record, full, summarySource) {
  const name = (0, import_node_path24.basename)(lostFileName(record.handoffPath));
  writeNewFile(
    (0, import_node_path24.dirname)(record.handoffPath),
    [name, ...Array.from({ length: 20 }, (_, index) => name.replace(/\.lost\.txt$/, `.lost-${index + 2}.txt`))],
    `What Claude Code's compaction summary (${summarySource}) dropped, against the handoff ${record.handoffPath}

${redactSecrets(full).text}
`,
    384
  );
}
var import_node_path24;
var init_summary_lost_file = __esm({
  "src/integration/hooks/summary-lost-file.ts"() {
    "use strict";
    import_node_path24 = require("path");
    init_atomic_write();
    init_redact();
    init_handoff_pointer();
    init_summary_losses();
  }
});

// src/transcript/incremental-reader.ts
var IncrementalReader;
var init_incremental_reader = __esm({
  "src/transcript/incremental-reader.ts"() {
    "use strict";
    init_byte_source();
    init_content_identity();
    init_line_problems();
    init_read_forward();
    init_subagent_files();
    IncrementalReader = class {
      constructor(create, options = {}) {
        this.create = create;
        this.options = options;
      }
      create;
      options;
      entries = /* @__PURE__ */ new Map();
      read(path) {
        return withByteSource(path, (source) => {
          let entry2 = this.entries.get(path);
          const cold = !entry2 || entry2.dev !== source.dev || entry2.ino !== source.ino || source.size < entry2.offset || fingerprintAt(source, entry2.offset) !== entry2.fingerprint;
          if (cold || !entry2)
            entry2 = {
              dev: source.dev,
              ino: source.ino,
              offset: 0,
              fingerprint: fingerprintAt(source, 0),
              reducer: this.create(),
              problems: noLineProblems()
            };
          return this.continueRead(path, entry2, source, cold);
        });
      }
      continueRead(path, current, source, cold) {
        const from = current.offset;
        const result = readForward(
          source,
          from,
          { record: (record) => current.reducer.add(record), oversized: (at) => current.reducer.oversized?.(at.bytes) },
          {
            subagent: isSubagentTranscript(path),
            ...this.options.maxLineBytes ? { maxLineBytes: this.options.maxLineBytes } : {}
          }
        );
        current.offset = result.nextOffset;
        current.fingerprint = fingerprintAt(source, current.offset);
        addLineProblems(current.problems, { ...result.problems, torn: 0 });
        this.entries.delete(path);
        this.entries.set(path, current);
        while (this.entries.size > (this.options.capacity ?? 8)) this.entries.delete(this.entries.keys().next().value);
        const problems = addLineProblems(addLineProblems(noLineProblems(), current.problems), {
          ...noLineProblems(),
          torn: result.problems.torn
        });
        return { reducer: current.reducer, problems, parsedBytes: current.offset - from, cold };
      }
    };
  }
});

// src/transcript/tool-calls.ts
function shorten(text2, max = 72) {
  const line = text2.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function redactedLabel(text2, max = 72) {
  return shorten(redacted(text2.slice(0, 4096)), max);
}
function redacted(text2) {
  let done = REDACTED.get(text2);
  if (done === void 0) {
    if (REDACTED.size >= REDACTED_LIMIT) REDACTED.clear();
    done = redactSecrets(text2).text;
    REDACTED.set(text2, done);
  }
  return done;
}
function displayPath(path, projectDir) {
  if (projectDir && (0, import_node_path25.isAbsolute)(path)) {
    const inside = (0, import_node_path25.relative)(projectDir, path);
    if (inside && !inside.startsWith("..") && !(0, import_node_path25.isAbsolute)(inside)) return inside;
  }
  return path;
}
function describeToolCall(name, input, projectDir) {
  const fields2 = typeof input === "object" && input !== null ? input : {};
  const file = str2(fields2.file_path) ?? str2(fields2.notebook_path);
  const path = file ? displayPath(file, projectDir) : null;
  if (path) return { name, label: `${name} ${redacted(path)}`, path };
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name);
  if (mcp) return { name, label: toolDisplayName(name), path: null };
  const detail = str2(fields2.command) ?? str2(fields2.subject) ?? str2(fields2.description) ?? str2(fields2.pattern) ?? str2(fields2.url) ?? str2(fields2.query) ?? str2(fields2.prompt);
  return { name, label: detail ? `${name}: ${redactedLabel(detail)}` : name, path: null };
}
function toolDisplayName(tool) {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  return mcp ? `${mcp[1]}/${mcp[2]}` : tool;
}
var import_node_path25, str2, REDACTED, REDACTED_LIMIT;
var init_tool_calls = __esm({
  "src/transcript/tool-calls.ts"() {
    "use strict";
    import_node_path25 = require("path");
    init_redact();
    str2 = (value) => typeof value === "string" && value ? value : null;
    REDACTED = /* @__PURE__ */ new Map();
    REDACTED_LIMIT = 4096;
  }
});

// src/transcript/user-text.ts
function classifyUserText(text2, flags) {
  if (flags.isCompactSummary) return { kind: "compaction-summary" };
  if (flags.isMeta) return { kind: "harness", tag: HARNESS_TAG.exec(text2)?.[1] ?? null };
  const command = COMMAND_NAME.exec(text2);
  if (command?.[1]) {
    const args = COMMAND_ARGS.exec(text2)?.[1]?.trim();
    return { kind: "command", text: `${command[1]}${args ? ` ${args}` : ""}` };
  }
  const tag = HARNESS_TAG.exec(text2)?.[1];
  if (tag) return { kind: "harness", tag };
  return text2.trim() ? { kind: "prompt", text: text2 } : null;
}
var COMMAND_NAME, COMMAND_ARGS, HARNESS_TAG;
var init_user_text = __esm({
  "src/transcript/user-text.ts"() {
    "use strict";
    COMMAND_NAME = /<command-name>\s*([^<]*?)\s*<\/command-name>/;
    COMMAND_ARGS = /<command-args>([\s\S]*?)<\/command-args>/;
    HARNESS_TAG = /^\s*<(local-command-stdout|local-command-stderr|local-command-caveat|system-reminder|bash-input|bash-stdout|bash-stderr|command-message|command-args|command-name)>/;
  }
});

// src/handoff/facts.ts
var KEPT_CHARS2, NEWEST;
var init_facts = __esm({
  "src/handoff/facts.ts"() {
    "use strict";
    KEPT_CHARS2 = 16e3;
    NEWEST = { commands: 150, errors: 50, subagents: 30, turns: 60 };
  }
});

// src/handoff/line-changes.ts
function diffLines(before, after) {
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { added: b.length - start - end, removed: a.length - start - end };
}
function lineChange(tool, input) {
  switch (tool) {
    case "Edit":
      return diffLines(text(input.old_string), text(input.new_string));
    case "MultiEdit": {
      const edits = Array.isArray(input.edits) ? input.edits : [];
      return edits.reduce(
        (sum, edit) => {
          const fields2 = typeof edit === "object" && edit !== null ? edit : {};
          const change = diffLines(text(fields2.old_string), text(fields2.new_string));
          return { added: sum.added + change.added, removed: sum.removed + change.removed };
        },
        { added: 0, removed: 0 }
      );
    }
    case "Write":
      return { added: lines(text(input.content)).length, removed: 0 };
    case "NotebookEdit":
      return { added: input.edit_mode === "delete" ? 0 : lines(text(input.new_source)).length, removed: 0 };
    default:
      return null;
  }
}
var lines, text;
var init_line_changes = __esm({
  "src/handoff/line-changes.ts"() {
    "use strict";
    lines = (text2) => text2 ? text2.replace(/\n$/, "").split("\n") : [];
    text = (value) => typeof value === "string" ? value : "";
  }
});

// src/handoff/fact-collector.ts
function resultText(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => {
    const block = fields(part);
    if (typeof block.text === "string") return block.text;
    return block.type === "image" ? "[image]" : "";
  }).filter(Boolean).join("\n");
}
function subagentReport(content) {
  const parts = Array.isArray(content) ? content : [content];
  return parts.map((part) => resultText(typeof part === "string" ? part : [part]).replace(SUBAGENT_TRAILER, "")).filter((text2) => text2.trim()).join("\n");
}
function release(list, keep, strip) {
  const old = list[list.length - 1 - keep];
  if (old) strip(old);
}
var REDACT_MARGIN, TURNS_WITH_DETAIL, RELEASED, SUBAGENT_TRAILER, READ_TOOLS, EDIT_TOOLS, WRITE_TOOLS, SUBAGENT_TOOLS, str3, fields, FactCollector;
var init_fact_collector = __esm({
  "src/handoff/fact-collector.ts"() {
    "use strict";
    init_redact();
    init_records();
    init_tool_calls();
    init_user_text();
    init_facts();
    init_line_changes();
    REDACT_MARGIN = 16384;
    TURNS_WITH_DETAIL = NEWEST.turns * 2;
    RELEASED = { text: "", chars: 0 };
    SUBAGENT_TRAILER = /(?:^|\n)\s*agentId: \S+ \(use SendMessage[\s\S]*$|\s*<usage>[^<]*<\/usage>\s*$/g;
    READ_TOOLS = /* @__PURE__ */ new Set(["Read", "NotebookRead"]);
    EDIT_TOOLS = /* @__PURE__ */ new Set(["Edit", "MultiEdit", "NotebookEdit"]);
    WRITE_TOOLS = /* @__PURE__ */ new Set(["Write"]);
    SUBAGENT_TOOLS = /* @__PURE__ */ new Set(["Agent", "Task"]);
    str3 = (value) => typeof value === "string" && value ? value : null;
    fields = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
    FactCollector = class {
      facts = {
        sessionId: null,
        projectDir: null,
        model: null,
        startedAt: null,
        lastAt: null,
        prompts: [],
        files: [],
        commands: [],
        errors: [],
        tasks: [],
        subagents: [],
        turns: [],
        compactions: [],
        toolCalls: 0,
        redactions: {}
      };
      files = /* @__PURE__ */ new Map();
      tasks = /* @__PURE__ */ new Map();
      calls = /* @__PURE__ */ new Map();
      /**
       * Texts kept but not redacted yet, and tool calls not labelled yet: done once, when a result is asked
       * for, for what is still kept then. Most of a long session's texts are let go before that, and
       * redacting them as read cost more than parsing the transcript.
       */
      unredacted = /* @__PURE__ */ new Set();
      unlabelled = /* @__PURE__ */ new Map();
      /** A raw path's file entry key, so a file touched a thousand times is resolved once. */
      shownPaths = /* @__PURE__ */ new Map();
      constructor(projectDir = null) {
        this.facts.projectDir = projectDir;
      }
      add(record) {
        if (record.isSidechain) return;
        this.facts.sessionId ??= record.sessionId;
        this.facts.projectDir ??= record.cwd;
        if (record.timestamp) {
          this.facts.startedAt ??= record.timestamp;
          this.facts.lastAt = record.timestamp;
        }
        switch (record.kind) {
          case "assistant":
            if (record.isApiError) {
              const message = record.content.flatMap((block) => block.type === "text" ? [block.text] : []).join("\n");
              this.error("API", message || "API error");
              return;
            }
            if (record.model === "<synthetic>") return;
            if (record.model) this.facts.model = record.model;
            for (const block of record.content) this.assistantBlock(block);
            return;
          case "user":
            if (record.isCompactSummary || record.isMeta) return;
            this.userContent(
              typeof record.content === "string" ? [{ type: "text", text: record.content }] : record.content,
              record.timestamp
            );
            return;
          case "compact-boundary":
            this.facts.compactions.push(compactionOf(record));
            return;
          default:
            return;
        }
      }
      result() {
        for (const kept2 of this.unredacted) kept2.text = this.clean(kept2.text);
        this.unredacted.clear();
        for (const [turn, calls] of this.unlabelled)
          for (const call of calls) turn.actions[call.index] = this.describe(call.name, call.input);
        this.unlabelled.clear();
        return {
          ...this.facts,
          files: [...this.files.values()],
          tasks: [...this.tasks.values()],
          redactions: { ...this.facts.redactions }
        };
      }
      /** Redacted whole, counted. */
      clean(text2) {
        const redacted2 = redactSecrets(text2);
        for (const [kind, count] of Object.entries(redacted2.counts))
          this.facts.redactions[kind] = (this.facts.redactions[kind] ?? 0) + count;
        return redacted2.text;
      }
      /**
       * Its start and end, redacted: enough for any excerpt, bounded however long the output was.
       * Security: each end is redacted before it is cut, over a window longer than any secret a rule knows,
       * so a cut never leaves the head of a secret that is too short for its rule to recognise.
       */
      keep(text2) {
        if (text2.length <= KEPT_CHARS2) {
          const kept2 = { text: text2, chars: text2.length };
          this.unredacted.add(kept2);
          return kept2;
        }
        const half = KEPT_CHARS2 / 2;
        const head = this.clean(text2.slice(0, half + REDACT_MARGIN)).slice(0, half);
        const tail = this.clean(text2.slice(-(half + REDACT_MARGIN))).slice(-half);
        return { text: head, chars: text2.length, tail };
      }
      /** Security: labels are redacted before they are cut (describeToolCall does it). */
      describe(name, input) {
        return describeToolCall(name, input, this.facts.projectDir).label;
      }
      get turn() {
        return this.facts.prompts.length;
      }
      currentTurn() {
        let turn = this.facts.turns.at(-1);
        if (!turn || turn.prompt !== this.turn) {
          turn = { prompt: this.turn, actions: [], replies: [] };
          this.facts.turns.push(turn);
          release(this.facts.turns, TURNS_WITH_DETAIL, (old) => {
            for (const reply of old.replies) this.unredacted.delete(reply);
            old.replies = old.replies.length ? [RELEASED] : [];
            this.unlabelled.delete(old);
          });
        }
        return turn;
      }
      /** Tool results, and the user's words: the record's prompt or slash command, classified as the breakdown does. */
      userContent(blocks, at) {
        const words2 = [];
        let command = false;
        for (const block of blocks) {
          if (block.type === "tool_result") this.toolResult(block.toolUseId, block.content, block.isError);
          else if (block.type === "image") words2.push("[image]");
          else if (block.type === "text") {
            const text2 = classifyUserText(block.text, { isMeta: false, isCompactSummary: false });
            if (text2?.kind === "prompt" || text2?.kind === "command") words2.push(text2.text);
            if (text2?.kind === "command") command = true;
          }
        }
        if (words2.some((word) => word !== "[image]")) this.prompt(words2.join("\n\n"), at, command);
      }
      prompt(text2, at, command) {
        this.facts.prompts.push({ number: this.facts.prompts.length + 1, text: this.clean(text2), at, command });
        this.currentTurn();
      }
      assistantBlock(block) {
        if (block.type === "text" && block.text.trim()) {
          this.currentTurn().replies.push(this.keep(block.text));
          return;
        }
        if (block.type !== "tool_use") return;
        this.facts.toolCalls++;
        const input = fields(block.input);
        const call = { name: block.name, input };
        const path = str3(input.file_path) ?? str3(input.notebook_path);
        const file = path ? this.touch(path, block.name) : null;
        const lines2 = file ? lineChange(block.name, input) : null;
        if (file && lines2) call.change = { file, lines: lines2 };
        if (block.name === "Bash") {
          const description = str3(input.description);
          call.command = {
            command: this.clean(str3(input.command) ?? ""),
            description: description && this.clean(description),
            turn: this.turn,
            ok: null,
            output: null
          };
          this.facts.commands.push(call.command);
          release(this.facts.commands, NEWEST.commands, (old) => {
            if (old.output) this.unredacted.delete(old.output);
            old.output = null;
          });
        } else if (SUBAGENT_TOOLS.has(block.name)) {
          call.subagent = {
            turn: this.turn,
            description: this.clean(str3(input.description) ?? "subagent"),
            type: str3(input.subagent_type),
            prompt: this.keep(str3(input.prompt) ?? ""),
            report: null
          };
          this.facts.subagents.push(call.subagent);
          release(this.facts.subagents, NEWEST.subagents, (old) => {
            this.unredacted.delete(old.prompt);
            if (old.report) this.unredacted.delete(old.report);
            old.prompt = RELEASED;
            if (old.report) old.report = RELEASED;
          });
        } else if (block.name === "TodoWrite" && Array.isArray(input.todos)) {
          this.tasks.clear();
          input.todos.forEach((todo, index) => {
            const item = fields(todo);
            const id = str3(item.id) ?? String(index + 1);
            this.tasks.set(id, {
              id,
              subject: this.clean(str3(item.content) ?? str3(item.subject) ?? ""),
              status: str3(item.status) ?? "pending"
            });
          });
        } else if (block.name === "TaskCreate") {
          call.taskSubject = this.clean(str3(input.subject) ?? str3(input.description) ?? "task");
        } else if (block.name === "TaskUpdate") {
          const id = str3(input.taskId) ?? (typeof input.taskId === "number" ? String(input.taskId) : null);
          if (id) {
            const subject = str3(input.subject);
            const task = this.tasks.get(id) ?? {
              id,
              subject: subject ? this.clean(subject) : `task ${id}`,
              status: "pending"
            };
            task.status = str3(input.status) ?? task.status;
            if (subject) task.subject = this.clean(subject);
            this.tasks.set(id, task);
          }
        }
        if (block.id) this.calls.set(block.id, call);
        const turn = this.currentTurn();
        const pending = this.unlabelled.get(turn) ?? [];
        pending.push({ index: turn.actions.length, name: block.name, input });
        this.unlabelled.set(turn, pending);
        turn.actions.push(block.name);
      }
      toolResult(toolUseId, content, isError) {
        const call = this.calls.get(toolUseId);
        const text2 = resultText(content);
        if (!call) {
          if (isError) this.error("tool", text2);
          return;
        }
        this.calls.delete(toolUseId);
        if (call.change && !isError) {
          call.change.file.added += call.change.lines.added;
          call.change.file.removed += call.change.lines.removed;
        }
        if (call.command) {
          call.command.ok = !isError;
          call.command.output = this.keep(text2);
        }
        if (call.subagent) call.subagent.report = this.keep(subagentReport(content));
        if (call.taskSubject !== void 0 && !isError) {
          const id = /#(\d+)/.exec(text2)?.[1] ?? String(this.tasks.size + 1);
          this.tasks.set(id, { id, subject: call.taskSubject, status: "pending" });
        }
        if (isError && !call.command) this.error(this.describe(call.name, call.input), text2);
      }
      touch(path, tool) {
        let shown = this.shownPaths.get(path);
        if (shown === void 0) {
          shown = displayPath(path, this.facts.projectDir);
          this.shownPaths.set(path, shown);
        }
        const entry2 = this.files.get(shown) ?? { path: shown, reads: 0, edits: 0, writes: 0, added: 0, removed: 0 };
        if (READ_TOOLS.has(tool)) entry2.reads++;
        else if (EDIT_TOOLS.has(tool)) entry2.edits++;
        else if (WRITE_TOOLS.has(tool)) entry2.writes++;
        else return null;
        this.files.set(shown, entry2);
        return entry2;
      }
      error(source, message) {
        this.facts.errors.push({ turn: this.turn, source: this.clean(source), message: this.keep(message) });
        release(this.facts.errors, NEWEST.errors, (old) => {
          this.unredacted.delete(old.message);
          old.message = RELEASED;
        });
      }
    };
  }
});

// src/handoff/git.ts
function git(args, cwd) {
  return new Promise((resolve3) => {
    (0, import_node_child_process.execFile)(
      "git",
      args,
      { cwd, timeout: 3e3, maxBuffer: 4 << 20, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } },
      (error, stdout) => resolve3(error ? null : stdout)
    );
  });
}
async function gitSnapshot(projectDir) {
  const inside = await git(["rev-parse", "--is-inside-work-tree"], projectDir);
  if (inside?.trim() !== "true") return null;
  const [branch, status, diffStat] = await Promise.all([
    git(["branch", "--show-current"], projectDir),
    git(["status", "--short"], projectDir),
    git(["diff", "--stat=100", "HEAD"], projectDir)
  ]);
  return {
    branch: branch?.trim() || null,
    status: firstLines(status ?? ""),
    diffStat: firstLines(diffStat ?? "", 200, true)
  };
}
function firstLines(text2, keep = 200, keepLast = false) {
  const lines2 = text2.trimEnd().split("\n");
  if (lines2.length <= keep) return text2;
  const last2 = keepLast ? lines2.slice(-1) : [];
  return [...lines2.slice(0, keep), `\u2026 ${lines2.length - keep - last2.length} more lines`, ...last2].join("\n");
}
var import_node_child_process;
var init_git = __esm({
  "src/handoff/git.ts"() {
    "use strict";
    import_node_child_process = require("child_process");
  }
});

// src/handoff/markdown.ts
function fenced(text2, language = "") {
  const longest = Math.max(2, ...[...text2.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${text2}
${fence}`;
}
function quoted2(text2) {
  return text2.split("\n").map((line) => `> ${line}`).join("\n");
}
function indent(text2) {
  return text2.split("\n").map((line) => line ? `   ${line}` : line).join("\n");
}
var init_markdown = __esm({
  "src/handoff/markdown.ts"() {
    "use strict";
  }
});

// src/handoff/render-prompts.ts
function entry(group) {
  const { shown, numbers } = group;
  const others = numbers.filter((number) => number !== shown.number);
  const listed = others.length > 20 ? [...others.slice(0, 10), "\u2026", ...others.slice(-9)] : others;
  const repeats = others.length ? ` (sent ${numbers.length} times: also as prompt ${listed.join(", ")})` : "";
  return `### ${shown.command ? "Command" : "Prompt"} ${shown.number}${shown.at ? ` \u2014 ${shown.at}` : ""}${repeats}

${fenced(shown.text, "text")}`;
}
function groups(prompts) {
  const byText = /* @__PURE__ */ new Map();
  const result = [];
  prompts.forEach((prompt, index) => {
    if (index === 0) {
      result.push({ shown: prompt, numbers: [prompt.number] });
      return;
    }
    const group = byText.get(prompt.text);
    if (group) {
      group.shown = prompt;
      group.numbers.push(prompt.number);
      return;
    }
    const created = { shown: prompt, numbers: [prompt.number] };
    byText.set(prompt.text, created);
    result.push(created);
  });
  return result.sort((a, b) => a.shown.number - b.shown.number);
}
function requiredPromptChars(prompts) {
  const all = groups(prompts);
  const required = [all[0], all.length > 1 ? all.at(-1) : void 0].filter((group) => group !== void 0);
  return required.reduce((sum, group) => sum + entry(group).length + 2, 0);
}
function promptsBody(prompts, room, whereVerbatim) {
  const all = groups(prompts);
  if (!all.length) return "";
  const texts = all.map(entry);
  const shown = /* @__PURE__ */ new Set([0, all.length - 1]);
  let left = room - [...shown].reduce((sum, index) => sum + texts[index].length + 2, 0);
  for (let index = all.length - 2; index > 0; index--) {
    const cost = texts[index].length + 2;
    if (cost > left) break;
    shown.add(index);
    left -= cost;
  }
  const parts = [];
  let skipped = [];
  const flush = () => {
    if (!skipped.length) return;
    const numbers = skipped.flatMap((group) => group.numbers);
    const chars = skipped.reduce((sum, group) => sum + group.shown.text.length * group.numbers.length, 0);
    const first = Math.min(...numbers);
    const last2 = Math.max(...numbers);
    parts.push(
      `_${counted(numbers.length, "prompt")} (${first === last2 ? `prompt ${first}` : `between prompts ${first} and ${last2}`}, ${exactNumber(chars)} characters) left out to fit the size budget: ${whereVerbatim} has them verbatim._`
    );
    skipped = [];
  };
  all.forEach((group, index) => {
    if (shown.has(index)) {
      flush();
      parts.push(texts[index]);
    } else skipped.push(group);
  });
  flush();
  return parts.join("\n\n");
}
var init_render_prompts = __esm({
  "src/handoff/render-prompts.ts"() {
    "use strict";
    init_format();
    init_markdown();
  }
});

// src/handoff/excerpt.ts
function clip(kept2, max) {
  if (kept2.text.length <= max && kept2.chars <= KEPT_CHARS2) return kept2.text;
  return `${kept2.text.slice(0, max)}
\u2026 ${cutNote(kept2.chars)}`;
}
function headAndTail(kept2, limit) {
  const whole2 = kept2.tail === void 0 ? kept2.text : null;
  if (whole2 !== null && whole2.length <= limit.chars && lineCount(whole2) <= limit.lines) return whole2;
  const head = firstLines2(kept2.text, Math.floor(limit.chars / 3), Math.floor(limit.lines / 3));
  const tail = lastLines(kept2.tail ?? kept2.text, limit.chars - head.length, limit.lines - lineCount(head));
  return `${head}
\u2026 ${cutNote(kept2.chars)} \u2026
${tail}`;
}
function lineCount(text2) {
  let count = 1;
  for (let at = text2.indexOf("\n"); at !== -1; at = text2.indexOf("\n", at + 1)) count++;
  return count;
}
function firstLines2(text2, chars, lines2) {
  const taken = text2.split("\n", Math.max(1, lines2)).join("\n");
  return taken.length <= chars ? taken : taken.slice(0, chars);
}
function lastLines(text2, chars, lines2) {
  const all = text2.split("\n");
  const taken = all.slice(-Math.max(1, lines2)).join("\n");
  return taken.length <= chars ? taken : taken.slice(-Math.max(1, chars));
}
var cutNote;
var init_excerpt = __esm({
  "src/handoff/excerpt.ts"() {
    "use strict";
    init_format();
    init_facts();
    cutNote = (chars) => `[cut: ${exactNumber(chars)} chars in full]`;
  }
});

// src/handoff/render-work.ts
function summarizeActions(actions) {
  const counts = /* @__PURE__ */ new Map();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => count > 1 ? `${action} \xD7${count}` : action).join("; ");
}
function mostRun(commands) {
  const counts = /* @__PURE__ */ new Map();
  for (const command of commands) {
    const short = command.command.replace(/\s+/g, " ").slice(0, 80);
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return top.map(([command, count]) => `\`${command}\`${count > 1 ? ` \xD7${count}` : ""}`).join(", ");
}
function commandsList(facts, where) {
  const { commands } = facts;
  if (!commands.length) return null;
  const failed = commands.filter((command) => command.ok === false).length;
  const detailed = Math.min(commands.length, NEWEST.commands);
  const offset = commands.length - detailed;
  const items = commands.slice(offset).map((command, index) => {
    const outcome = command.ok === null ? "no result recorded" : command.ok ? "ok" : "**failed**";
    const head = `${offset + index + 1}. \`${command.command.replace(/\s+/g, " ").slice(0, 300)}\` \u2014 ${outcome} (after prompt ${command.turn})${command.description ? ` \u2014 ${command.description}` : ""}`;
    const text2 = command.output?.text.trim() ? `${head}

${indent(fenced(headAndTail(command.output, command.ok === false ? OUTPUT.failed : OUTPUT.ok).trimEnd()))}` : head;
    return { turn: command.turn, text: text2 };
  });
  return {
    title: "Commands",
    total: commands.length,
    items,
    intro: `${commands.length} run, ${failed} failed.`,
    separator: "\n",
    omitted(count) {
      const older = commands.slice(0, count);
      const olderFailed = older.filter((command) => command.ok === false).length;
      return `(${counted(count, "earlier command")} not shown, ${olderFailed} of them failed, after prompts ${older[0].turn}\u2013${older.at(-1).turn}; most run: ${mostRun(older)}. ${where} has them all.)`;
    }
  };
}
function errorsList(facts, where) {
  const { errors } = facts;
  if (!errors.length) return null;
  const offset = errors.length - Math.min(errors.length, NEWEST.errors);
  return {
    title: "Errors",
    total: errors.length,
    items: errors.slice(offset).map((error) => ({
      turn: error.turn,
      text: `- after prompt ${error.turn}, ${error.source}:

${indent(fenced(clip(error.message, LIMITS2.error)))}`
    })),
    intro: "",
    separator: "\n",
    omitted: (count) => `(${counted(count, "earlier error")} not shown; ${where} has them.)`
  };
}
function subagentsList(facts, where) {
  const { subagents } = facts;
  if (!subagents.length) return null;
  const offset = subagents.length - Math.min(subagents.length, NEWEST.subagents);
  return {
    title: "Subagents",
    total: subagents.length,
    items: subagents.slice(offset).map((agent) => {
      const report = agent.report === null ? "No report recorded." : `Report:

${quoted2(clip(agent.report, LIMITS2.report))}`;
      return {
        turn: agent.turn,
        text: `### ${agent.description}${agent.type ? ` (${agent.type})` : ""} \u2014 after prompt ${agent.turn}

Prompt:

${quoted2(clip(agent.prompt, LIMITS2.subagentPrompt))}

${report}`
      };
    }),
    intro: "",
    separator: "\n\n",
    omitted: (count) => `(${counted(count, "earlier subagent")} not shown; ${where} has their prompts and reports.)`
  };
}
function turnsList(facts, where) {
  const active = facts.turns.filter((turn) => turn.actions.length || turn.replies.length);
  if (!active.length) return null;
  const offset = active.length - Math.min(active.length, NEWEST.turns);
  return {
    title: "What happened, prompt by prompt",
    total: active.length,
    items: active.slice(offset).map((turn) => {
      const title = turn.prompt === 0 ? "Before the first prompt" : `After prompt ${turn.prompt}`;
      const actions = turn.actions.length ? `${counted(turn.actions.length, "tool call")}: ${summarizeActions(turn.actions)}` : "No tool calls.";
      const replies = turn.replies.length ? `

The agent said:

${turn.replies.map((reply) => quoted2(clip(reply, LIMITS2.assistantText))).join("\n>\n")}` : "";
      return { turn: turn.prompt, text: `### ${title}

${actions}${replies}` };
    }),
    intro: "",
    separator: "\n\n",
    omitted(count) {
      const older = active.slice(0, count);
      const calls = older.reduce((sum, turn) => sum + turn.actions.length, 0);
      return `(What ${counted(count, "earlier prompt")} led to is not shown: ${counted(calls, "tool call")} after prompts ${older[0].prompt}\u2013${older.at(-1).prompt}; ${where} has every step.)`;
    }
  };
}
function workLists(facts, where) {
  return [commandsList, errorsList, subagentsList, turnsList].map((list) => list(facts, where)).filter((list) => list !== null);
}
function workChars(facts, where) {
  return workLists(facts, where).reduce(
    (sum, list) => sum + list.title.length + list.intro.length + list.omitted(list.total).length + 16 + list.items.reduce((items, item) => items + item.text.length + 2, 0),
    0
  );
}
function workSections(facts, room, where) {
  const lists = workLists(facts, where);
  let left = room - lists.reduce((sum, list) => sum + list.title.length + list.intro.length + list.omitted(list.total).length + 16, 0);
  const order = lists.flatMap((list, listIndex) => list.items.map((item, index) => ({ listIndex, index, item }))).sort((a, b) => b.item.turn - a.item.turn || a.listIndex - b.listIndex || b.index - a.index);
  const shownFrom = lists.map((list) => list.items.length);
  for (const { listIndex, index, item } of order) {
    const cost = item.text.length + 2;
    if (cost > left) break;
    shownFrom[listIndex] = index;
    left -= cost;
  }
  return lists.map((list, listIndex) => {
    const from = shownFrom[listIndex];
    const hidden = list.total - (list.items.length - from);
    const shown = list.items.slice(from).map((item) => item.text);
    const lead = [list.intro, hidden > 0 ? list.omitted(hidden) : ""].filter(Boolean);
    return [list.title, [...lead, shown.join(list.separator)].filter(Boolean).join("\n\n")];
  });
}
var LIMITS2, OUTPUT;
var init_render_work = __esm({
  "src/handoff/render-work.ts"() {
    "use strict";
    init_format();
    init_excerpt();
    init_facts();
    init_markdown();
    LIMITS2 = { report: 4e3, assistantText: 1500, error: 1500, subagentPrompt: 1500 };
    OUTPUT = { ok: { chars: 1200, lines: 24 }, failed: { chars: 3e3, lines: 60 } };
  }
});

// src/handoff/size-budget.ts
function defaultHandoffChars(contextWindow) {
  return Math.max(MIN_HANDOFF_CHARS, Math.round(contextWindow * CHARS_PER_WINDOW_TOKEN));
}
function shareByWeight(budget, parts) {
  const given = parts.map(() => 0);
  let left = Math.max(0, budget);
  let open = parts.map((_, index) => index).filter((index) => parts[index].need > 0);
  while (open.length && left > 0) {
    const weights = open.reduce((sum, index) => sum + parts[index].weight, 0);
    const satisfied = open.filter(
      (index) => parts[index].need - given[index] <= left * parts[index].weight / weights
    );
    if (!satisfied.length) {
      for (const index of open) given[index] += Math.floor(left * parts[index].weight / weights);
      break;
    }
    for (const index of satisfied) {
      left -= parts[index].need - given[index];
      given[index] = parts[index].need;
    }
    open = open.filter((index) => !satisfied.includes(index));
  }
  return given;
}
var CHARS_PER_WINDOW_TOKEN;
var init_size_budget = __esm({
  "src/handoff/size-budget.ts"() {
    "use strict";
    init_handoff_size();
    CHARS_PER_WINDOW_TOKEN = 0.2;
  }
});

// src/handoff/render.ts
function boundedNote(text2) {
  if (text2.length <= NOTE_LIMIT) return text2;
  const kept2 = text2.slice(0, NOTE_LIMIT);
  const open = kept2.split("\n").reduce((fence, line) => {
    const mark = /^\s*(`{3,})/.exec(line)?.[1];
    if (!mark) return fence;
    return fence === null ? mark : line.trim() === fence ? null : fence;
  }, null);
  return `${kept2}${open ? `
${open}` : ""}
\u2026 [cut: this note was ${exactNumber(text2.length)} chars; the last ${exactNumber(text2.length - NOTE_LIMIT)} were not kept]`;
}
function renderHandoff(input) {
  const { facts } = input;
  const where = `The transcript \`${input.transcriptPath}\`${input.earlier.length ? " (and the earlier handoffs listed below)" : ""}`;
  const head = renderHeader(input);
  const footer = `---
${input.resumeInstruction}
`;
  const fixed = [
    notesSection(input.notes, input.origin),
    tasksSection(facts),
    compactionsSection(facts),
    gitSection(input.git),
    earlierSection(input.earlier)
  ];
  const fixedChars = head.length + footer.length + fixed.reduce((sum, section) => sum + (section ? section[0].length + section[1].length + 8 : 0), 0);
  const flexible = input.maxChars - fixedChars - requiredPromptChars(facts.prompts) - 200;
  const [promptRoom = 0, workRoom = 0, filesRoom = 0] = shareByWeight(flexible, [
    { need: promptsNeed(facts), weight: 5 },
    { need: workChars(facts, where), weight: 4 },
    { need: filesChars(facts), weight: 1 }
  ]);
  const [notes, tasks, compactions, git2, earlier] = fixed;
  const sections = [
    notes,
    [
      "User prompts (verbatim)",
      promptsBody(facts.prompts, requiredPromptChars(facts.prompts) + promptRoom, where)
    ],
    tasks,
    filesSection(facts, filesRoom),
    ...workSections(facts, workRoom, where),
    compactions,
    git2,
    earlier
  ].filter((section) => section !== null && section !== void 0 && section[1].trim() !== "");
  const body = sections.map(([title, text2]) => `## ${title}

${text2.trimEnd()}`).join("\n\n");
  return {
    markdown: `${head}

${body ? `${body}

` : ""}${footer}`,
    sections: sections.map(([title]) => title)
  };
}
function promptsNeed(facts) {
  return promptsBody(facts.prompts, Number.MAX_SAFE_INTEGER, "").length;
}
function notesSection(notes, origin) {
  const body = Object.keys(NOTE_TITLES).flatMap((key) => {
    const note = notes[key]?.trim();
    return note ? [`### ${NOTE_TITLES[key]}

${boundedNote(note)}`] : [];
  }).join("\n\n");
  const lines2 = [origin.writtenBy ? `_${origin.writtenBy}_` : ""];
  if (origin.carried) {
    const { carried } = origin;
    lines2.push(
      `_The agent's notes below are carried forward from its handoff \`${carried.path}\`: notes from ${readableTime(carried.writtenAt)}, ${counted(carried.promptsSince, "prompt")} and ${counted(carried.toolCallsSince, "tool call")} ago. What happened since is in the sections that follow._`
    );
  } else if (origin.writtenBy && !body) {
    lines2.push(
      "_The agent has not written notes in this session (write_handoff); the sections below are what the transcript says._"
    );
  }
  return ["Agent's notes", [...lines2.filter(Boolean), body].filter(Boolean).join("\n\n")];
}
function readableTime(iso) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
function tasksSection(facts) {
  return [
    "Task list (latest)",
    facts.tasks.map((task) => `- [${task.status === "completed" ? "x" : " "}] #${task.id} ${task.subject} \u2014 ${task.status}`).join("\n")
  ];
}
function fileRows(facts) {
  return [...facts.files].sort(
    (a, b) => b.added + b.removed - (a.added + a.removed) || b.edits + b.writes - (a.edits + a.writes) || b.reads - a.reads || a.path.localeCompare(b.path)
  ).map((file) => {
    const lines2 = file.added || file.removed ? `+${file.added} \u2212${file.removed}` : "";
    return `| \`${file.path}\` | ${file.reads || ""} | ${file.edits || ""} | ${file.writes || ""} | ${lines2} |`;
  });
}
function filesChars(facts) {
  return fileRows(facts).reduce((sum, row) => sum + row.length + 1, 0);
}
function filesSection(facts, room) {
  if (!facts.files.length) return null;
  const rows = fileRows(facts);
  const changed = facts.files.filter((file) => file.edits || file.writes);
  const added = changed.reduce((sum, file) => sum + file.added, 0);
  const removed = changed.reduce((sum, file) => sum + file.removed, 0);
  const stat = changed.length ? ` (${exactNumber(added)} lines added, ${exactNumber(removed)} removed by the session's edits)` : "";
  let kept2 = 0;
  for (let left = room; kept2 < rows.length && rows[kept2].length + 1 <= left; kept2++) left -= rows[kept2].length + 1;
  const rest = rows.length - kept2;
  const more = rest ? `

(${counted(rest, "more file")} not listed, each touched less; the transcript has every call.)` : "";
  const table = kept2 ? `

| file | read | edited | written | lines |
| --- | --- | --- | --- | --- |
${rows.slice(0, kept2).join("\n")}` : "";
  return ["Files", `${counted(facts.files.length, "file")} touched, ${changed.length} changed${stat}.${table}${more}`];
}
function compactionsSection(facts) {
  const body = facts.compactions.map(
    (compaction) => `- ${compaction.at ?? "unknown time"}: ${compaction.trigger ?? "?"}, ${exactNumber(compaction.preTokens ?? 0)} \u2192 ${exactNumber(compaction.postTokens ?? 0)} tokens`
  ).join("\n");
  return ["Compactions", body];
}
function gitSection(git2) {
  if (!git2) return null;
  const status = git2.status.trim() ? fenced(git2.status.trimEnd()) : "Working tree clean.";
  const diff = git2.diffStat.trim() ? `

Changed against the last commit (\`git diff --stat HEAD\`):

${fenced(git2.diffStat.trimEnd())}` : "";
  return ["Git", `Branch: \`${git2.branch ?? "(detached)"}\`

${status}${diff}`];
}
function earlierSection(earlier) {
  const oldestFirst = [...earlier].sort((a, b) => a.modified.localeCompare(b.modified) || a.path.localeCompare(b.path));
  const shown = oldestFirst.slice(-EARLIER_SHOWN);
  const older = oldestFirst.length - shown.length;
  return [
    "Earlier handoffs of this session",
    (older ? `(${counted(older, "older handoff")} of this session in the same folder.)
` : "") + shown.map((handoff) => `- ${handoff.modified}: \`${handoff.path}\``).join("\n")
  ];
}
function renderHeader(input) {
  const { facts, context } = input;
  const lines2 = [
    `# Handoff${facts.projectDir ? ` \u2014 ${facts.projectDir}` : ""}`,
    "",
    `- Written: ${input.writtenAt} by ctx-monitor`,
    `- Session: \`${facts.sessionId ?? "unknown"}\`${facts.startedAt ? `, started ${facts.startedAt}` : ""}${facts.lastAt ? `, last record ${facts.lastAt}` : ""}`,
    `- Transcript: \`${input.transcriptPath}\``
  ];
  if (facts.model) lines2.push(`- Model: ${facts.model}`);
  if (context) {
    const autocompact = context.autocompactAt === null ? "auto-compact off" : `auto-compact expected at ${exactNumber(context.autocompactAt)}`;
    lines2.push(
      `- Context: ${exactNumber(context.usedTokens)}${context.estimated ? " (estimated)" : ""} of ${exactNumber(context.contextWindow)} tokens (${context.usedPercent}%), ${autocompact}, status ${context.status}, ${counted(context.compactions, "compaction")} so far`
    );
  }
  lines2.push(
    `- Contents: ${counted(facts.prompts.length, "user prompt")}, ${counted(facts.files.length, "file")}, ${counted(facts.commands.length, "command")}, ${counted(facts.subagents.length, "subagent")}`
  );
  return lines2.join("\n");
}
var NOTE_TITLES, EARLIER_SHOWN, NOTE_LIMIT;
var init_render = __esm({
  "src/handoff/render.ts"() {
    "use strict";
    init_format();
    init_markdown();
    init_render_prompts();
    init_render_work();
    init_size_budget();
    NOTE_TITLES = {
      goal: "Goal",
      currentState: "Current state",
      decisions: "Decisions and why",
      nextSteps: "Next steps",
      openQuestions: "Open questions",
      warnings: "Warnings"
    };
    EARLIER_SHOWN = 20;
    NOTE_LIMIT = 64e3;
  }
});

// src/handoff/write-handoff.ts
var write_handoff_exports = {};
__export(write_handoff_exports, {
  configuredHandoffDir: () => configuredHandoffDir,
  createHandoffDeps: () => createHandoffDeps,
  factsReader: () => factsReader,
  readFacts: () => readFacts,
  writeHandoff: () => writeHandoff
});
function factsReader() {
  return new IncrementalReader(() => new FactCollector());
}
function createHandoffDeps(runtime, usage) {
  return { runtime, usage, facts: factsReader(), git: gitSnapshot };
}
function readFacts(transcriptPath, reader = factsReader()) {
  return reader.read(transcriptPath).reducer.result();
}
function configuredHandoffDir(runtime) {
  return loadSettings(runtime).handoffDir;
}
function carriedOrigin(carried, facts, writtenBy) {
  if (!carried) return { writtenBy, carried: null };
  return {
    writtenBy,
    carried: {
      path: carried.handoffPath,
      writtenAt: carried.writtenAt,
      promptsSince: Math.max(0, facts.prompts.length - carried.prompts),
      toolCallsSince: Math.max(0, facts.toolCalls - carried.toolCalls)
    }
  };
}
async function writeHandoff(request2, deps) {
  const { runtime } = deps;
  const usage = await readContextUsage(request2, deps.usage);
  const transcriptPath = usage.subagent?.parentTranscriptPath ?? usage.transcriptPath;
  const facts = readFacts(transcriptPath, deps.facts);
  const projectDir = sessionProjectDir(runtime, request2.projectDir, facts.projectDir);
  const now = runtime.now();
  const fileName = handoffFileName(now, usage.sessionId, request2.name);
  const folder = ensureHandoffFolder(handoffFolder(configuredHandoffDir(runtime), projectDir));
  const earlier = listHandoffs(folder).filter((handoff) => isHandoffOfSession(handoff.name, usage.sessionId)).map((handoff) => ({ path: handoff.path, modified: handoff.modified }));
  const git2 = await deps.git(projectDir);
  const noteRedactions = {};
  const own = !request2.writtenBy && hasNotes(request2.notes);
  const carried = own ? null : newestAgentNotes(folder, usage.sessionId);
  const notes = own ? redactNotes(request2.notes, noteRedactions) : carried?.notes ?? {};
  const settings = loadSettings(runtime);
  const maxChars = request2.maxChars ?? settings.handoffMaxChars ?? defaultHandoffChars(usage.contextWindow);
  const sizeProblems = settings.problems.filter((problem) => /handoff size/.test(problem));
  const rendered = renderHandoff({
    facts: { ...facts, sessionId: facts.sessionId ?? usage.sessionId, projectDir },
    notes,
    origin: carriedOrigin(carried, facts, request2.writtenBy ?? null),
    maxChars,
    writtenAt: now.toISOString(),
    transcriptPath,
    context: usage.subagent ? null : contextFigures(usage),
    git: git2,
    earlier,
    resumeInstruction: `${RESUME_HINT} (or read the resource ctx-monitor://handoffs/latest), then ${notes.nextSteps?.trim() ? "continue from its next steps" : "pick up from the newest user prompt and what happened after it"}.`
  });
  const redacted2 = redactSecrets(rendered.markdown);
  const redactions = [redacted2.counts, noteRedactions, facts.redactions].flatMap((counts) => Object.values(counts)).reduce((sum, count) => sum + count, 0);
  const path = writeNewHandoff(folder, fileName, redacted2.text);
  writeHandoffRecord(folder, {
    sessionId: usage.sessionId,
    handoffPath: path,
    writtenAt: now.toISOString(),
    notes: own ? notes : {},
    prompts: facts.prompts.length,
    toolCalls: facts.toolCalls,
    writer: request2.writer ?? null
  });
  const bytes = Buffer.byteLength(redacted2.text);
  const failedCommands = facts.commands.filter((command) => command.ok === false).length;
  return {
    path,
    bytes,
    sections: rendered.sections,
    sessionId: usage.sessionId,
    transcriptPath,
    projectDir,
    promptsIncluded: facts.prompts.length,
    filesTouched: facts.files.length,
    commandsRun: facts.commands.length,
    failedCommands,
    redactions,
    earlierHandoffs: earlier.length,
    maxChars,
    notesCarriedFrom: carried?.handoffPath ?? null,
    resumeInstruction: `${RESUME_HINT}: ${path}.`,
    summary: `Handoff written to ${path} (${exactNumber(bytes)} bytes: ${counted(facts.prompts.length, "prompt")}, ${counted(facts.files.length, "file")}, ${counted(facts.commands.length, "command")}${redactions ? `, ${counted(redactions, "secret")} redacted` : ""}; at most ${exactNumber(maxChars)} characters). ${RESUME_HINT}.${sizeProblems.map((problem) => ` Note: ${problem}.`).join("")}`
  };
}
function redactNotes(notes, counts) {
  const redacted2 = {};
  for (const [key, value] of Object.entries(notes)) {
    if (value === void 0) continue;
    const result = redactSecrets(value);
    for (const [kind, count] of Object.entries(result.counts)) counts[kind] = (counts[kind] ?? 0) + count;
    redacted2[key] = result.text;
  }
  return redacted2;
}
function contextFigures(usage) {
  return {
    usedTokens: usage.usedTokens,
    contextWindow: usage.contextWindow,
    usedPercent: usage.usedPercent,
    autocompactAt: usage.autocompactAt,
    status: usage.status,
    compactions: usage.compactions,
    estimated: usage.estimated
  };
}
var RESUME_HINT;
var init_write_handoff = __esm({
  "src/handoff/write-handoff.ts"() {
    "use strict";
    init_format();
    init_paths();
    init_settings();
    init_read_usage();
    init_redact();
    init_incremental_reader();
    init_agent_notes();
    init_fact_collector();
    init_git();
    init_render();
    init_size_budget();
    init_store2();
    RESUME_HINT = "To resume in a new session, use the ctx-monitor `resume` prompt or read this handoff";
  }
});

// src/integration/hooks/compaction-hooks.ts
var compaction_hooks_exports = {};
__export(compaction_hooks_exports, {
  compactionPointer: () => compactionPointer,
  postCompact: () => postCompact,
  preCompact: () => preCompact
});
function compactionsInTranscript(transcriptPath, runtime) {
  const cache = new CompactionCache((0, import_node_path26.join)(ctxMonitorStateDir(runtime), "scans"));
  return withByteSource(transcriptPath, (source) => cache.scan(source)).count;
}
function sameCompaction(previous, finished, prompts, now) {
  if (!previous || previous.compactionsBefore !== finished || !(0, import_node_fs25.existsSync)(previous.handoffPath)) return false;
  const age = now.getTime() - Date.parse(previous.writtenAt);
  return previous.promptsBefore === prompts || age >= 0 && age < SAME_COMPACTION_MS;
}
async function preCompact(input, runtime) {
  const { createHandoffDeps: createHandoffDeps2, readFacts: readFacts2, writeHandoff: writeHandoff2 } = await Promise.resolve().then(() => (init_write_handoff(), write_handoff_exports));
  const deps = createHandoffDeps2(runtime, createUsageDeps(runtime));
  const transcript = input.transcriptPath && (0, import_node_fs25.existsSync)(input.transcriptPath) ? input.transcriptPath : null;
  const facts = transcript ? readFacts2(transcript, deps.facts) : null;
  const finished = transcript ? Math.max(
    compactionsInTranscript(transcript, runtime),
    readHookMemory(runtime, input.sessionId).compactionsPointedPast
  ) : 0;
  const previous = readCompactionRecord(runtime, input.sessionId);
  if (facts && sameCompaction(previous, finished, userPrompts(facts).length, runtime.now())) return "";
  const written = await writeHandoff2(
    {
      ...request(input, runtime),
      name: PRE_COMPACT_LABEL,
      notes: {},
      writtenBy: AUTOMATIC_HANDOFF_NOTE,
      writer: "pre-compact"
    },
    deps
  );
  if (transcript) {
    const handoff = { path: written.path, writtenAt: runtime.now().toISOString() };
    const record = compactionRecordOf(readFacts2(transcript, deps.facts), finished, handoff, input.trigger);
    writeCompactionRecord(runtime, input.sessionId, record);
  }
  return "";
}
async function sessionHandoffs(input, runtime) {
  const { configuredHandoffDir: configuredHandoffDir2 } = await Promise.resolve().then(() => (init_write_handoff(), write_handoff_exports));
  const { handoffFolder: handoffFolder2, isHandoffOfSession: isHandoffOfSession2, listHandoffs: listHandoffs2 } = await Promise.resolve().then(() => (init_store2(), store_exports));
  const folder = handoffFolder2(configuredHandoffDir2(runtime), projectOf(input, runtime)).path;
  const newest = listHandoffs2(folder).find((handoff) => isHandoffOfSession2(handoff.name, input.sessionId))?.path ?? null;
  return { folder, newest };
}
function handoffText(folder, path) {
  try {
    return readHandoff(folder, path);
  } catch {
    return "";
  }
}
function recordFor(runtime, sessionId, compaction) {
  const record = readCompactionRecord(runtime, sessionId);
  return record && record.compactionsBefore + 1 === compaction && (0, import_node_fs25.existsSync)(record.handoffPath) ? record : null;
}
async function compactionPointer(input, runtime) {
  if (!input.transcriptPath || !(0, import_node_fs25.existsSync)(input.transcriptPath)) return "";
  const inTranscript = compactionsInTranscript(input.transcriptPath, runtime);
  const memory = readHookMemory(runtime, input.sessionId);
  const previous = readCompactionRecord(runtime, input.sessionId);
  const compaction = input.source === "compact" ? Math.max(inTranscript, memory.compactionsPointedPast + 1, (previous?.compactionsBefore ?? -1) + 1) : inTranscript;
  if (compaction <= memory.compactionsPointedPast) return "";
  const record = recordFor(runtime, input.sessionId, compaction);
  const { folder, newest } = await sessionHandoffs(input, runtime);
  const notes = newestAgentNotes(folder, input.sessionId);
  const handoff = record?.handoffPath ?? null;
  const markdown = handoff ? handoffText(folder, handoff) : "";
  const summaryKnown = inTranscript >= compaction;
  const losses = summaryKnown ? summaryLosses(withByteSource(input.transcriptPath, newestCompactionSummary), record, notes) : null;
  if (losses && record) writeLostFile(record, losses.full, "the transcript's summary record");
  writeHookMemory(runtime, input.sessionId, {
    ...memory,
    compactionsPointedPast: compaction,
    warnedStatus: "ok",
    lostPending: summaryKnown ? null : memory.lostPending
  });
  return handoffPointer({
    trigger: record?.trigger ?? null,
    handoffPath: handoff,
    earlierHandoff: handoff ? null : newest,
    transcriptPath: input.transcriptPath,
    firstPrompt: record?.firstPrompt ?? previous?.firstPrompt ?? firstPromptOfHandoff(markdown),
    notes: notes ? {
      nextSteps: notes.notes.nextSteps?.trim() || null,
      openQuestions: notes.notes.openQuestions?.trim() || null,
      from: notes.handoffPath,
      writtenAt: notes.writtenAt
    } : {
      nextSteps: noteSection(markdown, "Next steps"),
      openQuestions: noteSection(markdown, "Open questions"),
      from: null,
      writtenAt: null
    },
    losses: losses?.short ?? null,
    compactions: compaction - memory.compactionsPointedPast
  });
}
async function postCompact(input, runtime) {
  if (!input.transcriptPath || !(0, import_node_fs25.existsSync)(input.transcriptPath)) return "";
  const memory = readHookMemory(runtime, input.sessionId);
  const compaction = Math.max(compactionsInTranscript(input.transcriptPath, runtime), memory.compactionsPointedPast);
  const record = recordFor(runtime, input.sessionId, compaction);
  const { folder } = await sessionHandoffs(input, runtime);
  const summary = input.compactSummary ?? withByteSource(input.transcriptPath, newestCompactionSummary);
  const losses = summaryLosses(summary, record, newestAgentNotes(folder, input.sessionId));
  if (record) writeLostFile(record, losses.full, input.compactSummary !== null ? "PostCompact" : "the transcript");
  writeHookMemory(runtime, input.sessionId, { ...memory, lostPending: `[ctx-monitor] ${losses.short}` });
  return "";
}
var import_node_fs25, import_node_path26, AUTOMATIC_HANDOFF_NOTE, SAME_COMPACTION_MS;
var init_compaction_hooks = __esm({
  "src/integration/hooks/compaction-hooks.ts"() {
    "use strict";
    import_node_fs25 = require("fs");
    import_node_path26 = require("path");
    init_paths();
    init_read_usage();
    init_agent_notes();
    init_store2();
    init_byte_source();
    init_compaction_cache();
    init_agent_notes2();
    init_compaction_record();
    init_compaction_summary();
    init_handoff_pointer();
    init_hook_memory();
    init_hook_scope();
    init_summary_lost_file();
    AUTOMATIC_HANDOFF_NOTE = "Written automatically by the ctx-monitor PreCompact hook just before Claude Code compacted the conversation: it holds what the transcript says, not the agent's own notes (goal, state, decisions, next steps).";
    SAME_COMPACTION_MS = 10 * 6e4;
  }
});

// src/commands/hook.ts
var hook_exports = {};
__export(hook_exports, {
  hookCommand: () => hookCommand,
  runHook: () => runHook
});
module.exports = __toCommonJS(hook_exports);
var import_node_path27 = require("path");
init_user_error();
init_paths();

// src/claude/plugin-presence.ts
var import_node_fs = require("fs");
var import_node_path2 = require("path");
init_paths();
function runningAsPlugin(runtime) {
  return Boolean(runtime.env.CLAUDE_PLUGIN_ROOT?.trim());
}
function enabledPlugin(runtime) {
  let text2;
  try {
    text2 = (0, import_node_fs.readFileSync)((0, import_node_path2.join)(claudeConfigDir(runtime), "settings.json"), "utf8");
  } catch {
    return null;
  }
  try {
    const enabled = JSON.parse(text2).enabledPlugins;
    if (typeof enabled !== "object" || enabled === null) return null;
    const id = Object.entries(enabled).find(([key, on]) => on === true && key.startsWith("ctx-monitor@"))?.[0];
    return id ?? null;
  } catch {
    return null;
  }
}
function installedTwiceNotice(pluginId) {
  return `[ctx-monitor] installed twice: as the plugin ${pluginId} and by \`ctx-monitor install\`; the plugin's hooks run and these stay silent. Run \`ctx-monitor uninstall\` to remove the second.`;
}

// src/claude/stdin-json.ts
var import_node_fs2 = require("fs");
function readStdinText(fd = 0) {
  try {
    if ((0, import_node_fs2.fstatSync)(fd).isCharacterDevice()) return "";
    return (0, import_node_fs2.readFileSync)(fd, "utf8");
  } catch {
    return "";
  }
}
function parseJsonObject(text2) {
  try {
    const value = JSON.parse(text2);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
function stringField(object, key) {
  const value = object?.[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}

// src/commands/hook.ts
init_append_private();
init_make_folder();

// src/integration/hooks/handlers.ts
var import_node_fs26 = require("fs");

// src/claude/record-session.ts
var import_node_fs7 = require("fs");
var import_node_path6 = require("path");
init_paths();
init_session_state();
function claudeProcessPid(runtime) {
  const dir = claudeSessionsDir(runtime);
  return runtime.ancestorPids().find((pid) => (0, import_node_fs7.existsSync)((0, import_node_path6.join)(dir, `${pid}.json`))) ?? null;
}
function mergeSessionState(previous, facts, claudePid, now) {
  const same = previous?.sessionId === facts.sessionId ? previous : null;
  return {
    version: 1,
    claudePid,
    sessionId: facts.sessionId,
    transcriptPath: facts.transcriptPath ?? same?.transcriptPath ?? null,
    cwd: facts.cwd ?? same?.cwd ?? null,
    modelId: facts.modelId ?? same?.modelId ?? null,
    contextWindowSize: facts.contextWindowSize ?? same?.contextWindowSize ?? null,
    writtenBy: facts.writtenBy,
    updatedAt: now.toISOString()
  };
}
var STALE_STATE_MS = 7 * 24 * 60 * 6e4;
function pruneStaleStates(runtime) {
  const dir = sessionStateDir(runtime);
  const oldest = runtime.now().getTime() - STALE_STATE_MS;
  for (const name of (0, import_node_fs7.readdirSync)(dir)) {
    try {
      const path = (0, import_node_path6.join)(dir, name);
      if ((0, import_node_fs7.statSync)(path).mtimeMs < oldest) (0, import_node_fs7.unlinkSync)(path);
    } catch {
    }
  }
}
function sameFacts(a, b) {
  const facts = (state) => [
    state.claudePid,
    state.sessionId,
    state.transcriptPath,
    state.cwd,
    state.modelId,
    state.contextWindowSize
  ];
  return JSON.stringify(facts(a)) === JSON.stringify(facts(b));
}
function recordSession(runtime, facts) {
  const claudePid = claudeProcessPid(runtime);
  const path = (0, import_node_path6.join)(sessionStateDir(runtime), sessionStateFileName({ claudePid, sessionId: facts.sessionId }));
  let previous = null;
  try {
    previous = parseSessionState(JSON.parse((0, import_node_fs7.readFileSync)(path, "utf8")));
  } catch {
    previous = null;
  }
  const state = mergeSessionState(previous, facts, claudePid, runtime.now());
  if (previous && sameFacts(previous, state)) return previous;
  writeSessionState(runtime, state);
  if (!previous) pruneStaleStates(runtime);
  return state;
}

// src/integration/hooks/handlers.ts
init_read_usage();

// src/integration/hooks/hook-input.ts
var HOOK_EVENTS = [
  "session-start",
  "user-prompt-submit",
  "post-tool-use",
  "pre-compact",
  "post-compact"
];
function isHookEvent(name) {
  return HOOK_EVENTS.includes(name ?? "");
}
var CLAUDE_EVENT_NAMES = {
  "session-start": "SessionStart",
  "user-prompt-submit": "UserPromptSubmit",
  "post-tool-use": "PostToolUse",
  "pre-compact": "PreCompact",
  "post-compact": "PostCompact"
};
function parseHookInput(text2) {
  const input = parseJsonObject(text2);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const model = input.model;
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    cwd: stringField(input, "cwd"),
    eventName: stringField(input, "hook_event_name"),
    source: stringField(input, "source"),
    // Documented as a string; accept {id} too, as the statusline sends it.
    model: typeof model === "string" && model ? model : stringField(
      typeof model === "object" && model !== null && !Array.isArray(model) ? model : null,
      "id"
    ),
    trigger: stringField(input, "trigger"),
    compactSummary: typeof input.compact_summary === "string" ? input.compact_summary : null
  };
}

// src/integration/hooks/handlers.ts
init_hook_memory();
init_hook_scope();

// src/integration/hooks/usage-warning.ts
var RANK = { ok: 0, warn: 1, critical: 2 };
function usageWarning(usage, warnedStatus) {
  if (usage.subagent) return { text: null, warnedStatus };
  if (RANK[usage.status] <= RANK[warnedStatus]) return { text: null, warnedStatus: usage.status };
  return {
    text: `[ctx-monitor] Context ${usage.status}: ${usage.summary} Give write_handoff (ctx-monitor) your goal, current state, decisions, next steps and open questions, so nothing is lost when Claude Code compacts.`,
    warnedStatus: usage.status
  };
}

// src/integration/hooks/handlers.ts
var compactionHooks = () => Promise.resolve().then(() => (init_compaction_hooks(), compaction_hooks_exports));
async function sessionStart(input, runtime) {
  recordSession(runtime, {
    sessionId: input.sessionId,
    transcriptPath: input.transcriptPath,
    cwd: projectOf(input, runtime),
    modelId: input.model,
    contextWindowSize: null,
    writtenBy: "hook:SessionStart"
  });
  return (await compactionHooks()).compactionPointer(input, runtime);
}
async function usageCheck(input, runtime, event) {
  if (!input.transcriptPath || !(0, import_node_fs26.existsSync)(input.transcriptPath)) return "";
  const usage = await readContextUsage(request(input, runtime), createUsageDeps(runtime));
  const memory = readHookMemory(runtime, input.sessionId);
  const decision = usageWarning(usage, memory.warnedStatus);
  const lost = event === "user-prompt-submit" ? memory.lostPending : null;
  if (decision.warnedStatus !== memory.warnedStatus || lost)
    writeHookMemory(runtime, input.sessionId, { ...memory, warnedStatus: decision.warnedStatus, lostPending: null });
  const text2 = [lost, decision.text].filter(Boolean).join("\n\n");
  if (!text2) return "";
  if (event === "user-prompt-submit") return text2;
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: CLAUDE_EVENT_NAMES[event], additionalContext: text2 }
  });
}
function runHookEvent(event, input, runtime) {
  switch (event) {
    case "pre-compact":
      return compactionHooks().then((hooks) => hooks.preCompact(input, runtime));
    case "session-start":
      return sessionStart(input, runtime);
    case "post-compact":
      return compactionHooks().then((hooks) => hooks.postCompact(input, runtime));
    case "user-prompt-submit":
    case "post-tool-use":
      return usageCheck(input, runtime, event);
  }
}

// src/present/safe-text.ts
var CONTROL = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
);
var OWN_MARK = String.fromCharCode(
  ...Array.from(globalThis.crypto.getRandomValues(new Uint16Array(4)), (random) => 57344 + random % 6400)
);
var OWN_SGR = /^\u001b\[(?:0|1|2|31|32|33)m/;
var JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var QUICK_CHECK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function terminalText(text2, options = {}) {
  if (!QUICK_CHECK.test(text2)) return text2;
  const keepColor = options.color === true;
  const pieces = text2.split(OWN_MARK);
  return pieces.map((piece, index) => {
    const own = index > 0 ? OWN_SGR.exec(piece)?.[0] ?? "" : "";
    return (keepColor ? own : "") + piece.slice(own.length).replace(CONTROL, "");
  }).join("");
}
function jsonEscaped(json2) {
  return json2.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/commands/hook.ts
var WATCHDOG_MS = { "pre-compact": 45e3, other: 1e4 };
function hookLogPath(runtime) {
  return (0, import_node_path27.join)(ctxMonitorStateDir(runtime), "hooks.log");
}
function logProblem(runtime, event, message) {
  try {
    makeFolder(ctxMonitorStateDir(runtime), 448, STATE_DIR_SETTING);
    appendPrivate(
      hookLogPath(runtime),
      `${runtime.now().toISOString()} hook ${event}: ${message.replace(/\s+/g, " ")}
`
    );
  } catch {
  }
}
async function hookOutput(event, text2, runtime) {
  if (!isHookEvent(event))
    throw new UserError(`unknown hook event ${JSON.stringify(event)}; expected one of ${HOOK_EVENTS.join(", ")}`);
  const input = parseHookInput(text2);
  if (!input) throw new UserError("no hook input on stdin (a JSON object with session_id)");
  const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
  if (plugin) return event === "session-start" ? installedTwiceNotice(plugin) : "";
  return runHookEvent(event, input, runtime);
}
function safeHookText(output) {
  return output.startsWith("{") ? jsonEscaped(output) : terminalText(output);
}
async function runHook(event, runtime, out, stdinFd = 0) {
  const watchdog = setTimeout(
    () => {
      logProblem(runtime, event ?? "?", "gave up: took too long");
      process.exit(0);
    },
    event === "pre-compact" ? WATCHDOG_MS["pre-compact"] : WATCHDOG_MS.other
  );
  watchdog.unref();
  try {
    const text2 = readStdinText(stdinFd);
    const output = await hookOutput(event, text2, runtime);
    if (output) out.stdout(safeHookText(output.endsWith("\n") ? output : `${output}
`));
  } catch (error) {
    logProblem(runtime, event ?? "?", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(watchdog);
  }
  return 0;
}
var hookCommand = {
  name: "hook",
  summary: "Claude Code hook (its JSON on stdin): context warnings, a handoff before compaction, a pointer after it",
  synopsis: `<${HOOK_EVENTS.join(" | ")}> < hook-input.json`,
  options: {},
  arguments: ["EVENT"],
  run: (context) => runHook(context.positionals[0], context.runtime, context.out)
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  hookCommand,
  runHook
});
