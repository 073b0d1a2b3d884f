// `ctx-monitor import-mitm DIR`: the mitmproxy recipe's files into the capture store, through the CLI.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession, readLog } from "../../src/capture/store.ts";
import { runCommand } from "../../src/commands/run.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const SESSION = "93357884-0000-4000-8000-000000000001";

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

/** A request block of `claude_traffic.log` as the recipe's addon writes it. */
function logBlock(time: string, url: string, saved: string | null, savedLabel = "Saved full request to"): string {
  return [
    "",
    "=".repeat(80),
    `[${time}] REQUEST`,
    `Host: ${new URL(url).host}`,
    `URL: ${url}`,
    "Method: POST",
    "Content-Length: 1234 bytes",
    ...(saved ? [`${savedLabel}: /tmp/${saved}`, "Keys: ['model', 'messages']"] : []),
  ].join("\n");
}

const MESSAGES_URL = "https://api.anthropic.com/v1/messages?beta=true";
const COUNT_URL = "https://api.anthropic.com/v1/messages/count_tokens?beta=true";
const probe = (text: string) => ({ model: "claude-opus-4-8", messages: [{ role: "user", content: text }], tools: [] });
const dump = (value: object) => JSON.stringify(value, null, 2);

describe("ctx-monitor import-mitm", () => {
  it("imports the recipe's request files, told apart by the log's URLs (the later request where two share a second); twice adds nothing", async () => {
    const dir = tempDir();
    const store = join(dir, "store");
    const captures = join(dir, "captures");
    mkdirSync(captures);
    writeFileSync(
      join(captures, "request_api_anthropic_com_101112.json"),
      dump({ ...messagesBody("first"), max_tokens: 32000 }),
    );
    // Two requests in one second: the count_tokens body overwrote the Messages one, and the log names the file twice.
    writeFileSync(join(captures, "request_api_anthropic_com_101115.json"), dump(probe("# Project")));
    writeFileSync(join(captures, "request_statsig_anthropic_com_101116.json"), dump({ model: "x", events: [] }));
    writeFileSync(
      join(captures, "claude_traffic.log"),
      [
        logBlock("2026-03-01T10:11:12.000001", MESSAGES_URL, "request_api_anthropic_com_101112.json"),
        "[2026-03-01T10:11:13.500000] RESPONSE api.anthropic.com: 200 (5120 bytes)",
        logBlock("2026-03-01T10:11:15.000001", MESSAGES_URL, "request_api_anthropic_com_101115.json"),
        logBlock("2026-03-01T10:11:15.400000", "https://statsig.anthropic.com/v1/rgstr", null),
        logBlock("2026-03-01T10:11:15.700000", COUNT_URL, "request_api_anthropic_com_101115.json"),
        "[2026-03-01T10:11:16.000000] RESPONSE api.anthropic.com: 200 (24 bytes)",
        logBlock(
          "2026-03-01T10:11:16.100000",
          "https://statsig.anthropic.com/v1/rgstr",
          "request_statsig_anthropic_com_101116.json",
        ),
        "",
      ].join("\n"),
    );

    const first = await run(["import-mitm", captures, "--capture-dir", store, "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      imported: 2,
      alreadyThere: 0,
      unreadable: ["request_statsig_anthropic_com_101116.json"],
      unanswered: 1,
    });
    const records = readLog<CapturedRequest>(store);
    expect(records.map((record) => `${record.id} ${record.kind} ${record.source}`)).toEqual([
      "request_api_anthropic_com_101112 messages mitm",
      "request_api_anthropic_com_101115 count_tokens mitm",
    ]);
    // The log's local time, read as this machine's.
    expect(records[0]!.time).toBe(new Date("2026-03-01T10:11:12.000001").toISOString());
    expect(records[1]!.textProbe).toMatchObject({ chars: "# Project".length });
    expect(newestOfSession<CapturedRequest>(store, SESSION)?.request.mcpServers.map((server) => server.server)).toEqual(
      ["github"],
    );

    const again = await run(["import-mitm", captures, "--capture-dir", store]);
    expect(again.stdout).toContain("imported 0 requests");
    expect(again.stdout).toContain("2 already there");
    expect(readLog(store)).toHaveLength(2);
  });

  it("imports the variant that keeps responses: count_tokens answers paired in the order asked, and a Messages response's usage", async () => {
    const dir = tempDir();
    const store = join(dir, "store");
    const captures = join(dir, "captures");
    mkdirSync(captures);
    const count = "_v1_messages_count_tokens_beta=true";
    const messages = "_v1_messages_beta=true";
    writeFileSync(
      join(captures, `req_${messages}_101112000001.json`),
      dump({ ...messagesBody("hi"), max_tokens: 32000 }),
    );
    writeFileSync(
      join(captures, `resp_${messages}_101113000001.json`),
      dump({
        id: "msg_01",
        usage: { input_tokens: 3, cache_creation_input_tokens: 900, cache_read_input_tokens: 8000 },
      }),
    );
    writeFileSync(join(captures, `req_${count}_101120000001.json`), dump(probe("section one")));
    writeFileSync(join(captures, `req_${count}_101120000002.json`), dump(probe("section two")));
    writeFileSync(join(captures, `resp_${count}_101120500001.json`), dump({ input_tokens: 111 }));
    writeFileSync(join(captures, `resp_${count}_101120500002.json`), dump({ input_tokens: 222 }));
    writeFileSync(
      join(captures, "claude_traffic.log"),
      [
        logBlock("2026-03-01T10:11:12.000001", MESSAGES_URL, `req_${messages}_101112000001.json`, "Saved to"),
        "RESPONSE: 200 (2048 bytes)",
        logBlock("2026-03-01T10:11:20.000001", COUNT_URL, `req_${count}_101120000001.json`, "Saved to"),
        logBlock("2026-03-01T10:11:20.000002", COUNT_URL, `req_${count}_101120000002.json`, "Saved to"),
        "RESPONSE: 200 (20 bytes)",
        "RESPONSE: 200 (20 bytes)",
      ].join("\n"),
    );
    const result = await run(["import-mitm", captures, "--capture-dir", store, "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 3, unreadable: [], unanswered: 0 });
    const records = readLog<CapturedRequest>(store);
    expect(records.filter((record) => record.kind === "count_tokens").map((record) => record.inputTokens)).toEqual([
      111, 222,
    ]);
    const main = records.find((record) => record.kind === "messages")!;
    expect(main).toMatchObject({ messageId: "msg_01", usage: { cache_read_input_tokens: 8000 } });
  });

  it("says what to do when the folder cannot be read or is not given", async () => {
    const missing = await run(["import-mitm", "/nonexistent/captures"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("/nonexistent/captures: it does not exist; check the path (ENOENT)");
    const none = await run(["import-mitm"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("ctx-monitor import-mitm: missing DIR");
  });
});
