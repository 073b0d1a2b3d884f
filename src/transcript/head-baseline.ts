// The session's first API response, read from the start of the transcript: its total is the fixed
// cost every request pays (system prompt, tool definitions, memory files) plus the first message.
import type { ByteSource } from "./byte-source.ts";
import { recordChars } from "./content-size.ts";
import { readForward } from "./read-forward.ts";
import { contextTotal, isMainChainResponse } from "./records.ts";

export interface HeadBaseline {
  /** Context total of the first main-chain response. */
  firstTotal: number;
  /** Characters of the conversation sent before that response (first prompt, attachments). */
  messageChars: number;
}

/** Returns null when the session has no response yet (or none in the first `limitBytes`). */
export function readHeadBaseline(source: ByteSource, options: { limitBytes?: number; subagent?: boolean } = {}): HeadBaseline | null {
  const limitBytes = options.limitBytes ?? 16 << 20;
  let baseline: HeadBaseline | null = null;
  let messageChars = 0;
  const bounded = { ...source, size: Math.min(source.size, limitBytes) };
  readForward(bounded, 0, {
    record(record) {
      if (isMainChainResponse(record)) {
        baseline = { firstTotal: contextTotal(record.usage), messageChars };
        return "stop";
      }
      if (!record.isSidechain) messageChars += recordChars(record);
      return undefined;
    },
  }, { subagent: options.subagent ?? false });
  return baseline;
}
