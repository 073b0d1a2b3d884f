// What a captured request adds to the usage answer: the window it was sent for (its model id and betas,
// read like the api-request record 2.1.332 writes), and, when its response passed the proxy, an exact total that may be newer than
// the transcript's (the response that is calling a tool right now is not in the transcript yet).
import type { CapturedRequest } from "./record.ts";

export interface CaptureEvidence {
  source: CapturedRequest["source"];
  /** When the request was sent. */
  time: string;
  model: string | null;
  betas: string[];
  messageId: string | null;
  /** input + cache creation + cache read of its response, when seen. */
  usedTokens: number | null;
  outputTokens: number | null;
}

export function captureEvidence(record: CapturedRequest): CaptureEvidence {
  const usage = record.usage;
  const usedTokens =
    usage && typeof usage.input_tokens === "number"
      ? usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0)
      : null;
  return {
    source: record.source,
    time: record.time,
    model: record.model,
    betas: record.betas,
    messageId: record.messageId,
    usedTokens,
    outputTokens: usage?.output_tokens ?? null,
  };
}

/**
 * Whether the captured request is newer than what the transcript measured: another response than the
 * transcript's newest, sent after it was written (or after a compaction the transcript shows since).
 */
export function captureIsNewer(
  evidence: CaptureEvidence,
  latest: { messageId: string | null; timestamp: string | null } | null,
  compactedAt: string | null,
): boolean {
  if (evidence.usedTokens === null) return false;
  if (latest?.messageId && evidence.messageId === latest.messageId) return false;
  const after = (time: string | null) => time === null || Date.parse(evidence.time) > Date.parse(time);
  return after(latest?.timestamp ?? null) && after(compactedAt);
}
