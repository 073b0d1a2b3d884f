#!/usr/bin/env node
const __ctxMonitorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};

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

// src/claude/compact-settings.ts
function compactSettingsFiles(runtime, projectDir) {
  return [
    MANAGED_SETTINGS,
    (0, import_node_path2.join)(projectDir, ".claude", "settings.local.json"),
    (0, import_node_path2.join)(projectDir, ".claude", "settings.json"),
    (0, import_node_path2.join)(claudeConfigDir(runtime), "settings.json"),
    claudeGlobalConfigPath(runtime)
  ];
}
function readObject(path) {
  try {
    const value = JSON.parse((0, import_node_fs2.readFileSync)(path, "utf8"));
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
var import_node_fs2, import_node_path2, MANAGED_SETTINGS;
var init_compact_settings = __esm({
  "src/claude/compact-settings.ts"() {
    "use strict";
    import_node_fs2 = require("fs");
    import_node_path2 = require("path");
    init_paths();
    MANAGED_SETTINGS = "/etc/claude-code/managed-settings.json";
  }
});

// src/fs-failure.ts
var init_fs_failure = __esm({
  "src/fs-failure.ts"() {
    "use strict";
  }
});

// src/user-error.ts
var UserError;
var init_user_error = __esm({
  "src/user-error.ts"() {
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

// src/fs/make-folder.ts
function makeFolder(path, mode, setting) {
  const { existing, missing } = deepestExisting(path);
  const refuse = (detail) => new FolderError(
    existing === path ? `${path} ${detail}` : `cannot create the folder ${path}: ${existing} ${detail}`
  );
  let stat;
  try {
    stat = (0, import_node_fs3.statSync)(existing);
  } catch {
    throw refuse(`is a symlink to nothing; remove it or set ${setting}`);
  }
  if (stat.isFile()) (0, import_node_fs3.mkdirSync)(missing[0] ?? path, { mode });
  if (!stat.isDirectory()) throw refuse(`is ${kindOf(stat)}, not a folder; set ${setting} to a folder`);
  const kernel = kernelFileSystem(existing);
  if (kernel)
    throw refuse(
      `is on a kernel file system (${kernel}), which holds no files of ours; set ${setting} to a folder on disk`
    );
  for (const folder of missing) {
    try {
      (0, import_node_fs3.mkdirSync)(folder, { mode });
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT")
        throw new FolderError(
          `cannot create the folder ${folder}: the file system there makes no folders; set ${setting} to a folder on disk`
        );
      if (code !== "EEXIST" || !(0, import_node_fs3.statSync)(folder).isDirectory()) throw error;
    }
  }
}
function deepestExisting(path) {
  const missing = [];
  for (let at = path; ; at = (0, import_node_path3.dirname)(at)) {
    try {
      (0, import_node_fs3.lstatSync)(at);
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
    return KERNEL_FILE_SYSTEMS.get((0, import_node_fs3.statfsSync)(path).type) ?? null;
  } catch {
    return null;
  }
}
var import_node_fs3, import_node_path3, FolderError, KERNEL_FILE_SYSTEMS;
var init_make_folder = __esm({
  "src/fs/make-folder.ts"() {
    "use strict";
    import_node_fs3 = require("fs");
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

// src/fs/atomic-write.ts
function writeNewFile(folder, names, content, mode) {
  const first = names[0];
  if (first === void 0) return null;
  return withTemporary((0, import_node_path4.join)(folder, first), content, mode, (temporary) => {
    for (const name2 of names) {
      const candidate = (0, import_node_path4.join)(folder, name2);
      try {
        (0, import_node_fs4.linkSync)(temporary, candidate);
        return candidate;
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
    }
    return null;
  });
}
function replaceFile(path, content, mode) {
  withTemporary(path, content, mode, (temporary) => (0, import_node_fs4.renameSync)(temporary, path));
}
function withTemporary(target, content, mode, use) {
  const temporary = (0, import_node_path4.join)((0, import_node_path4.dirname)(target), `.${(0, import_node_path4.basename)(target)}.${process.pid}.${(0, import_node_crypto.randomBytes)(6).toString("hex")}.tmp`);
  const fd = (0, import_node_fs4.openSync)(temporary, "wx", mode);
  try {
    try {
      (0, import_node_fs4.fchmodSync)(fd, mode);
      const bytes = Buffer.from(content, "utf8");
      for (let at = 0; at < bytes.length; ) at += (0, import_node_fs4.writeSync)(fd, bytes, at, bytes.length - at);
      (0, import_node_fs4.fsyncSync)(fd);
    } catch (error) {
      error.path ??= target;
      throw error;
    } finally {
      (0, import_node_fs4.closeSync)(fd);
    }
    return use(temporary);
  } finally {
    try {
      (0, import_node_fs4.unlinkSync)(temporary);
    } catch {
    }
  }
}
var import_node_crypto, import_node_fs4, import_node_path4;
var init_atomic_write = __esm({
  "src/fs/atomic-write.ts"() {
    "use strict";
    import_node_crypto = require("crypto");
    import_node_fs4 = require("fs");
    import_node_path4 = require("path");
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
    return parseSessionState(JSON.parse((0, import_node_fs5.readFileSync)(path, "utf8")));
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
    names = (0, import_node_fs5.readdirSync)(sessionStateDir(runtime)).filter((name2) => name2.endsWith(".json"));
  } catch {
    return null;
  }
  let newest2 = null;
  for (const name2 of names) {
    const state = readStateFile((0, import_node_path5.join)(sessionStateDir(runtime), name2));
    if (state?.sessionId === sessionId && (!newest2 || state.updatedAt > newest2.updatedAt)) newest2 = state;
  }
  return newest2;
}
var import_node_fs5, import_node_path5;
var init_session_state = __esm({
  "src/claude/session-state.ts"() {
    "use strict";
    init_make_folder();
    import_node_fs5 = require("fs");
    import_node_path5 = require("path");
    init_atomic_write();
    init_paths();
  }
});

// src/claude/record-session.ts
function claudeProcessPid(runtime) {
  const dir = claudeSessionsDir(runtime);
  return runtime.ancestorPids().find((pid) => (0, import_node_fs6.existsSync)((0, import_node_path6.join)(dir, `${pid}.json`))) ?? null;
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
function pruneStaleStates(runtime) {
  const dir = sessionStateDir(runtime);
  const oldest = runtime.now().getTime() - STALE_STATE_MS;
  for (const name2 of (0, import_node_fs6.readdirSync)(dir)) {
    try {
      const path = (0, import_node_path6.join)(dir, name2);
      if ((0, import_node_fs6.statSync)(path).mtimeMs < oldest) (0, import_node_fs6.unlinkSync)(path);
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
    previous = parseSessionState(JSON.parse((0, import_node_fs6.readFileSync)(path, "utf8")));
  } catch {
    previous = null;
  }
  const state = mergeSessionState(previous, facts, claudePid, runtime.now());
  if (previous && sameFacts(previous, state)) return previous;
  writeSessionState(runtime, state);
  if (!previous) pruneStaleStates(runtime);
  return state;
}
var import_node_fs6, import_node_path6, STALE_STATE_MS;
var init_record_session = __esm({
  "src/claude/record-session.ts"() {
    "use strict";
    import_node_fs6 = require("fs");
    import_node_path6 = require("path");
    init_paths();
    init_session_state();
    STALE_STATE_MS = 7 * 24 * 60 * 6e4;
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
function hasExtendedSuffix(modelId) {
  return /\[1m\]\s*$/i.test(modelId);
}
function withoutExtendedSuffix(modelId) {
  return modelId.replace(/\[1m\]\s*$/i, "");
}
var STANDARD_WINDOW, EXTENDED_WINDOW, NATIVE_1M_SINCE, NATIVE_1M, STANDARD, OLD_DEFAULT, DEFAULT_MAX_OUTPUT_TOKENS;
var init_models = __esm({
  "src/context/models.ts"() {
    "use strict";
    STANDARD_WINDOW = 2e5;
    EXTENDED_WINDOW = 1e6;
    NATIVE_1M_SINCE = [2, 1, 332];
    NATIVE_1M = [/^claude-opus-4-[7-9]/, /^claude-opus-[5-9]/, /^claude-sonnet-[5-9]/, /^claude-haiku-[5-9]/];
    STANDARD = [/^claude-opus-4/, /^claude-sonnet-4/, /^claude-haiku-4/, /^claude-3/];
    OLD_DEFAULT = /^claude-opus-4-8/;
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
  for (const id of [env.ANTHROPIC_MODEL, transcriptModel]) {
    if (id && hasExtendedSuffix(id) && sameModel(id, transcriptModel)) return known(EXTENDED_WINDOW, "model-id");
  }
  const table = transcriptModel ? modelWindow(transcriptModel, version) : null;
  if (usedTokens > STANDARD_WINDOW && (table?.tokens ?? STANDARD_WINDOW) < EXTENDED_WINDOW)
    return known(EXTENDED_WINDOW, "usage-above-200k");
  if (table && !table.assumedBecause) return known(table.tokens, "model-table");
  if (table) return { tokens: table.tokens, source: "assumed", assumedBecause: table.assumedBecause };
  return { tokens: STANDARD_WINDOW, source: "assumed", assumedBecause: "no model response recorded yet" };
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
function compactWindow(window, env, settings) {
  const raw = env.CLAUDE_CODE_AUTO_COMPACT_WINDOW;
  const parsed = raw ? Number.parseInt(raw, 10) : Number.NaN;
  if (Number.isFinite(parsed) && parsed > 0) {
    return Math.min(window, Math.max(MIN_AUTOCOMPACT_WINDOW, Math.min(parsed, MAX_AUTOCOMPACT_WINDOW)));
  }
  const setting = settings.autoCompactWindow;
  if (setting !== void 0 && Number.isInteger(setting) && setting >= MIN_AUTOCOMPACT_WINDOW && setting <= MAX_AUTOCOMPACT_WINDOW) {
    return Math.min(window, setting);
  }
  return window;
}
function autocompactPoint(window, env, settings = {}) {
  if (isSet(env.DISABLE_COMPACT)) return { at: null, disabledBy: "DISABLE_COMPACT" };
  if (isSet(env.DISABLE_AUTO_COMPACT)) return { at: null, disabledBy: "DISABLE_AUTO_COMPACT" };
  if (settings.autoCompactEnabled === false) return { at: null, disabledBy: "autoCompactEnabled setting" };
  const maxOutput = positiveInt(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS) ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const effective = compactWindow(window, env, settings) - Math.min(maxOutput, OUTPUT_RESERVE_CAP);
  let at = effective - AUTOCOMPACT_MARGIN;
  const percent = Number.parseFloat(env.CLAUDE_AUTOCOMPACT_PCT_OVERRIDE ?? "");
  if (Number.isFinite(percent) && percent > 0 && percent <= 100) {
    at = Math.min(at, Math.floor(effective * (percent / 100)));
  }
  return { at: Math.max(0, at), disabledBy: null };
}
var OUTPUT_RESERVE_CAP, AUTOCOMPACT_MARGIN, MIN_AUTOCOMPACT_WINDOW, MAX_AUTOCOMPACT_WINDOW;
var init_autocompact = __esm({
  "src/context/autocompact.ts"() {
    "use strict";
    init_models();
    init_window();
    OUTPUT_RESERVE_CAP = 2e4;
    AUTOCOMPACT_MARGIN = 13e3;
    MIN_AUTOCOMPACT_WINDOW = 1e5;
    MAX_AUTOCOMPACT_WINDOW = 1e6;
  }
});

// src/context/format.ts
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
  "src/context/format.ts"() {
    "use strict";
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

// src/present/terminal.ts
function styleFor({ env, isTTY, columns, colorByDefault = isTTY && env.TERM !== "dumb" }) {
  const forced = env.FORCE_COLOR;
  const color = env.NO_COLOR ? false : forced !== void 0 && forced !== "" ? forced !== "0" && forced.toLowerCase() !== "false" : colorByDefault;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return { color, unicode: /utf-?8/i.test(locale), columns: isTTY && columns && columns > 20 ? columns : null };
}
var init_terminal = __esm({
  "src/present/terminal.ts"() {
    "use strict";
  }
});

// src/claude/statusline.ts
function statuslineFigures(facts) {
  const { input, usage } = facts;
  const contextWindow = input.contextWindowSize ?? usage?.contextWindow ?? null;
  if (contextWindow === null) return null;
  let usedTokens;
  let estimated = false;
  if (input.currentUsage !== null) usedTokens = input.currentUsage;
  else if (usage) {
    usedTokens = usage.usedTokens;
    estimated = usage.estimated;
  } else if (input.usedPercentage !== null) {
    usedTokens = Math.round(input.usedPercentage / 100 * contextWindow);
    estimated = true;
  } else return null;
  const autocompactAt = autocompactPoint(contextWindow, facts.env, facts.compactSettings).at;
  const limit = autocompactAt ?? contextWindow;
  const tokensUntilAutocompact = autocompactAt === null ? null : autocompactAt - usedTokens;
  const pace = usage?.tokensPerStep ?? null;
  return {
    model: input.modelName ?? input.modelId ?? usage?.model ?? "Claude",
    usedTokens,
    estimated,
    contextWindow,
    autocompactAt,
    percentOfLimit: limit > 0 ? Math.round(usedTokens / limit * 100) : 100,
    tokensUntilAutocompact,
    stepsUntilAutocompact: pace && tokensUntilAutocompact !== null && tokensUntilAutocompact > 0 ? Math.floor(tokensUntilAutocompact / pace) : null,
    status: contextStatus(usedTokens, limit, facts.thresholds)
  };
}
function lineStyle(env) {
  const { color, unicode } = styleFor({ env, isTTY: false, columns: void 0, colorByDefault: true });
  return { color, unicode };
}
function bar(percent, style) {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(percent / 100 * BAR_WIDTH)));
  const [full, empty] = style.unicode ? ["\u2588", "\u2591"] : ["#", "-"];
  return `${full.repeat(filled)}${empty.repeat(BAR_WIDTH - filled)}`;
}
function renderStatusline(figures, style) {
  const separator = style.unicode ? " \xB7 " : " | ";
  const approx = figures.estimated ? "~" : "";
  const parts = [figures.model, `${approx}${roundTokens(figures.usedTokens)}/${roundTokens(figures.contextWindow)}`];
  if (figures.autocompactAt === null) {
    parts.push(`${bar(figures.percentOfLimit, style)} ${figures.percentOfLimit}% of window, auto-compact off`);
  } else {
    parts.push(`${bar(figures.percentOfLimit, style)} ${figures.percentOfLimit}% of auto-compact`);
    const left = figures.tokensUntilAutocompact ?? 0;
    if (left <= 0) parts.push(`past auto-compact (~${roundTokens(figures.autocompactAt)}) by ${roundTokens(-left)}`);
    else {
      const steps = figures.stepsUntilAutocompact;
      parts.push(
        `${roundTokens(left)} until auto-compact${steps !== null ? ` (~${steps} step${steps === 1 ? "" : "s"})` : ""}`
      );
    }
  }
  const line = parts.join(separator);
  return style.color ? `${COLORS[figures.status]}${line}${RESET}` : line;
}
var COLORS, RESET, BAR_WIDTH;
var init_statusline = __esm({
  "src/claude/statusline.ts"() {
    "use strict";
    init_autocompact();
    init_format();
    init_status();
    init_terminal();
    COLORS = { ok: "\x1B[32m", warn: "\x1B[33m", critical: "\x1B[31m" };
    RESET = "\x1B[0m";
    BAR_WIDTH = 10;
  }
});

// src/claude/stdin-json.ts
function readStdinText(fd = 0) {
  try {
    if ((0, import_node_fs7.fstatSync)(fd).isCharacterDevice()) return "";
    return (0, import_node_fs7.readFileSync)(fd, "utf8");
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
function objectField(object, key) {
  const value = object?.[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}
function countField(object, key) {
  const value = object?.[key];
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
var import_node_fs7;
var init_stdin_json = __esm({
  "src/claude/stdin-json.ts"() {
    "use strict";
    import_node_fs7 = require("fs");
  }
});

// src/claude/statusline-input.ts
function parseStatuslineInput(text2) {
  const input = parseJsonObject(text2);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const model = objectField(input, "model");
  const window = objectField(input, "context_window");
  const workspace = objectField(input, "workspace");
  const current = objectField(window, "current_usage");
  const size = countField(window, "context_window_size");
  const parts = current ? ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"].map(
    (key) => countField(current, key) ?? 0
  ) : null;
  const sum = parts ? parts.reduce((total, part) => total + part, 0) : null;
  const zeroed = sum === 0;
  const percentage = zeroed ? null : countField(window, "used_percentage");
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    projectDir: stringField(workspace, "project_dir") ?? stringField(input, "cwd") ?? stringField(workspace, "current_dir"),
    modelId: stringField(model, "id"),
    modelName: stringField(model, "display_name"),
    contextWindowSize: size !== null && Number.isInteger(size) && size > 0 ? size : null,
    currentUsage: zeroed ? null : sum,
    usedPercentage: percentage !== null && percentage <= 100 ? percentage : null
  };
}
var init_statusline_input = __esm({
  "src/claude/statusline-input.ts"() {
    "use strict";
    init_stdin_json();
  }
});

// src/config.ts
function parseConfigFile(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { config: {}, problems: ["not a JSON object"] };
  const config = {};
  const problems = [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === "warnPercent" || key === "criticalPercent") {
      if (isPercent(raw)) config[key] = raw;
      else problems.push(`${key}: expected a number in (0, 100], got ${JSON.stringify(raw)}`);
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
  return runtime.env.CTX_MONITOR_CONFIG || (0, import_node_path7.join)(ctxMonitorStateDir(runtime), "config.json");
}
function loadSettings(runtime) {
  const problems = [];
  const file = readConfigFile(configFilePath(runtime), problems);
  const warnPercent = envPercent(runtime, "CTX_MONITOR_WARN_PERCENT", problems) ?? file.warnPercent ?? DEFAULT_SETTINGS.warnPercent;
  const criticalPercent = envPercent(runtime, "CTX_MONITOR_CRITICAL_PERCENT", problems) ?? file.criticalPercent ?? DEFAULT_SETTINGS.criticalPercent;
  if (warnPercent >= criticalPercent) {
    problems.push(
      `warn percent ${warnPercent} is not below critical percent ${criticalPercent}; using ${DEFAULT_SETTINGS.warnPercent}/${DEFAULT_SETTINGS.criticalPercent}`
    );
    return {
      ...DEFAULT_SETTINGS,
      handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null,
      problems
    };
  }
  return {
    warnPercent,
    criticalPercent,
    handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null,
    problems
  };
}
function envPercent(runtime, name2, problems) {
  const raw = runtime.env[name2];
  if (raw === void 0 || raw === "") return void 0;
  const parsed = Number(raw);
  if (isPercent(parsed)) return parsed;
  problems.push(`${name2}=${JSON.stringify(raw)} is not a percentage in (0, 100]; ignored`);
  return void 0;
}
function readConfigFile(path, problems) {
  let text2;
  try {
    text2 = (0, import_node_fs8.readFileSync)(path, "utf8");
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
var import_node_fs8, import_node_path7, isPercent, DEFAULT_SETTINGS;
var init_config = __esm({
  "src/config.ts"() {
    "use strict";
    import_node_fs8 = require("fs");
    import_node_path7 = require("path");
    init_paths();
    isPercent = (value) => typeof value === "number" && value > 0 && value <= 100;
    DEFAULT_SETTINGS = { warnPercent: 75, criticalPercent: 90 };
  }
});

// src/transcript/byte-source.ts
function openByteSource(path) {
  const fd = (0, import_node_fs9.openSync)(path, "r");
  const stat = (0, import_node_fs9.fstatSync)(fd);
  return {
    size: stat.size,
    dev: stat.dev,
    ino: stat.ino,
    read: (into, position, length) => (0, import_node_fs9.readSync)(fd, into, 0, length, position),
    close: () => (0, import_node_fs9.closeSync)(fd)
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
var import_node_fs9;
var init_byte_source = __esm({
  "src/transcript/byte-source.ts"() {
    "use strict";
    import_node_fs9 = require("fs");
  }
});

// src/transcript/records.ts
function contextTotal(usage) {
  return usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
}
function compactionOf(record) {
  return { trigger: record.trigger, preTokens: record.preTokens, postTokens: record.postTokens, at: record.timestamp };
}
function isObject(value) {
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
  if (!isObject(value)) return true;
  return USAGE_FIELDS.some((field) => {
    const figure = value[field];
    return figure !== void 0 && figure !== null && !(typeof figure === "number" && Number.isInteger(figure) && figure >= 0 && figure <= MAX_USAGE_TOKENS);
  });
}
function parseUsage(value) {
  if (!isObject(value)) return null;
  return {
    inputTokens: num(value.input_tokens),
    cacheCreationInputTokens: num(value.cache_creation_input_tokens),
    cacheReadInputTokens: num(value.cache_read_input_tokens),
    outputTokens: num(value.output_tokens)
  };
}
function parseContentBlock(value) {
  if (!isObject(value)) return { type: "other", blockType: typeof value, raw: value };
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
      const source = isObject(value.source) ? value.source : {};
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
  if (!isObject(raw) || typeof raw.type !== "string") return { ok: false, problem: "not-a-record" };
  const message = isObject(raw.message) ? raw.message : {};
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
        const meta = isObject(raw.compactMetadata) ? raw.compactMetadata : {};
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
      const params = isObject(raw.params) ? raw.params : {};
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
      const blob = isObject(raw.message) ? raw.message : {};
      const role = str(blob.role);
      const content = role === "system" ? parseContent(blob.content) : [];
      const systemChars = typeof content === "string" ? content.length : content.reduce((sum, block) => sum + (block.type === "text" ? block.text.length : 0), 0);
      return withBase(raw, lineLength, { kind: "api-request-blob", hash: str(raw.hash), role, systemChars });
    }
    case "api-request-shape": {
      const shape = isObject(raw.shape) ? raw.shape : {};
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
function isMainChainResponse(record) {
  return record.kind === "assistant" && !record.isSidechain && !record.isApiError && record.model !== "<synthetic>" && record.usage !== null;
}
function attachmentType(record) {
  if (record.kind !== "attachment" || !isObject(record.attachment)) return null;
  return str(record.attachment.type);
}
function toolUseIds(record) {
  const ids = [];
  for (const block of record.content) if (block.type === "tool_use" && block.id) ids.push(block.id);
  return ids;
}
var MAX_USAGE_TOKENS, USAGE_FIELDS;
var init_records = __esm({
  "src/transcript/records.ts"() {
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
    let hit = block.indexOf(MARKER, 0);
    while (hit !== -1 && hit + MARKER.length <= read) {
      const absolute = position + hit;
      const info = absolute + MARKER.length > state.offset ? readCompactionAt(source, absolute, subagent) : null;
      if (info) {
        state.count++;
        state.last = info;
      }
      hit = block.indexOf(MARKER, hit + 1);
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
var MARKER, BLOCK_BYTES, MAX_RECORD_BYTES;
var init_compaction_scan = __esm({
  "src/transcript/compaction-scan.ts"() {
    "use strict";
    init_records();
    MARKER = Buffer.from('"subtype":"compact_boundary"');
    BLOCK_BYTES = 4 << 20;
    MAX_RECORD_BYTES = 1 << 20;
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
  return (0, import_node_crypto2.createHash)("sha256").update(bytesAt(source, 0, HEAD_BYTES)).digest("hex").slice(0, 32);
}
function fingerprintAt(source, offset) {
  if (offset > source.size) return "beyond-end";
  const hash = (0, import_node_crypto2.createHash)("sha256").update(bytesAt(source, 0, Math.min(HEAD_BYTES, offset)));
  const from = Math.max(0, offset - BEFORE_OFFSET_BYTES);
  hash.update(bytesAt(source, from, offset - from));
  return `${offset}:${hash.digest("hex").slice(0, 32)}`;
}
var import_node_crypto2, HEAD_BYTES, BEFORE_OFFSET_BYTES;
var init_content_identity = __esm({
  "src/transcript/content-identity.ts"() {
    "use strict";
    import_node_crypto2 = require("crypto");
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
var import_node_fs10, import_node_path8, EXPIRY_MS, MEMORY_CAPACITY, CompactionCache;
var init_compaction_cache = __esm({
  "src/transcript/compaction-cache.ts"() {
    "use strict";
    init_make_folder();
    init_paths();
    import_node_fs10 = require("fs");
    import_node_path8 = require("path");
    init_atomic_write();
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
        const kept = this.memory.get(key) ?? this.readDisk(key);
        const previous = kept && fingerprintAt(source, kept.state.offset) === kept.fingerprint ? { ...kept.state, dev: source.dev, ino: source.ino } : null;
        const next = scanCompactions(source, previous, subagent);
        const scan = { state: next, fingerprint: fingerprintAt(source, next.offset) };
        this.memory.delete(key);
        this.memory.set(key, scan);
        while (this.memory.size > MEMORY_CAPACITY) this.memory.delete(this.memory.keys().next().value);
        if (next.offset !== kept?.state.offset || !previous) this.writeDisk(key, scan);
        return next;
      }
      readDisk(key) {
        if (!this.dir) return null;
        const path = (0, import_node_path8.join)(this.dir, `${key}.json`);
        try {
          if (Date.now() - (0, import_node_fs10.statSync)(path).mtimeMs > EXPIRY_MS) return null;
          return parseKept(JSON.parse((0, import_node_fs10.readFileSync)(path, "utf8")));
        } catch {
          return null;
        }
      }
      writeDisk(key, scan) {
        if (!this.dir) return;
        const path = (0, import_node_path8.join)(this.dir, `${key}.json`);
        try {
          makeFolder(this.dir, 448, STATE_DIR_SETTING);
          replaceFile(path, JSON.stringify(scan), 384);
          this.removeExpired();
        } catch {
        }
      }
      removeExpired() {
        for (const name2 of (0, import_node_fs10.readdirSync)(this.dir).slice(0, 1e3)) {
          const path = (0, import_node_path8.join)(this.dir, name2);
          try {
            if (Date.now() - (0, import_node_fs10.statSync)(path).mtimeMs > EXPIRY_MS) (0, import_node_fs10.rmSync)(path, { force: true });
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
    init_records();
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
    const path = (0, import_node_path9.resolve)(runtime.cwd, request2.transcriptPath);
    if (isFile(path)) {
      return {
        path,
        sessionId: (0, import_node_path9.basename)(path, ".jsonl"),
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
    if (path) return { path, sessionId: (0, import_node_path9.basename)(path, ".jsonl"), projectDir, source: "session-id", guessed: false };
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
  const newest2 = newestMainTranscript(projectFolders(runtime, projectDir), searched);
  if (newest2) {
    return {
      path: newest2,
      sessionId: (0, import_node_path9.basename)(newest2, ".jsonl"),
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
    const path = (0, import_node_path9.join)(claudeSessionsDir(runtime), `${pid}.json`);
    try {
      const raw = JSON.parse((0, import_node_fs11.readFileSync)(path, "utf8"));
      if (typeof raw !== "object" || raw === null) continue;
      const { sessionId, cwd } = raw;
      if (typeof sessionId !== "string" || !sessionId) continue;
      return {
        sessionId,
        transcriptPath: null,
        projectDir: typeof cwd === "string" ? cwd : null,
        source: "claude-process",
        at: (0, import_node_fs11.statSync)(path).mtimeMs
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
    const path = (0, import_node_path9.join)(folder, fileName);
    searched.push(path);
    if (isFile(path)) return path;
  }
  const root = projectsDir(runtime);
  for (const folder of listDir(root)) {
    const path = (0, import_node_path9.join)(root, folder, fileName);
    if (isFile(path)) return path;
  }
  searched.push((0, import_node_path9.join)(root, "*", fileName));
  return null;
}
function sessionsProjectDir(runtime, start) {
  for (let dir = (0, import_node_path9.resolve)(start); ; dir = (0, import_node_path9.dirname)(dir)) {
    if (projectFolders(runtime, dir).some((folder) => isDirectory(folder))) return dir;
    if ((0, import_node_path9.dirname)(dir) === dir) return start;
  }
}
function findByIdPrefix(runtime, prefix, projectDir) {
  if (!SESSION_PREFIX.test(prefix)) return null;
  const matching = (folders) => mainTranscripts(folders).filter((entry) => (0, import_node_path9.basename)(entry.path).startsWith(prefix)).map((entry) => entry.path);
  const root = projectsDir(runtime);
  for (const folders of [projectFolders(runtime, projectDir), listDir(root).map((name2) => (0, import_node_path9.join)(root, name2))]) {
    const found = matching(folders);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      const shown = found.slice(0, 5).map((path) => (0, import_node_path9.basename)(path, ".jsonl"));
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
  if (encoded.length <= MAX_ENCODED_PROJECT_LENGTH) return [(0, import_node_path9.join)(root, encoded)];
  const prefix = encoded.slice(0, MAX_ENCODED_PROJECT_LENGTH);
  return listDir(root).filter((name2) => name2.startsWith(prefix)).map((name2) => (0, import_node_path9.join)(root, name2));
}
function newestMainTranscript(folders, searched) {
  searched.push(...folders);
  return mainTranscripts(folders)[0]?.path ?? null;
}
function mainTranscripts(folders) {
  const found = [];
  for (const folder of folders) {
    for (const name2 of listDir(folder)) {
      if (!name2.endsWith(".jsonl") || name2.startsWith("agent-")) continue;
      const path = (0, import_node_path9.join)(folder, name2);
      try {
        found.push({ path, mtimeMs: (0, import_node_fs11.statSync)(path).mtimeMs });
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
    return (0, import_node_fs11.readdirSync)(path);
  } catch {
    return [];
  }
}
function isFile(path) {
  try {
    return (0, import_node_fs11.existsSync)(path) && (0, import_node_fs11.statSync)(path).isFile();
  } catch {
    return false;
  }
}
function isDirectory(path) {
  try {
    return (0, import_node_fs11.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function whatIsInTheWay(path) {
  try {
    const stat = (0, import_node_fs11.statSync)(path);
    if (stat.isDirectory()) return "is a folder, not a transcript file";
    return "is not a regular file (a FIFO, socket or device)";
  } catch {
    return "does not exist";
  }
}
var import_node_fs11, import_node_path9, TranscriptNotFoundError, AmbiguousSessionError, SESSION_PREFIX;
var init_locate = __esm({
  "src/transcript/locate.ts"() {
    "use strict";
    import_node_fs11 = require("fs");
    import_node_path9 = require("path");
    init_paths();
    init_session_state();
    init_user_error();
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
  return AGENT_FILE.test((0, import_node_path10.basename)(path)) && (0, import_node_path10.basename)((0, import_node_path10.dirname)(path)) === "subagents";
}
function subagentOf(path) {
  if (!isSubagentTranscript(path)) return null;
  const agentId = AGENT_FILE.exec((0, import_node_path10.basename)(path))[1];
  const folder = (0, import_node_path10.dirname)(path);
  const sessionFolder = (0, import_node_path10.dirname)(folder);
  const meta = readMeta((0, import_node_path10.join)(folder, `agent-${agentId}.meta.json`));
  return {
    agentId,
    agentType: typeof meta.agentType === "string" ? meta.agentType : null,
    description: typeof meta.description === "string" ? meta.description : null,
    parentTranscriptPath: `${sessionFolder}.jsonl`
  };
}
function readMeta(path) {
  try {
    const value = JSON.parse((0, import_node_fs12.readFileSync)(path, "utf8"));
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}
function subagentTranscripts(sessionTranscriptPath) {
  const folder = (0, import_node_path10.join)(sessionTranscriptPath.replace(/\.jsonl$/, ""), "subagents");
  let names;
  try {
    names = (0, import_node_fs12.readdirSync)(folder);
  } catch {
    return [];
  }
  const found = [];
  for (const name2 of names) {
    if (!AGENT_FILE.test(name2)) continue;
    try {
      found.push({ path: (0, import_node_path10.join)(folder, name2), mtimeMs: (0, import_node_fs12.statSync)((0, import_node_path10.join)(folder, name2)).mtimeMs });
    } catch {
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
var import_node_fs12, import_node_path10, AGENT_FILE;
var init_subagent_files = __esm({
  "src/transcript/subagent-files.ts"() {
    "use strict";
    import_node_fs12 = require("fs");
    import_node_path10 = require("path");
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
  const finish = (start) => {
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
      const line = finish(position + pieceStart);
      if (line) yield line;
      lineEnd = position + newline;
      cursor = newline;
    }
  }
  const first = finish(0);
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
    const finish = () => {
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
      if (last2.done) finish();
    };
    const deadline = setTimeout(() => {
      check();
      finish();
    }, timeoutMs);
    const backstop = setInterval(check, backstopMs);
    try {
      watcher = (0, import_node_fs13.watch)(path, { persistent: false, recursive: options.recursive ?? false }, check);
      watcher.on("error", () => {
      });
    } catch {
    }
  });
}
var import_node_fs13;
var init_wait_for_append = __esm({
  "src/transcript/wait-for-append.ts"() {
    "use strict";
    import_node_fs13 = require("fs");
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

// src/context/usage.ts
function recentPace(tail) {
  if (!tail.latest || tail.compactionSince || tail.earlier.length < MIN_PACE_STEPS) return null;
  const oldest = tail.earlier[tail.earlier.length - 1];
  const perStep = (contextTotal(tail.latest.usage) - oldest.total) / tail.earlier.length;
  return perStep > 0 ? Math.round(perStep) : null;
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
    usedTokens: measured.usedTokens
  });
  const autocompact = autocompactPoint(window.tokens, inputs.env, inputs.compactSettings);
  const limit = autocompact.at ?? window.tokens;
  const status = contextStatus(measured.usedTokens, limit, inputs.thresholds);
  const tokensUntilAutocompact = autocompact.at === null ? null : Math.max(0, autocompact.at - measured.usedTokens);
  const tokensPerStep = recentPace(inputs.tail);
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
    tokensUntilAutocompact,
    tokensPerStep,
    stepsUntilAutocompact: tokensPerStep === null || tokensUntilAutocompact === null ? null : Math.floor(tokensUntilAutocompact / tokensPerStep),
    status,
    estimated: measured.estimated,
    fresh: inputs.fresh,
    compactions: inputs.compactions.count,
    lastCompaction: inputs.compactions.last,
    asOf: measured.asOf,
    skippedLines: inputs.skippedLines
  };
  return { ...usage, summary: summarize(usage, inputs, autocompact.disabledBy) };
}
function summarize(usage, inputs, disabledBy) {
  const approx = usage.estimated ? "~" : "";
  const parts = [
    `${approx}${exactNumber(usage.usedTokens)} of ${exactNumber(usage.contextWindow)} tokens (${Math.round(usage.usedPercent)}%)`
  ];
  if (usage.autocompactAt === null) {
    parts.push(
      `auto-compact is off (${disabledBy}): about ${roundTokens(usage.contextWindow - usage.usedTokens)} left in the window`
    );
  } else {
    const pace = usage.stepsUntilAutocompact !== null && usage.tokensPerStep !== null ? ` (~${counted(usage.stepsUntilAutocompact, "step")} at the recent ~${roundTokens(usage.tokensPerStep)} per step)` : "";
    const over = usage.usedTokens - usage.autocompactAt;
    parts.push(
      over >= 0 ? `past the auto-compact point (~${roundTokens(usage.autocompactAt)}) by ${roundTokens(over)}: Claude Code may compact at any moment` : `auto-compact expected at ~${roundTokens(usage.autocompactAt)}: about ${roundTokens(usage.tokensUntilAutocompact ?? 0)} left${pace}`
    );
  }
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
  if (!usage.fresh) sentence += " The calling response was not in the transcript yet: figures may be one step behind.";
  if (usage.sessionGuessed)
    sentence += " Session guessed (newest transcript of the project): pass session_id to be sure.";
  const advice = (usage.subagent ? SUBAGENT_ADVICE : ADVICE)[usage.status];
  return advice ? `${sentence} ${advice}` : sentence;
}
var MIN_PACE_STEPS, ADVICE, SUBAGENT_ADVICE;
var init_usage = __esm({
  "src/context/usage.ts"() {
    "use strict";
    init_records();
    init_autocompact();
    init_estimate();
    init_format();
    init_status();
    init_window();
    init_usage_evidence();
    MIN_PACE_STEPS = 2;
    ADVICE = {
      ok: "",
      warn: "Plan a handoff: call write_handoff before it compacts.",
      critical: "Write a handoff now (write_handoff)."
    };
    SUBAGENT_ADVICE = {
      ok: "",
      warn: "Keep the rest of the task small and report back before it compacts.",
      critical: "Finish now and report back to the main agent."
    };
  }
});

// src/log.ts
function log(message) {
  process.stderr.write(`ctx-monitor: ${message}
`);
}
var init_log = __esm({
  "src/log.ts"() {
    "use strict";
  }
});

// src/capture/paths.ts
function captureStoreDir(runtime) {
  return (0, import_node_path11.join)(ctxMonitorStateDir(runtime), "capture");
}
function defaultBodiesDir(runtime) {
  return (0, import_node_path11.join)(captureStoreDir(runtime), "bodies");
}
function bodiesDirOf(value) {
  if (typeof value !== "string" || !value.trim().startsWith("file:")) return null;
  const dir = value.trim().slice("file:".length);
  return dir && (0, import_node_path11.isAbsolute)(dir) ? dir : null;
}
function ensurePrivateDir(dir) {
  makeFolder(dir, 448, STATE_DIR_SETTING);
  if (((0, import_node_fs14.statSync)(dir).mode & 511) !== 448) (0, import_node_fs14.chmodSync)(dir, 448);
}
var import_node_fs14, import_node_path11;
var init_paths2 = __esm({
  "src/capture/paths.ts"() {
    "use strict";
    init_make_folder();
    import_node_fs14 = require("fs");
    import_node_path11 = require("path");
    init_paths();
  }
});

// src/capture/bodies-dirs.ts
function settingsEnvValue(path) {
  try {
    const settings = JSON.parse((0, import_node_fs15.readFileSync)(path, "utf8"));
    return settings.env?.OTEL_LOG_RAW_API_BODIES;
  } catch {
    return void 0;
  }
}
function bodiesDirs(runtime, projectDir = defaultProjectDir(runtime)) {
  const candidates = [
    bodiesDirOf(runtime.env.OTEL_LOG_RAW_API_BODIES),
    bodiesDirOf(settingsEnvValue((0, import_node_path12.join)(projectDir, ".claude", "settings.local.json"))),
    bodiesDirOf(settingsEnvValue((0, import_node_path12.join)(projectDir, ".claude", "settings.json"))),
    bodiesDirOf(settingsEnvValue((0, import_node_path12.join)(claudeConfigDir(runtime), "settings.json"))),
    defaultBodiesDir(runtime)
  ];
  return [...new Set(candidates.filter((dir) => dir !== null))];
}
var import_node_fs15, import_node_path12;
var init_bodies_dirs = __esm({
  "src/capture/bodies-dirs.ts"() {
    "use strict";
    import_node_fs15 = require("fs");
    import_node_path12 = require("path");
    init_paths();
    init_paths2();
  }
});

// src/capture/count-tokens.ts
function counterFromEnv(runtime) {
  const { env } = runtime;
  if (env.CTX_MONITOR_COUNT_TOKENS === "0") return null;
  const apiKey = env.ANTHROPIC_API_KEY;
  const token = env.ANTHROPIC_AUTH_TOKEN;
  if (!apiKey && !token) return null;
  const base = (env.ANTHROPIC_BASE_URL || "https://api.anthropic.com").replace(/\/+$/, "");
  const headers = { "content-type": "application/json", "anthropic-version": "2023-06-01" };
  if (apiKey) headers["x-api-key"] = apiKey;
  else headers.authorization = `Bearer ${token}`;
  return {
    async count(content) {
      const response = await fetch(`${base}/v1/messages/count_tokens`, {
        method: "POST",
        headers,
        body: JSON.stringify({ ...content, messages: BASELINE_MESSAGE }),
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
      const answer = await response.json();
      if (!response.ok || typeof answer.input_tokens !== "number")
        throw new Error(`count_tokens answered ${response.status}: ${answer.error?.message ?? "no input_tokens"}`);
      return answer.input_tokens;
    }
  };
}
async function measureGroups(groups, counter, cache) {
  const unknown = [...groups].filter((group) => cache.get(group.key) === void 0);
  if (unknown.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  const countOnce = (content) => {
    const key = JSON.stringify(content);
    let count = counts.get(key);
    if (!count) {
      count = counter.count(content);
      count.catch(() => void 0);
      counts.set(key, count);
    }
    return count;
  };
  const measured = await Promise.all(
    unknown.map(async (group) => {
      const [whole2, against] = await Promise.all([
        countOnce(group.content),
        countOnce(group.against ?? { model: group.content.model })
      ]);
      return Math.max(0, whole2 - against);
    })
  );
  unknown.forEach((group, index) => {
    cache.set(group.key, measured[index]);
  });
  cache.save();
  return unknown.length;
}
var import_node_fs16, import_node_path13, TIMEOUT_MS, BASELINE_MESSAGE, TokenCache;
var init_count_tokens = __esm({
  "src/capture/count-tokens.ts"() {
    "use strict";
    import_node_fs16 = require("fs");
    import_node_path13 = require("path");
    init_atomic_write();
    init_paths2();
    TIMEOUT_MS = 3e3;
    BASELINE_MESSAGE = [{ role: "user", content: "foo" }];
    TokenCache = class {
      constructor(storeDir) {
        this.storeDir = storeDir;
        this.path = (0, import_node_path13.join)(storeDir, "part-tokens.json");
        try {
          this.entries = JSON.parse((0, import_node_fs16.readFileSync)(this.path, "utf8"));
        } catch {
          this.entries = {};
        }
      }
      storeDir;
      entries;
      path;
      get(hash) {
        const value = this.entries[hash];
        return typeof value === "number" ? value : void 0;
      }
      set(hash, tokens) {
        delete this.entries[hash];
        this.entries[hash] = tokens;
        const keys = Object.keys(this.entries);
        for (const old of keys.slice(0, Math.max(0, keys.length - 500))) delete this.entries[old];
      }
      save() {
        ensurePrivateDir(this.storeDir);
        replaceFile(this.path, JSON.stringify(this.entries), 384);
      }
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
  return (0, import_node_crypto3.createHash)("sha256").update(text2.trim()).digest("hex");
}
var import_node_crypto3;
var init_context_probe = __esm({
  "src/capture/context-probe.ts"() {
    "use strict";
    import_node_crypto3 = require("crypto");
  }
});

// src/capture/part-groups.ts
function apiModel(model) {
  return model.replace(/\[1m\]\s*$/i, "");
}
function partGroups(body, digest) {
  const groups = /* @__PURE__ */ new Map();
  if (typeof body.model !== "string") return groups;
  const model = apiModel(body.model);
  const systemHashes = digest.parts.filter((part) => part.kind === "system-block" || part.kind === "billing-header").map((part) => part.hash);
  const toolHashes = digest.parts.filter((part) => part.kind === "tool");
  const system = typeof body.system === "string" ? [{ type: "text", text: body.system }] : Array.isArray(body.system) ? body.system : [];
  if (system.length) groups.set("systemPrompt", { key: hashOf(model, systemHashes), content: { model, system } });
  const tools = (Array.isArray(body.tools) ? body.tools : []).map((tool, index) => ({
    tool,
    hash: toolHashes[index]?.hash ?? ""
  }));
  const sent = tools.filter(({ tool }) => tool?.defer_loading !== true);
  const builtIn = sent.filter(({ tool }) => !MCP_TOOL.test(String(tool?.name ?? "")));
  const builtInTools = builtIn.map((member) => member.tool);
  const add = (name2, members, on) => groups.set(name2, {
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
  return groups;
}
function groupHashes(groups) {
  const servers = {};
  for (const [name2, group] of groups) if (name2.startsWith("server:")) servers[name2.slice("server:".length)] = group.key;
  return {
    systemPrompt: groups.get("systemPrompt")?.key ?? null,
    builtInTools: groups.get("builtInTools")?.key ?? null,
    servers
  };
}
var import_node_crypto4, MCP_TOOL, hashOf;
var init_part_groups = __esm({
  "src/capture/part-groups.ts"() {
    "use strict";
    import_node_crypto4 = require("crypto");
    MCP_TOOL = /^mcp__(.+?)__/;
    hashOf = (model, partHashes) => (0, import_node_crypto4.createHash)("sha256").update(`${model}
${partHashes.join("\n")}`).digest("hex");
  }
});

// src/capture/request-digest.ts
function mcpServerOfTool(name2) {
  return MCP_TOOL2.exec(name2)?.[1] ?? null;
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function withoutCacheControl(value) {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (!isObject2(value)) return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) if (key !== "cache_control") out[key] = withoutCacheControl(inner);
  return out;
}
function sha256(value) {
  return (0, import_node_crypto5.createHash)("sha256").update(JSON.stringify(withoutCacheControl(value))).digest("hex");
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (isObject2(content)) return typeof content.text === "string" ? content.text : "";
  if (Array.isArray(content)) return content.map(textOf).join("\n");
  return "";
}
function labelOf(text2) {
  const line = text2.split("\n").find((candidate) => candidate.trim()) ?? "";
  const trimmed = line.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}
function systemBlocks(system) {
  if (typeof system === "string") return system ? [{ type: "text", text: system }] : [];
  return Array.isArray(system) ? system : [];
}
function systemPart(block) {
  const text2 = textOf(block);
  const kind = BILLING_HEADER.test(text2) ? "billing-header" : "system-block";
  return { kind, name: labelOf(text2), chars: text2.length, hash: sha256(block), server: null, deferred: false };
}
function toolPart(tool) {
  const definition = isObject2(tool) ? tool : {};
  const name2 = typeof definition.name === "string" ? definition.name : "";
  const chars = JSON.stringify(withoutCacheControl(definition)).length;
  return {
    kind: "tool",
    name: name2,
    chars,
    hash: sha256(definition),
    server: mcpServerOfTool(name2),
    deferred: definition.defer_loading === true
  };
}
function systemMessageParts(messages) {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => {
    if (!isObject2(message) || message.role !== "system") return [];
    const text2 = textOf(message.content);
    return [
      {
        kind: "system-message",
        name: labelOf(text2),
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
  const blocks = systemBlocks(request2.system);
  const system = blocks.map(systemPart);
  const toolList = Array.isArray(request2.tools) ? request2.tools : [];
  const tools = toolList.map(toolPart);
  const messages = systemMessageParts(request2.messages);
  const parts = [...system, ...messages, ...tools];
  const shapeBlocks = blocks.filter((_, index) => system[index].kind !== "billing-header");
  return {
    parts,
    systemPromptChars: [...system, ...messages].reduce((sum, part) => sum + part.chars, 0),
    builtInToolChars: tools.filter((tool) => tool.server === null && !tool.deferred).reduce((sum, tool) => sum + tool.chars, 0),
    mcpServers: serversOf(tools),
    deferredTools: tools.filter((tool) => tool.deferred).map((tool) => tool.name),
    toolSearch: tools.some((tool) => tool.name === "ToolSearch" && !tool.deferred),
    shapeHash: sha256({ system: shapeBlocks, tools: toolList })
  };
}
var import_node_crypto5, MCP_TOOL2, BILLING_HEADER;
var init_request_digest = __esm({
  "src/capture/request-digest.ts"() {
    "use strict";
    import_node_crypto5 = require("crypto");
    MCP_TOOL2 = /^mcp__(.+?)__(.+)$/;
    BILLING_HEADER = /^x-anthropic-billing-header:/;
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
  const json = JSON.stringify(list);
  return { count: list.length, chars: json.length, hash: (0, import_node_crypto6.createHash)("sha256").update(json).digest("hex") };
}
function digestBody(bodyText, context) {
  let body;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || !Array.isArray(body.messages)) return null;
  const request2 = digestRequest(body);
  const groups = partGroups(body, request2);
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
    groups: groupHashes(groups)
  };
  return { record, groups };
}
var import_node_crypto6;
var init_record = __esm({
  "src/capture/record.ts"() {
    "use strict";
    import_node_crypto6 = require("crypto");
    init_context_probe();
    init_part_groups();
    init_request_digest();
  }
});

// src/capture/store.ts
function appendPrivate(path, text2) {
  const fd = (0, import_node_fs17.openSync)(path, "a", 384);
  try {
    (0, import_node_fs17.writeSync)(fd, text2);
  } finally {
    (0, import_node_fs17.closeSync)(fd);
  }
}
function rotate(dir, limits) {
  const log2 = (0, import_node_path14.join)(dir, LOG);
  let size;
  try {
    size = (0, import_node_fs17.statSync)(log2).size;
  } catch {
    return;
  }
  if (size < limits.logBytes) return;
  const rotated = (index) => (0, import_node_path14.join)(dir, `requests.${index}.jsonl`);
  (0, import_node_fs17.rmSync)(rotated(limits.rotatedLogs), { force: true });
  for (let index = limits.rotatedLogs - 1; index >= 1; index--) {
    try {
      (0, import_node_fs17.renameSync)(rotated(index), rotated(index + 1));
    } catch {
    }
  }
  if (limits.rotatedLogs > 0) (0, import_node_fs17.renameSync)(log2, rotated(1));
  else (0, import_node_fs17.rmSync)(log2, { force: true });
}
function writeSessionNewest(dir, record) {
  if (record.role !== "main" || !record.sessionId || !SESSION_ID.test(record.sessionId)) return;
  const path = (0, import_node_path14.join)(dir, SESSIONS, `${record.sessionId}.json`);
  const current = readSessionFile(path);
  if (current && current.time > record.time) return;
  replaceFile(path, JSON.stringify(record), 384);
}
function readSessionFile(path) {
  try {
    return JSON.parse((0, import_node_fs17.readFileSync)(path, "utf8"));
  } catch {
    return null;
  }
}
function pruneSessions(dir, keep) {
  const folder = (0, import_node_path14.join)(dir, SESSIONS);
  const files = (0, import_node_fs17.readdirSync)(folder).filter((name2) => name2.endsWith(".json"));
  if (files.length <= keep) return;
  const byAge = files.map((name2) => ({ name: name2, mtime: (0, import_node_fs17.statSync)((0, import_node_path14.join)(folder, name2)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const old of byAge.slice(keep)) (0, import_node_fs17.rmSync)((0, import_node_path14.join)(folder, old.name), { force: true });
}
function appendRecords(dir, records, limits = DEFAULT_LIMITS) {
  if (records.length === 0) return;
  ensurePrivateDir((0, import_node_path14.join)(dir, SESSIONS));
  ensurePrivateDir(dir);
  rotate(dir, limits);
  appendPrivate((0, import_node_path14.join)(dir, LOG), records.map((record) => `${JSON.stringify(record)}
`).join(""));
  for (const record of records) writeSessionNewest(dir, record);
  pruneSessions(dir, limits.sessions);
}
function newestOfSession(dir, sessionId) {
  if (!SESSION_ID.test(sessionId)) return null;
  return readSessionFile((0, import_node_path14.join)(dir, SESSIONS, `${sessionId}.json`));
}
var import_node_fs17, import_node_path14, DEFAULT_LIMITS, LOG, SESSIONS, SESSION_ID;
var init_store = __esm({
  "src/capture/store.ts"() {
    "use strict";
    import_node_fs17 = require("fs");
    import_node_path14 = require("path");
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
    return new Set((0, import_node_fs18.readFileSync)((0, import_node_path15.join)(dir, SEEN), "utf8").split("\n").filter(Boolean));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function newestFirst(dir, names, seen) {
  const bodies = [];
  for (const name2 of names) {
    if (seen.has(name2) || !(REQUEST.test(name2) || RESPONSE.test(name2))) continue;
    try {
      const stat = (0, import_node_fs18.statSync)((0, import_node_path15.join)(dir, name2));
      bodies.push({ name: name2, modified: stat.mtime, size: stat.size });
    } catch {
    }
  }
  return bodies.sort((a, b) => b.modified.getTime() - a.modified.getTime());
}
function ingestBodies(bodiesDir, storeDir, options) {
  let names;
  try {
    names = (0, import_node_fs18.readdirSync)(bodiesDir);
  } catch {
    return { digested: 0, removed: 0, skipped: 0, newestGroups: /* @__PURE__ */ new Map() };
  }
  const seen = options.keepBodies ? readSeen(bodiesDir) : /* @__PURE__ */ new Set();
  const records = [];
  const done = [];
  let skipped = 0;
  const newestGroups = /* @__PURE__ */ new Map();
  let budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  for (const { name: name2, modified, size } of newestFirst(bodiesDir, names, seen)) {
    const path = (0, import_node_path15.join)(bodiesDir, name2);
    if (RESPONSE.test(name2)) {
      done.push(name2);
      continue;
    }
    const id = REQUEST.exec(name2)?.[1];
    if (!id) continue;
    if (budget <= 0) break;
    budget -= size;
    let record = null;
    try {
      const digested = digestBody((0, import_node_fs18.readFileSync)(path, "utf8"), { source: "otel", id, time: modified, kind: "messages" });
      record = digested?.record ?? null;
      if (digested && record?.role === "main" && record.sessionId && !newestGroups.has(record.sessionId))
        newestGroups.set(record.sessionId, digested.groups);
    } catch {
      continue;
    }
    if (record) {
      records.push(record);
      done.push(name2);
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
    const kept = [...[...seen].filter((name2) => present.has(name2)), ...done];
    if (done.length > 0) replaceFile((0, import_node_path15.join)(bodiesDir, SEEN), `${kept.join("\n")}
`, 384);
    return { digested: records.length, removed: 0, skipped, newestGroups };
  }
  for (const name2 of done) (0, import_node_fs18.rmSync)((0, import_node_path15.join)(bodiesDir, name2), { force: true });
  return { digested: records.length, removed: done.length, skipped, newestGroups };
}
var import_node_fs18, import_node_path15, REQUEST, RESPONSE, SEEN, WRITING_GRACE_MS, DEFAULT_BUDGET_BYTES;
var init_otel_bodies = __esm({
  "src/capture/otel-bodies.ts"() {
    "use strict";
    import_node_fs18 = require("fs");
    import_node_path15 = require("path");
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

// src/capture/session-capture.ts
function keepBodies(runtime) {
  return runtime.env.CTX_MONITOR_KEEP_BODIES === "1";
}
function ingestPendingBodies(runtime, projectDir) {
  const newest2 = /* @__PURE__ */ new Map();
  for (const bodiesDir of bodiesDirs(runtime, projectDir)) {
    try {
      const result = ingestBodies(bodiesDir, captureStoreDir(runtime), {
        keepBodies: keepBodies(runtime),
        now: runtime.now()
      });
      for (const [session, groups] of result.newestGroups) if (!newest2.has(session)) newest2.set(session, groups);
    } catch (error) {
      log(`could not digest request bodies in ${bodiesDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return newest2;
}
async function measureNewest(runtime, cache, newest2) {
  const counter = counterFromEnv(runtime);
  if (!counter || newest2.size === 0) return;
  try {
    await measureGroups(
      [...newest2.values()].flatMap((groups) => [...groups.values()]),
      counter,
      cache
    );
  } catch (error) {
    log(
      `count_tokens failed, the baseline's parts stay estimated: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
function tokensOf(record, cache) {
  const groups = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const known2 = (hash) => hash ? cache.get(hash) ?? null : null;
  const servers = {};
  for (const [server, hash] of Object.entries(groups.servers)) {
    const tokens = cache.get(hash);
    if (tokens !== void 0) servers[server] = tokens;
  }
  return { systemPrompt: known2(groups.systemPrompt), builtInTools: known2(groups.builtInTools), servers };
}
async function digestPendingCapture(runtime, projectDir) {
  const cache = new TokenCache(captureStoreDir(runtime));
  await measureNewest(runtime, cache, ingestPendingBodies(runtime, projectDir));
  return cache;
}
async function readSessionCapture(runtime, sessionId, projectDir) {
  const storeDir = captureStoreDir(runtime);
  const cache = await digestPendingCapture(runtime, projectDir);
  const record = newestOfSession(storeDir, sessionId);
  if (record?.v !== 1 || !record.request) return null;
  return { record, tokens: tokensOf(record, cache) };
}
var init_session_capture = __esm({
  "src/capture/session-capture.ts"() {
    "use strict";
    init_log();
    init_bodies_dirs();
    init_count_tokens();
    init_otel_bodies();
    init_paths2();
    init_store();
  }
});

// src/context/read-usage.ts
function createUsageDeps(runtime, overrides = {}) {
  return {
    runtime,
    compactionCache: new CompactionCache((0, import_node_path16.join)(ctxMonitorStateDir(runtime), "scans")),
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
  for (let current = path; ; current = (0, import_node_path16.dirname)(current)) {
    if ((0, import_node_fs19.existsSync)(current)) return current;
    if ((0, import_node_path16.dirname)(current) === current) return null;
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
  const folder = (0, import_node_path16.dirname)(located.path);
  const recent = (entry) => entry.mtimeMs >= deps.runtime.now().getTime() - SIBLING_SESSION_WINDOW_MS;
  const sessions = () => {
    if (explicit) return [located.path];
    const siblings = mainTranscripts([folder]).filter((entry) => recent(entry) && entry.path !== located.path).map((entry) => entry.path);
    return [located.path, ...siblings];
  };
  const candidates = () => {
    const own = sessions();
    const subagents = own.flatMap(
      (path2) => subagentTranscripts(path2).filter(recent).map((entry) => entry.path)
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
    sessionId: (0, import_node_path16.basename)(session, ".jsonl"),
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
  const sessionId = subagent ? (0, import_node_path16.basename)(subagent.parentTranscriptPath, ".jsonl") : sessionIdOf2(located, tail);
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
    fresh,
    skippedLines: countLineProblems(tail.problems),
    capture: captured ? captureEvidence(captured.record) : null
  });
}
var import_node_fs19, import_node_path16, DEFAULT_FRESHNESS_TIMEOUT_MS, SIBLING_SESSION_WINDOW_MS, SESSION_ID2;
var init_read_usage = __esm({
  "src/context/read-usage.ts"() {
    "use strict";
    import_node_fs19 = require("fs");
    import_node_path16 = require("path");
    init_compact_settings();
    init_paths();
    init_session_state();
    init_config();
    init_byte_source();
    init_compaction_cache();
    init_head_baseline();
    init_line_problems();
    init_locate();
    init_subagent_files();
    init_tail_snapshot();
    init_wait_for_append();
    init_estimate();
    init_usage();
    init_session_capture();
    init_usage_evidence();
    DEFAULT_FRESHNESS_TIMEOUT_MS = 1500;
    SIBLING_SESSION_WINDOW_MS = 10 * 6e4;
    SESSION_ID2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  }
});

// src/commands/statusline.ts
var statusline_exports = {};
__export(statusline_exports, {
  runStatusline: () => runStatusline,
  statuslineCommand: () => statuslineCommand,
  statuslineLine: () => statuslineLine
});
function tailUsage(input, transcriptPath, runtime) {
  const tail = withByteSource(transcriptPath, (source) => readTailSnapshot(source));
  return computeUsage({
    sessionId: input.sessionId,
    subagent: null,
    transcriptPath,
    sessionSource: "transcript-path",
    sessionGuessed: false,
    tail,
    baseline: null,
    compactions: { count: 0, last: null },
    windowState: null,
    env: runtime.env,
    thresholds: DEFAULT_SETTINGS,
    fresh: true,
    skippedLines: 0
  });
}
async function transcriptUsage(input, runtime) {
  if (!input.transcriptPath) return null;
  try {
    if (input.currentUsage !== null) return tailUsage(input, input.transcriptPath, runtime);
    return await readContextUsage(
      {
        transcriptPath: input.transcriptPath,
        sessionId: input.sessionId,
        ...input.projectDir ? { projectDir: input.projectDir } : {}
      },
      createUsageDeps(runtime)
    );
  } catch {
    return null;
  }
}
async function statuslineLine(text2, runtime) {
  const input = parseStatuslineInput(text2);
  if (!input) return "ctx-monitor: no statusline input from Claude Code";
  try {
    recordSession(runtime, {
      sessionId: input.sessionId,
      transcriptPath: input.transcriptPath,
      cwd: input.projectDir,
      modelId: input.modelId,
      contextWindowSize: input.contextWindowSize,
      writtenBy: "statusline"
    });
  } catch {
  }
  const usage = await transcriptUsage(input, runtime);
  const figures = statuslineFigures({
    input,
    usage,
    env: runtime.env,
    compactSettings: readCompactSettings(runtime, input.projectDir ?? runtime.cwd),
    thresholds: loadSettings(runtime)
  });
  if (!figures) return `${input.modelName ?? input.modelId ?? "Claude"}: no context figures yet`;
  return renderStatusline(figures, lineStyle(runtime.env));
}
async function runStatusline(runtime, out, stdinFd = 0) {
  const text2 = readStdinText(stdinFd);
  out.stdout(`${await statuslineLine(text2, runtime)}
`);
  return 0;
}
var statuslineCommand;
var init_statusline2 = __esm({
  "src/commands/statusline.ts"() {
    "use strict";
    init_compact_settings();
    init_record_session();
    init_statusline();
    init_statusline_input();
    init_stdin_json();
    init_config();
    init_read_usage();
    init_usage();
    init_byte_source();
    init_tail_snapshot();
    statuslineCommand = {
      name: "statusline",
      summary: "Claude Code's statusline (its JSON on stdin): usage, a bar, tokens and steps until auto-compact",
      synopsis: "< statusline-input.json",
      options: {},
      run: (context) => runStatusline(context.runtime, context.out)
    };
  }
});

// src/claude/plugin-presence.ts
function runningAsPlugin(runtime) {
  return Boolean(runtime.env.CLAUDE_PLUGIN_ROOT?.trim());
}
function enabledPlugin(runtime) {
  let text2;
  try {
    text2 = (0, import_node_fs20.readFileSync)((0, import_node_path17.join)(claudeConfigDir(runtime), "settings.json"), "utf8");
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
var import_node_fs20, import_node_path17;
var init_plugin_presence = __esm({
  "src/claude/plugin-presence.ts"() {
    "use strict";
    import_node_fs20 = require("fs");
    import_node_path17 = require("path");
    init_paths();
  }
});

// src/claude/hooks/hook-input.ts
function isHookEvent(name2) {
  return HOOK_EVENTS.includes(name2 ?? "");
}
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
    trigger: stringField(input, "trigger")
  };
}
var HOOK_EVENTS, CLAUDE_EVENT_NAMES;
var init_hook_input = __esm({
  "src/claude/hooks/hook-input.ts"() {
    "use strict";
    init_stdin_json();
    HOOK_EVENTS = ["session-start", "user-prompt-submit", "post-tool-use", "pre-compact"];
    CLAUDE_EVENT_NAMES = {
      "session-start": "SessionStart",
      "user-prompt-submit": "UserPromptSubmit",
      "post-tool-use": "PostToolUse",
      "pre-compact": "PreCompact"
    };
  }
});

// src/claude/hooks/handoff-pointer.ts
function clipText(text2, max) {
  return text2.length <= max ? text2 : `${text2.slice(0, max)}
\u2026 [cut; the handoff has it in full]`;
}
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
function firstPrompt(markdown) {
  const match = /^### Prompt \d+[^\n]*\n\n(`{3,})text\n([\s\S]*?)\n\1$/m.exec(markdown);
  return match?.[2] ?? null;
}
function handoffPointer(handoffPath, markdown, compactionTrigger) {
  const lines2 = [
    `[ctx-monitor] The conversation was compacted${compactionTrigger ? ` (${compactionTrigger})` : ""}. The newest handoff, written before it, is ${handoffPath}: read it before going on (or use the ctx-monitor resume prompt).`
  ];
  const prompt = firstPrompt(markdown);
  if (prompt) lines2.push("", "First prompt of the session, verbatim:", clipText(prompt, LIMITS.prompt));
  const next = noteSection(markdown, "Next steps");
  if (next) lines2.push("", "Next steps the agent noted:", clipText(next, LIMITS.nextSteps));
  const questions = noteSection(markdown, "Open questions");
  if (questions) lines2.push("", "Open questions:", clipText(questions, LIMITS.openQuestions));
  return lines2.join("\n").slice(0, MAX_POINTER_CHARS);
}
var MAX_POINTER_CHARS, LIMITS;
var init_handoff_pointer = __esm({
  "src/claude/hooks/handoff-pointer.ts"() {
    "use strict";
    MAX_POINTER_CHARS = 9e3;
    LIMITS = { prompt: 3e3, nextSteps: 2500, openQuestions: 1500 };
  }
});

// src/claude/hooks/hook-memory.ts
function memoryPath(runtime, sessionId) {
  return (0, import_node_path18.join)(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.json`);
}
function readHookMemory(runtime, sessionId) {
  try {
    const value = JSON.parse((0, import_node_fs21.readFileSync)(memoryPath(runtime, sessionId), "utf8"));
    const warned = value.warnedStatus;
    return {
      warnedStatus: warned === "warn" || warned === "critical" ? warned : "ok",
      pointedPastCompaction: typeof value.pointedPastCompaction === "string" ? value.pointedPastCompaction : null
    };
  } catch {
    return { ...FRESH_MEMORY };
  }
}
function writeHookMemory(runtime, sessionId, memory) {
  const path = memoryPath(runtime, sessionId);
  makeFolder((0, import_node_path18.join)(path, ".."), 448, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(memory)}
`, 384);
}
var import_node_fs21, import_node_path18, FRESH_MEMORY;
var init_hook_memory = __esm({
  "src/claude/hooks/hook-memory.ts"() {
    "use strict";
    init_make_folder();
    import_node_fs21 = require("fs");
    import_node_path18 = require("path");
    init_atomic_write();
    init_paths();
    FRESH_MEMORY = { warnedStatus: "ok", pointedPastCompaction: null };
  }
});

// src/claude/hooks/usage-warning.ts
function usageWarning(usage, warnedStatus) {
  if (usage.subagent) return { text: null, warnedStatus };
  if (RANK[usage.status] <= RANK[warnedStatus]) return { text: null, warnedStatus: usage.status };
  return {
    text: `[ctx-monitor] Context ${usage.status}: ${usage.summary} Give write_handoff (ctx-monitor) your goal, current state, decisions, next steps and open questions, so nothing is lost when Claude Code compacts.`,
    warnedStatus: usage.status
  };
}
function compactionKey(compaction) {
  if (!compaction) return null;
  return `${compaction.at ?? "?"}/${compaction.preTokens === null ? "?" : roundTokens(compaction.preTokens)}`;
}
var RANK;
var init_usage_warning = __esm({
  "src/claude/hooks/usage-warning.ts"() {
    "use strict";
    init_format();
    RANK = { ok: 0, warn: 1, critical: 2 };
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
          let entry = this.entries.get(path);
          const cold = !entry || entry.dev !== source.dev || entry.ino !== source.ino || source.size < entry.offset || fingerprintAt(source, entry.offset) !== entry.fingerprint;
          if (cold || !entry)
            entry = {
              dev: source.dev,
              ino: source.ino,
              offset: 0,
              fingerprint: fingerprintAt(source, 0),
              reducer: this.create(),
              problems: noLineProblems()
            };
          return this.continueRead(path, entry, source, cold);
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

// src/redact/redact-values.ts
function words(name2) {
  return name2.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function namesCredential(name2) {
  const parts = words(name2);
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
  const { inner, quoted: quoted2 } = unquote(value.trim());
  const text2 = inner.trim();
  if (text2.length < 3) return false;
  if (REFERENCE.test(text2) || PLACEHOLDER.test(text2) || VERSION.test(text2)) return false;
  if (!quoted2 && CODE.test(text2)) return false;
  if (!quoted2 && colon && /^[a-z]+[;,]?$/.test(text2)) return false;
  if (!quoted2 && /^[A-Za-z_][\w]*$/.test(text2) && namesCredential(text2)) return false;
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
var CREDENTIAL_WORDS, CREDENTIAL_PAIRS, JOINED, REFERENCE, PLACEHOLDER, VERSION, CODE, judgedAfterColon, judgedAfterEquals, judgedArguments;
var init_redact_values = __esm({
  "src/redact/redact-values.ts"() {
    "use strict";
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
    PLACEHOLDER = /your[-_ ]|[-_ ]here$|^(?:x{3,}|\*{3,}|\.{3,}|…|changeme|change[-_]me|example|placeholder|dummy|redacted|secret|password|token|none|null|nil|undefined|true|false|yes|no|on|off|todo|tbd|test|string|str|number|int|integer|boolean|bool|bytes|any|unknown|object)$|(?:\.{3}|…)$|(?:^|[-_. ])(?:example|placeholder|sample)(?:$|[-_. ])|replace[-_ ]?me|^[-_*x.]+$/i;
    VERSION = /^[~^>=<v]*\d+(?:[._]\d+)*(?:[-+][\w.]+)?$/;
    CODE = /[()]|^(?:await|new|typeof|function|async|yield|return|lambda)\b|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+[;,]?$|^(?:string|number|boolean|str|int|bytes|Optional|Secret\w*|SecretStr|String)\b[\w[\]<>|? ]*$/;
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
  if (text2.charCodeAt(start - 1) === 34 || text2.charCodeAt(start - 1) === 39) start--;
  if (text2.charCodeAt(start - 1) === 92) start--;
  return start;
}
function credentialNameBefore(text2, at) {
  let start = at;
  while (start > 0 && at - start <= NAME_MAX && isNameChar(text2.charCodeAt(start - 1))) start--;
  if (at - start < 3 || at - start > NAME_MAX || text2.charCodeAt(start - 1) === 36) return null;
  if (at - start === last.name.length && text2.startsWith(last.name, start)) return last.credential ? last.name : null;
  const name2 = text2.slice(start, at);
  last.name = name2;
  last.credential = credentialName(name2);
  return last.credential ? name2 : null;
}
function credentialName(name2) {
  let judged = judgedNames.get(name2);
  if (judged === void 0) {
    judged = CREDENTIAL_WORD.test(name2) && namesCredential(name2);
    if (judgedNames.size > 4096) judgedNames.clear();
    judgedNames.set(name2, judged);
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
  let length = text2.startsWith("\n", at) ? 1 : text2.startsWith("\r\n", at) || text2.startsWith("\\n", at) ? 2 : -1;
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
    if (line < 0) return at;
    at = next + line;
  }
}
function inMysqlCommand(text2, at) {
  const before = text2.slice(Math.max(0, at - 400), at);
  const command = before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1
  );
  return /\b(?:mysql(?:dump|admin|sh)?|mariadb(?:-dump|-admin)?)[ \t]/.test(command);
}
var KEY_BEGIN, KEY_LINE, KEY_END, sticky, VALUE, FLAG_VALUE, whole, keepName, SEPARATOR, CODE_START, CALLED, QUOTE, CONTEXT_RULES;
var init_redact_context = __esm({
  "src/redact/redact-context.ts"() {
    "use strict";
    init_assignment_start();
    init_redact_values();
    KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
    KEY_LINE = /(?:[A-Za-z-]{1,40}:[^\r\n\\]{0,400}|[A-Za-z0-9+/=]{1,400})(?=\r?\n|\\n|$)/y;
    KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
    sticky = (pattern, text2, at) => {
      pattern.lastIndex = at;
      return pattern.exec(text2)?.[0].length ?? -1;
    };
    VALUE = `(?:${VALUE_FORMS.join("|")})`;
    FLAG_VALUE = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;
    whole = (_match, marker) => marker;
    keepName = (match, marker) => isSecretArgument(match[2] ?? "") ? `${match[1]}${marker}` : null;
    SEPARATOR = String.raw`\\?["']?[ \t]{0,64}(?:\?[ \t]{0,64})?(?::=|=(?![=>~])|:(?![:=/]))[ \t]{0,64}`;
    CODE_START = /^[A-Za-z_$]/;
    CALLED = /^[(.[]$/;
    QUOTE = /^\\?["'`]$/;
    CONTEXT_RULES = [
      {
        kind: "private-key",
        triggers: ["PRIVATE KEY"],
        pattern: KEY_BEGIN,
        replace: whole,
        extent: (match) => keyBlockEnd(match.input, match.index + match[0].length)
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
        triggers: ["authorization", "api-key", "auth-token", "private-token", "access-token"],
        pattern: /\b((?:proxy-)?authorization|x-api-key|api-key|x-auth-token|private-token|x-access-token)(\\?["']?[ \t]{0,64}[:=][ \t]{0,64}\\?["']?)(?:(Bearer|Basic|Token|Digest|token|bearer)[ \t]{1,64})?([^\s"'\\,;]{1,4000})/gi,
        replace: (match, marker) => isSecretArgument(match[4] ?? "") ? `${match[1]}${match[2]}${match[3] ? `${match[3]} ` : ""}${marker}` : null,
        skip: (match) => match[1]?.length ?? 1
      },
      {
        kind: "bearer-token",
        triggers: ["Bearer"],
        pattern: /\b(Bearer)[ \t]{1,64}([A-Za-z0-9._~+/=-]{16,4000})/g,
        replace: (match, marker) => `${match[1]} ${marker}`
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

// src/redact/redact-prefixed.ts
var rule, START, END, PREFIXED_RULES;
var init_redact_prefixed = __esm({
  "src/redact/redact-prefixed.ts"() {
    "use strict";
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
      rule("aws-access-key-id", String.raw`${START}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${END}`, [
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
      rule("telegram-bot-token", String.raw`(?<![A-Za-z0-9_:])\d{5,16}:A[A-Za-z0-9_-]{34}${END}`, [":A"]),
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
function redactSecrets(input) {
  const made = PLANS.map(() => 0);
  let text2 = input;
  let parts = stretches(text2);
  const anywhere = new Uint8Array(TRIGGERS.literals.length);
  for (const part of parts)
    for (let index = 0; index < anywhere.length; index++) if (part.present[index]) anywhere[index] = 1;
  if (WHOLE_TEXT.some((plan) => mayMatch(plan, anywhere))) {
    const redacted = applyPlans(WHOLE_TEXT, text2, anywhere, made);
    if (redacted !== text2) {
      text2 = redacted;
      parts = stretches(text2, KEY_MARKER);
    }
  }
  const pieces = parts.map((part) => applyPlans(BY_LINES, text2.slice(part.start, part.end), part.present, made));
  text2 = pieces.length === 1 ? pieces[0] ?? "" : pieces.join("");
  const counts = {};
  for (const plan of PLANS)
    if (made[plan.index]) counts[plan.rule.kind] = (counts[plan.rule.kind] ?? 0) + (made[plan.index] ?? 0);
  return { text: text2, counts, total: made.reduce((sum, count) => sum + count, 0) };
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
  const redacted = text2.replace(rule2.pattern, () => {
    count++;
    return marker;
  });
  made[index] = (made[index] ?? 0) + count;
  return count === 0 ? text2 : redacted;
}
var RULES, TRIGGERS, indexOf, PLANS, MARKERS, WHOLE_TEXT, BY_LINES, STRETCH, KEY_MARKER, mayMatch;
var init_redact = __esm({
  "src/redact/redact.ts"() {
    "use strict";
    init_redact_context();
    init_redact_prefixed();
    init_triggers();
    RULES = [
      // Private keys first: their base64 lines must not be taken apart by the token rules.
      ...CONTEXT_RULES.filter((rule2) => rule2.kind === "private-key"),
      ...PREFIXED_RULES.map((rule2) => ({
        kind: rule2.kind,
        pattern: rule2.pattern,
        triggers: rule2.triggers
      })),
      ...CONTEXT_RULES.filter((rule2) => rule2.kind !== "private-key")
    ];
    TRIGGERS = compileTriggers([...new Set(RULES.flatMap((rule2) => [...rule2.triggers, ...rule2.requires ?? []]))]);
    indexOf = (literal) => TRIGGERS.literals.indexOf(literal);
    PLANS = RULES.map((rule2, index) => ({
      rule: rule2,
      index,
      marker: `[REDACTED:${rule2.kind}]`,
      triggers: rule2.triggers.map(indexOf),
      requires: rule2.requires?.map(indexOf)
    }));
    MARKERS = [...new Set(PLANS.map((plan) => plan.marker))];
    WHOLE_TEXT = PLANS.filter((plan) => plan.rule.kind === "private-key");
    BY_LINES = PLANS.filter((plan) => plan.rule.kind !== "private-key");
    STRETCH = 65536;
    KEY_MARKER = WHOLE_TEXT.length === 1 ? WHOLE_TEXT[0]?.marker : void 0;
    mayMatch = (plan, present) => plan.triggers.some((index) => present[index]) && (!plan.requires || plan.requires.some((index) => present[index]));
  }
});

// src/transcript/tool-calls.ts
function shorten(text2, max = 72) {
  const line = text2.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function redactedLabel(text2, max = 72) {
  return shorten(redactSecrets(text2.slice(0, 4096)).text, max);
}
function displayPath(path, projectDir) {
  if (projectDir && (0, import_node_path19.isAbsolute)(path)) {
    const inside = (0, import_node_path19.relative)(projectDir, path);
    if (inside && !inside.startsWith("..") && !(0, import_node_path19.isAbsolute)(inside)) return inside;
  }
  return path;
}
function describeToolCall(name2, input, projectDir) {
  const fields2 = typeof input === "object" && input !== null ? input : {};
  const file = str2(fields2.file_path) ?? str2(fields2.notebook_path);
  const path = file ? displayPath(file, projectDir) : null;
  if (path) return { name: name2, label: `${name2} ${redactSecrets(path).text}`, path };
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name2);
  if (mcp) return { name: name2, label: toolDisplayName(name2), path: null };
  const detail = str2(fields2.command) ?? str2(fields2.subject) ?? str2(fields2.description) ?? str2(fields2.pattern) ?? str2(fields2.url) ?? str2(fields2.query) ?? str2(fields2.prompt);
  return { name: name2, label: detail ? `${name2}: ${redactedLabel(detail)}` : name2, path: null };
}
function toolDisplayName(tool) {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  return mcp ? `${mcp[1]}/${mcp[2]}` : tool;
}
var import_node_path19, str2;
var init_tool_calls = __esm({
  "src/transcript/tool-calls.ts"() {
    "use strict";
    import_node_path19 = require("path");
    init_redact();
    str2 = (value) => typeof value === "string" && value ? value : null;
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

// src/handoff/facts.ts
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
var KEPT_CHARS, REDACT_MARGIN, NEWEST, TURNS_WITH_DETAIL, RELEASED, SUBAGENT_TRAILER, READ_TOOLS, EDIT_TOOLS, WRITE_TOOLS, SUBAGENT_TOOLS, str3, fields, FactCollector;
var init_facts = __esm({
  "src/handoff/facts.ts"() {
    "use strict";
    init_tool_calls();
    init_records();
    init_user_text();
    init_line_changes();
    init_redact();
    KEPT_CHARS = 16e3;
    REDACT_MARGIN = 16384;
    NEWEST = { commands: 150, errors: 50, subagents: 30, turns: 60 };
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
        redactions: {}
      };
      files = /* @__PURE__ */ new Map();
      tasks = /* @__PURE__ */ new Map();
      calls = /* @__PURE__ */ new Map();
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
        return {
          ...this.facts,
          files: [...this.files.values()],
          tasks: [...this.tasks.values()],
          redactions: { ...this.facts.redactions }
        };
      }
      /** Redacted whole, counted. */
      clean(text2) {
        const redacted = redactSecrets(text2);
        for (const [kind, count] of Object.entries(redacted.counts))
          this.facts.redactions[kind] = (this.facts.redactions[kind] ?? 0) + count;
        return redacted.text;
      }
      /**
       * Its start and end, redacted: enough for any excerpt, bounded however long the output was.
       * Security: each end is redacted before it is cut, over a window longer than any secret a rule knows,
       * so a cut never leaves the head of a secret that is too short for its rule to recognise.
       */
      keep(text2) {
        if (text2.length <= KEPT_CHARS) return { text: this.clean(text2), chars: text2.length };
        const half = KEPT_CHARS / 2;
        const head = this.clean(text2.slice(0, half + REDACT_MARGIN)).slice(0, half);
        const tail = this.clean(text2.slice(-(half + REDACT_MARGIN))).slice(-half);
        return { text: head, chars: text2.length, tail };
      }
      /** Security: labels are redacted before they are cut (describeToolCall does it). */
      describe(name2, input) {
        return describeToolCall(name2, input, this.facts.projectDir).label;
      }
      get turn() {
        return this.facts.prompts.length;
      }
      currentTurn() {
        let turn = this.facts.turns.at(-1);
        if (!turn || turn.prompt !== this.turn) {
          turn = { prompt: this.turn, actions: [], replies: [] };
          this.facts.turns.push(turn);
          release(this.facts.turns, TURNS_WITH_DETAIL, (old) => old.replies = old.replies.length ? [RELEASED] : []);
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
          release(this.facts.commands, NEWEST.commands, (old) => old.output = null);
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
        this.currentTurn().actions.push(this.describe(block.name, input));
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
        const shown = displayPath(path, this.facts.projectDir);
        const entry = this.files.get(shown) ?? { path: shown, reads: 0, edits: 0, writes: 0, added: 0, removed: 0 };
        if (READ_TOOLS.has(tool)) entry.reads++;
        else if (EDIT_TOOLS.has(tool)) entry.edits++;
        else if (WRITE_TOOLS.has(tool)) entry.writes++;
        else return null;
        this.files.set(shown, entry);
        return entry;
      }
      error(source, message) {
        this.facts.errors.push({ turn: this.turn, source: this.clean(source), message: this.keep(message) });
        release(this.facts.errors, NEWEST.errors, (old) => old.message = RELEASED);
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

// src/handoff/excerpt.ts
function clip(kept, max) {
  if (kept.text.length <= max && kept.chars <= KEPT_CHARS) return kept.text;
  return `${kept.text.slice(0, max)}
\u2026 ${cutNote(kept.chars)}`;
}
function headAndTail(kept, limit) {
  const whole2 = kept.tail === void 0 ? kept.text : null;
  if (whole2 !== null && whole2.length <= limit.chars && lineCount(whole2) <= limit.lines) return whole2;
  const head = firstLines2(kept.text, Math.floor(limit.chars / 3), Math.floor(limit.lines / 3));
  const tail = lastLines(kept.tail ?? kept.text, limit.chars - head.length, limit.lines - lineCount(head));
  return `${head}
\u2026 ${cutNote(kept.chars)} \u2026
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

// src/handoff/render.ts
function boundedNote(text2) {
  if (text2.length <= NOTE_LIMIT) return text2;
  const kept = text2.slice(0, NOTE_LIMIT);
  const open = kept.split("\n").reduce((fence, line) => {
    const mark = /^\s*(`{3,})/.exec(line)?.[1];
    if (!mark) return fence;
    return fence === null ? mark : line.trim() === fence ? null : fence;
  }, null);
  return `${kept}${open ? `
${open}` : ""}
\u2026 [cut: this note was ${exactNumber(text2.length)} chars; the last ${exactNumber(text2.length - NOTE_LIMIT)} were not kept]`;
}
function renderHandoff(input) {
  const sections = [
    notesSection(input.notes),
    promptsSection(input.facts),
    tasksSection(input.facts),
    filesSection(input.facts),
    commandsSection(input.facts),
    errorsSection(input.facts),
    subagentsSection(input.facts),
    turnsSection(input.facts),
    compactionsSection(input.facts),
    gitSection(input.git),
    earlierSection(input.earlier)
  ].filter((section) => section !== null && section[1].trim() !== "");
  const body = sections.map(([title, text2]) => `## ${title}

${text2.trimEnd()}`).join("\n\n");
  return {
    markdown: `${renderHeader(input)}

${body ? `${body}

` : ""}---
${input.resumeInstruction}
`,
    sections: sections.map(([title]) => title)
  };
}
function newest(items, keep, what) {
  if (items.length <= keep) return { shown: [...items], offset: 0, note: "" };
  return {
    shown: items.slice(-keep),
    offset: items.length - keep,
    note: `(${items.length - keep} earlier ${what} not shown; the transcript has them all.)

`
  };
}
function fenced(text2, language = "") {
  const longest = Math.max(2, ...[...text2.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${text2}
${fence}`;
}
function quoted(text2) {
  return text2.split("\n").map((line) => `> ${line}`).join("\n");
}
function indent(text2) {
  return text2.split("\n").map((line) => line ? `   ${line}` : line).join("\n");
}
function notesSection(notes) {
  const body = Object.keys(NOTE_TITLES).flatMap((key) => {
    const note = notes[key]?.trim();
    return note ? [`### ${NOTE_TITLES[key]}

${boundedNote(note)}`] : [];
  }).join("\n\n");
  return ["Agent's notes", body];
}
function promptsSection(facts) {
  const body = facts.prompts.map(
    (prompt) => `### ${prompt.command ? "Command" : "Prompt"} ${prompt.number}${prompt.at ? ` \u2014 ${prompt.at}` : ""}

${fenced(prompt.text, "text")}`
  ).join("\n\n");
  return ["User prompts (verbatim)", body];
}
function tasksSection(facts) {
  return [
    "Task list (latest)",
    facts.tasks.map((task) => `- [${task.status === "completed" ? "x" : " "}] #${task.id} ${task.subject} \u2014 ${task.status}`).join("\n")
  ];
}
function filesSection(facts) {
  if (!facts.files.length) return null;
  const rows = [...facts.files].sort(
    (a, b) => b.added + b.removed - (a.added + a.removed) || b.edits + b.writes - (a.edits + a.writes) || b.reads - a.reads || a.path.localeCompare(b.path)
  ).map((file) => {
    const lines2 = file.added || file.removed ? `+${file.added} \u2212${file.removed}` : "";
    return `| \`${file.path}\` | ${file.reads || ""} | ${file.edits || ""} | ${file.writes || ""} | ${lines2} |`;
  });
  const changed = facts.files.filter((file) => file.edits || file.writes);
  const added = changed.reduce((sum, file) => sum + file.added, 0);
  const removed = changed.reduce((sum, file) => sum + file.removed, 0);
  const stat = changed.length ? ` (${exactNumber(added)} lines added, ${exactNumber(removed)} removed by the session's edits)` : "";
  return [
    "Files",
    `${counted(facts.files.length, "file")} touched, ${changed.length} changed${stat}.

| file | read | edited | written | lines |
| --- | --- | --- | --- | --- |
${rows.join("\n")}`
  ];
}
function commandsSection(facts) {
  if (!facts.commands.length) return null;
  const failed = facts.commands.filter((command) => command.ok === false).length;
  const { shown, offset, note } = newest(facts.commands, NEWEST.commands, "commands");
  const list = shown.map((command, shownIndex) => {
    const outcome = command.ok === null ? "no result recorded" : command.ok ? "ok" : "**failed**";
    const head = `${offset + shownIndex + 1}. \`${command.command.replace(/\s+/g, " ").slice(0, 300)}\` \u2014 ${outcome} (after prompt ${command.turn})${command.description ? ` \u2014 ${command.description}` : ""}`;
    if (!command.output?.text.trim()) return head;
    return `${head}

${indent(fenced(headAndTail(command.output, command.ok === false ? OUTPUT.failed : OUTPUT.ok).trimEnd()))}`;
  });
  return ["Commands", `${facts.commands.length} run, ${failed} failed.

${note}${list.join("\n")}`];
}
function errorsSection(facts) {
  const errors = newest(facts.errors, NEWEST.errors, "errors");
  return [
    "Errors",
    errors.note + errors.shown.map(
      (error) => `- after prompt ${error.turn}, ${error.source}:

${indent(fenced(clip(error.message, LIMITS2.error)))}`
    ).join("\n")
  ];
}
function subagentsSection(facts) {
  const subagents = newest(facts.subagents, NEWEST.subagents, "subagents");
  const text2 = subagents.shown.map((agent) => {
    const lines2 = [
      `### ${agent.description}${agent.type ? ` (${agent.type})` : ""} \u2014 after prompt ${agent.turn}`,
      "",
      "Prompt:",
      "",
      quoted(clip(agent.prompt, LIMITS2.subagentPrompt))
    ];
    lines2.push(
      "",
      agent.report === null ? "No report recorded." : `Report:

${quoted(clip(agent.report, LIMITS2.report))}`
    );
    return lines2.join("\n");
  });
  return ["Subagents", subagents.note + text2.join("\n\n")];
}
function turnsSection(facts) {
  const turns = newest(
    facts.turns.filter((turn) => turn.actions.length || turn.replies.length),
    NEWEST.turns,
    "prompts' activity"
  );
  const body = turns.shown.map((turn) => {
    const title = turn.prompt === 0 ? "Before the first prompt" : `After prompt ${turn.prompt}`;
    const actions = turn.actions.length ? `${counted(turn.actions.length, "tool call")}: ${summarizeActions(turn.actions)}` : "No tool calls.";
    const replies = turn.replies.length ? `

The agent said:

${turn.replies.map((reply) => quoted(clip(reply, LIMITS2.assistantText))).join("\n>\n")}` : "";
    return `### ${title}

${actions}${replies}`;
  });
  return ["What happened, prompt by prompt", turns.note + body.join("\n\n")];
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
  return [
    "Earlier handoffs of this session",
    oldestFirst.map((handoff) => `- ${handoff.modified}: \`${handoff.path}\``).join("\n")
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
function summarizeActions(actions) {
  const counts = /* @__PURE__ */ new Map();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => count > 1 ? `${action} \xD7${count}` : action).join("; ");
}
var NOTE_TITLES, LIMITS2, OUTPUT, NOTE_LIMIT;
var init_render = __esm({
  "src/handoff/render.ts"() {
    "use strict";
    init_format();
    init_excerpt();
    init_facts();
    NOTE_TITLES = {
      goal: "Goal",
      currentState: "Current state",
      decisions: "Decisions and why",
      nextSteps: "Next steps",
      openQuestions: "Open questions",
      warnings: "Warnings"
    };
    LIMITS2 = { report: 4e3, assistantText: 1500, error: 1500, subagentPrompt: 1500 };
    OUTPUT = { ok: { chars: 1200, lines: 24 }, failed: { chars: 3e3, lines: 60 } };
    NOTE_LIMIT = 64e3;
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
  const path = (0, import_node_path20.relative)(parent, child);
  return path === "" || !path.startsWith("..") && !(0, import_node_path20.isAbsolute)(path);
}
function handoffFolder(configured, projectDir) {
  if (configured && (0, import_node_path20.isAbsolute)(configured)) return { path: (0, import_node_path20.resolve)(configured), confinedTo: null };
  const path = (0, import_node_path20.resolve)(projectDir, configured ?? DEFAULT_HANDOFF_DIR);
  if (!isInside((0, import_node_path20.resolve)(projectDir), path)) {
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
  for (let at = path; ; at = (0, import_node_path20.dirname)(at)) {
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
    if ((0, import_node_path20.dirname)(at) === at) return at;
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
function isHandoffOfSession(name2, sessionId) {
  return name2.includes(`Z-${sessionTag(sessionId)}`);
}
function writeNewHandoff(folder, name2, content) {
  const target = (0, import_node_path20.join)(folder, name2);
  if (name2.includes(import_node_path20.sep) || name2.includes("/") || !isInside(folder, target) || (0, import_node_path20.relative)(folder, target) !== name2) {
    throw new HandoffPathError(`refusing to write ${JSON.stringify(name2)}: not a plain file name inside ${folder}`);
  }
  const names = Array.from(
    { length: 1e3 },
    (_, index) => index === 0 ? name2 : `${name2.replace(/\.md$/, "")}-${index + 1}.md`
  );
  const written = writeNewFile(folder, names, content, 384);
  if (written === null) {
    throw new HandoffPathError(`could not find a free name for ${name2} in ${folder}; remove old handoffs there`);
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
  for (const name2 of names) {
    if (!name2.endsWith(".md") || name2.startsWith(".")) continue;
    try {
      const stat = (0, import_node_fs22.lstatSync)((0, import_node_path20.join)(folder, name2));
      if (stat.isFile() && stat.nlink === 1)
        found.push({ name: name2, path: (0, import_node_path20.join)(folder, name2), bytes: stat.size, modified: stat.mtime.toISOString() });
    } catch {
    }
  }
  return found.sort((a, b) => b.name.localeCompare(a.name) || b.modified.localeCompare(a.modified));
}
function handoffInFolder(folder, requested) {
  const real = (0, import_node_fs22.realpathSync)(folder);
  let target;
  try {
    target = (0, import_node_fs22.realpathSync)((0, import_node_path20.resolve)(real, requested));
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
var import_node_fs22, import_node_path20, HandoffPathError, DEFAULT_HANDOFF_DIR, LABEL;
var init_store2 = __esm({
  "src/handoff/store.ts"() {
    "use strict";
    import_node_fs22 = require("fs");
    import_node_path20 = require("path");
    init_atomic_write();
    init_make_folder();
    init_user_error();
    HandoffPathError = class extends UserError {
    };
    DEFAULT_HANDOFF_DIR = (0, import_node_path20.join)(".claude", "handoffs");
    LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
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
  const notes = redactNotes(request2.notes, noteRedactions);
  const rendered = renderHandoff({
    facts: { ...facts, sessionId: facts.sessionId ?? usage.sessionId, projectDir },
    notes,
    writtenAt: now.toISOString(),
    transcriptPath,
    context: usage.subagent ? null : contextFigures(usage),
    git: git2,
    earlier,
    resumeInstruction: `${RESUME_HINT} (or read the resource ctx-monitor://handoffs/latest), then ${request2.notes.nextSteps?.trim() ? "continue from its next steps" : "pick up from the newest user prompt and what happened after it"}.`
  });
  const redacted = redactSecrets(rendered.markdown);
  const redactions = [redacted.counts, noteRedactions, facts.redactions].flatMap((counts) => Object.values(counts)).reduce((sum, count) => sum + count, 0);
  const path = writeNewHandoff(folder, fileName, redacted.text);
  const bytes = Buffer.byteLength(redacted.text);
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
    resumeInstruction: `${RESUME_HINT}: ${path}.`,
    summary: `Handoff written to ${path} (${exactNumber(bytes)} bytes: ${counted(facts.prompts.length, "prompt")}, ${counted(facts.files.length, "file")}, ${counted(facts.commands.length, "command")}${redactions ? `, ${counted(redactions, "secret")} redacted` : ""}). ${RESUME_HINT}.`
  };
}
function redactNotes(notes, counts) {
  const redacted = {};
  for (const [key, value] of Object.entries(notes)) {
    if (value === void 0) continue;
    const result = redactSecrets(value);
    for (const [kind, count] of Object.entries(result.counts)) counts[kind] = (counts[kind] ?? 0) + count;
    redacted[key] = result.text;
  }
  return redacted;
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
    init_paths();
    init_config();
    init_format();
    init_read_usage();
    init_incremental_reader();
    init_facts();
    init_git();
    init_redact();
    init_render();
    init_store2();
    RESUME_HINT = "To resume in a new session, use the ctx-monitor `resume` prompt or read this handoff";
  }
});

// src/claude/hooks/handlers.ts
function projectOf(input, runtime) {
  return runtime.env.CLAUDE_PROJECT_DIR || input.cwd || runtime.cwd;
}
function request(input, runtime) {
  return {
    ...input.transcriptPath ? { transcriptPath: input.transcriptPath } : { sessionId: input.sessionId },
    projectDir: projectOf(input, runtime)
  };
}
async function preCompact(input, runtime) {
  const { createHandoffDeps: createHandoffDeps2, writeHandoff: writeHandoff2 } = await Promise.resolve().then(() => (init_write_handoff(), write_handoff_exports));
  await writeHandoff2(
    { ...request(input, runtime), name: "pre-compact", notes: { warnings: AUTOMATIC_HANDOFF_NOTE } },
    createHandoffDeps2(runtime, createUsageDeps(runtime))
  );
  return "";
}
async function newestHandoffOf(input, runtime) {
  const { configuredHandoffDir: configuredHandoffDir2 } = await Promise.resolve().then(() => (init_write_handoff(), write_handoff_exports));
  const { handoffFolder: handoffFolder2, isHandoffOfSession: isHandoffOfSession2, listHandoffs: listHandoffs2 } = await Promise.resolve().then(() => (init_store2(), store_exports));
  const folder = handoffFolder2(configuredHandoffDir2(runtime), projectOf(input, runtime)).path;
  return listHandoffs2(folder).find((handoff) => isHandoffOfSession2(handoff.name, input.sessionId))?.path ?? null;
}
async function sessionStart(input, runtime) {
  recordSession(runtime, {
    sessionId: input.sessionId,
    transcriptPath: input.transcriptPath,
    cwd: projectOf(input, runtime),
    modelId: input.model,
    contextWindowSize: null,
    writtenBy: "hook:SessionStart"
  });
  if (!input.transcriptPath || !(0, import_node_fs23.existsSync)(input.transcriptPath)) return "";
  const cache = new CompactionCache((0, import_node_path21.join)(ctxMonitorStateDir(runtime), "scans"));
  const newest2 = withByteSource(input.transcriptPath, (source) => cache.scan(source)).last;
  const key = compactionKey(newest2);
  const memory = readHookMemory(runtime, input.sessionId);
  if (key === null || key === memory.pointedPastCompaction) return "";
  const handoff = await newestHandoffOf(input, runtime);
  writeHookMemory(runtime, input.sessionId, { ...memory, pointedPastCompaction: key, warnedStatus: "ok" });
  if (!handoff) return "";
  return handoffPointer(handoff, (0, import_node_fs23.readFileSync)(handoff, "utf8"), newest2?.trigger ?? null);
}
async function usageCheck(input, runtime, event) {
  if (!input.transcriptPath || !(0, import_node_fs23.existsSync)(input.transcriptPath)) return "";
  const usage = await readContextUsage(request(input, runtime), createUsageDeps(runtime));
  const memory = readHookMemory(runtime, input.sessionId);
  const decision = usageWarning(usage, memory.warnedStatus);
  if (decision.warnedStatus !== memory.warnedStatus)
    writeHookMemory(runtime, input.sessionId, { ...memory, warnedStatus: decision.warnedStatus });
  if (!decision.text) return "";
  if (event === "user-prompt-submit") return decision.text;
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: CLAUDE_EVENT_NAMES[event], additionalContext: decision.text }
  });
}
function runHookEvent(event, input, runtime) {
  switch (event) {
    case "pre-compact":
      return preCompact(input, runtime);
    case "session-start":
      return sessionStart(input, runtime);
    case "user-prompt-submit":
    case "post-tool-use":
      return usageCheck(input, runtime, event);
  }
}
var import_node_fs23, import_node_path21, AUTOMATIC_HANDOFF_NOTE;
var init_handlers = __esm({
  "src/claude/hooks/handlers.ts"() {
    "use strict";
    import_node_fs23 = require("fs");
    import_node_path21 = require("path");
    init_paths();
    init_record_session();
    init_read_usage();
    init_byte_source();
    init_compaction_cache();
    init_hook_input();
    init_handoff_pointer();
    init_hook_memory();
    init_usage_warning();
    AUTOMATIC_HANDOFF_NOTE = "Written automatically by the ctx-monitor PreCompact hook just before Claude Code compacted the conversation: it holds what the transcript says, not the agent's own notes (goal, state, decisions, next steps).";
  }
});

// src/commands/hook.ts
var hook_exports = {};
__export(hook_exports, {
  hookCommand: () => hookCommand,
  runHook: () => runHook
});
function hookLogPath(runtime) {
  return (0, import_node_path22.join)(ctxMonitorStateDir(runtime), "hooks.log");
}
function logProblem(runtime, event, message) {
  try {
    makeFolder(ctxMonitorStateDir(runtime), 448, STATE_DIR_SETTING);
    (0, import_node_fs24.appendFileSync)(
      hookLogPath(runtime),
      `${runtime.now().toISOString()} hook ${event}: ${message.replace(/\s+/g, " ")}
`,
      { mode: 384 }
    );
  } catch {
  }
}
async function hookOutput(event, text2, runtime) {
  if (!isHookEvent(event))
    throw new Error(`unknown hook event ${JSON.stringify(event)}; expected one of ${HOOK_EVENTS.join(", ")}`);
  const input = parseHookInput(text2);
  if (!input) throw new Error("no hook input on stdin (a JSON object with session_id)");
  const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
  if (plugin) return event === "session-start" ? installedTwiceNotice(plugin) : "";
  return runHookEvent(event, input, runtime);
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
    const output2 = await hookOutput(event, text2, runtime);
    if (output2) out.stdout(output2.endsWith("\n") ? output2 : `${output2}
`);
  } catch (error) {
    logProblem(runtime, event ?? "?", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(watchdog);
  }
  return 0;
}
var import_node_fs24, import_node_path22, WATCHDOG_MS, hookCommand;
var init_hook = __esm({
  "src/commands/hook.ts"() {
    "use strict";
    init_make_folder();
    import_node_fs24 = require("fs");
    import_node_path22 = require("path");
    init_paths();
    init_plugin_presence();
    init_handlers();
    init_hook_input();
    init_stdin_json();
    WATCHDOG_MS = { "pre-compact": 45e3, other: 1e4 };
    hookCommand = {
      name: "hook",
      summary: "Claude Code hook (its JSON on stdin): context warnings, a handoff before compaction, a pointer after it",
      synopsis: `<${HOOK_EVENTS.join(" | ")}> < hook-input.json`,
      options: {},
      arguments: ["EVENT"],
      run: (context) => runHook(context.positionals[0], context.runtime, context.out)
    };
  }
});

// src/bin.ts
var import_node_fs25 = require("fs");
var import_node_path23 = require("path");
var import_node_url = require("url");

// src/runtime.ts
var import_node_fs = require("fs");
var import_node_os = require("os");
function nodeRuntime() {
  return {
    env: process.env,
    homeDir: (0, import_node_os.homedir)(),
    cwd: process.cwd(),
    now: () => /* @__PURE__ */ new Date(),
    startedAt: new Date(Date.now() - process.uptime() * 1e3),
    ancestorPids: () => ancestorsOf(process.pid)
  };
}
function ancestorsOf(pid, limit = 12) {
  const ancestors = [];
  let current = pid;
  for (let depth = 0; depth < limit; depth++) {
    const parent = parentOf(current);
    if (parent === null || parent <= 1) break;
    ancestors.push(parent);
    current = parent;
  }
  if (ancestors.length === 0 && pid === process.pid && process.ppid > 1) ancestors.push(process.ppid);
  return ancestors;
}
function parentOf(pid) {
  try {
    const stat = (0, import_node_fs.readFileSync)(`/proc/${pid}/stat`, "utf8");
    const fields2 = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields2[1]);
    return Number.isInteger(parent) ? parent : null;
  } catch {
    return null;
  }
}

// src/bin.ts
var [name, ...rest] = process.argv.slice(2);
var output = {
  stdout: (text2) => void writeAll(1, text2),
  stderr: (text2) => void writeAll(2, text2)
};
function writeAll(fd, text2) {
  const bytes = Buffer.from(text2);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += (0, import_node_fs25.writeSync)(fd, bytes, offset);
    } catch (error) {
      if (error.code !== "EAGAIN") return;
    }
  }
}
if (name === "statusline" && rest.length === 0) {
  void Promise.resolve().then(() => (init_statusline2(), statusline_exports)).then(({ runStatusline: runStatusline2 }) => runStatusline2(nodeRuntime(), output)).then((code) => process.exitCode = code);
} else if (name === "hook" && rest.length === 1) {
  void Promise.resolve().then(() => (init_hook(), hook_exports)).then(({ runHook: runHook2 }) => runHook2(rest[0], nodeRuntime(), output)).then((code) => process.exitCode = code);
} else {
  void import((0, import_node_url.pathToFileURL)((0, import_node_path23.join)(__dirname, "cli.js")).href);
}
