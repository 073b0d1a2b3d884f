// The mitmproxy recipe's output into the capture store. The recipe's addon saves each request body
// that has `messages` or `model` as `request_<host>_<HHMMSS>.json` and logs every request to
// `claude_traffic.log` (its URL and the file it saved); a variant of it saves bodies as
// `req_<path>_<HHMMSSffffff>.json` and JSON responses as `resp_<path>_<HHMMSSffffff>.json`, which gives
// count_tokens' answers too. Only Messages and count_tokens requests are taken, never a header. The
// user's files are read, never changed; importing the same folder twice adds nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { savedRequests, type SavedRequest } from "./mitm/traffic-log.ts";
import { recordOf, type CapturedRequest, type CapturedUsage } from "./record.ts";
import { appendRecords, readLog } from "./store.ts";

const TRAFFIC_LOG = "claude_traffic.log";
/** `request_<host>_<HHMMSS>.json`, and the variant's `req_<path>_<stamp>.json` / `resp_<path>_<stamp>.json`. */
const REQUEST_FILE = /^request_.+\.json$/;
const PAIRED_FILE = /^(req|resp)_(.*)_(\d{6,12})\.json$/;

type Json = Record<string, unknown>;

function readJson(path: string): Json | null {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

interface Capture {
  name: string;
  body: Json;
  url: string | null;
  time: Date;
  response: Json | null;
}

/**
 * count_tokens or Messages: from the URL the log gives, else the variant's file name (its path part),
 * else the body: the Messages API requires `max_tokens`, count_tokens takes none.
 */
function isCountTokens(capture: Capture): boolean {
  if (capture.url) return capture.url.includes("/count_tokens");
  if (capture.name.includes("count_tokens")) return true;
  return capture.body.max_tokens === undefined;
}

function recordOfCapture(capture: Capture): CapturedRequest | null {
  const countTokens = isCountTokens(capture);
  const response = capture.response;
  return recordOf(JSON.stringify(capture.body), {
    source: "mitm",
    id: basename(capture.name, ".json"),
    time: capture.time,
    kind: countTokens ? "count_tokens" : "messages",
    messageId: !countTokens && typeof response?.id === "string" ? response.id : null,
    usage:
      !countTokens && typeof response?.usage === "object" && response.usage ? (response.usage as CapturedUsage) : null,
    inputTokens: countTokens && typeof response?.input_tokens === "number" ? response.input_tokens : null,
  });
}

/**
 * The variant's responses, each paired with the earliest unanswered request of the same path saved before
 * it. The recipe's files do not say which request a response answers: for requests sent together (the
 * count_tokens of one /context run) the pairing assumes answers come back in the order asked.
 */
function pairResponses(names: readonly string[], dir: string): Map<string, Json> {
  const byPath = new Map<string, { requests: Array<{ name: string; stamp: string }>; responses: string[] }>();
  for (const name of names) {
    const match = PAIRED_FILE.exec(name);
    if (!match) continue;
    const [kind, path, stamp] = [match[1]!, match[2]!, match[3]!];
    const entry = byPath.get(path) ?? { requests: [], responses: [] };
    byPath.set(path, entry);
    if (kind === "req") entry.requests.push({ name, stamp });
    else entry.responses.push(name);
  }
  const answers = new Map<string, Json>();
  for (const { requests, responses } of byPath.values()) {
    requests.sort((a, b) => a.stamp.localeCompare(b.stamp));
    let next = 0;
    const stampOf = (name: string) => PAIRED_FILE.exec(name)?.[3] ?? "";
    for (const response of responses.sort((a, b) => stampOf(a).localeCompare(stampOf(b)))) {
      const stamp = stampOf(response);
      while (next < requests.length && answers.has(requests[next]!.name)) next++;
      const request = requests[next];
      if (!request || request.stamp > stamp) continue;
      const body = readJson(join(dir, response));
      if (body) answers.set(request.name, body);
      next++;
    }
  }
  return answers;
}

function capturesIn(dir: string, names: readonly string[]): { captures: Capture[]; unreadable: string[] } {
  let logged = new Map<string, SavedRequest>();
  if (names.includes(TRAFFIC_LOG)) logged = savedRequests(readFileSync(join(dir, TRAFFIC_LOG), "utf8"));
  const answers = pairResponses(names, dir);
  const captures: Capture[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    const paired = PAIRED_FILE.exec(name);
    if (!REQUEST_FILE.test(name) && paired?.[1] !== "req") continue;
    const path = join(dir, name);
    const body = readJson(path);
    if (!body || !Array.isArray(body.messages)) {
      unreadable.push(name);
      continue;
    }
    const log = logged.get(name);
    captures.push({
      name,
      body,
      url: log?.url ?? null,
      time: log?.time ?? statSync(path).mtime,
      response: answers.get(name) ?? null,
    });
  }
  return { captures, unreadable };
}

interface ImportResult {
  imported: number;
  alreadyThere: number;
  unreadable: string[];
  /** count_tokens requests imported without their answers (the recipe that keeps request bodies only). */
  unanswered: number;
}

export function importMitm(dir: string, storeDir: string): ImportResult {
  const names = readdirSync(dir).sort();
  const { captures, unreadable } = capturesIn(dir, names);
  const found: CapturedRequest[] = [];
  for (const capture of captures) {
    const record = recordOfCapture(capture);
    if (record) found.push(record);
    else unreadable.push(capture.name);
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
  return {
    imported: fresh.length,
    alreadyThere: found.length - fresh.length,
    unreadable: unreadable.sort(),
    unanswered: fresh.filter((record) => record.kind === "count_tokens" && record.inputTokens === null).length,
  };
}
