// ctx-monitor's own tools exactly as it lists them to a client (tools/list), so the breakdown can size
// their definitions: a second server instance, connected in-process, listed once and remembered.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ListedTool } from "../context/breakdown/mcp-definitions.ts";

let listed: Promise<ListedTool[]> | undefined;

/** `makeServer` builds a server as the stdio entry would (passed in: this file must not import server.ts, which imports it). */
export function listOwnTools(makeServer: () => McpServer): Promise<ListedTool[]> {
  listed ??= list(makeServer).catch((error: unknown) => {
    listed = undefined;
    throw error;
  });
  return listed;
}

async function list(makeServer: () => McpServer): Promise<ListedTool[]> {
  const [{ Client }, { InMemoryTransport }] = await Promise.all([
    import("@modelcontextprotocol/sdk/client/index.js"),
    import("@modelcontextprotocol/sdk/inMemory.js"),
  ]);
  const server = makeServer();
  const client = new Client({ name: "ctx-monitor-self", version: "0" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  try {
    const { tools } = await client.listTools();
    return tools.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema }));
  } finally {
    await client.close();
  }
}
