// The ctx-monitor executable: no arguments serves MCP on stdio; otherwise a CLI command.
// Everything is imported lazily: the statusline and hooks run on every message, and start-up time is
// most of their cost, so they load only their own small module graph (never the MCP SDK or zod).
import { log } from "./base/log.ts";
import { nodeRuntime } from "./base/runtime.ts";

const argv = process.argv.slice(2);
const runtime = nodeRuntime();
const output = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  terminal: { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns },
};

async function runCli(): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "statusline" && rest.length === 0)
    return (await import("./commands/statusline.ts")).runStatusline(runtime, output);
  if (name === "hook" && rest.length === 1)
    return (await import("./commands/hook.ts")).runHook(rest[0], runtime, output);
  return (await import("./commands/run.ts")).runCommand(argv, runtime, output);
}

if (argv.length === 0) {
  // Someone ran it by hand: say what it is (stderr only; stdout belongs to the protocol).
  if (process.stdin.isTTY) {
    process.stderr.write(
      "ctx-monitor: this is the MCP server, waiting for a client on stdin (Claude Code starts it). For the CLI, see ctx-monitor --help; Ctrl-C to quit.\n",
    );
  }
  // Loaded only here: the MCP SDK and zod are most of the start-up time of CLI commands.
  import("./commands/serve.ts")
    .then(({ serveStdio }) => serveStdio(runtime))
    .catch((error: unknown) => {
      log(`could not start the MCP server: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
} else {
  // A reader that stops early (`ctx-monitor breakdown | head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await runCli();
}
