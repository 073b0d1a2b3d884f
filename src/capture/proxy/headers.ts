// Which headers cross the proxy, and which few may be written down. Hop-by-hop headers belong to one
// connection (RFC 9110 §7.6.1), so they are dropped both ways; everything else is forwarded as sent.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Also hop-by-hop: whatever the Connection header itself names. */
function connectionListed(headers: IncomingHttpHeaders): Set<string> {
  const listed = headers.connection;
  if (!listed) return new Set();
  return new Set(
    listed
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The end-to-end headers of a message, as the next hop should receive them. */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = connectionListed(headers);
  const forwarded: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    forwarded[name] = value;
  }
  return forwarded;
}

/** A request's headers for the upstream: end-to-end ones, with the upstream's own Host. */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders, upstream: URL): OutgoingHttpHeaders {
  return { ...endToEnd(headers), host: upstream.host };
}

/**
 * Security: the only request headers a capture may hold. An allow-list, so that a new credential
 * header (authorization, x-api-key, cookie, a gateway's own) can never be written by accident.
 */
const RECORDABLE = ["anthropic-beta", "anthropic-version"] as const;

export type RecordedHeaders = Partial<Record<(typeof RECORDABLE)[number], string>>;

export function recordableHeaders(headers: IncomingHttpHeaders): RecordedHeaders {
  const kept: RecordedHeaders = {};
  for (const name of RECORDABLE) {
    const value = headers[name];
    if (typeof value === "string") kept[name] = value;
    else if (Array.isArray(value)) kept[name] = value.join(",");
  }
  return kept;
}
