// Gathers a handoff's facts (`facts.ts`) from the transcript. Fed one record at a time, so the transcript
// streams through it. Every text is redacted as it is taken, whole (a secret cut in half later could escape
// its pattern), and long outputs are kept to their start.

import { redactSecrets } from "../redact/redact.ts";
import { type Compaction, type ContentBlock, compactionOf, type TranscriptRecord } from "../transcript/records.ts";
import { describeToolCall, displayPath } from "../transcript/tool-calls.ts";
import { classifyUserText } from "../transcript/user-text.ts";
import {
  type CommandRun,
  type FileActivity,
  type HandoffFacts,
  KEPT_CHARS,
  type KeptText,
  NEWEST,
  type Subagent,
  type Task,
  type Turn,
} from "./facts.ts";
import { type LineChange, lineChange } from "./line-changes.ts";

/** Redaction looks this far past the kept start, so a secret straddling the cut is still recognised whole. */
const REDACT_MARGIN = 16_384;

/** Detail kept for more turns than are shown, so turns without activity cannot pull a stripped one into view. */
const TURNS_WITH_DETAIL = NEWEST.turns * 2;

const RELEASED: KeptText = { text: "", chars: 0 };

interface PendingCall {
  name: string;
  input: Record<string, unknown>;
  /** The file an edit or write changes, and by how many lines, counted once it succeeds. */
  change?: { file: FileActivity; lines: LineChange };
  command?: CommandRun;
  subagent?: Subagent;
  taskSubject?: string;
}

/** Claude Code's note after a subagent's report (its id, how to continue it, its usage): not the report. */
const SUBAGENT_TRAILER = /(?:^|\n)\s*agentId: \S+ \(use SendMessage[\s\S]*$|\s*<usage>[^<]*<\/usage>\s*$/g;
const READ_TOOLS = new Set(["Read", "NotebookRead"]);
const EDIT_TOOLS = new Set(["Edit", "MultiEdit", "NotebookEdit"]);
const WRITE_TOOLS = new Set(["Write"]);
const SUBAGENT_TOOLS = new Set(["Agent", "Task"]);

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const fields = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => {
      const block = fields(part);
      if (typeof block.text === "string") return block.text;
      return block.type === "image" ? "[image]" : "";
    })
    .filter(Boolean)
    .join("\n");
}

/** A subagent's final report without the trailer Claude Code appends for the calling agent. */
function subagentReport(content: unknown): string {
  const parts = Array.isArray(content) ? content : [content];
  return parts
    .map((part) => resultText(typeof part === "string" ? part : [part]).replace(SUBAGENT_TRAILER, ""))
    .filter((text) => text.trim())
    .join("\n");
}

export class FactCollector {
  private readonly facts: HandoffFacts = {
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
    redactions: {},
  };
  private readonly files = new Map<string, FileActivity>();
  private readonly tasks = new Map<string, Task>();
  private readonly calls = new Map<string, PendingCall>();
  /**
   * Texts kept but not redacted yet, and tool calls not labelled yet: done once, when a result is asked
   * for, for what is still kept then. Most of a long session's texts are let go before that, and
   * redacting them as read cost more than parsing the transcript.
   */
  private readonly unredacted = new Set<KeptText>();
  private readonly unlabelled = new Map<Turn, Array<{ index: number; name: string; input: Record<string, unknown> }>>();
  /** A raw path's file entry key, so a file touched a thousand times is resolved once. */
  private readonly shownPaths = new Map<string, string>();

  constructor(projectDir: string | null = null) {
    this.facts.projectDir = projectDir;
  }

  add(record: TranscriptRecord): void {
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
          const message = record.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("\n");
          this.error("API", message || "API error");
          return;
        }
        // Claude Code's stand-in replies (after /compact, an interrupt): nothing the model said.
        if (record.model === "<synthetic>") return;
        if (record.model) this.facts.model = record.model;
        for (const block of record.content) this.assistantBlock(block);
        return;
      case "user":
        if (record.isCompactSummary || record.isMeta) return;
        this.userContent(
          typeof record.content === "string" ? [{ type: "text", text: record.content }] : record.content,
          record.timestamp,
        );
        return;
      case "compact-boundary":
        this.facts.compactions.push(compactionOf(record));
        return;
      default:
        return;
    }
  }

  result(): HandoffFacts {
    for (const kept of this.unredacted) kept.text = this.clean(kept.text);
    this.unredacted.clear();
    for (const [turn, calls] of this.unlabelled)
      for (const call of calls) turn.actions[call.index] = this.describe(call.name, call.input);
    this.unlabelled.clear();
    return {
      ...this.facts,
      files: [...this.files.values()],
      tasks: [...this.tasks.values()],
      redactions: { ...this.facts.redactions },
    };
  }

  /** Redacted whole, counted. */
  private clean(text: string): string {
    const redacted = redactSecrets(text);
    for (const [kind, count] of Object.entries(redacted.counts))
      this.facts.redactions[kind] = (this.facts.redactions[kind] ?? 0) + count;
    return redacted.text;
  }

  /**
   * Its start and end, redacted: enough for any excerpt, bounded however long the output was.
   * Security: each end is redacted before it is cut, over a window longer than any secret a rule knows,
   * so a cut never leaves the head of a secret that is too short for its rule to recognise.
   */
  private keep(text: string): KeptText {
    if (text.length <= KEPT_CHARS) {
      const kept = { text, chars: text.length };
      this.unredacted.add(kept);
      return kept;
    }
    const half = KEPT_CHARS / 2;
    const head = this.clean(text.slice(0, half + REDACT_MARGIN)).slice(0, half);
    const tail = this.clean(text.slice(-(half + REDACT_MARGIN))).slice(-half);
    return { text: head, chars: text.length, tail };
  }

  /** Security: labels are redacted before they are cut (describeToolCall does it). */
  private describe(name: string, input: Record<string, unknown>): string {
    return describeToolCall(name, input, this.facts.projectDir).label;
  }

  private get turn(): number {
    return this.facts.prompts.length;
  }

  private currentTurn(): Turn {
    let turn = this.facts.turns.at(-1);
    if (!turn || turn.prompt !== this.turn) {
      turn = { prompt: this.turn, actions: [], replies: [] };
      this.facts.turns.push(turn);
      release(this.facts.turns, TURNS_WITH_DETAIL, (old) => {
        for (const reply of old.replies) this.unredacted.delete(reply);
        old.replies = old.replies.length ? [RELEASED] : [];
        // Only counted from now on: each call keeps its tool's name.
        this.unlabelled.delete(old);
      });
    }
    return turn;
  }

  /** Tool results, and the user's words: the record's prompt or slash command, classified as the breakdown does. */
  private userContent(blocks: readonly ContentBlock[], at: string | null): void {
    const words: string[] = [];
    let command = false;
    for (const block of blocks) {
      if (block.type === "tool_result") this.toolResult(block.toolUseId, block.content, block.isError);
      else if (block.type === "image") words.push("[image]");
      else if (block.type === "text") {
        const text = classifyUserText(block.text, { isMeta: false, isCompactSummary: false });
        if (text?.kind === "prompt" || text?.kind === "command") words.push(text.text);
        if (text?.kind === "command") command = true;
      }
    }
    if (words.some((word) => word !== "[image]")) this.prompt(words.join("\n\n"), at, command);
  }

  private prompt(text: string, at: string | null, command: boolean): void {
    this.facts.prompts.push({ number: this.facts.prompts.length + 1, text: this.clean(text), at, command });
    this.currentTurn();
  }

  private assistantBlock(block: ContentBlock): void {
    if (block.type === "text" && block.text.trim()) {
      this.currentTurn().replies.push(this.keep(block.text));
      return;
    }
    if (block.type !== "tool_use") return;
    this.facts.toolCalls++;
    const input = fields(block.input);
    const call: PendingCall = { name: block.name, input };
    const path = str(input.file_path) ?? str(input.notebook_path);
    const file = path ? this.touch(path, block.name) : null;
    const lines = file ? lineChange(block.name, input) : null;
    if (file && lines) call.change = { file, lines };
    if (block.name === "Bash") {
      const description = str(input.description);
      call.command = {
        command: this.clean(str(input.command) ?? ""),
        description: description && this.clean(description),
        turn: this.turn,
        ok: null,
        output: null,
      };
      this.facts.commands.push(call.command);
      release(this.facts.commands, NEWEST.commands, (old) => {
        if (old.output) this.unredacted.delete(old.output);
        old.output = null;
      });
    } else if (SUBAGENT_TOOLS.has(block.name)) {
      call.subagent = {
        turn: this.turn,
        description: this.clean(str(input.description) ?? "subagent"),
        type: str(input.subagent_type),
        prompt: this.keep(str(input.prompt) ?? ""),
        report: null,
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
        const id = str(item.id) ?? String(index + 1);
        this.tasks.set(id, {
          id,
          subject: this.clean(str(item.content) ?? str(item.subject) ?? ""),
          status: str(item.status) ?? "pending",
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
          status: "pending",
        };
        task.status = str(input.status) ?? task.status;
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

  private toolResult(toolUseId: string, content: unknown, isError: boolean): void {
    const call = this.calls.get(toolUseId);
    const text = resultText(content);
    if (!call) {
      if (isError) this.error("tool", text);
      return;
    }
    this.calls.delete(toolUseId);
    if (call.change && !isError) {
      call.change.file.added += call.change.lines.added;
      call.change.file.removed += call.change.lines.removed;
    }
    if (call.command) {
      call.command.ok = !isError;
      call.command.output = this.keep(text);
    }
    if (call.subagent) call.subagent.report = this.keep(subagentReport(content));
    if (call.taskSubject !== undefined && !isError) {
      const id = /#(\d+)/.exec(text)?.[1] ?? String(this.tasks.size + 1);
      this.tasks.set(id, { id, subject: call.taskSubject, status: "pending" });
    }
    if (isError && !call.command) this.error(this.describe(call.name, call.input), text);
  }

  private touch(path: string, tool: string): FileActivity | null {
    let shown = this.shownPaths.get(path);
    if (shown === undefined) {
      shown = displayPath(path, this.facts.projectDir);
      this.shownPaths.set(path, shown);
    }
    const entry = this.files.get(shown) ?? { path: shown, reads: 0, edits: 0, writes: 0, added: 0, removed: 0 };
    if (READ_TOOLS.has(tool)) entry.reads++;
    else if (EDIT_TOOLS.has(tool)) entry.edits++;
    else if (WRITE_TOOLS.has(tool)) entry.writes++;
    else return null;
    this.files.set(shown, entry);
    return entry;
  }

  private error(source: string, message: string): void {
    this.facts.errors.push({ turn: this.turn, source: this.clean(source), message: this.keep(message) });
    release(this.facts.errors, NEWEST.errors, (old) => {
      this.unredacted.delete(old.message);
      old.message = RELEASED;
    });
  }
}

/** Lets go of the texts of the entry that has just left the newest `keep` of a list: it will only be counted. */
function release<T>(list: readonly T[], keep: number, strip: (entry: T) => void): void {
  const old = list[list.length - 1 - keep];
  if (old) strip(old);
}
