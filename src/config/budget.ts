// A working budget below the window: people on 1M windows see answers degrade long before the
// auto-compact point, so warnings, status, the statusline and steps-left may count against a smaller
// figure. Written as tokens ("300000") or with a unit ("300k", "1.5m"); anything else is refused with
// one sentence saying what was wrong, and the budget is left out rather than guessed.

export interface Budget {
  /** The budget in tokens, or null when none is set or the value was refused. */
  tokens: number | null;
  /** Set when a value was given but is not a token count: where it came from and what to write. */
  problem: string | null;
}

export const NO_BUDGET: Budget = { tokens: null, problem: null };

const UNITS: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000 };

/** `source` names where the value came from (`CTX_MONITOR_BUDGET`, a config file's `budget`). */
export function parseBudget(raw: unknown, source: string): Budget {
  if (raw === undefined || raw === null || raw === "") return NO_BUDGET;
  let tokens: number | null = null;
  if (typeof raw === "number") tokens = Number.isInteger(raw) && raw > 0 ? raw : null;
  else if (typeof raw === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(raw.replaceAll(/[_,]/g, ""));
    const value = match ? Number(match[1]) * UNITS[match[2]!.toLowerCase()]! : Number.NaN;
    tokens = Number.isFinite(value) && value >= 1 ? Math.round(value) : null;
  }
  if (tokens !== null) return { tokens, problem: null };
  const shown = JSON.stringify(raw).slice(0, 40);
  return {
    tokens: null,
    problem: `${source}=${shown} is not a token count (write 300000 or 300k); budget ignored`,
  };
}
