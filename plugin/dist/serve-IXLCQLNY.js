#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  createServer,
  createServerDeps
} from "./chunk-RUWZ2GY5.js";
import {
  ReadBuffer,
  serializeMessage
} from "./chunk-Q3A43W43.js";
import "./chunk-CBKUJMHP.js";
import "./chunk-HWZST52M.js";
import "./chunk-ZZSEED36.js";
import "./chunk-B6VX7PTD.js";
import {
  digestPendingCapture
} from "./chunk-LRTN6UVP.js";
import {
  log
} from "./chunk-E4WEFHXS.js";
import "./chunk-T2JGQYOY.js";
import "./chunk-T4BVMDPB.js";
import "./chunk-J74WBCXV.js";
import "./chunk-6RQ7PFQB.js";

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/stdio.js
import process2 from "process";
var StdioServerTransport = class {
  constructor(_stdin = process2.stdin, _stdout = process2.stdout, options) {
    this._stdin = _stdin;
    this._stdout = _stdout;
    this._started = false;
    this._ondata = (chunk) => {
      try {
        this._readBuffer.append(chunk);
        this.processReadBuffer();
      } catch (error) {
        this.onerror?.(error);
        this.close().catch(() => {
        });
      }
    };
    this._onerror = (error) => {
      this.onerror?.(error);
    };
    this._readBuffer = new ReadBuffer({ maxBufferSize: options?.maxBufferSize });
  }
  /**
   * Starts listening for messages on stdin.
   */
  async start() {
    if (this._started) {
      throw new Error("StdioServerTransport already started! If using Server class, note that connect() calls start() automatically.");
    }
    this._started = true;
    this._stdin.on("data", this._ondata);
    this._stdin.on("error", this._onerror);
  }
  processReadBuffer() {
    while (true) {
      try {
        const message = this._readBuffer.readMessage();
        if (message === null) {
          break;
        }
        this.onmessage?.(message);
      } catch (error) {
        this.onerror?.(error);
      }
    }
  }
  async close() {
    this._stdin.off("data", this._ondata);
    this._stdin.off("error", this._onerror);
    const remainingDataListeners = this._stdin.listenerCount("data");
    if (remainingDataListeners === 0) {
      this._stdin.pause();
    }
    this._readBuffer.clear();
    this.onclose?.();
  }
  send(message) {
    return new Promise((resolve) => {
      const json = serializeMessage(message);
      if (this._stdout.write(json)) {
        resolve();
      } else {
        this._stdout.once("drain", resolve);
      }
    });
  }
};

// src/commands/serve.ts
async function serveStdio(runtime) {
  const server = createServer(createServerDeps(runtime));
  const transport = new StdioServerTransport();
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
