// `ctx-monitor statusline --subagent`: Claude Code's `subagentStatusLine` command. Reads the agent
// panel's rows on stdin and answers, for each subagent whose transcript exists, one line with that
// subagent's own context (read as get_context_usage reads a subagent's transcript). Rows it knows
// nothing about get no line, so Claude Code shows its own.
import { existsSync } from "node:fs";
import type { Runtime } from "../base/runtime.ts";
import { readCompactSettings } from "../claude/compact-settings.ts";
import { readStdinText } from "../claude/stdin-json.ts";
import { parseSubagentStatuslineInput } from "../claude/subagent-statusline-input.ts";
import { loadSettings } from "../config/settings.ts";
import { createUsageDeps, readContextUsage } from "../context/read-usage.ts";
import { lineStyle } from "../integration/statusline.ts";
import { subagentRowsOutput, subagentRowText } from "../integration/subagent-statusline.ts";
import { terminalText } from "../present/safe-text.ts";
import { subagentTranscriptPath } from "../transcript/subagent-files.ts";
import type { Output } from "./command.ts";

/** The answer's lines for the input text; never throws (a row that cannot be read is left to Claude Code). */
export async function subagentStatuslineText(text: string, runtime: Runtime): Promise<string> {
  const input = parseSubagentStatuslineInput(text);
  if (!input?.transcriptPath) return "";
  const settings = loadSettings(runtime);
  const compactSettings = readCompactSettings(runtime, input.cwd ?? runtime.cwd);
  const style = lineStyle(runtime.env);
  const deps = createUsageDeps(runtime);
  const rows: Array<{ id: string; content: string }> = [];
  for (const row of input.rows) {
    const path = subagentTranscriptPath(input.transcriptPath, row.id);
    if (!path || !existsSync(path)) continue;
    try {
      const usage = await readContextUsage({ transcriptPath: path }, deps);
      // The label is another's text (a description the model wrote): none of its escapes pass, and of the
      // whole line only ctx-monitor's own colours.
      const label = row.label === null ? null : terminalText(row.label);
      const line = subagentRowText(
        {
          row: { ...row, label },
          sessionId: input.sessionId,
          usage,
          env: runtime.env,
          compactSettings,
          thresholds: settings,
        },
        style,
      );
      if (line !== null) rows.push({ id: row.id, content: terminalText(line, { color: style.color }) });
    } catch {
      // A transcript with no response yet: Claude Code's own row stays.
    }
  }
  return subagentRowsOutput(rows);
}

export async function runSubagentStatusline(runtime: Runtime, out: Output, stdinFd = 0): Promise<number> {
  out.stdout(await subagentStatuslineText(readStdinText(stdinFd), runtime));
  return 0;
}
