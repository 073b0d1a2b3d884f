// No command: serve MCP on stdio. Nothing but protocol may reach stdout from here on.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createServer, createServerDeps } from "../server.ts";
import { log } from "../log.ts";
import type { Runtime } from "../runtime.ts";

export async function serveStdio(runtime: Runtime): Promise<void> {
  const server = createServer(createServerDeps(runtime));
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const stop = () => {
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
}
