// What `ctx-monitor usage` needs in its own CommonJS bundle (dist/usage.cjs, loaded by dist/bin.cjs):
// the command and the runner that parses its options, nothing of the other commands.

export { runKnownCommand } from "./run-command.ts";
export { usageCommand } from "./usage.ts";
