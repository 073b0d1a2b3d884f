// One command, once it is known: its arguments parsed and checked, then run with one-line errors. Kept
// apart from the command list so an entry that already knows its command (the installed executable's
// fast path for `usage`) loads that command alone, not every command's modules.
import { parseArgs } from "node:util";
import type { Runtime } from "../base/runtime.ts";
import { actionableMessage } from "../base/user-error.ts";
import { terminalText } from "../present/safe-text.ts";
import { styleFor } from "../present/terminal.ts";
import { PACKAGE } from "../version.ts";
import type { Command, Output } from "./command.ts";
import { inCliWords } from "./flag-words.ts";
import { commandHelp } from "./help.ts";
import { badOptionValue } from "./option-values.ts";

export const EXIT_OK = 0;
/** A fault in ctx-monitor itself: its stack is printed, to be reported. */
const EXIT_FAILED = 1;
/** A refusal a person can fix (a bad argument, an unknown session, a missing or special file, a port in use). */
export const EXIT_USAGE = 2;

/** Options that select a session in two ways at once: which one was meant cannot be known. */
const EXCLUSIVE: ReadonlyArray<[string, string]> = [["transcript", "session"]];

/** Runs `command` with the arguments after its name; resolves to the exit code. */
export async function runKnownCommand(
  command: Command,
  rest: readonly string[],
  runtime: Runtime,
  given: Output,
): Promise<number> {
  const style = styleFor({ env: runtime.env, isTTY: given.terminal?.isTTY ?? false, columns: given.terminal?.columns });
  const out = safeOutput(given, style.color);
  const usageError = (problem: string) => {
    out.stderr(
      `${PACKAGE.name} ${command.name}: ${problem}\nusage: ${PACKAGE.name} ${command.name} ${command.synopsis}\n`,
    );
    return EXIT_USAGE;
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(argumentProblem(error));
  }
  if (parsed.values.help) {
    out.stdout(`${commandHelp(command)}\n`);
    return EXIT_OK;
  }
  const expected = command.arguments ?? [];
  if (parsed.positionals.length !== expected.length) {
    return usageError(
      parsed.positionals.length > expected.length
        ? `unexpected argument "${parsed.positionals[expected.length]}"`
        : `missing ${expected.slice(parsed.positionals.length).join(" ")}`,
    );
  }
  const badValue = badOptionValue(command.valueKinds ?? {}, parsed.values);
  if (badValue) {
    out.stderr(`${PACKAGE.name} ${command.name}: ${badValue}\n`);
    return EXIT_USAGE;
  }
  for (const [a, b] of EXCLUSIVE) {
    if (parsed.values[a] !== undefined && parsed.values[b] !== undefined)
      return usageError(`--${a} and --${b} select a session two ways; pass one`);
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, runtime, out, style });
  } catch (error) {
    // Refusals and file-system failures a person can act on print one line and exit 2; anything else
    // prints its stack and exits 1, to be reported.
    const actionable = actionableMessage(error);
    if (actionable !== null) {
      out.stderr(`${PACKAGE.name} ${command.name}: ${inCliWords(actionable)}\n`);
      return EXIT_USAGE;
    }
    out.stderr(
      `${PACKAGE.name} ${command.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILED;
  }
}

/**
 * The one edge every command prints through: text from transcripts (paths, commands, model and server
 * names) reaches the terminal without control sequences, and only ctx-monitor's own colours survive.
 */
export function safeOutput(out: Output, color: boolean): Output {
  return {
    stdout: (text) => out.stdout(terminalText(text, { color })),
    stderr: (text) => out.stderr(terminalText(text)),
    ...(out.terminal ? { terminal: out.terminal } : {}),
  };
}

/** parseArgs' messages in a line a person reads ("unknown option --foo", "--session needs a value"). */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^']*?)(?: <value>)?'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option)
    return /argument missing/.test(message) ? `${option.split(", ").at(-1)} needs a value` : `${option} takes no value`;
  return message;
}
