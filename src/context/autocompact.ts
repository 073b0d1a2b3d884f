// Where Claude Code is expected to auto-compact, from the window and the environment it reads
// (the MCP server inherits Claude Code's environment, so these are the values it runs with).
// Claude Code's rule: window = min(model window, CLAUDE_CODE_AUTO_COMPACT_WINDOW);
// effective = window − min(max output, 20k); threshold = effective − 13k, lowered (never raised)
// by CLAUDE_AUTOCOMPACT_PCT_OVERRIDE. It compacts reactively in some setups, hence "expected".
import { DEFAULT_MAX_OUTPUT_TOKENS } from "./models.ts";
import { positiveInt } from "./window.ts";

export const OUTPUT_RESERVE_CAP = 20_000;
export const AUTOCOMPACT_MARGIN = 13_000;

export interface AutocompactPoint {
  /** Token count at which auto-compaction is expected, or null when it is disabled. */
  at: number | null;
  disabledBy: "DISABLE_AUTO_COMPACT" | "DISABLE_COMPACT" | null;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

export function autocompactPoint(window: number, env: Readonly<Record<string, string | undefined>>): AutocompactPoint {
  if (isSet(env.DISABLE_COMPACT)) return { at: null, disabledBy: "DISABLE_COMPACT" };
  if (isSet(env.DISABLE_AUTO_COMPACT)) return { at: null, disabledBy: "DISABLE_AUTO_COMPACT" };
  const windowOverride = positiveInt(env.CLAUDE_CODE_AUTO_COMPACT_WINDOW);
  const compactWindow = windowOverride ? Math.min(window, windowOverride) : window;
  const maxOutput = positiveInt(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS) ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const effective = compactWindow - Math.min(maxOutput, OUTPUT_RESERVE_CAP);
  let at = effective - AUTOCOMPACT_MARGIN;
  const percent = Number.parseFloat(env.CLAUDE_AUTOCOMPACT_PCT_OVERRIDE ?? "");
  if (Number.isFinite(percent) && percent > 0 && percent <= 100) {
    at = Math.min(at, Math.floor(effective * (percent / 100)));
  }
  return { at: Math.max(0, at), disabledBy: null };
}
