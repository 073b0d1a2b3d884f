// `ctx-monitor import-mitm DIR`: the mitmproxy recipe's files into the capture store, through the CLI.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession, readLog } from "../../src/capture/store.ts";
import { runCommand } from "../../src/cli/run.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const SESSION = "93357884-0000-4000-8000-000000000001";
const KEY = "sk-ant-api03-import-test-key";

const messagesBody = (text: string) => ({
  model: "claude-opus-4-8",
  system: [{ type: "text", text: "You are Claude Code." }],
  tools: [
    { name: "Agent", description: "a", input_schema: {} },
    { name: "mcp__github__list", description: "g", input_schema: {} },
  ],
  messages: [{ role: "user", content: text }],
  metadata: { user_id: JSON.stringify({ session_id: SESSION }) },
});

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCommand(argv, fakeRuntime(), {
    stdout: (chunk) => {
      stdout += chunk;
    },
    stderr: (chunk) => {
      stderr += chunk;
    },
  });
  return { code, stdout, stderr };
}

describe("ctx-monitor import-mitm", () => {
  it("imports request files (bodies and addon records) and the traffic log's requests with their answers; never a header but the betas; twice adds nothing", async () => {
    const dir = tempDir();
    const store = join(dir, "store");
    const captures = join(dir, "captures");
    mkdirSync(captures);
    writeFileSync(join(captures, "request_001.json"), JSON.stringify(messagesBody("first")));
    writeFileSync(
      join(captures, "request_002.json"),
      JSON.stringify({
        timestamp: "2026-03-01T10:00:00Z",
        url: "https://api.anthropic.com/v1/messages?beta=true",
        headers: {
          "x-api-key": KEY,
          Authorization: `Bearer ${KEY}`,
          "anthropic-beta": "context-1m-2025-08-07,claude-code-20250219",
        },
        body: JSON.stringify(messagesBody("second")),
      }),
    );
    writeFileSync(join(captures, "request_003.json"), '{"not":"a request"}');
    writeFileSync(
      join(captures, "claude_traffic.log"),
      [
        "starting capture",
        JSON.stringify({
          type: "REQUEST",
          timestamp: 1772359300,
          method: "POST",
          url: "https://api.anthropic.com/v1/messages/count_tokens?beta=true",
          headers: { "x-api-key": KEY },
          body: { model: "m", messages: [{ role: "user", content: "foo" }], tools: [] },
        }),
        JSON.stringify({ type: "RESPONSE", status: 200, body: '{"input_tokens":1234}' }),
        "{torn",
      ].join("\n"),
    );

    const first = await run(["import-mitm", captures, "--capture-dir", store, "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 3, alreadyThere: 0, unreadable: ["request_003.json"] });
    const records = readLog<CapturedRequest>(store);
    expect(records.map((record) => `${record.id} ${record.kind} ${record.source}`).sort()).toEqual([
      "claude_traffic.log:2 count_tokens mitm",
      "request_001 messages mitm",
      "request_002 messages mitm",
    ]);
    expect(records.find((record) => record.id === "request_002")?.betas).toEqual([
      "context-1m-2025-08-07",
      "claude-code-20250219",
    ]);
    expect(records.find((record) => record.kind === "count_tokens")?.inputTokens).toBe(1234);
    expect(newestOfSession<CapturedRequest>(store, SESSION)?.request.mcpServers.map((server) => server.server)).toEqual(
      ["github"],
    );
    for (const name of readdirSync(store, { recursive: true }) as string[]) {
      if (name.includes(".")) expect(readFileSync(join(store, name), "utf8")).not.toContain("import-test-key");
    }

    const again = await run(["import-mitm", captures, "--capture-dir", store]);
    expect(again.stdout).toContain("imported 0 requests");
    expect(again.stdout).toContain("3 already there");
    expect(readLog(store)).toHaveLength(3);
  });

  it("says what to do when the folder cannot be read or is not given", async () => {
    const missing = await run(["import-mitm", "/nonexistent/captures"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("/nonexistent/captures: it does not exist; check the path (ENOENT)");
    const none = await run(["import-mitm"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("ctx-monitor import-mitm: missing DIR");
  });
});
