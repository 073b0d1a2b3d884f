// Where Claude Code is expected to auto-compact, from the window, the model and the Claude Code version,
// the environment it reads (the MCP server inherits Claude Code's environment) and its settings files.
// Claude Code's rule (read from the 2.1.197 and 2.1.332 binaries, checked against /context):
//   off when DISABLE_COMPACT, DISABLE_AUTO_COMPACT or the setting `autoCompactEnabled: false`;
//   compact window = min(model window, CLAUDE_CODE_AUTO_COMPACT_WINDOW capped at 1M and floored at
//   100k), else min(model window, the setting `autoCompactWindow` (an integer in [100k, 1M])), else the
//   model's own auto-compact window (models.ts); a model with none is not compacted ahead of time at all
//   (only when the API refuses a prompt as too long, or on /compact);
//   effective = compact window − min(max output, 20k); threshold = effective − 13k, lowered (never
//   raised) by CLAUDE_AUTOCOMPACT_PCT_OVERRIDE.
import type { CompactSettings } from "../claude/compact-settings.ts";
import { DEFAULT_MAX_OUTPUT_TOKENS, modelCompactWindow } from "./models.ts";
import { positiveInt } from "./window.ts";

const OUTPUT_RESERVE_CAP = 20_000;
const AUTOCOMPACT_MARGIN = 13_000;
/** Claude Code's bounds for an auto-compact window, from the environment or settings. */
const MIN_AUTOCOMPACT_WINDOW = 100_000;
const MAX_AUTOCOMPACT_WINDOW = 1_000_000;

/** The model a session runs and the Claude Code version running it, when known. */
export interface CompactingModel {
  modelId: string | null;
  version: string | null;
}

interface AutocompactPoint {
  /** Token count at which auto-compaction is expected, or null when Claude Code will not auto-compact. */
  at: number | null;
  /** With `at: null`: why, in words a person and the agent can act on. */
  offBecause: string | null;
}

const NO_MODEL: CompactingModel = { modelId: null, version: null };

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** The window Claude Code compacts within, named by the environment or the setting; null when neither does. */
function configuredCompactWindow(
  window: number,
  env: Readonly<Record<string, string | undefined>>,
  settings: CompactSettings,
): number | null {
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
  return null;
}

const off = (offBecause: string): AutocompactPoint => ({
  at: null,
  offBecause,
});

export function autocompactPoint(
  window: number,
  env: Readonly<Record<string, string | undefined>>,
  settings: CompactSettings = {},
  model: CompactingModel = NO_MODEL,
): AutocompactPoint {
  if (isSet(env.DISABLE_COMPACT)) return off("DISABLE_COMPACT is set");
  if (isSet(env.DISABLE_AUTO_COMPACT)) return off("DISABLE_AUTO_COMPACT is set");
  if (settings.autoCompactEnabled === false) return off("the autoCompactEnabled setting is off");
  let compactWindow = configuredCompactWindow(window, env, settings);
  if (compactWindow === null && model.modelId) {
    compactWindow = modelCompactWindow(model.modelId, model.version, window);
    const client = model.version ? `Claude Code ${model.version}` : "Claude Code";
    if (compactWindow === null)
      return off(
        `${client} has no auto-compact point for ${model.modelId}, as its /context shows: it compacts only on /compact or when the API refuses a prompt as too long; CLAUDE_CODE_AUTO_COMPACT_WINDOW or the autoCompactWindow setting turns it on`,
      );
  }
  const maxOutput = positiveInt(env.CLAUDE_CODE_MAX_OUTPUT_TOKENS) ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const effective = (compactWindow ?? window) - Math.min(maxOutput, OUTPUT_RESERVE_CAP);
  let at = effective - AUTOCOMPACT_MARGIN;
  const percent = Number.parseFloat(env.CLAUDE_AUTOCOMPACT_PCT_OVERRIDE ?? "");
  if (Number.isFinite(percent) && percent > 0 && percent <= 100) {
    at = Math.min(at, Math.floor(effective * (percent / 100)));
  }
  return { at: Math.max(0, at), offBecause: null };
}
