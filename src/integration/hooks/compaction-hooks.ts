// The hooks around a compaction: PreCompact writes one handoff per compaction and remembers it;
// SessionStart points the first request after the compaction at it; PostCompact compares Claude Code's
// summary with it. Which compaction a hook is about is counted, never read from the order of events:
// the interactive client runs SessionStart before the compaction is in the transcript, -p after.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../../base/runtime.ts";
import { ctxMonitorStateDir } from "../../claude/paths.ts";
import { createUsageDeps } from "../../context/read-usage.ts";
import { newestAgentNotes } from "../../handoff/agent-notes.ts";
import { readHandoff } from "../../handoff/store.ts";
import { withByteSource } from "../../transcript/byte-source.ts";
import { CompactionCache } from "../../transcript/compaction-cache.ts";
import { noteSection, PRE_COMPACT_LABEL } from "./agent-notes.ts";
import {
  type CompactionRecord,
  compactionRecordOf,
  readCompactionRecord,
  userPrompts,
  writeCompactionRecord,
} from "./compaction-record.ts";
import { newestCompactionSummary } from "./compaction-summary.ts";
import { firstPromptOfHandoff, handoffPointer } from "./handoff-pointer.ts";
import type { HookInput } from "./hook-input.ts";
import { readHookMemory, writeHookMemory } from "./hook-memory.ts";
import { projectOf, request } from "./hook-scope.ts";
import { summaryLosses, writeLostFile } from "./summary-lost-file.ts";

const AUTOMATIC_HANDOFF_NOTE =
  "Written automatically by the ctx-monitor PreCompact hook just before Claude Code compacted the conversation: " +
  "it holds what the transcript says, not the agent's own notes (goal, state, decisions, next steps).";

/** Compactions the transcript records so far (the newest may not be written yet when a hook runs). */
function compactionsInTranscript(transcriptPath: string, runtime: Runtime): number {
  const cache = new CompactionCache(join(ctxMonitorStateDir(runtime), "scans"));
  return withByteSource(transcriptPath, (source) => cache.scan(source)).count;
}

/**
 * Claude Code runs PreCompact more than once for one compaction: both versions prepare a compaction
 * ahead (after a turn, beside the next) and prepare it again once new messages make it stale, each time
 * running PreCompact; a reactive attempt can run it and give up. With no compaction finished since the
 * last handoff, a PreCompact belongs to the same compaction: no new handoff unless prompts came since
 * and that handoff is older than this (then it would miss real work).
 */
const SAME_COMPACTION_MS = 10 * 60_000;

function sameCompaction(previous: CompactionRecord | null, finished: number, prompts: number, now: Date): boolean {
  if (!previous || previous.compactionsBefore !== finished || !existsSync(previous.handoffPath)) return false;
  const age = now.getTime() - Date.parse(previous.writtenAt);
  return previous.promptsBefore === prompts || (age >= 0 && age < SAME_COMPACTION_MS);
}

/** One handoff per compaction (see sameCompaction), and a record of it for SessionStart and PostCompact. */
export async function preCompact(input: HookInput, runtime: Runtime): Promise<string> {
  const { createHandoffDeps, readFacts, writeHandoff } = await import("../../handoff/write-handoff.ts");
  const deps = createHandoffDeps(runtime, createUsageDeps(runtime));
  const transcript = input.transcriptPath && existsSync(input.transcriptPath) ? input.transcriptPath : null;
  const facts = transcript ? readFacts(transcript, deps.facts) : null;
  const finished = transcript
    ? Math.max(
        compactionsInTranscript(transcript, runtime),
        readHookMemory(runtime, input.sessionId).compactionsPointedPast,
      )
    : 0;
  const previous = readCompactionRecord(runtime, input.sessionId);
  if (facts && sameCompaction(previous, finished, userPrompts(facts).length, runtime.now())) return "";
  const written = await writeHandoff(
    {
      ...request(input, runtime),
      name: PRE_COMPACT_LABEL,
      notes: {},
      writtenBy: AUTOMATIC_HANDOFF_NOTE,
      writer: "pre-compact",
    },
    deps,
  );
  if (transcript) {
    const handoff = { path: written.path, writtenAt: runtime.now().toISOString() };
    const record = compactionRecordOf(readFacts(transcript, deps.facts), finished, handoff, input.trigger);
    writeCompactionRecord(runtime, input.sessionId, record);
  }
  // PreCompact cannot add context to the conversation; the next SessionStart points at the file.
  return "";
}

/** The session's handoff folder and its newest handoff (any kind). */
async function sessionHandoffs(input: HookInput, runtime: Runtime) {
  const { configuredHandoffDir } = await import("../../handoff/write-handoff.ts");
  const { handoffFolder, isHandoffOfSession, listHandoffs } = await import("../../handoff/store.ts");
  const folder = handoffFolder(configuredHandoffDir(runtime), projectOf(input, runtime)).path;
  const newest =
    listHandoffs(folder).find((handoff) => isHandoffOfSession(handoff.name, input.sessionId))?.path ?? null;
  return { folder, newest };
}

/** A handoff's text through the store (which refuses links and special files); "" when it cannot be read. */
function handoffText(folder: string, path: string): string {
  try {
    return readHandoff(folder, path);
  } catch {
    return "";
  }
}

/** The PreCompact record, when it is for compaction number `compaction` and its handoff is still there. */
function recordFor(runtime: Runtime, sessionId: string, compaction: number): CompactionRecord | null {
  const record = readCompactionRecord(runtime, sessionId);
  return record && record.compactionsBefore + 1 === compaction && existsSync(record.handoffPath) ? record : null;
}

/** The pointer for the first request after a compaction the agent was not pointed past yet; "" when none. */
export async function compactionPointer(input: HookInput, runtime: Runtime): Promise<string> {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const inTranscript = compactionsInTranscript(input.transcriptPath, runtime);
  const memory = readHookMemory(runtime, input.sessionId);
  const previous = readCompactionRecord(runtime, input.sessionId);
  // `source: "compact"` is the evidence itself: the interactive client runs this hook before it writes
  // the compaction to the transcript. A resumed -p session that ran /compact starts with "resume": there
  // the transcript is the evidence.
  const compaction =
    input.source === "compact"
      ? Math.max(inTranscript, memory.compactionsPointedPast + 1, (previous?.compactionsBefore ?? -1) + 1)
      : inTranscript;
  if (compaction <= memory.compactionsPointedPast) return "";
  const record = recordFor(runtime, input.sessionId, compaction);
  const { folder, newest } = await sessionHandoffs(input, runtime);
  const notes = newestAgentNotes(folder, input.sessionId);
  const handoff = record?.handoffPath ?? null;
  const markdown = handoff ? handoffText(folder, handoff) : "";
  // Written yet (-p, a resume): the summary is in the transcript, so what it dropped goes with the pointer.
  const summaryKnown = inTranscript >= compaction;
  const losses = summaryKnown
    ? summaryLosses(withByteSource(input.transcriptPath, newestCompactionSummary), record, notes)
    : null;
  if (losses && record) writeLostFile(record, losses.full, "the transcript's summary record");
  writeHookMemory(runtime, input.sessionId, {
    ...memory,
    compactionsPointedPast: compaction,
    warnedStatus: "ok",
    lostPending: summaryKnown ? null : memory.lostPending,
  });
  return handoffPointer({
    trigger: record?.trigger ?? null,
    handoffPath: handoff,
    earlierHandoff: handoff ? null : newest,
    transcriptPath: input.transcriptPath,
    firstPrompt: record?.firstPrompt ?? previous?.firstPrompt ?? firstPromptOfHandoff(markdown),
    notes: notes
      ? {
          nextSteps: notes.notes.nextSteps?.trim() || null,
          openQuestions: notes.notes.openQuestions?.trim() || null,
          from: notes.handoffPath,
          writtenAt: notes.writtenAt,
        }
      : {
          nextSteps: noteSection(markdown, "Next steps"),
          openQuestions: noteSection(markdown, "Open questions"),
          from: null,
          writtenAt: null,
        },
    losses: losses?.short ?? null,
    compactions: compaction - memory.compactionsPointedPast,
  });
}

/**
 * PostCompact carries Claude Code's summary: compared with the handoff, what it dropped is written
 * beside the handoff and kept for the next prompt (what this hook prints reaches the model only in
 * /compact's own output, not after an automatic compaction).
 */
export async function postCompact(input: HookInput, runtime: Runtime): Promise<string> {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const memory = readHookMemory(runtime, input.sessionId);
  const compaction = Math.max(compactionsInTranscript(input.transcriptPath, runtime), memory.compactionsPointedPast);
  const record = recordFor(runtime, input.sessionId, compaction);
  const { folder } = await sessionHandoffs(input, runtime);
  const summary = input.compactSummary ?? withByteSource(input.transcriptPath, newestCompactionSummary);
  const losses = summaryLosses(summary, record, newestAgentNotes(folder, input.sessionId));
  if (record) writeLostFile(record, losses.full, input.compactSummary !== null ? "PostCompact" : "the transcript");
  writeHookMemory(runtime, input.sessionId, { ...memory, lostPending: `[ctx-monitor] ${losses.short}` });
  return "";
}
