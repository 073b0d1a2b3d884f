// The typed records of a Claude Code session transcript (JSONL) and the questions every reader asks of one.
// `parse-record-line.ts` turns a line into one of these.

export interface TokenUsage {
  inputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  outputTokens: number;
}

/** What the request sent to the model weighed: the context size of that request. */
export function contextTotal(usage: TokenUsage): number {
  return usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
}

export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "tool_result"; toolUseId: string; content: unknown; isError: boolean }
  | { type: "image"; bytes: number }
  | { type: "other"; blockType: string; raw: unknown };

export interface RecordBase {
  uuid: string | null;
  parentUuid: string | null;
  sessionId: string | null;
  timestamp: string | null;
  isSidechain: boolean;
  /** The folder Claude Code was running in when it wrote the record. */
  cwd: string | null;
  /** Length of the JSON line in UTF-16 units; a cheap size measure for items. */
  lineLength: number;
}

export interface AssistantRecord extends RecordBase {
  kind: "assistant";
  messageId: string | null;
  requestId: string | null;
  model: string | null;
  usage: TokenUsage | null;
  content: ContentBlock[];
  isApiError: boolean;
  /** The Claude Code version that wrote the record (what it runs a model at depends on it). */
  version: string | null;
}

export interface UserRecord extends RecordBase {
  kind: "user";
  content: string | ContentBlock[];
  isMeta: boolean;
  isCompactSummary: boolean;
  /** Claude Code's structured copy of a tool's result (stdout/stderr, file info…), when present. */
  toolUseResult: unknown;
}

export interface CompactBoundaryRecord extends RecordBase {
  kind: "compact-boundary";
  trigger: string | null;
  preTokens: number | null;
  postTokens: number | null;
}

/** A compaction as every answer reports it: what triggered it, the context before and after, and when. */
export interface Compaction {
  trigger: string | null;
  preTokens: number | null;
  postTokens: number | null;
  at: string | null;
}

export function compactionOf(record: CompactBoundaryRecord): Compaction {
  return { trigger: record.trigger, preTokens: record.preTokens, postTokens: record.postTokens, at: record.timestamp };
}

export interface AttachmentRecord extends RecordBase {
  kind: "attachment";
  attachment: unknown;
}

export interface SystemRecord extends RecordBase {
  kind: "system";
  subtype: string | null;
  content: string | null;
}

/** Claude Code 2.1.332 and later: one per API request, before its response (model, betas, the shape sent). */
export interface ApiRequestRecord extends RecordBase {
  kind: "api-request";
  model: string | null;
  betas: string[];
  /** Names the `api-request-shape` record holding the system prompt and tools this request sent. */
  shapeHash: string | null;
  querySource: string | null;
  /** Hashes of the `api-request-blob` messages this request added after those it kept from the previous one. */
  tail: string[];
}

/** Claude Code 2.1.332 and later: a message of a request, by hash. Only a `role: "system"` message's text is kept. */
export interface ApiRequestBlobRecord extends RecordBase {
  kind: "api-request-blob";
  hash: string | null;
  role: string | null;
  /** Characters of a system message's text (the environment block); 0 for other roles. */
  systemChars: number;
}

/** Claude Code 2.1.332 and later: the system prompt and tool definitions exactly as sent, once per distinct shape. */
export interface ApiRequestShapeRecord extends RecordBase {
  kind: "api-request-shape";
  shapeHash: string | null;
  shape: { system: unknown; tools: unknown };
}

/** Any record type this version does not interpret (mode, last-prompt, summary, progress…). */
export interface OtherRecord extends RecordBase {
  kind: "other";
  type: string;
}

export type TranscriptRecord =
  | AssistantRecord
  | UserRecord
  | CompactBoundaryRecord
  | AttachmentRecord
  | SystemRecord
  | ApiRequestRecord
  | ApiRequestShapeRecord
  | ApiRequestBlobRecord
  | OtherRecord;

/**
 * The records that make up the model's own context: not a subagent's, not an API error Claude Code
 * wrote in place of a response, not a `<synthetic>` placeholder.
 */
export function isMainChainResponse(record: TranscriptRecord): record is AssistantRecord & { usage: TokenUsage } {
  return (
    record.kind === "assistant" &&
    !record.isSidechain &&
    !record.isApiError &&
    record.model !== "<synthetic>" &&
    record.usage !== null
  );
}

/** Claude Code's type of an attachment record (`file`, `skill_listing`…), or null for other records. */
export function attachmentType(record: TranscriptRecord): string | null {
  const attachment = record.kind === "attachment" ? record.attachment : null;
  if (typeof attachment !== "object" || attachment === null || Array.isArray(attachment)) return null;
  const type = (attachment as Record<string, unknown>).type;
  return typeof type === "string" ? type : null;
}

export function toolUseIds(record: AssistantRecord): string[] {
  const ids: string[] = [];
  for (const block of record.content) if (block.type === "tool_use" && block.id) ids.push(block.id);
  return ids;
}
