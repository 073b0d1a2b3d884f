// Peer for the start-up benchmark: the least a stdio MCP server can do (plain node, no SDK) — answer
// initialize and tools/list with one empty tool list. ctx-monitor's start-up is reported against it.
import { createInterface } from "node:readline";

const reply = (id, result) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const message = JSON.parse(line);
  if (message.method === "initialize") {
    reply(message.id, {
      protocolVersion: message.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: "minimal", version: "0" },
    });
  } else if (message.method === "tools/list") {
    reply(message.id, { tools: [] });
  }
}
