// The proxy measures what it forwards: for each new group of a Messages request's parts (system
// prompt, built-in tools, each MCP server's tools) it asks the upstream's count_tokens, once, with the
// credentials of the request it just forwarded, so a subscription user (no API key anywhere but in
// Claude Code's requests) gets exact figures too. Called from the capture side after the response
// ended, never from the forwarding path, and nothing waits for it. Security: the credentials live in
// memory for that call only; the token cache keeps figures and reasons, never a header.
import { log } from "../../base/log.ts";
import type { Runtime } from "../../base/runtime.ts";
import { counterFor, countingTurnedOff, groupsToMeasure, markUnmeasured, measureGroups } from "../count-tokens.ts";
import type { PartGroup } from "../part-groups.ts";
import { TokenCache } from "../token-cache.ts";

export class ProxyPartMeasurer {
  /** Groups being asked now: a burst of requests of one shape asks once. */
  private readonly asking = new Set<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly storeDir: string,
    private readonly upstream: URL,
    private readonly runtime: Pick<Runtime, "env" | "now">,
  ) {}

  /** Starts measuring the groups nobody measured yet; returns at once. */
  measure(groups: ReadonlyMap<string, PartGroup>, credentials: Readonly<Record<string, string>> | null): void {
    const now = this.runtime.now();
    const cache = new TokenCache(this.storeDir);
    const wanted = groupsToMeasure(groups.values(), cache, now).filter((group) => !this.asking.has(group.key));
    if (wanted.length === 0) return;
    const at = now.toISOString();
    if (countingTurnedOff(this.runtime.env)) {
      markUnmeasured(wanted, cache, {
        reason: "turned-off",
        said: "count_tokens is turned off (CTX_MONITOR_COUNT_TOKENS=0 where ctx-monitor proxy runs)",
        at,
      });
      return;
    }
    if (!credentials) {
      markUnmeasured(wanted, cache, {
        reason: "no-credentials",
        said: "the request ctx-monitor proxy forwarded carried no x-api-key or authorization header to ask count_tokens with",
        at,
      });
      return;
    }
    for (const group of wanted) this.asking.add(group.key);
    const counter = counterFor({ baseUrl: this.upstream.href, headers: credentials });
    const work = measureGroups(wanted, counter, cache, now)
      .then(() => undefined)
      .catch((error: unknown) => {
        log(`proxy: could not keep count_tokens' figures: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        for (const group of wanted) this.asking.delete(group.key);
        this.running.delete(work);
      });
    this.running.add(work);
  }

  /** Waits for the measuring under way (on shutdown, so its figures are written). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
