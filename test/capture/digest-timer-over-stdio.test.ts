// The server digests Claude Code's request bodies on its own, every CTX_MONITOR_DIGEST_SECONDS, while
// no tool is called: a session whose agent never asks still leaves no bodies behind. The built server
// over stdio, as Claude Code starts it; the wait is bounded.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession } from "../../src/capture/store.ts";
import { connectBuiltServer } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

const SESSION = "5b0f4a52-7d0e-4c55-9d1d-5f2d3c1b9e01";

function requestBody(): string {
  return JSON.stringify({
    model: "claude-sonnet-4-5",
    system: [{ type: "text", text: "You are Claude Code." }],
    tools: [
      { name: "Agent", description: "starts a subagent", input_schema: { type: "object" } },
      { name: "mcp__tickets__lookup", description: "finds a ticket", input_schema: { type: "object" } },
    ],
    messages: [{ role: "user", content: "hello" }],
    metadata: { user_id: JSON.stringify({ session_id: SESSION }) },
  });
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe("the server's own digest of request bodies", () => {
  it("digests and removes a body while no tool is called, and only when the timer is on", async () => {
    for (const seconds of ["1", "0"]) {
      const home = tempDir();
      const store = join(home, ".claude", "ctx-monitor", "capture");
      const bodies = join(store, "bodies");
      mkdirSync(bodies, { recursive: true });
      const body = join(bodies, "0b9e5c1e-1111-4a4a-9b9b-000000000001.request.json");
      writeFileSync(body, requestBody());
      const server = await connectBuiltServer({ HOME: home, CTX_MONITOR_DIGEST_SECONDS: seconds });
      try {
        await server.client.listTools();
        if (seconds === "1") {
          expect(await waitFor(() => !existsSync(body), 15_000)).toBe(true);
          const record = newestOfSession<CapturedRequest>(store, SESSION);
          expect(record?.request.mcpServers.map((server) => server.server)).toEqual(["tickets"]);
        } else {
          // Off: after three seconds the body is still there, digested by nothing.
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          expect(existsSync(body)).toBe(true);
        }
      } finally {
        await server.close();
      }
    }
  }, 40_000);
});
