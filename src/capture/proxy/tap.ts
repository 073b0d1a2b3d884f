// Copies of what streams through the proxy, kept only as far as a capture needs them: request bodies
// up to a limit, and from a response either its small JSON body or, for a stream, just the usage.
// The forwarded bytes never wait for these.

/** Collects chunks up to `limit` bytes; past it, gives up and keeps nothing (the capture is skipped). */
export class BoundedBytes {
  private chunks: Buffer[] = [];
  private size = 0;
  overflowed = false;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    if (this.overflowed) return;
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.overflowed = true;
      this.chunks = [];
      return;
    }
    this.chunks.push(chunk);
  }

  bytes(): Buffer | null {
    return this.overflowed ? null : Buffer.concat(this.chunks, this.size);
  }
}

export interface StreamUsage {
  input_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
  output_tokens?: number;
}

/** Longest event line kept while scanning; longer ones (large text deltas) carry no usage anyway. */
const MAX_LINE = 1 << 20;

/**
 * Reads a Messages API event stream for its usage: `message_start` carries the input side,
 * `message_delta` the final output tokens. Keeps one partial line at most.
 */
export class StreamUsageScanner {
  private partial = "";
  private skipping = false;
  messageId: string | null = null;
  model: string | null = null;
  usage: StreamUsage | null = null;

  push(chunk: Buffer): void {
    let text = chunk.toString("latin1");
    for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n")) {
      const line = this.partial + text.slice(0, newline);
      this.partial = "";
      text = text.slice(newline + 1);
      if (this.skipping) this.skipping = false;
      else this.line(line);
    }
    if (this.skipping) return;
    this.partial += text;
    if (this.partial.length > MAX_LINE) {
      this.partial = "";
      this.skipping = true;
    }
  }

  private line(line: string): void {
    if (!line.startsWith("data:") || !line.includes('"usage"')) return;
    let event: { type?: string; message?: { id?: string; model?: string; usage?: StreamUsage }; usage?: StreamUsage };
    try {
      event = JSON.parse(Buffer.from(line.slice(5).trim(), "latin1").toString("utf8"));
    } catch {
      return;
    }
    if (event.type === "message_start" && event.message) {
      this.messageId = event.message.id ?? null;
      this.model = event.message.model ?? null;
      this.usage = { ...event.message.usage };
    } else if (event.type === "message_delta" && event.usage) {
      this.usage = { ...this.usage, ...definedOnly(event.usage) };
    }
  }
}

function definedOnly(usage: StreamUsage): StreamUsage {
  return Object.fromEntries(Object.entries(usage).filter(([, value]) => typeof value === "number")) as StreamUsage;
}
