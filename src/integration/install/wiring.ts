// What ctx-monitor puts into Claude Code's configuration: the commands (absolute paths of node and of
// the CLI, so they run whatever PATH Claude Code has), the MCP server entry, and how to recognise them
// again for an update or an uninstall.
import { CLAUDE_EVENT_NAMES, HOOK_EVENTS, type HookEvent } from "../hooks/hook-input.ts";

export const SERVER_NAME = "ctx-monitor";

export interface Executables {
  /** Absolute path of node; null: run `cli` as a command found on PATH (files a team commits). */
  node: string | null;
  cli: string;
  /** A state folder other than the default, which the statusline must record into (the plugin's). */
  stateDir?: string;
}

/** For a project's files, which a team commits: nothing of this machine, `ctx-monitor` from PATH. */
export const ON_PATH: Executables = { node: null, cli: "ctx-monitor" };

function invocation(executables: Executables): string {
  return [executables.node, executables.cli].flatMap((word) => (word === null ? [] : [shellQuote(word)])).join(" ");
}

/** POSIX shell quoting: hooks and the statusline run through a shell. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function hookCommand(executables: Executables, event: HookEvent): string {
  return `${invocation(executables)} hook ${event}`;
}

export function statuslineCommand(executables: Executables): string {
  const state = executables.stateDir ? `CTX_MONITOR_STATE_DIR=${shellQuote(executables.stateDir)} ` : "";
  return `${state}${invocation(executables)} statusline`;
}

/** Claude Code's `subagentStatusLine` (the agent panel's rows), beside the statusline. */
export function subagentStatuslineCommand(executables: Executables): string {
  return `${statuslineCommand(executables)} --subagent`;
}

export function serverEntry(executables: Executables): Record<string, unknown> {
  return executables.node === null
    ? { type: "stdio", command: executables.cli, args: [], env: {} }
    : { type: "stdio", command: executables.node, args: [executables.cli], env: {} };
}

/** Ours even when installed from another path or another node: the CLI file, then the subcommand. */
const OURS = /(?:ctx-monitor|bin\.cjs|cli\.js)['"]?\s+(hook\s+[a-z-]+|statusline(?:\s+--subagent)?)\s*$/;

export function isOurHookCommand(command: unknown, event: HookEvent): boolean {
  return typeof command === "string" && OURS.exec(command)?.[1]?.replace(/\s+/g, " ") === `hook ${event}`;
}

export function isOurStatusline(command: unknown): boolean {
  return typeof command === "string" && OURS.exec(command)?.[1] === "statusline";
}

export function isOurSubagentStatusline(command: unknown): boolean {
  return typeof command === "string" && OURS.exec(command)?.[1]?.replace(/\s+/g, " ") === "statusline --subagent";
}

export const HOOKS: ReadonlyArray<{ event: HookEvent; name: string }> = HOOK_EVENTS.map((event) => ({
  event,
  name: CLAUDE_EVENT_NAMES[event],
}));
