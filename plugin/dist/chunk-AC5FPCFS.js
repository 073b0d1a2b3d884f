#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  hasNotes,
  newestAgentNotes,
  redactSecrets,
  writeAgentNotes
} from "./chunk-Y3ZR3M7I.js";
import {
  ensureHandoffFolder,
  handoffFileName,
  handoffFolder,
  isHandoffOfSession,
  listHandoffs,
  writeNewHandoff
} from "./chunk-OZXTJKYL.js";
import {
  MIN_HANDOFF_CHARS,
  addLineProblems,
  compactionOf,
  counted,
  exactNumber,
  fingerprintAt,
  isSubagentTranscript,
  loadSettings,
  noLineProblems,
  readContextUsage,
  readForward,
  sessionProjectDir,
  withByteSource
} from "./chunk-LIGRM5QN.js";

// src/transcript/incremental-reader.ts
var IncrementalReader = class {
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

// src/transcript/tool-calls.ts
import { isAbsolute, relative } from "path";
var str = (value) => typeof value === "string" && value ? value : null;
function shorten(text2, max = 72) {
  const line = text2.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function redactedLabel(text2, max = 72) {
  return shorten(redacted(text2.slice(0, 4096)), max);
}
var REDACTED = /* @__PURE__ */ new Map();
var REDACTED_LIMIT = 4096;
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
  if (projectDir && isAbsolute(path)) {
    const inside = relative(projectDir, path);
    if (inside && !inside.startsWith("..") && !isAbsolute(inside)) return inside;
  }
  return path;
}
function describeToolCall(name, input, projectDir) {
  const fields2 = typeof input === "object" && input !== null ? input : {};
  const file = str(fields2.file_path) ?? str(fields2.notebook_path);
  const path = file ? displayPath(file, projectDir) : null;
  if (path) return { name, label: `${name} ${redacted(path)}`, path };
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name);
  if (mcp) return { name, label: toolDisplayName(name), path: null };
  const detail = str(fields2.command) ?? str(fields2.subject) ?? str(fields2.description) ?? str(fields2.pattern) ?? str(fields2.url) ?? str(fields2.query) ?? str(fields2.prompt);
  return { name, label: detail ? `${name}: ${redactedLabel(detail)}` : name, path: null };
}
function mcpServerOf(tool) {
  return tool ? /^mcp__(.+?)__/.exec(tool)?.[1] ?? null : null;
}
function toolDisplayName(tool) {
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  return mcp ? `${mcp[1]}/${mcp[2]}` : tool;
}

// src/transcript/user-text.ts
var COMMAND_NAME = /<command-name>\s*([^<]*?)\s*<\/command-name>/;
var COMMAND_ARGS = /<command-args>([\s\S]*?)<\/command-args>/;
var HARNESS_TAG = /^\s*<(local-command-stdout|local-command-stderr|local-command-caveat|system-reminder|bash-input|bash-stdout|bash-stderr|command-message|command-args|command-name)>/;
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

// src/handoff/line-changes.ts
var lines = (text2) => text2 ? text2.replace(/\n$/, "").split("\n") : [];
function diffLines(before, after) {
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { added: b.length - start - end, removed: a.length - start - end };
}
var text = (value) => typeof value === "string" ? value : "";
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

// src/handoff/facts.ts
var KEPT_CHARS = 16e3;
var REDACT_MARGIN = 16384;
var NEWEST = { commands: 150, errors: 50, subagents: 30, turns: 60 };
var TURNS_WITH_DETAIL = NEWEST.turns * 2;
var RELEASED = { text: "", chars: 0 };
var SUBAGENT_TRAILER = /(?:^|\n)\s*agentId: \S+ \(use SendMessage[\s\S]*$|\s*<usage>[^<]*<\/usage>\s*$/g;
var READ_TOOLS = /* @__PURE__ */ new Set(["Read", "NotebookRead"]);
var EDIT_TOOLS = /* @__PURE__ */ new Set(["Edit", "MultiEdit", "NotebookEdit"]);
var WRITE_TOOLS = /* @__PURE__ */ new Set(["Write"]);
var SUBAGENT_TOOLS = /* @__PURE__ */ new Set(["Agent", "Task"]);
var str2 = (value) => typeof value === "string" && value ? value : null;
var fields = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
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
var FactCollector = class {
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
    for (const kept of this.unredacted) kept.text = this.clean(kept.text);
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
    if (text2.length <= KEPT_CHARS) {
      const kept = { text: text2, chars: text2.length };
      this.unredacted.add(kept);
      return kept;
    }
    const half = KEPT_CHARS / 2;
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
    const words = [];
    let command = false;
    for (const block of blocks) {
      if (block.type === "tool_result") this.toolResult(block.toolUseId, block.content, block.isError);
      else if (block.type === "image") words.push("[image]");
      else if (block.type === "text") {
        const text2 = classifyUserText(block.text, { isMeta: false, isCompactSummary: false });
        if (text2?.kind === "prompt" || text2?.kind === "command") words.push(text2.text);
        if (text2?.kind === "command") command = true;
      }
    }
    if (words.some((word) => word !== "[image]")) this.prompt(words.join("\n\n"), at, command);
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
    const path = str2(input.file_path) ?? str2(input.notebook_path);
    const file = path ? this.touch(path, block.name) : null;
    const lines2 = file ? lineChange(block.name, input) : null;
    if (file && lines2) call.change = { file, lines: lines2 };
    if (block.name === "Bash") {
      const description = str2(input.description);
      call.command = {
        command: this.clean(str2(input.command) ?? ""),
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
        description: this.clean(str2(input.description) ?? "subagent"),
        type: str2(input.subagent_type),
        prompt: this.keep(str2(input.prompt) ?? ""),
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
        const id = str2(item.id) ?? String(index + 1);
        this.tasks.set(id, {
          id,
          subject: this.clean(str2(item.content) ?? str2(item.subject) ?? ""),
          status: str2(item.status) ?? "pending"
        });
      });
    } else if (block.name === "TaskCreate") {
      call.taskSubject = this.clean(str2(input.subject) ?? str2(input.description) ?? "task");
    } else if (block.name === "TaskUpdate") {
      const id = str2(input.taskId) ?? (typeof input.taskId === "number" ? String(input.taskId) : null);
      if (id) {
        const subject = str2(input.subject);
        const task = this.tasks.get(id) ?? {
          id,
          subject: subject ? this.clean(subject) : `task ${id}`,
          status: "pending"
        };
        task.status = str2(input.status) ?? task.status;
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
function release(list, keep, strip) {
  const old = list[list.length - 1 - keep];
  if (old) strip(old);
}

// src/handoff/git.ts
import { execFile } from "child_process";
function git(args, cwd) {
  return new Promise((resolve) => {
    execFile(
      "git",
      args,
      { cwd, timeout: 3e3, maxBuffer: 4 << 20, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } },
      (error, stdout) => resolve(error ? null : stdout)
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
  const last = keepLast ? lines2.slice(-1) : [];
  return [...lines2.slice(0, keep), `\u2026 ${lines2.length - keep - last.length} more lines`, ...last].join("\n");
}

// src/handoff/markdown.ts
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
    const last = Math.max(...numbers);
    parts.push(
      `_${counted(numbers.length, "prompt")} (${first === last ? `prompt ${first}` : `between prompts ${first} and ${last}`}, ${exactNumber(chars)} characters) left out to fit the size budget: ${whereVerbatim} has them verbatim._`
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

// src/handoff/excerpt.ts
var cutNote = (chars) => `[cut: ${exactNumber(chars)} chars in full]`;
function clip(kept, max) {
  if (kept.text.length <= max && kept.chars <= KEPT_CHARS) return kept.text;
  return `${kept.text.slice(0, max)}
\u2026 ${cutNote(kept.chars)}`;
}
function headAndTail(kept, limit) {
  const whole = kept.tail === void 0 ? kept.text : null;
  if (whole !== null && whole.length <= limit.chars && lineCount(whole) <= limit.lines) return whole;
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

// src/handoff/render-work.ts
var LIMITS = { report: 4e3, assistantText: 1500, error: 1500, subagentPrompt: 1500 };
var OUTPUT = { ok: { chars: 1200, lines: 24 }, failed: { chars: 3e3, lines: 60 } };
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

${indent(fenced(clip(error.message, LIMITS.error)))}`
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

${quoted(clip(agent.report, LIMITS.report))}`;
      return {
        turn: agent.turn,
        text: `### ${agent.description}${agent.type ? ` (${agent.type})` : ""} \u2014 after prompt ${agent.turn}

Prompt:

${quoted(clip(agent.prompt, LIMITS.subagentPrompt))}

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

${turn.replies.map((reply) => quoted(clip(reply, LIMITS.assistantText))).join("\n>\n")}` : "";
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

// src/handoff/size-budget.ts
var CHARS_PER_WINDOW_TOKEN = 0.2;
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

// src/handoff/render.ts
var NOTE_TITLES = {
  goal: "Goal",
  currentState: "Current state",
  decisions: "Decisions and why",
  nextSteps: "Next steps",
  openQuestions: "Open questions",
  warnings: "Warnings"
};
var EARLIER_SHOWN = 20;
var NOTE_LIMIT = 64e3;
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
  let kept = 0;
  for (let left = room; kept < rows.length && rows[kept].length + 1 <= left; kept++) left -= rows[kept].length + 1;
  const rest = rows.length - kept;
  const more = rest ? `

(${counted(rest, "more file")} not listed, each touched less; the transcript has every call.)` : "";
  const table = kept ? `

| file | read | edited | written | lines |
| --- | --- | --- | --- | --- |
${rows.slice(0, kept).join("\n")}` : "";
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

// src/handoff/write-handoff.ts
var RESUME_HINT = "To resume in a new session, use the ctx-monitor `resume` prompt or read this handoff";
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
async function writeHandoff(request, deps) {
  const { runtime } = deps;
  const usage = await readContextUsage(request, deps.usage);
  const transcriptPath = usage.subagent?.parentTranscriptPath ?? usage.transcriptPath;
  const facts = readFacts(transcriptPath, deps.facts);
  const projectDir = sessionProjectDir(runtime, request.projectDir, facts.projectDir);
  const now = runtime.now();
  const fileName = handoffFileName(now, usage.sessionId, request.name);
  const folder = ensureHandoffFolder(handoffFolder(configuredHandoffDir(runtime), projectDir));
  const earlier = listHandoffs(folder).filter((handoff) => isHandoffOfSession(handoff.name, usage.sessionId)).map((handoff) => ({ path: handoff.path, modified: handoff.modified }));
  const git2 = await deps.git(projectDir);
  const noteRedactions = {};
  const own = !request.writtenBy && hasNotes(request.notes);
  const carried = own ? null : newestAgentNotes(folder, usage.sessionId);
  const notes = own ? redactNotes(request.notes, noteRedactions) : carried?.notes ?? {};
  const settings = loadSettings(runtime);
  const maxChars = request.maxChars ?? settings.handoffMaxChars ?? defaultHandoffChars(usage.contextWindow);
  const sizeProblems = settings.problems.filter((problem) => /handoff size/.test(problem));
  const rendered = renderHandoff({
    facts: { ...facts, sessionId: facts.sessionId ?? usage.sessionId, projectDir },
    notes,
    origin: carriedOrigin(carried, facts, request.writtenBy ?? null),
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
  if (own) {
    const record = { sessionId: usage.sessionId, handoffPath: path, writtenAt: now.toISOString(), notes };
    writeAgentNotes(folder, { ...record, prompts: facts.prompts.length, toolCalls: facts.toolCalls });
  }
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

export {
  IncrementalReader,
  redactedLabel,
  describeToolCall,
  mcpServerOf,
  toolDisplayName,
  classifyUserText,
  FactCollector,
  factsReader,
  createHandoffDeps,
  readFacts,
  configuredHandoffDir,
  writeHandoff
};
