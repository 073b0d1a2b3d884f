// Lenient, typed view of one line of a Claude Code session transcript (JSONL): the parser for the types in
// `records.ts`. Hand-written narrowing rather than a schema library: this runs on every line of gigabyte
// transcripts, and anything unexpected must be passed by, never thrown.
import type {
  ApiRequestBlobRecord,
  ApiRequestRecord,
  ApiRequestShapeRecord,
  AssistantRecord,
  CompactBoundaryRecord,
  ContentBlock,
  RecordBase,
  TokenUsage,
  TranscriptRecord,
} from "./records.ts";

export type LineProblem = "not-json" | "not-a-record" | "impossible-usage";

export type ParsedLine = { ok: true; record: TranscriptRecord } | { ok: false; problem: LineProblem };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

function numOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** No single request's figure comes near this: the largest context windows are a few million tokens. */
const MAX_USAGE_TOKENS = 100_000_000;
const USAGE_FIELDS = [
  "input_tokens",
  "cache_creation_input_tokens",
  "cache_read_input_tokens",
  "output_tokens",
] as const;

/**
 * Security: usage figures that no request can have (negative, fractional, strings, beyond any window)
 * make the record a counted line problem instead of a reported figure. Absent or null fields are 0.
 */
function impossibleUsage(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (!isObject(value)) return true;
  return USAGE_FIELDS.some((field) => {
    const figure = value[field];
    return (
      figure !== undefined &&
      figure !== null &&
      !(typeof figure === "number" && Number.isInteger(figure) && figure >= 0 && figure <= MAX_USAGE_TOKENS)
    );
  });
}

function parseUsage(value: unknown): TokenUsage | null {
  if (!isObject(value)) return null;
  return {
    inputTokens: num(value.input_tokens),
    cacheCreationInputTokens: num(value.cache_creation_input_tokens),
    cacheReadInputTokens: num(value.cache_read_input_tokens),
    outputTokens: num(value.output_tokens),
  };
}

function parseContentBlock(value: unknown): ContentBlock {
  if (!isObject(value)) return { type: "other", blockType: typeof value, raw: value };
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
        isError: value.is_error === true,
      };
    case "image": {
      const source = isObject(value.source) ? value.source : {};
      return { type: "image", bytes: str(source.data)?.length ?? 0 };
    }
    default:
      return { type: "other", blockType: str(value.type) ?? "unknown", raw: value };
  }
}

function parseContent(value: unknown): string | ContentBlock[] {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(parseContentBlock);
  return [];
}

/** An assistant message's content as blocks: a plain string (older or hand-made records) is one text block. */
function parseBlocks(value: unknown): ContentBlock[] {
  const content = parseContent(value);
  if (typeof content !== "string") return content;
  return content ? [{ type: "text", text: content }] : [];
}

/**
 * Adds the fields every record has to a kind's own fields. Assigned one by one rather than spread:
 * object spread in the per-line hot path costs half of the parse time on large transcripts.
 */
function withBase<T extends object>(raw: Json, lineLength: number, own: T): T & RecordBase {
  const record = own as T & RecordBase;
  record.uuid = str(raw.uuid);
  record.parentUuid = str(raw.parentUuid);
  record.sessionId = str(raw.sessionId);
  record.timestamp = str(raw.timestamp);
  record.isSidechain = raw.isSidechain === true;
  record.cwd = str(raw.cwd);
  record.lineLength = lineLength;
  return record;
}

/** Interprets an already-parsed JSON value as a transcript record. */
function toRecord(raw: unknown, lineLength: number): ParsedLine {
  if (!isObject(raw) || typeof raw.type !== "string") return { ok: false, problem: "not-a-record" };
  const message = isObject(raw.message) ? raw.message : {};
  switch (raw.type) {
    case "assistant":
      if (impossibleUsage(message.usage)) return { ok: false, problem: "impossible-usage" };
      return {
        ok: true,
        record: withBase(raw, lineLength, {
          kind: "assistant" as const,
          messageId: str(message.id),
          requestId: str(raw.requestId),
          model: str(message.model),
          usage: parseUsage(message.usage),
          content: parseBlocks(message.content),
          isApiError: raw.isApiErrorMessage === true,
          version: str(raw.version),
        }),
      };
    case "user":
      return {
        ok: true,
        record: withBase(raw, lineLength, {
          kind: "user" as const,
          content: parseContent(message.content),
          isMeta: raw.isMeta === true,
          isCompactSummary: raw.isCompactSummary === true,
          toolUseResult: raw.toolUseResult,
        }),
      };
    case "attachment":
      return {
        ok: true,
        record: withBase(raw, lineLength, { kind: "attachment" as const, attachment: raw.attachment }),
      };
    case "system": {
      const subtype = str(raw.subtype);
      if (subtype === "compact_boundary") {
        const meta = isObject(raw.compactMetadata) ? raw.compactMetadata : {};
        return {
          ok: true,
          record: withBase(raw, lineLength, {
            kind: "compact-boundary" as const,
            trigger: str(meta.trigger),
            preTokens: numOrNull(meta.preTokens),
            postTokens: numOrNull(meta.postTokens),
          }),
        };
      }
      return {
        ok: true,
        record: withBase(raw, lineLength, { kind: "system" as const, subtype, content: str(raw.content) }),
      };
    }
    case "api-request":
    case "api-request-shape":
    case "api-request-blob":
      return { ok: true, record: requestRecord(raw, lineLength, raw.type) };
    default:
      return { ok: true, record: withBase(raw, lineLength, { kind: "other" as const, type: raw.type }) };
  }
}

/** Claude Code 2.1.332's records of what it sent: per request, per request shape, per message. */
function requestRecord(
  raw: Json,
  lineLength: number,
  type: "api-request" | "api-request-shape" | "api-request-blob",
): TranscriptRecord {
  switch (type) {
    case "api-request": {
      const params = isObject(raw.params) ? raw.params : {};
      const betas = Array.isArray(params.betas)
        ? params.betas.filter((beta): beta is string => typeof beta === "string")
        : [];
      return withBase(raw, lineLength, {
        kind: "api-request" as const,
        model: str(params.model),
        betas,
        shapeHash: str(raw.shapeHash),
        querySource: str(raw.querySource),
        tail: Array.isArray(raw.tail) ? raw.tail.filter((hash): hash is string => typeof hash === "string") : [],
      });
    }
    case "api-request-blob": {
      const blob = isObject(raw.message) ? raw.message : {};
      const role = str(blob.role);
      const content = role === "system" ? parseContent(blob.content) : [];
      const systemChars =
        typeof content === "string"
          ? content.length
          : content.reduce((sum, block) => sum + (block.type === "text" ? block.text.length : 0), 0);
      return withBase(raw, lineLength, { kind: "api-request-blob" as const, hash: str(raw.hash), role, systemChars });
    }
    case "api-request-shape": {
      const shape = isObject(raw.shape) ? raw.shape : {};
      return withBase(raw, lineLength, {
        kind: "api-request-shape" as const,
        shapeHash: str(raw.shapeHash),
        shape: { system: shape.system, tools: shape.tools },
      });
    }
  }
}

export function parseRecordLine(line: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  return toRecord(raw, line.length);
}
