// Where capture data lives. Everything ctx-monitor writes for capture sits under its state dir inside
// Claude Code's config dir, so the server, the CLI and the proxy find the same store without flags.

import { chmodSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { ctxMonitorStateDir, STATE_DIR_SETTING } from "../claude/paths.ts";
import { makeFolder } from "../fs/make-folder.ts";

/** The capture store: digests of captured requests, one JSONL log plus the newest request per session. */
export function captureStoreDir(runtime: Runtime): string {
  return join(ctxMonitorStateDir(runtime), "capture");
}

/** Where `install --capture` points Claude Code's raw request bodies. */
export function defaultBodiesDir(runtime: Runtime): string {
  return join(captureStoreDir(runtime), "bodies");
}

/** The folder an `OTEL_LOG_RAW_API_BODIES` value names (`file:<dir>`), or null for anything else. */
export function bodiesDirOf(value: unknown): string | null {
  if (typeof value !== "string" || !value.trim().startsWith("file:")) return null;
  const dir = value.trim().slice("file:".length);
  return dir && isAbsolute(dir) ? dir : null;
}

/**
 * What `ctx-monitor install --capture` puts in settings' `env`: Claude Code then writes each request
 * body into a folder only this user can read, which ctx-monitor digests and empties. Creates it.
 */
export function captureSettingsEnv(runtime: Runtime): { OTEL_LOG_RAW_API_BODIES: string } {
  const dir = defaultBodiesDir(runtime);
  ensurePrivateDir(dir);
  return { OTEL_LOG_RAW_API_BODIES: `file:${dir}` };
}

/** Security: capture folders hold conversations; only their owner may list or read them (0700). */
export function ensurePrivateDir(dir: string): void {
  makeFolder(dir, 0o700, STATE_DIR_SETTING);
  if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}
