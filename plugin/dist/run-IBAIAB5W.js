#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  ResponseTimeline,
  sessionHandoffs,
  statusWords
} from "./chunk-TO2GOKAH.js";
import {
  createBreakdownEntryDeps,
  ownToolsOf
} from "./chunk-TWNE2VUW.js";
import {
  BreakdownBuilder,
  CATEGORY,
  PACKAGE,
  createBreakdownDeps,
  readContextBreakdown
} from "./chunk-XBXNPPNR.js";
import {
  statuslineCommand
} from "./chunk-CQU4DXR7.js";
import {
  PLAIN,
  paint,
  statusTone,
  styleFor,
  wrap
} from "./chunk-SUVNNIJD.js";
import {
  FactCollector,
  IncrementalReader,
  createHandoffDeps,
  writeHandoff
} from "./chunk-AC5FPCFS.js";
import "./chunk-DG2HTV55.js";
import {
  redactSecrets
} from "./chunk-Y3ZR3M7I.js";
import "./chunk-OZXTJKYL.js";
import {
  CLAUDE_EVENT_NAMES,
  HOOK_EVENTS,
  enabledPlugin,
  hookCommand,
  runningAsPlugin
} from "./chunk-UHKNIKMM.js";
import "./chunk-5QGFGZXA.js";
import {
  jsonText,
  terminalText
} from "./chunk-PGED74ES.js";
import "./chunk-JULSVRIS.js";
import {
  STATE_DIR_SETTING,
  TokenCache,
  appendRecords,
  captureStoreDir,
  claudeConfigDir,
  claudeGlobalConfigPath,
  counterFor,
  countingTurnedOff,
  createUsageDeps,
  ctxMonitorStateDir,
  defaultBodiesDir,
  digestBody,
  digestBodyValue,
  encodeProjectDir,
  ensurePrivateDir,
  exactNumber,
  groupsToMeasure,
  hashOfText,
  markUnmeasured,
  measureGroups,
  newestOfSession,
  openRegularFile,
  parseHandoffChars,
  parseRecordLine,
  projectSessions,
  readContextUsage,
  readLog,
  roundTokens,
  sessionProjectDir,
  subagentOf,
  subagentTranscripts
} from "./chunk-LIGRM5QN.js";
import {
  log
} from "./chunk-AM7EQEUM.js";
import {
  UserError,
  actionableMessage,
  fileSystemFailure,
  makeFolder,
  replaceFile,
  writeNewFile
} from "./chunk-PUOW4WKH.js";
import "./chunk-6RQ7PFQB.js";

// src/commands/help.ts
var ENVIRONMENT = [
  ["CLAUDE_CONFIG_DIR", "Claude Code's config folder (default ~/.claude), where transcripts are found"],
  ["CTX_MONITOR_WARN_PERCENT", "status warn from this percent of the auto-compact point (default 75)"],
  ["CTX_MONITOR_CRITICAL_PERCENT", "status critical from this percent (default 90)"],
  ["CTX_MONITOR_CONTEXT_WINDOW", "the window size when nothing better is known"],
  ["CTX_MONITOR_HANDOFF_DIR", "where handoffs go (default .claude/handoffs in the project)"],
  ["CTX_MONITOR_HANDOFF_MAX_CHARS", "a handoff's size budget in characters (default 5% of the window)"],
  ["CTX_MONITOR_STATE_DIR", "where ctx-monitor keeps its state (default ~/.claude/ctx-monitor)"],
  ["CTX_MONITOR_CONFIG", "config file (default ~/.claude/ctx-monitor/config.json)"],
  ["CTX_MONITOR_COUNT_TOKENS", "0: never ask count_tokens to measure captured parts"],
  ["CTX_MONITOR_KEEP_BODIES", "1: keep Claude Code's request bodies after digesting them"],
  ["CTX_MONITOR_DIGEST_SECONDS", "how often the server digests request bodies by itself (default 60; 0: never)"],
  ["NO_COLOR, FORCE_COLOR", "colour off, or on when not a terminal"]
];
var EXIT_CODES = "Exit codes: 0 done, 1 failed (the message says what to pass or fix), 2 bad arguments.";
function table(rows, indent = "  ") {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`);
}
function helpText(commands) {
  const name = PACKAGE.name;
  return [
    `${name} ${PACKAGE.version}: context-window usage, breakdown and handoffs for Claude Code`,
    "",
    "Usage:",
    ...table([
      [name, "serve MCP on stdio (what `ctx-monitor install` registers with Claude Code)"],
      ...commands.map((command) => [`${name} ${command.name}`, command.summary]),
      [`${name} <command> --help`, "one command's options"],
      [`${name} --help, -h`, "this help"],
      [`${name} --version, -v`, "the version"]
    ]),
    "",
    "Options:",
    ...table(commands.map((command) => [command.name, command.synopsis || "(none)"])),
    "",
    "Selecting a session: --transcript PATH, or --session ID (a unique prefix will do, such as the 8 characters",
    "in a handoff's name), and --project DIR. With none: the session Claude Code runs the command in",
    "(CLAUDE_CODE_SESSION_ID), else the newest of the project found from the current folder or above it.",
    "",
    "Environment:",
    ...table(ENVIRONMENT),
    "",
    EXIT_CODES
  ].join("\n");
}
function commandHelp(command) {
  return [
    `${PACKAGE.name} ${command.name}: ${command.summary}`,
    "",
    `Usage: ${PACKAGE.name} ${command.name} ${command.synopsis}`.trimEnd(),
    "",
    EXIT_CODES
  ].join("\n");
}

// node_modules/ansi-regex/index.js
var ST = String.raw`(?:\u001B\u005C|\u009C)`;
var stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
var osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${ST})`;
var controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${ST}`;
var linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${ST})?`;
var csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
var escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
var pattern = `${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`;
function ansiRegex({ onlyFirst = false } = {}) {
  return new RegExp(pattern, onlyFirst ? void 0 : "g");
}

// node_modules/strip-ansi/index.js
var regex = ansiRegex();
function stripAnsi(string) {
  if (typeof string !== "string") {
    throw new TypeError(`Expected a \`string\`, got \`${typeof string}\``);
  }
  if (!string.includes("\x1B") && !string.includes("\x9B")) {
    return string;
  }
  return string.replace(regex, "");
}

// node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint = 161;
var ambiguousMaximumCodePoint = 1114109;
var ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
var fullwidthMinimalCodePoint = 12288;
var fullwidthMaximumCodePoint = 65510;
var fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
var wideMinimalCodePoint = 4352;
var wideMaximumCodePoint = 262141;
var wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];

// node_modules/get-east-asian-width/utilities.js
var isInRange = (ranges, codePoint) => {
  let low = 0;
  let high = Math.floor(ranges.length / 2) - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const i = mid * 2;
    if (codePoint < ranges[i]) {
      high = mid - 1;
    } else if (codePoint > ranges[i + 1]) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
};

// node_modules/get-east-asian-width/lookup.js
var commonCjkCodePoint = 19968;
var [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var isAmbiguous = (codePoint) => {
  if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
    return false;
  }
  return isInRange(ambiguousRanges, codePoint);
};
var isFullwidth = (codePoint) => {
  if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
    return false;
  }
  return isInRange(fullwidthRanges, codePoint);
};
var isWide = (codePoint) => {
  if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
    return true;
  }
  if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
    return false;
  }
  return isInRange(wideRanges, codePoint);
};

// node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}

// node_modules/emoji-regex/index.mjs
var emoji_regex_default = () => {
  return /[#*0-9]\uFE0F?\u20E3|[\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23ED-\u23EF\u23F1\u23F2\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB\u25FC\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692\u2694-\u2697\u2699\u269B\u269C\u26A0\u26A7\u26AA\u26B0\u26B1\u26BD\u26BE\u26C4\u26C8\u26CF\u26D1\u26E9\u26F0-\u26F5\u26F7\u26F8\u26FA\u2702\u2708\u2709\u270F\u2712\u2714\u2716\u271D\u2721\u2733\u2734\u2744\u2747\u2757\u2763\u27A1\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B55\u3030\u303D\u3297\u3299]\uFE0F?|[\u261D\u270C\u270D](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\u270A\u270B](?:\uD83C[\uDFFB-\uDFFF])?|[\u23E9-\u23EC\u23F0\u23F3\u25FD\u2693\u26A1\u26AB\u26C5\u26CE\u26D4\u26EA\u26FD\u2705\u2728\u274C\u274E\u2753-\u2755\u2795-\u2797\u27B0\u27BF\u2B50]|\u26D3\uFE0F?(?:\u200D\uD83D\uDCA5)?|\u26F9(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\u2764\uFE0F?(?:\u200D(?:\uD83D\uDD25|\uD83E\uDE79))?|\uD83C(?:[\uDC04\uDD70\uDD71\uDD7E\uDD7F\uDE02\uDE37\uDF21\uDF24-\uDF2C\uDF36\uDF7D\uDF96\uDF97\uDF99-\uDF9B\uDF9E\uDF9F\uDFCD\uDFCE\uDFD4-\uDFDF\uDFF5\uDFF7]\uFE0F?|[\uDF85\uDFC2\uDFC7](?:\uD83C[\uDFFB-\uDFFF])?|[\uDFC4\uDFCA](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDFCB\uDFCC](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDCCF\uDD8E\uDD91-\uDD9A\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF43\uDF45-\uDF4A\uDF4C-\uDF7C\uDF7E-\uDF84\uDF86-\uDF93\uDFA0-\uDFC1\uDFC5\uDFC6\uDFC8\uDFC9\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF8-\uDFFF]|\uDDE6\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF]|\uDDE7\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF]|\uDDE8\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF7\uDDFA-\uDDFF]|\uDDE9\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF]|\uDDEA\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA]|\uDDEB\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7]|\uDDEC\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE]|\uDDED\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA]|\uDDEE\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9]|\uDDEF\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5]|\uDDF0\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF]|\uDDF1\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE]|\uDDF2\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF]|\uDDF3\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF]|\uDDF4\uD83C\uDDF2|\uDDF5\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE]|\uDDF6\uD83C\uDDE6|\uDDF7\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC]|\uDDF8\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF]|\uDDF9\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF]|\uDDFA\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF]|\uDDFB\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA]|\uDDFC\uD83C[\uDDEB\uDDF8]|\uDDFD\uD83C\uDDF0|\uDDFE\uD83C[\uDDEA\uDDF9]|\uDDFF\uD83C[\uDDE6\uDDF2\uDDFC]|\uDF44(?:\u200D\uD83D\uDFEB)?|\uDF4B(?:\u200D\uD83D\uDFE9)?|\uDFC3(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDFF3\uFE0F?(?:\u200D(?:\u26A7\uFE0F?|\uD83C\uDF08))?|\uDFF4(?:\u200D\u2620\uFE0F?|\uDB40\uDC67\uDB40\uDC62\uDB40(?:\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDC73\uDB40\uDC63\uDB40\uDC74|\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F)?)|\uD83D(?:[\uDC3F\uDCFD\uDD49\uDD4A\uDD6F\uDD70\uDD73\uDD76-\uDD79\uDD87\uDD8A-\uDD8D\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA\uDECB\uDECD-\uDECF\uDEE0-\uDEE5\uDEE9\uDEF0\uDEF3]\uFE0F?|[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDC8F\uDC91\uDCAA\uDD7A\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC](?:\uD83C[\uDFFB-\uDFFF])?|[\uDC6E-\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4\uDEB5](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD74\uDD90](?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?|[\uDC00-\uDC07\uDC09-\uDC14\uDC16-\uDC25\uDC27-\uDC3A\uDC3C-\uDC3E\uDC40\uDC44\uDC45\uDC51-\uDC65\uDC6A\uDC79-\uDC7B\uDC7D-\uDC80\uDC84\uDC88-\uDC8E\uDC90\uDC92-\uDCA9\uDCAB-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDDA4\uDDFB-\uDE2D\uDE2F-\uDE34\uDE37-\uDE41\uDE43\uDE44\uDE48-\uDE4A\uDE80-\uDEA2\uDEA4-\uDEB3\uDEB7-\uDEBF\uDEC1-\uDEC5\uDED0-\uDED2\uDED5-\uDED8\uDEDC-\uDEDF\uDEEB\uDEEC\uDEF4-\uDEFC\uDFE0-\uDFEB\uDFF0]|\uDC08(?:\u200D\u2B1B)?|\uDC15(?:\u200D\uD83E\uDDBA)?|\uDC26(?:\u200D(?:\u2B1B|\uD83D\uDD25))?|\uDC3B(?:\u200D\u2744\uFE0F?)?|\uDC41\uFE0F?(?:\u200D\uD83D\uDDE8\uFE0F?)?|\uDC68(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDC68\uDC69]\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?)|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFC-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFD-\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFD\uDFFF]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?\uDC68\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDD1D\uDEEF]\u200D\uD83D\uDC68\uD83C[\uDFFB-\uDFFE]|[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3])))?))?|\uDC69(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:\uDC8B\u200D\uD83D)?[\uDC68\uDC69]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?|\uDC69\u200D\uD83D(?:\uDC66(?:\u200D\uD83D\uDC66)?|\uDC67(?:\u200D\uD83D[\uDC66\uDC67])?))|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFC-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFD-\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFD\uDFFF]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D\uD83D(?:[\uDC68\uDC69]|\uDC8B\u200D\uD83D[\uDC68\uDC69])\uD83C[\uDFFB-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3]|\uDD1D\u200D\uD83D[\uDC68\uDC69]\uD83C[\uDFFB-\uDFFE]|\uDEEF\u200D\uD83D\uDC69\uD83C[\uDFFB-\uDFFE])))?))?|\uDD75(?:\uD83C[\uDFFB-\uDFFF]|\uFE0F)?(?:\u200D[\u2640\u2642]\uFE0F?)?|\uDE2E(?:\u200D\uD83D\uDCA8)?|\uDE35(?:\u200D\uD83D\uDCAB)?|\uDE36(?:\u200D\uD83C\uDF2B\uFE0F?)?|\uDE42(?:\u200D[\u2194\u2195]\uFE0F?)?|\uDEB6(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?)|\uD83E(?:[\uDD0C\uDD0F\uDD18-\uDD1F\uDD30-\uDD34\uDD36\uDD77\uDDB5\uDDB6\uDDBB\uDDD2\uDDD3\uDDD5\uDEC3-\uDEC5\uDEF0\uDEF2-\uDEF8](?:\uD83C[\uDFFB-\uDFFF])?|[\uDD26\uDD35\uDD37-\uDD39\uDD3C-\uDD3E\uDDB8\uDDB9\uDDCD\uDDCF\uDDD4\uDDD6-\uDDDD](?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDDDE\uDDDF](?:\u200D[\u2640\u2642]\uFE0F?)?|[\uDD0D\uDD0E\uDD10-\uDD17\uDD20-\uDD25\uDD27-\uDD2F\uDD3A\uDD3F-\uDD45\uDD47-\uDD76\uDD78-\uDDB4\uDDB7\uDDBA\uDDBC-\uDDCC\uDDD0\uDDE0-\uDDFF\uDE70-\uDE7C\uDE80-\uDE8A\uDE8E-\uDEC2\uDEC6\uDEC8\uDECD-\uDEDC\uDEDF-\uDEEA\uDEEF]|\uDDCE(?:\uD83C[\uDFFB-\uDFFF])?(?:\u200D(?:[\u2640\u2642]\uFE0F?(?:\u200D\u27A1\uFE0F?)?|\u27A1\uFE0F?))?|\uDDD1(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1|\uDDD1\u200D\uD83E\uDDD2(?:\u200D\uD83E\uDDD2)?|\uDDD2(?:\u200D\uD83E\uDDD2)?))|\uD83C(?:\uDFFB(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFC-\uDFFF])))?|\uDFFC(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFD-\uDFFF])))?|\uDFFD(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])))?|\uDFFE(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFD\uDFFF])))?|\uDFFF(?:\u200D(?:[\u2695\u2696\u2708]\uFE0F?|\u2764\uFE0F?\u200D(?:\uD83D\uDC8B\u200D)?\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE]|\uD83C[\uDF3E\uDF73\uDF7C\uDF84\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D(?:[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uDC30\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])|\uD83E(?:[\uDDAF\uDDBC\uDDBD](?:\u200D\u27A1\uFE0F?)?|[\uDDB0-\uDDB3\uDE70]|\uDD1D\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFF]|\uDEEF\u200D\uD83E\uDDD1\uD83C[\uDFFB-\uDFFE])))?))?|\uDEF1(?:\uD83C(?:\uDFFB(?:\u200D\uD83E\uDEF2\uD83C[\uDFFC-\uDFFF])?|\uDFFC(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFD-\uDFFF])?|\uDFFD(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])?|\uDFFE(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFD\uDFFF])?|\uDFFF(?:\u200D\uD83E\uDEF2\uD83C[\uDFFB-\uDFFE])?))?)/g;
};

// node_modules/string-width/index.js
var segmenter = new Intl.Segmenter();
var defaultIgnorableCodePointRegex = new RegExp("^\\p{Default_Ignorable_Code_Point}$", "u");
function stringWidth(string, options = {}) {
  if (typeof string !== "string" || string.length === 0) {
    return 0;
  }
  const {
    ambiguousIsNarrow = true,
    countAnsiEscapeCodes = false
  } = options;
  if (!countAnsiEscapeCodes) {
    string = stripAnsi(string);
  }
  if (string.length === 0) {
    return 0;
  }
  let width = 0;
  const eastAsianWidthOptions = { ambiguousAsWide: !ambiguousIsNarrow };
  for (const { segment: character } of segmenter.segment(string)) {
    const codePoint = character.codePointAt(0);
    if (codePoint <= 31 || codePoint >= 127 && codePoint <= 159) {
      continue;
    }
    if (codePoint >= 8203 && codePoint <= 8207 || codePoint === 65279) {
      continue;
    }
    if (codePoint >= 768 && codePoint <= 879 || codePoint >= 6832 && codePoint <= 6911 || codePoint >= 7616 && codePoint <= 7679 || codePoint >= 8400 && codePoint <= 8447 || codePoint >= 65056 && codePoint <= 65071) {
      continue;
    }
    if (codePoint >= 55296 && codePoint <= 57343) {
      continue;
    }
    if (codePoint >= 65024 && codePoint <= 65039) {
      continue;
    }
    if (defaultIgnorableCodePointRegex.test(character)) {
      continue;
    }
    if (emoji_regex_default().test(character)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, eastAsianWidthOptions);
  }
  return width;
}

// src/present/width.ts
function padEnd(text2, width) {
  return text2 + " ".repeat(Math.max(0, width - stringWidth(text2)));
}
function widest(texts) {
  return Math.max(0, ...texts.map((text2) => stringWidth(text2)));
}

// src/present/breakdown.ts
var BAR_CELLS = 40;
function bar(style, tokens, window) {
  const cells = tokens / Math.max(1, window) * BAR_CELLS;
  const [full, thin] = style.unicode ? ["\u2588", "\u258F"] : ["#", "."];
  return cells >= 0.5 ? full.repeat(Math.round(cells)) : tokens > 0 ? thin : "";
}
var percent = (value, tokens) => value === 0 && tokens > 0 ? "<0.1%" : `${value}%`;
function captureLines(capture) {
  if (!capture?.parts.length) return [];
  const measured = capture.parts.filter((part) => part.tokens !== null).map((part) => part.part);
  const lines = measured.length ? [`  measured with count_tokens: ${measured.join(", ")}`] : [];
  for (const part of capture.parts)
    if (part.tokens === null) lines.push(`  not measured: ${part.part} (${part.said ?? "no figure"})`);
  return [...lines, ""];
}
function describeBreakdown(breakdown, style = PLAIN) {
  const width = Math.max(widest(breakdown.categories.map((category) => category.name)), "category".length);
  const lines = [wrap(style, breakdown.summary), "", `  ${padEnd("category", width)}     tokens  of window`];
  for (const category of breakdown.categories) {
    const figure3 = `${category.estimated ? "~" : " "}${exactNumber(category.tokens).padStart(9)}`;
    const cells = bar(style, category.tokens, breakdown.contextWindow);
    const tone = category.name === "Free space" || category.name === "Autocompact buffer" ? "dim" : statusTone(breakdown.status);
    lines.push(
      `  ${padEnd(category.name, width)} ${figure3}  ${percent(category.percentOfWindow, category.tokens).padStart(8)}  ${paint(style, tone, cells)}`
    );
  }
  const rule = style.unicode ? "\u2500" : "-";
  lines.push(
    `  ${rule.repeat(width)}`,
    `  ${padEnd("used", width)}  ${exactNumber(breakdown.usedTokens).padStart(9)}  (~ = estimated split)`,
    ""
  );
  lines.push(...captureLines(breakdown.capture));
  if (breakdown.topItems.length) {
    lines.push("  largest items");
    for (const item of breakdown.topItems.slice(0, 10))
      lines.push(
        `    ${exactNumber(item.tokens).padStart(9)}  ${item.label}${item.turn ? `  (prompt ${item.turn})` : ""}`
      );
  }
  if (breakdown.repeatedReads.length) {
    lines.push("", "  read more than once");
    for (const read of breakdown.repeatedReads.slice(0, 5))
      lines.push(`    ${exactNumber(read.tokens).padStart(9)}  ${read.path} \xD7${read.reads}`);
  }
  if (breakdown.lastCompaction) {
    const { preTokens, postTokens, trigger } = breakdown.lastCompaction;
    lines.push(
      "",
      `  last compaction (${trigger ?? "?"}): ${exactNumber(preTokens ?? 0)} \u2192 ${exactNumber(postTokens ?? 0)} tokens`
    );
  }
  if (breakdown.advice.length) lines.push("", ...breakdown.advice.map((line) => `  \u2022 ${wrap(style, line, "    ")}`));
  if (breakdown.skippedLines)
    lines.push("", `  ${breakdown.skippedLines} transcript lines could not be read and were passed by`);
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

// src/commands/breakdown.ts
var breakdownCommand = {
  name: "breakdown",
  summary: "what fills the context: categories, the largest items, repeated reads, advice",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const deps = createBreakdownEntryDeps(context.runtime);
    printResult(context, await readContextBreakdown(selectionFrom(context.values), deps), describeBreakdown);
    return 0;
  }
};

// src/compare/read-comparison.ts
import { readFileSync, statSync } from "fs";

// src/compare/context-figures.ts
var CONTEXT_TOOLS_PREAMBLE = 500;
var toolsOf = (record) => record.request.parts.filter((part) => part.kind === "tool");
function shareBySize(total, tools) {
  const weights = tools.map((tool) => Math.round(tool.chars / 4));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((weight) => Math.round(weight / sum * total));
}
function contextFigures(run, session) {
  const figures = {
    systemPrompt: 0,
    systemTools: 0,
    systemToolsDeferred: 0,
    mcpTools: 0,
    mcpToolsDeferred: 0,
    mcpInstructions: 0,
    memoryFiles: 0,
    servers: [],
    unclassified: 0
  };
  const servers = /* @__PURE__ */ new Map();
  for (const record of run) {
    const answer = record.inputTokens ?? 0;
    const tools = toolsOf(record);
    if (tools.length === 0) {
      const probe = record.textProbe;
      if (!probe) figures.unclassified++;
      else if (session.memoryHashes.has(probe.hash)) figures.memoryFiles += answer;
      else if (probe.serverHeading) figures.mcpInstructions += answer;
      else figures.systemPrompt += answer;
      continue;
    }
    if (tools.every((tool) => tool.server !== null)) {
      const shares = shareBySize(Math.max(0, answer - CONTEXT_TOOLS_PREAMBLE), tools);
      tools.forEach((tool, index) => {
        const server = servers.get(tool.server) ?? { server: tool.server, loaded: 0, deferred: 0 };
        servers.set(tool.server, server);
        if (session.sentInFull.has(tool.name)) server.loaded += shares[index];
        else server.deferred += shares[index];
      });
      continue;
    }
    const only = tools.length === 1 ? tools[0] : null;
    if (only?.name === "Skill") figures.unclassified++;
    else if (only && !session.sentInFull.has(only.name))
      figures.systemToolsDeferred += Math.max(0, answer - CONTEXT_TOOLS_PREAMBLE);
    else figures.systemTools += answer;
  }
  figures.servers = [...servers.values()].sort((a, b) => b.loaded + b.deferred - (a.loaded + a.deferred));
  figures.mcpTools = figures.servers.reduce((sum, server) => sum + server.loaded, 0);
  figures.mcpToolsDeferred = figures.servers.reduce((sum, server) => sum + server.deferred, 0);
  return figures;
}

// src/compare/comparison.ts
var WHY = {
  systemPrompt: "/context counts each section of the prompt alone, each with a message's overhead; ctx-monitor sizes the prompt as sent in the request",
  systemTools: "/context's System tools and Skills together are count_tokens' answer for the built-in tools (the API's tool-use preamble in it); it shows its own estimate of the skills' listing as Skills and the rest as System tools, although Claude Code 2.1.332 sends that listing as a message",
  deferred: "deferred tools are sent as names only, their definitions reach the context only when ToolSearch loads them; /context counts their definitions anyway",
  mcpTools: `/context takes a fixed ${CONTEXT_TOOLS_PREAMBLE} tokens off all servers' tools measured together and shares the rest by size; ctx-monitor counts what each server's definitions add to the request`,
  mcpInstructions: "ctx-monitor counts the servers' instructions where the request carries them (a message, or the system prompt)",
  memoryFiles: "/context counts each file alone, with a message's overhead; ctx-monitor sizes the files it finds on disk"
};
function row(category, claudeCode, ctxMonitor, why) {
  const difference = ctxMonitor === null ? null : claudeCode - ctxMonitor;
  return { category, claudeCode, ctxMonitor, difference, why: difference === 0 ? null : why };
}
function compareRows(breakdown, figures) {
  const ours = (name) => breakdown.categories.find((category) => category.name === name)?.tokens ?? 0;
  const rows = [
    row(CATEGORY.systemPrompt, figures.systemPrompt, ours(CATEGORY.systemPrompt), WHY.systemPrompt),
    row(
      `${CATEGORY.systemTools} + ${CATEGORY.skills}`,
      figures.systemTools,
      ours(CATEGORY.systemTools) + ours(CATEGORY.skills),
      WHY.systemTools
    ),
    row(`${CATEGORY.systemTools} (deferred)`, figures.systemToolsDeferred, 0, WHY.deferred),
    row(CATEGORY.mcpTools, figures.mcpTools, ours(CATEGORY.mcpTools), WHY.mcpTools),
    row(`${CATEGORY.mcpTools} (deferred)`, figures.mcpToolsDeferred, 0, WHY.deferred),
    row("MCP server instructions", figures.mcpInstructions, null, WHY.mcpInstructions),
    row(CATEGORY.memoryFiles, figures.memoryFiles, ours(CATEGORY.memoryFiles), WHY.memoryFiles)
  ];
  return rows.filter((entry) => entry.claudeCode > 0 || (entry.ctxMonitor ?? 0) > 0);
}
function compareServers(breakdown, figures) {
  const names = /* @__PURE__ */ new Set([
    ...figures.servers.map((server) => server.server),
    ...breakdown.mcpServers.map((s) => s.name)
  ]);
  return [...names].map((server) => {
    const theirs = figures.servers.find((entry) => entry.server === server);
    const ctxMonitor = breakdown.mcpServers.find((entry) => entry.name === server)?.definitionTokens ?? null;
    const claudeCode = theirs?.loaded ?? 0;
    return {
      server,
      claudeCode,
      claudeCodeDeferred: theirs?.deferred ?? 0,
      ctxMonitor,
      difference: ctxMonitor === null ? null : claudeCode - ctxMonitor
    };
  });
}

// src/compare/context-run.ts
var RUN_GAP_MS = 1e4;
function newestContextRun(records) {
  const counts = records.filter((record) => record.kind === "count_tokens" && typeof record.inputTokens === "number").sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const newest = counts.at(-1);
  if (!newest) return null;
  let first = counts.length - 1;
  while (first > 0 && Date.parse(counts[first].time) - Date.parse(counts[first - 1].time) <= RUN_GAP_MS) first--;
  const run = counts.slice(first);
  return { records: run, time: newest.time, model: newest.model };
}

// src/compare/read-comparison.ts
var HASH_LIMIT = 4 << 20;
function memoryHashes(breakdown) {
  const hashes = /* @__PURE__ */ new Set();
  for (const file of breakdown.memoryFiles) {
    try {
      if (statSync(file.path).size <= HASH_LIMIT) hashes.add(hashOfText(readFileSync(file.path, "utf8")));
    } catch {
    }
  }
  return hashes;
}
function sessionRequest(storeDir, sessionId, log2, runTime) {
  const own = newestOfSession(storeDir, sessionId);
  if (own?.request) return own;
  return log2.filter((record) => record.role === "main" && record.time <= runTime).at(-1) ?? null;
}
function summaryOf(rows, runTime) {
  const differing = rows.filter((row2) => row2.difference !== null && row2.difference !== 0);
  const largest = [...differing].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference))[0];
  if (!largest) return `/context (captured ${runTime}) and ctx-monitor agree on every category both count.`;
  const sign = largest.difference > 0 ? "more" : "less";
  return `${differing.length} of ${rows.length} categories differ from /context (captured ${runTime}); the largest: ${largest.category}, where /context counts ${exactNumber(Math.abs(largest.difference))} tokens ${sign}.`;
}
async function readComparison(request, deps) {
  const storeDir = captureStoreDir(deps.runtime);
  const log2 = readLog(storeDir);
  const run = newestContextRun(log2);
  if (!run) {
    const howTo = `start \`ctx-monitor proxy\`, run Claude Code with the ANTHROPIC_BASE_URL it prints, and type /context there`;
    throw new UserError(
      log2.some((record) => record.kind === "count_tokens") ? `the count_tokens requests in ${storeDir} have no answers (imported from request bodies only): ${howTo}` : `no /context run was captured in ${storeDir}: ${howTo}`
    );
  }
  const breakdown = await readContextBreakdown(request, deps);
  const sent = sessionRequest(storeDir, breakdown.sessionId, log2, run.time);
  const session = {
    sentInFull: new Set(
      (sent?.request.parts ?? []).filter((part) => part.kind === "tool" && !part.deferred).map((part) => part.name)
    ),
    memoryHashes: memoryHashes(breakdown)
  };
  const figures = contextFigures(run.records, session);
  const rows = compareRows(breakdown, figures);
  return {
    sessionId: breakdown.sessionId,
    transcriptPath: breakdown.transcriptPath,
    contextRun: { time: run.time, requests: run.records.length, model: run.model },
    usedTokens: breakdown.usedTokens,
    rows,
    servers: compareServers(breakdown, figures),
    summary: summaryOf(rows, run.time)
  };
}

// src/present/compare.ts
var signed = (value) => value === null ? "\u2014" : value === 0 ? "0" : `${value > 0 ? "+" : "\u2212"}${exactNumber(Math.abs(value))}`;
var figure = (value) => value === null ? "\u2014" : exactNumber(value);
function table2(header, rows) {
  const first = widest([header[0], ...rows.map((row2) => row2[0])]);
  const line = (cells) => `  ${padEnd(cells[0], first)}  ${cells.slice(1).map((cell) => cell.padStart(12)).join("  ")}`;
  return [line(header), ...rows.map(line)];
}
function describeComparison(comparison, style = PLAIN) {
  const lines = [
    wrap(style, comparison.summary),
    "",
    ...table2(
      ["category", "/context", "ctx-monitor", "difference"],
      comparison.rows.map((row2) => [
        row2.category,
        figure(row2.claudeCode),
        figure(row2.ctxMonitor),
        signed(row2.difference)
      ])
    )
  ];
  const reasons = comparison.rows.filter((row2) => row2.why);
  if (reasons.length) {
    lines.push("", "  why they differ");
    for (const row2 of reasons) lines.push(`    ${wrap(style, `${row2.category}: ${row2.why}`, "      ")}`);
  }
  if (comparison.servers.length) {
    lines.push(
      "",
      ...table2(
        ["MCP server", "/context", "(deferred)", "ctx-monitor", "difference"],
        comparison.servers.map((server) => [
          server.server,
          figure(server.claudeCode),
          figure(server.claudeCodeDeferred),
          figure(server.ctxMonitor),
          signed(server.difference)
        ])
      )
    );
  }
  lines.push(
    "",
    paint(
      style,
      "dim",
      `  /context: ${comparison.contextRun.requests} count_tokens requests captured ${comparison.contextRun.time}${comparison.contextRun.model ? ` (${comparison.contextRun.model})` : ""}; session ${comparison.sessionId}`
    )
  );
  return lines.join("\n");
}

// src/commands/compare.ts
var compareCommand = {
  name: "compare",
  summary: "ctx-monitor's categories beside /context's, from a /context run the proxy captured",
  synopsis: `[--json] ${SELECTION_SYNOPSIS}`,
  options: { ...selectionOptions, json: { type: "boolean" } },
  async run(context) {
    const comparison = await readComparison(selectionFrom(context.values), createBreakdownEntryDeps(context.runtime));
    printResult(context, comparison, describeComparison);
    return 0;
  }
};

// src/commands/demo.ts
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync as readFileSync2,
  readSync,
  rmSync,
  statSync as statSync2
} from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { fileURLToPath } from "url";

// src/present/handoff.ts
function describeHandoff(result, style = PLAIN) {
  return [
    wrap(style, result.summary),
    "",
    `  sections   ${wrap(style, result.sections.join(", ") || "none", "             ")}`,
    `  resume     ${wrap(style, result.resumeInstruction, "             ")}`
  ].join("\n");
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
  const row2 = (label, value) => `  ${label.padEnd(13)}  ${value}`;
  const autocompact = usage.autocompactAt === null ? `off: ${usage.autocompactOffBecause ?? "Claude Code will not auto-compact"}` : (usage.tokensUntilAutocompact ?? 0) <= 0 ? `expected at ${exactNumber(usage.autocompactAt)}: past it, a compaction is due` : `expected at ${exactNumber(usage.autocompactAt)}, ${exactNumber(usage.tokensUntilAutocompact ?? 0)} left`;
  const pace = usage.tokensPerStep === null ? "not enough steps yet" : `~${exactNumber(usage.tokensPerStep)} tokens per step recently (the median step)${usage.stepsUntilLimit === null ? "" : `, ~${exactNumber(usage.stepsUntilLimit)} steps until ${usage.limitKind === "budget" ? "the budget" : usage.limitKind === "window" ? "a full window" : "auto-compact"}`}`;
  const last = usage.lastCompaction;
  const lines = [
    wrap(style, usage.summary),
    "",
    row2(
      "used",
      `${exactNumber(usage.usedTokens)} tokens${usage.estimated ? " (estimated)" : ""}, ${usage.usedPercent}% of the ${exactNumber(usage.contextWindow)}-token window (${windowSourceWords(usage.windowSource)}${usage.windowAssumedBecause ? `: ${usage.windowAssumedBecause}` : ""})`
    ),
    row2("pending", `~${exactNumber(usage.pendingTokens)} tokens added since`),
    row2("auto-compact", autocompact),
    row2("pace", pace),
    ...usage.budget !== null || usage.budgetIgnoredBecause ? [
      row2(
        "budget",
        usage.budget !== null ? `${exactNumber(usage.budget)} (working budget)` : `none: ${usage.budgetIgnoredBecause}`
      )
    ] : [],
    row2("status", paint(style, statusTone(usage.status), statusWords(usage))),
    row2(
      "compactions",
      `${usage.compactions}${last ? ` (last: ${last.trigger ?? "?"}, ${exactNumber(last.preTokens ?? 0)} \u2192 ${exactNumber(last.postTokens ?? 0)})` : ""}`
    ),
    row2("model", usage.model ?? "unknown"),
    row2(
      "session",
      `${usage.sessionId} (${sessionSourceWords(usage.sessionSource)}${usage.sessionGuessed ? ", a guess" : ""})`
    ),
    ...usage.subagent ? [
      row2(
        "subagent",
        `${usage.subagent.description ?? usage.subagent.agentId} (${usage.subagent.agentType ?? "agent"}): these are its own figures`
      )
    ] : [],
    row2("transcript", usage.transcriptPath),
    row2("as of", usage.asOf ?? "no response yet")
  ];
  if (usage.skippedLines) lines.push(row2("skipped lines", String(usage.skippedLines)));
  return lines.join("\n");
}

// src/commands/demo-steps.ts
var DEMO_STEPS = [
  {
    tool: "get_context_usage",
    args: {},
    caption: "How full is the context, and how long until auto-compact?",
    describe: (result, style) => describeUsage(result, style)
  },
  {
    tool: "get_context_breakdown",
    args: {},
    caption: "What is filling it: categories, the largest items, advice.",
    describe: (result, style) => describeBreakdown(result, style)
  },
  {
    tool: "write_handoff",
    args: {
      goal: "Fix add() and add multiply() to the calc library.",
      current_state: "Both done; node test.js passes.",
      next_steps: "Add a test for multiply()."
    },
    caption: "Write a handoff before compaction (into a folder of its own, kept for you to read).",
    describe: (result, style) => describeHandoff(result, style)
  }
];

// src/commands/demo.ts
var FIXTURE_PROJECT_DIR = "/home/user/project";
var DEMO_FIXTURE = "busy-session";
var demoCommand = {
  name: "demo",
  summary: "run the MCP server on a bundled sample session and show what each tool returns",
  synopsis: "[--json] [--transcript PATH]",
  options: { json: { type: "boolean" }, transcript: { type: "string" } },
  run: runDemo
};
function fixturesDir() {
  return fileURLToPath(new URL("../fixtures/transcripts/", import.meta.url));
}
function pickFixture() {
  const dir = fixturesDir();
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".jsonl")) : [];
  if (names.length === 0)
    throw new UserError(`no sample transcripts in ${dir}; reinstall the package or pass --transcript PATH`);
  const preferred = names.find((name) => name === `${DEMO_FIXTURE}.jsonl`);
  const largest = names.sort((a, b) => statSync2(join(dir, b)).size - statSync2(join(dir, a)).size)[0];
  return join(dir, preferred ?? largest);
}
function stageSession(root, transcript) {
  const configDir = join(root, ".claude");
  const projectFolder = join(configDir, "projects", encodeProjectDir(FIXTURE_PROJECT_DIR));
  mkdirSync(projectFolder, { recursive: true });
  const sessionId = sessionIdIn(transcript) ?? basename(transcript, ".jsonl");
  copyFileSync(transcript, join(projectFolder, `${sessionId}.jsonl`));
  const sidecar = transcript.replace(/\.jsonl$/, "");
  if (existsSync(sidecar) && statSync2(sidecar).isDirectory())
    cpSync(sidecar, join(projectFolder, sessionId), { recursive: true });
  return { configDir, sessionId };
}
function sessionIdIn(transcript) {
  const head = Buffer.alloc(256 << 10);
  const fd = openSync(transcript, "r");
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return /"sessionId":"([^"]+)"/.exec(head.toString("utf8", 0, read))?.[1] ?? null;
  } finally {
    closeSync(fd);
  }
}
function handoffPreview(folder) {
  const name = existsSync(folder) ? readdirSync(folder).find((file) => file.endsWith(".md")) : void 0;
  if (!name) return "";
  const lines = readFileSync2(join(folder, name), "utf8").split("\n");
  const shown = lines.slice(0, HANDOFF_PREVIEW_LINES).join("\n");
  const rest = lines.length - HANDOFF_PREVIEW_LINES;
  return `\u2500\u2500 the handoff, as the next context reads it${rest > 0 ? ` (first ${HANDOFF_PREVIEW_LINES} lines of ${lines.length})` : ""}

${shown}
`;
}
var HANDOFF_PREVIEW_LINES = 40;
async function runDemo(context) {
  const transcript = typeof context.values.transcript === "string" ? context.values.transcript : pickFixture();
  const { Client } = await import("./client-7UFW5I5D.js");
  const { StdioClientTransport } = await import("./stdio-HQY3M4CL.js");
  const root = mkdtempSync(join(tmpdir(), "ctx-monitor-demo-"));
  const handoffDir = join(root, "handoffs");
  const client = new Client({ name: `${PACKAGE.name}-demo`, version: PACKAGE.version });
  try {
    const { configDir, sessionId } = stageSession(root, transcript);
    const projectDir = join(root, "project");
    mkdirSync(projectDir);
    const transport = new StdioClientTransport({
      command: process.execPath,
      // This very executable (dist/cli.js, or the installed bin, dist/bin.cjs, which loads it).
      args: [process.argv[1] ?? fileURLToPath(new URL("../dist/cli.js", import.meta.url))],
      cwd: projectDir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: root,
        CLAUDE_CONFIG_DIR: configDir,
        CLAUDE_CODE_SESSION_ID: sessionId,
        CLAUDE_PROJECT_DIR: FIXTURE_PROJECT_DIR,
        CTX_MONITOR_HANDOFF_DIR: handoffDir
      },
      stderr: "inherit"
    });
    await client.connect(transport);
    const { tools } = await client.listTools();
    const results = {};
    if (!context.values.json) {
      context.out.stdout(
        `${PACKAGE.name} demo: the MCP server over stdio, on sample session ${sessionId} (recorded from the real Claude Code)
`
      );
      context.out.stdout(`tools: ${tools.map((tool) => tool.name).join(", ")}
`);
      context.out.stdout(
        "This client is not Claude Code: it sends no calling tool_use id, so answers say fresh: false. --json shows each tool's exact object.\n"
      );
    }
    for (const step of DEMO_STEPS) {
      if (!tools.some((tool) => tool.name === step.tool)) continue;
      const result = await client.callTool({ name: step.tool, arguments: step.args });
      results[step.tool] = result.structuredContent ?? result.content;
      if (!context.values.json) {
        context.out.stdout(`
\u2500\u2500 ${step.tool}: ${step.caption}

`);
        const shown = result.isError || !result.structuredContent ? JSON.stringify(result.content, null, 2) : step.describe(result.structuredContent, context.style);
        context.out.stdout(`${shown}
`);
      }
    }
    if (context.values.json) context.out.stdout(`${JSON.stringify(results, null, 2)}
`);
    else context.out.stdout(`
${handoffPreview(handoffDir)}`);
    return 0;
  } finally {
    await client.close().catch(() => {
    });
    rmSync(root, { recursive: true, force: true });
  }
}

// src/commands/handoff.ts
var text = { type: "string" };
var handoffCommand = {
  name: "handoff",
  summary: "write a handoff document for the session (prompts verbatim, files, commands, your notes)",
  synopsis: `[--json] [--goal T] [--state T] [--decisions T] [--next T] [--questions T] [--warnings T] [--name LABEL] [--max-chars N] ${SELECTION_SYNOPSIS}`,
  options: {
    ...selectionOptions,
    json: { type: "boolean" },
    goal: text,
    state: text,
    decisions: text,
    next: text,
    questions: text,
    warnings: text,
    name: text,
    "max-chars": text
  },
  async run(context) {
    const pick = (key) => typeof context.values[key] === "string" ? context.values[key] : void 0;
    const result = await writeHandoff(
      {
        ...selectionFrom(context.values),
        name: pick("name"),
        maxChars: pick("max-chars") === void 0 ? void 0 : parseHandoffChars(pick("max-chars"), "--max-chars"),
        notes: {
          goal: pick("goal"),
          currentState: pick("state"),
          decisions: pick("decisions"),
          nextSteps: pick("next"),
          openQuestions: pick("questions"),
          warnings: pick("warnings")
        }
      },
      createHandoffDeps(context.runtime, createUsageDeps(context.runtime))
    );
    printResult(context, result, describeHandoff);
    return 0;
  }
};

// src/capture/import-mitm.ts
import { readdirSync as readdirSync2, statSync as statSync3 } from "fs";
import { basename as basename2, join as join2 } from "path";

// src/capture/mitm/dump-file.ts
import { closeSync as closeSync2, constants, fstatSync, openSync as openSync2, readSync as readSync2 } from "fs";
function kindOf(stat) {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  if (stat.isDirectory()) return "a folder";
  return "not a regular file";
}
var MIB = 1 << 20;
function withRegularFile(path, maxBytes, use) {
  const fd = openSync2(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: `${kindOf(stat)}, only regular files are read` };
    if (stat.size > maxBytes)
      return {
        refused: `${(stat.size / MIB).toFixed(0)} MiB, over the ${(maxBytes / MIB).toFixed(0)} MiB a recipe file may be`
      };
    return { value: use(fd, stat.size) };
  } finally {
    closeSync2(fd);
  }
}
function readDumpFile(path, maxBytes) {
  const result = withRegularFile(path, maxBytes, (fd, size) => {
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync2(fd, bytes, filled, size - filled, filled);
      if (read <= 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  });
  return "value" in result ? { bytes: result.value } : result;
}
var BLOCK_BYTES = 1 << 20;
function readDumpLines(path, maxFileBytes, maxLineBytes, onLine) {
  const result = withRegularFile(path, maxFileBytes, (fd, size) => {
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    let pending = [];
    let pendingBytes = 0;
    let skipping = false;
    const take = (piece) => {
      if (skipping) return;
      if (pendingBytes + piece.length > maxLineBytes) {
        skipping = true;
        pending = [];
        pendingBytes = 0;
        return;
      }
      pending.push(piece);
      pendingBytes += piece.length;
    };
    const endLine = () => {
      if (!skipping) onLine(Buffer.concat(pending, pendingBytes).toString("utf8"));
      pending = [];
      pendingBytes = 0;
      skipping = false;
    };
    for (let position = 0; position < size; ) {
      const read = readSync2(fd, block, 0, Math.min(BLOCK_BYTES, size - position), position);
      if (read <= 0) break;
      position += read;
      let start = 0;
      for (let newline = block.indexOf(10, start); newline !== -1 && newline < read; newline = block.indexOf(10, start)) {
        take(Buffer.from(block.subarray(start, newline)));
        endLine();
        start = newline + 1;
      }
      if (start < read) take(Buffer.from(block.subarray(start, read)));
    }
    if (pendingBytes > 0 || skipping) endLine();
  });
  return "refused" in result ? result : null;
}

// src/capture/mitm/traffic-log.ts
var REQUEST_LINE = /^\[([^\]]+)\] REQUEST\s*$/;
var SAVED_LINE = /^Saved (?:full request )?to: (.+?)\s*$/;
function localTime(text2) {
  const time = new Date(text2);
  return Number.isNaN(time.getTime()) ? null : time;
}
var SavedRequests = class {
  saved = /* @__PURE__ */ new Map();
  current = null;
  line(line) {
    const opened = REQUEST_LINE.exec(line);
    if (opened) {
      this.current = { url: null, time: localTime(opened[1]) };
      return;
    }
    if (!this.current) return;
    if (line.startsWith("URL: ")) this.current.url = line.slice("URL: ".length).trim() || null;
    const file = SAVED_LINE.exec(line)?.[1];
    if (file) {
      const name = file.split(/[\\/]/).at(-1);
      this.saved.set(name, { file: name, ...this.current });
    }
  }
};

// src/capture/import-mitm.ts
var TRAFFIC_LOG = "claude_traffic.log";
var REQUEST_FILE = /^request_.+\.json$/;
var PAIRED_FILE = /^(req|resp)_(.*)_(\d{6,12})\.json$/;
var MAX_DUMP_FILE_BYTES = 64 << 20;
var MAX_LOG_LINE_BYTES = 64 << 10;
var BATCH = 256;
function readJson(path) {
  try {
    const read = readDumpFile(path, MAX_DUMP_FILE_BYTES);
    if ("refused" in read) return read;
    const value = JSON.parse(read.bytes.toString("utf8"));
    return { json: typeof value === "object" && value !== null && !Array.isArray(value) ? value : null };
  } catch {
    return { json: null };
  }
}
function isCountTokens(capture) {
  if (capture.url) return capture.url.includes("/count_tokens");
  if (capture.name.includes("count_tokens")) return true;
  return capture.body.max_tokens === void 0;
}
function recordOfCapture(capture) {
  const countTokens = isCountTokens(capture);
  const response = capture.response;
  return digestBodyValue(capture.body, {
    source: "mitm",
    id: basename2(capture.name, ".json"),
    time: capture.time,
    kind: countTokens ? "count_tokens" : "messages",
    messageId: !countTokens && typeof response?.id === "string" ? response.id : null,
    usage: !countTokens && typeof response?.usage === "object" && response.usage ? response.usage : null,
    inputTokens: countTokens && typeof response?.input_tokens === "number" ? response.input_tokens : null
  })?.record ?? null;
}
function pairResponses(names) {
  const byPath = /* @__PURE__ */ new Map();
  for (const name of names) {
    const match = PAIRED_FILE.exec(name);
    if (!match) continue;
    const [kind, path, stamp] = [match[1], match[2], match[3]];
    const entry = byPath.get(path) ?? { requests: [], responses: [] };
    byPath.set(path, entry);
    if (kind === "req") entry.requests.push({ name, stamp });
    else entry.responses.push(name);
  }
  const answers = /* @__PURE__ */ new Map();
  for (const { requests, responses } of byPath.values()) {
    requests.sort((a, b) => a.stamp.localeCompare(b.stamp));
    let next = 0;
    const stampOf = (name) => PAIRED_FILE.exec(name)?.[3] ?? "";
    for (const response of responses.sort((a, b) => stampOf(a).localeCompare(stampOf(b)))) {
      const stamp = stampOf(response);
      const request = requests[next];
      if (!request || request.stamp > stamp) continue;
      answers.set(request.name, response);
      next++;
    }
  }
  return answers;
}
function readTrafficLog(dir, names, refused) {
  const log2 = new SavedRequests();
  if (!names.includes(TRAFFIC_LOG)) return log2.saved;
  const problem = readDumpLines(
    join2(dir, TRAFFIC_LOG),
    Number.POSITIVE_INFINITY,
    MAX_LOG_LINE_BYTES,
    (line) => log2.line(line)
  );
  if (problem) refused.push({ name: TRAFFIC_LOG, reason: problem.refused });
  return log2.saved;
}
function requestFiles(dir, names, logged) {
  const responses = pairResponses(names);
  const found = [];
  for (const name of names) {
    const paired = PAIRED_FILE.exec(name);
    if (!REQUEST_FILE.test(name) && paired?.[1] !== "req") continue;
    const log2 = logged.get(name);
    let time = log2?.time ?? null;
    if (!time) {
      try {
        time = statSync3(join2(dir, name)).mtime;
      } catch {
        time = /* @__PURE__ */ new Date(0);
      }
    }
    found.push({ name, url: log2?.url ?? null, time, responseName: responses.get(name) ?? null });
  }
  return found.sort((a, b) => a.time.toISOString().localeCompare(b.time.toISOString()));
}
function importMitm(dir, storeDir) {
  const names = readdirSync2(dir).sort();
  const refused = [];
  const unreadable = [];
  const logged = readTrafficLog(dir, names, refused);
  const known = new Set(
    readLog(storeDir).filter((record) => record.source === "mitm").map((record) => record.id)
  );
  let imported = 0;
  let alreadyThere = 0;
  let unanswered = 0;
  let batch = [];
  for (const found of requestFiles(dir, names, logged)) {
    const request = readJson(join2(dir, found.name));
    if ("refused" in request) {
      refused.push({ name: found.name, reason: request.refused });
      continue;
    }
    if (!request.json || !Array.isArray(request.json.messages)) {
      unreadable.push(found.name);
      continue;
    }
    const answer = found.responseName ? readJson(join2(dir, found.responseName)) : null;
    if (answer && "refused" in answer) refused.push({ name: found.responseName, reason: answer.refused });
    const response = answer && "json" in answer ? answer.json : null;
    const record = recordOfCapture({ ...found, body: request.json, response });
    if (!record) {
      unreadable.push(found.name);
      continue;
    }
    if (known.has(record.id)) {
      alreadyThere++;
      continue;
    }
    known.add(record.id);
    imported++;
    if (record.kind === "count_tokens" && record.inputTokens === null) unanswered++;
    batch.push(record);
    if (batch.length >= BATCH) {
      appendRecords(storeDir, batch);
      batch = [];
    }
  }
  appendRecords(storeDir, batch);
  return {
    imported,
    alreadyThere,
    unreadable: unreadable.sort(),
    refused: refused.sort((a, b) => a.name.localeCompare(b.name)),
    unanswered
  };
}

// src/commands/import-mitm.ts
var importMitmCommand = {
  name: "import-mitm",
  summary: "import the mitmproxy recipe's captures (request_*.json or req_/resp_*.json, claude_traffic.log)",
  synopsis: "DIR [--capture-dir DIR] [--json]",
  options: { "capture-dir": { type: "string" }, json: { type: "boolean" } },
  arguments: ["DIR"],
  async run({ values, positionals, runtime, out }) {
    const dir = positionals[0] ?? "";
    const storeDir = typeof values["capture-dir"] === "string" ? values["capture-dir"] : captureStoreDir(runtime);
    let result;
    try {
      result = importMitm(dir, storeDir);
    } catch (error) {
      out.stderr(
        `ctx-monitor import-mitm: ${fileSystemFailure(error) ?? `cannot read ${dir}: ${error.message}`}
`
      );
      return 1;
    }
    if (values.json) out.stdout(`${jsonText({ ...result, storeDir })}
`);
    else {
      out.stdout(
        `imported ${result.imported} request${result.imported === 1 ? "" : "s"} into ${storeDir}${result.alreadyThere ? ` (${result.alreadyThere} already there)` : ""}
`
      );
      if (result.unreadable.length) out.stdout(`not a Messages request, left out: ${result.unreadable.join(", ")}
`);
      if (result.refused.length)
        out.stdout(`not read: ${result.refused.map(({ name, reason }) => `${name} (${reason})`).join("; ")}
`);
      if (result.unanswered)
        out.stdout(
          `${result.unanswered} count_tokens request${result.unanswered === 1 ? " has" : "s have"} no answer in these files (the recipe keeps request bodies only); for \`ctx-monitor compare\`, capture /context with \`ctx-monitor proxy\` or the recipe's variant that keeps responses (resp_*.json)
`
        );
    }
    return 0;
  }
};

// src/commands/install.ts
import { existsSync as existsSync3 } from "fs";
import { delimiter, dirname as dirname2, join as join4, resolve } from "path";
import { fileURLToPath as fileURLToPath2 } from "url";

// src/integration/install/apply.ts
import {
  accessSync,
  constants as constants2,
  existsSync as existsSync2,
  lstatSync,
  mkdirSync as mkdirSync2,
  readFileSync as readFileSync3,
  realpathSync,
  statSync as statSync4,
  unlinkSync
} from "fs";
import { dirname } from "path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text2, ignoreTrivia = false) {
  const len = text2.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text2.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text2.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text2.length && text2.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text2.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text2.length && (text2.charCodeAt(pos) === 69 || text2.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text2.length && text2.charCodeAt(pos) === 43 || text2.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
        pos++;
        while (pos < text2.length && isDigit(text2.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text2.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text2.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text2.charCodeAt(pos);
      if (ch === 34) {
        result += text2.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text2.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text2.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text2.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text2.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text2.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text2.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text2.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text2.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text2.substring(start, pos);
          return token = 12;
        }
        if (text2.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text2.charCodeAt(pos);
            if (ch === 42 && text2.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text2.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text2.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text2.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text2.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text2.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};
var supportedEols = ["\n", "\r", "\r\n"];

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text2, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text2) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text2 });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i = 0; i < count; i++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i < content.length) {
    let ch = content.charAt(i);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text2) {
  for (let i = 0; i < text2.length; i++) {
    const ch = text2.charAt(i);
    if (ch === "\r") {
      if (i + 1 < text2.length && text2.charAt(i + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text2, offset) {
  return "\r\n".indexOf(text2.charAt(offset)) !== -1;
}

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse(text2, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text2, visitor, options);
  return currentParent[0];
}
function parseTree(text2, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text2, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text2, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text2, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text2, originalPath, value, options) {
  const path = originalPath.slice();
  const errors = [];
  const root = parseTree(text2, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path.length > 0) {
    lastSegment = path.pop();
    parent = findNodeAtLocation(root, path);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text2, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text2, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text2, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text2, edit, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit;
      if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text2, edit, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit;
      if (parent.children.length === 1) {
        edit = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text2, edit, options);
    } else if (value !== void 0) {
      let edit;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text2, edit, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text2, edit, options) {
  if (!options.formattingOptions) {
    return [edit];
  }
  let newText = applyEdit(text2, edit);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit2 = edits[i];
    newText = applyEdit(newText, edit2);
    begin = Math.min(begin, edit2.offset);
    end = Math.max(end, edit2.offset + edit2.length);
    end += edit2.content.length - edit2.length;
  }
  const editLength = text2.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text2, edit) {
  return text2.substring(0, edit.offset) + edit.content + text2.substring(edit.offset + edit.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse2 = parse;
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function format2(documentText, range, options) {
  return format(documentText, range, options);
}
function modify(text2, path, value, options) {
  return setProperty(text2, path, value, options);
}
function applyEdits(text2, edits) {
  let sortedEdits = edits.slice(0).sort((a, b) => {
    const diff = a.offset - b.offset;
    if (diff === 0) {
      return a.length - b.length;
    }
    return diff;
  });
  let lastModifiedOffset = text2.length;
  for (let i = sortedEdits.length - 1; i >= 0; i--) {
    let e = sortedEdits[i];
    if (e.offset + e.length <= lastModifiedOffset) {
      text2 = applyEdit(text2, e);
    } else {
      throw new Error("Overlapping edit");
    }
    lastModifiedOffset = e.offset;
  }
  return text2;
}

// src/integration/install/json-text.ts
var SettingsFileError = class extends UserError {
};
function readJsonObject(text2, path) {
  if (!text2.trim()) return {};
  const errors = [];
  const value = parse2(text2, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SettingsFileError(
      `${path} is not a JSON object (${errors.length} syntax error(s)); fix it or move it away, then run this again`
    );
  }
  return value;
}
function formatting(text2) {
  const indent = /\n([ \t]+)\S/.exec(text2)?.[1] ?? "  ";
  const eol = text2.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("	") ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
function setJson(text2, path, value, insert = false) {
  const base = text2.trim() ? text2 : "{}\n";
  if (value === void 0) return removeJson(base, path);
  const edits = modify(base, path, value, { isArrayInsertion: insert });
  let result = base;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    const inserted = applyEdits(result, [edit]);
    const end = edit.offset + edit.content.length;
    const inside = format2(inserted, { offset: edit.offset, length: edit.content.length }, formatting(base)).filter(
      (change) => change.offset >= edit.offset && change.offset + change.length <= end
    );
    result = applyEdits(inserted, inside);
  }
  return result;
}
function removeJson(text2, path) {
  const root = parseTree2(text2, [], { allowTrailingComma: true });
  const found = root ? findNodeAtLocation2(root, path) : void 0;
  if (!found) return text2;
  const node = found.parent?.type === "property" ? found.parent : found;
  const siblings = node.parent?.children ?? [node];
  const index = siblings.indexOf(node);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const end = node.offset + node.length;
  if (previous) return text2.slice(0, previous.offset + previous.length) + text2.slice(end);
  if (next) return text2.slice(0, node.offset) + text2.slice(next.offset);
  const parent = node.parent;
  if (!parent) return text2;
  return text2.slice(0, parent.offset + 1) + text2.slice(parent.offset + parent.length - 1);
}

// src/integration/install/apply.ts
function readText(path) {
  try {
    return readFileSync3(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
function isChange(change) {
  return change.after !== change.before;
}
function backupPath(path) {
  return `${path}.ctx-monitor.bak`;
}
function writeTarget(path) {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}
function existingFolder(path) {
  let folder = dirname(path);
  while (!existsSync2(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}
function checkWritable(changes, backups) {
  for (const change of changes.filter(isChange)) {
    const target = writeTarget(change.path);
    const places = [existingFolder(target)];
    if (existsSync2(target)) places.push(target);
    if (backups && change.before !== null) places.push(existingFolder(backupPath(change.path)));
    for (const place of places) {
      try {
        accessSync(place, constants2.W_OK);
      } catch (error) {
        const code = error.code ?? "not writable";
        throw new SettingsFileError(
          `cannot write ${place === target ? target : `in ${place}`} (${code}): nothing was changed; make it writable, then run this again`
        );
      }
    }
  }
}
function applyChange(change, backup) {
  if (!isChange(change)) return;
  const target = writeTarget(change.path);
  const mode = existsSync2(target) ? statSync4(target).mode & 511 : 420;
  if (backup && change.before !== null) replaceFile(backupPath(change.path), change.before, mode);
  if (change.after === null) {
    unlinkSync(change.path);
    return;
  }
  mkdirSync2(dirname(target), { recursive: true });
  replaceFile(target, change.after, mode);
}
function describeChanges(changes, notes, dryRun, backups = true) {
  const lines = [];
  const real = changes.filter(isChange);
  for (const change of real) {
    lines.push(`${change.path}${change.after === null ? " (removed: nothing left in it)" : ""}`);
    for (const what of change.changes) lines.push(`  - ${what}`);
    if (!dryRun && backups && change.before !== null)
      lines.push(`  (previous version kept in ${backupPath(change.path)})`);
  }
  if (real.length === 0) lines.push("Nothing to change: already as wanted.");
  for (const note of notes) lines.push(`Note: ${note}`);
  if (dryRun) lines.unshift("Dry run: these changes would be made (nothing written):");
  return lines.join("\n");
}

// src/integration/install/install-plan.ts
import { readFileSync as readFileSync4 } from "fs";
import { join as join3 } from "path";

// src/integration/install/project-files.ts
var GITIGNORE_LINES = ["# ctx-monitor: handoffs hold prompts verbatim", ".claude/handoffs/"];
var ignores = (text2) => text2.split(/\r?\n/).some((line) => /^\/?\.claude\/handoffs\/?$/.test(line.trim()) || line.trim() === ".claude/");
function planGitignoreInstall(text2) {
  if (ignores(text2)) return text2;
  return `${text2}${text2 && !text2.endsWith("\n") ? "\n" : ""}${GITIGNORE_LINES.join("\n")}
`;
}
function planGitignoreUninstall(text2) {
  return text2.replace(`${GITIGNORE_LINES.join("\n")}
`, "");
}
var CLAUDE_MD_START = "<!-- ctx-monitor:start (written by `ctx-monitor install --project`; `ctx-monitor uninstall --project` removes it) -->";
var CLAUDE_MD_END = "<!-- ctx-monitor:end -->";
var CLAUDE_MD_SNIPPET = `## Context budget
- Before reading large files, running broad searches or starting a long task, call \`get_context_usage\`
  (ctx-monitor) and read its \`summary\`.
- When its \`status\` is \`warn\`, or \`stepsUntilAutocompact\` is under 10, finish the current step and plan a
  handoff; when it is \`critical\`, call \`write_handoff\` now with the goal, current state, decisions, next steps
  and open questions.
- When the context feels crowded, call \`get_context_breakdown\` and follow its \`advice\`.

## Handoffs
- Before a long task, after finishing a milestone, and whenever \`get_context_usage\` says \`critical\`, call
  \`write_handoff\` with your goal, current state, decisions and why, next steps, open questions and warnings.
- At the start of a session, or right after a compaction, read the resource \`ctx-monitor://handoffs/latest\`
  (or run the \`/mcp__ctx-monitor__resume\` prompt) and continue from its next steps, checking the files first.`;
var BLOCK = `${CLAUDE_MD_START}
${CLAUDE_MD_SNIPPET}
${CLAUDE_MD_END}
`;
function blockRange(text2) {
  const start = text2.indexOf(CLAUDE_MD_START);
  const end = text2.indexOf(CLAUDE_MD_END, start);
  if (start === -1 || end === -1) return null;
  const after = end + CLAUDE_MD_END.length;
  return [start, text2[after] === "\n" ? after + 1 : after];
}
function planClaudeMdInstall(text2) {
  const range = blockRange(text2);
  if (range) return text2.slice(0, range[0]) + BLOCK + text2.slice(range[1]);
  return `${text2}${text2 && !text2.endsWith("\n") ? "\n" : ""}${text2 ? "\n" : ""}${BLOCK}`;
}
function planClaudeMdUninstall(text2) {
  const range = blockRange(text2);
  if (!range) return text2;
  const before = text2.slice(0, range[0]);
  return (before.endsWith("\n\n") ? before.slice(0, -1) : before) + text2.slice(range[1]);
}

// src/integration/install/wiring.ts
var SERVER_NAME = "ctx-monitor";
var ON_PATH = { node: null, cli: "ctx-monitor" };
function invocation(executables) {
  return [executables.node, executables.cli].flatMap((word) => word === null ? [] : [shellQuote(word)]).join(" ");
}
function shellQuote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function hookCommand2(executables, event) {
  return `${invocation(executables)} hook ${event}`;
}
function statuslineCommand2(executables) {
  const state = executables.stateDir ? `CTX_MONITOR_STATE_DIR=${shellQuote(executables.stateDir)} ` : "";
  return `${state}${invocation(executables)} statusline`;
}
function serverEntry(executables) {
  return executables.node === null ? { type: "stdio", command: executables.cli, args: [], env: {} } : { type: "stdio", command: executables.node, args: [executables.cli], env: {} };
}
var OURS = /(?:ctx-monitor|bin\.cjs|cli\.js)['"]?\s+(hook\s+[a-z-]+|statusline)\s*$/;
function isOurHookCommand(command, event) {
  return typeof command === "string" && OURS.exec(command)?.[1]?.replace(/\s+/g, " ") === `hook ${event}`;
}
function isOurStatusline(command) {
  return typeof command === "string" && OURS.exec(command)?.[1] === "statusline";
}
var HOOKS = HOOK_EVENTS.map((event) => ({
  event,
  name: CLAUDE_EVENT_NAMES[event]
}));

// src/integration/install/settings-plan.ts
var asObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
var asArray = (value) => Array.isArray(value) ? value : [];
function findOurHook(doc, name, event) {
  const groups = asArray(asObject(doc.hooks)?.[name]);
  for (const [g, group] of groups.entries()) {
    for (const [h, hook] of asArray(asObject(group)?.hooks).entries()) {
      if (isOurHookCommand(asObject(hook)?.command, event)) return [g, h];
    }
  }
  return null;
}
var CAPTURE_VARIABLE = "OTEL_LOG_RAW_API_BODIES";
function planCaptureInstall(text2, path, capture, changes, notes) {
  if (capture === void 0) return text2;
  const env = asObject(readJsonObject(text2, path).env);
  const existing = env?.[CAPTURE_VARIABLE];
  if (existing === capture) return text2;
  if (existing !== void 0) {
    notes.push(
      `kept your ${CAPTURE_VARIABLE} (${JSON.stringify(existing)}); ctx-monitor reads the bodies from there too`
    );
    return text2;
  }
  changes.push(`have Claude Code write its request bodies for ctx-monitor (env ${CAPTURE_VARIABLE}=${capture})`);
  return env ? setJson(text2, ["env", CAPTURE_VARIABLE], capture) : setJson(text2, ["env"], { [CAPTURE_VARIABLE]: capture });
}
function planCaptureUninstall(text2, path, capture, changes) {
  const env = asObject(readJsonObject(text2, path).env);
  if (env?.[CAPTURE_VARIABLE] !== capture) return text2;
  changes.push(`stop the request-body capture (env ${CAPTURE_VARIABLE})`);
  return setJson(text2, Object.keys(env).length === 1 ? ["env"] : ["env", CAPTURE_VARIABLE], void 0);
}
function planSettingsInstall(text2, path, executables, options) {
  let current = text2;
  const changes = [];
  const notes = [];
  let replacedStatusline;
  for (const { event, name } of options.hooks === false ? [] : HOOKS) {
    const doc2 = readJsonObject(current, path);
    const command = hookCommand2(executables, event);
    const found = findOurHook(doc2, name, event);
    if (found) {
      const [g, h] = found;
      const existing2 = asObject(asArray(asObject(asArray(asObject(doc2.hooks)?.[name])[g])?.hooks)[h])?.command;
      if (existing2 !== command) {
        current = setJson(current, ["hooks", name, g, "hooks", h, "command"], command);
        changes.push(`update the ${name} hook to ${command}`);
      }
      continue;
    }
    const group = { hooks: [{ type: "command", command }] };
    const groups = asObject(doc2.hooks)?.[name];
    current = Array.isArray(groups) ? setJson(current, ["hooks", name, groups.length], group, true) : setJson(current, ["hooks", name], [group]);
    changes.push(`add the ${name} hook: ${command}`);
  }
  const doc = readJsonObject(current, path);
  const wanted = { type: "command", command: statuslineCommand2(executables), padding: 0 };
  const existing = asObject(doc.statusLine);
  const hidden = asObject(options.userStatusline);
  if (!existing && hidden && !options.statusline) {
    notes.push(
      `kept your statusline (${JSON.stringify(hidden.command ?? hidden)}, in your user settings): a project statusline would hide it; pass --statusline to use ctx-monitor's in this project`
    );
  } else if (!existing) {
    current = setJson(current, ["statusLine"], wanted);
    changes.push(
      hidden ? `set the statusline: ${wanted.command} (it hides yours, ${JSON.stringify(hidden.command ?? hidden)}, in this project)` : `set the statusline: ${wanted.command}`
    );
  } else if (isOurStatusline(existing.command)) {
    if (existing.command !== wanted.command) {
      current = setJson(current, ["statusLine", "command"], wanted.command);
      changes.push(`update the statusline to ${wanted.command}`);
    }
  } else if (options.statusline) {
    replacedStatusline = existing;
    current = setJson(current, ["statusLine"], wanted);
    changes.push(
      `replace your statusline (${JSON.stringify(existing.command)}) with ${wanted.command}; uninstall puts yours back`
    );
  } else {
    notes.push(
      `kept your statusline (${JSON.stringify(existing.command ?? existing)}); pass --statusline to use ctx-monitor's instead`
    );
  }
  current = planCaptureInstall(current, path, options.capture, changes, notes);
  return { text: current, changes, notes, ...replacedStatusline !== void 0 ? { replacedStatusline } : {} };
}
function planSettingsUninstall(text2, path, restoreStatusline, capture, options = {}) {
  let current = text2;
  const changes = [];
  for (const { event, name } of options.hooks === false ? [] : HOOKS) {
    for (let found = findOurHook(readJsonObject(current, path), name, event); found; found = findOurHook(readJsonObject(current, path), name, event)) {
      const [g, h] = found;
      const doc = readJsonObject(current, path);
      const groups = asArray(asObject(doc.hooks)?.[name]);
      const group = asObject(groups[g]);
      if (asArray(group?.hooks).length > 1) current = setJson(current, ["hooks", name, g, "hooks", h], void 0);
      else if (groups.length > 1) current = setJson(current, ["hooks", name, g], void 0);
      else current = setJson(current, ["hooks", name], void 0);
      changes.push(`remove the ${name} hook`);
    }
  }
  const hooks = asObject(readJsonObject(current, path).hooks);
  if (hooks && Object.keys(hooks).length === 0) current = setJson(current, ["hooks"], void 0);
  const statusLine = asObject(readJsonObject(current, path).statusLine);
  if (statusLine && isOurStatusline(statusLine.command)) {
    if (asObject(restoreStatusline)) {
      current = setJson(current, ["statusLine"], restoreStatusline);
      changes.push(`put your statusline back (${JSON.stringify(asObject(restoreStatusline)?.command)})`);
    } else {
      current = setJson(current, ["statusLine"], void 0);
      changes.push("remove the statusline");
    }
  }
  if (options.hooks !== false) current = planCaptureUninstall(current, path, capture, changes);
  return { text: current, changes, notes: [] };
}
function planServerInstall(text2, path, executables) {
  const doc = readJsonObject(text2, path);
  const wanted = serverEntry(executables);
  const existing = asObject(asObject(doc.mcpServers)?.[SERVER_NAME]);
  if (existing && JSON.stringify(existing.command) === JSON.stringify(wanted.command) && JSON.stringify(existing.args) === JSON.stringify(wanted.args)) {
    return { text: text2, changes: [], notes: [] };
  }
  const next = asObject(doc.mcpServers) ? setJson(text2, ["mcpServers", SERVER_NAME], wanted) : setJson(text2, ["mcpServers"], { [SERVER_NAME]: wanted });
  return {
    text: next,
    changes: [`${existing ? "update" : "register"} the MCP server ${SERVER_NAME}: ${invocationText(wanted)}`],
    notes: []
  };
}
function invocationText(entry) {
  return [entry.command, ...asArray(entry.args)].join(" ");
}
function planServerUninstall(text2, path) {
  const doc = readJsonObject(text2, path);
  const servers = asObject(doc.mcpServers);
  if (!asObject(servers?.[SERVER_NAME])) return { text: text2, changes: [], notes: [] };
  const target = Object.keys(servers ?? {}).length === 1 ? ["mcpServers"] : ["mcpServers", SERVER_NAME];
  return { text: setJson(text2, target, void 0), changes: [`remove the MCP server ${SERVER_NAME}`], notes: [] };
}

// src/integration/install/settings-shape.ts
var PLAIN2 = (value) => value?.type === "object" ? null : value?.type ?? null;
function duplicateKeys(node, at = []) {
  if (!node?.children) return [];
  const found = [];
  if (node.type === "object") {
    const seen = /* @__PURE__ */ new Set();
    for (const property of node.children) {
      const key = String(property.children?.[0]?.value);
      if (seen.has(key)) found.push([...at, key].join("."));
      seen.add(key);
      found.push(...duplicateKeys(property.children?.[1], [...at, key]));
    }
  } else {
    for (const [index, child] of node.children.entries()) found.push(...duplicateKeys(child, [...at, String(index)]));
  }
  return found;
}
function member(root, key) {
  return root?.children?.find((property) => property.children?.[0]?.value === key)?.children?.[1];
}
function checkSettingsShape(text2, path, kind) {
  if (!text2.trim()) return;
  const root = parseTree2(text2, [], { allowTrailingComma: true });
  const refuse = (problem) => new SettingsFileError(`${path}: ${problem}; fix that by hand, then run this again (nothing was changed)`);
  const twice = duplicateKeys(root);
  if (twice.length > 0)
    throw refuse(
      `"${twice[0]}" is given twice, and Claude Code reads only the last one; merge them into one "${twice[0]}"`
    );
  if (kind === "servers") {
    const servers = member(root, "mcpServers");
    if (servers && PLAIN2(servers))
      throw refuse(`"mcpServers" is ${article(PLAIN2(servers))}, where Claude Code expects an object`);
    return;
  }
  const hooks = member(root, "hooks");
  if (hooks && PLAIN2(hooks))
    throw refuse(
      `"hooks" is ${article(PLAIN2(hooks))}, where Claude Code expects an object of events ({"PreCompact": [...]})`
    );
  for (const property of hooks?.children ?? []) {
    const value = property.children?.[1];
    if (value && value.type !== "array")
      throw refuse(
        `"hooks.${property.children?.[0]?.value}" is ${article(value.type)}, where Claude Code expects a list`
      );
  }
  for (const key of ["statusLine", "env"]) {
    const value = member(root, key);
    if (value && PLAIN2(value))
      throw refuse(`"${key}" is ${article(PLAIN2(value))}, where Claude Code expects an object`);
  }
}
function article(type) {
  return type === "array" ? "a list" : type === "object" ? "an object" : `a ${type}`;
}

// src/integration/install/install-plan.ts
function targets(runtime, scope) {
  if (scope.project)
    return { settings: join3(scope.project, ".claude", "settings.json"), servers: join3(scope.project, ".mcp.json") };
  return { settings: join3(claudeConfigDir(runtime), "settings.json"), servers: claudeGlobalConfigPath(runtime) };
}
function replacedStatuslinesPath(runtime) {
  return join3(ctxMonitorStateDir(runtime), "replaced-statuslines.json");
}
function readReplaced(runtime) {
  try {
    return readJsonObject(readFileSync4(replacedStatuslinesPath(runtime), "utf8"), replacedStatuslinesPath(runtime));
  } catch {
    return {};
  }
}
function rememberReplacedStatusline(runtime, settingsPath, value) {
  const all = { ...readReplaced(runtime), [settingsPath]: value };
  makeFolder(ctxMonitorStateDir(runtime), 448, STATE_DIR_SETTING);
  replaceFile(replacedStatuslinesPath(runtime), `${JSON.stringify(all, null, 2)}
`, 384);
}
function readChecked(path, kind) {
  const text2 = readText(path);
  if (text2 !== null) checkSettingsShape(text2, path, kind);
  return text2;
}
function userStatusline(runtime) {
  const path = join3(claudeConfigDir(runtime), "settings.json");
  try {
    const statusLine = readJsonObject(readText(path) ?? "", path).statusLine;
    const command = statusLine?.command;
    return statusLine !== void 0 && !isOurStatusline(command) ? statusLine : void 0;
  } catch {
    return void 0;
  }
}
function captureVariableValue(runtime) {
  return `file:${defaultBodiesDir(runtime)}`;
}
function planInstall(runtime, scope, executables, options) {
  const { settings, servers } = targets(runtime, scope);
  const settingsBefore = readChecked(settings, "settings");
  const settingsPlan = planSettingsInstall(settingsBefore ?? "", settings, executables, {
    statusline: options.statusline,
    hooks: !options.statuslineOnly,
    ...scope.project ? { userStatusline: userStatusline(runtime) } : {},
    ...options.capture ? { capture: captureVariableValue(runtime) } : {}
  });
  const files = [];
  if (!options.statuslineOnly) {
    const serversBefore = readChecked(servers, "servers");
    const serverPlan = planServerInstall(serversBefore ?? "", servers, executables);
    files.push({
      path: servers,
      before: serversBefore,
      after: serverPlan.changes.length ? serverPlan.text : serversBefore,
      changes: serverPlan.changes
    });
  }
  files.push({
    path: settings,
    before: settingsBefore,
    after: settingsPlan.changes.length ? settingsPlan.text : settingsBefore,
    changes: settingsPlan.changes
  });
  if (scope.project) {
    const gitignore = join3(scope.project, ".gitignore");
    const ignoreBefore = readText(gitignore);
    files.push({
      path: gitignore,
      before: ignoreBefore,
      after: planGitignoreInstall(ignoreBefore ?? ""),
      changes: ["ignore .claude/handoffs/ (handoffs hold prompts verbatim)"]
    });
    const claudeMd = join3(scope.project, "CLAUDE.md");
    const mdBefore = readText(claudeMd);
    files.push({
      path: claudeMd,
      before: mdBefore,
      after: planClaudeMdInstall(mdBefore ?? ""),
      changes: ["add the context-budget and handoff instructions, between ctx-monitor markers"]
    });
  }
  for (const file of files) if (file.before === null && file.after === "") file.after = null;
  return {
    files,
    notes: settingsPlan.notes,
    ...settingsPlan.replacedStatusline !== void 0 ? { replacedStatusline: { settingsPath: settings, value: settingsPlan.replacedStatusline } } : {}
  };
}
function emptied(text2, path) {
  if (!text2.trim()) return true;
  try {
    const doc = readJsonObject(text2, path);
    const keys = Object.keys(doc);
    return keys.length === 0 || keys.length === 1 && JSON.stringify(doc.mcpServers) === "{}";
  } catch {
    return false;
  }
}
function planUninstall(runtime, scope, options = {}) {
  const { settings, servers } = targets(runtime, scope);
  const files = [];
  const serversBefore = options.statuslineOnly ? null : readChecked(servers, "servers");
  if (serversBefore !== null) {
    const plan = planServerUninstall(serversBefore, servers);
    files.push({ path: servers, before: serversBefore, after: plan.text, changes: plan.changes });
  }
  const settingsBefore = readChecked(settings, "settings");
  if (settingsBefore !== null) {
    const plan = planSettingsUninstall(
      settingsBefore,
      settings,
      readReplaced(runtime)[settings],
      captureVariableValue(runtime),
      { hooks: !options.statuslineOnly }
    );
    files.push({ path: settings, before: settingsBefore, after: plan.text, changes: plan.changes });
  }
  if (scope.project && !options.statuslineOnly) {
    const gitignore = join3(scope.project, ".gitignore");
    const ignoreBefore = readText(gitignore);
    if (ignoreBefore !== null)
      files.push({
        path: gitignore,
        before: ignoreBefore,
        after: planGitignoreUninstall(ignoreBefore),
        changes: ["stop ignoring .claude/handoffs/ (the lines install added)"]
      });
    const claudeMd = join3(scope.project, "CLAUDE.md");
    const mdBefore = readText(claudeMd);
    if (mdBefore !== null)
      files.push({
        path: claudeMd,
        before: mdBefore,
        after: planClaudeMdUninstall(mdBefore),
        changes: ["remove the ctx-monitor instructions"]
      });
  }
  for (const file of files)
    if (file.after !== null && file.after !== file.before && emptied(file.after, file.path)) file.after = null;
  return { files, notes: [] };
}

// src/commands/install.ts
function installedExecutables(runtime) {
  const here = dirname2(fileURLToPath2(import.meta.url));
  const cli = [join4(here, "bin.cjs"), resolve(here, "..", "..", "dist", "bin.cjs")].find((path) => existsSync3(path));
  if (!cli)
    throw new SettingsFileError(
      `cannot find ctx-monitor's built executable (dist/bin.cjs) near ${here}; run \`npm run build\` first`
    );
  const stateDir = runtime.env.CTX_MONITOR_STATE_DIR?.trim();
  return { node: process.execPath, cli, ...stateDir ? { stateDir } : {} };
}
function onPath(runtime, name) {
  return (runtime.env.PATH ?? "").split(delimiter).some((folder) => folder && existsSync3(join4(folder, name)));
}
var scopeOptions = { project: { type: "boolean" }, "dry-run": { type: "boolean" } };
var installCommand = {
  name: "install",
  summary: "register the MCP server, hooks and statusline with Claude Code (user scope, or --project)",
  synopsis: "[--project] [--dry-run] [--statusline] [--statusline-only] [--capture]",
  options: {
    ...scopeOptions,
    statusline: { type: "boolean" },
    "statusline-only": { type: "boolean" },
    capture: { type: "boolean" }
  },
  async run(context) {
    const { values, runtime, out } = context;
    const dryRun = values["dry-run"] === true;
    const capture = values.capture === true;
    const statuslineOnly = values["statusline-only"] === true;
    const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
    if (plugin && !statuslineOnly)
      throw new SettingsFileError(
        `ctx-monitor is already installed as the Claude Code plugin ${plugin}: a second install would start a second server and run every hook twice; keep the plugin, or \`claude plugin uninstall ${plugin}\` first`
      );
    const project = values.project ? runtime.cwd : null;
    const plan = planInstall(runtime, { project }, project ? ON_PATH : installedExecutables(runtime), {
      statusline: values.statusline === true,
      capture,
      statuslineOnly
    });
    if (project && !onPath(runtime, ON_PATH.cli))
      plan.notes.push(
        "the project's files run `ctx-monitor` from PATH, and it is not on this PATH: `npm install -g .` in the clone puts it there"
      );
    if (!dryRun) {
      checkWritable(plan.files, true);
      if (capture) ensurePrivateDir(defaultBodiesDir(runtime));
      for (const file of plan.files) applyChange(file, true);
      if (plan.replacedStatusline)
        rememberReplacedStatusline(runtime, plan.replacedStatusline.settingsPath, plan.replacedStatusline.value);
    }
    out.stdout(`${describeChanges(plan.files, plan.notes, dryRun)}
`);
    if (!dryRun && plan.files.some(isChange))
      out.stdout(
        statuslineOnly ? "The statusline shows from the next message on.\n" : "Start a new Claude Code session to load them; `claude mcp list` shows the server.\n"
      );
    return 0;
  }
};

// src/capture/proxy/capture-exchange.ts
import { randomUUID } from "crypto";
var MESSAGES = "/v1/messages";
var COUNT_TOKENS = "/v1/messages/count_tokens";
function isCaptured(method, path) {
  return method === "POST" && (path === MESSAGES || path === COUNT_TOKENS);
}
function parsed(bytes) {
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return null;
  }
}
function digestOfExchange(exchange) {
  if (!exchange.requestBody || exchange.status < 200 || exchange.status >= 300) return null;
  const context = {
    source: "proxy",
    id: randomUUID(),
    time: exchange.startedAt,
    betaHeader: exchange.headers["anthropic-beta"]
  };
  if (exchange.path === COUNT_TOKENS) {
    const answer = parsed(exchange.responseBody);
    const inputTokens = typeof answer?.input_tokens === "number" ? answer.input_tokens : null;
    return digestBody(exchange.requestBody.toString("utf8"), { ...context, kind: "count_tokens", inputTokens });
  }
  const message = parsed(exchange.responseBody);
  const messageId = exchange.streamed?.messageId ?? (typeof message?.id === "string" ? message.id : null);
  const usage = exchange.streamed?.usage ?? message?.usage ?? null;
  return digestBody(exchange.requestBody.toString("utf8"), {
    ...context,
    kind: "messages",
    messageId,
    usage: usage ? pickUsage(usage) : null
  });
}
function pickUsage(usage) {
  const picked = {};
  for (const key of [
    "input_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "output_tokens"
  ]) {
    if (typeof usage[key] === "number") picked[key] = usage[key];
  }
  return picked;
}

// src/capture/proxy/measure-parts.ts
var ProxyPartMeasurer = class {
  constructor(storeDir, upstream, runtime) {
    this.storeDir = storeDir;
    this.upstream = upstream;
    this.runtime = runtime;
  }
  storeDir;
  upstream;
  runtime;
  /** Groups being asked now: a burst of requests of one shape asks once. */
  asking = /* @__PURE__ */ new Set();
  running = /* @__PURE__ */ new Set();
  /** Starts measuring the groups nobody measured yet; returns at once. */
  measure(groups, credentials) {
    const now = this.runtime.now();
    const cache = new TokenCache(this.storeDir);
    const wanted = groupsToMeasure(groups.values(), cache, now).filter((group) => !this.asking.has(group.key));
    if (wanted.length === 0) return;
    const at = now.toISOString();
    if (countingTurnedOff(this.runtime.env)) {
      markUnmeasured(wanted, cache, {
        reason: "turned-off",
        said: "count_tokens is turned off (CTX_MONITOR_COUNT_TOKENS=0 where ctx-monitor proxy runs)",
        at
      });
      return;
    }
    if (!credentials) {
      markUnmeasured(wanted, cache, {
        reason: "no-credentials",
        said: "the request ctx-monitor proxy forwarded carried no x-api-key or authorization header to ask count_tokens with",
        at
      });
      return;
    }
    for (const group of wanted) this.asking.add(group.key);
    const counter = counterFor({ baseUrl: this.upstream.href, headers: credentials });
    const work = measureGroups(wanted, counter, cache, now).then(() => void 0).catch((error) => {
      log(`proxy: could not keep count_tokens' figures: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => {
      for (const group of wanted) this.asking.delete(group.key);
      this.running.delete(work);
    });
    this.running.add(work);
  }
  /** Waits for the measuring under way (on shutdown, so its figures are written). */
  async settled() {
    await Promise.all([...this.running]);
  }
};

// src/capture/proxy/server.ts
import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest
} from "http";
import { Agent as HttpsAgent, request as httpsRequest } from "https";

// src/capture/proxy/headers.ts
var HOP_BY_HOP = /* @__PURE__ */ new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade"
]);
function connectionListed(headers) {
  const listed = headers.connection;
  if (!listed) return /* @__PURE__ */ new Set();
  return new Set(
    listed.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean)
  );
}
function endToEnd(headers) {
  const listed = connectionListed(headers);
  const forwarded = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === void 0 || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    forwarded[name] = value;
  }
  return forwarded;
}
function upstreamRequestHeaders(headers, upstream) {
  return { ...endToEnd(headers), host: upstream.host };
}
var RECORDABLE = ["anthropic-beta", "anthropic-version"];
function recordableHeaders(headers) {
  const kept = {};
  for (const name of RECORDABLE) {
    const value = headers[name];
    if (typeof value === "string") kept[name] = value;
    else if (Array.isArray(value)) kept[name] = value.join(",");
  }
  return kept;
}
function requestCredentials(headers) {
  const kept = {};
  for (const name of ["x-api-key", "authorization"]) {
    const value = headers[name];
    if (typeof value === "string" && value) kept[name] = value;
  }
  if (Object.keys(kept).length === 0) return null;
  const beta = headers["anthropic-beta"];
  if (beta) kept["anthropic-beta"] = Array.isArray(beta) ? beta.join(",") : beta;
  return kept;
}

// src/capture/proxy/idle-queue.ts
var DEFAULT_QUEUE_LIMITS = { bytes: 32 << 20, count: 128, idleMs: 50 };
var IdleQueue = class {
  constructor(work, limits = DEFAULT_QUEUE_LIMITS) {
    this.work = work;
    this.limits = limits;
  }
  work;
  limits;
  items = [];
  bytes = 0;
  inFlight = 0;
  timer = null;
  requestStarted() {
    this.inFlight++;
    this.cancel();
  }
  requestEnded() {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.schedule();
  }
  push(item, bytes) {
    this.items.push({ item, bytes });
    this.bytes += bytes;
    while (this.items.length > this.limits.count || this.bytes > this.limits.bytes && this.items.length > 1)
      this.runOne();
    this.schedule();
  }
  /** Runs everything left (on shutdown). */
  drain() {
    this.cancel();
    while (this.items.length) this.runOne();
  }
  runOne() {
    const next = this.items.shift();
    if (!next) return;
    this.bytes -= next.bytes;
    this.work(next.item);
  }
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
  schedule() {
    if (this.inFlight > 0 || this.items.length === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inFlight === 0) this.drain();
    }, this.limits.idleMs);
    this.timer.unref();
  }
};

// src/capture/proxy/tap.ts
var BoundedBytes = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  chunks = [];
  size = 0;
  overflowed = false;
  push(chunk) {
    if (this.overflowed) return;
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.overflowed = true;
      this.chunks = [];
      return;
    }
    this.chunks.push(chunk);
  }
  bytes() {
    return this.overflowed ? null : Buffer.concat(this.chunks, this.size);
  }
};
var MAX_LINE = 1 << 20;
var StreamUsageScanner = class {
  partial = "";
  skipping = false;
  messageId = null;
  model = null;
  usage = null;
  push(chunk) {
    let text2 = chunk.toString("latin1");
    for (let newline = text2.indexOf("\n"); newline !== -1; newline = text2.indexOf("\n")) {
      const line = this.partial + text2.slice(0, newline);
      this.partial = "";
      text2 = text2.slice(newline + 1);
      if (this.skipping) this.skipping = false;
      else this.line(line);
    }
    if (this.skipping) return;
    this.partial += text2;
    if (this.partial.length > MAX_LINE) {
      this.partial = "";
      this.skipping = true;
    }
  }
  line(line) {
    if (!line.startsWith("data:") || !line.includes('"usage"')) return;
    let event;
    try {
      event = JSON.parse(Buffer.from(line.slice(5).trim(), "latin1").toString("utf8"));
    } catch {
      return;
    }
    if (event.type === "message_start" && event.message) {
      this.messageId = event.message.id ?? null;
      this.model = event.message.model ?? null;
      this.usage = { ...event.message.usage };
    } else if (event.type === "message_delta" && event.usage) {
      this.usage = { ...this.usage, ...definedOnly(event.usage) };
    }
  }
};
function definedOnly(usage) {
  return Object.fromEntries(Object.entries(usage).filter(([, value]) => typeof value === "number"));
}

// src/capture/proxy/server.ts
var DEFAULT_CAPTURE_LIMIT = 32 << 20;
function apiError(res, status, type, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ type: "error", error: { type, message } }));
}
function upstreamUrl(upstream, requestUrl) {
  const base = upstream.pathname.replace(/\/+$/, "");
  const target = new URL(upstream.origin);
  const [path = "/", query] = requestUrl.split(/\?(.*)/s, 2);
  target.pathname = `${base}${path.startsWith("/") ? path : `/${path}`}`;
  if (query !== void 0) target.search = `?${query}`;
  return target;
}
async function startProxy(options) {
  const secure = options.upstream.protocol === "https:";
  if (!secure && options.upstream.protocol !== "http:")
    throw new Error(`upstream must be an http(s) URL, got ${options.upstream.href}`);
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const relay = {
    options,
    agent,
    send: secure ? httpsRequest : httpRequest,
    limit: options.captureLimitBytes ?? DEFAULT_CAPTURE_LIMIT,
    queue: new IdleQueue(
      (exchange) => options.onExchange?.(exchange),
      options.queueLimits ?? DEFAULT_QUEUE_LIMITS
    )
  };
  const server = createServer((req, res) => {
    relay.queue.requestStarted();
    res.once("close", () => relay.queue.requestEnded());
    forward(relay, req, res);
  });
  await new Promise((resolve3, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve3();
    });
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve3) => {
      server.closeAllConnections();
      agent.destroy();
      server.close(() => {
        relay.queue.drain();
        resolve3();
      });
    })
  };
}
function forward(relay, req, res) {
  const { options } = relay;
  const method = req.method ?? "GET";
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const capturing = options.onExchange && (options.captures?.(method, path) ?? true);
  const target = upstreamUrl(options.upstream, req.url ?? "/");
  const startedAt = /* @__PURE__ */ new Date();
  const requestCopy = capturing ? new BoundedBytes(relay.limit) : null;
  let finished = false;
  const upstreamRequest = relay.send(target, {
    method,
    headers: upstreamRequestHeaders(req.headers, options.upstream),
    agent: relay.agent
  });
  upstreamRequest.on("error", (error) => {
    if (finished || res.destroyed) return;
    apiError(
      res,
      502,
      "api_error",
      `ctx-monitor proxy could not reach ${options.upstream.origin}: ${error.code ?? error.message}`
    );
  });
  upstreamRequest.on("response", (upstreamResponse) => {
    const { scanner, responseCopy } = startResponse(upstreamResponse, res, capturing ? relay.limit : null);
    upstreamResponse.on("end", () => {
      finished = true;
      if (!capturing || !requestCopy) return;
      const exchange = {
        method,
        path,
        startedAt,
        status: upstreamResponse.statusCode ?? 0,
        headers: recordableHeaders(req.headers),
        credentials: credentialsOf(req),
        requestBody: requestCopy.bytes(),
        responseBody: responseCopy?.bytes() ?? null,
        streamed: scanner ? { messageId: scanner.messageId, model: scanner.model, usage: scanner.usage } : null
      };
      relay.queue.push(exchange, (exchange.requestBody?.length ?? 0) + (exchange.responseBody?.length ?? 0));
    });
  });
  req.pipe(upstreamRequest);
  if (requestCopy) req.on("data", (chunk) => requestCopy.push(chunk));
  req.on("error", () => upstreamRequest.destroy());
  res.on("close", () => {
    if (!res.writableFinished) upstreamRequest.destroy();
  });
}
function credentialsOf(req) {
  const credentials = requestCredentials(req.headers);
  return () => credentials;
}
function startResponse(upstreamResponse, res, captureLimit) {
  res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.statusMessage, endToEnd(upstreamResponse.headers));
  res.flushHeaders();
  upstreamResponse.pipe(res);
  const encoded = Boolean(
    upstreamResponse.headers["content-encoding"] && upstreamResponse.headers["content-encoding"] !== "identity"
  );
  const isStream = String(upstreamResponse.headers["content-type"] ?? "").startsWith("text/event-stream");
  const copying = captureLimit !== null && !encoded;
  const scanner = copying && isStream ? new StreamUsageScanner() : null;
  const responseCopy = copying && !isStream ? new BoundedBytes(captureLimit) : null;
  if (scanner || responseCopy) {
    upstreamResponse.on("data", (chunk) => {
      scanner?.push(chunk);
      responseCopy?.push(chunk);
    });
  }
  upstreamResponse.on("error", () => res.destroy());
  upstreamResponse.on("aborted", () => res.destroy());
  return { scanner, responseCopy };
}

// src/commands/proxy.ts
var DEFAULT_PROXY_PORT = 8737;
var DEFAULT_UPSTREAM = "https://api.anthropic.com";
function chooseUpstream(runtime, asked, port) {
  const configured = runtime.env.ANTHROPIC_BASE_URL;
  const candidate = asked ?? (configured && !isLoopbackPort(configured, port) ? configured : DEFAULT_UPSTREAM);
  const url = URL.canParse(candidate) ? new URL(candidate) : null;
  if (!url || url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(
      `ANTHROPIC_BASE_URL must be an http(s) URL to proxy to, got ${candidate}; fix it or pass --upstream URL`
    );
  return url;
}
function isLoopbackPort(value, port) {
  try {
    const url = new URL(value);
    return (url.hostname === "127.0.0.1" || url.hostname === "localhost") && Number(url.port) === port;
  } catch {
    return false;
  }
}
function untilInterrupted() {
  return new Promise((resolve3) => {
    process.once("SIGINT", resolve3);
    process.once("SIGTERM", resolve3);
  });
}
var proxyCommand = {
  name: "proxy",
  summary: "loopback proxy for ANTHROPIC_BASE_URL that captures exact request digests",
  synopsis: `[--port N (default ${DEFAULT_PROXY_PORT}, 0 = any free)] [--upstream URL] [--capture-dir DIR]`,
  options: { port: { type: "string" }, upstream: { type: "string" }, "capture-dir": { type: "string" } },
  valueKinds: { port: "port", upstream: "url" },
  async run({ values, runtime, out }) {
    const port = typeof values.port === "string" ? Number(values.port) : DEFAULT_PROXY_PORT;
    let upstream;
    try {
      upstream = chooseUpstream(runtime, values.upstream, port);
    } catch (error) {
      out.stderr(`ctx-monitor proxy: ${error.message}
`);
      return 2;
    }
    const storeDir = typeof values["capture-dir"] === "string" ? values["capture-dir"] : captureStoreDir(runtime);
    ensurePrivateDir(storeDir);
    const measurer = new ProxyPartMeasurer(storeDir, upstream, runtime);
    let proxy;
    try {
      proxy = await startProxy({
        upstream,
        port,
        captures: isCaptured,
        onExchange: (exchange) => {
          try {
            const digested = digestOfExchange(exchange);
            if (!digested) return;
            appendRecords(storeDir, [digested.record]);
            if (digested.record.kind === "messages" && digested.record.role === "main")
              measurer.measure(digested.groups, exchange.credentials());
          } catch (error) {
            log(`proxy: could not store a capture: ${error.message}`);
          }
        }
      });
    } catch (error) {
      const code = error.code;
      const reason = code === "EADDRINUSE" ? `port ${port} is in use; pass --port N (0 picks a free one)` : error.message;
      out.stderr(`ctx-monitor proxy: ${reason}
`);
      return 1;
    }
    out.stdout(`ctx-monitor proxy: ${proxy.url} \u2192 ${upstream.href.replace(/\/$/, "")}, captures in ${storeDir}
`);
    out.stdout(`Run Claude Code with:
  ANTHROPIC_BASE_URL=${proxy.url} claude
`);
    await untilInterrupted();
    await proxy.close();
    await measurer.settled();
    return 0;
  }
};

// src/commands/report.ts
import { spawn } from "child_process";
import { basename as basename3, dirname as dirname3, join as join5, resolve as resolve2 } from "path";

// src/report/html/escape.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(value) {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
function safe(value) {
  return escapeHtml(redactSecrets(value).text);
}

// src/report/html/chart.ts
var WIDTH = 960;
var HEIGHT = 380;
var PAD = { left: 64, right: 20, top: 40, bottom: 44 };
var MAX_POINTS = 1200;
var MAX_DOTS = 400;
function xAxis(input) {
  const all = [input.main, ...input.subagents].flatMap((series) => series.steps);
  const byTime = all.length > 0 && all.every((step) => step.at !== null && !Number.isNaN(Date.parse(step.at)));
  return { byTime, of: (step) => byTime ? Date.parse(step.at) : step.index };
}
function downsample(points, max = MAX_POINTS) {
  if (points.length <= max) return points;
  const bucket = Math.ceil(points.length / (max / 2));
  const kept = [];
  for (let start = 0; start < points.length; start += bucket) {
    const slice = points.slice(start, start + bucket);
    let low = slice[0];
    let high = slice[0];
    for (const point of slice) {
      if (point.total < low.total) low = point;
      if (point.total > high.total) high = point;
    }
    kept.push(
      ...(low.x <= high.x ? [low, high] : [high, low]).filter((point, index, pair) => index === 0 || point !== pair[0])
    );
  }
  return kept;
}
function niceStep(range, ticks) {
  const raw = range / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((step) => step >= raw) ?? raw;
}
var TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map(
  (seconds) => seconds * 1e3
);
function timeTicks(min, max, count) {
  const span = Math.max(1e3, max - min);
  const stepMs = TIME_STEPS.find((step) => span / step <= count) ?? Math.ceil(span / count / 864e5) * 864e5;
  const at = [];
  for (let tick = Math.ceil(min / stepMs) * stepMs; tick <= max; tick += stepMs) at.push(tick);
  return { at, stepMs };
}
function timeLabel(ms, stepMs, spanMs) {
  const iso = new Date(ms).toISOString();
  if (spanMs > 36 * 36e5) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return stepMs < 6e4 ? iso.slice(11, 19) : iso.slice(11, 16);
}
function anchorAt(px, left, right, room = 40) {
  if (px > right - room) return "end";
  if (px < left + room) return "start";
  return "middle";
}
function renderChart(input) {
  const axis = xAxis(input);
  const series = [input.main, ...input.subagents];
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let maxTotal = 0;
  for (const step of series.flatMap((entry) => entry.steps)) {
    const x = axis.of(step);
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    maxTotal = Math.max(maxTotal, step.total);
  }
  if (xMin > xMax) [xMin, xMax] = [0, 1];
  const yMax = Math.max(1e3, maxTotal, input.autocompactAt ?? 0) * 1.08;
  const xSpan = Math.max(1, xMax - xMin);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const sx = (x) => PAD.left + (x - xMin) / xSpan * plotW;
  const sy = (tokens) => PAD.top + plotH - tokens / yMax * plotH;
  const parts = [];
  const yStep = niceStep(yMax, 5);
  for (let tick = 0; tick <= yMax; tick += yStep) {
    parts.push(
      `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${sy(tick).toFixed(1)}" y2="${sy(tick).toFixed(1)}"/>`
    );
    parts.push(
      `<text class="tick y-tick" x="${PAD.left - 8}" y="${(sy(tick) + 4).toFixed(1)}" text-anchor="end">${roundTokens(tick)}</text>`
    );
  }
  const xTicks = axis.byTime ? timeTicks(xMin, xMax, 6) : {
    at: Array.from({ length: 6 }, (_, i) => Math.round(xMin + xSpan * i / 5)),
    stepMs: 0
  };
  for (const x of new Set(xTicks.at)) {
    const label2 = axis.byTime ? timeLabel(x, xTicks.stepMs, xSpan) : `#${x}`;
    const px = sx(x);
    parts.push(
      `<line class="x-grid" x1="${px.toFixed(1)}" x2="${px.toFixed(1)}" y1="${HEIGHT - PAD.bottom}" y2="${HEIGHT - PAD.bottom + 5}"/><text class="tick x-tick" x="${px.toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="${anchorAt(px, PAD.left, WIDTH - PAD.right)}">${label2}</text>`
    );
  }
  parts.push(
    `<text class="axis-label" x="${PAD.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle">${axis.byTime ? "time (UTC)" : "API call"}</text>`
  );
  parts.push(
    `<text class="axis-label" transform="translate(14 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle">context tokens per API call</text>`
  );
  if (input.autocompactAt !== null) {
    const y = sy(input.autocompactAt).toFixed(1);
    parts.push(`<line class="autocompact-line" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}"/>`);
    parts.push(
      `<text class="autocompact-label" x="${WIDTH - PAD.right - 4}" y="${Number(y) - 6}" text-anchor="end">auto-compact ~${roundTokens(input.autocompactAt)}</text>`
    );
  }
  parts.push(...markers(input.main, axis.of, sx, PAD.top, PAD.top + plotH));
  series.forEach((entry, index) => {
    parts.push(seriesPath(entry, index, axis.of, sx, sy));
  });
  if (!input.main.steps.length)
    parts.push(
      `<text class="empty" x="${PAD.left + plotW / 2}" y="${PAD.top + plotH / 2}" text-anchor="middle">no API response recorded yet</text>`
    );
  const label = `Context size per API call over ${axis.byTime ? "time" : "calls"}: ${series.length} line${series.length === 1 ? "" : "s"}`;
  return `<svg class="context-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
function seriesPath(entry, index, of, sx, sy) {
  const kind = index === 0 ? "series-main" : `series-subagent series-${Math.min(index, 6)}`;
  const points = downsample(entry.steps.map((step) => ({ x: of(step), total: step.total, step })));
  const coordinates = withDrops(points, entry, of).map((point) => `${sx(point.x).toFixed(1)},${sy(point.total).toFixed(1)}`).join(" ");
  const dots = entry.steps.length <= MAX_DOTS ? points.map((point) => {
    const causes = point.step.causes.length ? ` after ${point.step.causes.join(", ")}` : "";
    const title = `${entry.label}, call ${point.step.index}: ${exactNumber(point.total)} tokens${causes}`;
    return `<circle class="point" cx="${sx(point.x).toFixed(1)}" cy="${sy(point.total).toFixed(1)}" r="2.5"><title>${safe(title)}</title></circle>`;
  }).join("") : "";
  return `<g class="series ${kind}" data-label="${safe(entry.label)}"><polyline points="${coordinates}"/>${dots}</g>`;
}
function withDrops(points, entry, of) {
  const drops = entry.marks.flatMap((mark) => {
    if (mark.kind !== "compaction") return [];
    const x = markX(entry, mark, of);
    const before = entry.steps[mark.afterStep - 1];
    const after = entry.steps[mark.afterStep];
    const high = mark.preTokens ?? before?.total;
    const low = after?.total ?? mark.postTokens;
    if (x === null || high === void 0 || low === void 0 || low === null) return [];
    return [{ x, high, low, afterStep: mark.afterStep }];
  });
  const out = [];
  let next = 0;
  const flush = (upTo) => {
    while (next < drops.length && drops[next].afterStep < upTo) {
      const drop = drops[next++];
      out.push({ x: drop.x, total: drop.high }, { x: drop.x, total: drop.low });
    }
  };
  const position = new Map(entry.steps.map((step, index) => [step, index]));
  for (const point of points) {
    flush((position.get(point.step) ?? 0) + 1);
    out.push(point);
  }
  flush(Number.POSITIVE_INFINITY);
  return out;
}
function markX(series, mark, of) {
  const before = series.steps[mark.afterStep - 1];
  const after = series.steps[mark.afterStep];
  if (!before && !after) return null;
  const own = mark.at ? of({ ...before ?? after, at: mark.at, index: mark.afterStep + 0.5 }) : Number.NaN;
  const low = before ? of(before) : Number.NEGATIVE_INFINITY;
  const high = after ? of(after) : Number.POSITIVE_INFINITY;
  if (Number.isFinite(own) && own >= low && own <= high) return own;
  if (before && after) return (low + high) / 2;
  return before ? low : high;
}
function markers(main, of, sx, top, bottom) {
  const [left, right] = [PAD.left, WIDTH - PAD.right];
  return main.marks.flatMap((mark, index) => {
    const x = markX(main, mark, of);
    if (x === null) return [];
    const labelY = index % 2 === 0 ? top - 22 : top - 8;
    const px = sx(x).toFixed(1);
    const text2 = mark.kind === "compaction" ? `compacted (${mark.trigger ?? "?"})${mark.preTokens !== null ? ` ${roundTokens(mark.preTokens)} \u2192 ${roundTokens(mark.postTokens ?? 0)}` : ""}` : "handoff written";
    return [
      `<g class="${mark.kind}-marker"><line x1="${px}" x2="${px}" y1="${top - 4}" y2="${bottom}"/><text x="${px}" y="${labelY}" text-anchor="${anchorAt(Number(px), left, right, 110)}">${safe(text2)}</text><title>${safe(text2)}</title></g>`
    ];
  });
}

// src/report/html/sections.ts
var num = (value) => `<td class="num">${exactNumber(value)}</td>`;
function table3(head, rows, numeric = []) {
  const header = head.map((cell, index) => `<th${numeric.includes(index) ? ' class="num"' : ""}>${cell}</th>`).join("");
  return `<table><thead><tr>${header}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function categoryColor(name, index) {
  if (name === "Free space") return "var(--free)";
  if (name === "Autocompact buffer") return "var(--buffer)";
  return `var(--c${index % 8})`;
}
function breakdownSection(breakdown) {
  const window = Math.max(1, breakdown.contextWindow);
  const categories = breakdown.categories.filter((category) => category.tokens > 0);
  const segments = categories.map((category, index) => {
    const title = `${category.name}: ${exactNumber(category.tokens)} tokens (${category.percentOfWindow}% of the window)${category.estimated ? ", estimated split" : ""}`;
    return `<div class="breakdown-segment" data-category="${safe(category.name)}" style="width:${(category.tokens / window * 100).toFixed(3)}%;background:${categoryColor(category.name, index)}" title="${safe(title)}"></div>`;
  }).join("");
  const rows = categories.map(
    (category, index) => `<tr><td class="label"><span class="swatch" style="background:${categoryColor(category.name, index)}"></span>${safe(category.name)}</td>${num(category.tokens)}<td class="num">${category.percentOfWindow}%</td><td>${category.estimated ? "estimated split" : "measured"}</td></tr>`
  );
  return `<section id="breakdown"><h2>What fills the context</h2><p>${safe(breakdown.summary)}</p><div class="breakdown-bar" role="img" aria-label="Context window by category">${segments}</div>` + table3(["category", "tokens", "of window", ""], rows, [1, 2]) + `</section>`;
}
function scopeLine(breakdown) {
  const last = breakdown.lastCompaction;
  if (!last) return `<p class="note scope">Counted over the whole session (no compaction).</p>`;
  const at = last.at && !Number.isNaN(Date.parse(last.at)) ? ` at ${new Date(last.at).toISOString().slice(11, 16)} UTC` : "";
  return `<p class="note scope">Since the last compaction${at}: what is in the context now; earlier reads and calls went with it.</p>`;
}
function consumersSection(breakdown) {
  const scope = scopeLine(breakdown);
  const top = breakdown.topItems.map(
    (item) => `<tr><td class="label">${safe(item.label)}</td>${num(item.tokens)}<td>${safe(item.category)}</td><td class="num">${item.turn || "start"}</td></tr>`
  );
  const repeated = breakdown.repeatedReads.map(
    (read) => `<tr><td class="label">${safe(read.path)}</td><td class="num">\xD7${read.reads}</td>${num(read.tokens)}</tr>`
  );
  const tools = breakdown.tools.map(
    (tool) => `<tr><td class="label">${safe(tool.name)}</td><td class="num">${tool.calls}</td>${num(tool.tokens)}</tr>`
  );
  return `<section id="top-consumers"><h2>Top consumers</h2>${scope}` + (top.length ? table3(["item", "tokens", "category", "after prompt"], top, [1, 3]) : `<p class="note">No items yet.</p>`) + `</section><section id="repeated-reads"><h2>Read more than once</h2>${scope}` + (repeated.length ? table3(["file", "reads", "tokens"], repeated, [1, 2]) : `<p class="note">No file was read twice.</p>`) + `</section><section id="tools"><h2>By tool</h2>${scope}` + (tools.length ? table3(["tool", "calls", "tokens (calls and results)"], tools, [1, 2]) : `<p class="note">No tool calls.</p>`) + `</section>`;
}
function compactionsSection(main) {
  const rows = main.marks.filter((mark) => mark.kind === "compaction").map(
    (mark) => `<tr><td>${safe(mark.at ?? "?")}</td><td>${safe(mark.trigger ?? "?")}</td><td class="num">${mark.preTokens !== null ? exactNumber(mark.preTokens) : "?"}</td><td class="num">${mark.postTokens !== null ? exactNumber(mark.postTokens) : "?"}</td><td class="num">${mark.afterStep}</td></tr>`
  );
  if (!rows.length)
    return `<section id="compactions"><h2>Compactions</h2><p class="note">None in this transcript.</p></section>`;
  return `<section id="compactions"><h2>Compactions</h2>${table3(["at", "trigger", "before", "after", "after call"], rows, [2, 3, 4])}</section>`;
}
function handoffsSection(handoffs) {
  if (!handoffs.length)
    return `<section id="handoffs"><h2>Handoffs written</h2><p class="note">None for this session.</p></section>`;
  const rows = handoffs.map(
    (handoff) => `<tr><td class="label">${safe(handoff.name)}</td><td>${safe(handoff.kind)}</td>${num(handoff.bytes)}<td>${safe(handoff.modified)}</td></tr>`
  );
  return `<section id="handoffs"><h2>Handoffs written</h2>${table3(["file", "written by", "bytes", "written"], rows, [2])}</section>`;
}
function captureSection(capture) {
  if (!capture) return "";
  const rows = capture.rows.map((row2) => `<tr><td>${safe(row2.label)}</td><td class="num">${safe(row2.value)}</td></tr>`);
  return `<section id="capture"><h2>Captured API traffic</h2><p class="note">${safe(capture.source)}</p>${table3(["figure", "value"], rows, [1])}</section>`;
}
function subagentsSection(subagents) {
  if (!subagents.length) return "";
  const rows = subagents.map((series) => {
    const peak = series.steps.reduce((max, step) => Math.max(max, step.total), 0);
    return `<tr><td class="label">${safe(series.label)}</td><td class="num">${series.steps.length}</td><td class="num">${roundTokens(peak)}</td></tr>`;
  });
  return `<section id="subagents"><h2>Subagents</h2>${table3(["subagent", "API calls", "peak context"], rows, [1, 2])}</section>`;
}

// src/report/html/styles.ts
var REPORT_CSS = `
:root { --bg:#ffffff; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --panel:#f6f8fa;
  --ok:#1a7f37; --warn:#9a6700; --critical:#cf222e; --main:#0969da; --autocompact:#cf222e; --handoff:#8250df; --compaction:#9a6700;
  --s1:#bf3989; --s2:#1a7f37; --s3:#bc4c00; --s4:#6639ba; --s5:#0a7b83; --s6:#57606a;
  --c0:#0969da; --c1:#8250df; --c2:#1a7f37; --c3:#bc4c00; --c4:#bf3989; --c5:#0a7b83; --c6:#9a6700; --c7:#57606a; --free:#eaeef2; --buffer:#ffd8d3; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#0d1117; --fg:#e6edf3; --muted:#9198a1; --line:#3d444d; --panel:#151b23;
    --ok:#3fb950; --warn:#d29922; --critical:#f85149; --main:#4493f8; --autocompact:#f85149; --handoff:#ab7df8; --compaction:#d29922;
    --s1:#db61a2; --s2:#3fb950; --s3:#f0883e; --s4:#a371f7; --s5:#39c5cf; --s6:#9198a1;
    --c0:#4493f8; --c1:#ab7df8; --c2:#3fb950; --c3:#f0883e; --c4:#db61a2; --c5:#39c5cf; --c6:#d29922; --c7:#9198a1; --free:#21262d; --buffer:#5a1e1e; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta, .note { color: var(--muted); font-size: 13px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.figure { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
.figure b { display: block; font-size: 20px; }
.status-ok { color: var(--ok); } .status-warn { color: var(--warn); } .status-critical { color: var(--critical); }
.context-chart { width: 100%; height: auto; display: block; }
.context-chart .grid, .context-chart .x-grid { stroke: var(--line); stroke-width: 1; }
.context-chart text { fill: var(--muted); font-size: 12px; }
.context-chart .axis-label { font-size: 12px; }
.context-chart .series polyline { fill: none; stroke-width: 2; stroke-linejoin: round; }
.context-chart .series-main polyline { stroke: var(--main); } .context-chart .series-main .point { fill: var(--main); }
${[1, 2, 3, 4, 5, 6].map((n) => `.context-chart .series-${n} polyline { stroke: var(--s${n}); stroke-dasharray: 5 3; } .context-chart .series-${n} .point { fill: var(--s${n}); }`).join("\n")}
.context-chart .autocompact-line { stroke: var(--autocompact); stroke-width: 1.5; stroke-dasharray: 6 4; }
.context-chart .autocompact-label { fill: var(--autocompact); font-weight: 600; }
.context-chart .compaction-marker line { stroke: var(--compaction); stroke-width: 1.5; }
.context-chart .compaction-marker text { fill: var(--compaction); font-weight: 600; }
.context-chart .handoff-marker line { stroke: var(--handoff); stroke-width: 1.5; stroke-dasharray: 2 3; }
.context-chart .handoff-marker text { fill: var(--handoff); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 6px 0 0; padding: 0; list-style: none; font-size: 13px; }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; border-radius: 2px; }
.breakdown-bar { display: flex; height: 30px; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; margin: 8px 0; }
.breakdown-segment { height: 100%; min-width: 1px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.label { word-break: break-word; }
section { break-inside: avoid; }
@media print {
  :root { --bg:#ffffff; --fg:#000000; --panel:#ffffff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .figure { border-color: #999; }
  h2 { break-after: avoid; }
}
`;

// src/report/html/render-report.ts
var CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
function figure2(label, value, className = "") {
  return `<div class="figure"><span class="note">${label}</span><b class="${className}">${value}</b></div>`;
}
function headline(data) {
  const { usage } = data;
  const left = usage.autocompactAt === null ? "off" : `${roundTokens(usage.tokensUntilAutocompact ?? 0)}`;
  const steps = usage.stepsUntilAutocompact === null ? "\u2014" : `~${exactNumber(usage.stepsUntilAutocompact)}`;
  return `<div class="figures">` + figure2(
    "context used",
    `${usage.estimated ? "~" : ""}${exactNumber(usage.usedTokens)} (${Math.round(usage.usedPercent)}%)`
  ) + figure2("window", `${exactNumber(usage.contextWindow)}`) + figure2("status", usage.status, `status-${usage.status}`) + figure2("until auto-compact", left) + figure2("steps left", steps) + figure2("compactions", String(usage.compactions)) + figure2("API calls", exactNumber(data.main.steps.length)) + `</div><p>${safe(usage.summary)}</p>`;
}
function legend(main, subagents, autocompact) {
  const items = [
    `<li><span class="swatch" style="background:var(--main)"></span>${safe(main.label)}</li>`,
    ...subagents.map(
      (series, index) => `<li><span class="swatch" style="background:var(--s${Math.min(index + 1, 6)})"></span>${safe(series.label)}</li>`
    ),
    ...autocompact ? [`<li><span class="swatch" style="background:var(--autocompact)"></span>auto-compact point</li>`] : [],
    `<li><span class="swatch" style="background:var(--compaction)"></span>compaction</li>`,
    `<li><span class="swatch" style="background:var(--handoff)"></span>handoff</li>`
  ];
  return `<ul class="legend">${items.join("")}</ul>`;
}
function renderReport(data) {
  const { usage } = data;
  const title = `Context report: session ${usage.sessionId.slice(0, 8)}`;
  const chart = renderChart({
    main: data.main,
    subagents: data.subagents,
    autocompactAt: usage.autocompactAt,
    contextWindow: usage.contextWindow
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${safe(title)}</title><style>${REPORT_CSS}</style></head>
<body>
<header><h1>${safe(title)}</h1>
<p class="meta">session ${safe(usage.sessionId)} \xB7 ${safe(usage.model ?? "model unknown")} \xB7 window from ${safe(usage.windowSource)} \xB7 transcript ${safe(usage.transcriptPath)} \xB7 generated ${safe(data.generatedAt)} by ctx-monitor</p></header>
<main>${headline(data)}
<section id="timeline"><h2>Context per API call</h2>${chart}${legend(data.main, data.subagents, usage.autocompactAt !== null)}
<p class="note">Each point is the exact size of one request the model answered (input, cache writes and cache reads). Dashed lines are subagents, each in its own context.</p></section>
${breakdownSection(data.breakdown)}
${consumersSection(data.breakdown)}
${compactionsSection(data.main)}
${subagentsSection(data.subagents)}
${handoffsSection(data.handoffs)}
${captureSection(data.capture)}
</main></body></html>
`;
}

// src/report/html/report-data.ts
var BreakdownWithTimeline = class extends BreakdownBuilder {
  timeline = new ResponseTimeline();
  add(record) {
    super.add(record);
    this.timeline.add(record);
  }
};
var CAPTURE_SOURCES = {
  otel: "Claude Code's own request bodies",
  proxy: "ctx-monitor proxy",
  mitm: "ctx-monitor import-mitm"
};
function captureFiguresOf(_usage, breakdown) {
  const capture = breakdown.capture;
  if (!capture) return null;
  const rows = [
    { label: "captured request", value: capture.time },
    { label: "model", value: capture.model ?? "unknown" },
    ...capture.parts.map((part) => ({
      label: part.part,
      value: part.tokens === null ? `estimated: ${part.said ?? "not measured"}` : `${exactNumber(part.tokens)} tokens, measured with count_tokens`
    })),
    ...breakdown.mcpServers.map((server) => ({
      label: `MCP server ${server.name}: tool definitions`,
      value: server.definitionTokens === null ? "not in the request" : `${server.definitionsEstimated ? "~" : ""}${exactNumber(server.definitionTokens)} tokens${server.deferredTools ? ` (${server.deferredTools} deferred)` : ""}`
    }))
  ];
  return { source: CAPTURE_SOURCES[capture.source] ?? capture.source, rows };
}
async function gatherReport(request, deps) {
  const { runtime, ownTools } = deps;
  const reader = new IncrementalReader(() => new BreakdownWithTimeline(), { capacity: 1 });
  const breakdownDeps = { ...createBreakdownDeps(runtime, createUsageDeps(runtime), ownTools), reader };
  const usage = await readContextUsage(request, breakdownDeps.usage);
  const breakdown = await readContextBreakdown({ ...request, transcriptPath: usage.transcriptPath }, breakdownDeps);
  const timeline = reader.read(breakdown.transcriptPath).reducer.timeline;
  const main = {
    label: "main conversation",
    steps: timeline.steps,
    marks: timeline.marks,
    projectDir: timeline.projectDir
  };
  const sessionTranscript = usage.subagent?.parentTranscriptPath ?? breakdown.transcriptPath;
  const subagents = usage.subagent ? [] : subagentTranscripts(sessionTranscript).map((entry) => readTimeline(entry.path, subagentLabel(entry.path))).filter((series) => series.steps.length > 0).sort((a, b) => (a.steps[0]?.at ?? "").localeCompare(b.steps[0]?.at ?? ""));
  const projectDir = sessionProjectDir(runtime, request.projectDir, main.projectDir);
  return {
    generatedAt: runtime.now().toISOString(),
    usage,
    breakdown,
    main: { label: main.label, steps: main.steps, marks: main.marks },
    subagents: subagents.map(({ label, steps, marks }) => ({ label, steps, marks })),
    handoffs: sessionHandoffs(runtime, projectDir, usage.sessionId),
    capture: deps.capture(usage, breakdown)
  };
}
function readTimeline(path, label) {
  const timeline = new IncrementalReader(() => new ResponseTimeline(), { capacity: 1 }).read(path).reducer;
  return { label, steps: timeline.steps, marks: timeline.marks, projectDir: timeline.projectDir };
}
function subagentLabel(path) {
  const info = subagentOf(path);
  if (!info) return "subagent";
  return `subagent ${info.description ?? info.agentType ?? info.agentId}`;
}

// src/commands/report.ts
var reportCommand = {
  name: "report",
  summary: "an HTML report of a session: context per API call, compactions, subagents, what fills it",
  synopsis: "[--transcript PATH | --session ID] [--project DIR] [--out FILE [--force]] [--open]",
  options: { ...selectionOptions, out: { type: "string" }, force: { type: "boolean" }, open: { type: "boolean" } },
  async run(context) {
    const data = await gatherReport(selectionFrom(context.values), {
      runtime: context.runtime,
      capture: captureFiguresOf,
      ownTools: ownToolsOf(context.runtime)
    });
    const chosen = typeof context.values.out === "string";
    const out = chosen ? resolve2(context.runtime.cwd, context.values.out) : join5(reportsFolder(context.runtime), `ctx-monitor-report-${data.usage.sessionId.slice(0, 8)}.html`);
    try {
      if (!chosen) makeFolder(dirname3(out), 448, STATE_DIR_SETTING);
      if (!chosen || context.values.force === true) replaceFile(out, renderReport(data), 384);
      else if (writeNewFile(dirname3(out), [basename3(out)], renderReport(data), 384) === null) {
        context.out.stderr(`ctx-monitor report: ${out} exists; pass --force to replace it, or --out another file
`);
        return 1;
      }
    } catch (error) {
      context.out.stderr(
        error instanceof UserError ? `ctx-monitor report: ${error.message}
` : `ctx-monitor report: could not write ${out} (${error.code ?? String(error)}); pass --out with a file in a folder you can write to
`
      );
      return 1;
    }
    context.out.stdout(`${out}
`);
    if (context.values.open) openInBrowser(out, context.out.stderr);
    return 0;
  }
};
function reportsFolder(runtime) {
  return join5(ctxMonitorStateDir(runtime), "reports");
}
function openInBrowser(path, error) {
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(opener, [path], { detached: true, stdio: "ignore" });
  child.on("error", () => error(`ctx-monitor report: could not start ${opener}; open ${path} in a browser
`));
  child.unref();
}

// src/integration/session-list.ts
import { closeSync as closeSync3, readSync as readSync3 } from "fs";
import { basename as basename4 } from "path";
var HEAD_BYTES = 256 << 10;
var PROMPT_CHARS = 120;
function firstPrompt(path) {
  const buffer = Buffer.alloc(HEAD_BYTES);
  let read = 0;
  const fd = openRegularFile(path);
  try {
    read = readSync3(fd, buffer, 0, HEAD_BYTES, 0);
  } finally {
    closeSync3(fd);
  }
  const collector = new FactCollector();
  const lines = buffer.toString("utf8", 0, read).split("\n");
  if (read === HEAD_BYTES) lines.pop();
  for (const line of lines) {
    const parsed2 = line.trim() ? parseRecordLine(line) : null;
    if (!parsed2?.ok) continue;
    collector.add(parsed2.record);
    if (parsed2.record.kind !== "user") continue;
    const prompt = collector.result().prompts.find((candidate) => !candidate.command);
    if (prompt) {
      const oneLine = prompt.text.replace(/\s+/g, " ").trim();
      return oneLine.length > PROMPT_CHARS ? `${oneLine.slice(0, PROMPT_CHARS - 1)}\u2026` : oneLine;
    }
  }
  return null;
}
async function summarizeSession(runtime, transcriptPath, mtimeMs) {
  const usage = await readContextUsage({ transcriptPath }, createUsageDeps(runtime)).catch(() => null);
  let prompt = null;
  try {
    prompt = firstPrompt(transcriptPath);
  } catch {
    prompt = null;
  }
  return {
    sessionId: usage?.sessionId ?? basename4(transcriptPath, ".jsonl"),
    transcriptPath,
    lastActivity: new Date(mtimeMs).toISOString(),
    model: usage?.model ?? null,
    usedTokens: usage?.usedTokens ?? null,
    contextWindow: usage?.contextWindow ?? null,
    status: usage?.status ?? null,
    firstPrompt: prompt
  };
}

// src/commands/sessions.ts
var DEFAULT_LIMIT = 10;
var sessionsCommand = {
  name: "sessions",
  summary: "the project's recent sessions: id, last activity, model, used / window, first prompt",
  synopsis: "[--json] [--project DIR] [--limit N]",
  options: { json: { type: "boolean" }, project: { type: "string" }, limit: { type: "string" } },
  valueKinds: { limit: "count" },
  async run(context) {
    const { values, runtime } = context;
    const limit = typeof values.limit === "string" ? Number(values.limit) : DEFAULT_LIMIT;
    const found = projectSessions(runtime, typeof values.project === "string" ? values.project : void 0);
    const sessions = [];
    for (const entry of found.sessions.slice(0, limit))
      sessions.push(await summarizeSession(runtime, entry.path, entry.mtimeMs));
    const answer = {
      projectDir: found.projectDir,
      sessions,
      more: Math.max(0, found.sessions.length - limit)
    };
    printResult(context, answer, describeSessions);
    return 0;
  }
};
function describeSessions(answer) {
  if (answer.sessions.length === 0) return `No Claude Code sessions for ${answer.projectDir}.`;
  const lines = [
    `Sessions of ${answer.projectDir}, newest first (\`--session <first 8 characters>\` selects one):`,
    ""
  ];
  for (const session of answer.sessions) {
    const used = session.usedTokens !== null && session.contextWindow !== null ? `${roundTokens(session.usedTokens)}/${roundTokens(session.contextWindow)}` : "no usage yet";
    lines.push(
      `${session.sessionId}  ${session.lastActivity.replace(/\.\d+Z$/, "Z")}  ${session.model ?? "?"}  ${used}${session.status && session.status !== "ok" ? ` (${session.status})` : ""}`
    );
    lines.push(`  ${session.firstPrompt ? JSON.stringify(session.firstPrompt) : "(no prompt yet)"}`);
  }
  if (answer.more) lines.push("", `${answer.more} older session(s) not shown; --limit N shows more.`);
  return lines.join("\n");
}

// src/commands/uninstall.ts
import { existsSync as existsSync4, rmSync as rmSync2 } from "fs";
import { join as join6 } from "path";
var uninstallCommand = {
  name: "uninstall",
  summary: "remove what install added, its backups and its state (user scope, or --project)",
  synopsis: "[--project] [--dry-run] [--keep-data] [--statusline-only]",
  options: { ...scopeOptions, "keep-data": { type: "boolean" }, "statusline-only": { type: "boolean" } },
  async run(context) {
    const { values, runtime, out } = context;
    const dryRun = values["dry-run"] === true;
    const statuslineOnly = values["statusline-only"] === true;
    const plan = planUninstall(runtime, { project: values.project ? runtime.cwd : null }, { statuslineOnly });
    const backups = plan.files.map((file) => backupPath(file.path)).filter((path) => existsSync4(path));
    const stateDir = ctxMonitorStateDir(runtime);
    const ownFolder = stateDir === join6(claudeConfigDir(runtime), "ctx-monitor");
    const removeState = ownFolder && !statuslineOnly && !values.project && values["keep-data"] !== true && existsSync4(stateDir);
    const lines = [describeChanges(plan.files, plan.notes, dryRun, false)];
    if (!dryRun) {
      checkWritable(plan.files, false);
      for (const file of plan.files) applyChange(file, false);
      for (const path of backups) rmSync2(path, { force: true });
      if (removeState) rmSync2(stateDir, { recursive: true, force: true });
    }
    const verb = dryRun ? "would remove" : "removed";
    for (const path of backups) lines.push(`${verb} install's backup ${path}`);
    if (removeState) lines.push(`${verb} ctx-monitor's state folder ${stateDir} (sessions seen, hook log, capture)`);
    else if (!ownFolder && !statuslineOnly && existsSync4(stateDir))
      lines.push(
        `kept ctx-monitor's state folder ${stateDir} (chosen by ${STATE_DIR_SETTING}): remove it yourself if you wish`
      );
    else if (values["keep-data"] === true && existsSync4(stateDir))
      lines.push(`kept ctx-monitor's state folder ${stateDir} (--keep-data): sessions seen, hook log, capture`);
    if (!statuslineOnly)
      lines.push(
        "Handoffs stay in each project's .claude/handoffs/ (they are yours). Installed from a clone: `npm uninstall -g ctx-monitor` removes the command."
      );
    out.stdout(`${lines.join("\n")}
`);
    return 0;
  }
};

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

// src/commands/watch.ts
var watchCommand = {
  name: "watch",
  summary: "live view of the context: gauge, steps left, the last steps and what they added (q quits)",
  synopsis: SELECTION_SYNOPSIS,
  options: { ...selectionOptions },
  async run(context) {
    const { runWatch } = await import("./run-watch-U4RDSZGW.js");
    return runWatch(selectionFrom(context.values), context.runtime, processTerminal(context.out.stderr));
  }
};
function processTerminal(error) {
  const { stdout, stdin } = process;
  const isTTY = stdout.isTTY === true;
  return {
    isTTY,
    size: () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }),
    write: (text2) => stdout.write(text2),
    error,
    onResize(listener) {
      stdout.on("resize", listener);
      return () => stdout.off("resize", listener);
    },
    onKey(listener) {
      if (!isTTY || !stdin.isTTY) return () => {
      };
      stdin.setRawMode(true);
      stdin.setEncoding("utf8");
      const onData = (chunk) => {
        for (const key of chunk) listener(key);
      };
      stdin.on("data", onData);
      stdin.resume();
      return () => {
        stdin.off("data", onData);
        stdin.setRawMode(false);
        stdin.pause();
      };
    },
    onSignal(listener) {
      process.on("SIGINT", listener);
      process.on("SIGTERM", listener);
      return () => {
        process.off("SIGINT", listener);
        process.off("SIGTERM", listener);
      };
    }
  };
}

// src/commands/index.ts
var COMMANDS = [
  usageCommand,
  breakdownCommand,
  handoffCommand,
  sessionsCommand,
  watchCommand,
  reportCommand,
  demoCommand,
  installCommand,
  uninstallCommand,
  statuslineCommand,
  hookCommand,
  proxyCommand,
  importMitmCommand,
  compareCommand
];

// src/commands/run-command.ts
import { parseArgs } from "util";

// src/commands/flag-words.ts
var FLAGS = [
  [/\bsession_id\b/g, "--session"],
  [/\btranscript_path\b/g, "--transcript"]
];
function inCliWords(message) {
  return FLAGS.reduce((text2, [parameter, flag]) => text2.replace(parameter, flag), message);
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
  let parsed2;
  try {
    parsed2 = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    return usageError(argumentProblem(error));
  }
  if (parsed2.values.help) {
    out.stdout(`${commandHelp(command)}
`);
    return EXIT_OK;
  }
  const expected = command.arguments ?? [];
  if (parsed2.positionals.length !== expected.length) {
    return usageError(
      parsed2.positionals.length > expected.length ? `unexpected argument "${parsed2.positionals[expected.length]}"` : `missing ${expected.slice(parsed2.positionals.length).join(" ")}`
    );
  }
  const badValue = badOptionValue(command.valueKinds ?? {}, parsed2.values);
  if (badValue) {
    out.stderr(`${PACKAGE.name} ${command.name}: ${badValue}
`);
    return EXIT_USAGE;
  }
  for (const [a, b] of EXCLUSIVE) {
    if (parsed2.values[a] !== void 0 && parsed2.values[b] !== void 0)
      return usageError(`--${a} and --${b} select a session two ways; pass one`);
  }
  try {
    return await command.run({ values: parsed2.values, positionals: parsed2.positionals, runtime, out, style });
  } catch (error) {
    const actionable = actionableMessage(error);
    const known = actionable === null ? null : inCliWords(actionable);
    out.stderr(
      `${PACKAGE.name} ${command.name}: ${known ?? (error instanceof Error ? error.stack ?? error.message : String(error))}
`
    );
    return EXIT_FAILED;
  }
}
function safeOutput(out, color) {
  return {
    stdout: (text2) => out.stdout(terminalText(text2, { color })),
    stderr: (text2) => out.stderr(terminalText(text2)),
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

// src/commands/run.ts
async function runCommand(argv, runtime, out) {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    out.stdout(`${helpText(COMMANDS)}
`);
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    out.stdout(`${PACKAGE.version}
`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const known = COMMANDS.map((candidate) => candidate.name).join(", ");
    out.stderr(
      terminalText(
        `${PACKAGE.name}: unknown command "${name}"; the commands are ${known} (${PACKAGE.name} --help shows them all)
`
      )
    );
    return EXIT_USAGE;
  }
  return runKnownCommand(command, rest, runtime, out);
}
export {
  runCommand
};
