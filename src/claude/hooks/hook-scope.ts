// Which session and project a hook input is about: the request every reader of the transcript takes.
import type { Runtime } from "../../runtime.ts";
import type { HookInput } from "./hook-input.ts";

/**
 * The project: Claude Code's CLAUDE_PROJECT_DIR first, since the input's `cwd` follows the session's
 * shell (after a Bash call ran `cd sub` it names sub; seen in 2.1.332), then `cwd`, then where we run.
 */
export function projectOf(input: HookInput, runtime: Runtime): string {
  return runtime.env.CLAUDE_PROJECT_DIR || input.cwd || runtime.cwd;
}

export function request(input: HookInput, runtime: Runtime) {
  return {
    ...(input.transcriptPath ? { transcriptPath: input.transcriptPath } : { sessionId: input.sessionId }),
    projectDir: projectOf(input, runtime),
  };
}
