// Writing a handoff, with the file system, git and clock at the edge: the usage answer (which finds
// the session and waits for the calling response), the whole transcript streamed through the fact
// collector, the document rendered and redacted, and stored as a new file.

import { counted, exactNumber } from "../base/format.ts";
import type { Runtime } from "../base/runtime.ts";
import { sessionProjectDir } from "../claude/paths.ts";
import { loadSettings } from "../config/settings.ts";
import { readContextUsage, type UsageDeps, type UsageRequest } from "../context/read-usage.ts";
import type { ContextUsage } from "../context/usage.ts";
import { redactSecrets } from "../redact/redact.ts";
import { IncrementalReader } from "../transcript/incremental-reader.ts";
import {
  type AgentNotesRecord,
  type HandoffWriter,
  hasNotes,
  newestAgentNotes,
  writeHandoffRecord,
} from "./agent-notes.ts";
import { FactCollector } from "./fact-collector.ts";
import type { HandoffFacts } from "./facts.ts";
import { gitSnapshot } from "./git.ts";
import { type GitSnapshot, type HandoffNotes, type NotesOrigin, renderHandoff } from "./render.ts";
import { defaultHandoffChars } from "./size-budget.ts";
import {
  ensureHandoffFolder,
  handoffFileName,
  handoffFolder,
  isHandoffOfSession,
  listHandoffs,
  writeNewHandoff,
} from "./store.ts";

const RESUME_HINT = "To resume in a new session, use the ctx-monitor `resume` prompt or read this handoff";

export interface HandoffRequest extends UsageRequest {
  notes: HandoffNotes;
  /** A short label for the file name. */
  name?: string | undefined;
  /**
   * Set when the handoff is not the agent's own (the PreCompact hook's): said above its notes, and the
   * agent's newest notes are carried forward instead of any given here.
   */
  writtenBy?: string | undefined;
  /** The size budget in characters (checked by the caller); else the settings, else 5% of the window. */
  maxChars?: number | undefined;
  /** Who asks for it, recorded beside the handoff for the report and the watch (null: not said). */
  writer?: HandoffWriter | undefined;
}

export interface HandoffDeps {
  runtime: Runtime;
  usage: UsageDeps;
  /** Remembers each transcript's facts and offset: a long session is read once, then only what was appended. */
  facts: IncrementalReader<FactCollector>;
  git(projectDir: string): Promise<GitSnapshot | null>;
}

export function factsReader(): IncrementalReader<FactCollector> {
  return new IncrementalReader(() => new FactCollector());
}

export function createHandoffDeps(runtime: Runtime, usage: UsageDeps): HandoffDeps {
  return { runtime, usage, facts: factsReader(), git: gitSnapshot };
}

export interface HandoffResult {
  path: string;
  bytes: number;
  sections: string[];
  sessionId: string;
  transcriptPath: string;
  projectDir: string;
  promptsIncluded: number;
  filesTouched: number;
  commandsRun: number;
  failedCommands: number;
  redactions: number;
  earlierHandoffs: number;
  /** The size budget the document was written to, in characters. */
  maxChars: number;
  /** The handoff whose agent's notes this one carries forward, when it was written without its own. */
  notesCarriedFrom: string | null;
  resumeInstruction: string;
  summary: string;
}

export function readFacts(transcriptPath: string, reader = factsReader()): HandoffFacts {
  return reader.read(transcriptPath).reducer.result();
}

export function configuredHandoffDir(runtime: Runtime): string | null {
  return loadSettings(runtime).handoffDir;
}

/** The agent's newest notes of the session carried into a handoff written without its own, and what happened since. */
function carriedOrigin(carried: AgentNotesRecord | null, facts: HandoffFacts, writtenBy: string | null): NotesOrigin {
  if (!carried) return { writtenBy, carried: null };
  return {
    writtenBy,
    carried: {
      path: carried.handoffPath,
      writtenAt: carried.writtenAt,
      promptsSince: Math.max(0, facts.prompts.length - carried.prompts),
      toolCallsSince: Math.max(0, facts.toolCalls - carried.toolCalls),
    },
  };
}

export async function writeHandoff(request: HandoffRequest, deps: HandoffDeps): Promise<HandoffResult> {
  const { runtime } = deps;
  const usage = await readContextUsage(request, deps.usage);
  // A subagent asking for a handoff gets the session's: that is what the next context needs.
  const transcriptPath = usage.subagent?.parentTranscriptPath ?? usage.transcriptPath;
  const facts = readFacts(transcriptPath, deps.facts);
  const projectDir = sessionProjectDir(runtime, request.projectDir, facts.projectDir);
  // Fails before anything is written: a bad label or a folder that escapes the project.
  const now = runtime.now();
  const fileName = handoffFileName(now, usage.sessionId, request.name);
  const folder = ensureHandoffFolder(handoffFolder(configuredHandoffDir(runtime), projectDir));
  const earlier = listHandoffs(folder)
    .filter((handoff) => isHandoffOfSession(handoff.name, usage.sessionId))
    .map((handoff) => ({ path: handoff.path, modified: handoff.modified }));
  const git = await deps.git(projectDir);
  // Security: the agent's notes are redacted whole before the renderer bounds them.
  const noteRedactions: Record<string, number> = {};
  const own = !request.writtenBy && hasNotes(request.notes);
  const carried = own ? null : newestAgentNotes(folder, usage.sessionId);
  const notes = own ? redactNotes(request.notes, noteRedactions) : (carried?.notes ?? {});
  const settings = loadSettings(runtime);
  const maxChars = request.maxChars ?? settings.handoffMaxChars ?? defaultHandoffChars(usage.contextWindow);
  // A size setting that is not a number is said in the answer, not only passed over.
  const sizeProblems = settings.problems.filter((problem) => /handoff size/.test(problem));
  const rendered = renderHandoff({
    facts: { ...facts, sessionId: facts.sessionId ?? usage.sessionId, projectDir },
    notes,
    origin: carriedOrigin(carried, facts, request.writtenBy ?? null),
    maxChars,
    writtenAt: now.toISOString(),
    transcriptPath,
    context: usage.subagent ? null : contextFigures(usage),
    git,
    earlier,
    resumeInstruction: `${RESUME_HINT} (or read the resource ctx-monitor://handoffs/latest), then ${notes.nextSteps?.trim() ? "continue from its next steps" : "pick up from the newest user prompt and what happened after it"}.`,
  });
  // What came from the transcript was redacted as it was read; this catches the rest (the agent's notes, git status).
  const redacted = redactSecrets(rendered.markdown);
  const redactions = [redacted.counts, noteRedactions, facts.redactions]
    .flatMap((counts) => Object.values(counts))
    .reduce((sum, count) => sum + count, 0);
  const path = writeNewHandoff(folder, fileName, redacted.text);
  // Every handoff gets its record (who wrote it); only the agent's own notes go in it, never carried ones.
  writeHandoffRecord(folder, {
    sessionId: usage.sessionId,
    handoffPath: path,
    writtenAt: now.toISOString(),
    notes: own ? notes : {},
    prompts: facts.prompts.length,
    toolCalls: facts.toolCalls,
    writer: request.writer ?? null,
  });
  const bytes = Buffer.byteLength(redacted.text);
  const failedCommands = facts.commands.filter((command) => command.ok === false).length;
  return {
    path,
    bytes,
    sections: rendered.sections,
    sessionId: usage.sessionId,
    transcriptPath,
    projectDir,
    promptsIncluded: facts.prompts.length,
    filesTouched: facts.files.length,
    commandsRun: facts.commands.length,
    failedCommands,
    redactions,
    earlierHandoffs: earlier.length,
    maxChars,
    notesCarriedFrom: carried?.handoffPath ?? null,
    resumeInstruction: `${RESUME_HINT}: ${path}.`,
    summary:
      `Handoff written to ${path} (${exactNumber(bytes)} bytes: ${counted(facts.prompts.length, "prompt")}, ${counted(facts.files.length, "file")}, ` +
      `${counted(facts.commands.length, "command")}${redactions ? `, ${counted(redactions, "secret")} redacted` : ""}; at most ${exactNumber(maxChars)} characters). ${RESUME_HINT}.${sizeProblems.map((problem) => ` Note: ${problem}.`).join("")}`,
  };
}

function redactNotes(notes: HandoffNotes, counts: Record<string, number>): HandoffNotes {
  const redacted: HandoffNotes = {};
  for (const [key, value] of Object.entries(notes) as Array<[keyof HandoffNotes, string | undefined]>) {
    if (value === undefined) continue;
    const result = redactSecrets(value);
    for (const [kind, count] of Object.entries(result.counts)) counts[kind] = (counts[kind] ?? 0) + count;
    redacted[key] = result.text;
  }
  return redacted;
}

function contextFigures(usage: ContextUsage) {
  return {
    usedTokens: usage.usedTokens,
    contextWindow: usage.contextWindow,
    usedPercent: usage.usedPercent,
    autocompactAt: usage.autocompactAt,
    status: usage.status,
    compactions: usage.compactions,
    estimated: usage.estimated,
  };
}
