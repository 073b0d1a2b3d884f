// One captured request as the store keeps it: the request digest (system blocks, tool definitions per
// MCP server, sizes and hashes; see request-digest.ts), a digest of its messages, the window hints
// (model id, betas) and the usage when the response was seen. Never a text, never a header value but
// the betas, never metadata beyond the session id.
import { createHash } from "../base/lazy-crypto.ts";
import { type TextProbe, textProbeOf } from "./context-probe.ts";
import { type GroupHashes, groupHashes, partGroups } from "./part-groups.ts";
import { digestRequest, type RequestDigest } from "./request-digest.ts";

export const CAPTURE_SOURCES = ["otel", "proxy", "mitm"] as const;

export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

/**
 * Which conversation a request belongs to, from its tools: the main agent offers the Agent (Task)
 * tool, subagents do not, and side requests (titles, summaries of tool use) send no tools.
 */
export type RequestRole = "main" | "subagent" | "side";

export interface MessagesDigest {
  count: number;
  /** Characters of the messages' JSON. */
  chars: number;
  hash: string;
}

export interface CapturedUsage {
  input_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
  output_tokens?: number;
}

export interface CapturedRequest {
  v: 1;
  kind: "messages" | "count_tokens";
  source: CaptureSource;
  /** The body's own id where it has one (Claude Code's file name), else one made up on capture. */
  id: string;
  time: string;
  sessionId: string | null;
  role: RequestRole;
  model: string | null;
  /** The body's `betas` and the `anthropic-beta` header, without duplicates. */
  betas: string[];
  request: RequestDigest;
  messages: MessagesDigest;
  /** The response's message id and usage, when the response passed the capture. */
  messageId: string | null;
  usage: CapturedUsage | null;
  /** count_tokens only: the answer's `input_tokens`. */
  inputTokens: number | null;
  /** count_tokens only: the text it measured, when it measured a text rather than tools (see context-probe.ts). */
  textProbe?: TextProbe | null;
  /** Hashes of the baseline's parts as count_tokens measures them (system prompt, built-in tools, each server). */
  groups: GroupHashes;
}

interface Body {
  model?: unknown;
  system?: unknown;
  tools?: unknown;
  messages?: unknown;
  betas?: unknown;
  metadata?: { user_id?: unknown };
}

interface CaptureContext {
  source: CaptureSource;
  id: string;
  time: Date;
  kind: CapturedRequest["kind"];
  betaHeader?: string | undefined;
  messageId?: string | null;
  usage?: CapturedUsage | null;
  inputTokens?: number | null;
}

/** `metadata.user_id` is a JSON string holding the session id (Claude Code 2.1.197). */
function sessionIdOf(body: Body): string | null {
  const userId = body.metadata?.user_id;
  if (typeof userId !== "string") return null;
  try {
    const parsed = JSON.parse(userId) as { session_id?: unknown };
    return typeof parsed.session_id === "string" ? parsed.session_id : null;
  } catch {
    // Older versions: "user_<hash>_account_<uuid>_session_<uuid>".
    return /_session_([0-9a-f-]{36})$/.exec(userId)?.[1] ?? null;
  }
}

function roleOf(tools: unknown): RequestRole {
  if (!Array.isArray(tools) || tools.length === 0) return "side";
  const names = tools.map((tool: { name?: unknown }) => tool?.name);
  return names.includes("Agent") || names.includes("Task") ? "main" : "subagent";
}

function betasOf(body: Body, header: string | undefined): string[] {
  const fromBody = Array.isArray(body.betas)
    ? body.betas.filter((beta): beta is string => typeof beta === "string")
    : [];
  const fromHeader = header
    ? header
        .split(",")
        .map((beta) => beta.trim())
        .filter(Boolean)
    : [];
  return [...new Set([...fromBody, ...fromHeader])];
}

function digestMessages(messages: unknown): MessagesDigest {
  const list = Array.isArray(messages) ? messages : [];
  const json = JSON.stringify(list);
  return { count: list.length, chars: json.length, hash: createHash("sha256").update(json).digest("hex") };
}

/** The record of a request body, or null when the body is not a Messages API request. */
export function recordOf(bodyText: string, context: CaptureContext): CapturedRequest | null {
  return digestBody(bodyText, context)?.record ?? null;
}

/** The record, and the parts' texts for count_tokens while they are at hand. */
export function digestBody(
  bodyText: string,
  context: CaptureContext,
): { record: CapturedRequest; groups: ReturnType<typeof partGroups> } | null {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return null;
  }
  return digestBodyValue(body, context);
}

/** digestBody of a body already parsed (an importer that looked inside it first). */
export function digestBodyValue(
  value: unknown,
  context: CaptureContext,
): { record: CapturedRequest; groups: ReturnType<typeof partGroups> } | null {
  const body = value as Body;
  if (typeof body !== "object" || body === null || !Array.isArray(body.messages)) return null;
  const request = digestRequest(body);
  const groups = partGroups(body, request);
  const record: CapturedRequest = {
    v: 1,
    kind: context.kind,
    source: context.source,
    id: context.id,
    time: context.time.toISOString(),
    sessionId: sessionIdOf(body),
    // count_tokens bodies (/context's) measure parts; they are never the conversation's request.
    role: context.kind === "count_tokens" ? "side" : roleOf(body.tools),
    model: typeof body.model === "string" ? body.model : null,
    betas: betasOf(body, context.betaHeader),
    request,
    messages: digestMessages(body.messages),
    messageId: context.messageId ?? null,
    usage: context.usage ?? null,
    inputTokens: context.inputTokens ?? null,
    ...(context.kind === "count_tokens" ? { textProbe: textProbeOf(body) } : {}),
    groups: groupHashes(groups),
  };
  return { record, groups };
}
