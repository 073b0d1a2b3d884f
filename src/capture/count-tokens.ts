// Exact token counts for the baseline's parts, from the API's count_tokens endpoint (free), asked with
// the credentials and base URL this process was started with, like Claude Code's /context does: each
// part against a one-word baseline. Each distinct part is asked once: answers are cached by hash.
// CTX_MONITOR_COUNT_TOKENS=0 turns it off. Security: the key goes only into the request's header.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { replaceFile } from "../fs/atomic-write.ts";
import type { Runtime } from "../runtime.ts";
import type { GroupContent, PartGroup } from "./part-groups.ts";
import { ensurePrivateDir } from "./paths.ts";

interface TokenCounter {
  /** input_tokens of a count_tokens request holding this content and one short user message. */
  count(content: GroupContent | { model: string }): Promise<number>;
}

/** count_tokens answers in well under a second; the answer being built waits no longer than this. */
const TIMEOUT_MS = 3_000;
const BASELINE_MESSAGE = [{ role: "user", content: "foo" }];

export function counterFromEnv(runtime: Runtime): TokenCounter | null {
  const { env } = runtime;
  if (env.CTX_MONITOR_COUNT_TOKENS === "0") return null;
  const apiKey = env.ANTHROPIC_API_KEY;
  const token = env.ANTHROPIC_AUTH_TOKEN;
  if (!apiKey && !token) return null;
  const base = (env.ANTHROPIC_BASE_URL || "https://api.anthropic.com").replace(/\/+$/, "");
  const headers: Record<string, string> = { "content-type": "application/json", "anthropic-version": "2023-06-01" };
  if (apiKey) headers["x-api-key"] = apiKey;
  else headers.authorization = `Bearer ${token}`;
  return {
    async count(content) {
      const response = await fetch(`${base}/v1/messages/count_tokens`, {
        method: "POST",
        headers,
        body: JSON.stringify({ ...content, messages: BASELINE_MESSAGE }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = (await response.json()) as { input_tokens?: unknown; error?: { message?: string } };
      if (!response.ok || typeof answer.input_tokens !== "number")
        throw new Error(`count_tokens answered ${response.status}: ${answer.error?.message ?? "no input_tokens"}`);
      return answer.input_tokens;
    },
  };
}

/** Measured tokens by group hash, in the store (0600); the newest few hundred kept. */
export class TokenCache {
  private entries: Record<string, number>;
  private readonly path: string;

  constructor(private readonly storeDir: string) {
    this.path = join(storeDir, "part-tokens.json");
    try {
      this.entries = JSON.parse(readFileSync(this.path, "utf8")) as Record<string, number>;
    } catch {
      this.entries = {};
    }
  }

  get(hash: string): number | undefined {
    const value = this.entries[hash];
    return typeof value === "number" ? value : undefined;
  }

  set(hash: string, tokens: number): void {
    delete this.entries[hash];
    this.entries[hash] = tokens;
    const keys = Object.keys(this.entries);
    for (const old of keys.slice(0, Math.max(0, keys.length - 500))) delete this.entries[old];
  }

  save(): void {
    ensurePrivateDir(this.storeDir);
    replaceFile(this.path, JSON.stringify(this.entries), 0o600);
  }
}

/**
 * Measures the groups the cache does not know yet, all at once (a handful of small requests, one round
 * trip in all, each cut off after TIMEOUT_MS); a failure leaves them estimated. Each distinct content is
 * asked once, however many groups are measured on it (the one-word message, the built-in tools).
 */
export async function measureGroups(
  groups: Iterable<PartGroup>,
  counter: TokenCounter,
  cache: TokenCache,
): Promise<number> {
  const unknown = [...groups].filter((group) => cache.get(group.key) === undefined);
  if (unknown.length === 0) return 0;
  const counts = new Map<string, Promise<number>>();
  const countOnce = (content: GroupContent): Promise<number> => {
    const key = JSON.stringify(content);
    let count = counts.get(key);
    if (!count) {
      count = counter.count(content);
      // Awaited below unless an earlier one failed first: never left as an unhandled rejection.
      count.catch(() => undefined);
      counts.set(key, count);
    }
    return count;
  };
  const measured = await Promise.all(
    unknown.map(async (group) => {
      const [whole, against] = await Promise.all([
        countOnce(group.content),
        countOnce(group.against ?? { model: group.content.model }),
      ]);
      return Math.max(0, whole - against);
    }),
  );
  unknown.forEach((group, index) => {
    cache.set(group.key, measured[index]!);
  });
  cache.save();
  return unknown.length;
}
