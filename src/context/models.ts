// What we know of the context window Claude Code runs each model at, in one place. It depends on the
// Claude Code version: seen with the real binaries (`--output-format json` modelUsage.contextWindow),
// 2.1.197 runs every bare model id at 200,000 and only `<id>[1m]` (its default, claude-opus-4-8[1m])
// at 1,000,000; 2.1.332 runs Opus 4.7 and later, every 5.x model and ids it does not know at
// 1,000,000 natively (no [1m], no beta), and Opus 4.6, Sonnet 4.6, Sonnet 4.5, Haiku 4.5 at 200,000.
// The transcript's model id never carries "[1m]", so for 2.1.197 the table alone cannot tell.

export const STANDARD_WINDOW = 200_000;
export const EXTENDED_WINDOW = 1_000_000;

/** The first version seen running models at 1M natively; versions before it are read as 2.1.197. */
const NATIVE_1M_SINCE = [2, 1, 332] as const;

/** Models run at 1M natively from NATIVE_1M_SINCE on (prefix of the id as the transcript writes it). */
const NATIVE_1M = [/^claude-opus-4-[7-9]/, /^claude-opus-[5-9]/, /^claude-sonnet-[5-9]/, /^claude-haiku-[5-9]/];
/** Models run at 200k unless named with [1m] (any version). */
const STANDARD = [/^claude-opus-4/, /^claude-sonnet-4/, /^claude-haiku-4/, /^claude-3/];

/** Claude Code 2.1.197's default model, run as `claude-opus-4-8[1m]` unless named or resumed without it. */
const OLD_DEFAULT = /^claude-opus-4-8/;

interface ModelWindow {
  tokens: number;
  /** Why the figure is assumed rather than known; null when the table knows this model on this version. */
  assumedBecause: string | null;
}

function parseVersion(version: string | null): number[] | null {
  const match = version ? /^(\d+)\.(\d+)\.(\d+)/.exec(version) : null;
  return match ? match.slice(1, 4).map(Number) : null;
}

/** True for Claude Code versions that run 1M models natively; an unknown version is taken as current. */
export function runsNative1m(version: string | null): boolean {
  const parts = parseVersion(version);
  if (!parts) return true;
  for (let i = 0; i < NATIVE_1M_SINCE.length; i++)
    if (parts[i] !== NATIVE_1M_SINCE[i]) return parts[i]! > NATIVE_1M_SINCE[i]!;
  return true;
}

function matches(patterns: readonly RegExp[], id: string): boolean {
  return patterns.some((pattern) => pattern.test(id));
}

/**
 * The window Claude Code `version` runs this model id at. `bareIdIsExact`: the id is as Claude Code
 * itself named it (statusline, SessionStart hook), so a missing "[1m]" means no 1M suffix.
 */
export function modelWindow(modelId: string, version: string | null, bareIdIsExact = false): ModelWindow {
  if (hasExtendedSuffix(modelId)) return { tokens: EXTENDED_WINDOW, assumedBecause: null };
  // Cloud providers prefix the id (`us.anthropic.claude-…`); the family starts at "claude-".
  const lower = modelId.toLowerCase();
  const id = lower.includes("claude-") ? lower.slice(lower.indexOf("claude-")) : lower;
  if (runsNative1m(version)) {
    if (matches(NATIVE_1M, id)) return { tokens: EXTENDED_WINDOW, assumedBecause: null };
    if (matches(STANDARD, id)) return { tokens: STANDARD_WINDOW, assumedBecause: null };
    return {
      tokens: EXTENDED_WINDOW,
      assumedBecause: `${modelId} is not in ctx-monitor's model table; Claude Code ${version ?? "2.1.332"} runs models it does not know at 1,000,000`,
    };
  }
  if (bareIdIsExact || (matches([...STANDARD, ...NATIVE_1M], id) && !OLD_DEFAULT.test(id)))
    return { tokens: STANDARD_WINDOW, assumedBecause: null };
  if (OLD_DEFAULT.test(id)) {
    return {
      tokens: EXTENDED_WINDOW,
      assumedBecause: `Claude Code ${version} runs ${modelId} at 1,000,000 as its default (${modelId}[1m]) but at 200,000 when named without [1m] or resumed in -p mode`,
    };
  }
  return {
    tokens: STANDARD_WINDOW,
    assumedBecause: `${modelId} is not in ctx-monitor's model table; Claude Code ${version} runs bare model ids at 200,000`,
  };
}

/**
 * The window of a `-p` session resumed without `--model`: Claude Code 2.1.197 runs its default model
 * then as the bare id at 200,000 (seen); null where that rule does not apply (later versions, other models).
 */
export function resumedPrintWindow(transcriptModel: string, version: string | null): number | null {
  return !runsNative1m(version) && OLD_DEFAULT.test(transcriptModel.toLowerCase()) ? STANDARD_WINDOW : null;
}

/** Claude Code marks the 1M-token variant of a model by appending "[1m]" to its id. */
export function hasExtendedSuffix(modelId: string): boolean {
  return /\[1m\]\s*$/i.test(modelId);
}

export function withoutExtendedSuffix(modelId: string): string {
  return modelId.replace(/\[1m\]\s*$/i, "");
}

/** The id as the family starts ("claude-…"), lower case: cloud providers prefix it (`us.anthropic.claude-…`). */
function familyId(modelId: string): string {
  const lower = withoutExtendedSuffix(modelId).toLowerCase();
  return lower.includes("claude-") ? lower.slice(lower.indexOf("claude-")) : lower;
}

/** 2.1.197 gives these an auto-compact window of 200,000 when run below 1M (its `Opp` set); 2.1.332 too. */
const COMPACT_AT_200K = /^claude-(opus|sonnet)-4-6(?!\d)/;
/** 2.1.197's own per-model default (`claude-sonnet-5`: 967,000), applied up to the model's window. */
const OLD_COMPACT_DEFAULTS: readonly [RegExp, number][] = [[/^claude-sonnet-5(?![-\d])/, 967_000]];

/**
 * The window Claude Code auto-compacts within for this model when neither CLAUDE_CODE_AUTO_COMPACT_WINDOW
 * nor the `autoCompactWindow` setting names one, or null when it has none for the model: then it does not
 * compact ahead of time at all (`/context` shows no "Autocompact buffer" row) and compacts only when the
 * API refuses a prompt as too long, or on /compact. Read from both binaries (resolveAutoCompactWindow's
 * "auto" source turns threshold compaction off) and checked against /context for every model they offer.
 */
export function modelCompactWindow(modelId: string, version: string | null, window: number): number | null {
  const id = familyId(modelId);
  const at200k = COMPACT_AT_200K.test(id) && window < EXTENDED_WINDOW ? Math.min(window, STANDARD_WINDOW) : null;
  if (!runsNative1m(version)) {
    if (at200k !== null) return at200k;
    const fixed = OLD_COMPACT_DEFAULTS.find(([pattern]) => pattern.test(id));
    return fixed ? Math.min(window, fixed[1]) : null;
  }
  if (at200k !== null) return at200k;
  // 2.1.332: the models it runs at 200k by nature (the 4.x line before Opus 4.7) have no window of their
  // own, at 200k or as "[1m]"; the others (native 1M, and ids it does not know) compact within theirs.
  if (matches(STANDARD, id) && !matches(NATIVE_1M, id)) return null;
  return window;
}

/** Largest output a model may produce per response, as Claude Code reserves it. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 32_000;
