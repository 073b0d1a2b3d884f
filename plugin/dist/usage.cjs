#!/usr/bin/env node
const __ctxMonitorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// src/commands/usage-entry.ts
var usage_entry_exports = {};
__export(usage_entry_exports, {
  runKnownCommand: () => runKnownCommand,
  usageCommand: () => usageCommand
});
module.exports = __toCommonJS(usage_entry_exports);

// src/commands/run-command.ts
var import_node_util = require("util");

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

// src/present/safe-text.ts
var CONTROL = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
);
var OWN_MARK = String.fromCharCode(
  ...Array.from(globalThis.crypto.getRandomValues(new Uint16Array(4)), (random) => 57344 + random % 6400)
);
var OWN_SGR = /^\u001b\[(?:0|1|2|31|32|33)m/;
function ownColor(code) {
  return `${OWN_MARK}\x1B[${code}m`;
}
var JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var QUICK_CHECK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function terminalText(text, options = {}) {
  if (!QUICK_CHECK.test(text)) return text;
  const keepColor = options.color === true;
  const pieces = text.split(OWN_MARK);
  return pieces.map((piece, index) => {
    const own = index > 0 ? OWN_SGR.exec(piece)?.[0] ?? "" : "";
    return (keepColor ? own : "") + piece.slice(own.length).replace(CONTROL, "");
  }).join("");
}
function jsonEscaped(json) {
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function jsonText(value) {
  return jsonEscaped(JSON.stringify(value, null, 2));
}

// src/present/terminal.ts
var PLAIN = { color: false, unicode: true, columns: null };
function styleFor({ env, isTTY, columns, colorByDefault = isTTY && env.TERM !== "dumb" }) {
  const forced = env.FORCE_COLOR;
  const color = env.NO_COLOR ? false : forced !== void 0 && forced !== "" ? forced !== "0" && forced.toLowerCase() !== "false" : colorByDefault;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return { color, unicode: /utf-?8/i.test(locale), columns: isTTY && columns && columns > 20 ? columns : null };
}
var SGR = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 };
function paint(style, tone, text) {
  return style.color && text ? `${ownColor(SGR[tone])}${text}${ownColor(0)}` : text;
}
function statusTone(status) {
  return status === "critical" ? "red" : status === "warn" ? "yellow" : "green";
}
function wrap(style, text, indent = "") {
  const width = style.columns;
  if (!width) return text;
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((text2, index) => index === 0 ? text2 : `${indent}${text2}`).join("\n");
}

// src/version.ts
var import_node_fs = require("fs");
function readPackage() {
  try {
    const raw = JSON.parse((0, import_node_fs.readFileSync)(new URL("../package.json", __ctxMonitorImportMetaUrl), "utf8"));
    return { name: String(raw.name ?? "ctx-monitor"), version: String(raw.version ?? "0.0.0") };
  } catch {
    return { name: "ctx-monitor", version: "0.0.0" };
  }
}
var PACKAGE = readPackage();

// src/commands/flag-words.ts
var FLAGS = [
  [/\bsession_id\b/g, "--session"],
  [/\btranscript_path\b/g, "--transcript"]
];
function inCliWords(message) {
  return FLAGS.reduce((text, [parameter, flag]) => text.replace(parameter, flag), message);
}

// src/commands/help.ts
var EXIT_CODES = "Exit codes: 0 done, 2 a refusal you can fix (the message says what to pass or fix), 1 a fault to report.";
function commandHelp(command) {
  return [
    `${PACKAGE.name} ${command.name}: ${command.summary}`,
    "",
    `Usage: ${PACKAGE.name} ${command.name} ${command.synopsis}`.trimEnd(),
    "",
    EXIT_CODES
  ].join("\n");
}

// src/commands/option-values.ts
var PROBLEM = {
  count: "takes a whole number of 1 or more",
  port: "takes a port number from 0 to 65535 (0: any free port)",
  url: "takes an http(s) URL such as https://api.anthropic.com"
};
function fits(kind, value) {
  if (kind === "url") {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }
  if (!/^\d+$/.test(value)) return false;
  const number = Number(value);
  return kind === "count" ? number >= 1 : number <= 65535;
}
function badOptionValue(kinds, values) {
  for (const [name, kind] of Object.entries(kinds)) {
    const value = values[name];
    if (typeof value === "string" && !fits(kind, value))
      return `--${name} ${PROBLEM[kind]}, got ${JSON.stringify(value)}`;
  }
  return null;
}

// src/commands/run-command.ts
var EXIT_OK = 0;
var EXIT_FAILED = 1;
var EXIT_USAGE = 2;
var EXCLUSIVE = [["transcript", "session"]];
async function runKnownCommand(command, rest, runtime, given) {
  const style = styleFor({ env: runtime.env, isTTY: given.terminal?.isTTY ?? false, columns: given.terminal?.columns });
  const out = safeOutput(given, style.color);
  const usageError = (problem) => {
    out.stderr(
      `${PACKAGE.name} ${command.name}: ${problem}
usage: ${PACKAGE.name} ${command.name} ${command.synopsis}
`
    );
    return EXIT_USAGE;
  };
  let parsed;
  try {
    parsed = (0, import_node_util.parseArgs)({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    return usageError(argumentProblem(error));
  }
  if (parsed.values.help) {
    out.stdout(`${commandHelp(command)}
`);
    return EXIT_OK;
  }
  const expected = command.arguments ?? [];
  if (parsed.positionals.length !== expected.length) {
    return usageError(
      parsed.positionals.length > expected.length ? `unexpected argument "${parsed.positionals[expected.length]}"` : `missing ${expected.slice(parsed.positionals.length).join(" ")}`
    );
  }
  const badValue = badOptionValue(command.valueKinds ?? {}, parsed.values);
  if (badValue) {
    out.stderr(`${PACKAGE.name} ${command.name}: ${badValue}
`);
    return EXIT_USAGE;
  }
  for (const [a, b] of EXCLUSIVE) {
    if (parsed.values[a] !== void 0 && parsed.values[b] !== void 0)
      return usageError(`--${a} and --${b} select a session two ways; pass one`);
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, runtime, out, style });
  } catch (error) {
    const actionable = actionableMessage(error);
    if (actionable !== null) {
      out.stderr(`${PACKAGE.name} ${command.name}: ${inCliWords(actionable)}
`);
      return EXIT_USAGE;
    }
    out.stderr(
      `${PACKAGE.name} ${command.name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`
    );
    return EXIT_FAILED;
  }
}
function safeOutput(out, color) {
  return {
    stdout: (text) => out.stdout(terminalText(text, { color })),
    stderr: (text) => out.stderr(terminalText(text)),
    ...out.terminal ? { terminal: out.terminal } : {}
  };
}
function argumentProblem(error) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error.code;
  const option = /'(-[^']*?)(?: <value>)?'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option)
    return /argument missing/.test(message) ? `${option.split(", ").at(-1)} needs a value` : `${option} takes no value`;
  return message;
}

// src/context/read-usage.ts
var import_node_fs18 = require("fs");
var import_node_path17 = require("path");

// src/base/log.ts
function log(message) {
  process.stderr.write(`ctx-monitor: ${message}
`);
}

// src/capture/bodies-dirs.ts
var import_node_path5 = require("path");

// src/claude/claude-process.ts
var import_node_fs2 = require("fs");
var import_node_path2 = require("path");

// src/claude/paths.ts
var import_node_path = require("path");
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
var MAX_ENCODED_PROJECT_LENGTH = 200;
function claudeSessionsDir(runtime) {
  return (0, import_node_path.join)(claudeConfigDir(runtime), "sessions");
}
var STATE_DIR_SETTING = "CTX_MONITOR_STATE_DIR";
function ctxMonitorStateDir(runtime) {
  const configured = runtime.env[STATE_DIR_SETTING];
  if (configured?.trim()) return configured;
  const plugin = runtime.env.CLAUDE_PLUGIN_DATA;
  return plugin?.trim() ? plugin : (0, import_node_path.join)(claudeConfigDir(runtime), "ctx-monitor");
}
function defaultProjectDir(runtime) {
  return runtime.env.CLAUDE_PROJECT_DIR || runtime.cwd;
}

// src/claude/claude-process.ts
var PROC = "/proc";
function sameUser(pid) {
  try {
    return typeof process.getuid === "function" && (0, import_node_fs2.statSync)((0, import_node_path2.join)(PROC, String(pid))).uid === process.getuid();
  } catch {
    return false;
  }
}
function isClaude(runtime, pid) {
  if ((0, import_node_fs2.existsSync)((0, import_node_path2.join)(claudeSessionsDir(runtime), `${pid}.json`))) return true;
  try {
    return (0, import_node_fs2.readFileSync)((0, import_node_path2.join)(PROC, String(pid), "comm"), "utf8").trim() === "claude";
  } catch {
    return false;
  }
}
function nulSeparated(path) {
  try {
    const text = (0, import_node_fs2.readFileSync)(path, "utf8");
    return text ? text.replace(/\0$/, "").split("\0") : null;
  } catch {
    return null;
  }
}
function findClaudeProcess(runtime) {
  const pid = runtime.ancestorPids().find((candidate) => isClaude(runtime, candidate));
  if (pid === void 0) return null;
  const argv = sameUser(pid) ? nulSeparated((0, import_node_path2.join)(PROC, String(pid), "cmdline")) : null;
  return { pid, args: argv ? argv.slice(1) : null };
}
function runsSession(runtime, pid, sessionId) {
  if (runtime.env.CLAUDE_CODE_SESSION_ID === sessionId) return true;
  try {
    const registered = JSON.parse((0, import_node_fs2.readFileSync)((0, import_node_path2.join)(claudeSessionsDir(runtime), `${pid}.json`), "utf8"));
    return registered.sessionId === sessionId;
  } catch {
    return false;
  }
}
function processEnvValue(pid, name) {
  if (!sameUser(pid)) return null;
  const prefix = `${name}=`;
  const entry = nulSeparated((0, import_node_path2.join)(PROC, String(pid), "environ"))?.find((line) => line.startsWith(prefix));
  return entry === void 0 ? null : entry.slice(prefix.length);
}
function canReadProcesses() {
  return (0, import_node_fs2.existsSync)((0, import_node_path2.join)(PROC, "self", "environ"));
}

// src/fs/open-regular.ts
var import_node_fs3 = require("fs");
var NotRegularFileError = class extends UserError {
};
var READ_NO_WAIT = import_node_fs3.constants.O_RDONLY | import_node_fs3.constants.O_NONBLOCK;
function kindOf(stat) {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return stat.isDirectory() ? "a folder" : "a special file";
}
function openRegularFile(path) {
  const fd = (0, import_node_fs3.openSync)(path, READ_NO_WAIT);
  try {
    const stat = (0, import_node_fs3.fstatSync)(fd);
    if (!stat.isFile())
      throw new NotRegularFileError(`${path} is not a regular file (${kindOf(stat)}); pass a session's .jsonl file`);
    return fd;
  } catch (error) {
    (0, import_node_fs3.closeSync)(fd);
    throw error;
  }
}
function readRegularText(path) {
  const fd = openRegularFile(path);
  try {
    return (0, import_node_fs3.readFileSync)(fd, "utf8");
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}

// src/capture/paths.ts
var import_node_fs5 = require("fs");
var import_node_path4 = require("path");

// src/fs/make-folder.ts
var import_node_fs4 = require("fs");
var import_node_path3 = require("path");
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
    stat = (0, import_node_fs4.statSync)(existing);
  } catch {
    throw refuse(`is a symlink to nothing; remove it or set ${setting}`);
  }
  if (stat.isFile()) (0, import_node_fs4.mkdirSync)(missing[0] ?? path, { mode });
  if (!stat.isDirectory()) throw refuse(`is ${kindOf2(stat)}, not a folder; set ${setting} to a folder`);
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
function kindOf2(stat) {
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

// src/capture/paths.ts
function captureStoreDir(runtime) {
  return (0, import_node_path4.join)(ctxMonitorStateDir(runtime), "capture");
}
function defaultBodiesDir(runtime) {
  return (0, import_node_path4.join)(captureStoreDir(runtime), "bodies");
}
function bodiesDirOf(value) {
  if (typeof value !== "string" || !value.trim().startsWith("file:")) return null;
  const dir = value.trim().slice("file:".length);
  return dir && (0, import_node_path4.isAbsolute)(dir) ? dir : null;
}
function ensurePrivateDir(dir) {
  makeFolder(dir, 448, STATE_DIR_SETTING);
  if (((0, import_node_fs5.statSync)(dir).mode & 511) !== 448) (0, import_node_fs5.chmodSync)(dir, 448);
}

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
    bodiesDirOf(settingsEnvValue((0, import_node_path5.join)(projectDir, ".claude", "settings.local.json"))),
    bodiesDirOf(settingsEnvValue((0, import_node_path5.join)(projectDir, ".claude", "settings.json"))),
    bodiesDirOf(settingsEnvValue((0, import_node_path5.join)(claudeConfigDir(runtime), "settings.json"))),
    defaultBodiesDir(runtime)
  ];
  return [...new Set(candidates.filter((dir) => dir !== null))];
}

// src/capture/count-tokens.ts
var TIMEOUT_MS = 3e3;
var BASELINE_MESSAGE = { role: "user", content: "foo" };
var MAX_PLAUSIBLE_TOKENS = 1e7;
var CountTokensFailure = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
  reason;
};
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
  const url = `${target.baseUrl.replace(/\/+$/, "")}/v1/messages/count_tokens`;
  const headers = { "content-type": "application/json", "anthropic-version": "2023-06-01", ...target.headers };
  return {
    async count(content) {
      let answer;
      let status;
      try {
        const response = await fetch(url, {
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
function groupsToMeasure(groups, cache, now) {
  return [...groups].filter((group) => cache.wants(group.key, now));
}
function markUnmeasured(groups, cache, unmeasured) {
  for (const group of groups) cache.fail(group.key, unmeasured);
  cache.save();
}
async function measureGroups(groups, counter, cache, now) {
  const wanted = groupsToMeasure(groups, cache, now);
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
        const [whole, against] = await Promise.all([
          countOnce(group.content),
          countOnce(group.against ?? { model: group.content.model })
        ]);
        if (whole < against)
          throw new CountTokensFailure("nonsense", "count_tokens counted a part as less than nothing");
        return whole - against;
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

// src/capture/otel-bodies.ts
var import_node_fs9 = require("fs");
var import_node_path8 = require("path");

// src/fs/atomic-write.ts
var import_node_fs6 = require("fs");
var import_node_path6 = require("path");

// src/base/lazy-crypto.ts
var loaded;
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

// src/fs/atomic-write.ts
function replaceFile(path, content, mode) {
  withTemporary(path, content, mode, (temporary) => (0, import_node_fs6.renameSync)(temporary, path));
}
function withTemporary(target, content, mode, use) {
  const temporary = (0, import_node_path6.join)((0, import_node_path6.dirname)(target), `.${(0, import_node_path6.basename)(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = (0, import_node_fs6.openSync)(temporary, "wx", mode);
  try {
    try {
      (0, import_node_fs6.fchmodSync)(fd, mode);
      const bytes = Buffer.from(content, "utf8");
      for (let at = 0; at < bytes.length; ) at += (0, import_node_fs6.writeSync)(fd, bytes, at, bytes.length - at);
      (0, import_node_fs6.fsyncSync)(fd);
    } catch (error) {
      error.path ??= target;
      throw error;
    } finally {
      (0, import_node_fs6.closeSync)(fd);
    }
    return use(temporary);
  } finally {
    try {
      (0, import_node_fs6.unlinkSync)(temporary);
    } catch {
    }
  }
}

// src/capture/context-probe.ts
function textProbeOf(body) {
  if (Array.isArray(body.tools) && body.tools.length > 0) return null;
  if (!Array.isArray(body.messages) || body.messages.length !== 1) return null;
  const message = body.messages[0];
  if (message?.role !== "user" || typeof message.content !== "string") return null;
  const text = message.content.trim();
  return {
    hash: hashOfText(text),
    chars: text.length,
    serverHeading: /^## \S/.test(text)
  };
}
function hashOfText(text) {
  return createHash("sha256").update(text.trim()).digest("hex");
}

// src/capture/part-groups.ts
var MCP_TOOL = /^mcp__(.+?)__/;
var hashOf = (model, partHashes) => createHash("sha256").update(`${model}
${partHashes.join("\n")}`).digest("hex");
function apiModel(model) {
  return model.replace(/\[1m\]\s*$/i, "");
}
function partGroups(body, digest) {
  const groups = /* @__PURE__ */ new Map();
  if (typeof body.model !== "string") return groups;
  const model = apiModel(body.model);
  const systemHashes = digest.parts.filter((part) => part.kind === "system-block" || part.kind === "billing-header" || part.kind === "system-message").map((part) => part.hash);
  const toolHashes = digest.parts.filter((part) => part.kind === "tool");
  const system = typeof body.system === "string" ? [{ type: "text", text: body.system }] : Array.isArray(body.system) ? body.system : [];
  const systemMessages = (Array.isArray(body.messages) ? body.messages : []).filter(
    (message) => message?.role === "system"
  );
  if (system.length || systemMessages.length)
    groups.set("systemPrompt", {
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
  const add = (name, members, on) => groups.set(name, {
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
  for (const [name, group] of groups) if (name.startsWith("server:")) servers[name.slice("server:".length)] = group.key;
  return {
    systemPrompt: groups.get("systemPrompt")?.key ?? null,
    builtInTools: groups.get("builtInTools")?.key ?? null,
    servers
  };
}

// src/capture/request-digest.ts
var MCP_TOOL2 = /^mcp__(.+?)__(.+)$/;
var BILLING_HEADER = /^x-anthropic-billing-header:/;
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
  const json = JSON.stringify(value);
  if (json !== void 0 && !json.includes('"cache_control"') && !json.includes('"__proto__"')) return json;
  return JSON.stringify(withoutCacheControl(value));
}
function sha256(value) {
  return sha256OfJson(jsonWithoutCacheControl(value));
}
var seenHashes = /* @__PURE__ */ new Map();
var MEMO_TEXT_CHARS = 16383;
var MEMO_ENTRIES = 4096;
function sha256OfJson(json) {
  const memo = json.length <= MEMO_TEXT_CHARS;
  const seen = memo ? seenHashes.get(json) : void 0;
  if (seen !== void 0) return seen;
  const hash = createHash("sha256").update(json).digest("hex");
  if (memo) {
    if (seenHashes.size >= MEMO_ENTRIES) seenHashes.clear();
    seenHashes.set(json, hash);
  }
  return hash;
}
var seenShapes = /* @__PURE__ */ new Map();
function shapeHashOf(system, tools) {
  const key = `${system.map((piece) => piece.hash).join("")}|${tools.map((piece) => piece.hash).join("")}`;
  const seen = seenShapes.get(key);
  if (seen !== void 0) return seen;
  const hash = createHash("sha256").update('{"system":[');
  system.forEach(({ json }, index) => {
    hash.update(index ? `,${json}` : json);
  });
  hash.update('],"tools":[');
  tools.forEach(({ json }, index) => {
    hash.update(index ? `,${json}` : json);
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
  const text = textOf(block);
  const kind = BILLING_HEADER.test(text) ? "billing-header" : "system-block";
  const name = kind === "billing-header" ? "x-anthropic-billing-header" : "system block";
  const json = jsonWithoutCacheControl(block);
  const hash = sha256OfJson(json);
  return { part: { kind, name, chars: text.length, hash, server: null, deferred: false }, piece: { json, hash } };
}
function toolPart(tool) {
  const definition = isObject(tool) ? tool : {};
  const name = typeof definition.name === "string" ? definition.name : "";
  const json = jsonWithoutCacheControl(definition);
  const hash = sha256OfJson(json);
  const shapeJson = isObject(tool) ? json : jsonWithoutCacheControl(tool) ?? "null";
  return {
    part: {
      kind: "tool",
      name,
      chars: json.length,
      hash,
      server: mcpServerOfTool(name),
      deferred: definition.defer_loading === true
    },
    piece: shapeJson === json ? { json, hash } : { json: shapeJson, hash: sha256OfJson(shapeJson) }
  };
}
function systemMessageParts(messages) {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => {
    if (!isObject(message) || message.role !== "system") return [];
    const text = textOf(message.content);
    return [
      {
        kind: "system-message",
        name: "system message",
        chars: text.length,
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
function digestRequest(request) {
  const blocks = systemBlocks(request.system).map(systemPart);
  const system = blocks.map((block) => block.part);
  const toolList = (Array.isArray(request.tools) ? request.tools : []).map(toolPart);
  const tools = toolList.map((tool) => tool.part);
  const messages = systemMessageParts(request.messages);
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
  return { count: list.length, chars: json.length, hash: createHash("sha256").update(json).digest("hex") };
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
  const request = digestRequest(body);
  const groups = partGroups(body, request);
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
    request,
    messages: digestMessages(body.messages),
    messageId: context.messageId ?? null,
    usage: context.usage ?? null,
    inputTokens: context.inputTokens ?? null,
    ...context.kind === "count_tokens" ? { textProbe: textProbeOf(body) } : {},
    groups: groupHashes(groups)
  };
  return { record, groups };
}

// src/capture/store.ts
var import_node_fs8 = require("fs");
var import_node_path7 = require("path");

// src/fs/append-private.ts
var import_node_fs7 = require("fs");
var UnsafeFileError = class extends UserError {
};
var APPEND_NO_FOLLOW = import_node_fs7.constants.O_WRONLY | import_node_fs7.constants.O_APPEND | import_node_fs7.constants.O_CREAT | import_node_fs7.constants.O_NOFOLLOW | import_node_fs7.constants.O_NONBLOCK;
function appendPrivate(path, text, mode = 384) {
  let fd;
  try {
    fd = (0, import_node_fs7.openSync)(path, APPEND_NO_FOLLOW, mode);
  } catch (error) {
    const code = error.code;
    if (code === "ELOOP" || code === "ENXIO") throw refusal(path, code === "ELOOP" ? "a symbolic link" : "a FIFO");
    throw error;
  }
  try {
    const stat = (0, import_node_fs7.fstatSync)(fd);
    if (!stat.isFile()) throw refusal(path, "not a regular file");
    if (stat.nlink !== 1) throw refusal(path, "a hard link to another file");
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; ) at += (0, import_node_fs7.writeSync)(fd, bytes, at, bytes.length - at);
  } finally {
    (0, import_node_fs7.closeSync)(fd);
  }
}
function refusal(path, what) {
  return new UnsafeFileError(`${path} is ${what}; refusing to write through it (remove it and try again)`);
}

// src/capture/store.ts
var DEFAULT_LIMITS = { logBytes: 8 << 20, rotatedLogs: 2, sessions: 200 };
var LOG = "requests.jsonl";
var SESSIONS = "sessions";
var SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
function rotate(dir, limits) {
  const log2 = (0, import_node_path7.join)(dir, LOG);
  let size;
  try {
    size = (0, import_node_fs8.statSync)(log2).size;
  } catch {
    return;
  }
  if (size < limits.logBytes) return;
  const rotated = (index) => (0, import_node_path7.join)(dir, `requests.${index}.jsonl`);
  (0, import_node_fs8.rmSync)(rotated(limits.rotatedLogs), { force: true });
  for (let index = limits.rotatedLogs - 1; index >= 1; index--) {
    try {
      (0, import_node_fs8.renameSync)(rotated(index), rotated(index + 1));
    } catch {
    }
  }
  if (limits.rotatedLogs > 0) (0, import_node_fs8.renameSync)(log2, rotated(1));
  else (0, import_node_fs8.rmSync)(log2, { force: true });
}
function writeSessionNewest(dir, records) {
  const newest = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (record.role !== "main" || !record.sessionId || !SESSION_ID.test(record.sessionId)) continue;
    const current = newest.get(record.sessionId) ?? {
      record: readSessionFile((0, import_node_path7.join)(dir, SESSIONS, `${record.sessionId}.json`)),
      changed: false
    };
    newest.set(
      record.sessionId,
      current.record && current.record.time > record.time ? current : { record, changed: true }
    );
  }
  for (const [sessionId, { record, changed }] of newest)
    if (changed && record) replaceFile((0, import_node_path7.join)(dir, SESSIONS, `${sessionId}.json`), JSON.stringify(record), 384);
}
function readSessionFile(path) {
  try {
    return JSON.parse((0, import_node_fs8.readFileSync)(path, "utf8"));
  } catch {
    return null;
  }
}
function pruneSessions(dir, keep) {
  const folder = (0, import_node_path7.join)(dir, SESSIONS);
  const files = (0, import_node_fs8.readdirSync)(folder).filter((name) => name.endsWith(".json"));
  if (files.length <= keep) return;
  const byAge = files.map((name) => ({ name, mtime: (0, import_node_fs8.statSync)((0, import_node_path7.join)(folder, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const old of byAge.slice(keep)) (0, import_node_fs8.rmSync)((0, import_node_path7.join)(folder, old.name), { force: true });
}
function appendRecords(dir, records, limits = DEFAULT_LIMITS) {
  if (records.length === 0) return;
  ensurePrivateDir((0, import_node_path7.join)(dir, SESSIONS));
  ensurePrivateDir(dir);
  rotate(dir, limits);
  appendPrivate((0, import_node_path7.join)(dir, LOG), records.map((record) => `${JSON.stringify(record)}
`).join(""));
  writeSessionNewest(dir, records);
  pruneSessions(dir, limits.sessions);
}
function newestOfSession(dir, sessionId) {
  if (!SESSION_ID.test(sessionId)) return null;
  return readSessionFile((0, import_node_path7.join)(dir, SESSIONS, `${sessionId}.json`));
}

// src/capture/otel-bodies.ts
var REQUEST = /^([A-Za-z0-9_-]{1,128})\.request\.json$/;
var RESPONSE = /^[A-Za-z0-9_-]{1,128}\.response\.json$/;
var SEEN = ".ctx-monitor-digested";
var WRITING_GRACE_MS = 1e4;
var DEFAULT_BUDGET_BYTES = 32 << 20;
function readSeen(dir) {
  try {
    return new Set((0, import_node_fs9.readFileSync)((0, import_node_path8.join)(dir, SEEN), "utf8").split("\n").filter(Boolean));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function newestFirst(dir, names, seen) {
  const bodies = [];
  for (const name of names) {
    if (seen.has(name) || !(REQUEST.test(name) || RESPONSE.test(name))) continue;
    try {
      const stat = (0, import_node_fs9.statSync)((0, import_node_path8.join)(dir, name));
      bodies.push({ name, modified: stat.mtime, size: stat.size });
    } catch {
    }
  }
  return bodies.sort((a, b) => b.modified.getTime() - a.modified.getTime());
}
function ingestBodies(bodiesDir, storeDir, options) {
  let names;
  try {
    names = (0, import_node_fs9.readdirSync)(bodiesDir);
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
    const path = (0, import_node_path8.join)(bodiesDir, name);
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
      const digested = digestBody((0, import_node_fs9.readFileSync)(path, "utf8"), { source: "otel", id, time: modified, kind: "messages" });
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
    const kept = [...[...seen].filter((name) => present.has(name)), ...done];
    if (done.length > 0) replaceFile((0, import_node_path8.join)(bodiesDir, SEEN), `${kept.join("\n")}
`, 384);
    return { digested: records.length, removed: 0, skipped, newestGroups };
  }
  for (const name of done) (0, import_node_fs9.rmSync)((0, import_node_path8.join)(bodiesDir, name), { force: true });
  return { digested: records.length, removed: done.length, skipped, newestGroups };
}

// src/capture/proxy-live.ts
var import_node_fs10 = require("fs");
var import_node_path9 = require("path");
var LIVE_FILE = "proxy.live.json";
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
    const marker = JSON.parse(readRegularText((0, import_node_path9.join)(storeDir, LIVE_FILE)));
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

// src/capture/token-cache.ts
var import_node_fs11 = require("fs");
var import_node_path10 = require("path");
var UNMEASURED_REASONS = [
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
var RETRY_AFTER_MS = 5 * 6e4;
var SETUP_REASONS = /* @__PURE__ */ new Set(["turned-off", "no-credentials", "not-yet"]);
var KEEP = 500;
function isUnmeasured(value) {
  if (typeof value !== "object" || value === null) return false;
  const { reason, said, at } = value;
  return typeof reason === "string" && UNMEASURED_REASONS.includes(reason) && typeof said === "string" && typeof at === "string";
}
function readEntries(path) {
  try {
    const raw = JSON.parse((0, import_node_fs11.readFileSync)(path, "utf8"));
    if (typeof raw !== "object" || raw === null) return {};
    const entries = {};
    for (const [hash, value] of Object.entries(raw))
      if (typeof value === "number" || isUnmeasured(value)) entries[hash] = value;
    return entries;
  } catch {
    return {};
  }
}
var TokenCache = class {
  constructor(storeDir) {
    this.storeDir = storeDir;
    this.path = (0, import_node_path10.join)(storeDir, "part-tokens.json");
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
      for (const [session, groups] of result.newestGroups) if (!newest.has(session)) newest.set(session, groups);
    } catch (error) {
      log(`could not digest request bodies in ${bodiesDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return newest;
}
async function measureNewest(runtime, cache, newest) {
  if (newest.size === 0) return;
  const groups = [...newest.values()].flatMap((byName) => [...byName.values()]);
  const target = targetFromEnv(runtime);
  try {
    if (!isTarget(target)) markUnmeasured(groups, cache, target);
    else await measureGroups(groups, counterFor(target), cache, runtime.now());
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
  const groups = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const unmeasured = {};
  const figure = (part, hash) => {
    if (!hash) return null;
    const tokens = cache.get(hash);
    if (tokens !== void 0) return tokens;
    unmeasured[part] = cache.unmeasured(hash) ?? notYet(record, runtime);
    return null;
  };
  const servers = {};
  for (const [server, hash] of Object.entries(groups.servers)) {
    const tokens = figure(`server:${server}`, hash);
    if (tokens !== null) servers[server] = tokens;
  }
  return {
    systemPrompt: figure("systemPrompt", groups.systemPrompt),
    builtInTools: figure("builtInTools", groups.builtInTools),
    servers,
    unmeasured
  };
}
var PROXY_MEASURING_MS = 2e3;
var PROXY_RECENT_MS = 15e3;
async function proxyFigures(runtime, record, tokens) {
  const waiting = (current2) => Object.values(current2.unmeasured).some((unmeasured) => unmeasured.reason === "not-yet");
  if (record.source !== "proxy" || runtime.now().getTime() - Date.parse(record.time) > PROXY_RECENT_MS) return tokens;
  let current = tokens;
  for (const started = Date.now(); waiting(current) && Date.now() - started < PROXY_MEASURING_MS; ) {
    await new Promise((resolve2) => setTimeout(resolve2, 100));
    current = tokensOf(record, new TokenCache(captureStoreDir(runtime)), runtime);
  }
  return current;
}
async function digestPendingCapture(runtime, projectDir) {
  const cache = new TokenCache(captureStoreDir(runtime));
  await measureNewest(runtime, cache, ingestPendingBodies(runtime, projectDir));
  return cache;
}
var PROXY_STORING_MS = 2e3;
async function newestRecord(runtime, storeDir, sessionId, awaiting) {
  let record = newestOfSession(storeDir, sessionId);
  if (awaiting === null || record?.messageId === awaiting) return record;
  const proxy = liveProxy(storeDir);
  if (!proxy || record?.source !== "proxy" && !sendsThrough(runtime, proxy)) return record;
  for (const started = Date.now(); record?.messageId !== awaiting && Date.now() - started < PROXY_STORING_MS; ) {
    await new Promise((resolve2) => setTimeout(resolve2, 50));
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

// src/claude/compact-settings.ts
var import_node_path11 = require("path");
var MANAGED_SETTINGS = "/etc/claude-code/managed-settings.json";
function compactSettingsFiles(runtime, projectDir) {
  return [
    MANAGED_SETTINGS,
    (0, import_node_path11.join)(projectDir, ".claude", "settings.local.json"),
    (0, import_node_path11.join)(projectDir, ".claude", "settings.json"),
    (0, import_node_path11.join)(claudeConfigDir(runtime), "settings.json"),
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

// src/claude/session-state.ts
var import_node_fs12 = require("fs");
var import_node_path12 = require("path");
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
  return (0, import_node_path12.join)(ctxMonitorStateDir(runtime), "sessions");
}
function readStateFile(path) {
  try {
    return parseSessionState(JSON.parse((0, import_node_fs12.readFileSync)(path, "utf8")));
  } catch {
    return null;
  }
}
function readStateForProcesses(runtime, pids) {
  const dir = sessionStateDir(runtime);
  for (const pid of pids) {
    const state = readStateFile((0, import_node_path12.join)(dir, `${pid}.json`));
    if (state) return state;
  }
  return null;
}
function readStateForSession(runtime, sessionId) {
  let names;
  try {
    names = (0, import_node_fs12.readdirSync)(sessionStateDir(runtime)).filter((name) => name.endsWith(".json"));
  } catch {
    return null;
  }
  let newest = null;
  for (const name of names) {
    const state = readStateFile((0, import_node_path12.join)(sessionStateDir(runtime), name));
    if (state?.sessionId === sessionId && (!newest || state.updatedAt > newest.updatedAt)) newest = state;
  }
  return newest;
}

// src/config/settings.ts
var import_node_path13 = require("path");

// src/config/budget.ts
var NO_BUDGET = { tokens: null, problem: null };
var UNITS = { "": 1, k: 1e3, m: 1e6 };
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

// src/config/handoff-size.ts
var MIN_HANDOFF_CHARS = 4e3;
var MAX_HANDOFF_CHARS = 2e6;
var HandoffSizeError = class extends UserError {
};
function parseHandoffChars(raw, where) {
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim().replace(/_/g, "")) : raw;
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_HANDOFF_CHARS && value <= MAX_HANDOFF_CHARS)
    return value;
  throw new HandoffSizeError(
    `${where} ${JSON.stringify(raw)} is not a handoff size: give a whole number of characters from ${exactNumber(MIN_HANDOFF_CHARS)} to ${exactNumber(MAX_HANDOFF_CHARS)} (e.g. 40000)`
  );
}

// src/config/settings.ts
var isPercent = (value) => typeof value === "number" && value > 0 && value <= 100;
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
var DEFAULT_SETTINGS = { warnPercent: 75, criticalPercent: 90 };
function configFilePath(runtime) {
  return runtime.env.CTX_MONITOR_CONFIG || (0, import_node_path13.join)(ctxMonitorStateDir(runtime), "config.json");
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
  let text;
  try {
    text = readRegularText(path);
  } catch {
    return {};
  }
  try {
    const parsed = parseConfigFile(JSON.parse(text));
    problems.push(...parsed.problems.map((problem) => `${path}: ${problem}; ignored`));
    return parsed.config;
  } catch (error) {
    problems.push(`${path} is not valid JSON (${error.message}); ignored`);
    return {};
  }
}

// src/transcript/byte-source.ts
var import_node_fs13 = require("fs");
function openByteSource(path) {
  const fd = openRegularFile(path);
  const stat = (0, import_node_fs13.fstatSync)(fd);
  return {
    size: stat.size,
    dev: stat.dev,
    ino: stat.ino,
    read: (into, position, length) => (0, import_node_fs13.readSync)(fd, into, 0, length, position),
    close: () => (0, import_node_fs13.closeSync)(fd)
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

// src/transcript/compaction-cache.ts
var import_node_fs14 = require("fs");
var import_node_path14 = require("path");

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
var MAX_USAGE_TOKENS = 1e8;
var USAGE_FIELDS = [
  "input_tokens",
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
  "output_tokens"
];
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

// src/transcript/compaction-scan.ts
var MARKER = Buffer.from('"subtype":"compact_boundary"');
var MARKER_PART = Buffer.from("_bound");
var PART_AT = MARKER.indexOf(MARKER_PART);
var BLOCK_BYTES = 4 << 20;
var MAX_RECORD_BYTES = 1 << 20;
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
  const relative = markerAt - from;
  const start = window.lastIndexOf(10, relative) + 1;
  let end = window.indexOf(10, relative);
  if (end === -1 || end > read) end = read;
  const parsed = parseRecordLine(window.toString("utf8", start, end));
  if (!parsed.ok || parsed.record.kind !== "compact-boundary" || parsed.record.isSidechain && !subagent) return null;
  return compactionOf(parsed.record);
}

// src/transcript/content-hash.ts
function contentHash(parts) {
  let a = 2654435761;
  let b = 2246822519;
  let c = 3266489917;
  let d = 668265263;
  for (const part of parts) {
    const words = wordsOf(part);
    let tail = Math.imul(part.length, 2654435761);
    for (let index = words.length * 4; index < part.length; index++) tail ^= part[index] << 8 * (index & 3);
    for (let index = 0; index <= words.length; index++) {
      let k = Math.imul(index < words.length ? words[index] : tail, 3432918353);
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

// src/transcript/content-identity.ts
var HEAD_BYTES = 4096;
var BEFORE_OFFSET_BYTES = 4096;
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

// src/transcript/compaction-cache.ts
var EXPIRY_MS = 7 * 24 * 60 * 6e4;
var MEMORY_CAPACITY = 64;
function parseScanState(value) {
  if (typeof value !== "object" || value === null) return null;
  const v = value;
  const counts = [v.dev, v.ino, v.offset, v.count].every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0);
  const last = v.last;
  const lastOk = last === null || typeof last === "object" && ["trigger", "at"].every((k) => ["string", "object"].includes(typeof last[k])) && ["preTokens", "postTokens"].every((k) => {
    const x = last[k];
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
var CompactionCache = class {
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
    const moved = !previous || next.offset !== kept?.state.offset;
    const scan = { state: next, fingerprint: moved ? fingerprintAt(source, next.offset) : kept.fingerprint };
    this.memory.delete(key);
    this.memory.set(key, scan);
    while (this.memory.size > MEMORY_CAPACITY) this.memory.delete(this.memory.keys().next().value);
    if (next.offset !== kept?.state.offset || !previous) this.writeDisk(key, scan);
    return next;
  }
  readDisk(key) {
    if (!this.dir) return null;
    const path = (0, import_node_path14.join)(this.dir, `${key}.json`);
    try {
      if (Date.now() - (0, import_node_fs14.statSync)(path).mtimeMs > EXPIRY_MS) return null;
      return parseKept(JSON.parse((0, import_node_fs14.readFileSync)(path, "utf8")));
    } catch {
      return null;
    }
  }
  writeDisk(key, scan) {
    if (!this.dir) return;
    const path = (0, import_node_path14.join)(this.dir, `${key}.json`);
    try {
      makeFolder(this.dir, 448, STATE_DIR_SETTING);
      replaceFile(path, JSON.stringify(scan), 384);
      this.removeExpired();
    } catch {
    }
  }
  removeExpired() {
    for (const name of (0, import_node_fs14.readdirSync)(this.dir).slice(0, 1e3)) {
      const path = (0, import_node_path14.join)(this.dir, name);
      try {
        if (Date.now() - (0, import_node_fs14.statSync)(path).mtimeMs > EXPIRY_MS) (0, import_node_fs14.rmSync)(path, { force: true });
      } catch {
      }
    }
  }
};

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

// src/transcript/line-problems.ts
function noLineProblems() {
  return { notJson: 0, notRecord: 0, impossibleUsage: 0, oversized: 0, torn: 0 };
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

// src/transcript/read-forward.ts
var DEFAULT_BLOCK_BYTES = 1 << 20;
var DEFAULT_MAX_LINE_BYTES = 64 << 20;
function readForward(source, fromOffset, visitor, options = {}) {
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const problems = noLineProblems();
  const lines = new LineEmitter(visitor, options.subagent === true, problems);
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
        lines.emitCounted(block.toString("utf8", cursor, end), { start: lineStart, bytes: end - cursor });
      } else {
        spanning.add(block, cursor, end);
        if (end === read) break;
        lines.emitSpanning(spanning, lineStart);
        spanning.reset();
      }
      cursor = end + 1;
      lineStart = position + cursor;
      if (lines.stopped) return { nextOffset: lineStart, problems };
    }
    position += read;
  }
  return { nextOffset: finishLastLine(lines, spanning, lineStart), problems };
}
var LineEmitter = class {
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
var SpanningLine = class {
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
function finishLastLine(lines, spanning, lineStart) {
  if (spanning.bytes === 0) return lineStart;
  if (!spanning.oversized && lines.emit(spanning.text(), { start: lineStart, bytes: spanning.bytes })) {
    return lineStart + spanning.bytes;
  }
  lines.problems.torn++;
  return lineStart;
}
function joinUtf8(pieces, bytes) {
  if (pieces.length === 1) return pieces[0].toString("utf8");
  return Buffer.concat(pieces, bytes).toString("utf8");
}

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

// src/transcript/locate.ts
var import_node_fs15 = require("fs");
var import_node_path15 = require("path");
var TranscriptNotFoundError = class extends UserError {
  constructor(message, searched) {
    super(message);
    this.searched = searched;
  }
  searched;
};
function locateTranscript(request, runtime) {
  const searched = [];
  if (request.transcriptPath) {
    const path = (0, import_node_path15.resolve)(runtime.cwd, request.transcriptPath);
    if (isFile(path)) {
      return {
        path,
        sessionId: (0, import_node_path15.basename)(path, ".jsonl"),
        projectDir: request.projectDir ?? null,
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
  const named = request.projectDir ?? runtime.env.CLAUDE_PROJECT_DIR;
  const projectDir = named || sessionsProjectDir(runtime, defaultProjectDir(runtime));
  if (request.sessionId) {
    const path = findSessionTranscript(runtime, request.sessionId, projectDir, searched) ?? findByIdPrefix(runtime, request.sessionId, projectDir);
    if (path) return { path, sessionId: (0, import_node_path15.basename)(path, ".jsonl"), projectDir, source: "session-id", guessed: false };
    throw new TranscriptNotFoundError(
      `no transcript for session ${request.sessionId} under ${projectsDir(runtime)}; pass transcript_path or check CLAUDE_CONFIG_DIR`,
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
      sessionId: (0, import_node_path15.basename)(newest, ".jsonl"),
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
    const path = (0, import_node_path15.join)(claudeSessionsDir(runtime), `${pid}.json`);
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
        at: (0, import_node_fs15.statSync)(path).mtimeMs
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
    const path = (0, import_node_path15.join)(folder, fileName);
    searched.push(path);
    if (isFile(path)) return path;
  }
  const root = projectsDir(runtime);
  for (const folder of listDir(root)) {
    const path = (0, import_node_path15.join)(root, folder, fileName);
    if (isFile(path)) return path;
  }
  searched.push((0, import_node_path15.join)(root, "*", fileName));
  return null;
}
function sessionsProjectDir(runtime, start) {
  for (let dir = (0, import_node_path15.resolve)(start); ; dir = (0, import_node_path15.dirname)(dir)) {
    if (projectFolders(runtime, dir).some((folder) => isDirectory(folder))) return dir;
    if ((0, import_node_path15.dirname)(dir) === dir) return start;
  }
}
var AmbiguousSessionError = class extends TranscriptNotFoundError {
};
var SESSION_PREFIX = /^[0-9a-zA-Z-]{4,}$/;
function findByIdPrefix(runtime, prefix, projectDir) {
  if (!SESSION_PREFIX.test(prefix)) return null;
  const matching = (folders) => mainTranscripts(folders).filter((entry) => (0, import_node_path15.basename)(entry.path).startsWith(prefix)).map((entry) => entry.path);
  const root = projectsDir(runtime);
  for (const folders of [projectFolders(runtime, projectDir), listDir(root).map((name) => (0, import_node_path15.join)(root, name))]) {
    const found = matching(folders);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      const shown = found.slice(0, 5).map((path) => (0, import_node_path15.basename)(path, ".jsonl"));
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
  if (encoded.length <= MAX_ENCODED_PROJECT_LENGTH) return [(0, import_node_path15.join)(root, encoded)];
  const prefix = encoded.slice(0, MAX_ENCODED_PROJECT_LENGTH);
  return listDir(root).filter((name) => name.startsWith(prefix)).map((name) => (0, import_node_path15.join)(root, name));
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
      const path = (0, import_node_path15.join)(folder, name);
      try {
        found.push({ path, mtimeMs: (0, import_node_fs15.statSync)(path).mtimeMs });
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
    return (0, import_node_fs15.readdirSync)(path);
  } catch {
    return [];
  }
}
function isFile(path) {
  try {
    return (0, import_node_fs15.existsSync)(path) && (0, import_node_fs15.statSync)(path).isFile();
  } catch {
    return false;
  }
}
function isDirectory(path) {
  try {
    return (0, import_node_fs15.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function whatIsInTheWay(path) {
  try {
    const stat = (0, import_node_fs15.statSync)(path);
    if (stat.isDirectory()) return "is a folder, not a transcript file";
    return "is not a regular file (a FIFO, socket or device)";
  } catch {
    return "does not exist";
  }
}

// src/transcript/subagent-files.ts
var import_node_fs16 = require("fs");
var import_node_path16 = require("path");
var AGENT_FILE = /^agent-([^/]+)\.jsonl$/;
function isSubagentTranscript(path) {
  return AGENT_FILE.test((0, import_node_path16.basename)(path)) && (0, import_node_path16.basename)((0, import_node_path16.dirname)(path)) === "subagents";
}
function subagentOf(path) {
  if (!isSubagentTranscript(path)) return null;
  const agentId = AGENT_FILE.exec((0, import_node_path16.basename)(path))[1];
  const folder = (0, import_node_path16.dirname)(path);
  const sessionFolder = (0, import_node_path16.dirname)(folder);
  const meta = readMeta((0, import_node_path16.join)(folder, `agent-${agentId}.meta.json`));
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
  const folder = (0, import_node_path16.join)(sessionTranscriptPath.replace(/\.jsonl$/, ""), "subagents");
  let names;
  try {
    names = (0, import_node_fs16.readdirSync)(folder);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!AGENT_FILE.test(name)) continue;
    try {
      found.push({ path: (0, import_node_path16.join)(folder, name), mtimeMs: (0, import_node_fs16.statSync)((0, import_node_path16.join)(folder, name)).mtimeMs });
    } catch {
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

// src/transcript/read-backward.ts
var DEFAULT_TAIL_BLOCK_BYTES = 64 << 10;
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

// src/transcript/tail-snapshot.ts
var TailState = class {
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
  const text = typeof record.content === "string" ? record.content : record.content.find((block) => block.type === "text")?.text;
  if (typeof record.content !== "string" && record.content.some((block) => block.type === "tool_result")) return false;
  return typeof text === "string" && text.trim() !== "" && !text.trimStart().startsWith("<");
}

// src/transcript/wait-for-append.ts
var import_node_fs17 = require("fs");
async function waitForAppend(path, probe, timeoutMs, backstopMs = 250, options = {}) {
  const started = Date.now();
  let last = probe();
  if (last.done || timeoutMs <= 0) return { ...last, waitedMs: 0 };
  return new Promise((resolve2) => {
    let watcher = null;
    let finished = false;
    const finish2 = () => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearInterval(backstop);
      watcher?.close();
      resolve2({ ...last, waitedMs: Date.now() - started });
    };
    const check = () => {
      if (finished) return;
      last = probe();
      if (last.done) finish2();
    };
    const deadline = setTimeout(() => {
      check();
      finish2();
    }, timeoutMs);
    const backstop = setInterval(check, backstopMs);
    try {
      watcher = (0, import_node_fs17.watch)(path, { persistent: false, recursive: options.recursive ?? false }, check);
      watcher.on("error", () => {
      });
    } catch {
    }
  });
}

// src/context/estimate.ts
var CHARS_PER_TOKEN = 4;
function estimateTokens(chars) {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

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

// src/context/models.ts
var STANDARD_WINDOW = 2e5;
var EXTENDED_WINDOW = 1e6;
var NATIVE_1M_SINCE = [2, 1, 332];
var NATIVE_1M = [/^claude-opus-4-[7-9]/, /^claude-opus-[5-9]/, /^claude-sonnet-[5-9]/, /^claude-haiku-[5-9]/];
var STANDARD = [/^claude-opus-4/, /^claude-sonnet-4/, /^claude-haiku-4/, /^claude-3/];
var OLD_DEFAULT = /^claude-opus-4-8/;
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
var COMPACT_AT_200K = /^claude-(opus|sonnet)-4-6(?!\d)/;
var OLD_COMPACT_DEFAULTS = [[/^claude-sonnet-5(?![-\d])/, 967e3]];
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
var DEFAULT_MAX_OUTPUT_TOKENS = 32e3;

// src/context/window.ts
var CONTEXT_1M_BETA = /^context-1m-/;
var known = (tokens, source) => ({ tokens, source, assumedBecause: null });
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
  const request = evidence.request;
  if (request?.model && sameModel(request.model, transcriptModel)) {
    const source = request.source ?? "api-request";
    if (request.betas.some((beta) => CONTEXT_1M_BETA.test(beta))) return known(EXTENDED_WINDOW, source);
    const window = modelWindow(request.model, version);
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

// src/context/autocompact.ts
var OUTPUT_RESERVE_CAP = 2e4;
var AUTOCOMPACT_MARGIN = 13e3;
var MIN_AUTOCOMPACT_WINDOW = 1e5;
var MAX_AUTOCOMPACT_WINDOW = 1e6;
var NO_MODEL = { modelId: null, version: null };
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
var off = (offBecause) => ({
  at: null,
  offBecause
});
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

// src/context/status.ts
function contextStatus(usedTokens, limit, thresholds) {
  if (limit <= 0) return "critical";
  const percent = usedTokens / limit * 100;
  if (percent >= thresholds.criticalPercent) return "critical";
  if (percent >= thresholds.warnPercent) return "warn";
  return "ok";
}

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
var LIMIT_WORDS = {
  budget: "the working budget",
  "auto-compact": "the auto-compact point",
  window: "the window"
};

// src/context/usage.ts
var MIN_PACE_STEPS = 2;
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
var ADVICE2 = {
  ok: "",
  warn: "Plan a handoff: call write_handoff before it compacts.",
  critical: "Write a handoff now (write_handoff)."
};
var ADVICE_NO_AUTOCOMPACT = {
  ok: "",
  warn: "Plan a handoff: call write_handoff before the window fills.",
  critical: "Write a handoff now (write_handoff), then /compact or start a new session."
};
var SUBAGENT_ADVICE = {
  ok: "",
  warn: "Keep the rest of the task small and report back before it compacts.",
  critical: "Finish now and report back to the main agent."
};
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
  const advice = (usage.subagent ? SUBAGENT_ADVICE : usage.autocompactAt === null ? ADVICE_NO_AUTOCOMPACT : ADVICE2)[usage.status];
  return advice ? `${sentence} ${advice}` : sentence;
}

// src/context/read-usage.ts
var DEFAULT_FRESHNESS_TIMEOUT_MS = 1500;
function createUsageDeps(runtime, overrides = {}) {
  return {
    runtime,
    compactionCache: new CompactionCache((0, import_node_path17.join)(ctxMonitorStateDir(runtime), "scans")),
    freshnessTimeoutMs: DEFAULT_FRESHNESS_TIMEOUT_MS,
    ...overrides
  };
}
var SIBLING_SESSION_WINDOW_MS = 10 * 6e4;
async function readContextUsage(request, deps) {
  const { toolUseId } = request;
  if (!toolUseId) {
    const located2 = locateTranscript(request, deps.runtime);
    return usageFromTail(located2, readTail(located2.path), toolUseId === void 0, deps);
  }
  const started = Date.now();
  const located = await locateOnceWritten(request, deps);
  const remaining = Math.max(0, deps.freshnessTimeoutMs - (Date.now() - started));
  const found = await waitForCallingResponse(located, toolUseId, { ...deps, freshnessTimeoutMs: remaining });
  return withOwnAnswer(await usageFromTail(found.located, found.tail, found.fresh, deps));
}
function withOwnAnswer(usage) {
  const answered = { ...usage, pendingTokens: usage.pendingTokens + estimateTokens(JSON.stringify(usage).length) };
  return { ...usage, pendingTokens: usage.pendingTokens + estimateTokens(JSON.stringify(answered).length) };
}
async function locateOnceWritten(request, deps) {
  const attempt = () => {
    try {
      return { done: true, value: locateTranscript(request, deps.runtime) };
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
  for (let current = path; ; current = (0, import_node_path17.dirname)(current)) {
    if ((0, import_node_fs18.existsSync)(current)) return current;
    if ((0, import_node_path17.dirname)(current) === current) return null;
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
  const folder = (0, import_node_path17.dirname)(located.path);
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
    sessionId: (0, import_node_path17.basename)(session, ".jsonl"),
    source: "tool-use-id",
    guessed: false
  };
  return { located: switched, tail: readTail(path), fresh: true };
}
var SESSION_ID2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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
  const sessionId = subagent ? (0, import_node_path17.basename)(subagent.parentTranscriptPath, ".jsonl") : sessionIdOf2(located, tail);
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

// src/present/limit-words.ts
function statusWords2(usage) {
  const at = usage.status === "critical" ? usage.criticalAt : usage.warnAt;
  const percent = usage.limit > 0 ? Math.round(at / usage.limit * 100) : 0;
  const relation = usage.status === "ok" ? `below` : `from`;
  return `${usage.status} ${relation} ${roundTokens(at)} (${percent}% of ${LIMIT_WORDS[usage.limitKind]})`;
}

// src/present/words.ts
var WINDOW_SOURCE_WORDS = {
  statusline: "as Claude Code's statusline reported it",
  "hook-model": "from the model id Claude Code started the session with",
  env: "set by CTX_MONITOR_CONTEXT_WINDOW",
  "api-request": "from the request Claude Code recorded",
  "model-id": "from the model id's [1m]",
  "model-table": "known for this model",
  "usage-above-200k": "a request was larger than 200k",
  capture: "from the captured request",
  "claude-args": "from the arguments Claude Code was started with",
  assumed: "assumed"
};
var SESSION_SOURCE_WORDS = {
  "transcript-path": "the transcript you named",
  "tool-use-id": "found by the calling tool call",
  "session-id": "the session you named",
  "hook-state": "recorded by ctx-monitor's hook or statusline",
  "claude-process": "the running Claude Code process",
  env: "the session Claude Code started this with",
  "newest-in-project": "the project's newest transcript"
};
function windowSourceWords(source) {
  return WINDOW_SOURCE_WORDS[source] ?? source;
}
function sessionSourceWords(source) {
  return SESSION_SOURCE_WORDS[source] ?? source;
}

// src/present/usage.ts
function describeUsage(usage, style = PLAIN) {
  const row = (label, value) => `  ${label.padEnd(13)}  ${value}`;
  const autocompact = usage.autocompactAt === null ? `off: ${usage.autocompactOffBecause ?? "Claude Code will not auto-compact"}` : (usage.tokensUntilAutocompact ?? 0) <= 0 ? `expected at ${exactNumber(usage.autocompactAt)}: past it, a compaction is due` : `expected at ${exactNumber(usage.autocompactAt)}, ${exactNumber(usage.tokensUntilAutocompact ?? 0)} left`;
  const pace = usage.tokensPerStep === null ? "not enough steps yet" : `~${exactNumber(usage.tokensPerStep)} tokens per step recently (the median step)${usage.stepsUntilLimit === null ? "" : `, ~${exactNumber(usage.stepsUntilLimit)} steps until ${usage.limitKind === "budget" ? "the budget" : usage.limitKind === "window" ? "a full window" : "auto-compact"}`}`;
  const last = usage.lastCompaction;
  const lines = [
    wrap(style, usage.summary),
    "",
    row(
      "used",
      `${exactNumber(usage.usedTokens)} tokens${usage.estimated ? " (estimated)" : ""}, ${usage.usedPercent}% of the ${exactNumber(usage.contextWindow)}-token window (${windowSourceWords(usage.windowSource)}${usage.windowAssumedBecause ? `: ${usage.windowAssumedBecause}` : ""})`
    ),
    row("pending", `~${exactNumber(usage.pendingTokens)} tokens added since`),
    row("auto-compact", autocompact),
    row("pace", pace),
    ...usage.budget !== null || usage.budgetIgnoredBecause ? [
      row(
        "budget",
        usage.budget !== null ? `${exactNumber(usage.budget)} (working budget)` : `none: ${usage.budgetIgnoredBecause}`
      )
    ] : [],
    row("status", paint(style, statusTone(usage.status), statusWords2(usage))),
    row(
      "compactions",
      `${usage.compactions}${last ? ` (last: ${last.trigger ?? "?"}, ${exactNumber(last.preTokens ?? 0)} \u2192 ${exactNumber(last.postTokens ?? 0)})` : ""}`
    ),
    row("model", usage.model ?? "unknown"),
    row(
      "session",
      `${usage.sessionId} (${sessionSourceWords(usage.sessionSource)}${usage.sessionGuessed ? ", a guess" : ""})`
    ),
    ...usage.subagent ? [
      row(
        "subagent",
        `${usage.subagent.description ?? usage.subagent.agentId} (${usage.subagent.agentType ?? "agent"}): these are its own figures`
      )
    ] : [],
    row("transcript", usage.transcriptPath),
    row("as of", usage.asOf ?? "no response yet")
  ];
  if (usage.skippedLines) lines.push(row("skipped lines", String(usage.skippedLines)));
  return lines.join("\n");
}

// src/commands/command.ts
var selectionOptions = {
  transcript: { type: "string" },
  session: { type: "string" },
  project: { type: "string" }
};
var SELECTION_SYNOPSIS = "[--transcript PATH | --session ID] [--project DIR]";
function selectionFrom(values) {
  const pick = (key) => typeof values[key] === "string" ? values[key] : void 0;
  const transcriptPath = pick("transcript");
  const sessionId = pick("session");
  const projectDir = pick("project");
  return {
    ...transcriptPath ? { transcriptPath } : {},
    ...sessionId ? { sessionId } : {},
    ...projectDir ? { projectDir } : {}
  };
}
function printResult(context, value, human) {
  context.out.stdout(context.values.json ? `${jsonText(value)}
` : `${human(value, context.style)}
`);
}

// src/commands/usage.ts
var usageCommand = {
  name: "usage",
  summary: "how full the session's context is, and how long until auto-compact",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const usage = await readContextUsage(selectionFrom(context.values), createUsageDeps(context.runtime));
    printResult(context, usage, describeUsage);
    return 0;
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runKnownCommand,
  usageCommand
});
