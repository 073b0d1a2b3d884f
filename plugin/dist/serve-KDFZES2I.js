#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  createServer
} from "./chunk-44Q3I5CE.js";
import {
  createEntryDeps
} from "./chunk-TWNE2VUW.js";
import "./chunk-XBXNPPNR.js";
import "./chunk-AC5FPCFS.js";
import "./chunk-Y3ZR3M7I.js";
import "./chunk-OZXTJKYL.js";
import {
  digestPendingCapture
} from "./chunk-LIGRM5QN.js";
import {
  log
} from "./chunk-AM7EQEUM.js";
import "./chunk-PUOW4WKH.js";
import "./chunk-T4BVMDPB.js";
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  JSONRPCMessageSchema,
  ListPromptsRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema
} from "./chunk-J74WBCXV.js";
import "./chunk-6RQ7PFQB.js";

// src/request-params.ts
var SCHEMAS = {
  initialize: InitializeRequestSchema,
  "tools/list": ListToolsRequestSchema,
  "tools/call": CallToolRequestSchema,
  "resources/list": ListResourcesRequestSchema,
  "resources/templates/list": ListResourceTemplatesRequestSchema,
  "resources/read": ReadResourceRequestSchema,
  "prompts/list": ListPromptsRequestSchema,
  "prompts/get": GetPromptRequestSchema,
  "completion/complete": CompleteRequestSchema
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function kindOf(value) {
  return value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
function paramsProblem(method, params) {
  if (params !== void 0 && !isObject(params))
    return `${method}: params must be a JSON object, not ${kindOf(params)}`;
  if (method === "tools/call" && params?.arguments !== void 0 && !isObject(params.arguments))
    return `tools/call: arguments must be a JSON object, not ${kindOf(params.arguments)}`;
  const schema = Object.hasOwn(SCHEMAS, method) ? SCHEMAS[method] : void 0;
  if (!schema) return null;
  const parsed = schema.safeParse({ method, ...params === void 0 ? {} : { params } });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join(".") : "params";
  return `${method}: invalid ${where}: ${(issue?.message ?? "does not fit the method").split("\n")[0]}`;
}

// src/stdio-transport.ts
var MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
var PARSE_ERROR = -32700;
var INVALID_REQUEST = -32600;
var INVALID_PARAMS = -32602;
var EDGE_BYTES = 512;
var LineStdioTransport = class {
  constructor(input = process.stdin, output = process.stdout, limit = MAX_MESSAGE_BYTES) {
    this.input = input;
    this.output = output;
    this.limit = limit;
  }
  input;
  output;
  limit;
  onmessage;
  onerror;
  onclose;
  pending = [];
  pendingBytes = 0;
  /** While a line is over the limit: its first bytes and its latest ones, nothing between. */
  oversized = null;
  onData = (chunk) => this.take(chunk);
  onError = (error) => this.onerror?.(error);
  async start() {
    this.input.on("data", this.onData);
    this.input.on("error", this.onError);
  }
  async close() {
    this.input.off("data", this.onData);
    this.input.off("error", this.onError);
    if (this.input.listenerCount("data") === 0) this.input.pause();
    this.pending = [];
    this.oversized = null;
    this.onclose?.();
  }
  send(message) {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}
`)) resolve();
      else this.output.once("drain", resolve);
    });
  }
  take(chunk) {
    let start = 0;
    for (; ; ) {
      const newline = chunk.indexOf(10, start);
      this.append(newline === -1 ? chunk.subarray(start) : chunk.subarray(start, newline));
      if (newline === -1) return;
      this.endLine();
      start = newline + 1;
    }
  }
  append(piece) {
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
  endLine() {
    if (this.oversized) {
      const { head, tail } = this.oversized;
      this.oversized = null;
      this.refuse(
        idOfOversized(head.toString("utf8"), tail.toString("utf8")),
        INVALID_REQUEST,
        `message over the ${this.limit}-byte limit of one line; send less (write_handoff notes: a summary, not whole files)`
      );
      return;
    }
    const line = Buffer.concat(this.pending).toString("utf8").replace(/\r$/, "");
    this.pending = [];
    this.pendingBytes = 0;
    if (line.trim()) this.deliver(line);
  }
  deliver(line) {
    let value;
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
        "JSON-RPC batches are not supported (MCP 2025-06-18 removed them); send one message a line"
      );
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      const id = idOf(value);
      if (id !== void 0) this.refuse(id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message");
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
  refuse(id, code, message) {
    void this.send({ jsonrpc: "2.0", id, error: { code, message } });
  }
};
function lastBytes(bytes) {
  return bytes.length > EDGE_BYTES ? Buffer.from(bytes.subarray(bytes.length - EDGE_BYTES)) : bytes;
}
function idOf(value) {
  if (typeof value !== "object" || value === null || !("id" in value)) return void 0;
  const id = value.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}
var ID_VALUE = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
var ID_AT_END = new RegExp(String.raw`[{,]\s*"id"\s*:\s*${ID_VALUE}\s*\}\s*$`);
var ID_AT_START = new RegExp(
  String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"\\]*"\s*,)*\s*"id"\s*:\s*${ID_VALUE}`
);
function idOfOversized(head, tail) {
  const found = ID_AT_END.exec(tail.replace(/\r$/, ""))?.[1] ?? ID_AT_START.exec(head)?.[1];
  if (found === void 0) return null;
  try {
    return JSON.parse(found);
  } catch {
    return null;
  }
}

// src/commands/serve.ts
async function serveStdio(runtime) {
  const server = createServer(createEntryDeps(runtime));
  const transport = new LineStdioTransport();
  let stopping = false;
  let failure = null;
  server.server.onerror = (error) => {
    failure = error;
    log(`MCP transport error: ${error.message}`);
  };
  server.server.onclose = () => {
    if (stopping) return;
    log(
      `MCP connection closed${failure ? ` after: ${failure.message}` : ""}; exiting so the client can restart the server`
    );
    process.exit(failure ? 1 : 0);
  };
  await server.connect(transport);
  const stop = () => {
    stopping = true;
    void server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") stop();
    else log(`stdout failed: ${error.message}`);
  });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  digestOnATimer(runtime);
}
var DIGEST_SECONDS = 60;
function digestOnATimer(runtime) {
  const configured = Number(runtime.env.CTX_MONITOR_DIGEST_SECONDS ?? DIGEST_SECONDS);
  const seconds = Number.isFinite(configured) && configured >= 0 ? configured : DIGEST_SECONDS;
  if (seconds === 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    digestPendingCapture(runtime).catch(
      (error) => log(`could not digest request bodies: ${error instanceof Error ? error.message : String(error)}`)
    ).finally(() => {
      running = false;
    });
  }, seconds * 1e3);
  timer.unref();
}
export {
  serveStdio
};
