// The answer's internal labels in words a person reads. Unknown labels (a newer source) are shown as
// they are rather than hidden.

const WINDOW_SOURCE_WORDS: Record<string, string> = {
  statusline: "as Claude Code's statusline reported it",
  "hook-model": "from the model id Claude Code started the session with",
  env: "set by CTX_MONITOR_CONTEXT_WINDOW",
  "api-request": "from the request Claude Code recorded",
  "model-id": "from the model id's [1m]",
  "model-table": "known for this model",
  "usage-above-200k": "a request was larger than 200k",
  capture: "from the captured request",
  assumed: "assumed",
};

const SESSION_SOURCE_WORDS: Record<string, string> = {
  "transcript-path": "the transcript you named",
  "tool-use-id": "found by the calling tool call",
  "session-id": "the session you named",
  "hook-state": "recorded by ctx-monitor's hook or statusline",
  "claude-process": "the running Claude Code process",
  env: "the session Claude Code started this with",
  "newest-in-project": "the project's newest transcript",
};

export function windowSourceWords(source: string): string {
  return WINDOW_SOURCE_WORDS[source] ?? source;
}

export function sessionSourceWords(source: string): string {
  return SESSION_SOURCE_WORDS[source] ?? source;
}
