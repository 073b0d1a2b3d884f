// The context size of every main-chain API response in order, with what entered the context between
// one response and the next (the tool results, a prompt) and where a compaction or a handoff came.
// A reducer for the incremental reader: the watch feeds it only what was appended, the report the
// whole file once. Memory grows with the number of responses, never with the size of their content.

import { type AssistantRecord, contextTotal, isMainChainResponse, type TranscriptRecord } from "./records.ts";
import { describeToolCall } from "./tool-calls.ts";

export interface TimelineStep {
  /** 1-based position among the responses of this transcript. */
  index: number;
  at: string | null;
  /** Context size of the request that produced this response (exact). */
  total: number;
  /** Growth since the previous response; null for the first, and after a compaction. */
  added: number | null;
  /** What entered the context since the previous response: tool calls by label, "prompt". */
  causes: string[];
  model: string | null;
}

export interface TimelineMark {
  kind: "compaction" | "handoff";
  at: string | null;
  /** The number of responses before it: it sits between step `afterStep` and the next. */
  afterStep: number;
  trigger: string | null;
  preTokens: number | null;
  postTokens: number | null;
}

/** Tool names (or Bash commands) that write a ctx-monitor handoff. */
const HANDOFF_TOOL = /(?:^|__)write_handoff$/;
const HANDOFF_COMMAND = /\bctx-monitor\s+handoff\b/;

/** Pending tool calls kept at most: a call whose result never came must not grow memory forever. */
const MAX_OPEN_CALLS = 256;
/** Causes listed per step at most (a response with fifty parallel reads keeps the first ones). */
const MAX_CAUSES = 12;

export class ResponseTimeline {
  readonly steps: TimelineStep[] = [];
  readonly marks: TimelineMark[] = [];
  /** The folder Claude Code ran in, from the first record that says. */
  projectDir: string | null = null;
  private lastMessageId: string | null = null;
  private previousTotal: number | null = null;
  private readonly openCalls = new Map<string, string>();
  private causes: string[] = [];

  add(record: TranscriptRecord): void {
    if (this.projectDir === null && record.cwd) this.projectDir = record.cwd;
    if (record.kind === "compact-boundary" && !record.isSidechain) {
      this.marks.push({
        kind: "compaction",
        at: record.timestamp,
        afterStep: this.steps.length,
        trigger: record.trigger,
        preTokens: record.preTokens,
        postTokens: record.postTokens,
      });
      this.previousTotal = null;
      this.causes = [];
      return;
    }
    if (record.kind === "user" && !record.isSidechain) {
      this.addUser(record.content, record.isMeta || record.isCompactSummary);
      return;
    }
    if (isMainChainResponse(record)) this.addResponse(record);
  }

  private addUser(content: Extract<TranscriptRecord, { kind: "user" }>["content"], meta: boolean): void {
    if (typeof content === "string") {
      if (!meta) this.cause("prompt");
      return;
    }
    for (const block of content) {
      if (block.type === "tool_result") {
        const label = this.openCalls.get(block.toolUseId);
        this.openCalls.delete(block.toolUseId);
        this.cause(label ?? "tool result");
      } else if (block.type === "text" && !meta) {
        this.cause("prompt");
      }
    }
  }

  private addResponse(record: AssistantRecord & { usage: NonNullable<AssistantRecord["usage"]> }): void {
    // Claude Code writes one line per content block of a response, all with the same message id.
    if (record.messageId === null || record.messageId !== this.lastMessageId) {
      const total = contextTotal(record.usage);
      this.steps.push({
        index: this.steps.length + 1,
        at: record.timestamp,
        total,
        added: this.previousTotal === null ? null : total - this.previousTotal,
        causes: this.causes,
        model: record.model,
      });
      this.previousTotal = total;
      this.causes = [];
      this.lastMessageId = record.messageId;
    }
    for (const block of record.content) {
      if (block.type !== "tool_use") continue;
      const call = describeToolCall(block.name, block.input, record.cwd);
      if (this.isHandoff(block.name, block.input)) {
        this.marks.push({
          kind: "handoff",
          at: record.timestamp,
          afterStep: this.steps.length,
          trigger: call.name,
          preTokens: null,
          postTokens: null,
        });
      }
      this.openCalls.set(block.id, call.label);
      if (this.openCalls.size > MAX_OPEN_CALLS) this.openCalls.delete(this.openCalls.keys().next().value!);
    }
  }

  private isHandoff(name: string, input: unknown): boolean {
    if (HANDOFF_TOOL.test(name)) return true;
    const command = typeof input === "object" && input !== null ? (input as { command?: unknown }).command : undefined;
    return name === "Bash" && typeof command === "string" && HANDOFF_COMMAND.test(command);
  }

  private cause(label: string): void {
    if (this.causes.length < MAX_CAUSES && !(label === "prompt" && this.causes.includes(label)))
      this.causes.push(label);
  }
}
