// `ctx-monitor hook <event>`: Claude Code's hook JSON on stdin. A hook must never block or break
// Claude Code: whatever goes wrong inside, it exits 0 with nothing on stdout and leaves a line in
// `<state dir>/hooks.log`.

import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { UserError } from "../base/user-error.ts";
import { ctxMonitorStateDir, STATE_DIR_SETTING } from "../claude/paths.ts";
import { enabledPlugin, installedTwiceNotice, runningAsPlugin } from "../claude/plugin-presence.ts";
import { readStdinText } from "../claude/stdin-json.ts";
import { appendPrivate } from "../fs/append-private.ts";
import { makeFolder } from "../fs/make-folder.ts";
import { runHookEvent } from "../integration/hooks/handlers.ts";
import { HOOK_EVENTS, isHookEvent, parseHookInput } from "../integration/hooks/hook-input.ts";
import { jsonEscaped, terminalText } from "../present/safe-text.ts";
import type { Command, Output } from "./command.ts";

/** Claude Code waits up to 60 s for a hook; stay well inside it (a handoff of a huge session takes longest). */
const WATCHDOG_MS = { "pre-compact": 45_000, other: 10_000 } as const;

function hookLogPath(runtime: Runtime): string {
  return join(ctxMonitorStateDir(runtime), "hooks.log");
}

function logProblem(runtime: Runtime, event: string, message: string): void {
  try {
    makeFolder(ctxMonitorStateDir(runtime), 0o700, STATE_DIR_SETTING);
    // Security: never appended through a link planted under the log's name.
    appendPrivate(
      hookLogPath(runtime),
      `${runtime.now().toISOString()} hook ${event}: ${message.replace(/\s+/g, " ")}\n`,
    );
  } catch {
    // Nowhere left to say it; staying out of Claude Code's way matters more.
  }
}

/** What the hook prints for this input; throws on internal errors (the caller logs them). */
async function hookOutput(event: string | undefined, text: string, runtime: Runtime): Promise<string> {
  if (!isHookEvent(event))
    throw new UserError(`unknown hook event ${JSON.stringify(event)}; expected one of ${HOOK_EVENTS.join(", ")}`);
  const input = parseHookInput(text);
  if (!input) throw new UserError("no hook input on stdin (a JSON object with session_id)");
  // Installed both ways: the plugin's hooks do the work, so one crossing never warns twice.
  const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
  if (plugin) return event === "session-start" ? installedTwiceNotice(plugin) : "";
  return runHookEvent(event, input, runtime);
}

/** Transcript text in a hook's answer: JSON keeps it, escaped; plain text loses its control characters. */
function safeHookText(output: string): string {
  return output.startsWith("{") ? jsonEscaped(output) : terminalText(output);
}

export async function runHook(event: string | undefined, runtime: Runtime, out: Output, stdinFd = 0): Promise<number> {
  const watchdog = setTimeout(
    () => {
      logProblem(runtime, event ?? "?", "gave up: took too long");
      process.exit(0);
    },
    event === "pre-compact" ? WATCHDOG_MS["pre-compact"] : WATCHDOG_MS.other,
  );
  watchdog.unref();
  try {
    const text = readStdinText(stdinFd);
    const output = await hookOutput(event, text, runtime);
    if (output) out.stdout(safeHookText(output.endsWith("\n") ? output : `${output}\n`));
  } catch (error) {
    logProblem(runtime, event ?? "?", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(watchdog);
  }
  return 0;
}

export const hookCommand: Command = {
  name: "hook",
  summary: "Claude Code hook (its JSON on stdin): context warnings, a handoff before compaction, a pointer after it",
  synopsis: `<${HOOK_EVENTS.join(" | ")}> < hook-input.json`,
  options: {},
  arguments: ["EVENT"],
  run: (context) => runHook(context.positionals[0], context.runtime, context.out),
};
