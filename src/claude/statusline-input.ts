// Claude Code's statusline input, checked by hand (no schema library: this runs on every render).
// `context_window` is absent in older versions; its `current_usage` is null before the first response
// and right after /compact (or all zeros then). `cwd` follows the session's shell (a `cd` in a Bash call
// moves it, seen in 2.1.332); the project, whose settings and transcripts count, is
// `workspace.project_dir`.
import { countField, objectField, parseJsonObject, stringField } from "./stdin-json.ts";

export interface StatuslineInput {
  sessionId: string;
  transcriptPath: string | null;
  /** The project Claude Code runs in: `workspace.project_dir`, else `cwd` (older versions). */
  projectDir: string | null;
  modelId: string | null;
  modelName: string | null;
  /** The Claude Code version running the session (its auto-compact rule depends on it). */
  version: string | null;
  contextWindowSize: number | null;
  /** input + cache creation + cache read of the newest response, when Claude Code gives it. */
  currentUsage: number | null;
  usedPercentage: number | null;
}

export function parseStatuslineInput(text: string): StatuslineInput | null {
  const input = parseJsonObject(text);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const model = objectField(input, "model");
  const window = objectField(input, "context_window");
  const workspace = objectField(input, "workspace");
  const current = objectField(window, "current_usage");
  const size = countField(window, "context_window_size");
  const parts = current
    ? ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"].map(
        (key) => countField(current, key) ?? 0,
      )
    : null;
  const sum = parts ? parts.reduce((total, part) => total + part, 0) : null;
  // Right after /compact 2.1.197 and 2.1.332 may send all zeros instead of null (both seen): no request
  // is ever empty, so zeros say "not known yet", and so does the percentage computed from them.
  const zeroed = sum === 0;
  const percentage = zeroed ? null : countField(window, "used_percentage");
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    projectDir:
      stringField(workspace, "project_dir") ?? stringField(input, "cwd") ?? stringField(workspace, "current_dir"),
    modelId: stringField(model, "id"),
    modelName: stringField(model, "display_name"),
    version: stringField(input, "version"),
    contextWindowSize: size !== null && Number.isInteger(size) && size > 0 ? size : null,
    currentUsage: zeroed ? null : sum,
    usedPercentage: percentage !== null && percentage <= 100 ? percentage : null,
  };
}
