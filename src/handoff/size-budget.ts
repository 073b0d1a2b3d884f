// How large a handoff may be: it is read back into a context window, so by default it takes about 5%
// of that window (40,000 characters at 200k tokens, 200,000 at 1M), or what the caller or the settings
// ask for. The renderer shares what is left after the agent's notes between the prompts, the newest
// work and the files, in that order of weight.
import { exactNumber } from "../base/format.ts";
import { UserError } from "../base/user-error.ts";

/** Characters per token of window: 5% of the window at about 4 characters a token. */
const CHARS_PER_WINDOW_TOKEN = 0.2;
/** Below this a handoff cannot hold its header, the first and newest prompts and a line per section. */
export const MIN_HANDOFF_CHARS = 4_000;
/** The most anyone can ask for: a handoff larger than this cannot be read back by any window. */
export const MAX_HANDOFF_CHARS = 2_000_000;

export class HandoffSizeError extends UserError {}

export function defaultHandoffChars(contextWindow: number): number {
  return Math.max(MIN_HANDOFF_CHARS, Math.round(contextWindow * CHARS_PER_WINDOW_TOKEN));
}

/**
 * A size asked for (a tool argument, a flag, the environment or the config file), checked: a whole
 * number of characters between MIN_HANDOFF_CHARS and MAX_HANDOFF_CHARS. `where` names the source.
 */
export function parseHandoffChars(raw: unknown, where: string): number {
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim().replace(/_/g, "")) : raw;
  if (typeof value === "number" && Number.isInteger(value) && value >= MIN_HANDOFF_CHARS && value <= MAX_HANDOFF_CHARS)
    return value;
  throw new HandoffSizeError(
    `${where} ${JSON.stringify(raw)} is not a handoff size: give a whole number of characters from ${exactNumber(MIN_HANDOFF_CHARS)} to ${exactNumber(MAX_HANDOFF_CHARS)} (e.g. 40000)`,
  );
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
