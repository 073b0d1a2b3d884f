// Deterministic usage for a request: the true context size is known from the body alone, so a test
// can compare what ctx-monitor reports with the exact total of any request.
export interface ApiUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
}

/** Subagent requests are made much larger, so mixing them into the main figures cannot go unnoticed. */
export const SUBAGENT_EXTRA_TOKENS = 150_000;

/**
 * What the real API adds for a tool-use system prompt whenever a request has tools: a fixed few hundred
 * tokens, once per request (count_tokens included), whatever the number of tools.
 */
const TOOLS_PREAMBLE_TOKENS = 346;

export function contextTokensOf(body: { system?: unknown; tools?: unknown; messages?: unknown }): number {
  const preamble = Array.isArray(body.tools) && body.tools.length > 0 ? TOOLS_PREAMBLE_TOKENS : 0;
  return (
    Math.ceil(JSON.stringify([body.system ?? null, body.tools ?? null, body.messages ?? null]).length / 4) + preamble
  );
}

export function usageFor(total: number, outputTokens: number): ApiUsage {
  // All three input parts non-zero, as on a real cached conversation.
  const input = Math.min(total, 3 + (total % 7));
  const cacheRead = Math.floor((total - input) * 0.75);
  return {
    input_tokens: input,
    cache_creation_input_tokens: total - input - cacheRead,
    cache_read_input_tokens: cacheRead,
    output_tokens: outputTokens,
  };
}

export function outputTokensOf(blocks: readonly unknown[]): number {
  return Math.max(1, Math.ceil(JSON.stringify(blocks).length / 4));
}
