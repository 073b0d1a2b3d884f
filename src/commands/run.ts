// argv → command. Returns the exit code; all printing goes through `out`, so it can run in-process.

import type { Runtime } from "../base/runtime.ts";
import { terminalText } from "../present/safe-text.ts";
import { PACKAGE } from "../version.ts";
import type { Command, Output } from "./command.ts";
import { helpText } from "./help.ts";
import { COMMANDS } from "./index.ts";
import { EXIT_OK, EXIT_USAGE, runKnownCommand } from "./run-command.ts";

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
      terminalText(
        `${PACKAGE.name}: unknown command "${name}"; the commands are ${known} (${PACKAGE.name} --help shows them all)\n`,
      ),
    );
    return EXIT_USAGE;
  }
  return runKnownCommand(command, rest, runtime, out);
}
