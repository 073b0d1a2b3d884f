// What a CLI command is: its name, its options, and a run function that writes through `out`.
import type { ParseArgsConfig } from "node:util";
import type { Runtime } from "../base/runtime.ts";
import { jsonText } from "../present/safe-text.ts";
import type { Style } from "../present/terminal.ts";
import type { OptionKind } from "./option-values.ts";

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal, and how wide: decides colour and wrapping. Absent: a pipe. */
  terminal?: { isTTY: boolean; columns: number | undefined };
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  values: OptionValues;
  positionals: string[];
  runtime: Runtime;
  out: Output;
  /** How the terminal shows answers (colour, width, block characters). */
  style: Style;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments as shown in help, after the command name. */
  synopsis: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** String options that must hold a number or a URL: checked before `run`. */
  valueKinds?: Readonly<Record<string, OptionKind>>;
  /** Names of the positional arguments it requires, in order; any other positional is refused. */
  arguments?: readonly string[];
  /** Resolves to the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** Transcript selection, the same for every command that reads a session. */
export const selectionOptions = {
  transcript: { type: "string" },
  session: { type: "string" },
  project: { type: "string" },
} as const satisfies Command["options"];

export const SELECTION_SYNOPSIS = "[--transcript PATH | --session ID] [--project DIR]";

export function selectionFrom(values: OptionValues): {
  transcriptPath?: string;
  sessionId?: string;
  projectDir?: string;
} {
  const pick = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const transcriptPath = pick("transcript");
  const sessionId = pick("session");
  const projectDir = pick("project");
  return {
    ...(transcriptPath ? { transcriptPath } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(projectDir ? { projectDir } : {}),
  };
}

/** Prints `value` as the tool's exact JSON, or as text for people. */
export function printResult<T>(context: CommandContext, value: T, human: (value: T, style: Style) => string): void {
  context.out.stdout(context.values.json ? `${jsonText(value)}\n` : `${human(value, context.style)}\n`);
}
