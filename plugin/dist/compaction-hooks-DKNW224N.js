#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  PRE_COMPACT_LABEL,
  noteSection
} from "./chunk-DG2HTV55.js";
import {
  newestAgentNotes,
  redactSecrets
} from "./chunk-Y3ZR3M7I.js";
import {
  readHandoff
} from "./chunk-OZXTJKYL.js";
import {
  projectOf,
  readHookMemory,
  request,
  writeHookMemory
} from "./chunk-JULSVRIS.js";
import {
  CompactionCache,
  STATE_DIR_SETTING,
  createUsageDeps,
  ctxMonitorStateDir,
  parseRecordLine,
  readBackward,
  withByteSource
} from "./chunk-LIGRM5QN.js";
import "./chunk-AM7EQEUM.js";
import {
  makeFolder,
  replaceFile,
  writeNewFile
} from "./chunk-PUOW4WKH.js";
import "./chunk-6RQ7PFQB.js";

// src/integration/hooks/compaction-hooks.ts
import { existsSync } from "fs";
import { join as join2 } from "path";

// src/integration/hooks/compaction-record.ts
import { readFileSync } from "fs";
import { join } from "path";
var KEPT_CHARS = 2e3;
var KEPT_ITEMS = 1e3;
function kept(texts) {
  return texts.slice(-KEPT_ITEMS).map((text) => text.slice(0, KEPT_CHARS));
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
  return join(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.compaction.json`);
}
var isStrings = (value) => Array.isArray(value) && value.every((item) => typeof item === "string");
function readCompactionRecord(runtime, sessionId) {
  try {
    const value = JSON.parse(readFileSync(recordPath(runtime, sessionId), "utf8"));
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
  makeFolder(join(path, ".."), 448, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(record)}
`, 384);
}

// src/integration/hooks/compaction-summary.ts
var MAX_BACK_BYTES = 64 << 20;
function textOf(content) {
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
    if (record.kind === "user" && record.isCompactSummary && !record.isSidechain) summary = textOf(record.content);
  }
  return null;
}

// src/integration/hooks/handoff-pointer.ts
var LOST_LIST_CHARS = 2e3;
var MAX_POINTER_CHARS = 7800;
var LIMITS = { prompt: 2500, nextSteps: 2e3, openQuestions: 1e3, losses: LOST_LIST_CHARS };
function clipText(text, max) {
  return text.length <= max ? text : `${text.slice(0, max)}
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
  const lines = [opening(input)];
  if (input.firstPrompt)
    lines.push("", "First prompt of the session, verbatim:", clipText(input.firstPrompt, LIMITS.prompt));
  const source = input.notes.from ? ` (in ${input.notes.from}${input.notes.writtenAt ? `, written ${input.notes.writtenAt}` : ""})` : "";
  if (input.notes.nextSteps)
    lines.push("", `Next steps the agent noted${source}:`, clipText(input.notes.nextSteps, LIMITS.nextSteps));
  if (input.notes.openQuestions)
    lines.push("", "Open questions:", clipText(input.notes.openQuestions, LIMITS.openQuestions));
  if (input.losses) lines.push("", clipText(input.losses, LIMITS.losses));
  return lines.join("\n").slice(0, MAX_POINTER_CHARS);
}
function firstPromptOfHandoff(markdown) {
  const match = /^### Prompt \d+[^\n]*\n\n(`{3,})text\n([\s\S]*?)\n\1$/m.exec(markdown);
  return match?.[2] ?? null;
}

// src/integration/hooks/summary-lost-file.ts
import { basename, dirname } from "path";

// src/integration/hooks/summary-losses.ts
var MAX_SUMMARY_CHARS = 1e6;
var KEPT_SHARE = 0.75;
var MIN_WORDS_FOR_SHARE = 3;
var STOP_WORDS = new Set(
  "the and for are but not you all any can had her was one our out has him his how its may new now see two who did get let put say she too use that this with from have they will what when your into than then them been were which their there would could should about after also just more some such only other".split(
    " "
  )
);
function normalized(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function wordsOf(text) {
  return [...new Set(normalized(text).split(" "))].filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}
var SummaryText = class {
  lower;
  flat;
  words;
  constructor(summary) {
    this.lower = summary.toLowerCase();
    this.flat = ` ${normalized(summary)} `;
    this.words = new Set(this.flat.split(" "));
  }
  keepsWords(text) {
    const flat = normalized(text);
    if (flat === "") return true;
    if (this.flat.includes(` ${flat} `)) return true;
    const words = wordsOf(text);
    if (words.length < MIN_WORDS_FOR_SHARE) return false;
    const found = words.filter((word) => this.words.has(word)).length;
    return found / words.length >= KEPT_SHARE;
  }
  /** A path is kept when the summary names it, or its file name. */
  keepsPath(path) {
    const lower = path.toLowerCase();
    const name = lower.split("/").filter(Boolean).at(-1) ?? lower;
    return this.lower.includes(lower) || this.lower.includes(name);
  }
};
function noteItems(note) {
  if (!note) return [];
  const lines = note.split("\n").map((line) => line.trim());
  const bullet = /^(?:[-*•]|\d+[.)])\s+/;
  const listed = lines.filter((line) => bullet.test(line)).map((line) => line.replace(bullet, "").trim());
  return (listed.length > 0 ? listed : lines).filter((line) => line !== "");
}
function compareSummary(summary, facts) {
  if (summary === null) return { kind: "missing" };
  if (summary.trim() === "") return { kind: "empty" };
  const compared = summary.slice(0, MAX_SUMMARY_CHARS);
  const text = new SummaryText(compared);
  const checks = [
    ...facts.prompts.map((prompt) => ["prompt", prompt, text.keepsWords(prompt)]),
    ...facts.files.map((file) => ["file", file, text.keepsPath(file)]),
    ...facts.failedCommands.map((command) => [
      "failing command",
      command,
      text.keepsWords(command)
    ]),
    ...noteItems(facts.nextSteps).map((step) => [
      "next step",
      step,
      text.keepsWords(step)
    ]),
    ...noteItems(facts.openQuestions).map((question) => [
      "open question",
      question,
      text.keepsWords(question)
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
var ITEM_CHARS = 240;
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
  const lines = [head];
  let used = head.length;
  for (const [index, loss] of comparison.lost.entries()) {
    const line = itemLine(loss);
    const rest = comparison.lost.length - index;
    const more = `\u2026 and ${rest} more${fullList ? ` (all in ${fullList})` : ""}`;
    if (used + line.length + 1 + (rest > 1 ? more.length + 1 : 0) > maxChars) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}

// src/integration/hooks/summary-lost-file.ts
function summaryLosses(summary, record, notes) {
  if (!record) {
    const text = "ctx-monitor cannot say what Claude Code's summary dropped: no handoff was written before this compaction.";
    return { short: text, full: text };
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
  const name = basename(lostFileName(record.handoffPath));
  writeNewFile(
    dirname(record.handoffPath),
    [name, ...Array.from({ length: 20 }, (_, index) => name.replace(/\.lost\.txt$/, `.lost-${index + 2}.txt`))],
    `What Claude Code's compaction summary (${summarySource}) dropped, against the handoff ${record.handoffPath}

${redactSecrets(full).text}
`,
    384
  );
}

// src/integration/hooks/compaction-hooks.ts
var AUTOMATIC_HANDOFF_NOTE = "Written automatically by the ctx-monitor PreCompact hook just before Claude Code compacted the conversation: it holds what the transcript says, not the agent's own notes (goal, state, decisions, next steps).";
function compactionsInTranscript(transcriptPath, runtime) {
  const cache = new CompactionCache(join2(ctxMonitorStateDir(runtime), "scans"));
  return withByteSource(transcriptPath, (source) => cache.scan(source)).count;
}
var SAME_COMPACTION_MS = 10 * 6e4;
function sameCompaction(previous, finished, prompts, now) {
  if (!previous || previous.compactionsBefore !== finished || !existsSync(previous.handoffPath)) return false;
  const age = now.getTime() - Date.parse(previous.writtenAt);
  return previous.promptsBefore === prompts || age >= 0 && age < SAME_COMPACTION_MS;
}
async function preCompact(input, runtime) {
  const { createHandoffDeps, readFacts, writeHandoff } = await import("./write-handoff-O4KMCFII.js");
  const deps = createHandoffDeps(runtime, createUsageDeps(runtime));
  const transcript = input.transcriptPath && existsSync(input.transcriptPath) ? input.transcriptPath : null;
  const facts = transcript ? readFacts(transcript, deps.facts) : null;
  const finished = transcript ? Math.max(
    compactionsInTranscript(transcript, runtime),
    readHookMemory(runtime, input.sessionId).compactionsPointedPast
  ) : 0;
  const previous = readCompactionRecord(runtime, input.sessionId);
  if (facts && sameCompaction(previous, finished, userPrompts(facts).length, runtime.now())) return "";
  const written = await writeHandoff(
    { ...request(input, runtime), name: PRE_COMPACT_LABEL, notes: {}, writtenBy: AUTOMATIC_HANDOFF_NOTE },
    deps
  );
  if (transcript) {
    const handoff = { path: written.path, writtenAt: runtime.now().toISOString() };
    const record = compactionRecordOf(readFacts(transcript, deps.facts), finished, handoff, input.trigger);
    writeCompactionRecord(runtime, input.sessionId, record);
  }
  return "";
}
async function sessionHandoffs(input, runtime) {
  const { configuredHandoffDir } = await import("./write-handoff-O4KMCFII.js");
  const { handoffFolder, isHandoffOfSession, listHandoffs } = await import("./store-27GYSVRM.js");
  const folder = handoffFolder(configuredHandoffDir(runtime), projectOf(input, runtime)).path;
  const newest = listHandoffs(folder).find((handoff) => isHandoffOfSession(handoff.name, input.sessionId))?.path ?? null;
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
  return record && record.compactionsBefore + 1 === compaction && existsSync(record.handoffPath) ? record : null;
}
async function compactionPointer(input, runtime) {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
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
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
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
export {
  compactionPointer,
  postCompact,
  preCompact
};
