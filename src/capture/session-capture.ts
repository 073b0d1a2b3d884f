// The capture data of one session, as usage and breakdown read it: first the request bodies Claude
// Code left since the last look are digested into the store (and removed unless
// CTX_MONITOR_KEEP_BODIES=1), the newest request's parts measured with count_tokens while their texts
// are at hand, then the session's newest main-chain request is read back with what is known of it.
import { log } from "../base/log.ts";
import type { Runtime } from "../base/runtime.ts";
import { bodiesDirs } from "./bodies-dirs.ts";
import { counterFor, isTarget, markUnmeasured, measureGroups, targetFromEnv } from "./count-tokens.ts";
import { ingestBodies } from "./otel-bodies.ts";
import type { partGroups } from "./part-groups.ts";
import { captureStoreDir } from "./paths.ts";
import { liveProxy, sendsThrough } from "./proxy-live.ts";
import type { CapturedRequest } from "./record.ts";
import { newestOfSession } from "./store.ts";
import { TokenCache, type Unmeasured } from "./token-cache.ts";

function keepBodies(runtime: Runtime): boolean {
  return runtime.env.CTX_MONITOR_KEEP_BODIES === "1";
}

/** Measured tokens of the request's parts; null where count_tokens was not asked or failed. */
export interface PartTokens {
  systemPrompt: number | null;
  builtInTools: number | null;
  servers: Record<string, number>;
  /** Why a part has no figure, by part: "systemPrompt", "builtInTools", "server:<name>". */
  unmeasured: Record<string, Unmeasured>;
}

export interface SessionCapture {
  record: CapturedRequest;
  tokens: PartTokens;
}

/** Digests what Claude Code wrote since the last look; capture is optional, so failures only log. */
function ingestPendingBodies(runtime: Runtime, projectDir?: string): Map<string, ReturnType<typeof partGroups>> {
  const newest = new Map<string, ReturnType<typeof partGroups>>();
  for (const bodiesDir of bodiesDirs(runtime, projectDir)) {
    try {
      const result = ingestBodies(bodiesDir, captureStoreDir(runtime), {
        keepBodies: keepBodies(runtime),
        now: runtime.now(),
      });
      for (const [session, groups] of result.newestGroups) if (!newest.has(session)) newest.set(session, groups);
    } catch (error) {
      log(`could not digest request bodies in ${bodiesDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return newest;
}

async function measureNewest(
  runtime: Runtime,
  cache: TokenCache,
  newest: Map<string, ReturnType<typeof partGroups>>,
): Promise<void> {
  if (newest.size === 0) return;
  const groups = [...newest.values()].flatMap((byName) => [...byName.values()]);
  const target = targetFromEnv(runtime);
  try {
    if (!isTarget(target)) markUnmeasured(groups, cache, target);
    else await measureGroups(groups, counterFor(target), cache, runtime.now());
  } catch (error) {
    log(`could not keep count_tokens' figures: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A part nobody tried yet: the proxy measures after forwarding, so its figure may follow shortly. */
function notYet(record: CapturedRequest, runtime: Runtime): Unmeasured {
  const target = targetFromEnv(runtime);
  if (record.source !== "proxy" && !isTarget(target)) return target;
  return {
    reason: "not-yet",
    said:
      record.source === "proxy"
        ? "not measured yet: ctx-monitor proxy measures each new part once, after forwarding its request"
        : "not measured yet: it is measured when ctx-monitor next digests the request bodies",
    at: runtime.now().toISOString(),
  };
}

function tokensOf(record: CapturedRequest, cache: TokenCache, runtime: Runtime): PartTokens {
  const groups = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const unmeasured: Record<string, Unmeasured> = {};
  const figure = (part: string, hash: string | null): number | null => {
    if (!hash) return null;
    const tokens = cache.get(hash);
    if (tokens !== undefined) return tokens;
    unmeasured[part] = cache.unmeasured(hash) ?? notYet(record, runtime);
    return null;
  };
  const servers: Record<string, number> = {};
  for (const [server, hash] of Object.entries(groups.servers)) {
    const tokens = figure(`server:${server}`, hash);
    if (tokens !== null) servers[server] = tokens;
  }
  return {
    systemPrompt: figure("systemPrompt", groups.systemPrompt),
    builtInTools: figure("builtInTools", groups.builtInTools),
    servers,
    unmeasured,
  };
}

/** The proxy measures a request's new parts right after forwarding it: a moment's wait gets their figures. */
const PROXY_MEASURING_MS = 2_000;
/** Only for a request this recent: an older one's missing figures are not on their way. */
const PROXY_RECENT_MS = 15_000;

async function proxyFigures(runtime: Runtime, record: CapturedRequest, tokens: PartTokens): Promise<PartTokens> {
  const waiting = (current: PartTokens) =>
    Object.values(current.unmeasured).some((unmeasured) => unmeasured.reason === "not-yet");
  if (record.source !== "proxy" || runtime.now().getTime() - Date.parse(record.time) > PROXY_RECENT_MS) return tokens;
  let current = tokens;
  for (const started = Date.now(); waiting(current) && Date.now() - started < PROXY_MEASURING_MS; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = tokensOf(record, new TokenCache(captureStoreDir(runtime)), runtime);
  }
  return current;
}

/**
 * Digests what Claude Code wrote since the last look and measures the new parts: on every read, and on a
 * timer in the server, so bodies do not pile up in a session whose agent never asks.
 */
export async function digestPendingCapture(runtime: Runtime, projectDir?: string): Promise<TokenCache> {
  const cache = new TokenCache(captureStoreDir(runtime));
  await measureNewest(runtime, cache, ingestPendingBodies(runtime, projectDir));
  return cache;
}

/** How long a reader waits for a live proxy to store the request of a response the transcript already holds. */
const PROXY_STORING_MS = 2_000;

/**
 * The session's newest record, waiting a moment when a live proxy in front of the session has not stored
 * the request of `awaiting` (the transcript's newest response) yet: it does so once no request is in flight.
 */
async function newestRecord(
  runtime: Runtime,
  storeDir: string,
  sessionId: string,
  awaiting: string | null,
): Promise<CapturedRequest | null> {
  let record = newestOfSession<CapturedRequest>(storeDir, sessionId);
  if (awaiting === null || record?.messageId === awaiting) return record;
  const proxy = liveProxy(storeDir);
  if (!proxy || (record?.source !== "proxy" && !sendsThrough(runtime, proxy))) return record;
  for (const started = Date.now(); record?.messageId !== awaiting && Date.now() - started < PROXY_STORING_MS; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    record = newestOfSession<CapturedRequest>(storeDir, sessionId);
  }
  return record;
}

/**
 * The session's newest captured main-chain request and its measured parts, or null when nothing was
 * captured for it. `awaiting`: the message id of the transcript's newest response, when known.
 */
export async function readSessionCapture(
  runtime: Runtime,
  sessionId: string,
  projectDir?: string,
  awaiting: string | null = null,
): Promise<SessionCapture | null> {
  const storeDir = captureStoreDir(runtime);
  const cache = await digestPendingCapture(runtime, projectDir);
  const record = await newestRecord(runtime, storeDir, sessionId, awaiting);
  if (record?.v !== 1 || !record.request) return null;
  return { record, tokens: await proxyFigures(runtime, record, tokensOf(record, cache, runtime)) };
}
