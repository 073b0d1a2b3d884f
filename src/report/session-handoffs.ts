// The handoffs written for one session, as the report and the watch list them: from the handoff store
// (handoffs only: the folder's `.gitignore`, hidden notes records and `.lost.txt` files are not
// handoffs), oldest first, each with who wrote it, as the record beside it says: the agent with the
// write_handoff tool, `ctx-monitor handoff`, or the PreCompact hook. A handoff written before records
// said so is told by its name (the PreCompact hook's label) and whether it holds the agent's notes.

import type { Runtime } from "../base/runtime.ts";
import { type HandoffWriter, handoffRecordOf } from "../handoff/agent-notes.ts";
import { handoffFolder, isHandoffOfSession, listHandoffs, type StoredHandoff } from "../handoff/store.ts";
import { configuredHandoffDir } from "../handoff/write-handoff.ts";
import { isAutomaticHandoff } from "../integration/hooks/agent-notes.ts";

export type HandoffKind =
  | "handoff by the agent"
  | "written from the CLI"
  | "PreCompact handoff"
  | "agent's notes"
  | "no notes";

const WRITER_KIND: Record<HandoffWriter, HandoffKind> = {
  agent: "handoff by the agent",
  cli: "written from the CLI",
  "pre-compact": "PreCompact handoff",
};

export interface SessionHandoff extends StoredHandoff {
  kind: HandoffKind;
}

/** The session's handoffs, oldest first; none when the folder is unset, missing or refused. */
export function sessionHandoffs(runtime: Runtime, projectDir: string, sessionId: string): SessionHandoff[] {
  try {
    const folder = handoffFolder(configuredHandoffDir(runtime), projectDir).path;
    return listHandoffs(folder)
      .filter((handoff) => isHandoffOfSession(handoff.name, sessionId))
      .reverse()
      .map((handoff) => ({ ...handoff, kind: kindOf(folder, handoff.name) }));
  } catch {
    return [];
  }
}

function kindOf(folder: string, name: string): HandoffKind {
  const record = handoffRecordOf(folder, name);
  if (record?.writer) return WRITER_KIND[record.writer];
  if (isAutomaticHandoff(name)) return "PreCompact handoff";
  return record?.withNotes ? "agent's notes" : "no notes";
}
