// argv → command. Returns the exit code; all printing goes through `out`, so it can run in-process.
import { parseArgs } from "node:util";
import type { Runtime } from "../runtime.ts";
import { SettingsFileError } from "../claude/install/json-text.ts";
import { HandoffPathError } from "../handoff/store.ts";
import { TranscriptNotFoundError } from "../transcript/locate.ts";
import { PACKAGE } from "../version.ts";
import type { Command, Output } from "./command.ts";
import { COMMANDS } from "./commands.ts";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `${PACKAGE.name} ${PACKAGE.version}: context-window usage, breakdown and handoffs for Claude Code`,
    "",
    "usage:",
    `  ${PACKAGE.name}${" ".repeat(width + 1)}serve MCP on stdio (what \`install\` registers, as \`claude mcp add --scope user ctx-monitor -- ctx-monitor\` would)`,
    ...COMMANDS.map((command) => `  ${PACKAGE.name} ${command.name.padEnd(width)} ${command.summary}`),
    "",
    ...COMMANDS.map((command) => `  ${PACKAGE.name} ${command.name} ${command.synopsis}`),
    "",
    "Transcripts are found under $CLAUDE_CONFIG_DIR (default ~/.claude)/projects, as Claude Code writes them.",
  ].join("\n");
}

export async function runCommand(argv: readonly string[], runtime: Runtime, out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    out.stdout(`${helpText()}\n`);
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    out.stdout(`${PACKAGE.version}\n`);
    return EXIT_OK;
  }
  const command: Command | undefined = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    out.stderr(`${PACKAGE.name}: unknown command "${name}"\n\n${helpText()}\n`);
    return EXIT_USAGE;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    out.stderr(`${PACKAGE.name} ${command.name}: ${(error as Error).message}\nusage: ${PACKAGE.name} ${command.name} ${command.synopsis}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    out.stdout(`${command.summary}\nusage: ${PACKAGE.name} ${command.name} ${command.synopsis}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, runtime, out });
  } catch (error) {
    // Refusals a person can act on print their message; anything else its stack, to be reported.
    const known = error instanceof TranscriptNotFoundError || error instanceof HandoffPathError || error instanceof SettingsFileError;
    out.stderr(`${PACKAGE.name} ${command.name}: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  }
}
