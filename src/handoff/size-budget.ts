// How large a handoff may be: it is read back into a context window, so by default it takes about 5%
// of that window (40,000 characters at 200k tokens, 200,000 at 1M), or what the caller or the settings
// ask for. The renderer shares what is left after the agent's notes between the prompts, the newest
// work and the files, in that order of weight.
import { MIN_HANDOFF_CHARS } from "../config/handoff-size.ts";

/** Characters per token of window: 5% of the window at about 4 characters a token. */
const CHARS_PER_WINDOW_TOKEN = 0.2;

export function defaultHandoffChars(contextWindow: number): number {
  return Math.max(MIN_HANDOFF_CHARS, Math.round(contextWindow * CHARS_PER_WINDOW_TOKEN));
}

/**
 * Shares `budget` between parts by weight: a part that needs less than its share keeps what it needs,
 * and what it leaves goes to the others, again by weight.
 */
export function shareByWeight(budget: number, parts: ReadonlyArray<{ need: number; weight: number }>): number[] {
  const given = parts.map(() => 0);
  let left = Math.max(0, budget);
  let open = parts.map((_, index) => index).filter((index) => parts[index]!.need > 0);
  while (open.length && left > 0) {
    const weights = open.reduce((sum, index) => sum + parts[index]!.weight, 0);
    const satisfied = open.filter(
      (index) => parts[index]!.need - given[index]! <= (left * parts[index]!.weight) / weights,
    );
    if (!satisfied.length) {
      for (const index of open) given[index]! += Math.floor((left * parts[index]!.weight) / weights);
      break;
    }
    for (const index of satisfied) {
      left -= parts[index]!.need - given[index]!;
      given[index] = parts[index]!.need;
    }
    open = open.filter((index) => !satisfied.includes(index));
  }
  return given;
}
