// `ctx-monitor handoff`: the same code path as write_handoff, for hooks and people.

import { parseHandoffChars } from "../config/handoff-size.ts";
import { createUsageDeps } from "../context/read-usage.ts";
import { createHandoffDeps, writeHandoff } from "../handoff/write-handoff.ts";
import { describeHandoff } from "../present/handoff.ts";
import { type Command, printResult, SELECTION_SYNOPSIS, selectionFrom, selectionOptions } from "./command.ts";

const text = { type: "string" } as const;

export const handoffCommand: Command = {
  name: "handoff",
  summary: "write a handoff document for the session (prompts verbatim, files, commands, your notes)",
  synopsis: `[--json] [--goal T] [--state T] [--decisions T] [--next T] [--questions T] [--warnings T] [--name LABEL] [--max-chars N] ${SELECTION_SYNOPSIS}`,
  options: {
    ...selectionOptions,
    json: { type: "boolean" },
    goal: text,
    state: text,
    decisions: text,
    next: text,
    questions: text,
    warnings: text,
    name: text,
    "max-chars": text,
  },
  async run(context) {
    const pick = (key: string) =>
      typeof context.values[key] === "string" ? (context.values[key] as string) : undefined;
    const result = await writeHandoff(
      {
        ...selectionFrom(context.values),
        writer: "cli",
        name: pick("name"),
        maxChars: pick("max-chars") === undefined ? undefined : parseHandoffChars(pick("max-chars"), "--max-chars"),
        notes: {
          goal: pick("goal"),
          currentState: pick("state"),
          decisions: pick("decisions"),
          nextSteps: pick("next"),
          openQuestions: pick("questions"),
          warnings: pick("warnings"),
        },
      },
      createHandoffDeps(context.runtime, createUsageDeps(context.runtime)),
    );
    printResult(context, result, describeHandoff);
    return 0;
  },
};
