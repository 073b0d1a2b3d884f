// The inputs every tool shares: which session to look at. With neither, the calling session is found.
import { z } from "zod";

export const sessionInputShape = {
  session_id: z
    .string()
    .min(1)
    .optional()
    .describe("Claude Code session id to inspect. Omit to inspect the session that is calling this tool."),
  transcript_path: z
    .string()
    .min(1)
    .optional()
    .describe("Path of a session transcript (.jsonl) to inspect. Omit to inspect the calling session."),
};

interface SessionInput {
  session_id?: string | undefined;
  transcript_path?: string | undefined;
}

export function toLocateRequest(input: SessionInput): { sessionId?: string; transcriptPath?: string } {
  return {
    ...(input.session_id ? { sessionId: input.session_id } : {}),
    ...(input.transcript_path ? { transcriptPath: input.transcript_path } : {}),
  };
}

/**
 * A tool's input as a strict object: an argument the tool does not take (`path`, `project_dir`) is a
 * validation error that names the allowed ones, instead of being dropped without a word.
 */
export function strictInput<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown argument ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}; allowed: ${allowed}`
        : undefined,
  });
}
