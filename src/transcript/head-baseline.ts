// The session's first API response, read from the start of the transcript: its total is the fixed
// cost every request pays (system prompt, tool definitions, memory files) plus the first message.
import type { ByteSource } from "./byte-source.ts";
import { recordChars } from "./content-size.ts";
import { readForward } from "./read-forward.ts";
import { attachmentType, contextTotal, isMainChainResponse } from "./records.ts";

export interface HeadBaseline {
  /** Context total of the first main-chain response. */
  firstTotal: number;
  /** Characters of the conversation sent before that response (first prompt, attachments). */
  messageChars: number;
  /**
   * Characters of each attachment type sent with the first prompt (skill and agent listings, the date…).
   * Claude Code sends these again with the first prompt after a compaction when it did not re-attach them.
   */
  attachmentChars: Record<string, number>;
}

/** Returns null when the session has no response yet (or none in the first `limitBytes`). */
export function readHeadBaseline(
  source: ByteSource,
  options: { limitBytes?: number; subagent?: boolean } = {},
): HeadBaseline | null {
  const limitBytes = options.limitBytes ?? 16 << 20;
  let baseline: HeadBaseline | null = null;
  let messageChars = 0;
  const attachmentChars: Record<string, number> = {};
  const bounded = { ...source, size: Math.min(source.size, limitBytes) };
  readForward(
    bounded,
    0,
    {
      record(record) {
        if (isMainChainResponse(record)) {
          baseline = { firstTotal: contextTotal(record.usage), messageChars, attachmentChars };
          return "stop";
        }
        if (record.isSidechain) return undefined;
        const chars = recordChars(record);
        messageChars += chars;
        const type = attachmentType(record);
        if (type && chars > 0) attachmentChars[type] = (attachmentChars[type] ?? 0) + chars;
        return undefined;
      },
    },
    { subagent: options.subagent ?? false },
  );
  return baseline;
}
