// The CLI's help: every command with its options, the environment it reads and its exit codes,
// aligned by what the terminal shows.
import { PACKAGE } from "../version.ts";
import type { Command } from "./command.ts";

const ENVIRONMENT: ReadonlyArray<[string, string]> = [
  ["CLAUDE_CONFIG_DIR", "Claude Code's config folder (default ~/.claude), where transcripts are found"],
  ["CTX_MONITOR_WARN_PERCENT", "status warn from this percent of the auto-compact point (default 75)"],
  ["CTX_MONITOR_CRITICAL_PERCENT", "status critical from this percent (default 90)"],
  ["CTX_MONITOR_CONTEXT_WINDOW", "the window size when nothing better is known"],
  ["CTX_MONITOR_HANDOFF_DIR", "where handoffs go (default .claude/handoffs in the project)"],
  ["CTX_MONITOR_HANDOFF_MAX_CHARS", "a handoff's size budget in characters (default 5% of the window)"],
  ["CTX_MONITOR_STATE_DIR", "where ctx-monitor keeps its state (default ~/.claude/ctx-monitor)"],
  ["CTX_MONITOR_CONFIG", "config file (default ~/.claude/ctx-monitor/config.json)"],
  ["CTX_MONITOR_COUNT_TOKENS", "0: never ask count_tokens to measure captured parts"],
  ["CTX_MONITOR_KEEP_BODIES", "1: keep Claude Code's request bodies after digesting them"],
  ["CTX_MONITOR_DIGEST_SECONDS", "how often the server digests request bodies by itself (default 60; 0: never)"],
  ["NO_COLOR, FORCE_COLOR", "colour off, or on when not a terminal"],
];

const EXIT_CODES =
  "Exit codes: 0 done, 2 a refusal you can fix (the message says what to pass or fix), 1 a fault to report.";

function table(rows: ReadonlyArray<[string, string]>, indent = "  "): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`);
}

export function helpText(commands: readonly Command[]): string {
  const name = PACKAGE.name;
  return [
    `${name} ${PACKAGE.version}: context-window usage, breakdown and handoffs for Claude Code`,
    "",
    "Usage:",
    ...table([
      [name, "serve MCP on stdio (what `ctx-monitor install` registers with Claude Code)"],
      ...commands.map((command): [string, string] => [`${name} ${command.name}`, command.summary]),
      [`${name} <command> --help`, "one command's options"],
      [`${name} --help, -h`, "this help"],
      [`${name} --version, -v`, "the version"],
    ]),
    "",
    "Options:",
    ...table(commands.map((command): [string, string] => [command.name, command.synopsis || "(none)"])),
    "",
    "Selecting a session: --transcript PATH, or --session ID (a unique prefix will do, such as the 8 characters",
    "in a handoff's name), and --project DIR. With none: the session Claude Code runs the command in",
    "(CLAUDE_CODE_SESSION_ID), else the newest of the project found from the current folder or above it.",
    "",
    "Environment:",
    ...table(ENVIRONMENT),
    "",
    EXIT_CODES,
  ].join("\n");
}

export function commandHelp(command: Command): string {
  return [
    `${PACKAGE.name} ${command.name}: ${command.summary}`,
    "",
    `Usage: ${PACKAGE.name} ${command.name} ${command.synopsis}`.trimEnd(),
    "",
    EXIT_CODES,
  ].join("\n");
}
