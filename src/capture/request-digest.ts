// What a Messages API request carries besides the conversation: each system-prompt block, each
// `role: "system"` message (Claude Code 2.1.332 moved its environment block there), and each tool
// definition, grouped as built-in or `mcp__<server>__*`, with deferred tools told apart. One digest
// for every source of request bodies: the transcript's `api-request-shape` records (system + tools
// as sent) and captured request bodies alike. Pure: sizes and hashes from the value alone.
import { createHash } from "../base/lazy-crypto.ts";

/** A request as Claude Code sends it to the Messages API, or as its transcript records the shape. */
export interface RequestLike {
  system?: unknown;
  tools?: unknown;
  messages?: unknown;
}

type DigestPartKind =
  /** A block of the request's `system` field. */
  | "system-block"
  /** The `x-anthropic-billing-header: …` block Claude Code puts first in `system` (not in the transcript's shape). */
  | "billing-header"
  /** A message with role `system` (2.1.332: the environment block). */
  | "system-message"
  /** One tool definition of `tools`. */
  | "tool";

export interface DigestPart {
  kind: DigestPartKind;
  /**
   * Tool name, or the kind of a system block or message ("system block", "system message", the billing
   * header's name). Privacy: never text of the prompt, not even a first line; the hash tells blocks apart.
   */
  name: string;
  /** Characters of the text (system blocks and messages) or of the definition's JSON (tools). */
  chars: number;
  /** sha256 (hex) of the part's content without `cache_control`: the same part hashes alike in every source. */
  hash: string;
  /** Tools only: `mcp__<server>__*` names the server; built-in tools and the rest have null. */
  server: string | null;
  /** Tools only: sent with `defer_loading: true`, so the model sees its name at most, not its definition. */
  deferred: boolean;
}

export interface McpServerDigest {
  server: string;
  /** Tools whose definitions were sent. */
  tools: number;
  /** Characters of those definitions. */
  chars: number;
  /** Tools of the server sent deferred (names only). */
  deferredTools: number;
}

export interface RequestDigest {
  parts: DigestPart[];
  /** System blocks (billing header included) and `role: "system"` messages: the system prompt as the model reads it. */
  systemPromptChars: number;
  /** Built-in tool definitions sent in full (ToolSearch included, deferred ones not). */
  builtInToolChars: number;
  mcpServers: McpServerDigest[];
  /** Names of the tools sent deferred (`DeferredToolPlaceholder`, deferred MCP tools…). */
  deferredTools: string[];
  /** Whether the request offers `ToolSearch`: deferred tools are reachable through it. */
  toolSearch: boolean;
  /**
   * sha256 (hex) of the system blocks (without the billing header) and tools, without `cache_control`:
   * the same for a transcript's shape and a captured body of one request shape.
   */
  shapeHash: string;
}

const MCP_TOOL = /^mcp__(.+?)__(.+)$/;
const BILLING_HEADER = /^x-anthropic-billing-header:/;

/** The server of an `mcp__<server>__<tool>` name, or null. */
export function mcpServerOfTool(name: string): string | null {
  return MCP_TOOL.exec(name)?.[1] ?? null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value with every `cache_control` key left out: where Claude Code puts cache marks varies per request. */
function withoutCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (key !== "cache_control") out[key] = withoutCacheControl(inner);
  return out;
}

/**
 * The value's JSON without `cache_control` keys. Most parts have none: then their JSON as it is, in one
 * pass, instead of a copy of the value first (a `__proto__` key, which the copy would not keep as a key,
 * takes the copy's way too, so both ways give the same text).
 */
function jsonWithoutCacheControl(value: unknown): string {
  const json = JSON.stringify(value);
  if (json !== undefined && !json.includes('"cache_control"') && !json.includes('"__proto__"')) return json;
  return JSON.stringify(withoutCacheControl(value));
}

function sha256(value: unknown): string {
  return sha256OfJson(jsonWithoutCacheControl(value));
}

/**
 * Hashes already taken, by the exact text: every request of a session (and every file of a dump) sends
 * the same tool definitions and system blocks, so most parts are hashed once per process. Only texts
 * V8 hashes by content (under 16 Ki characters; longer ones it tells apart by length alone, which
 * would chain every same-length text on one key), and a bounded number of them, emptied when full.
 */
const seenHashes = new Map<string, string>();
const MEMO_TEXT_CHARS = 16_383;
const MEMO_ENTRIES = 4096;

function sha256OfJson(json: string): string {
  const memo = json.length <= MEMO_TEXT_CHARS;
  const seen = memo ? seenHashes.get(json) : undefined;
  if (seen !== undefined) return seen;
  const hash = createHash("sha256").update(json).digest("hex");
  if (memo) {
    if (seenHashes.size >= MEMO_ENTRIES) seenHashes.clear();
    seenHashes.set(json, hash);
  }
  return hash;
}

/**
 * Shape hashes by the hashes of the pieces they were taken of: equal piece hashes are equal pieces, so
 * the same shape is hashed once, not once per request. Bounded like seenHashes.
 */
const seenShapes = new Map<string, string>();

/**
 * sha256 of `{"system":[…],"tools":[…]}` without `cache_control`, from each element's JSON already made
 * for its part: the same text JSON.stringify gives the whole, hashed piece by piece, never built.
 */
function shapeHashOf(system: readonly Piece[], tools: readonly Piece[]): string {
  const key = `${system.map((piece) => piece.hash).join("")}|${tools.map((piece) => piece.hash).join("")}`;
  const seen = seenShapes.get(key);
  if (seen !== undefined) return seen;
  const hash = createHash("sha256").update('{"system":[');
  system.forEach(({ json }, index) => {
    hash.update(index ? `,${json}` : json);
  });
  hash.update('],"tools":[');
  tools.forEach(({ json }, index) => {
    hash.update(index ? `,${json}` : json);
  });
  const shape = hash.update("]}").digest("hex");
  if (seenShapes.size >= MEMO_ENTRIES) seenShapes.clear();
  seenShapes.set(key, shape);
  return shape;
}

/** Text of a system block or of a message's content (a string or text blocks). */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (isObject(content)) return typeof content.text === "string" ? content.text : "";
  if (Array.isArray(content)) return content.map(textOf).join("\n");
  return "";
}

function systemBlocks(system: unknown): unknown[] {
  if (typeof system === "string") return system ? [{ type: "text", text: system }] : [];
  return Array.isArray(system) ? system : [];
}

/** An element of the shape: its JSON without `cache_control`, and that JSON's hash. */
interface Piece {
  json: string;
  hash: string;
}

/** A part, and its piece of the shape (the same JSON and hash, but for a tool that is not an object). */
interface Serialized {
  part: DigestPart;
  piece: Piece;
}

function systemPart(block: unknown): Serialized {
  const text = textOf(block);
  const kind = BILLING_HEADER.test(text) ? "billing-header" : "system-block";
  const name = kind === "billing-header" ? "x-anthropic-billing-header" : "system block";
  const json = jsonWithoutCacheControl(block);
  const hash = sha256OfJson(json);
  return { part: { kind, name, chars: text.length, hash, server: null, deferred: false }, piece: { json, hash } };
}

function toolPart(tool: unknown): Serialized {
  const definition = isObject(tool) ? tool : {};
  const name = typeof definition.name === "string" ? definition.name : "";
  // Serialized once for its size, its hash and the shape's hash: tools are most of a request's definitions.
  const json = jsonWithoutCacheControl(definition);
  const hash = sha256OfJson(json);
  // In the shape a tool that is not an object is itself (JSON.stringify writes null for what has no JSON).
  const shapeJson = isObject(tool) ? json : (jsonWithoutCacheControl(tool) ?? "null");
  return {
    part: {
      kind: "tool",
      name,
      chars: json.length,
      hash,
      server: mcpServerOfTool(name),
      deferred: definition.defer_loading === true,
    },
    piece: shapeJson === json ? { json, hash } : { json: shapeJson, hash: sha256OfJson(shapeJson) },
  };
}

function systemMessageParts(messages: unknown): DigestPart[] {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => {
    if (!isObject(message) || message.role !== "system") return [];
    const text = textOf(message.content);
    return [
      {
        kind: "system-message" as const,
        name: "system message",
        chars: text.length,
        hash: sha256(message.content),
        server: null,
        deferred: false,
      },
    ];
  });
}

function serversOf(tools: readonly DigestPart[]): McpServerDigest[] {
  const servers = new Map<string, McpServerDigest>();
  for (const tool of tools) {
    if (tool.server === null) continue;
    let found = servers.get(tool.server);
    if (!found) {
      found = { server: tool.server, tools: 0, chars: 0, deferredTools: 0 };
      servers.set(tool.server, found);
    }
    if (tool.deferred) found.deferredTools++;
    else {
      found.tools++;
      found.chars += tool.chars;
    }
  }
  return [...servers.values()];
}

export function digestRequest(request: RequestLike): RequestDigest {
  const blocks = systemBlocks(request.system).map(systemPart);
  const system = blocks.map((block) => block.part);
  const toolList = (Array.isArray(request.tools) ? request.tools : []).map(toolPart);
  const tools = toolList.map((tool) => tool.part);
  const messages = systemMessageParts(request.messages);
  const parts = [...system, ...messages, ...tools];
  const shapeBlocks = blocks.filter((block) => block.part.kind !== "billing-header").map((block) => block.piece);
  return {
    parts,
    systemPromptChars: [...system, ...messages].reduce((sum, part) => sum + part.chars, 0),
    builtInToolChars: tools
      .filter((tool) => tool.server === null && !tool.deferred)
      .reduce((sum, tool) => sum + tool.chars, 0),
    mcpServers: serversOf(tools),
    deferredTools: tools.filter((tool) => tool.deferred).map((tool) => tool.name),
    toolSearch: tools.some((tool) => tool.name === "ToolSearch" && !tool.deferred),
    shapeHash: shapeHashOf(
      shapeBlocks,
      toolList.map((tool) => tool.piece),
    ),
  };
}
