// What each hook does, with the file system at the edge. Each returns what goes to stdout (nothing
// when there is nothing to say); errors are the caller's to swallow and log.
import { existsSync } from "node:fs";
import { createUsageDeps, readContextUsage } from "../../context/read-usage.ts";
import type { Runtime } from "../../runtime.ts";
import { recordSession } from "../record-session.ts";
import { CLAUDE_EVENT_NAMES, type HookEvent, type HookInput } from "./hook-input.ts";
import { readHookMemory, writeHookMemory } from "./hook-memory.ts";
import { projectOf, request } from "./hook-scope.ts";
import { usageWarning } from "./usage-warning.ts";

// The compaction hooks (the handoff writer, the summary comparison, redaction) are loaded only by the
// hooks that use them, so the fast entry stays small for the prompt and tool hooks.
const compactionHooks = () => import("./compaction-hooks.ts");

async function sessionStart(input: HookInput, runtime: Runtime): Promise<string> {
  recordSession(runtime, {
    sessionId: input.sessionId,
    transcriptPath: input.transcriptPath,
    cwd: projectOf(input, runtime),
    modelId: input.model,
    contextWindowSize: null,
    writtenBy: "hook:SessionStart",
  });
  return (await compactionHooks()).compactionPointer(input, runtime);
}

async function usageCheck(input: HookInput, runtime: Runtime, event: HookEvent): Promise<string> {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const usage = await readContextUsage(request(input, runtime), createUsageDeps(runtime));
  const memory = readHookMemory(runtime, input.sessionId);
  const decision = usageWarning(usage, memory.warnedStatus);
  // What the newest summary dropped rides with the next prompt, once.
  const lost = event === "user-prompt-submit" ? memory.lostPending : null;
  if (decision.warnedStatus !== memory.warnedStatus || lost)
    writeHookMemory(runtime, input.sessionId, { ...memory, warnedStatus: decision.warnedStatus, lostPending: null });
  const text = [lost, decision.text].filter(Boolean).join("\n\n");
  if (!text) return "";
  // Plain stdout reaches the model from UserPromptSubmit; PostToolUse needs the JSON form.
  if (event === "user-prompt-submit") return text;
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: CLAUDE_EVENT_NAMES[event], additionalContext: text },
  });
}

export function runHookEvent(event: HookEvent, input: HookInput, runtime: Runtime): Promise<string> {
  switch (event) {
    case "pre-compact":
      return compactionHooks().then((hooks) => hooks.preCompact(input, runtime));
    case "session-start":
      return sessionStart(input, runtime);
    case "post-compact":
      return compactionHooks().then((hooks) => hooks.postCompact(input, runtime));
    case "user-prompt-submit":
    case "post-tool-use":
      return usageCheck(input, runtime, event);
  }
}
