// What the scripted model does: a list of steps for the main conversation and one for subagents.
// Each step is one API response; when a list runs out, the model answers "Done."
export type ScriptBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

export type Step = ScriptBlock[];

export interface Script {
  main: Step[];
  subagent?: Step[];
  /**
   * The size every main response reports at least, until Claude Code sends a compaction request: a
   * session kept past its auto-compact point until the client compacts, whenever it checks.
   */
  reportedUntilCompacted?: number;
  /** What a compaction request is answered with (default: a short generic summary). */
  summary?: string;
}

/** Put this in a subagent's prompt (Task/Agent tool input) so its requests are routed to `subagent`. */
export const SUBAGENT_MARKER = "[e2e-subagent]";

let toolIds = 0;
export function toolUse(name: string, input: Record<string, unknown> = {}): Extract<ScriptBlock, { type: "tool_use" }> {
  return { type: "tool_use", id: `toolu_e2e_${String(++toolIds).padStart(4, "0")}`, name, input };
}

export function text(value: string): ScriptBlock {
  return { type: "text", text: value };
}

export const ours = (tool: string) => `mcp__ctx-monitor__${tool}`;

export type RequestKind = "main" | "subagent" | "compaction" | "side";

interface MessagesBody {
  messages?: Array<{ role?: string; content?: unknown }>;
  tools?: Array<{ name?: string }>;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((block) => (typeof block?.text === "string" ? block.text : "")).join("\n");
}

/**
 * The instruction that ends a compaction request: 2.1.197 asks to "provide your summary", 2.1.332 to
 * "create a detailed summary of the conversation"; both start with "Respond with TEXT ONLY".
 */
const COMPACTION_INSTRUCTION =
  /create a detailed summary of the conversation|provide your summary|Respond with TEXT ONLY[\s\S]*summary/i;

/** Which script a request belongs to, from what Claude Code sends. */
export function classifyRequest(body: MessagesBody): RequestKind {
  const messages = body.messages ?? [];
  // The instruction is in the newest user message; other roles ("system", 2.1.197) may follow it.
  const last = messages.findLast((message) => message.role === "user");
  if (last && last.role === "user" && COMPACTION_INSTRUCTION.test(textOf(last.content))) return "compaction";
  if (!body.tools?.length) return "side";
  if (textOf(messages[0]?.content).includes(SUBAGENT_MARKER)) return "subagent";
  return "main";
}
