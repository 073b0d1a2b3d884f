// No command: serve MCP on stdio. Nothing but protocol may reach stdout from here on.

import { log } from "../base/log.ts";
import type { Runtime } from "../base/runtime.ts";
import { digestPendingCapture } from "../capture/session-capture.ts";
import { createEntryDeps } from "../deps.ts";
import { createServer } from "../server.ts";
import { LineStdioTransport } from "../stdio-transport.ts";

export async function serveStdio(runtime: Runtime): Promise<void> {
  const server = createServer(createEntryDeps(runtime));
  const transport = new LineStdioTransport();
  let stopping = false;
  let failure: Error | null = null;
  // Security: the server never goes silent. A message over the 10 MiB line limit, a batch or a line that
  // is not JSON-RPC is answered with an error and the server goes on (src/stdio-transport.ts); a broken
  // stdin closes the connection, and the process logs why and exits so Claude Code can start it again.
  server.server.onerror = (error) => {
    failure = error;
    log(`MCP transport error: ${error.message}`);
  };
  server.server.onclose = () => {
    if (stopping) return;
    log(
      `MCP connection closed${failure ? ` after: ${failure.message}` : ""}; exiting so the client can restart the server`,
    );
    process.exit(failure ? 1 : 0);
  };
  await server.connect(transport);
  const stop = () => {
    stopping = true;
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  // The client went away while an answer was being written: nothing is left to serve.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") stop();
    else log(`stdout failed: ${error.message}`);
  });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  digestOnATimer(runtime);
}

/** How often the server digests Claude Code's request bodies by itself (CTX_MONITOR_DIGEST_SECONDS; 0: never). */
const DIGEST_SECONDS = 60;

/**
 * Claude Code writes a body per request, each repeating the conversation so far: the server digests and
 * removes them every minute (in bounded slices), whether or not the agent calls a tool. Capture is
 * optional, so a failure only logs; the timer never keeps the process alive.
 */
function digestOnATimer(runtime: Runtime): void {
  const configured = Number(runtime.env.CTX_MONITOR_DIGEST_SECONDS ?? DIGEST_SECONDS);
  const seconds = Number.isFinite(configured) && configured >= 0 ? configured : DIGEST_SECONDS;
  if (seconds === 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    digestPendingCapture(runtime)
      .catch((error: unknown) =>
        log(`could not digest request bodies: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
}
