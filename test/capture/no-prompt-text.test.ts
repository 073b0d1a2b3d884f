// Capture keeps sizes, hashes and ids of a request, never its text: not the conversation, and not even
// the first line of a system block or a `role: "system"` message (the store once kept 57 characters of each).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digestOfExchange } from "../../src/capture/proxy/capture-exchange.ts";
import { appendRecords } from "../../src/capture/store.ts";
import { tempDir } from "../support/runtime.ts";

/** Words no digest could produce by chance, one per place a request carries text. */
const PLANTED = {
  billing: "cc_version=9.9.9; cc_entrypoint=plantedbilling",
  systemFirstLine: "Planted first line of the system prompt",
  systemRest: "planted second line",
  systemString: "Planted string system prompt",
  systemMessage: "Planted environment block line",
  user: "planted user words",
};

function body(system: unknown): Buffer {
  return Buffer.from(
    JSON.stringify({
      model: "claude-opus-4-8",
      system,
      tools: [{ name: "Agent", description: "agent", input_schema: { type: "object" } }],
      messages: [
        { role: "system", content: `${PLANTED.systemMessage}\nmore` },
        { role: "user", content: [{ type: "text", text: PLANTED.user }] },
      ],
      metadata: { user_id: JSON.stringify({ session_id: "ee34f2cb-500c-4e9b-b889-fe731dc85a4f" }) },
    }),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("what the proxy stores of a request", () => {
  it.each([
    [
      "system blocks",
      [
        { type: "text", text: `x-anthropic-billing-header: ${PLANTED.billing}` },
        { type: "text", text: `${PLANTED.systemFirstLine}\n${PLANTED.systemRest}` },
      ],
    ],
    ["a string system prompt", PLANTED.systemString],
  ])("keeps no text of %s, of system messages or of the conversation", (_name, system) => {
    const store = tempDir();
    const record = digestOfExchange({
      method: "POST",
      path: "/v1/messages",
      startedAt: new Date("2030-01-01T00:00:00Z"),
      status: 200,
      headers: {},
      requestBody: body(system),
      responseBody: Buffer.from('{"id":"msg_1","usage":{"input_tokens":3}}'),
      streamed: null,
      credentials: () => null,
    })?.record;
    expect(record?.request.parts.length).toBeGreaterThan(1);
    appendRecords(store, record ? [record] : []);
    const files = filesUnder(store);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const planted of Object.values(PLANTED)) {
        // The shortest piece the old label could have kept: the first few words.
        expect(text).not.toContain(planted.slice(0, 16));
      }
    }
  });
});
