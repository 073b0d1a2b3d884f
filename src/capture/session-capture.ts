// The capture data of one session, as usage and breakdown read it: first the request bodies Claude
// Code left since the last look are digested into the store (and removed unless
// CTX_MONITOR_KEEP_BODIES=1), the newest request's parts measured with count_tokens while their texts
// are at hand, then the session's newest main-chain request is read back with what is known of it.
import { log } from "../log.ts";
import type { Runtime } from "../runtime.ts";
import { bodiesDirs } from "./bodies-dirs.ts";
import { counterFromEnv, measureGroups, TokenCache } from "./count-tokens.ts";
import { ingestBodies } from "./otel-bodies.ts";
import type { partGroups } from "./part-groups.ts";
import { captureStoreDir } from "./paths.ts";
import type { CapturedRequest } from "./record.ts";
import { newestOfSession } from "./store.ts";

function keepBodies(runtime: Runtime): boolean {
  return runtime.env.CTX_MONITOR_KEEP_BODIES === "1";
}

/** Measured tokens of the request's parts; null where count_tokens was not asked or failed. */
export interface PartTokens {
  systemPrompt: number | null;
  builtInTools: number | null;
  servers: Record<string, number>;
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
  const counter = counterFromEnv(runtime);
  if (!counter || newest.size === 0) return;
  try {
    await measureGroups(
      [...newest.values()].flatMap((groups) => [...groups.values()]),
      counter,
      cache,
    );
  } catch (error) {
    log(
      `count_tokens failed, the baseline's parts stay estimated: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function tokensOf(record: CapturedRequest, cache: TokenCache): PartTokens {
  const groups = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const known = (hash: string | null) => (hash ? (cache.get(hash) ?? null) : null);
  const servers: Record<string, number> = {};
  for (const [server, hash] of Object.entries(groups.servers)) {
    const tokens = cache.get(hash);
    if (tokens !== undefined) servers[server] = tokens;
  }
  return { systemPrompt: known(groups.systemPrompt), builtInTools: known(groups.builtInTools), servers };
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

/** The session's newest captured main-chain request and its measured parts, or null when nothing was captured for it. */
export async function readSessionCapture(
  runtime: Runtime,
  sessionId: string,
  projectDir?: string,
): Promise<SessionCapture | null> {
  const storeDir = captureStoreDir(runtime);
  const cache = await digestPendingCapture(runtime, projectDir);
  const record = newestOfSession<CapturedRequest>(storeDir, sessionId);
  if (record?.v !== 1 || !record.request) return null;
  return { record, tokens: tokensOf(record, cache) };
}
