// Exact attribution from the transcript alone. Each main-chain response's input total minus the
// previous one's is the exact cost of what was added in between (that response's output, the new
// user text, tool results, attachments); it is split among those items by their sizes. The first
// response after the session start or a compaction is the baseline (system prompt, tools, memory,
// first message). Fed one record at a time, so a transcript streams through it and a later call can
// continue from where the last one stopped.
import { digestRequest, type RequestDigest } from "../../capture/request-digest.ts";
import { blockChars } from "../../transcript/content-size.ts";
import {
  type Compaction,
  type ContentBlock,
  compactionOf,
  contextTotal,
  isMainChainResponse,
  type TranscriptRecord,
} from "../../transcript/records.ts";
import { describeToolCall, type ToolCallInfo } from "../../transcript/tool-calls.ts";
import { classifyUserText } from "../../transcript/user-text.ts";
import { estimateTokens } from "../estimate.ts";
import { type Item, type ItemKind, promptLabel } from "./items.ts";
import { shrinkProportionally, splitByWeight } from "./split.ts";

export interface Attribution {
  /** Context size of the newest main-chain response: the sum of `baseline.tokens` and every item's tokens. */
  usedTokens: number;
  /** The API message id of that response, when its records carry one. */
  messageId: string | null;
  baseline: { tokens: number; items: readonly Item[] } | null;
  /** Everything added after the baseline, with exact step totals split by size. */
  items: readonly Item[];
  /** Added after the newest response: not in `usedTokens` yet, tokens estimated from size. */
  pending: readonly Item[];
  model: string | null;
  asOf: string | null;
  compactions: number;
  lastCompaction: Compaction | null;
  responses: number;
  /** The folder the session runs in, from its records. */
  projectDir: string | null;
  /** MCP tools (`mcp__<server>__<tool>`) the session called, compactions notwithstanding. */
  mcpToolsCalled: readonly string[];
  /**
   * The system prompt and tools of the request that made the newest response, from the transcript's
   * `api-request-shape` (Claude Code 2.1.332 and later); null when the transcript does not hold it.
   */
  requestShape: RequestDigest | null;
  /** Characters of the `role: "system"` message(s) that request carried (2.1.332's environment block). */
  systemMessageChars: number;
  /** Tools Claude Code announced as deferred (names only until searched for), since the last compaction. */
  deferredTools: readonly string[];
}

export class BreakdownBuilder {
  private items: Item[] = [];
  private open: Item[] = [];
  private baseline: { tokens: number; items: Item[] } | null = null;
  private lastStep: Item[] = [];
  private last: { messageId: string | null; total: number } | null = null;
  private readonly toolCalls = new Map<string, ToolCallInfo>();
  private readonly mcpToolsCalled = new Set<string>();
  private turn = 0;
  private compactions = 0;
  private lastCompaction: Compaction | null = null;
  private model: string | null = null;
  private asOf: string | null = null;
  private responses = 0;
  /** Digests of the request shapes seen, by Claude Code's shape hash (each shape is written once). */
  private readonly shapes = new Map<string, RequestDigest>();
  private requestShapeHash: string | null = null;
  private responseShapeHash: string | null = null;
  /** Characters of each system message blob, by hash. */
  private readonly systemBlobs = new Map<string, number>();
  private requestSystemChars = 0;
  private responseSystemChars = 0;
  private readonly deferred = new Set<string>();

  /** Paths in labels are shown relative to the project: given, or learnt from the records' cwd. */
  constructor(private projectDir: string | null = null) {}

  add(record: TranscriptRecord): void {
    if (record.isSidechain) return;
    this.projectDir ??= record.cwd;
    switch (record.kind) {
      case "assistant":
        if (record.isApiError) return;
        if (isMainChainResponse(record))
          this.response(record.messageId, contextTotal(record.usage), record.model, record.timestamp);
        for (const block of record.content) this.assistantBlock(block);
        return;
      case "user":
        this.userContent(record.content, record.isMeta, record.isCompactSummary);
        return;
      case "attachment":
        this.attachment(record.attachment);
        return;
      case "api-request-shape":
        if (record.shapeHash) this.shapes.set(record.shapeHash, digestRequest(record.shape));
        return;
      case "api-request": {
        this.requestShapeHash = record.shapeHash;
        // A request keeps the messages of the one before and adds its tail: a new system message replaces the old.
        const added = record.tail
          .filter((hash) => this.systemBlobs.has(hash))
          .reduce((sum, hash) => sum + this.systemBlobs.get(hash)!, 0);
        if (added > 0) this.requestSystemChars = added;
        return;
      }
      case "api-request-blob":
        if (record.role === "system" && record.hash) this.systemBlobs.set(record.hash, record.systemChars);
        return;
      case "compact-boundary":
        this.compactions++;
        this.lastCompaction = compactionOf(record);
        // What was in the context before is gone; the next response's total is the new baseline.
        this.items = [];
        this.open = [];
        this.lastStep = [];
        this.baseline = null;
        this.last = null;
        this.toolCalls.clear();
        this.deferred.clear();
        return;
      default:
        return;
    }
  }

  /** An unreadable line still takes its share of the step it was in, by its size. */
  oversized(bytes: number): void {
    const size = bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
    this.open.push(this.item("harness", `a transcript line too large to read (${size})`, bytes));
  }

  snapshot(): Attribution {
    return {
      usedTokens: this.last?.total ?? 0,
      messageId: this.last?.messageId ?? null,
      baseline: this.baseline,
      items: this.items,
      pending: this.open.map((item) => ({ ...item, tokens: estimateTokens(item.chars), exact: false })),
      model: this.model,
      asOf: this.asOf,
      compactions: this.compactions,
      lastCompaction: this.lastCompaction,
      responses: this.responses,
      projectDir: this.projectDir,
      mcpToolsCalled: [...this.mcpToolsCalled],
      requestShape: this.responseShapeHash ? (this.shapes.get(this.responseShapeHash) ?? null) : null,
      systemMessageChars: this.responseSystemChars,
      deferredTools: [...this.deferred],
    };
  }

  private response(messageId: string | null, total: number, model: string | null, at: string | null): void {
    this.model = model ?? this.model;
    this.asOf = at ?? this.asOf;
    // The request record Claude Code wrote just before this response made it.
    this.responseShapeHash = this.requestShapeHash ?? this.responseShapeHash;
    this.responseSystemChars = this.requestSystemChars;
    if (this.last && messageId !== null && messageId === this.last.messageId) {
      // Another line of the same streamed response: the figures repeat; keep the largest.
      if (total > this.last.total) this.grow(total - this.last.total);
      this.last.total = Math.max(total, this.last.total);
      return;
    }
    this.responses++;
    if (!this.last || !this.baseline) {
      this.baseline = { tokens: total, items: this.open };
      this.lastStep = [];
    } else {
      this.closeStep(total - this.last.total);
    }
    this.open = [];
    this.last = { messageId, total };
  }

  /** Shares a measured step among the items added in it. */
  private closeStep(delta: number): void {
    const step = this.open.length ? this.open : [this.harnessItem()];
    const exact = step.length === 1;
    if (delta >= 0) {
      const parts = splitByWeight(
        delta,
        step.map((item) => item.chars),
      );
      step.forEach((item, index) => {
        item.tokens = parts[index]!;
        item.exact = exact;
      });
    } else {
      // The context shrank (older thinking or tool results cleared by the harness): the new items
      // are there at their estimated size, and what went is taken from the older ones.
      const estimates = step.map((item) => estimateTokens(item.chars));
      step.forEach((item, index) => {
        item.tokens = estimates[index]!;
        item.exact = false;
      });
      const left = this.takeBack(estimates.reduce((sum, tokens) => sum + tokens, 0) - delta);
      // Everything older is already at zero: the new items are smaller than their size suggests.
      shrinkProportionally(step, left);
    }
    this.items.push(...step);
    this.lastStep = step;
  }

  /** Takes tokens back from older items (thinking first, as the API drops it first), then the baseline. */
  private takeBack(amount: number): number {
    const thinking = this.items.filter((item) => item.kind === "thinking");
    let left = shrinkProportionally(thinking, amount);
    left = shrinkProportionally(this.items, left);
    if (left > 0 && this.baseline) {
      const taken = Math.min(this.baseline.tokens, left);
      this.baseline.tokens -= taken;
      left -= taken;
    }
    // Items taken down to nothing are no longer in the context: forget them (this also keeps memory
    // bounded by what the context can hold).
    this.items = this.items.filter((item) => {
      item.exact = false;
      return item.tokens > 0;
    });
    return left;
  }

  private grow(extra: number): void {
    if (this.lastStep.length === 0) {
      if (this.baseline) this.baseline.tokens += extra;
      return;
    }
    const parts = splitByWeight(
      extra,
      this.lastStep.map((item) => item.chars),
    );
    this.lastStep.forEach((item, index) => {
      item.tokens += parts[index]!;
    });
  }

  private harnessItem(): Item {
    return this.item("harness", "not in the transcript: system reminders and other harness additions", 0);
  }

  private item(kind: ItemKind, label: string, chars: number, extra: Partial<Item> = {}): Item {
    return { kind, label, tool: null, path: null, chars, tokens: 0, turn: this.turn, exact: false, ...extra };
  }

  private assistantBlock(block: ContentBlock): void {
    switch (block.type) {
      case "text":
        if (block.text)
          this.open.push(this.item("assistant-text", `assistant text (after prompt ${this.turn})`, block.text.length));
        return;
      case "thinking":
        this.open.push(this.item("thinking", `thinking (after prompt ${this.turn})`, block.thinking.length));
        return;
      case "tool_use": {
        const call = describeToolCall(block.name, block.input, this.projectDir);
        if (block.id) this.toolCalls.set(block.id, call);
        if (block.name.startsWith("mcp__")) this.mcpToolsCalled.add(block.name);
        this.open.push(
          this.item("tool-call", `call ${call.label}`, blockChars(block), { tool: call.name, path: call.path }),
        );
        return;
      }
      default:
        this.open.push(this.item("assistant-text", "assistant content", blockChars(block)));
    }
  }

  private userContent(content: string | readonly ContentBlock[], isMeta: boolean, isCompactSummary: boolean): void {
    const blocks: readonly ContentBlock[] = typeof content === "string" ? [{ type: "text", text: content }] : content;
    // A record's words are one prompt however many text blocks carry them, as in the handoff.
    let prompt: number | null = null;
    for (const block of blocks) {
      if (block.type === "tool_result") {
        const call = this.toolCalls.get(block.toolUseId);
        this.open.push(
          this.item("tool-result", call ? call.label : "result of an unknown tool call", blockChars(block), {
            tool: call?.name ?? null,
            path: call?.path ?? null,
          }),
        );
      } else if (block.type === "text") {
        const text = classifyUserText(block.text, { isMeta, isCompactSummary });
        if (!text) continue;
        if (text.kind === "compaction-summary")
          this.open.push(this.item("compaction-summary", "compaction summary", block.text.length));
        else if (text.kind === "harness")
          this.open.push(
            this.item("harness", text.tag ? `harness message <${text.tag}>` : "harness message", block.text.length),
          );
        else {
          prompt ??= ++this.turn;
          this.open.push(this.item("user-prompt", promptLabel(prompt, text.text), block.text.length));
        }
      } else if (block.type === "image") {
        this.open.push(this.item("image", "image", block.bytes));
      } else {
        this.open.push(
          this.item(
            "harness",
            `user content (${block.type === "other" ? block.blockType : block.type})`,
            blockChars(block),
          ),
        );
      }
    }
  }

  private attachment(attachment: unknown): void {
    const fields = typeof attachment === "object" && attachment !== null ? (attachment as Record<string, unknown>) : {};
    const type = typeof fields.type === "string" ? fields.type : "unknown";
    // A copy of the system prompt Claude Code keeps for itself (2.1.332): never sent as a message.
    if (type === "prompt_snapshot") return;
    if (type === "deferred_tools_delta") this.deferredDelta(fields);
    let chars = 0;
    try {
      chars = JSON.stringify(attachment)?.length ?? 0;
    } catch {
      chars = 0;
    }
    this.open.push(this.item("attachment", `attachment: ${type}`, chars, { attachmentType: type }));
  }

  private deferredDelta(fields: Record<string, unknown>): void {
    const names = (value: unknown) =>
      Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
    for (const name of names(fields.addedNames)) this.deferred.add(name);
    for (const name of names(fields.removedNames)) this.deferred.delete(name);
  }
}
