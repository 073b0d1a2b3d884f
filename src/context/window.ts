// The calling session's context window, from the best evidence available, and where it came from.
// Best first: what Claude Code itself said (statusline window size, the model id a hook saw), the
// user's override, the request record Claude Code wrote (model and betas), "[1m]" in the model it was
// started with, a usage no 200k window could hold, and last the model table for that Claude Code
// version. When nothing knows the model, the answer says the window is assumed, and why.
import { EXTENDED_WINDOW, hasExtendedSuffix, modelWindow, STANDARD_WINDOW, withoutExtendedSuffix } from "./models.ts";

export const WINDOW_SOURCES = [
  "statusline",
  "hook-model",
  "env",
  "api-request",
  "capture",
  "model-id",
  "usage-above-200k",
  "model-table",
  "assumed",
] as const;

export type WindowSource = (typeof WINDOW_SOURCES)[number];

interface ContextWindow {
  tokens: number;
  source: WindowSource;
  /** Set when the window is assumed: why, in words the model and the user can act on. */
  assumedBecause: string | null;
}

export interface WindowEvidence {
  /** Model id from the transcript's newest response (never has "[1m]"). */
  transcriptModel: string | null;
  /** The Claude Code version that wrote the newest response (the transcript's `version`). */
  claudeCodeVersion?: string | null;
  /** The `api-request` record Claude Code (2.1.332 and later) wrote for the newest response. */
  request?: {
    model: string | null;
    betas: readonly string[] /** Set when a captured request stands in for the record. */;
    source?: "capture";
  } | null;
  /** What the statusline or a hook last recorded for this session. */
  state: { modelId: string | null; contextWindowSize: number | null; writtenBy: string } | null;
  env: Readonly<Record<string, string | undefined>>;
  usedTokens: number;
}

/** The beta header Claude Code sends for a model run at 1M as `<id>[1m]`. */
const CONTEXT_1M_BETA = /^context-1m-/;

const known = (tokens: number, source: WindowSource): ContextWindow => ({ tokens, source, assumedBecause: null });

export function resolveContextWindow(evidence: WindowEvidence): ContextWindow {
  const { state, env, transcriptModel, usedTokens } = evidence;
  const version = evidence.claudeCodeVersion ?? null;
  if (state?.contextWindowSize) return known(state.contextWindowSize, "statusline");
  if (state?.modelId && sameModel(state.modelId, transcriptModel)) {
    const window = modelWindow(state.modelId, version, true);
    if (!window.assumedBecause) return known(window.tokens, "hook-model");
  }
  const override = positiveInt(env.CTX_MONITOR_CONTEXT_WINDOW);
  if (override) return known(override, "env");
  const request = evidence.request;
  if (request?.model && sameModel(request.model, transcriptModel)) {
    const source = request.source ?? "api-request";
    if (request.betas.some((beta) => CONTEXT_1M_BETA.test(beta))) return known(EXTENDED_WINDOW, source);
    const window = modelWindow(request.model, version);
    if (!window.assumedBecause) return known(window.tokens, source);
  }
  for (const id of [env.ANTHROPIC_MODEL, transcriptModel]) {
    if (id && hasExtendedSuffix(id) && sameModel(id, transcriptModel)) return known(EXTENDED_WINDOW, "model-id");
  }
  const table = transcriptModel ? modelWindow(transcriptModel, version) : null;
  if (usedTokens > STANDARD_WINDOW && (table?.tokens ?? STANDARD_WINDOW) < EXTENDED_WINDOW)
    return known(EXTENDED_WINDOW, "usage-above-200k");
  if (table && !table.assumedBecause) return known(table.tokens, "model-table");
  if (table) return { tokens: table.tokens, source: "assumed", assumedBecause: table.assumedBecause };
  return { tokens: STANDARD_WINDOW, source: "assumed", assumedBecause: "no model response recorded yet" };
}

/** True when two ids name the same model, ignoring "[1m]"; an unknown transcript model matches. */
function sameModel(id: string, transcriptModel: string | null): boolean {
  if (!transcriptModel) return true;
  const a = withoutExtendedSuffix(id).toLowerCase();
  const b = withoutExtendedSuffix(transcriptModel).toLowerCase();
  return a === b || b.startsWith(a) || a.startsWith(b);
}

export function positiveInt(value: string | undefined): number | null {
  if (!value || !/^\s*\d+\s*$/.test(value)) return null;
  const parsed = Number.parseInt(value, 10);
  return parsed > 0 ? parsed : null;
}
