// Exact token counts for the baseline's parts, from the API's count_tokens endpoint (free), like
// Claude Code's /context does: each part against a one-word baseline. Asked either with the
// credentials and base URL this process was started with, or (the proxy) with those of the request
// being forwarded. Each distinct part is asked once; what came of it, a figure or why none, is kept
// in the token cache. CTX_MONITOR_COUNT_TOKENS=0 turns it off. Security: credentials go only into the
// request's headers, and no error message is built from anything but the status and the error type.
import type { Runtime } from "../base/runtime.ts";
import type { GroupContent, PartGroup } from "./part-groups.ts";
import type { TokenCache, Unmeasured, UnmeasuredReason } from "./token-cache.ts";

export interface TokenCounter {
  /** input_tokens of a count_tokens request holding this content and one short user message. */
  count(content: GroupContent | { model: string }): Promise<number>;
}

/** Where count_tokens is asked, and the headers that authenticate the asking. */
export interface CountTokensTarget {
  baseUrl: string;
  /** `x-api-key` or `authorization`, and the betas the credentials need (a subscription's OAuth beta). */
  headers: Readonly<Record<string, string>>;
}

/** count_tokens answers in well under a second; the answer being built waits no longer than this. */
const TIMEOUT_MS = 3_000;
const BASELINE_MESSAGE = { role: "user", content: "foo" };
/** No request Claude Code sends comes near this: a figure above it is not a count. */
const MAX_PLAUSIBLE_TOKENS = 10_000_000;

/** A count_tokens call that gave no figure, with the reason kept in the cache. */
export class CountTokensFailure extends Error {
  constructor(
    readonly reason: UnmeasuredReason,
    message: string,
  ) {
    super(message);
  }
}

export function countingTurnedOff(env: Runtime["env"]): boolean {
  return env.CTX_MONITOR_COUNT_TOKENS === "0";
}

/** The target from this process's own environment, or why there is none. */
export function targetFromEnv(runtime: Runtime): CountTokensTarget | Unmeasured {
  const { env } = runtime;
  const at = runtime.now().toISOString();
  if (countingTurnedOff(env))
    return { reason: "turned-off", said: "count_tokens is turned off (CTX_MONITOR_COUNT_TOKENS=0)", at };
  const apiKey = env.ANTHROPIC_API_KEY;
  const token = env.ANTHROPIC_AUTH_TOKEN;
  if (!apiKey && !token)
    return {
      reason: "no-credentials",
      said: "no ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN in ctx-monitor's environment to ask count_tokens with (ctx-monitor proxy measures with the credentials of the requests it forwards)",
      at,
    };
  const headers: Record<string, string> = apiKey ? { "x-api-key": apiKey } : { authorization: `Bearer ${token}` };
  return { baseUrl: env.ANTHROPIC_BASE_URL || "https://api.anthropic.com", headers };
}

export function isTarget(value: CountTokensTarget | Unmeasured): value is CountTokensTarget {
  return "baseUrl" in value;
}

function failureOf(error: unknown): CountTokensFailure {
  if (error instanceof CountTokensFailure) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return new CountTokensFailure("timed-out", `count_tokens did not answer within ${TIMEOUT_MS / 1000} s`);
  return new CountTokensFailure("unreachable", "count_tokens could not be reached");
}

/** Only the API's error type, and only if it looks like one: an answer can echo anything. */
function errorType(answer: unknown): string {
  const type = (answer as { error?: { type?: unknown } } | null)?.error?.type;
  return typeof type === "string" && /^[a-z_]{1,40}$/.test(type) ? ` ${type}` : "";
}

export function counterFor(target: CountTokensTarget): TokenCounter {
  const url = `${target.baseUrl.replace(/\/+$/, "")}/v1/messages/count_tokens`;
  const headers = { "content-type": "application/json", "anthropic-version": "2023-06-01", ...target.headers };
  return {
    async count(content) {
      let answer: unknown;
      let status: number;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers,
          body: JSON.stringify({
            ...content,
            messages: [...(("messages" in content && content.messages) || []), BASELINE_MESSAGE],
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = response.status;
        answer = await response.json().catch(() => null);
      } catch (error) {
        throw failureOf(error);
      }
      if (status === 401 || status === 403)
        throw new CountTokensFailure(
          "credentials-rejected",
          `count_tokens rejected the credentials (${status}${errorType(answer)})`,
        );
      if (status < 200 || status >= 300)
        throw new CountTokensFailure("refused", `count_tokens answered ${status}${errorType(answer)}`);
      const tokens = (answer as { input_tokens?: unknown } | null)?.input_tokens;
      if (typeof tokens !== "number" || !Number.isInteger(tokens) || tokens < 0 || tokens > MAX_PLAUSIBLE_TOKENS)
        throw new CountTokensFailure("nonsense", "count_tokens answered without a plausible input_tokens");
      return tokens;
    },
  };
}

/** The groups worth asking now: never measured, and no recent failure. */
export function groupsToMeasure(groups: Iterable<PartGroup>, cache: TokenCache, now: Date): PartGroup[] {
  return [...groups].filter((group) => cache.wants(group.key, now));
}

/** Records the same reason for every group (nothing asked: turned off, no credentials). */
export function markUnmeasured(groups: Iterable<PartGroup>, cache: TokenCache, unmeasured: Unmeasured): void {
  for (const group of groups) cache.fail(group.key, unmeasured);
  cache.save();
}

/**
 * Measures the groups the cache wants, all at once (a handful of small requests, one round trip in
 * all, each cut off after TIMEOUT_MS). Each distinct content is asked once, however many groups are
 * measured on it (the one-word message, the built-in tools). A group whose count failed keeps the
 * reason instead of a figure. Returns how many groups were measured.
 */
export async function measureGroups(
  groups: Iterable<PartGroup>,
  counter: TokenCounter,
  cache: TokenCache,
  now: Date,
): Promise<number> {
  const wanted = groupsToMeasure(groups, cache, now);
  if (wanted.length === 0) return 0;
  const counts = new Map<string, Promise<number>>();
  const countOnce = (content: GroupContent | { model: string }): Promise<number> => {
    const key = JSON.stringify(content);
    let count = counts.get(key);
    if (!count) {
      count = counter.count(content);
      counts.set(key, count);
    }
    return count;
  };
  const outcomes = await Promise.all(
    wanted.map(async (group) => {
      try {
        const [whole, against] = await Promise.all([
          countOnce(group.content),
          countOnce(group.against ?? { model: group.content.model }),
        ]);
        if (whole < against)
          throw new CountTokensFailure("nonsense", "count_tokens counted a part as less than nothing");
        return whole - against;
      } catch (error) {
        return failureOf(error);
      }
    }),
  );
  let measured = 0;
  wanted.forEach((group, index) => {
    const outcome = outcomes[index]!;
    if (typeof outcome === "number") {
      cache.set(group.key, outcome);
      measured++;
    } else cache.fail(group.key, { reason: outcome.reason, said: outcome.message, at: now.toISOString() });
  });
  cache.save();
  return measured;
}
