// A reverse proxy on 127.0.0.1 for ANTHROPIC_BASE_URL. Every request goes to the upstream as sent
// (method, path, query, end-to-end headers, body), and every response comes back byte for byte as
// it arrives: nothing waits for a whole body. Copies for the capture are taken beside the stream.
import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import {
  endToEnd,
  type RecordedHeaders,
  recordableHeaders,
  requestCredentials,
  upstreamRequestHeaders,
} from "./headers.ts";
import { DEFAULT_QUEUE_LIMITS, IdleQueue, type QueueLimits } from "./idle-queue.ts";
import { BoundedBytes, type StreamUsage, StreamUsageScanner } from "./tap.ts";

/** What one captured request/response pair leaves behind, handed to the capture after the response ends. */
export interface Exchange {
  method: string;
  /** Path without the query. */
  path: string;
  startedAt: Date;
  status: number;
  /** Only allow-listed headers (never credentials). */
  headers: RecordedHeaders;
  /**
   * The request's credentials, for measuring its parts once after it was forwarded; a function, so
   * that serializing an exchange (a log line, a store record) can never carry them.
   */
  credentials: () => Readonly<Record<string, string>> | null;
  /** The request body, or null when it was over the capture limit. */
  requestBody: Buffer | null;
  /** A non-streamed response body (JSON), or null (streamed, encoded or over the limit). */
  responseBody: Buffer | null;
  /** From a streamed response: the message id and usage its events reported. */
  streamed: { messageId: string | null; model: string | null; usage: StreamUsage | null } | null;
}

interface ProxyOptions {
  upstream: URL;
  port: number;
  /** Requests worth capturing; the rest are only forwarded. */
  captures?: (method: string, path: string) => boolean;
  onExchange?: (exchange: Exchange) => void;
  /** Largest request or response body copied for the capture. */
  captureLimitBytes?: number;
  /** Bounds of the capture work waiting for a quiet moment. */
  queueLimits?: QueueLimits;
}

export interface RunningProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_CAPTURE_LIMIT = 32 << 20;

/** The Messages API's error shape, so Claude Code shows the reason like any API error. */
function apiError(res: ServerResponse, status: number, type: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ type: "error", error: { type, message } }));
}

export function upstreamUrl(upstream: URL, requestUrl: string): URL {
  const base = upstream.pathname.replace(/\/+$/, "");
  const target = new URL(upstream.origin);
  const [path = "/", query] = requestUrl.split(/\?(.*)/s, 2);
  target.pathname = `${base}${path.startsWith("/") ? path : `/${path}`}`;
  if (query !== undefined) target.search = `?${query}`;
  return target;
}

/** What every forwarded request shares: where it goes, over which connections, and where its capture goes. */
interface Relay {
  options: ProxyOptions;
  agent: HttpAgent;
  send: typeof httpRequest;
  limit: number;
  queue: IdleQueue<Exchange>;
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const secure = options.upstream.protocol === "https:";
  if (!secure && options.upstream.protocol !== "http:")
    throw new Error(`upstream must be an http(s) URL, got ${options.upstream.href}`);
  // Kept-alive connections to the upstream: a new TLS handshake per request would add far more than the proxy does.
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const relay: Relay = {
    options,
    agent,
    send: secure ? httpsRequest : httpRequest,
    limit: options.captureLimitBytes ?? DEFAULT_CAPTURE_LIMIT,
    queue: new IdleQueue<Exchange>(
      (exchange) => options.onExchange?.(exchange),
      options.queueLimits ?? DEFAULT_QUEUE_LIMITS,
    ),
  };
  const server: Server = createServer((req, res) => {
    relay.queue.requestStarted();
    res.once("close", () => relay.queue.requestEnded());
    forward(relay, req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => {
          relay.queue.drain();
          resolve();
        });
      }),
  };
}

function forward(relay: Relay, req: IncomingMessage, res: ServerResponse): void {
  const { options } = relay;
  const method = req.method ?? "GET";
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const capturing = options.onExchange && (options.captures?.(method, path) ?? true);
  const target = upstreamUrl(options.upstream, req.url ?? "/");
  const startedAt = new Date();
  const requestCopy = capturing ? new BoundedBytes(relay.limit) : null;
  let finished = false;

  const upstreamRequest = relay.send(target, {
    method,
    headers: upstreamRequestHeaders(req.headers, options.upstream),
    agent: relay.agent,
  });
  upstreamRequest.on("error", (error: NodeJS.ErrnoException) => {
    if (finished || res.destroyed) return;
    apiError(
      res,
      502,
      "api_error",
      `ctx-monitor proxy could not reach ${options.upstream.origin}: ${error.code ?? error.message}`,
    );
  });
  upstreamRequest.on("response", (upstreamResponse) => {
    const { scanner, responseCopy } = startResponse(upstreamResponse, res, capturing ? relay.limit : null);
    // After the pipe's own end listener: the response is ended to the client before any capture work.
    upstreamResponse.on("end", () => {
      finished = true;
      if (!capturing || !requestCopy) return;
      const exchange: Exchange = {
        method,
        path,
        startedAt,
        status: upstreamResponse.statusCode ?? 0,
        headers: recordableHeaders(req.headers),
        credentials: credentialsOf(req),
        requestBody: requestCopy.bytes(),
        responseBody: responseCopy?.bytes() ?? null,
        streamed: scanner ? { messageId: scanner.messageId, model: scanner.model, usage: scanner.usage } : null,
      };
      relay.queue.push(exchange, (exchange.requestBody?.length ?? 0) + (exchange.responseBody?.length ?? 0));
    });
  });

  // The pipe first: each chunk goes on before the copy for the capture is taken.
  req.pipe(upstreamRequest);
  if (requestCopy) req.on("data", (chunk: Buffer) => requestCopy.push(chunk));
  req.on("error", () => upstreamRequest.destroy());
  // The client hung up (Esc in Claude Code, a killed process): stop the upstream request too.
  res.on("close", () => {
    if (!res.writableFinished) upstreamRequest.destroy();
  });
}

function credentialsOf(req: IncomingMessage): Exchange["credentials"] {
  const credentials = requestCredentials(req.headers);
  return () => credentials;
}

/**
 * Sends the upstream's status and headers on at once and starts the copies for the capture (none when
 * `captureLimit` is null, or the body is encoded): usage scanned from a stream, a plain body kept whole.
 */
function startResponse(
  upstreamResponse: IncomingMessage,
  res: ServerResponse,
  captureLimit: number | null,
): { scanner: StreamUsageScanner | null; responseCopy: BoundedBytes | null } {
  res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.statusMessage, endToEnd(upstreamResponse.headers));
  res.flushHeaders();
  // The pipe's listeners first: each chunk is forwarded, and the response ended, before the capture's copies run.
  upstreamResponse.pipe(res);
  const encoded = Boolean(
    upstreamResponse.headers["content-encoding"] && upstreamResponse.headers["content-encoding"] !== "identity",
  );
  const isStream = String(upstreamResponse.headers["content-type"] ?? "").startsWith("text/event-stream");
  const copying = captureLimit !== null && !encoded;
  const scanner = copying && isStream ? new StreamUsageScanner() : null;
  const responseCopy = copying && !isStream ? new BoundedBytes(captureLimit) : null;
  if (scanner || responseCopy) {
    upstreamResponse.on("data", (chunk: Buffer) => {
      scanner?.push(chunk);
      responseCopy?.push(chunk);
    });
  }
  upstreamResponse.on("error", () => res.destroy());
  upstreamResponse.on("aborted", () => res.destroy());
  return { scanner, responseCopy };
}
