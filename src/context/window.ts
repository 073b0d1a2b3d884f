// The calling session's context window, from the best evidence available, and where it came from.
import { EXTENDED_WINDOW, hasExtendedSuffix, knownModelWindow, STANDARD_WINDOW, withoutExtendedSuffix } from "./models.ts";

export type WindowSource =
  | "statusline"
  | "hook-model"
  | "env"
  | "capture"
  | "model-id"
  | "model-table"
  | "usage-above-200k"
  | "default";

export interface ContextWindow {
  tokens: number;
  source: WindowSource;
}

export interface WindowEvidence {
  /** Model id from the transcript's newest response (never has "[1m]"). */
  transcriptModel: string | null;
  /** What the statusline or a hook last recorded for this session. */
  state: { modelId: string | null; contextWindowSize: number | null; writtenBy: string } | null;
  env: Readonly<Record<string, string | undefined>>;
  usedTokens: number;
  /** The session's newest captured request sent for a 1M window (a "[1m]" model id or the context-1m beta). */
  captureExtended?: { model: string | null } | null;
}

export function resolveContextWindow(evidence: WindowEvidence): ContextWindow {
  const { state, env, transcriptModel, usedTokens } = evidence;
  if (state?.contextWindowSize) return { tokens: state.contextWindowSize, source: "statusline" };
  if (state?.modelId && sameModel(state.modelId, transcriptModel) && hasExtendedSuffix(state.modelId)) {
    return { tokens: EXTENDED_WINDOW, source: "hook-model" };
  }
  const override = positiveInt(env.CTX_MONITOR_CONTEXT_WINDOW);
  if (override) return { tokens: override, source: "env" };
  const captured = evidence.captureExtended;
  if (captured && (!captured.model || sameModel(captured.model, transcriptModel))) return { tokens: EXTENDED_WINDOW, source: "capture" };
  for (const id of [env.ANTHROPIC_MODEL, transcriptModel]) {
    if (id && hasExtendedSuffix(id) && sameModel(id, transcriptModel)) return { tokens: EXTENDED_WINDOW, source: "model-id" };
  }
  const known = transcriptModel ? knownModelWindow(transcriptModel) : null;
  if (usedTokens > STANDARD_WINDOW && (known ?? STANDARD_WINDOW) < EXTENDED_WINDOW) {
    return { tokens: EXTENDED_WINDOW, source: "usage-above-200k" };
  }
  if (known) return { tokens: known, source: "model-table" };
  return { tokens: STANDARD_WINDOW, source: "default" };
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
