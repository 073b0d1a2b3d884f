// Claude Code's hook input, checked by hand. Every event carries session_id, transcript_path, cwd and
// hook_event_name; SessionStart adds source and model, PreCompact trigger and custom_instructions,
// PostCompact trigger and compact_summary.
import { parseJsonObject, stringField } from "../stdin-json.ts";

export const HOOK_EVENTS = [
  "session-start",
  "user-prompt-submit",
  "post-tool-use",
  "pre-compact",
  "post-compact",
] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export function isHookEvent(name: string | undefined): name is HookEvent {
  return (HOOK_EVENTS as readonly string[]).includes(name ?? "");
}

/** Claude Code's name for each event, as settings.json keys hooks by it. */
export const CLAUDE_EVENT_NAMES: Record<HookEvent, string> = {
  "session-start": "SessionStart",
  "user-prompt-submit": "UserPromptSubmit",
  "post-tool-use": "PostToolUse",
  "pre-compact": "PreCompact",
  "post-compact": "PostCompact",
};

export interface HookInput {
  sessionId: string;
  transcriptPath: string | null;
  cwd: string | null;
  eventName: string | null;
  /** SessionStart: startup | resume | clear | compact. */
  source: string | null;
  /** SessionStart: the model id, with "[1m]" for the 1M variant. */
  model: string | null;
  /** PreCompact and PostCompact: manual | auto. */
  trigger: string | null;
  /** PostCompact: Claude Code's summary of the conversation (null when absent or not a string). */
  compactSummary: string | null;
}

export function parseHookInput(text: string): HookInput | null {
  const input = parseJsonObject(text);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const model = input.model;
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    cwd: stringField(input, "cwd"),
    eventName: stringField(input, "hook_event_name"),
    source: stringField(input, "source"),
    // Documented as a string; accept {id} too, as the statusline sends it.
    model:
      typeof model === "string" && model
        ? model
        : stringField(
            typeof model === "object" && model !== null && !Array.isArray(model)
              ? (model as Record<string, unknown>)
              : null,
            "id",
          ),
    trigger: stringField(input, "trigger"),
    compactSummary: typeof input.compact_summary === "string" ? input.compact_summary : null,
  };
}
