// Claude Code's own request bodies (`OTEL_LOG_RAW_API_BODIES=file:<dir>`): `<uuid>.request.json` per
// Messages API request and `<id>.response.json` per response. Each new body is digested once into the
// store; then the bodies are removed (they hold whole conversations, and each repeats the conversation
// so far), unless the user asked to keep them, in which case a list of digested names stands in.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { replaceFile } from "../fs/atomic-write.ts";
import type { partGroups } from "./part-groups.ts";
import { type CapturedRequest, digestBody } from "./record.ts";
import { appendRecords, DEFAULT_LIMITS, type StoreLimits } from "./store.ts";

const REQUEST = /^([A-Za-z0-9_-]{1,128})\.request\.json$/;
const RESPONSE = /^[A-Za-z0-9_-]{1,128}\.response\.json$/;
/** Digested names when bodies are kept; pruned to the names still in the folder. */
const SEEN = ".ctx-monitor-digested";
/** A body younger than this that does not parse may still be being written: try again next time. */
const WRITING_GRACE_MS = 10_000;

interface IngestOptions {
  keepBodies: boolean;
  now: Date;
  limits?: StoreLimits;
  /** Bytes of bodies digested in one call at most, newest first; the rest wait for the next call. */
  budgetBytes?: number;
}

/** A long session leaves one body per request, each repeating the conversation: digest in bounded slices. */
const DEFAULT_BUDGET_BYTES = 32 << 20;

interface IngestResult {
  digested: number;
  removed: number;
  /** Bodies that did not parse as a Messages request and were left where they are. */
  skipped: number;
  /** Per session, the parts' texts of its newest main-chain request digested now (for count_tokens). */
  newestGroups: Map<string, ReturnType<typeof partGroups>>;
}

function readSeen(dir: string): Set<string> {
  try {
    return new Set(readFileSync(join(dir, SEEN), "utf8").split("\n").filter(Boolean));
  } catch {
    return new Set();
  }
}

function newestFirst(
  dir: string,
  names: readonly string[],
  seen: ReadonlySet<string>,
): Array<{ name: string; modified: Date; size: number }> {
  const bodies: Array<{ name: string; modified: Date; size: number }> = [];
  for (const name of names) {
    if (seen.has(name) || !(REQUEST.test(name) || RESPONSE.test(name))) continue;
    try {
      const stat = statSync(join(dir, name));
      bodies.push({ name, modified: stat.mtime, size: stat.size });
    } catch {
      // removed meanwhile (another ctx-monitor process digested it)
    }
  }
  return bodies.sort((a, b) => b.modified.getTime() - a.modified.getTime());
}

export function ingestBodies(bodiesDir: string, storeDir: string, options: IngestOptions): IngestResult {
  let names: string[];
  try {
    names = readdirSync(bodiesDir);
  } catch {
    return { digested: 0, removed: 0, skipped: 0, newestGroups: new Map() };
  }
  const seen = options.keepBodies ? readSeen(bodiesDir) : new Set<string>();
  const records: CapturedRequest[] = [];
  const done: string[] = [];
  let skipped = 0;
  const newestGroups = new Map<string, ReturnType<typeof partGroups>>();
  let budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  for (const { name, modified, size } of newestFirst(bodiesDir, names, seen)) {
    const path = join(bodiesDir, name);
    if (RESPONSE.test(name)) {
      // The usage a response holds is in the transcript too; the body holds the model's words.
      done.push(name);
      continue;
    }
    const id = REQUEST.exec(name)?.[1];
    if (!id) continue;
    if (budget <= 0) break;
    budget -= size;
    let record: CapturedRequest | null = null;
    try {
      const digested = digestBody(readFileSync(path, "utf8"), { source: "otel", id, time: modified, kind: "messages" });
      record = digested?.record ?? null;
      // Newest first: the first main request seen for a session is its newest.
      if (digested && record?.role === "main" && record.sessionId && !newestGroups.has(record.sessionId))
        newestGroups.set(record.sessionId, digested.groups);
    } catch {
      continue;
    }
    if (record) {
      records.push(record);
      done.push(name);
    } else if (options.now.getTime() - modified.getTime() > WRITING_GRACE_MS) {
      skipped++;
    }
  }
  appendRecords(
    storeDir,
    records.sort((a, b) => a.time.localeCompare(b.time)),
    options.limits ?? DEFAULT_LIMITS,
  );
  if (options.keepBodies) {
    const present = new Set(names);
    const kept = [...[...seen].filter((name) => present.has(name)), ...done];
    if (done.length > 0) replaceFile(join(bodiesDir, SEEN), `${kept.join("\n")}\n`, 0o600);
    return { digested: records.length, removed: 0, skipped, newestGroups };
  }
  for (const name of done) rmSync(join(bodiesDir, name), { force: true });
  return { digested: records.length, removed: done.length, skipped, newestGroups };
}
