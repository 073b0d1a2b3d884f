// Another MCP server beside ctx-monitor, as a user might have one: two tools with sizeable
// definitions, spoken in plain JSON-RPC over stdio. Its definitions reach the model only inside
// Claude Code's requests, so only capture data can size them. Both ask to be always loaded, so that
// Claude Code 2.1.332 sends them in full rather than deferred behind ToolSearch.
import { createInterface } from "node:readline";

const TOOLS = [
  {
    name: "lookup_ticket",
    description: `Looks up a ticket in the tracker by its key and returns its title, status and history. ${"Use it before answering questions about work items. ".repeat(12)}`,
    inputSchema: {
      type: "object",
      properties: { key: { type: "string", description: "Ticket key such as ABC-123" } },
      required: ["key"],
    },
    _meta: { "anthropic/alwaysLoad": true },
  },
  {
    name: "search_tickets",
    description: `Searches tickets by free text and filters. ${"Returns at most fifty matches, newest first. ".repeat(20)}`,
    inputSchema: {
      type: "object",
      properties: {
        query: { type: "string" },
        status: { type: "string", enum: ["open", "closed", "any"] },
        limit: { type: "number" },
      },
      required: ["query"],
    },
    _meta: { "anthropic/alwaysLoad": true },
  },
];

const reply = (id, result) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);
const fail = (id, message) =>
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32601, message } })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const message = JSON.parse(line);
  if (message.id === undefined) continue;
  if (message.method === "initialize") {
    reply(message.id, {
      protocolVersion: message.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: "tickets", version: "1.0.0" },
    });
  } else if (message.method === "tools/list") {
    reply(message.id, { tools: TOOLS });
  } else if (message.method === "tools/call") {
    reply(message.id, { content: [{ type: "text", text: "ABC-1: open" }] });
  } else {
    fail(message.id, `not supported: ${message.method}`);
  }
}
