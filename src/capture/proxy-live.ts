// Whether a running ctx-monitor proxy stands in front of a session. The proxy stores a request's record
// a moment after its response ended (capture work waits for a quiet moment), while the agent that got
// the response may ask for its breakdown at once: a reader that knows the proxy is there waits that
// moment instead of answering without the capture. The proxy leaves a small file in its store while it
// runs (its pid and URL); a session goes through it when the Claude Code process's ANTHROPIC_BASE_URL
// names that URL, or when the session's records already came through it.
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { canReadProcesses, findClaudeProcess, processEnvValue } from "../claude/claude-process.ts";
import { replaceFile } from "../fs/atomic-write.ts";
import { readRegularText } from "../fs/open-regular.ts";

const LIVE_FILE = "proxy.live.json";

interface LiveProxy {
  pid: number;
  url: string;
}

/** Writes the marker for a proxy that has started; the function returned removes it. */
export function markProxyLive(storeDir: string, url: string): () => void {
  const path = join(storeDir, LIVE_FILE);
  replaceFile(path, `${JSON.stringify({ pid: process.pid, url } satisfies LiveProxy)}\n`, 0o600);
  return () => {
    try {
      const marker = JSON.parse(readRegularText(path)) as Partial<LiveProxy>;
      if (marker.pid === process.pid) rmSync(path, { force: true });
    } catch {
      // Gone already, or another proxy's since: nothing of ours to remove.
    }
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running proxy whose marker is in `storeDir`, or null (none, or its process has ended). */
export function liveProxy(storeDir: string): LiveProxy | null {
  try {
    const marker = JSON.parse(readRegularText(join(storeDir, LIVE_FILE))) as Partial<LiveProxy>;
    if (typeof marker.pid !== "number" || !Number.isSafeInteger(marker.pid) || marker.pid <= 0) return null;
    if (typeof marker.url !== "string") return null;
    return isRunning(marker.pid) ? { pid: marker.pid, url: marker.url } : null;
  } catch {
    return null;
  }
}

function sameOrigin(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Whether Claude Code (or this process, started by it) sends its requests to `proxy`. */
export function sendsThrough(runtime: Runtime, proxy: LiveProxy): boolean {
  if (sameOrigin(runtime.env.ANTHROPIC_BASE_URL, proxy.url)) return true;
  if (!canReadProcesses()) return false;
  const claude = findClaudeProcess(runtime);
  return claude !== null && sameOrigin(processEnvValue(claude.pid, "ANTHROPIC_BASE_URL"), proxy.url);
}
