#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  describeToolCall,
  displayPath,
  redactSecrets
} from "./chunk-ZZSEED36.js";
import {
  ensureHandoffFolder,
  handoffFileName,
  handoffFolder,
  isHandoffOfSession,
  listHandoffs,
  writeNewHandoff
} from "./chunk-B6VX7PTD.js";
import {
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
} from "./chunk-LRTN6UVP.js";

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
var str = (value) => typeof value === "string" && value ? value : null;
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
      release(this.facts.turns, TURNS_WITH_DETAIL, (old) => old.replies = old.replies.length ? [RELEASED] : []);
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
    const input = fields(block.input);
    const call = { name: block.name, input };
    const path = str(input.file_path) ?? str(input.notebook_path);
    const file = path ? this.touch(path, block.name) : null;
    const lines2 = file ? lineChange(block.name, input) : null;
    if (file && lines2) call.change = { file, lines: lines2 };
    if (block.name === "Bash") {
      const description = str(input.description);
      call.command = {
        command: this.clean(str(input.command) ?? ""),
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
        description: this.clean(str(input.description) ?? "subagent"),
        type: str(input.subagent_type),
        prompt: this.keep(str(input.prompt) ?? ""),
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
        const id = str(item.id) ?? String(index + 1);
        this.tasks.set(id, {
          id,
          subject: this.clean(str(item.content) ?? str(item.subject) ?? ""),
          status: str(item.status) ?? "pending"
        });
      });
    } else if (block.name === "TaskCreate") {
      call.taskSubject = this.clean(str(input.subject) ?? str(input.description) ?? "task");
    } else if (block.name === "TaskUpdate") {
      const id = str(input.taskId) ?? (typeof input.taskId === "number" ? String(input.taskId) : null);
      if (id) {
        const subject = str(input.subject);
        const task = this.tasks.get(id) ?? {
          id,
          subject: subject ? this.clean(subject) : `task ${id}`,
          status: "pending"
        };
        task.status = str(input.status) ?? task.status;
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

// src/handoff/render.ts
var NOTE_TITLES = {
  goal: "Goal",
  currentState: "Current state",
  decisions: "Decisions and why",
  nextSteps: "Next steps",
  openQuestions: "Open questions",
  warnings: "Warnings"
};
var LIMITS = { report: 4e3, assistantText: 1500, error: 1500, subagentPrompt: 1500 };
var OUTPUT = { ok: { chars: 1200, lines: 24 }, failed: { chars: 3e3, lines: 60 } };
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

${indent(fenced(clip(error.message, LIMITS.error)))}`
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
      quoted(clip(agent.prompt, LIMITS.subagentPrompt))
    ];
    lines2.push(
      "",
      agent.report === null ? "No report recorded." : `Report:

${quoted(clip(agent.report, LIMITS.report))}`
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

${turn.replies.map((reply) => quoted(clip(reply, LIMITS.assistantText))).join("\n>\n")}` : "";
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
  const notes = redactNotes(request.notes, noteRedactions);
  const rendered = renderHandoff({
    facts: { ...facts, sessionId: facts.sessionId ?? usage.sessionId, projectDir },
    notes,
    writtenAt: now.toISOString(),
    transcriptPath,
    context: usage.subagent ? null : contextFigures(usage),
    git: git2,
    earlier,
    resumeInstruction: `${RESUME_HINT} (or read the resource ctx-monitor://handoffs/latest), then ${request.notes.nextSteps?.trim() ? "continue from its next steps" : "pick up from the newest user prompt and what happened after it"}.`
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

export {
  IncrementalReader,
  classifyUserText,
  FactCollector,
  factsReader,
  createHandoffDeps,
  readFacts,
  configuredHandoffDir,
  writeHandoff
};
