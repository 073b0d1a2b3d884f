// The scripted Messages API stand-in itself, over real HTTP on 127.0.0.1: the shapes Claude Code relies
// on, and usage that is deterministic from the request body and recorded with it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SUBAGENT_MARKER, text, toolUse } from "./fake-api/script.ts";
import { type FakeApi, startFakeApi } from "./fake-api/server.ts";
import { contextTokensOf } from "./fake-api/usage.ts";

const tools = [{ name: "Bash", description: "Run a command", input_schema: { type: "object" } }];
const request = (prompt: string, extra: Record<string, unknown> = {}) => ({
  model: "claude-sonnet-4-5",
  max_tokens: 1024,
  system: [{ type: "text", text: "You are a scripted test." }],
  tools,
  messages: [{ role: "user", content: prompt }],
  ...extra,
});

interface SseEvent {
  event: string;
  data: Record<string, unknown> & { type: string };
}

function parseSse(body: string): SseEvent[] {
  return body
    .split("\n\n")
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const event = /^event: (.+)$/m.exec(chunk)?.[1] ?? "";
      const data = JSON.parse(/^data: (.+)$/m.exec(chunk)?.[1] ?? "{}") as SseEvent["data"];
      return { event, data };
    });
}

describe("the Messages API stand-in", () => {
  let api: FakeApi;
  const call = toolUse("Bash", { command: "echo hi" });
  beforeEach(async () => {
    api = await startFakeApi({
      main: [[text("Running it."), call], [text("Done here.")]],
      subagent: [[text("Subagent report.")]],
    });
  });
  afterEach(() => api.close());

  const post = (path: string, body: unknown) =>
    fetch(`${api.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("streams a scripted step as the API does, with usage that sums to the request's recorded total", async () => {
    const body = request("run it", { stream: true });
    const response = await post("/v1/messages?beta=true", body);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(events.every((event) => event.event === event.data.type)).toBe(true);
    const usage = (events[0]!.data.message as { usage: Record<string, number> }).usage;
    const total = usage.input_tokens! + usage.cache_creation_input_tokens! + usage.cache_read_input_tokens!;
    expect(total).toBe(contextTokensOf(body));
    expect(
      Math.min(usage.input_tokens!, usage.cache_creation_input_tokens!, usage.cache_read_input_tokens!),
    ).toBeGreaterThan(0);
    expect(events[5]!.data.delta).toEqual({ type: "input_json_delta", partial_json: JSON.stringify(call.input) });
    expect(events[7]!.data).toMatchObject({
      delta: { stop_reason: "tool_use" },
      usage: { output_tokens: expect.any(Number) },
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ kind: "main", total, path: "/v1/messages" });
  });

  it("answers without streaming with the next step as one message", async () => {
    await post("/v1/messages", request("first"));
    const response = await post("/v1/messages", request("second"));
    const message = (await response.json()) as {
      type: string;
      content: unknown[];
      stop_reason: string;
      usage: Record<string, number>;
    };
    expect(message).toMatchObject({
      type: "message",
      content: [{ type: "text", text: "Done here." }],
      stop_reason: "end_turn",
    });
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(api.requests.map((recorded) => recorded.total)).toEqual([
      contextTokensOf(request("first")),
      contextTokensOf(request("second")),
    ]);
  });

  it("routes a subagent's requests by the marker in its prompt, with larger totals of their own", async () => {
    const body = request(`${SUBAGENT_MARKER} review the code`);
    const message = (await (await post("/v1/messages", body)).json()) as { content: Array<{ text?: string }> };
    expect(message.content[0]?.text).toBe("Subagent report.");
    expect(api.requests[0]!.kind).toBe("subagent");
    expect(api.requests[0]!.total).toBeGreaterThan(contextTokensOf(body));
  });

  it("counts tokens, answers HEAD /, and gives anything else a 404 in the API's error shape", async () => {
    const body = request("how big is this?");
    const counted = (await (await post("/v1/messages/count_tokens?beta=true", body)).json()) as {
      input_tokens: number;
    };
    expect(counted.input_tokens).toBe(contextTokensOf(body));
    expect((await fetch(`${api.url}/`, { method: "HEAD" })).status).toBe(200);
    const missing = await fetch(`${api.url}/v1/models`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      type: "error",
      error: { type: "not_found_error", message: "no such endpoint: /v1/models" },
    });
    expect(api.requests).toHaveLength(0);
  });

  it("rejects a body that is not JSON with the API's invalid_request_error", async () => {
    const response = await fetch(`${api.url}/v1/messages`, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
  });
});
