// MCP over stdio, one JSON-RPC message a line, for a server that keeps serving whatever arrives. The
// SDK's StdioServerTransport closes the connection when one line passes its 10 MiB buffer (so one
// oversized write_handoff stopped the server), answers nothing to a batch or to a line that is not
// JSON-RPC, and lets a request with malformed params reach a handler that answers -32603 with a zod
// dump. Here a line over the limit is dropped as it streams (never buffered whole) and answered with an
// error; a batch, bad JSON or a malformed request gets the JSON-RPC error the spec names; then the
// next line is read as if nothing happened.
import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "@modelcontextprotocol/sdk/types.js";
import { paramsProblem } from "./request-params.ts";

/** The SDK's own limit for one message, kept: a client that fits it fits here. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;

/** How much of an oversized line is kept to find its id: the start, and the end (where the SDK puts `id`). */
const EDGE_BYTES = 512;

type Id = string | number | null;

export class LineStdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** While a line is over the limit: its first bytes and its latest ones, nothing between. */
  private oversized: { head: Buffer; tail: Buffer } | null = null;
  private readonly onData = (chunk: Buffer) => this.take(chunk);
  private readonly onError = (error: Error) => this.onerror?.(error);

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
    private readonly limit = MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("error", this.onError);
  }

  async close(): Promise<void> {
    this.input.off("data", this.onData);
    this.input.off("error", this.onError);
    if (this.input.listenerCount("data") === 0) this.input.pause();
    this.pending = [];
    this.oversized = null;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once("drain", resolve);
    });
  }

  private take(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      this.append(newline === -1 ? chunk.subarray(start) : chunk.subarray(start, newline));
      if (newline === -1) return;
      this.endLine();
      start = newline + 1;
    }
  }

  private append(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.oversized) {
      this.oversized.tail = lastBytes(Buffer.concat([this.oversized.tail, piece]));
      return;
    }
    if (this.pendingBytes + piece.length <= this.limit) {
      this.pending.push(piece);
      this.pendingBytes += piece.length;
      return;
    }
    const line = Buffer.concat([...this.pending, piece]);
    this.oversized = { head: line.subarray(0, EDGE_BYTES), tail: lastBytes(line) };
    this.pending = [];
    this.pendingBytes = 0;
  }

  private endLine(): void {
    if (this.oversized) {
      const { head, tail } = this.oversized;
      this.oversized = null;
      this.refuse(
        idOfOversized(head.toString("utf8"), tail.toString("utf8")),
        INVALID_REQUEST,
        `message over the ${this.limit}-byte limit of one line; send less (write_handoff notes: a summary, not whole files)`,
      );
      return;
    }
    const line = Buffer.concat(this.pending).toString("utf8").replace(/\r$/, "");
    this.pending = [];
    this.pendingBytes = 0;
    if (line.trim()) this.deliver(line);
  }

  private deliver(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.refuse(null, PARSE_ERROR, "Parse error: a line that is not JSON");
      return;
    }
    if (Array.isArray(value)) {
      this.refuse(
        null,
        INVALID_REQUEST,
        "JSON-RPC batches are not supported (MCP 2025-06-18 removed them); send one message a line",
      );
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      // A notification gets no answer, even a malformed one; anything else is told what is wrong.
      const id = idOf(value);
      if (id !== undefined) this.refuse(id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message");
      else this.onerror?.(new Error("a line that is not a JSON-RPC 2.0 message was passed by"));
      return;
    }
    const message = parsed.data;
    if ("method" in message && "id" in message) {
      const problem = paramsProblem(message.method, message.params);
      if (problem) {
        this.refuse(message.id, INVALID_PARAMS, problem);
        return;
      }
    }
    this.onmessage?.(message);
  }

  private refuse(id: Id, code: number, message: string): void {
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage);
  }
}

function lastBytes(bytes: Buffer): Buffer {
  return bytes.length > EDGE_BYTES ? Buffer.from(bytes.subarray(bytes.length - EDGE_BYTES)) : bytes;
}

/** The id of a parsed value that looks like a request, undefined when it has none. */
function idOf(value: unknown): Id | undefined {
  if (typeof value !== "object" || value === null || !("id" in value)) return undefined;
  const id = (value as { id: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

const ID_VALUE = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
/** `…,"id":7}` at the end of the line (the SDK's clients put `id` last) or `{"jsonrpc":"2.0","id":7,…` first. */
const ID_AT_END = new RegExp(String.raw`[{,]\s*"id"\s*:\s*${ID_VALUE}\s*\}\s*$`);
const ID_AT_START = new RegExp(
  String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"\\]*"\s*,)*\s*"id"\s*:\s*${ID_VALUE}`,
);

/** The id of a line too long to parse, from its ends; null (as JSON-RPC says) when it cannot be told. */
function idOfOversized(head: string, tail: string): Id {
  const found = ID_AT_END.exec(tail.replace(/\r$/, ""))?.[1] ?? ID_AT_START.exec(head)?.[1];
  if (found === undefined) return null;
  try {
    return JSON.parse(found) as string | number;
  } catch {
    return null;
  }
}
