// The capture data of one session, as usage and breakdown read it: first the request bodies Claude
// Code left in its OTEL folder since the last look are digested into the store (and removed unless
// CTX_MONITOR_KEEP_BODIES=1), then the session's newest main-chain request is read back.
import { log } from "../log.ts";
import type { Runtime } from "../runtime.ts";
import { ingestBodies } from "./otel-bodies.ts";
import { bodiesDirs } from "./bodies-dirs.ts";
import { captureStoreDir } from "./paths.ts";
import type { CapturedRequest } from "./record.ts";
import { newestOfSession } from "./store.ts";

export function keepBodies(runtime: Runtime): boolean {
  return runtime.env.CTX_MONITOR_KEEP_BODIES === "1";
}

/** Digests what Claude Code wrote since the last look; capture is optional, so failures only log. */
export function ingestPendingBodies(runtime: Runtime, projectDir?: string): void {
  for (const bodiesDir of bodiesDirs(runtime, projectDir)) {
    try {
      ingestBodies(bodiesDir, captureStoreDir(runtime), { keepBodies: keepBodies(runtime), now: runtime.now() });
    } catch (error) {
      log(`could not digest request bodies in ${bodiesDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The session's newest captured main-chain request, or null when nothing was captured for it. */
export function readSessionCapture(runtime: Runtime, sessionId: string, projectDir?: string): CapturedRequest | null {
  ingestPendingBodies(runtime, projectDir);
  const record = newestOfSession<CapturedRequest>(captureStoreDir(runtime), sessionId);
  return record?.v === 1 && record.request ? record : null;
}
