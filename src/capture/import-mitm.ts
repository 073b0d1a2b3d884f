// The mitmproxy recipe's output into the capture store: `request_*.json` files (a request body, or an
// addon's record wrapping one) and `claude_traffic.log` (one JSON record per line, requests and
// responses). Only Messages and count_tokens requests are taken; headers never, except the betas.
// The user's files are read, never changed. Importing the same folder twice adds nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { recordOf, type CapturedRequest } from "./record.ts";
import { appendRecords, readLog } from "./store.ts";

const REQUEST_FILE = /^request_.*\.json$/;
const TRAFFIC_LOG = "claude_traffic.log";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A body given as an object or as JSON text. */
function asBody(value: unknown): Json | null {
  if (isObject(value)) return value;
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

interface Found {
  body: Json;
  url: string | null;
  time: Date | null;
  betaHeader: string | undefined;
  /** A response recorded with it (count_tokens' answer, a message's usage). */
  response: Json | null;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === name && typeof value === "string") return value;
  return undefined;
}

function timeOf(record: Json): Date | null {
  const raw = record.timestamp ?? record.time;
  const time =
    typeof raw === "number" ? new Date(raw < 1e12 ? raw * 1000 : raw) : typeof raw === "string" ? new Date(raw) : null;
  return time && !Number.isNaN(time.getTime()) ? time : null;
}

/** The request inside what an addon wrote: the body itself, or `{url, headers, body|content|request}`. */
function requestIn(record: Json): Found | null {
  if (Array.isArray(record.messages))
    return { body: record, url: null, time: null, betaHeader: undefined, response: null };
  const inner = isObject(record.request) ? record.request : record;
  const body = asBody(inner.body) ?? asBody(inner.content) ?? asBody(inner.text);
  if (!body || !Array.isArray(body.messages)) return null;
  const url = typeof inner.url === "string" ? inner.url : typeof record.url === "string" ? record.url : null;
  const response = isObject(record.response)
    ? (asBody(record.response.body) ?? asBody(record.response.content) ?? record.response)
    : null;
  return {
    body,
    url,
    time: timeOf(record) ?? timeOf(inner),
    betaHeader: headerValue(inner.headers, "anthropic-beta"),
    response,
  };
}

function recordOfFound(found: Found, id: string, fallbackTime: Date): CapturedRequest | null {
  const countTokens = found.url?.includes("/count_tokens") ?? false;
  const usage =
    found.response && isObject(found.response.usage) ? (found.response.usage as CapturedRequest["usage"]) : null;
  const inputTokens =
    countTokens && typeof found.response?.input_tokens === "number" ? found.response.input_tokens : null;
  return recordOf(JSON.stringify(found.body), {
    source: "mitm",
    id,
    time: found.time ?? fallbackTime,
    kind: countTokens ? "count_tokens" : "messages",
    betaHeader: found.betaHeader,
    messageId: found.response && typeof found.response.id === "string" ? found.response.id : null,
    usage,
    inputTokens,
  });
}

/** Lines of the traffic log that hold a request; a RESPONSE line right after one is its answer. */
function fromTrafficLog(path: string): CapturedRequest[] {
  const modified = statSync(path).mtime;
  const lines = readFileSync(path, "utf8").split("\n");
  const records: CapturedRequest[] = [];
  let pending: { found: Found; line: number } | null = null;
  const flush = () => {
    if (pending) {
      const record = recordOfFound(pending.found, `${TRAFFIC_LOG}:${pending.line}`, modified);
      if (record) records.push(record);
    }
    pending = null;
  };
  lines.forEach((line, index) => {
    const entry = asBody(line.trim());
    if (!entry) return;
    const found = requestIn(entry);
    if (found) {
      flush();
      pending = { found, line: index + 1 };
    } else if (pending && String(entry.type ?? "").toUpperCase() === "RESPONSE") {
      pending.found.response = asBody(entry.body) ?? asBody(entry.content) ?? entry;
      flush();
    }
  });
  flush();
  return records;
}

interface ImportResult {
  imported: number;
  alreadyThere: number;
  unreadable: string[];
}

export function importMitm(dir: string, storeDir: string): ImportResult {
  const names = readdirSync(dir).sort();
  const unreadable: string[] = [];
  const found: CapturedRequest[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (name === TRAFFIC_LOG) found.push(...fromTrafficLog(path));
      else if (REQUEST_FILE.test(name)) {
        const request = requestIn(asBody(readFileSync(path, "utf8")) ?? {});
        const record = request ? recordOfFound(request, basename(name, ".json"), statSync(path).mtime) : null;
        if (record) found.push(record);
        else unreadable.push(name);
      }
    } catch {
      unreadable.push(name);
    }
  }
  const known = new Set(
    readLog<CapturedRequest>(storeDir)
      .filter((record) => record.source === "mitm")
      .map((record) => record.id),
  );
  const fresh = found.filter((record) => !known.has(record.id));
  appendRecords(
    storeDir,
    fresh.sort((a, b) => a.time.localeCompare(b.time)),
  );
  return { imported: fresh.length, alreadyThere: found.length - fresh.length, unreadable };
}
