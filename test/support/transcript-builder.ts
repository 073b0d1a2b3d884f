// Builds transcript lines in the shape Claude Code writes them, for tests that need situations the
// real-client fixtures do not cover (damaged files, huge lines, exact byte layouts).
let counter = 0;
const nextId = (prefix: string) => `${prefix}${String(++counter).padStart(6, "0")}`;

interface UsageFigures {
  input: number;
  cacheCreation?: number;
  cacheRead?: number;
  output?: number;
}

export const SESSION_ID = "11111111-2222-4333-8444-555555555555";

function base(extra: Record<string, unknown>) {
  return {
    parentUuid: null,
    isSidechain: false,
    userType: "external",
    cwd: "/home/user/project",
    sessionId: SESSION_ID,
    version: "2.1.197",
    uuid: nextId("uuid-"),
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    ...extra,
  };
}

export function userPrompt(text: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(base({ type: "user", message: { role: "user", content: text }, ...extra }));
}

export function toolResult(toolUseId: string, content: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    base({
      type: "user",
      message: { role: "user", content: [{ type: "tool_result", tool_use_id: toolUseId, content }] },
      ...extra,
    }),
  );
}

/** One API response written as one line per content block, as Claude Code streams it. */
export function assistantResponse(
  usage: UsageFigures,
  blocks: Array<Record<string, unknown>>,
  extra: Record<string, unknown> = {},
): string[] {
  const messageId = nextId("msg_");
  const requestId = nextId("req_");
  return blocks.map((block, index) =>
    JSON.stringify(
      base({
        type: "assistant",
        requestId,
        message: {
          id: messageId,
          type: "message",
          role: "assistant",
          model: "claude-sonnet-4-6",
          content: [block],
          usage: {
            input_tokens: usage.input,
            cache_creation_input_tokens: usage.cacheCreation ?? 0,
            cache_read_input_tokens: usage.cacheRead ?? 0,
            // Earlier lines of a streamed response carry a partial output count.
            output_tokens: index === blocks.length - 1 ? (usage.output ?? 10) : 1,
          },
        },
        ...extra,
      }),
    ),
  );
}

export function text(value: string) {
  return { type: "text", text: value };
}

export function toolUse(name: string, input: Record<string, unknown>, id = nextId("toolu_")) {
  return { type: "tool_use", id, name, input };
}

export function compactBoundary(preTokens: number, postTokens: number, trigger = "manual"): string {
  return JSON.stringify(
    base({
      type: "system",
      subtype: "compact_boundary",
      content: "Conversation compacted",
      compactMetadata: { trigger, preTokens, postTokens },
    }),
  );
}

export function compactSummary(summary: string): string {
  return userPrompt(summary, { isCompactSummary: true });
}

export function transcript(lines: Array<string | string[]>): string {
  return `${lines.flat().join("\n")}\n`;
}
