// What the proxy keeps of an exchange: Messages requests and count_tokens pairs, as store records.
import { randomUUID } from "node:crypto";
import type { partGroups } from "../part-groups.ts";
import { type CapturedRequest, type CapturedUsage, digestBody } from "../record.ts";
import type { Exchange } from "./server.ts";

const MESSAGES = "/v1/messages";
const COUNT_TOKENS = "/v1/messages/count_tokens";

/** Only these are worth a copy; everything else (HEAD /, models, batches) is just forwarded. */
export function isCaptured(method: string, path: string): boolean {
  return method === "POST" && (path === MESSAGES || path === COUNT_TOKENS);
}

function parsed<T>(bytes: Buffer | null): T | null {
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString("utf8")) as T;
  } catch {
    return null;
  }
}

/** The record, and (a Messages request) its parts' texts for count_tokens while they are at hand. */
export function digestOfExchange(
  exchange: Exchange,
): { record: CapturedRequest; groups: ReturnType<typeof partGroups> } | null {
  if (!exchange.requestBody || exchange.status < 200 || exchange.status >= 300) return null;
  const context = {
    source: "proxy" as const,
    id: randomUUID(),
    time: exchange.startedAt,
    betaHeader: exchange.headers["anthropic-beta"],
  };
  if (exchange.path === COUNT_TOKENS) {
    const answer = parsed<{ input_tokens?: unknown }>(exchange.responseBody);
    const inputTokens = typeof answer?.input_tokens === "number" ? answer.input_tokens : null;
    return digestBody(exchange.requestBody.toString("utf8"), { ...context, kind: "count_tokens", inputTokens });
  }
  const message = parsed<{ id?: unknown; usage?: CapturedUsage }>(exchange.responseBody);
  const messageId = exchange.streamed?.messageId ?? (typeof message?.id === "string" ? message.id : null);
  const usage = exchange.streamed?.usage ?? message?.usage ?? null;
  return digestBody(exchange.requestBody.toString("utf8"), {
    ...context,
    kind: "messages",
    messageId,
    usage: usage ? pickUsage(usage) : null,
  });
}

function pickUsage(usage: CapturedUsage): CapturedUsage {
  const picked: CapturedUsage = {};
  for (const key of [
    "input_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "output_tokens",
  ] as const) {
    if (typeof usage[key] === "number") picked[key] = usage[key];
  }
  return picked;
}
