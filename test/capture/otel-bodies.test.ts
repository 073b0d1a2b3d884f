// Claude Code's request bodies digested into the store: once each, removed unless kept, private
// files, nothing of the conversation's text in the store, bounded by rotation.
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestBodies } from "../../src/capture/otel-bodies.ts";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession, readLog } from "../../src/capture/store.ts";
import { tempDir } from "../support/runtime.ts";

const SESSION = "ee34f2cb-500c-4e9b-b889-fe731dc85a4f";
const SECRET_WORDS = "the pineapple password is hunter2";

function body(options: { tools?: string[]; session?: string; model?: string; text?: string } = {}): string {
  const tools = (options.tools ?? ["Agent", "Bash", "mcp__other__lookup"]).map((name) => ({
    name,
    description: `${name} does things`,
    input_schema: { type: "object" },
  }));
  return JSON.stringify({
    model: options.model ?? "claude-opus-4-8[1m]",
    system: [
      { type: "text", text: "x-anthropic-billing-header: cc_version=2.1.197" },
      {
        type: "text",
        text: "You are Claude Code.\nInternal detail of the prompt.",
        cache_control: { type: "ephemeral" },
      },
    ],
    tools,
    messages: [{ role: "user", content: [{ type: "text", text: options.text ?? SECRET_WORDS }] }],
    betas: ["claude-code-20250219", "context-1m-2025-08-07"],
    metadata: {
      user_id: JSON.stringify({ device_id: "d3v1ce", account_uuid: "", session_id: options.session ?? SESSION }),
    },
  });
}

function folders() {
  const root = tempDir();
  const bodies = join(root, "bodies");
  mkdirSync(bodies);
  return { bodies, store: join(root, "store") };
}

const now = new Date("2030-01-01T00:00:00Z");

describe("ingestBodies", () => {
  it("digests each request once into a record and removes the bodies it digested", () => {
    const { bodies, store } = folders();
    writeFileSync(join(bodies, "4b739087-17c1-47ab-9103-9991a63124ba.request.json"), body());
    writeFileSync(
      join(bodies, "0fdec474-cc1c-446f-8700-4a8b84e07d9b.response.json"),
      '{"id":"msg_1","usage":{"input_tokens":3}}',
    );
    writeFileSync(join(bodies, "notes.txt"), "not ours");

    expect(ingestBodies(bodies, store, { keepBodies: false, now })).toMatchObject({
      digested: 1,
      removed: 2,
      skipped: 0,
    });
    expect(readdirSync(bodies)).toEqual(["notes.txt"]);
    const [record, ...rest] = readLog<CapturedRequest>(store);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      kind: "messages",
      source: "otel",
      id: "4b739087-17c1-47ab-9103-9991a63124ba",
      sessionId: SESSION,
      role: "main",
      model: "claude-opus-4-8[1m]",
    });
    expect(record?.betas).toContain("context-1m-2025-08-07");
    expect(record?.request.mcpServers).toEqual([
      { server: "other", tools: 1, chars: expect.any(Number), deferredTools: 0 },
    ]);
    expect(record?.messages.count).toBe(1);
    expect(newestOfSession<CapturedRequest>(store, SESSION)?.id).toBe(record?.id);
    expect(ingestBodies(bodies, store, { keepBodies: false, now }).digested).toBe(0);
  });

  it("keeps no text of the conversation, of the system prompt past its first line, nor the metadata, and writes private files", () => {
    const { bodies, store } = folders();
    writeFileSync(join(bodies, "a.request.json"), body());
    ingestBodies(bodies, store, { keepBodies: false, now });
    expect(statSync(store).mode & 0o777).toBe(0o700);
    expect(statSync(join(store, "sessions")).mode & 0o777).toBe(0o700);
    for (const file of ["requests.jsonl", `sessions/${SESSION}.json`]) {
      expect(statSync(join(store, file)).mode & 0o777).toBe(0o600);
      const text = readFileSync(join(store, file), "utf8");
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("Internal detail");
      expect(text).not.toContain("d3v1ce");
    }
  });

  it("with keepBodies, leaves the bodies and still digests each only once", () => {
    const { bodies, store } = folders();
    writeFileSync(join(bodies, "a.request.json"), body());
    expect(ingestBodies(bodies, store, { keepBodies: true, now }).digested).toBe(1);
    writeFileSync(join(bodies, "b.request.json"), body({ text: "second" }));
    expect(ingestBodies(bodies, store, { keepBodies: true, now })).toMatchObject({
      digested: 1,
      removed: 0,
      skipped: 0,
    });
    expect(
      readdirSync(bodies)
        .filter((name) => name.endsWith(".json"))
        .sort(),
    ).toEqual(["a.request.json", "b.request.json"]);
    expect(readLog(store)).toHaveLength(2);
  });

  it("leaves a body still being written for the next pass", () => {
    const { bodies, store } = folders();
    const full = body();
    writeFileSync(join(bodies, "a.request.json"), full.slice(0, 100));
    expect(ingestBodies(bodies, store, { keepBodies: false, now: new Date() })).toMatchObject({
      digested: 0,
      removed: 0,
      skipped: 0,
    });
    writeFileSync(join(bodies, "a.request.json"), full);
    expect(ingestBodies(bodies, store, { keepBodies: false, now: new Date() }).digested).toBe(1);
  });

  it("files side requests and subagents' requests in the log but not as the session's newest", () => {
    const { bodies, store } = folders();
    writeFileSync(join(bodies, "main.request.json"), body());
    ingestBodies(bodies, store, { keepBodies: false, now });
    writeFileSync(join(bodies, "side.request.json"), body({ tools: [] }));
    writeFileSync(join(bodies, "sub.request.json"), body({ tools: ["Bash", "Read"] }));
    ingestBodies(bodies, store, { keepBodies: false, now });
    expect(
      readLog<CapturedRequest>(store)
        .map((record) => record.role)
        .sort(),
    ).toEqual(["main", "side", "subagent"]);
    expect(newestOfSession<CapturedRequest>(store, SESSION)?.id).toBe("main");
  });

  it("stays bounded: the log rotates and old rotations go", () => {
    const { bodies, store } = folders();
    const limits = { logBytes: 20_000, rotatedLogs: 2, sessions: 3 };
    for (let round = 0; round < 40; round++) {
      for (let index = 0; index < 5; index++)
        writeFileSync(join(bodies, `r${round}-${index}.request.json`), body({ session: `s-${round}-${index}` }));
      ingestBodies(bodies, store, { keepBodies: false, now, limits });
    }
    const logs = readdirSync(store).filter((name) => name.endsWith(".jsonl"));
    expect(logs.sort()).toEqual(["requests.1.jsonl", "requests.2.jsonl", "requests.jsonl"]);
    const total = logs.reduce((sum, name) => sum + statSync(join(store, name)).size, 0);
    expect(total).toBeLessThan(3 * (20_000 + 5 * 4_000));
    expect(readdirSync(join(store, "sessions"))).toHaveLength(3);
  });
});

describe("ingestBodies with a budget", () => {
  it("digests the newest bodies first and leaves older ones for the next call", () => {
    const { bodies, store } = folders();
    const text = body();
    for (const [index, name] of ["old", "mid", "new"].entries()) {
      writeFileSync(join(bodies, `${name}.request.json`), text);
      utimesSync(join(bodies, `${name}.request.json`), 1_000 + index, 1_000 + index);
    }
    expect(ingestBodies(bodies, store, { keepBodies: false, now, budgetBytes: text.length + 1 }).digested).toBe(2);
    expect(readdirSync(bodies)).toEqual(["old.request.json"]);
    expect(ingestBodies(bodies, store, { keepBodies: false, now, budgetBytes: text.length + 1 }).digested).toBe(1);
    expect(newestOfSession<CapturedRequest>(store, SESSION)?.id).toBe("new");
  });
});
