#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  isHandoffOfSession
} from "./chunk-OZXTJKYL.js";
import {
  writeNewFile
} from "./chunk-PUOW4WKH.js";

// src/handoff/agent-notes.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from "fs";
import { basename, join } from "path";
var SUFFIX = ".notes.json";
var MAX_RECORD_BYTES = 2 << 20;
var NOTE_KEYS = ["goal", "currentState", "decisions", "nextSteps", "openQuestions", "warnings"];
function recordName(handoffName) {
  return `.${handoffName.replace(/\.md$/, "")}${SUFFIX}`;
}
function hasNotesRecord(folder, handoffName) {
  return isRegularFile(join(folder, recordName(handoffName)));
}
function hasNotes(notes) {
  return NOTE_KEYS.some((key) => Boolean(notes[key]?.trim()));
}
function writeAgentNotes(folder, record) {
  const content = JSON.stringify({ version: 1, ...record, handoffPath: basename(record.handoffPath) });
  writeNewFile(folder, [recordName(basename(record.handoffPath))], content, 384);
}
function newestAgentNotes(folder, sessionId) {
  let names;
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const records = names.filter((name) => name.startsWith(".") && name.endsWith(SUFFIX)).map((name) => ({ name, handoff: `${name.slice(1, -SUFFIX.length)}.md` })).filter(({ handoff }) => isHandoffOfSession(handoff, sessionId)).sort((a, b) => b.handoff.localeCompare(a.handoff));
  for (const { name, handoff } of records) {
    if (!isRegularFile(join(folder, handoff))) continue;
    const record = readRecord(join(folder, name), join(folder, handoff), sessionId);
    if (record) return record;
  }
  return null;
}
function isRegularFile(path) {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && stat.nlink === 1;
  } catch {
    return false;
  }
}
function readRecord(path, handoffPath, sessionId) {
  let text;
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.nlink !== 1 || stat.size > MAX_RECORD_BYTES) return null;
      text = readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  return parseRecord(text, handoffPath, sessionId);
}
function parseRecord(text, handoffPath, sessionId) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const value = raw;
  const rawNotes = typeof value.notes === "object" && value.notes !== null ? value.notes : {};
  const notes = {};
  for (const key of NOTE_KEYS) if (typeof rawNotes[key] === "string") notes[key] = rawNotes[key];
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

// src/redact/high-entropy.ts
var RUN = /[A-Za-z0-9+/_.-]{20,4000}={0,2}/g;
var RANDOM_MIN = 20;
var PART = /[^/._+=-]+/g;
var ORDINARY_BEFORE = /(?:base64,|h1:|sha\d{1,3}[-:]|integrity[=:] ?["']?)$/;
var ORDINARY_START = /^(?:sha(?:1|224|256|384|512)-|(?:srvtoolu|toolu|msg|req|file|batch|call|chatcmpl)_)/;
function wordlike(part) {
  const letters = /^([A-Za-z]+)\d{0,3}$/.exec(part)?.[1];
  if (letters === void 0) return false;
  if (/^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(letters)) return true;
  const pieces = letters.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  return pieces.length * 4 <= letters.length + 4 && pieces.every((piece) => piece.length >= 2);
}
var ordinaryPart = (part) => part.length < 4 || /^\d+$/.test(part) || /^[0-9a-f]+$/.test(part) || /^[0-9A-F]+$/.test(part) || wordlike(part);
function randomLength(run) {
  let length = 0;
  for (const part of run.match(PART) ?? []) if (!ordinaryPart(part)) length += part.length;
  return length;
}
function entropy(text) {
  const counts = COUNTS.fill(0);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at) & 127;
    counts[code] = counts[code] + 1;
  }
  let bits = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
var COUNTS = new Uint32Array(128);
function looksRandom(run) {
  if (ORDINARY_START.test(run)) return false;
  if (entropy(run) < 3) return false;
  let random = "";
  const base64 = /\+|=$/.test(run);
  for (const part of run.match(PART) ?? []) if (base64 || !ordinaryPart(part)) random += part;
  if (random.length < RANDOM_MIN) return false;
  const classes = Number(/[a-z]/.test(random)) + Number(/[A-Z]/.test(random)) + Number(/\d/.test(random));
  if (classes < 2) return false;
  return entropy(random) >= Math.min(4.3, 0.8 * Math.log2(random.length));
}
function randomRuns(text) {
  const found = [];
  RUN.lastIndex = 0;
  for (let match = RUN.exec(text); match; match = RUN.exec(text)) {
    let run = match[0];
    while (/[.\-_/]$/.test(run)) run = run.slice(0, -1);
    const start = match.index;
    if (ORDINARY_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
    if (run.length >= RANDOM_MIN && looksRandom(run)) found.push([start, start + run.length]);
  }
  return found;
}

// src/redact/redact-values.ts
var CREDENTIAL_WORDS = /* @__PURE__ */ new Set([
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
var CREDENTIAL_PAIRS = /(?:api|access|private|secret|signing|encryption|master|account|shared[-_ ]?access|storage|service|license|app|client|consumer|webhook)[-_ ]?(?:key|secret)$/;
var JOINED = /(?:secret|token|password|passwd|passphrase|apikey)$/;
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
var REFERENCE = /^(?:\$\{\{.*\}\}|\{\{.*\}\}|\$\{[^}]*\}?|\$\(|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|<[^>]*>|\[REDACTED[^\]]*\]?|(?:process\.env|os\.environ|import\.meta\.env|env|secrets|vars|ENV|System\.getenv|config|settings|self|this|req|request|ctx|options|opts|args|params)[.[(].*)$/;
var PLACEHOLDER = /your[-_ ]|[-_ ]here$|^(?:x{3,}|\*{3,}|\.{3,}|…|changeme|change[-_]me|example|placeholder|dummy|redacted|secret|password|token|none|null|nil|undefined|true|false|yes|no|on|off|todo|tbd|test|string|str|number|int|integer|boolean|bool|bytes|any|unknown|object)$|(?:\.{3}|…)$|(?:^|[-_. ])(?:example|placeholder|sample)(?:$|[-_. ])|replace[-_ ]?me|^[-_*x.]+$|x{6,}/i;
var SETTING = /^(?:include|omit|same-origin|required|optional|inherit|auto|default|enabled|disabled|public|private)$/i;
var VERSION = /^[~^>=<v]*\d+(?:[._]\d+)*(?:[-+][\w.]+)?$/;
var CODE = /[()]|^(?:await|new|typeof|function|async|yield|return|lambda)\b|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+[;,]?$|^(?:string|number|boolean|str|int|bytes|Optional|Secret\w*|SecretStr|String)\b[\w[\]<>|? ]*$/;
var MIXED_PART = /(?:^|\.)(?:(?=[^.]*\d)(?=[^.]*[A-Z])[^.]*[a-z][^.]*|[^.]*[a-z][A-Z][^.]*[a-z][A-Z][^.]*)(?:\.|$)/;
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
var judgedAfterColon = /* @__PURE__ */ new Map();
var judgedAfterEquals = /* @__PURE__ */ new Map();
var judgedArguments = /* @__PURE__ */ new Map();
function remember(judged, value, answer) {
  if (judged.size >= 4096) judged.clear();
  if (value.length <= 256) judged.set(value, answer);
}
function judgeValue(value, colon) {
  const { inner, quoted: quoted2 } = unquote(value.trim());
  const text = inner.trim();
  if (text.length < 3) return false;
  if (REFERENCE.test(text) || PLACEHOLDER.test(text) || VERSION.test(text)) return false;
  if (SETTING.test(text)) return false;
  if (!quoted2 && CODE.test(text) && !MIXED_PART.test(text)) return false;
  if (!quoted2 && colon && /^[a-z]+[;,]?$/.test(text)) return false;
  if (!quoted2 && /^[A-Za-z_][\w]*$/.test(text) && namesCredential(text)) return false;
  return true;
}
function isSecretArgument(value) {
  let answer = judgedArguments.get(value);
  if (answer === void 0) {
    const text = unquote(value.trim()).inner.trim();
    answer = text.length >= 1 && !REFERENCE.test(text) && !PLACEHOLDER.test(text) && !text.startsWith("-");
    remember(judgedArguments, value, answer);
  }
  return answer;
}

// src/redact/assignment-start.ts
var VALUE_FORMS = [
  String.raw`"(?:[^"\\\r\n]|\\[^"\r\n]){0,1000}"`,
  String.raw`'[^'\r\n]{0,1000}'`,
  String.raw`\`[^\`\r\n]{0,1000}\``,
  String.raw`\\"[^"\\\r\n]{0,1000}\\"`,
  String.raw`[^\s"'\`,;&|<>(){}\[\]]{1,1000}`
];
var FORM_OPENED_BY = /* @__PURE__ */ new Map([
  [34, new RegExp(VALUE_FORMS[0], "y")],
  // "
  [39, new RegExp(VALUE_FORMS[1], "y")],
  // '
  [96, new RegExp(VALUE_FORMS[2], "y")]
  // `
]);
var PLAIN_VALUE = new RegExp(VALUE_FORMS[4], "y");
var CREDENTIAL_WORD = /secret|token|passw(?:or)?d|pwd|passphrase|credentials?|auth|key|_pat/i;
var NAME_MAX = 120;
var SEPARATOR_LEAD = 131;
var MARKER_START = "[REDACTED";
var isNameChar = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95 || code === 46 || code === 45;
var isBlank = (code) => code === 32 || code === 9;
function assignmentStarts(text) {
  let colon = -1;
  let equals = -1;
  const nextSign = (from) => {
    if (colon !== Number.POSITIVE_INFINITY && colon < from) colon = text.indexOf(":", from);
    if (colon < 0) colon = Number.POSITIVE_INFINITY;
    if (equals !== Number.POSITIVE_INFINITY && equals < from) equals = text.indexOf("=", from);
    if (equals < 0) equals = Number.POSITIVE_INFINITY;
    const next = Math.min(colon, equals);
    return next === Number.POSITIVE_INFINITY ? -1 : next;
  };
  return (from) => {
    for (let at = nextSign(from); at >= 0; at = nextSign(at + 1)) {
      if (at >= MARKER_START.length && text.startsWith(MARKER_START, at - MARKER_START.length)) continue;
      const start = separatorStart(text, at);
      if (start >= from && credentialNameBefore(text, start) !== null && !plainlyNoSecret(text, at)) return start;
    }
    return -1;
  };
}
function plainlyNoSecret(text, at) {
  const colon = text.charCodeAt(at) === 58 && text.charCodeAt(at + 1) !== 61;
  let value = text.charCodeAt(at) === 58 && !colon ? at + 2 : at + 1;
  for (let blanks = 0; isBlank(text.charCodeAt(value)); blanks++, value++) if (blanks === 64) return false;
  const first = text.charCodeAt(value);
  if (first === 92) return false;
  const form = FORM_OPENED_BY.get(first) ?? PLAIN_VALUE;
  form.lastIndex = value;
  if (!form.test(text)) return false;
  return !isSecretValue(text.slice(value, form.lastIndex), colon);
}
function separatorStart(text, at) {
  let start = at;
  while (at - start <= SEPARATOR_LEAD && isBlank(text.charCodeAt(start - 1))) start--;
  if (text.charCodeAt(start - 1) === 63) {
    start--;
    while (at - start <= SEPARATOR_LEAD && isBlank(text.charCodeAt(start - 1))) start--;
  }
  if (text.charCodeAt(start - 1) === 93) start--;
  if (text.charCodeAt(start - 1) === 34 || text.charCodeAt(start - 1) === 39) start--;
  if (text.charCodeAt(start - 1) === 92) start--;
  return start;
}
function credentialNameBefore(text, at) {
  let start = at;
  while (start > 0 && at - start <= NAME_MAX && isNameChar(text.charCodeAt(start - 1))) start--;
  if (at - start < 3 || at - start > NAME_MAX || text.charCodeAt(start - 1) === 36) return null;
  if (text.charCodeAt(start - 1) === 58 && isNameChar(text.charCodeAt(start - 2))) return null;
  if (at - start === last.name.length && text.startsWith(last.name, start)) return last.credential ? last.name : null;
  const name = text.slice(start, at);
  last.name = name;
  last.credential = credentialName(name);
  return last.credential ? name : null;
}
var last = { name: "", credential: false };
var judgedNames = /* @__PURE__ */ new Map();
function credentialName(name) {
  let judged = judgedNames.get(name);
  if (judged === void 0) {
    judged = CREDENTIAL_WORD.test(name) && namesCredential(name);
    if (judgedNames.size > 4096) judgedNames.clear();
    judgedNames.set(name, judged);
  }
  return judged;
}

// src/redact/redact-context.ts
var KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
var KEY_LINE = /(?:[A-Za-z-]{1,40}:[^\r\n\\]{0,400}|[A-Za-z0-9+/=]{1,400})(?=\r?\n|\\n|$)/y;
var KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
var KEY_PARTIAL = /[A-Za-z0-9+/=]{1,400}/y;
var KEY_ONE_LINE = /(?:[ \t]{0,4}[A-Za-z0-9+/=]{1,400}){1,400}[ \t]{0,4}/y;
var sticky = (pattern, text, at) => {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? -1;
};
function keySeparator(text, at) {
  let length = text.startsWith("\n", at) ? 1 : text.startsWith("\r\n", at) || text.startsWith("\\n", at) ? 2 : text.startsWith("\\r\\n", at) ? 4 : -1;
  if (length < 0) return -1;
  for (let indent = 0; indent < 64 && (text[at + length] === " " || text[at + length] === "	"); indent++) length++;
  return length;
}
function keyBlockEnd(text, from) {
  let at = from;
  for (; ; ) {
    const separator = keySeparator(text, at);
    if (separator < 0) return at;
    const next = at + separator;
    if (text.startsWith("-----END ", next)) {
      const end = sticky(KEY_END, text, next);
      return end >= 0 ? next + end : at;
    }
    if (keySeparator(text, next) >= 0) {
      at = next;
      continue;
    }
    const line = sticky(KEY_LINE, text, next);
    if (line < 0) {
      const partial = sticky(KEY_PARTIAL, text, next);
      return partial >= 8 ? next + partial : at;
    }
    at = next + line;
  }
}
function oneLineKeyEnd(text, from) {
  const body = sticky(KEY_ONE_LINE, text, from);
  if (body < 16) return -1;
  const end = sticky(KEY_END, text, from + body);
  return end >= 0 ? from + body + end : from + body;
}
var VALUE = `(?:${VALUE_FORMS.join("|")})`;
var FLAG_VALUE = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;
var whole = (_match, marker) => marker;
var keepName = (match, marker) => isSecretArgument(match[2] ?? "") ? `${match[1]}${marker}` : null;
var SEPARATOR = String.raw`\\?["']?\]?[ \t]{0,64}(?:\?[ \t]{0,64})?(?::=|=(?![=>~])|:(?![:=/]))[ \t]{0,64}`;
var CODE_START = /^[A-Za-z_$]/;
var CALLED = /^[(.[]$/;
var QUOTE = /^\\?["'`]$/;
var CONTEXT_RULES = [
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
function inMysqlCommand(text, at) {
  const before = text.slice(Math.max(0, at - 400), at);
  const command = before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1
  );
  return /\b(?:mysql(?:dump|admin|sh)?|mariadb(?:-dump|-admin)?)[ \t]/.test(command);
}

// src/redact/redact-formats.ts
var ARGUMENT = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;
var keepName2 = (match, marker) => isSecretArgument(match[2] ?? "") ? `${match[1]}${quoted(match[2] ?? "", marker)}` : null;
function quoted(value, marker) {
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.endsWith(quote) && value.length > 1 ? `${quote}${marker}${quote}` : marker;
}
function commandBefore(text, at) {
  const before = text.slice(Math.max(0, at - 400), at);
  return before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1
  );
}
var toolFlag = (tools, flag, tool) => ({
  kind: "credential-flag",
  triggers: [` ${flag}`, `	${flag}`],
  requires: tools,
  pattern: new RegExp(String.raw`((?<=[ \t])${flag}[ \t]{0,64})(${ARGUMENT})`, "g"),
  replace: (match, marker) => tool.test(commandBefore(match.input, match.index)) ? keepName2(match, marker) : null
});
var cli = (triggers, source) => ({
  kind: "credential-flag",
  triggers,
  pattern: new RegExp(source, "g"),
  replace: keepName2
});
var FORMAT_RULES = [
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
function decodeSafely(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// src/redact/redact-prefixed.ts
var isPlaceholderToken = (token) => /x{6,}|X{6,}|EXAMPLE|example|YOUR_|your_/.test(token);
var rule = (kind, source, triggers) => ({
  kind,
  pattern: new RegExp(source, "g"),
  triggers
});
var START = String.raw`(?<![A-Za-z0-9_])`;
var END = String.raw`(?![A-Za-z0-9_])`;
var PREFIXED_RULES = [
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

// src/redact/triggers.ts
var ALPHABET = 128;
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
    scan(text, from = 0, to = text.length, passOver) {
      const found = new Uint8Array(literals.length);
      const pending = new Uint8Array(ends.length).fill(1);
      let left = literals.length;
      let offset = 0;
      for (let at = from; at < to && left > 0; ) {
        const skip = passOver ? text.indexOf(passOver, at) : -1;
        const stop = skip < 0 || skip + (passOver?.length ?? 0) > to ? to : skip;
        for (; at < stop && left > 0; at++) {
          const code = text.charCodeAt(at);
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

// src/redact/views.ts
var ViewBuilder = class {
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
function fromCodes(units) {
  const chunks = [];
  for (let at = 0; at < units.length; at += 8192)
    chunks.push(String.fromCharCode.apply(null, units.subarray(at, at + 8192)));
  return chunks.join("");
}
var JSON_ESCAPES = {
  n: "\n",
  r: "\r",
  t: "	",
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f"
};
function jsonUnescaped(text) {
  if (text === lastJson.text) return lastJson.view;
  const view = decodeJson(text);
  lastJson.text = text;
  lastJson.view = view;
  return view;
}
var lastJson = { text: "", view: null };
function decodeJson(text) {
  if (!text.includes("\\")) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  for (let at = text.indexOf("\\"); at >= 0 && at < text.length - 1; at = text.indexOf("\\", at)) {
    const next = text[at + 1];
    let decoded = JSON_ESCAPES[next];
    let length = 2;
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
      decoded = String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
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
function urlDecoded(text) {
  if (!text.includes("%")) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  for (let at = text.indexOf("%"); at >= 0; at = text.indexOf("%", at + 1)) {
    const code = Number.parseInt(text.slice(at + 1, at + 3), 16);
    if (!/^[0-7][0-9a-fA-F]$/.test(text.slice(at + 1, at + 3)) || code < 32) continue;
    view.keep(copied, at);
    view.put(String.fromCharCode(code), at);
    copied = at + 3;
    at += 2;
  }
  return view.done(copied);
}
function fullwidthFolded(text) {
  if (!/[\uff01-\uff5e]/.test(text)) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  const fullwidth = /[\uff01-\uff5e]/g;
  for (let match = fullwidth.exec(text); match; match = fullwidth.exec(text)) {
    view.keep(copied, match.index);
    view.put(String.fromCharCode((match[0].codePointAt(0) ?? 0) - 65248), match.index);
    copied = match.index + 1;
  }
  return view.done(copied);
}
var BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
var CAMEL_HUMP = /^[A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*={0,2}$/;
var CONTINUATION = /^[A-Za-z0-9][A-Za-z0-9+/_-]*={0,2}(?=$|[\s"'`,;)\]}])/;
var isTokenCode = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 43 || code === 47 || code === 61 || code === 95 || code === 45;
var isAlphanumeric = (code) => code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122;
var WRAPPED_WIDTH = 60;
function wrappedJoined(text) {
  if (!text.includes("\n")) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0; lineStart = at + 1, at = text.indexOf("\n", at + 1)) {
    const end = text[at - 1] === "\r" ? at - 1 : at;
    if (end - lineStart < WRAPPED_WIDTH) continue;
    if (BASE64_LINE.test(text.slice(lineStart, end))) continue;
    if (!isTokenCode(text.charCodeAt(end - 1)) || !isAlphanumeric(text.charCodeAt(at + 1))) continue;
    let run = end;
    while (run > lineStart && end - run < 16 && isTokenCode(text.charCodeAt(run - 1))) run--;
    if (end - run < 16) continue;
    const rest = CONTINUATION.exec(text.slice(at + 1, at + 513))?.[0] ?? "";
    if (rest.length < 8 || randomLength(rest) < 6 && !CAMEL_HUMP.test(rest)) continue;
    view.keep(copied, end);
    copied = at + 1;
  }
  if (copied === 0) return null;
  view.skipped();
  return view.done(copied);
}
var GLUED_PREFIXES = [
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
var GLUED_START = new RegExp(GLUED_PREFIXES.map(([prefix, rest]) => `${prefix}${rest}`).join("|"), "y");
var GLUED_HINT = /sk-ant-|sk-proj-|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA|AIza|npm_|hf_|ya29\.|GOCSPX-|xapp-|_live_|dop_v1_|pypi-/;
function gluedSplit(text) {
  if (!GLUED_HINT.test(text)) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  const candidates = new RegExp(GLUED_HINT.source, "g");
  for (const [start, end] of randomRuns(text)) {
    candidates.lastIndex = start;
    for (let match = candidates.exec(text); match && match.index < end; match = candidates.exec(text)) {
      const at = match.index;
      if (!TOKEN_BEFORE.test(text[at - 1] ?? "") || text.startsWith(match[0], at - match[0].length)) continue;
      GLUED_START.lastIndex = at;
      if (!GLUED_START.test(text)) continue;
      view.keep(copied, at);
      view.put(" ", at);
      copied = at;
    }
  }
  return view.done(copied);
}
var TOKEN_BEFORE = /[A-Za-z0-9_-]/;
function composed(outer, inner) {
  const from = new Int32Array(inner.from.length);
  for (let at = 0; at < inner.from.length; at++) from[at] = outer.from[inner.from[at]];
  return { text: inner.text, from };
}
var MARKER = /\[REDACTED:([a-z0-9-]+)\]/g;
function removedRanges(before, after) {
  const removed = [];
  let at = 0;
  let read = 0;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(after); match; match = MARKER.exec(after)) {
    at += match.index - read;
    read = match.index + match[0].length;
    const tail = after.slice(read, read + 32);
    const kept = before.startsWith(match[0], at) && (tail ? before.startsWith(tail, at + match[0].length) : before.length === at + match[0].length);
    if (kept) {
      at += match[0].length;
      continue;
    }
    let next = read;
    MARKER.lastIndex = read;
    let following = MARKER.exec(after);
    while (following && following.index === next) {
      next = following.index + following[0].length;
      following = MARKER.exec(after);
    }
    const piece = after.slice(next, following ? following.index : after.length);
    const context = after.slice(next, next + 64);
    const end = !following ? before.length - piece.length : pieceEnd(before, piece, context, at);
    if (end < 0) break;
    removed.push({ start: at, end, kind: match[1] ?? "secret" });
    at = end;
    read = next;
    MARKER.lastIndex = next;
  }
  return removed;
}
var CONTEXT_WINDOW = 4096;
function pieceEnd(before, piece, context, at) {
  const first = before.indexOf(piece, at + 1);
  if (context.length <= piece.length) return first;
  for (let end = first; end >= 0 && end - at <= CONTEXT_WINDOW; end = before.indexOf(piece, end + 1))
    if (before.startsWith(context, end)) return end;
  return first;
}

// src/redact/redact.ts
var RULES = [
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
var RANDOM_KIND = "high-entropy-token";
var RANDOM_MARKER = `[REDACTED:${RANDOM_KIND}]`;
var TRIGGERS = compileTriggers([...new Set(RULES.flatMap((rule2) => [...rule2.triggers, ...rule2.requires ?? []]))]);
var indexOf = (literal) => TRIGGERS.literals.indexOf(literal);
var PLANS = RULES.map((rule2, index) => ({
  rule: rule2,
  index,
  marker: `[REDACTED:${rule2.kind}]`,
  triggers: rule2.triggers.map(indexOf),
  requires: rule2.requires?.map(indexOf)
}));
var MARKERS = [.../* @__PURE__ */ new Set([...PLANS.map((plan) => plan.marker), RANDOM_MARKER])];
var WHOLE_TEXT = PLANS.filter((plan) => plan.rule.kind === "private-key");
var BY_LINES = PLANS.filter((plan) => plan.rule.kind !== "private-key");
var STRETCH = 65536;
var KEY_MARKER = WHOLE_TEXT.length === 1 ? WHOLE_TEXT[0]?.marker : void 0;
function stretches(text, passOver) {
  const found = [];
  for (let start = 0; start < text.length || found.length === 0; ) {
    const lineEnd = text.indexOf("\n", start + STRETCH - 1);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    found.push({ start, end, present: TRIGGERS.scan(text, start, end, passOver) });
    start = end;
  }
  return found;
}
var mayMatch = (plan, present) => plan.triggers.some((index) => present[index]) && (!plan.requires || plan.requires.some((index) => present[index]));
var twice = (first, second) => (text) => {
  const outer = first(text);
  const inner = outer && second(outer.text);
  return outer && inner ? composed(outer, inner) : null;
};
var DECODED_VIEWS = [
  jsonUnescaped,
  twice(jsonUnescaped, jsonUnescaped),
  urlDecoded,
  twice(urlDecoded, urlDecoded),
  twice(jsonUnescaped, urlDecoded),
  fullwidthFolded
];
function redactSecrets(input) {
  const counts = {};
  let text = input;
  for (const view of [gluedSplit, wrappedJoined, twice(jsonUnescaped, wrappedJoined)]) {
    const joined = view(text);
    if (joined) text = redactThrough(text, joined, counts);
  }
  text = redactByRules(text, counts);
  for (const view of DECODED_VIEWS) {
    const decoded = view(text);
    if (decoded) text = redactThrough(text, decoded, counts);
  }
  return { text, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}
function redactThrough(text, view, counts) {
  const found = {};
  const redacted = redactByRules(view.text, found);
  if (redacted === view.text) return text;
  for (const [kind, count] of Object.entries(found)) counts[kind] = (counts[kind] ?? 0) + count;
  const pieces = [];
  let copied = 0;
  for (const range of removedRanges(view.text, redacted)) {
    const start = Math.max(copied, view.from[range.start] ?? text.length);
    const end = view.from[range.end] ?? text.length;
    if (end <= start) continue;
    const breaks = text.slice(start, end).split("\n").length - 1;
    pieces.push(text.slice(copied, start), `[REDACTED:${range.kind}]`, "\n".repeat(breaks));
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}
function redactByRules(input, counts) {
  const made = PLANS.map(() => 0);
  let text = input;
  let parts = stretches(text);
  const anywhere = new Uint8Array(TRIGGERS.literals.length);
  for (const part of parts)
    for (let index = 0; index < anywhere.length; index++) if (part.present[index]) anywhere[index] = 1;
  if (WHOLE_TEXT.some((plan) => mayMatch(plan, anywhere))) {
    const redacted = applyPlans(WHOLE_TEXT, text, anywhere, made);
    if (redacted !== text) {
      text = redacted;
      parts = stretches(text, KEY_MARKER);
    }
  }
  let random = 0;
  const pieces = parts.map((part) => {
    const piece = applyPlans(BY_LINES, text.slice(part.start, part.end), part.present, made);
    const runs = randomRuns(piece);
    if (runs.length === 0) return piece;
    random += runs.length;
    const kept = [];
    let copied = 0;
    for (const [start, end] of runs) {
      kept.push(piece.slice(copied, start), RANDOM_MARKER);
      copied = end;
    }
    kept.push(piece.slice(copied));
    return kept.join("");
  });
  text = pieces.length === 1 ? pieces[0] ?? "" : pieces.join("");
  for (const plan of PLANS)
    if (made[plan.index]) counts[plan.rule.kind] = (counts[plan.rule.kind] ?? 0) + (made[plan.index] ?? 0);
  if (random) counts[RANDOM_KIND] = (counts[RANDOM_KIND] ?? 0) + random;
  return text;
}
function applyPlans(plans, input, present, made) {
  let text = input;
  for (const plan of plans) {
    if (!mayMatch(plan, present)) continue;
    text = applyRule(plan, text, made);
  }
  return text;
}
function nextMatch(pattern, text, from, starts) {
  if (!starts) {
    pattern.lastIndex = from;
    return pattern.exec(text);
  }
  for (let at = starts(from); at >= 0; at = starts(at + 1)) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}
function applyRule(plan, text, made) {
  const { rule: rule2, marker, index } = plan;
  if (!rule2.replace && !rule2.extent && !rule2.starts) return replaceEveryMatch(plan, text, made);
  const joined = [];
  const pieces = [];
  let copied = 0;
  let count = 0;
  let from = 0;
  const starts = rule2.starts?.(text);
  for (let match = nextMatch(rule2.pattern, text, 0, starts); match; match = nextMatch(rule2.pattern, text, from, starts)) {
    const replaced = rule2.replace ? rule2.replace(match, marker) : marker;
    if (replaced === null || replaced === match[0]) {
      from = match.index + Math.max(1, rule2.skip?.(match) ?? 1);
      continue;
    }
    pieces.push(text.slice(copied, match.index), replaced);
    if (pieces.length >= 4096) joined.push(pieces.splice(0).join(""));
    copied = rule2.extent ? rule2.extent(match) : match.index + match[0].length;
    from = copied === match.index ? copied + 1 : copied;
    count++;
  }
  if (count === 0) return text;
  made[index] = (made[index] ?? 0) + count;
  pieces.push(text.slice(copied));
  joined.push(pieces.join(""));
  return joined.join("");
}
function replaceEveryMatch({ rule: rule2, marker, index }, text, made) {
  let count = 0;
  const redacted = text.replace(rule2.pattern, () => {
    count++;
    return marker;
  });
  made[index] = (made[index] ?? 0) + count;
  return count === 0 ? text : redacted;
}

export {
  hasNotesRecord,
  hasNotes,
  writeAgentNotes,
  newestAgentNotes,
  redactSecrets
};
