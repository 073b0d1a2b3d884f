// Tool-level `_meta` that Claude Code reads from tools/list. From 2.1.332 it defers MCP tools behind
// ToolSearch: the model sees a tool's name only after searching. The small budget tool is kept always
// loaded, so an agent told to check its budget can call it at once; the others are found by their hint.

/** Sent in every request in full, never deferred (costs its definition in every request). */
const ALWAYS_LOAD = "anthropic/alwaysLoad";
/** Words ToolSearch matches a deferred tool by, besides its name and description. */
const SEARCH_HINT = "anthropic/searchHint";

export function toolMeta(searchHint: string, options: { alwaysLoad?: boolean } = {}): Record<string, unknown> {
  return { [SEARCH_HINT]: searchHint, ...(options.alwaysLoad ? { [ALWAYS_LOAD]: true } : {}) };
}
