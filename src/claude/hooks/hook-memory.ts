// What the hooks remember per session between runs: the last status they warned about (one warning
// per crossing) and the newest compaction they pointed the agent past (one pointer per compaction).
// `<stateDir>/hooks/<session id>.json`, written atomically.
import { makeFolder } from "../../fs/make-folder.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContextStatus } from "../../context/status.ts";
import { replaceFile } from "../../fs/atomic-write.ts";
import type { Runtime } from "../../runtime.ts";
import { ctxMonitorStateDir, STATE_DIR_SETTING } from "../paths.ts";

interface HookMemory {
  warnedStatus: ContextStatus;
  /** Identity (time and size) of the newest compaction the session-start hook already pointed past. */
  pointedPastCompaction: string | null;
}

const FRESH_MEMORY: HookMemory = { warnedStatus: "ok", pointedPastCompaction: null };

function memoryPath(runtime: Runtime, sessionId: string): string {
  return join(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.json`);
}

export function readHookMemory(runtime: Runtime, sessionId: string): HookMemory {
  try {
    const value = JSON.parse(readFileSync(memoryPath(runtime, sessionId), "utf8")) as Partial<HookMemory>;
    const warned = value.warnedStatus;
    return {
      warnedStatus: warned === "warn" || warned === "critical" ? warned : "ok",
      pointedPastCompaction: typeof value.pointedPastCompaction === "string" ? value.pointedPastCompaction : null,
    };
  } catch {
    return { ...FRESH_MEMORY };
  }
}

export function writeHookMemory(runtime: Runtime, sessionId: string, memory: HookMemory): void {
  const path = memoryPath(runtime, sessionId);
  makeFolder(join(path, ".."), 0o700, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(memory)}\n`, 0o600);
}
