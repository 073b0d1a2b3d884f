// No command: serve MCP on stdio. Nothing but protocol may reach stdout from here on.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createServer, createServerDeps } from "../server.ts";
import type { Runtime } from "../runtime.ts";

export async function serveStdio(runtime: Runtime): Promise<void> {
  const server = createServer(createServerDeps(runtime));
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
