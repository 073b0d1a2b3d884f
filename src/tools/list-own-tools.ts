// ctx-monitor's own tools exactly as it lists them to a client (tools/list), so the breakdown can size
// their definitions: a second server instance, connected in-process, listed once and remembered.
import type { ListedTool } from "../context/breakdown/mcp-definitions.ts";
import type { Runtime } from "../runtime.ts";
import { createServer, createServerDeps } from "../server.ts";

let listed: Promise<ListedTool[]> | undefined;

export function listOwnTools(runtime: Runtime): Promise<ListedTool[]> {
  listed ??= list(runtime).catch((error: unknown) => {
    listed = undefined;
    throw error;
  });
  return listed;
}

async function list(runtime: Runtime): Promise<ListedTool[]> {
  const [{ Client }, { InMemoryTransport }] = await Promise.all([
    import("@modelcontextprotocol/sdk/client/index.js"),
    import("@modelcontextprotocol/sdk/inMemory.js"),
  ]);
  const server = createServer(createServerDeps(runtime));
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
