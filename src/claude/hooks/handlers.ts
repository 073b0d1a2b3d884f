// What each hook does, with the file system at the edge. Each returns what goes to stdout (nothing
// when there is nothing to say); errors are the caller's to swallow and log.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ctxMonitorStateDir } from "../paths.ts";
import { recordSession } from "../record-session.ts";
import { createUsageDeps, readContextUsage } from "../../context/read-usage.ts";
import type { Runtime } from "../../runtime.ts";
import { withByteSource } from "../../transcript/byte-source.ts";
import { CompactionCache } from "../../transcript/compaction-cache.ts";
import { CLAUDE_EVENT_NAMES, type HookEvent, type HookInput } from "./hook-input.ts";
import { handoffPointer } from "./handoff-pointer.ts";
import { readHookMemory, writeHookMemory } from "./hook-memory.ts";
import { compactionKey, usageWarning } from "./usage-warning.ts";

const AUTOMATIC_HANDOFF_NOTE =
  "Written automatically by the ctx-monitor PreCompact hook just before Claude Code compacted the conversation: " +
  "it holds what the transcript says, not the agent's own notes (goal, state, decisions, next steps).";

/**
 * The project: Claude Code's CLAUDE_PROJECT_DIR first, since the input's `cwd` follows the session's
 * shell (after a Bash call ran `cd sub` it names sub; seen in 2.1.332), then `cwd`, then where we run.
 */
function projectOf(input: HookInput, runtime: Runtime): string {
  return runtime.env.CLAUDE_PROJECT_DIR || input.cwd || runtime.cwd;
}

function request(input: HookInput, runtime: Runtime) {
  return {
    ...(input.transcriptPath ? { transcriptPath: input.transcriptPath } : { sessionId: input.sessionId }),
    projectDir: projectOf(input, runtime),
  };
}

// The handoff writer (git, crypto, the whole transcript reader) is loaded only by the hooks that use it.
async function preCompact(input: HookInput, runtime: Runtime): Promise<string> {
  const { createHandoffDeps, writeHandoff } = await import("../../handoff/write-handoff.ts");
  await writeHandoff(
    { ...request(input, runtime), name: "pre-compact", notes: { warnings: AUTOMATIC_HANDOFF_NOTE } },
    createHandoffDeps(runtime, createUsageDeps(runtime)),
  );
  // PreCompact cannot add context to the conversation; the next SessionStart points at the file.
  return "";
}

async function newestHandoffOf(input: HookInput, runtime: Runtime): Promise<string | null> {
  const { configuredHandoffDir } = await import("../../handoff/write-handoff.ts");
  const { handoffFolder, isHandoffOfSession, listHandoffs } = await import("../../handoff/store.ts");
  const folder = handoffFolder(configuredHandoffDir(runtime), projectOf(input, runtime)).path;
  return listHandoffs(folder).find((handoff) => isHandoffOfSession(handoff.name, input.sessionId))?.path ?? null;
}

async function sessionStart(input: HookInput, runtime: Runtime): Promise<string> {
  recordSession(runtime, {
    sessionId: input.sessionId,
    transcriptPath: input.transcriptPath,
    cwd: projectOf(input, runtime),
    modelId: input.model,
    contextWindowSize: null,
    writtenBy: "hook:SessionStart",
  });
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  // Decided from the transcript, not `source`: a resumed -p session that ran /compact starts with "resume".
  const cache = new CompactionCache(join(ctxMonitorStateDir(runtime), "scans"));
  const newest = withByteSource(input.transcriptPath, (source) => cache.scan(source)).last;
  const key = compactionKey(newest);
  const memory = readHookMemory(runtime, input.sessionId);
  if (key === null || key === memory.pointedPastCompaction) return "";
  const handoff = await newestHandoffOf(input, runtime);
  writeHookMemory(runtime, input.sessionId, { ...memory, pointedPastCompaction: key, warnedStatus: "ok" });
  if (!handoff) return "";
  return handoffPointer(handoff, readFileSync(handoff, "utf8"), newest?.trigger ?? null);
}

async function usageCheck(input: HookInput, runtime: Runtime, event: HookEvent): Promise<string> {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const usage = await readContextUsage(request(input, runtime), createUsageDeps(runtime));
  const memory = readHookMemory(runtime, input.sessionId);
  const decision = usageWarning(usage, memory.warnedStatus);
  if (decision.warnedStatus !== memory.warnedStatus)
    writeHookMemory(runtime, input.sessionId, { ...memory, warnedStatus: decision.warnedStatus });
  if (!decision.text) return "";
  // Plain stdout reaches the model from UserPromptSubmit; PostToolUse needs the JSON form.
  if (event === "user-prompt-submit") return decision.text;
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: CLAUDE_EVENT_NAMES[event], additionalContext: decision.text },
  });
}

export function runHookEvent(event: HookEvent, input: HookInput, runtime: Runtime): Promise<string> {
  switch (event) {
    case "pre-compact":
      return preCompact(input, runtime);
    case "session-start":
      return sessionStart(input, runtime);
    case "user-prompt-submit":
    case "post-tool-use":
      return usageCheck(input, runtime, event);
  }
}
