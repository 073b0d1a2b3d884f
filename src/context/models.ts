// What we know of Claude models' context windows, in one place. The transcript's model id never
// carries Claude Code's "[1m]" suffix, so this table states how Claude Code runs each model by default.

export const STANDARD_WINDOW = 200_000;
export const EXTENDED_WINDOW = 1_000_000;

interface ModelFacts {
  /** Model id prefix, as written in `message.model` (dated suffixes are matched by prefix). */
  prefix: string;
  window: number;
}

const MODELS: readonly ModelFacts[] = [
  // Claude Code 2.1.197's default model is `claude-opus-4-8[1m]` (modelUsage.contextWindow 1,000,000).
  { prefix: "claude-opus-4-8", window: EXTENDED_WINDOW },
  { prefix: "claude-sonnet-4-5", window: STANDARD_WINDOW },
  { prefix: "claude-haiku-4-5", window: STANDARD_WINDOW },
  { prefix: "claude-opus-4-1", window: STANDARD_WINDOW },
  { prefix: "claude-opus-4", window: STANDARD_WINDOW },
  { prefix: "claude-sonnet-4", window: STANDARD_WINDOW },
  { prefix: "claude-3", window: STANDARD_WINDOW },
];

/** The window Claude Code runs this model at by default, or null for a model we do not know. */
export function knownModelWindow(modelId: string): number | null {
  const id = modelId.toLowerCase();
  return MODELS.find((model) => id.startsWith(model.prefix))?.window ?? null;
}

/** Claude Code marks the 1M-token variant of a model by appending "[1m]" to its id. */
export function hasExtendedSuffix(modelId: string): boolean {
  return /\[1m\]\s*$/i.test(modelId);
}

export function withoutExtendedSuffix(modelId: string): string {
  return modelId.replace(/\[1m\]\s*$/i, "");
}

/** Largest output a model may produce per response, as Claude Code reserves it. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 32_000;
