// MCP tool: write a rich, lossless handoff before compaction — the agent's own notes plus everything
// the transcript holds exactly — and say how to resume from it.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { MAX_HANDOFF_CHARS, MIN_HANDOFF_CHARS } from "../config/handoff-size.ts";
import { type HandoffDeps, type HandoffResult, writeHandoff } from "../handoff/write-handoff.ts";
import { outputShapeOf } from "./output-shape.ts";
import { sessionInputShape, strictInput, toLocateRequest } from "./session-input.ts";
import { toolMeta } from "./tool-meta.ts";
import { callingToolUseId, toolAnswer } from "./tool-result.ts";

const WRITE_HANDOFF = "write_handoff";

const note = (what: string) => z.string().optional().describe(what);

const handoffInputShape = {
  goal: note("What the user wants overall, in your words, with the acceptance criteria you know of."),
  current_state: note("Where the work stands now: what is done and verified, what is half-done, what is untested."),
  decisions: note(
    "Decisions taken and why (alternatives rejected and the reason), so the next context does not reopen them.",
  ),
  next_steps: note("The concrete next steps, in order, with file names and commands."),
  open_questions: note("What is unclear or waiting for the user."),
  warnings: note("Traps and things not to do: fragile areas, commands with side effects, assumptions that bit you."),
  name: z
    .string()
    .optional()
    .describe("Optional short label for the file name (letters, digits, '.', '_', '-'); not a path."),
  max_chars: z
    .number()
    .int()
    .min(MIN_HANDOFF_CHARS)
    .max(MAX_HANDOFF_CHARS)
    .optional()
    .describe(
      "Size budget of the document in characters (default: 5% of the context window, 40,000 at 200k). Your notes are always kept whole.",
    ),
  ...sessionInputShape,
};

export const handoffOutputShape = outputShapeOf<HandoffResult>()({
  path: z.string().describe("The handoff file written."),
  bytes: z.number().int(),
  sections: z.array(z.string()),
  sessionId: z.string(),
  transcriptPath: z.string(),
  projectDir: z.string(),
  promptsIncluded: z.number().int(),
  filesTouched: z.number().int(),
  commandsRun: z.number().int(),
  failedCommands: z.number().int(),
  redactions: z.number().int().describe("Secrets replaced by [REDACTED:…] markers."),
  earlierHandoffs: z.number().int(),
  maxChars: z.number().int().describe("The size budget the document was written to, in characters."),
  notesCarriedFrom: z
    .string()
    .nullable()
    .describe("The earlier handoff whose agent's notes this one carries forward (written without notes)."),
  resumeInstruction: z.string(),
  summary: z.string(),
});

export function registerWriteHandoff(server: McpServer, deps: HandoffDeps): void {
  server.registerTool(
    WRITE_HANDOFF,
    {
      title: "Write handoff",
      description:
        "Write a handoff document before the context is compacted or the session ends. Give your own account " +
        "(goal, current state, decisions and why, next steps, open questions, warnings); ctx-monitor adds what the " +
        "transcript holds exactly: every user prompt verbatim, files read/edited/written, commands and their failures, " +
        "errors, the task list, subagent reports, git status and the context figures. Secrets are redacted. Returns " +
        "the file's path and how to resume from it.",
      inputSchema: strictInput(handoffInputShape),
      outputSchema: handoffOutputShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      _meta: toolMeta(
        "handoff document before compaction: save progress, decisions and next steps for the next session",
      ),
    },
    (input, extra) =>
      toolAnswer(WRITE_HANDOFF, () =>
        writeHandoff(
          {
            ...toLocateRequest(input),
            toolUseId: callingToolUseId(extra._meta),
            writer: "agent",
            name: input.name,
            maxChars: input.max_chars,
            notes: {
              goal: input.goal,
              currentState: input.current_state,
              decisions: input.decisions,
              nextSteps: input.next_steps,
              openQuestions: input.open_questions,
              warnings: input.warnings,
            },
          },
          deps,
        ),
      ),
  );
}
