// Where Claude Code is expected to auto-compact, from the window, the environment it reads (the MCP
// server inherits Claude Code's environment) and its settings files. Claude Code's rule (2.1.197):
//   off when DISABLE_COMPACT, DISABLE_AUTO_COMPACT or the setting `autoCompactEnabled: false`;
//   compact window = min(model window, CLAUDE_CODE_AUTO_COMPACT_WINDOW capped at 1M and floored at
//   100k), else min(model window, the setting `autoCompactWindow` (an integer in [100k, 1M]));
//   effective = compact window − min(max output, 20k); threshold = effective − 13k, lowered (never
//   raised) by CLAUDE_AUTOCOMPACT_PCT_OVERRIDE. It compacts reactively in some setups, hence "expected".
import { DEFAULT_MAX_OUTPUT_TOKENS } from "./models.ts";
import { positiveInt } from "./window.ts";

const OUTPUT_RESERVE_CAP = 20_000;
const AUTOCOMPACT_MARGIN = 13_000;
/** Claude Code's bounds for an auto-compact window, from the environment or settings. */
const MIN_AUTOCOMPACT_WINDOW = 100_000;
const MAX_AUTOCOMPACT_WINDOW = 1_000_000;

/** The two settings of Claude Code's settings files that move auto-compaction, as merged by it. */
export interface CompactSettings {
  autoCompactEnabled?: boolean | undefined;
  autoCompactWindow?: number | undefined;
}

type AutocompactSwitch = "DISABLE_AUTO_COMPACT" | "DISABLE_COMPACT" | "autoCompactEnabled setting";

interface AutocompactPoint {
  /** Token count at which auto-compaction is expected, or null when it is disabled. */
  at: number | null;
  disabledBy: AutocompactSwitch | null;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** The window Claude Code compacts within: the environment first, then the setting, else the model's. */
function compactWindow(
  window: number,
  env: Readonly<Record<string, string | undefined>>,
  settings: CompactSettings,
): number {
  const raw = env.CLAUDE_CODE_AUTO_COMPACT_WINDOW;
  const parsed = raw ? Number.parseInt(raw, 10) : Number.NaN;
  if (Number.isFinite(parsed) && parsed > 0) {
    return Math.min(window, Math.max(MIN_AUTOCOMPACT_WINDOW, Math.min(parsed, MAX_AUTOCOMPACT_WINDOW)));
  }
  const setting = settings.autoCompactWindow;
  if (
    setting !== undefined &&
    Number.isInteger(setting) &&
    setting >= MIN_AUTOCOMPACT_WINDOW &&
    setting <= MAX_AUTOCOMPACT_WINDOW
  ) {
    return Math.min(window, setting);
  }
  return window;
}

export function autocompactPoint(
  window: number,
  env: Readonly<Record<string, string | undefined>>,
  settings: CompactSettings = {},
): AutocompactPoint {
  if (isSet(env.DISABLE_COMPACT)) return { at: null, disabledBy: "DISABLE_COMPACT" };
  if (isSet(env.DISABLE_AUTO_COMPACT)) return { at: null, disabledBy: "DISABLE_AUTO_COMPACT" };
  if (settings.autoCompactEnabled === false) return { at: null, disabledBy: "autoCompactEnabled setting" };
  const maxOutput = positiveInt(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS) ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const effective = compactWindow(window, env, settings) - Math.min(maxOutput, OUTPUT_RESERVE_CAP);
  let at = effective - AUTOCOMPACT_MARGIN;
  const percent = Number.parseFloat(env.CLAUDE_AUTOCOMPACT_PCT_OVERRIDE ?? "");
  if (Number.isFinite(percent) && percent > 0 && percent <= 100) {
    at = Math.min(at, Math.floor(effective * (percent / 100)));
  }
  return { at: Math.max(0, at), disabledBy: null };
}
