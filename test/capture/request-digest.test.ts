// The request digest on the shapes Claude Code sends: 2.1.332's system blocks, environment message
// and deferred MCP tools, and the same shape seen with and without cache marks and billing header.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestRequest } from "../../src/capture/request-digest.ts";

const environment = "# Environment\nYou have been invoked in the following environment: \n - Platform: linux";
const tool = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: `${name} does things`,
  input_schema: { type: "object", properties: {} },
  ...extra,
});
const shape = {
  system: [
    { type: "text", text: "You are a Claude agent." },
    { type: "text", text: "Long instructions.\nMore." },
  ],
  tools: [
    tool("Bash"),
    tool("ToolSearch"),
    tool("mcp__ctx-monitor__get_context_usage"),
    tool("mcp__ctx-monitor__write_handoff", { defer_loading: true }),
    tool("DeferredToolPlaceholder", { defer_loading: true }),
  ],
};
const body = {
  system: [
    { type: "text", text: "x-anthropic-billing-header: cc_version=2.1.332.cf6; cc_entrypoint=sdk-cli;" },
    { ...shape.system[0], cache_control: { type: "ephemeral" } },
    { ...shape.system[1], cache_control: { type: "ephemeral" } },
  ],
  tools: shape.tools,
  messages: [
    { role: "user", content: [{ type: "text", text: "count to three" }] },
    { role: "system", content: [{ type: "text", text: environment }] },
  ],
};

describe("digestRequest", () => {
  it("names each part by its kind (no prompt text), tools by their names", () => {
    const digest = digestRequest(body);
    expect(digest.parts.map((part) => [part.kind, part.name])).toEqual([
      ["billing-header", "x-anthropic-billing-header"],
      ["system-block", "system block"],
      ["system-block", "system block"],
      ["system-message", "system message"],
      ["tool", "Bash"],
      ["tool", "ToolSearch"],
      ["tool", "mcp__ctx-monitor__get_context_usage"],
      ["tool", "mcp__ctx-monitor__write_handoff"],
      ["tool", "DeferredToolPlaceholder"],
    ]);
    expect(digest.parts[3]!.chars).toBe(environment.length);
    expect(digest.systemPromptChars).toBe(
      body.system.reduce((sum, block) => sum + (block.text ?? "").length, 0) + environment.length,
    );
    expect(digest.builtInToolChars).toBe(
      JSON.stringify(tool("Bash")).length + JSON.stringify(tool("ToolSearch")).length,
    );
    expect(digest.mcpServers).toEqual([
      {
        server: "ctx-monitor",
        tools: 1,
        chars: JSON.stringify(tool("mcp__ctx-monitor__get_context_usage")).length,
        deferredTools: 1,
      },
    ]);
    expect(digest.deferredTools).toEqual(["mcp__ctx-monitor__write_handoff", "DeferredToolPlaceholder"]);
    expect(digest.toolSearch).toBe(true);
  });

  it("gives a transcript's shape and the request body sent with it one shape hash and equal part hashes", () => {
    const fromBody = digestRequest(body);
    const fromShape = digestRequest(shape);
    expect(fromShape.shapeHash).toBe(fromBody.shapeHash);
    const hashes = (digest: typeof fromBody) =>
      digest.parts.filter((part) => part.kind === "system-block" || part.kind === "tool").map((part) => part.hash);
    expect(hashes(fromShape)).toEqual(hashes(fromBody));
    expect(fromShape.parts.some((part) => part.kind === "system-message")).toBe(false);
  });

  it("changes the shape hash when a tool or a system block changes", () => {
    const base = digestRequest(shape).shapeHash;
    expect(digestRequest({ ...shape, tools: shape.tools.slice(1) }).shapeHash).not.toBe(base);
    expect(digestRequest({ ...shape, system: [shape.system[0]] }).shapeHash).not.toBe(base);
  });

  it("takes a plain string system prompt and no tools", () => {
    const digest = digestRequest({ system: "Be brief." });
    expect(digest.parts).toMatchObject([{ kind: "system-block", name: "system block", chars: 9 }]);
    expect(digest).toMatchObject({ builtInToolChars: 0, mcpServers: [], deferredTools: [], toolSearch: false });
  });
});

describe("the digest's hashes are of the JSON without cache_control, however it is reached", () => {
  const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
  // The copy the digest always hashed: a key named __proto__ set on a plain object is not kept as a key.
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (key !== "cache_control") out[key] = strip(inner);
    return out;
  };
  const body = JSON.parse(
    '{"system":[{"type":"text","text":"x-anthropic-billing-header: a"},{"type":"text","text":"b","cache_control":{"type":"ephemeral"}}],' +
      '"tools":[{"name":"T","__proto__":{"a":1}},{"1":2,"b":3,"name":"\\"cache_control\\""},{"name":"U","x":[{"cache_control":1,"y":2}]},7,null],' +
      '"messages":[{"role":"user","content":"hi"}]}',
  );

  it("a key named __proto__, nested cache marks, tools that are not objects, and the same body twice (hashes remembered)", () => {
    for (let round = 0; round < 2; round++) {
      const digest = digestRequest(body);
      const tools = body.tools as unknown[];
      expect(digest.parts.filter((part) => part.kind === "tool").map((part) => part.hash)).toEqual(
        tools.map((tool) => sha(strip(typeof tool === "object" && tool !== null ? tool : {}))),
      );
      expect(digest.shapeHash).toBe(sha(strip({ system: [(body.system as unknown[])[1]], tools })));
      expect(digest.parts[1]?.hash).toBe(sha({ type: "text", text: "b" }));
    }
  });
});
