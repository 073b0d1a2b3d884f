// Claude Code's summary of the newest compaction, as the transcript keeps it: the `isCompactSummary`
// user record that follows the newest `compact_boundary` (both versions write one). Read from the
// tail backwards, so a long session costs no more than a short one.
import type { ByteSource } from "../../transcript/byte-source.ts";
import { parseRecordLine } from "../../transcript/parse-record-line.ts";
import { readBackward } from "../../transcript/read-backward.ts";

/** How far back from the end the boundary is looked for; a compaction's records are written together. */
const MAX_BACK_BYTES = 64 << 20;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block) => (typeof block === "object" && block !== null && "text" in block ? String(block.text) : ""))
    .join("\n");
}

/** The newest compaction's summary text; null when the transcript holds no boundary with one after it. */
export function newestCompactionSummary(source: ByteSource): string | null {
  let summary: string | null = null;
  for (const line of readBackward(source)) {
    if (source.size - line.start > MAX_BACK_BYTES) return null;
    if (line.text === null) continue;
    if (!line.text.includes('"isCompactSummary":true') && !line.text.includes('"compact_boundary"')) continue;
    const parsed = parseRecordLine(line.text);
    if (!parsed.ok) continue;
    const record = parsed.record;
    if (record.kind === "compact-boundary" && !record.isSidechain) return summary;
    if (record.kind === "user" && record.isCompactSummary && !record.isSidechain) summary = textOf(record.content);
  }
  return null;
}
