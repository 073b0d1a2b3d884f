#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import "./chunk-6RQ7PFQB.js";

// src/tools/list-own-tools.ts
var listed;
function listOwnTools(makeServer) {
  listed ??= list(makeServer).catch((error) => {
    listed = void 0;
    throw error;
  });
  return listed;
}
async function list(makeServer) {
  const [{ Client }, { InMemoryTransport }] = await Promise.all([
    import("./client-7UFW5I5D.js"),
    import("./inMemory-I3PZFBZZ.js")
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
export {
  listOwnTools
};
