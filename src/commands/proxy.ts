// `ctx-monitor proxy [--port N] [--upstream URL] [--capture-dir DIR]`: a reverse proxy on 127.0.0.1
// to point ANTHROPIC_BASE_URL at. No certificates, no TLS interception: Claude Code speaks plain HTTP
// to loopback, and the proxy speaks verified TLS to the upstream. Runs until interrupted.

import { log } from "../base/log.ts";
import type { Runtime } from "../base/runtime.ts";
import { UserError } from "../base/user-error.ts";
import { captureStoreDir, ensurePrivateDir } from "../capture/paths.ts";
import { digestOfExchange, isCaptured } from "../capture/proxy/capture-exchange.ts";
import { ProxyPartMeasurer } from "../capture/proxy/measure-parts.ts";
import { type RunningProxy, startProxy } from "../capture/proxy/server.ts";
import { markProxyLive } from "../capture/proxy-live.ts";
import { appendRecords } from "../capture/store.ts";
import type { Command } from "./command.ts";

const DEFAULT_PROXY_PORT = 8737;
const DEFAULT_UPSTREAM = "https://api.anthropic.com";

/** The upstream: as asked, else the ANTHROPIC_BASE_URL in use (a gateway) unless it is this proxy, else the API. */
function chooseUpstream(runtime: Runtime, asked: string | undefined, port: number): URL {
  const configured = runtime.env.ANTHROPIC_BASE_URL;
  const candidate = asked ?? (configured && !isLoopbackPort(configured, port) ? configured : DEFAULT_UPSTREAM);
  // --upstream is checked before the command runs; what is left to refuse is the environment's.
  const url = URL.canParse(candidate) ? new URL(candidate) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new UserError(
      `ANTHROPIC_BASE_URL must be an http(s) URL to proxy to, got ${candidate}; fix it or pass --upstream URL`,
    );
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
  valueKinds: { port: "port", upstream: "url" },
  async run({ values, runtime, out }) {
    const port = typeof values.port === "string" ? Number(values.port) : DEFAULT_PROXY_PORT;
    const upstream = chooseUpstream(runtime, values.upstream as string | undefined, port);
    const storeDir = typeof values["capture-dir"] === "string" ? values["capture-dir"] : captureStoreDir(runtime);
    ensurePrivateDir(storeDir);
    const measurer = new ProxyPartMeasurer(storeDir, upstream, runtime);
    let proxy: RunningProxy;
    try {
      proxy = await startProxy({
        upstream,
        port,
        captures: isCaptured,
        onExchange: (exchange) => {
          try {
            const digested = digestOfExchange(exchange);
            if (!digested) return;
            appendRecords(storeDir, [digested.record]);
            // After the request was forwarded and answered: measuring never delays it.
            if (digested.record.kind === "messages" && digested.record.role === "main")
              measurer.measure(digested.groups, exchange.credentials());
          } catch (error) {
            log(`proxy: could not store a capture: ${(error as Error).message}`);
          }
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
        throw new UserError(`port ${port} is in use; pass --port N (0 picks a free one)`);
      throw error;
    }
    // Readers of this store wait a moment for a request the proxy has forwarded but not stored yet.
    const unmarkLive = markProxyLive(storeDir, proxy.url);
    out.stdout(`ctx-monitor proxy: ${proxy.url} → ${upstream.href.replace(/\/$/, "")}, captures in ${storeDir}\n`);
    out.stdout(`Run Claude Code with:\n  ANTHROPIC_BASE_URL=${proxy.url} claude\n`);
    await untilInterrupted();
    await proxy.close();
    unmarkLive();
    await measurer.settled();
    return 0;
  },
};
