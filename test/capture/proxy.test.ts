// The loopback proxy against real HTTP servers on 127.0.0.1: what crosses it, byte for byte and
// without buffering, what happens when either side goes away, and what its capture hands on.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type Exchange, type RunningProxy, startProxy, upstreamUrl } from "../../src/capture/proxy/server.ts";

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function upstream(handler: Handler): Promise<string> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function proxyTo(url: string, onExchange?: (exchange: Exchange) => void): Promise<RunningProxy> {
  const proxy = await startProxy({ upstream: new URL(url), port: 0, ...(onExchange ? { onExchange } : {}) });
  closers.push(() => proxy.close());
  return proxy;
}

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("ctx-monitor proxy", () => {
  it("forwards method, path, query, end-to-end headers and body unchanged; drops hop-by-hop headers; sets the upstream's Host", async () => {
    let seen: { method?: string; url?: string; headers?: IncomingMessage["headers"]; body?: Buffer } = {};
    const target = await upstream((req, res, body) => {
      seen = { method: req.method, url: req.url, headers: req.headers, body };
      res.writeHead(201, { "x-upstream": "yes", "request-id": "req_1", "keep-alive": "timeout=77" });
      res.end(body);
    });
    const proxy = await proxyTo(target);
    const body = randomBytes(1 << 20);
    const answer = await call(`${proxy.url}/v1/messages/batches?beta=true&x=%20y`, {
      method: "PUT",
      headers: {
        "x-api-key": "sk-ant-abc",
        "anthropic-beta": "context-1m-2025-08-07",
        "x-custom": "kept",
        connection: "keep-alive, x-drop",
        "x-drop": "gone",
        te: "trailers",
      },
      body,
    });
    expect(seen.method).toBe("PUT");
    expect(seen.url).toBe("/v1/messages/batches?beta=true&x=%20y");
    expect(seen.headers?.host).toBe(new URL(target).host);
    expect(seen.headers?.["x-api-key"]).toBe("sk-ant-abc");
    expect(seen.headers?.["x-custom"]).toBe("kept");
    expect(seen.headers?.["x-drop"]).toBeUndefined();
    expect(seen.headers?.te).toBeUndefined();
    expect(seen.body?.equals(body)).toBe(true);
    expect(answer.status).toBe(201);
    expect(answer.headers["x-upstream"]).toBe("yes");
    expect(answer.headers["request-id"]).toBe("req_1");
    expect(answer.headers["keep-alive"]).not.toBe("timeout=77");
    expect(answer.body.equals(body)).toBe(true);
  });

  it("joins an upstream with a path prefix and the request's path", () => {
    expect(upstreamUrl(new URL("https://gw.example/anthropic/"), "/v1/messages?beta=true").href).toBe(
      "https://gw.example/anthropic/v1/messages?beta=true",
    );
    expect(upstreamUrl(new URL("https://api.anthropic.com"), "/").href).toBe("https://api.anthropic.com/");
  });

  it("streams each chunk on as it comes: the upstream sends the next only after the client has the previous one", async () => {
    let clientGot: (() => void) | null = null;
    const chunks = [Buffer.from("event: a\ndata: {}\n\n"), randomBytes(70_000), Buffer.from("event: c\n\n")];
    const target = await upstream(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      for (const chunk of chunks) {
        const delivered = new Promise<void>((resolve) => (clientGot = resolve));
        res.write(chunk);
        await delivered;
      }
      res.end();
    });
    const proxy = await proxyTo(target);
    const received = await new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      let size = 0;
      let expected = chunks[0]!.length;
      let index = 0;
      request(`${proxy.url}/stream`, (res) => {
        res.on("data", (chunk: Buffer) => {
          parts.push(chunk);
          size += chunk.length;
          // A chunk may arrive in pieces: release the upstream once all of it is here.
          while (index < chunks.length && size >= expected) {
            index++;
            expected += chunks[index]?.length ?? 0;
            clientGot?.();
          }
        });
        res.on("end", () => resolve(Buffer.concat(parts)));
      })
        .on("error", reject)
        .end();
    });
    expect(received.equals(Buffer.concat(chunks))).toBe(true);
  });

  it("stops the upstream request when the client hangs up mid-stream", async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const target = await upstream((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: ping\ndata: {}\n\n");
      res.on("close", () => upstreamClosed());
    });
    const proxy = await proxyTo(target);
    await new Promise<void>((resolve) => {
      const req = request(`${proxy.url}/v1/messages`, { method: "POST" }, (res) =>
        res.once("data", () => (req.destroy(), resolve())),
      );
      req.on("error", () => undefined);
      req.end("{}");
    });
    await closed;
  });

  it("answers an unreachable upstream with the API's error JSON", async () => {
    const gone = await upstream(() => undefined);
    await closers.pop()!();
    const proxy = await proxyTo(gone);
    const answer = await call(`${proxy.url}/v1/messages`, { method: "POST", body: "{}" });
    expect(answer.status).toBe(502);
    const error = JSON.parse(answer.body.toString()) as { type: string; error: { type: string; message: string } };
    expect(error.type).toBe("error");
    expect(error.error.type).toBe("api_error");
    expect(error.error.message).toContain("ECONNREFUSED");
  });

  it("hands the capture the body, the stream's usage and only allow-listed headers", async () => {
    const target = await upstream((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(
        'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":5,"cache_read_input_tokens":100,"output_tokens":1}}}\n\n',
      );
      res.write('event: message_delta\ndata: {"type":"message_delta","delta":{},"usage":{"output_tokens":42}}\n\n');
      res.end();
    });
    const exchanges: Exchange[] = [];
    const captured = new Promise<void>((resolve) => {
      void proxyTo(target, (exchange) => (exchanges.push(exchange), resolve())).then((proxy) =>
        call(`${proxy.url}/v1/messages?beta=true`, {
          method: "POST",
          headers: {
            authorization: "Bearer secret-token",
            "x-api-key": "sk-ant-secret",
            cookie: "a=b",
            "anthropic-beta": "context-1m-2025-08-07",
          },
          body: '{"model":"m"}',
        }),
      );
    });
    await captured;
    const [exchange] = exchanges;
    expect(exchange?.path).toBe("/v1/messages");
    expect(exchange?.headers).toEqual({ "anthropic-beta": "context-1m-2025-08-07" });
    expect(exchange?.requestBody?.toString()).toBe('{"model":"m"}');
    expect(exchange?.streamed).toEqual({
      messageId: "msg_1",
      model: "m",
      usage: { input_tokens: 5, cache_read_input_tokens: 100, output_tokens: 42 },
    });
    expect(JSON.stringify(exchange)).not.toMatch(/secret|a=b/);
    // Held for measuring the request's parts with count_tokens, never in what is serialized.
    expect(exchange?.credentials()).toEqual({
      "x-api-key": "sk-ant-secret",
      authorization: "Bearer secret-token",
      "anthropic-beta": "context-1m-2025-08-07",
    });
  });
});
