// What a compaction's summary dropped, for the agent (cut to the pointer's share) and whole in a file
// beside the handoff: `<handoff>.lost.txt`, a new file each time (never in place of anything), not
// `.md`, so it is never listed as a handoff.
import { basename, dirname } from "node:path";
import { writeNewFile } from "../../fs/atomic-write.ts";
import type { AgentNotesRecord } from "../../handoff/agent-notes.ts";
import { redactSecrets } from "../../redact/redact.ts";
import type { CompactionRecord } from "./compaction-record.ts";
import { LOST_LIST_CHARS } from "./handoff-pointer.ts";
import { compareSummary, describeLosses } from "./summary-losses.ts";

/** What the summary of compaction `compaction` dropped, for the agent (cut) and for the file beside the handoff (whole). */
export function summaryLosses(
  summary: string | null,
  record: CompactionRecord | null,
  notes: AgentNotesRecord | null,
): { short: string; full: string } {
  if (!record) {
    const text =
      "ctx-monitor cannot say what Claude Code's summary dropped: no handoff was written before this compaction.";
    return { short: text, full: text };
  }
  const comparison = compareSummary(summary, {
    prompts: record.prompts,
    files: record.files,
    failedCommands: record.failedCommands,
    nextSteps: notes?.notes.nextSteps ?? null,
    openQuestions: notes?.notes.openQuestions ?? null,
  });
  const lostFile = lostFileName(record.handoffPath);
  return {
    short: describeLosses(comparison, LOST_LIST_CHARS, lostFile),
    full: describeLosses(comparison, Number.MAX_SAFE_INTEGER, null),
  };
}

function lostFileName(handoffPath: string): string {
  return `${handoffPath.replace(/\.md$/, "")}.lost.txt`;
}

export function writeLostFile(record: CompactionRecord, full: string, summarySource: string): void {
  const name = basename(lostFileName(record.handoffPath));
  writeNewFile(
    dirname(record.handoffPath),
    [name, ...Array.from({ length: 20 }, (_, index) => name.replace(/\.lost\.txt$/, `.lost-${index + 2}.txt`))],
    `What Claude Code's compaction summary (${summarySource}) dropped, against the handoff ${record.handoffPath}\n\n${redactSecrets(full).text}\n`,
    0o600,
  );
}
