// argv → command. Returns the exit code; all printing goes through `out`, so it can run in-process.
import { parseArgs } from "node:util";
import { styleFor } from "../present/terminal.ts";
import type { Runtime } from "../runtime.ts";
import { actionableMessage } from "../user-error.ts";
import { PACKAGE } from "../version.ts";
import type { Command, Output } from "./command.ts";
import { COMMANDS } from "./commands.ts";
import { commandHelp, helpText } from "./help.ts";

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** Options that select a session in two ways at once: which one was meant cannot be known. */
const EXCLUSIVE: ReadonlyArray<[string, string]> = [["transcript", "session"]];

export async function runCommand(argv: readonly string[], runtime: Runtime, out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    out.stdout(`${helpText(COMMANDS)}\n`);
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    out.stdout(`${PACKAGE.version}\n`);
    return EXIT_OK;
  }
  const command: Command | undefined = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const known = COMMANDS.map((candidate) => candidate.name).join(", ");
    out.stderr(
      `${PACKAGE.name}: unknown command "${name}"; the commands are ${known} (${PACKAGE.name} --help shows them all)\n`,
    );
    return EXIT_USAGE;
  }
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
  for (const [a, b] of EXCLUSIVE) {
    if (parsed.values[a] !== undefined && parsed.values[b] !== undefined)
      return usageError(`--${a} and --${b} select a session two ways; pass one`);
  }
  const style = styleFor({ env: runtime.env, isTTY: out.terminal?.isTTY ?? false, columns: out.terminal?.columns });
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, runtime, out, style });
  } catch (error) {
    // Refusals and file-system failures a person can act on print one line; anything else its stack, to be reported.
    const known = actionableMessage(error);
    out.stderr(
      `${PACKAGE.name} ${command.name}: ${known ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
    );
    return EXIT_FAILED;
  }
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
