// `ctx-monitor statusline`: Claude Code's statusline command. Reads its JSON on stdin, records the
// session (its id, transcript, model and exact window) for the server, prints one line. Claude Code
// runs it after every message, so it loads nothing it does not use (no MCP SDK, no schema library).
// With --subagent: the `subagentStatusLine` command (each subagent's own context, subagent-statusline.ts).

import type { Runtime } from "../base/runtime.ts";
import { readCompactSettings } from "../claude/compact-settings.ts";
import { recordSession } from "../claude/record-session.ts";
import { parseStatuslineInput, type StatuslineInput } from "../claude/statusline-input.ts";
import { readStdinText } from "../claude/stdin-json.ts";
import { DEFAULT_SETTINGS, loadSettings } from "../config/settings.ts";
import { createUsageDeps, readContextUsage } from "../context/read-usage.ts";
import { type ContextUsage, computeUsage } from "../context/usage.ts";
import { lineStyle, renderStatusline, statuslineFigures } from "../integration/statusline.ts";
import { terminalText } from "../present/safe-text.ts";
import { withByteSource } from "../transcript/byte-source.ts";
import { readTailSnapshot } from "../transcript/tail-snapshot.ts";
import type { Command, Output } from "./command.ts";

/**
 * With Claude Code's exact current usage, the transcript is needed only for the recent pace: its tail
 * alone, through the same computation as get_context_usage (no compaction count, no session search).
 */
function tailUsage(input: StatuslineInput, transcriptPath: string, runtime: Runtime): ContextUsage {
  const tail = withByteSource(transcriptPath, (source) => readTailSnapshot(source));
  return computeUsage({
    sessionId: input.sessionId,
    subagent: null,
    transcriptPath,
    sessionSource: "transcript-path",
    sessionGuessed: false,
    tail,
    baseline: null,
    compactions: { count: 0, last: null },
    windowState: null,
    env: runtime.env,
    thresholds: DEFAULT_SETTINGS,
    fresh: true,
    skippedLines: 0,
  });
}

async function transcriptUsage(input: StatuslineInput, runtime: Runtime): Promise<ContextUsage | null> {
  if (!input.transcriptPath) return null;
  try {
    if (input.currentUsage !== null) return tailUsage(input, input.transcriptPath, runtime);
    return await readContextUsage(
      {
        transcriptPath: input.transcriptPath,
        sessionId: input.sessionId,
        ...(input.projectDir ? { projectDir: input.projectDir } : {}),
      },
      createUsageDeps(runtime),
    );
  } catch {
    // A session with no transcript yet: Claude Code's own figures are enough.
    return null;
  }
}

/** One line for the statusline from its input text; never throws. */
export async function statuslineLine(text: string, runtime: Runtime): Promise<string> {
  const input = parseStatuslineInput(text);
  if (!input) return "ctx-monitor: no statusline input from Claude Code";
  try {
    recordSession(runtime, {
      sessionId: input.sessionId,
      transcriptPath: input.transcriptPath,
      cwd: input.projectDir,
      modelId: input.modelId,
      contextWindowSize: input.contextWindowSize,
      writtenBy: "statusline",
    });
  } catch {
    // The line still shows; the server falls back to other evidence.
  }
  const usage = await transcriptUsage(input, runtime);
  const settings = loadSettings(runtime);
  const figures = statuslineFigures({
    input,
    usage,
    env: runtime.env,
    compactSettings: readCompactSettings(runtime, input.projectDir ?? runtime.cwd),
    thresholds: settings,
    budget: settings.budget,
  });
  if (!figures) return `${input.modelName ?? input.modelId ?? "Claude"}: no context figures yet`;
  return renderStatusline(figures, lineStyle(runtime.env));
}

export async function runStatusline(runtime: Runtime, out: Output, stdinFd = 0): Promise<number> {
  const text = readStdinText(stdinFd);
  // The model's name and the transcript are another's text: only ctx-monitor's own colours pass.
  out.stdout(`${terminalText(await statuslineLine(text, runtime), { color: lineStyle(runtime.env).color })}\n`);
  return 0;
}

export const statuslineCommand: Command = {
  name: "statusline",
  summary: "Claude Code's statusline (its JSON on stdin): usage, a bar, tokens and steps until auto-compact",
  synopsis: "[--subagent] < statusline-input.json",
  options: { subagent: { type: "boolean" } },
  run: async (context) =>
    context.values.subagent === true
      ? (await import("./subagent-statusline.ts")).runSubagentStatusline(context.runtime, context.out)
      : runStatusline(context.runtime, context.out),
};
