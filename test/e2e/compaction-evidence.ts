// What the compaction round-trip tests read back: the PreCompact handoffs in the project, what a request
// sent the model as one searchable text, and a bounded wait for the client to get somewhere.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { RecordedRequest } from "./fake-api/server.ts";
import { WAIT_MS } from "./interactive-client.ts";

/** Everything Claude Code sent the model in a request, as one searchable text. */
export const sent = (request: RecordedRequest) => JSON.stringify(request.body.messages ?? []);

/** `value` as it appears inside a JSON string. */
export const quoted = (value: string) => JSON.stringify(value).slice(1, -1);

/** The PreCompact hook's handoffs in the project, oldest first. */
export function preCompactHandoffs(project: string): string[] {
  const folder = join(project, ".claude", "handoffs");
  return readdirSync(folder)
    .filter((name) => /-pre-compact(-\d+)?\.md$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
