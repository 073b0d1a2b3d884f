// How every tool answers: the structured object (the only part Claude Code shows the model) plus
// the same sentence as text for clients that read text; failures as isError with an actionable message.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { log } from "../base/log.ts";
import { actionableMessage } from "../base/user-error.ts";

function structuredResult<T extends { summary: string }>(value: T): CallToolResult {
  return {
    content: [{ type: "text", text: value.summary }],
    structuredContent: value as unknown as Record<string, unknown>,
  };
}

function errorResult(tool: string, error: unknown): CallToolResult {
  const known = actionableMessage(error);
  const message = known ?? (error instanceof Error ? error.message : String(error));
  // Refusals and file-system failures the caller can act on are answers, not faults: only the unexpected goes to the log.
  const expected = known !== null;
  if (!expected) log(`${tool} failed: ${error instanceof Error ? error.stack : message}`);
  return { isError: true, content: [{ type: "text", text: `${tool}: ${message}` }] };
}

/** Every tool's one handler path: the answer as `structuredResult`, or a thrown failure as `errorResult`. */
export async function toolAnswer<T extends { summary: string }>(
  tool: string,
  compute: () => Promise<T>,
): Promise<CallToolResult> {
  try {
    return structuredResult(await compute());
  } catch (error) {
    return errorResult(tool, error);
  }
}

/** Claude Code's id for the tool_use block that made this call, when the client sends it. */
export function callingToolUseId(meta: Record<string, unknown> | undefined): string | null {
  const id = meta?.["claudecode/toolUseId"];
  return typeof id === "string" && id ? id : null;
}
