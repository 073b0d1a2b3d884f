// The handoffs written for one session, as the report and the watch list them: from the handoff store
// (handoffs only: the folder's `.gitignore`, hidden notes records and `.lost.txt` files are not
// handoffs), oldest first, each with who wrote it: the PreCompact hook, or a write with or without the
// agent's notes (the write_handoff tool, `ctx-monitor handoff`).

import type { Runtime } from "../base/runtime.ts";
import { hasNotesRecord } from "../handoff/agent-notes.ts";
import { handoffFolder, isHandoffOfSession, listHandoffs, type StoredHandoff } from "../handoff/store.ts";
import { configuredHandoffDir } from "../handoff/write-handoff.ts";
import { isAutomaticHandoff } from "../integration/hooks/agent-notes.ts";

export type HandoffKind = "PreCompact (automatic)" | "agent's notes" | "no notes";

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
  if (isAutomaticHandoff(name)) return "PreCompact (automatic)";
  return hasNotesRecord(folder, name) ? "agent's notes" : "no notes";
}
