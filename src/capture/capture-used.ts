// Which captured request the breakdown's baseline was split by, for the answer.
import type { CapturedRequest } from "./record.ts";
import type { SessionCapture } from "./session-capture.ts";

export interface CaptureUsed {
  source: CapturedRequest["source"];
  time: string;
  model: string | null;
  /** True when count_tokens measured its parts (exact), false when they were sized from characters. */
  measured: boolean;
}

export function captureUsed({ record, tokens }: SessionCapture): CaptureUsed {
  return {
    source: record.source,
    time: record.time,
    model: record.model,
    measured: Object.keys(tokens.servers).length > 0 || tokens.builtInTools !== null,
  };
}
