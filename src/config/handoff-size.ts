// The size a handoff may be asked to take, as a setting: the bounds and the check of a value given by a
// tool argument, a flag, the environment or the config file (handoff/size-budget.ts decides the default
// and shares the budget out).
import { exactNumber } from "../base/format.ts";
import { UserError } from "../base/user-error.ts";

/** Below this a handoff cannot hold its header, the first and newest prompts and a line per section. */
export const MIN_HANDOFF_CHARS = 4_000;
/** The most anyone can ask for: a handoff larger than this cannot be read back by any window. */
export const MAX_HANDOFF_CHARS = 2_000_000;

export class HandoffSizeError extends UserError {}

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
