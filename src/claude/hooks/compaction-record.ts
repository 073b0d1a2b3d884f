// What the PreCompact hook remembers about the compaction it wrote a handoff for: which compaction
// (how many the session had finished before it, and how many prompts), the handoff's path, and the
// facts the summary should carry forward. SessionStart and PostCompact read it to point at the right
// handoff and to say what the summary dropped. `<stateDir>/hooks/<session id>.compaction.json`.
import { makeFolder } from "../../fs/make-folder.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { replaceFile } from "../../fs/atomic-write.ts";
import type { HandoffFacts } from "../../handoff/facts.ts";
import type { Runtime } from "../../runtime.ts";
import { ctxMonitorStateDir, STATE_DIR_SETTING } from "../paths.ts";

export interface CompactionRecord {
  /** Compactions the session had finished when PreCompact ran: this one is number compactionsBefore + 1. */
  compactionsBefore: number;
  /** User prompts (slash commands aside) in the transcript then: a retried PreCompact sees the same. */
  promptsBefore: number;
  handoffPath: string;
  /** When the handoff was written (ISO 8601). */
  writtenAt: string;
  /** PreCompact's trigger: manual | auto. */
  trigger: string | null;
  firstPrompt: string | null;
  prompts: string[];
  files: string[];
  failedCommands: string[];
}

/** Enough of each text to recognise it in a summary; the handoff keeps it whole. */
const KEPT_CHARS = 2_000;
const KEPT_ITEMS = 1_000;

function kept(texts: readonly string[]): string[] {
  return texts.slice(-KEPT_ITEMS).map((text) => text.slice(0, KEPT_CHARS));
}

export function userPrompts(facts: HandoffFacts): string[] {
  return facts.prompts.filter((prompt) => !prompt.command).map((prompt) => prompt.text);
}

export function compactionRecordOf(
  facts: HandoffFacts,
  compactionsBefore: number,
  handoff: { path: string; writtenAt: string },
  trigger: string | null,
): CompactionRecord {
  const prompts = userPrompts(facts);
  return {
    compactionsBefore,
    promptsBefore: prompts.length,
    handoffPath: handoff.path,
    writtenAt: handoff.writtenAt,
    trigger,
    firstPrompt: prompts[0] ?? null,
    prompts: kept(prompts),
    files: kept(facts.files.map((file) => file.path)),
    failedCommands: kept(facts.commands.filter((command) => command.ok === false).map((command) => command.command)),
  };
}

function recordPath(runtime: Runtime, sessionId: string): string {
  return join(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.compaction.json`);
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

export function readCompactionRecord(runtime: Runtime, sessionId: string): CompactionRecord | null {
  try {
    const value = JSON.parse(readFileSync(recordPath(runtime, sessionId), "utf8")) as Partial<CompactionRecord>;
    if (
      typeof value.compactionsBefore !== "number" ||
      typeof value.promptsBefore !== "number" ||
      typeof value.handoffPath !== "string" ||
      typeof value.writtenAt !== "string" ||
      !isStrings(value.prompts) ||
      !isStrings(value.files) ||
      !isStrings(value.failedCommands)
    )
      return null;
    return {
      ...(value as CompactionRecord),
      trigger: typeof value.trigger === "string" ? value.trigger : null,
      firstPrompt: typeof value.firstPrompt === "string" ? value.firstPrompt : null,
    };
  } catch {
    return null;
  }
}

export function writeCompactionRecord(runtime: Runtime, sessionId: string, record: CompactionRecord): void {
  const path = recordPath(runtime, sessionId);
  makeFolder(join(path, ".."), 0o700, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(record)}\n`, 0o600);
}
