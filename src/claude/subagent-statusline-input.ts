// Claude Code's `subagentStatusLine` input, checked by hand (it runs every few seconds while subagents
// run). Seen in 2.1.197 and 2.1.332: the session's hook fields plus `columns` and `tasks`, one per row
// of the agent panel: `{id, type, status, description, label, tokenCount, ...}`, where a subagent's
// (`type: "local_agent"`) id is the agent id of its transcript `subagents/agent-<id>.jsonl`; 2.1.332
// adds `model` and `contextWindowSize`. The command answers one `{"id", "content"}` line per row.
import { countField, parseJsonObject, stringField } from "./stdin-json.ts";

export interface SubagentRow {
  id: string;
  type: string | null;
  /** What Claude Code shows in the row (the content replaces it): the label, else the description. */
  label: string | null;
  modelId: string | null;
  contextWindowSize: number | null;
}

export interface SubagentStatuslineInput {
  sessionId: string;
  transcriptPath: string | null;
  cwd: string | null;
  rows: SubagentRow[];
}

export function parseSubagentStatuslineInput(text: string): SubagentStatuslineInput | null {
  const input = parseJsonObject(text);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const tasks = Array.isArray(input.tasks) ? input.tasks : [];
  const rows: SubagentRow[] = [];
  for (const task of tasks) {
    const object =
      typeof task === "object" && task !== null && !Array.isArray(task) ? (task as Record<string, unknown>) : null;
    const id = stringField(object, "id");
    if (!id) continue;
    const size = countField(object, "contextWindowSize");
    rows.push({
      id,
      type: stringField(object, "type"),
      label: stringField(object, "label") ?? stringField(object, "description"),
      modelId: stringField(object, "model"),
      contextWindowSize: size !== null && Number.isInteger(size) && size > 0 ? size : null,
    });
  }
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    cwd: stringField(input, "cwd"),
    rows,
  };
}
