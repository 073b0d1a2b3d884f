// Peer for the start-up benchmark: a one-tool server written the usual way, importing the MCP SDK and
// zod from node_modules at run time (as most published servers do). ctx-monitor bundles both instead.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "sdk-peer", version: "0" });
server.registerTool(
  "noop",
  { description: "Does nothing.", inputSchema: { note: z.string().optional() } },
  async () => ({
    content: [],
  }),
);
await server.connect(new StdioServerTransport());
