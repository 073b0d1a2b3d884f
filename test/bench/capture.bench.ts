// The proxy's cost, side by side with mitmproxy in reverse mode against the same upstream in the same
// run: added latency per request (p50, p99) and streaming throughput; and how fast request bodies are
// digested, against JSON.parse alone.
import { type ChildProcess, spawn } from "node:child_process";
import { Agent, createServer, request, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { join } from "node:path";
import { recordOf } from "../../src/capture/record.ts";
import { startProxyProcess } from "../support/proxy-process.ts";
import type { BenchContext } from "./run.ts";

const LATENCY_REQUESTS = 300;
/** Claude Code's requests come apart (the model writing, tools running): paced runs leave the capture its quiet moments. */
const PACE_MS = 60;
const STREAM_BYTES = 256 << 20;
const REPLY = Buffer.from(
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_b","model":"m","usage":{"input_tokens":7,"output_tokens":1}}}\n\n' +
    'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hello"}}\n\n' +
    'event: message_delta\ndata: {"type":"message_delta","delta":{},"usage":{"output_tokens":20}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n',
);

/** A Messages-shaped body the size of a new Claude Code session's first request (~120 KB). */
export function requestBody(index: number): string {
  const tools = Array.from({ length: 30 }, (_, tool) => ({
    name: tool === 0 ? "Agent" : tool > 25 ? `mcp__bench__t${tool}` : `Tool${tool}`,
    description: "d".repeat(2_500),
    input_schema: { type: "object", properties: { a: { type: "string" } } },
  }));
  return JSON.stringify({
    model: "claude-sonnet-4-5",
    system: [
      { type: "text", text: "x-anthropic-billing-header: cc_version=bench" },
      { type: "text", text: "s".repeat(27_000), cache_control: { type: "ephemeral" } },
    ],
    tools,
    messages: [{ role: "user", content: [{ type: "text", text: `prompt ${index} ${"m".repeat(15_000)}` }] }],
    metadata: { user_id: JSON.stringify({ session_id: "00000000-0000-4000-8000-000000000001" }) },
    stream: true,
  });
}

async function startUpstream(): Promise<{ url: string; server: Server }> {
  const chunk = Buffer.alloc(64 << 10, 97);
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/stream")) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        let sent = 0;
        const pump = () => {
          while (sent < STREAM_BYTES) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        pump();
      } else {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(REPLY);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function once(agent: Agent, url: string, body: string | null): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body ? "POST" : "GET",
        agent,
        headers: body ? { "content-type": "application/json", "x-api-key": "sk-ant-bench" } : {},
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ ms: performance.now() - started, bytes }));
      },
    );
    req.on("error", reject);
    req.end(body ?? undefined);
  });
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

async function latencies(base: string, gapMs: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const bodies = Array.from({ length: 8 }, (_, index) => requestBody(index));
  for (let index = 0; index < 30; index++) await once(agent, `${base}/v1/messages?beta=true`, bodies[index % 8]!); // warm-up
  const times: number[] = [];
  for (let index = 0; index < LATENCY_REQUESTS; index++) {
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
    times.push((await once(agent, `${base}/v1/messages?beta=true`, bodies[index % 8]!)).ms);
  }
  agent.destroy();
  return times;
}

async function throughputMiBs(base: string): Promise<number> {
  const agent = new Agent({ keepAlive: false });
  const { ms, bytes } = await once(agent, `${base}/stream`, null);
  if (bytes !== STREAM_BYTES) throw new Error(`streamed ${bytes} of ${STREAM_BYTES} bytes through ${base}`);
  return bytes / (1 << 20) / (ms / 1000);
}

function waitForPort(port: number, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error("mitmdump exited before listening"));
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve()));
      socket.once("error", () =>
        Date.now() > deadline ? reject(new Error("mitmdump did not listen within 30 s")) : setTimeout(attempt, 100),
      );
    };
    attempt();
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startMitmdump(upstream: string): Promise<{ url: string; stop(): Promise<void> } | null> {
  const port = await freePort();
  // stream_large_bodies: mitmproxy buffers whole bodies unless told to stream them; 1 byte streams all, like ours.
  const child = spawn(
    "mitmdump",
    [
      "--mode",
      `reverse:${upstream}`,
      "--listen-host",
      "127.0.0.1",
      "--listen-port",
      String(port),
      "-q",
      "--set",
      "stream_large_bodies=1",
    ],
    { stdio: "ignore" },
  );
  const failed = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(true));
    waitForPort(port, child).then(
      () => resolve(false),
      () => resolve(true),
    );
  });
  if (failed) {
    child.kill();
    return null;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (child.once("exit", () => resolve()), child.kill("SIGTERM"))),
  };
}

function digestThroughput(context: BenchContext): void {
  const bodies = Array.from({ length: 200 }, (_, index) => requestBody(index));
  const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  const time = (fn: (body: string, index: number) => unknown) => {
    const started = performance.now();
    for (let round = 0; round < 3; round++) bodies.forEach(fn);
    return (3 * bytes) / (1 << 20) / ((performance.now() - started) / 1000);
  };
  time((body) => JSON.parse(body)); // warm-up
  const parseOnly = time((body) => JSON.parse(body));
  const digest = time((body, index) =>
    recordOf(body, { source: "otel", id: String(index), time: new Date(), kind: "messages" }),
  );
  context.report(
    `digest of ~${Math.round(bytes / bodies.length / 1024)} KB request bodies`,
    `${digest.toFixed(0)} MiB/s (${((bodies.length * 3 * 1000) / (((3 * bytes) / (1 << 20) / digest) * 1000)).toFixed(0)} bodies/s); JSON.parse alone ${parseOnly.toFixed(0)} MiB/s (ratio ${(parseOnly / digest).toFixed(2)}x)`,
  );
}

export async function benchCapture(context: BenchContext): Promise<void> {
  const upstream = await startUpstream();
  const proxy = await startProxyProcess(["--upstream", upstream.url, "--capture-dir", join(context.dir, "capture")], {
    PATH: process.env.PATH ?? "",
    HOME: context.dir,
  });
  const mitm = await startMitmdump(upstream.url);
  try {
    if (!mitm)
      context.report(
        "mitmproxy",
        "mitmdump not found: the proxy's targets are against mitmproxy in the same run; install Debian's mitmproxy package",
      );
    for (const [label, gapMs] of [
      [`${PACE_MS} ms apart`, PACE_MS],
      ["back to back", 0],
    ] as const) {
      const direct = await latencies(upstream.url, gapMs);
      const ours = await latencies(proxy.url, gapMs);
      const theirs = mitm ? await latencies(mitm.url, gapMs) : null;
      const added = (times: number[], q: number) => `${(quantile(times, q) - quantile(direct, q)).toFixed(2)} ms`;
      context.report(
        `${LATENCY_REQUESTS} requests of ~120 KB, SSE reply, ${label}: direct p50 / p99`,
        `${quantile(direct, 0.5).toFixed(2)} / ${quantile(direct, 0.99).toFixed(2)} ms`,
      );
      context.report(
        `  added by ctx-monitor proxy (capturing) p50 / p99`,
        `${added(ours, 0.5)} / ${added(ours, 0.99)}`,
      );
      if (theirs)
        context.report(
          `  added by mitmproxy (mitmdump, reverse mode) p50 / p99`,
          `${added(theirs, 0.5)} / ${added(theirs, 0.99)}`,
        );
      const addedP50 = (times: number[]) => quantile(times, 0.5) - quantile(direct, 0.5);
      if (gapMs && theirs) {
        const ours50 = addedP50(ours);
        const below = addedP50(theirs) / Math.max(ours50, 0.001);
        const met = ours50 <= 0.5 && below >= 8;
        context.report(
          "  added p50: ctx-monitor against mitmproxy",
          `${ours50.toFixed(2)} ms, ${below.toFixed(1)}x below mitmproxy (target ≤ 0.5 ms and ≥ 8x below: ${met ? "met" : "NOT MET"})`,
        );
      } else if (theirs) {
        const ratio = quantile(ours, 0.5) / quantile(theirs, 0.5);
        context.report(
          "  back to back, p50 through ctx-monitor against through mitmproxy",
          `${ratio.toFixed(2)}x (target ≤ 1x: ${ratio <= 1 ? "met" : "NOT MET"})`,
        );
      }
    }
    const directMiBs = await throughputMiBs(upstream.url);
    const oursMiBs = await throughputMiBs(proxy.url);
    const theirsMiBs = mitm ? await throughputMiBs(mitm.url) : null;
    context.report(`streaming ${STREAM_BYTES >> 20} MiB: direct`, `${directMiBs.toFixed(0)} MiB/s`);
    context.report(
      "streaming through ctx-monitor proxy",
      `${oursMiBs.toFixed(0)} MiB/s (${((oursMiBs / directMiBs) * 100).toFixed(0)}% of direct)`,
    );
    if (theirsMiBs !== null)
      context.report(
        "streaming through mitmproxy",
        `${theirsMiBs.toFixed(0)} MiB/s (ours ${(oursMiBs / theirsMiBs).toFixed(1)}x theirs)`,
      );
  } finally {
    await proxy.stop();
    await mitm?.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
  }
  digestThroughput(context);
}
