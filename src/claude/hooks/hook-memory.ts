// What the hooks remember per session between runs: the last status they warned about (one warning
// per crossing), how many compactions they pointed the agent past (one pointer per compaction), and
// what the summary dropped, still to be told with the next prompt.
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
  /** How many of the session's compactions the agent was already pointed past. */
  compactionsPointedPast: number;
  /** What the newest compaction's summary dropped, for the next prompt (PostCompact cannot tell the model). */
  lostPending: string | null;
}

const FRESH_MEMORY: HookMemory = { warnedStatus: "ok", compactionsPointedPast: 0, lostPending: null };

function memoryPath(runtime: Runtime, sessionId: string): string {
  return join(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.json`);
}

export function readHookMemory(runtime: Runtime, sessionId: string): HookMemory {
  try {
    const value = JSON.parse(readFileSync(memoryPath(runtime, sessionId), "utf8")) as Partial<HookMemory>;
    const warned = value.warnedStatus;
    return {
      warnedStatus: warned === "warn" || warned === "critical" ? warned : "ok",
      compactionsPointedPast:
        typeof value.compactionsPointedPast === "number" && Number.isSafeInteger(value.compactionsPointedPast)
          ? Math.max(0, value.compactionsPointedPast)
          : 0,
      lostPending: typeof value.lostPending === "string" ? value.lostPending : null,
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
