// The mitmproxy recipe's output into the capture store. The recipe's addon saves each request body
// that has `messages` or `model` as `request_<host>_<HHMMSS>.json` and logs every request to
// `claude_traffic.log` (its URL and the file it saved); a variant of it saves bodies as
// `req_<path>_<HHMMSSffffff>.json` and JSON responses as `resp_<path>_<HHMMSSffffff>.json`, which gives
// count_tokens' answers too. Only Messages and count_tokens requests are taken, never a header. The
// user's files are read, never changed; importing the same folder twice adds nothing.
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { ReadBuffer, readDumpLines, readDumpText } from "./mitm/dump-file.ts";
import { type SavedRequest, SavedRequests } from "./mitm/traffic-log.ts";
import { type CapturedRequest, type CapturedUsage, digestBodyValue } from "./record.ts";
import { appendRecords, readLog } from "./store.ts";

const TRAFFIC_LOG = "claude_traffic.log";
/** `request_<host>_<HHMMSS>.json`, and the variant's `req_<path>_<stamp>.json` / `resp_<path>_<stamp>.json`. */
const REQUEST_FILE = /^request_.+\.json$/;
const PAIRED_FILE = /^(req|resp)_(.*)_(\d{6,12})\.json$/;

/**
 * Largest recipe file read: the API takes requests up to 32 MB, and the recipe writes them indented.
 * One file at a time is held, so this bounds the import's memory whatever the folder holds.
 */
export const MAX_DUMP_FILE_BYTES = 64 << 20;
/** Longest traffic-log line kept (the recipe's lines are a URL or a file name at most). */
const MAX_LOG_LINE_BYTES = 64 << 10;
/** Records written to the store at a time: the import holds no more than these. */
const BATCH = 256;

type Json = Record<string, unknown>;

/** A file's JSON object, or null (not JSON, not an object), or why it was not read (not a regular file, too large). */
function readJson(path: string, scratch: ReadBuffer): { json: Json | null } | { refused: string } {
  try {
    const read = readDumpText(path, MAX_DUMP_FILE_BYTES, scratch);
    if ("refused" in read) return read;
    const value = JSON.parse(read.text) as unknown;
    return { json: typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null };
  } catch {
    return { json: null };
  }
}

/** A request file found in the folder, before its body is read. */
interface Found {
  name: string;
  url: string | null;
  time: Date;
  /** The variant's response file paired with it. */
  responseName: string | null;
}

interface Capture extends Found {
  body: Json;
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
  return (
    digestBodyValue(capture.body, {
      source: "mitm",
      id: basename(capture.name, ".json"),
      time: capture.time,
      kind: countTokens ? "count_tokens" : "messages",
      messageId: !countTokens && typeof response?.id === "string" ? response.id : null,
      usage:
        !countTokens && typeof response?.usage === "object" && response.usage
          ? (response.usage as CapturedUsage)
          : null,
      inputTokens: countTokens && typeof response?.input_tokens === "number" ? response.input_tokens : null,
    })?.record ?? null
  );
}

/**
 * The variant's responses, each paired with the earliest unanswered request of the same path saved before
 * it. The recipe's files do not say which request a response answers: for requests sent together (the
 * count_tokens of one /context run) the pairing assumes answers come back in the order asked.
 */
function pairResponses(names: readonly string[]): Map<string, string> {
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
  const answers = new Map<string, string>();
  for (const { requests, responses } of byPath.values()) {
    requests.sort((a, b) => a.stamp.localeCompare(b.stamp));
    let next = 0;
    const stampOf = (name: string) => PAIRED_FILE.exec(name)?.[3] ?? "";
    for (const response of responses.sort((a, b) => stampOf(a).localeCompare(stampOf(b)))) {
      const stamp = stampOf(response);
      const request = requests[next];
      if (!request || request.stamp > stamp) continue;
      answers.set(request.name, response);
      next++;
    }
  }
  return answers;
}

interface ImportResult {
  imported: number;
  alreadyThere: number;
  unreadable: string[];
  /** Files not read at all, with why (not a regular file, over the size a recipe file may be). */
  refused: Array<{ name: string; reason: string }>;
  /** count_tokens requests imported without their answers (the recipe that keeps request bodies only). */
  unanswered: number;
}

/** What the traffic log says of each saved file (read line by line), or nothing when there is none. */
function readTrafficLog(
  dir: string,
  names: readonly string[],
  refused: ImportResult["refused"],
): Map<string, SavedRequest> {
  const log = new SavedRequests();
  if (!names.includes(TRAFFIC_LOG)) return log.saved;
  const problem = readDumpLines(join(dir, TRAFFIC_LOG), Number.POSITIVE_INFINITY, MAX_LOG_LINE_BYTES, (line) =>
    log.line(line),
  );
  if (problem) refused.push({ name: TRAFFIC_LOG, reason: problem.refused });
  return log.saved;
}

/** The request files, oldest first (the store keeps records in time order), none of them read yet. */
function requestFiles(dir: string, names: readonly string[], logged: Map<string, SavedRequest>): Found[] {
  const responses = pairResponses(names);
  const found: Found[] = [];
  for (const name of names) {
    const paired = PAIRED_FILE.exec(name);
    if (!REQUEST_FILE.test(name) && paired?.[1] !== "req") continue;
    const log = logged.get(name);
    let time = log?.time ?? null;
    if (!time) {
      try {
        time = statSync(join(dir, name)).mtime;
      } catch {
        time = new Date(0);
      }
    }
    found.push({ name, url: log?.url ?? null, time, responseName: responses.get(name) ?? null });
  }
  return found.sort((a, b) => a.time.toISOString().localeCompare(b.time.toISOString()));
}

/**
 * Imports the folder's request files one at a time, in time order, writing records in batches: a
 * folder of any size is read in bounded memory, and an unusual file is refused, never followed.
 */
export function importMitm(dir: string, storeDir: string): ImportResult {
  const names = readdirSync(dir).sort();
  const refused: ImportResult["refused"] = [];
  const unreadable: string[] = [];
  const logged = readTrafficLog(dir, names, refused);
  const known = new Set(
    readLog<CapturedRequest>(storeDir)
      .filter((record) => record.source === "mitm")
      .map((record) => record.id),
  );
  let imported = 0;
  let alreadyThere = 0;
  let unanswered = 0;
  let batch: CapturedRequest[] = [];
  const scratch = new ReadBuffer();
  for (const found of requestFiles(dir, names, logged)) {
    const request = readJson(join(dir, found.name), scratch);
    if ("refused" in request) {
      refused.push({ name: found.name, reason: request.refused });
      continue;
    }
    if (!request.json || !Array.isArray(request.json.messages)) {
      unreadable.push(found.name);
      continue;
    }
    const answer = found.responseName ? readJson(join(dir, found.responseName), scratch) : null;
    if (answer && "refused" in answer) refused.push({ name: found.responseName!, reason: answer.refused });
    const response = answer && "json" in answer ? answer.json : null;
    const record = recordOfCapture({ ...found, body: request.json, response });
    if (!record) {
      unreadable.push(found.name);
      continue;
    }
    if (known.has(record.id)) {
      alreadyThere++;
      continue;
    }
    known.add(record.id);
    imported++;
    if (record.kind === "count_tokens" && record.inputTokens === null) unanswered++;
    batch.push(record);
    if (batch.length >= BATCH) {
      appendRecords(storeDir, batch);
      batch = [];
    }
  }
  appendRecords(storeDir, batch);
  return {
    imported,
    alreadyThere,
    unreadable: unreadable.sort(),
    refused: refused.sort((a, b) => a.name.localeCompare(b.name)),
    unanswered,
  };
}
