// `ctx-monitor proxy [--port N] [--upstream URL] [--capture-dir DIR]`: a reverse proxy on 127.0.0.1
// to point ANTHROPIC_BASE_URL at. No certificates, no TLS interception: Claude Code speaks plain HTTP
// to loopback, and the proxy speaks verified TLS to the upstream. Runs until interrupted.
import type { Command } from "../cli/command.ts";
import { captureStoreDir, ensurePrivateDir } from "../capture/paths.ts";
import { isCaptured, recordOfExchange } from "../capture/proxy/capture-exchange.ts";
import { startProxy, type RunningProxy } from "../capture/proxy/server.ts";
import { appendRecords } from "../capture/store.ts";
import { log } from "../log.ts";
import type { Runtime } from "../runtime.ts";

const DEFAULT_PROXY_PORT = 8737;
const DEFAULT_UPSTREAM = "https://api.anthropic.com";

/** The upstream: as asked, else the ANTHROPIC_BASE_URL in use (a gateway) unless it is this proxy, else the API. */
function chooseUpstream(runtime: Runtime, asked: string | undefined, port: number): URL {
  const configured = runtime.env.ANTHROPIC_BASE_URL;
  const candidate = asked ?? (configured && !isLoopbackPort(configured, port) ? configured : DEFAULT_UPSTREAM);
  const url = new URL(candidate);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`--upstream must be an http(s) URL, got ${candidate}`);
  return url;
}

function isLoopbackPort(value: string, port: number): boolean {
  try {
    const url = new URL(value);
    return (url.hostname === "127.0.0.1" || url.hostname === "localhost") && Number(url.port) === port;
  } catch {
    return false;
  }
}

function parsePort(value: string | undefined): number | null {
  if (value === undefined) return DEFAULT_PROXY_PORT;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

export const proxyCommand: Command = {
  name: "proxy",
  summary: "loopback proxy for ANTHROPIC_BASE_URL that captures exact request digests",
  synopsis: `[--port N (default ${DEFAULT_PROXY_PORT}, 0 = any free)] [--upstream URL] [--capture-dir DIR]`,
  options: { port: { type: "string" }, upstream: { type: "string" }, "capture-dir": { type: "string" } },
  async run({ values, runtime, out }) {
    const port = parsePort(values.port as string | undefined);
    if (port === null) {
      out.stderr(`ctx-monitor proxy: --port must be a number from 0 to 65535, got ${String(values.port)}\n`);
      return 2;
    }
    let upstream: URL;
    try {
      upstream = chooseUpstream(runtime, values.upstream as string | undefined, port);
    } catch (error) {
      out.stderr(`ctx-monitor proxy: ${(error as Error).message}\n`);
      return 2;
    }
    const storeDir = typeof values["capture-dir"] === "string" ? values["capture-dir"] : captureStoreDir(runtime);
    ensurePrivateDir(storeDir);
    let proxy: RunningProxy;
    try {
      proxy = await startProxy({
        upstream,
        port,
        captures: isCaptured,
        onExchange: (exchange) => {
          try {
            const record = recordOfExchange(exchange);
            if (record) appendRecords(storeDir, [record]);
          } catch (error) {
            log(`proxy: could not store a capture: ${(error as Error).message}`);
          }
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === "EADDRINUSE" ? `port ${port} is in use; pass --port N (0 picks a free one)` : (error as Error).message;
      out.stderr(`ctx-monitor proxy: ${reason}\n`);
      return 1;
    }
    out.stdout(`ctx-monitor proxy: ${proxy.url} → ${upstream.href.replace(/\/$/, "")}, captures in ${storeDir}\n`);
    out.stdout(`Run Claude Code with:\n  ANTHROPIC_BASE_URL=${proxy.url} claude\n`);
    await untilInterrupted();
    await proxy.close();
    return 0;
  },
};
