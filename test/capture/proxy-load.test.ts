// The built `ctx-monitor proxy` in its own process under 1,000 streamed, captured requests after a
// warm-up: its memory does not grow with them and its capture store stays within its rotation bounds.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startProxyProcess } from "../support/proxy-process.ts";
import { tempDir } from "../support/runtime.ts";

/** Node's allocator grows its arenas over the first thousand or so ~60 KB bodies, then holds steady (seen: ~148 MiB). */
const WARM_UP = 1_200;
const REQUESTS = 1_000;
const CONCURRENCY = 8;

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kib) / 1024;
}

function post(url: string, body: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/messages?beta=true`,
      { method: "POST", headers: { "content-type": "application/json", "x-api-key": key } },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve(bytes));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe.skipIf(process.platform !== "linux")("ctx-monitor proxy under load", () => {
  it("1,000 captured streaming requests after a warm-up: memory flat, store bounded, no key on disk", async () => {
    const reply = Buffer.from(
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_load","model":"m","usage":{"input_tokens":7,"cache_read_input_tokens":900,"output_tokens":1}}}\n\n' +
        `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${"z".repeat(8_000)}"}}\n\n` +
        'event: message_delta\ndata: {"type":"message_delta","delta":{},"usage":{"output_tokens":2000}}\n\n',
    );
    const upstream = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(reply);
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const home = tempDir();
    const store = join(home, "store");
    const key = `sk-ant-api03-${randomBytes(12).toString("hex")}`;
    const proxy = await startProxyProcess(
      ["--upstream", `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, "--capture-dir", store],
      { PATH: process.env.PATH ?? "", HOME: home },
    );
    try {
      const tools = Array.from({ length: 40 }, (_, index) => ({
        name: index === 0 ? "Agent" : `mcp__load__tool${index}`,
        description: "d".repeat(500),
        input_schema: { type: "object" },
      }));
      const bodyOf = (index: number) =>
        JSON.stringify({
          model: "claude-sonnet-4-5",
          system: [{ type: "text", text: "s".repeat(20_000) }],
          tools,
          messages: [{ role: "user", content: `request ${index} ${"m".repeat(20_000)}` }],
          metadata: {
            user_id: JSON.stringify({ session_id: `00000000-0000-4000-8000-${String(index % 300).padStart(12, "0")}` }),
          },
          stream: true,
        });
      let next = 0;
      let warm = 0;
      const worker = async () => {
        while (next < WARM_UP + REQUESTS) {
          const index = next++;
          expect(await post(proxy.url, bodyOf(index), key)).toBe(reply.length);
          if (index === WARM_UP) warm = rssMiB(proxy.child.pid!);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const end = rssMiB(proxy.child.pid!);
      expect(warm).toBeGreaterThan(0);
      // Keeping each request's ~60 KB body would add 60 MiB over the 1,000.
      expect(end - warm).toBeLessThan(24);
      // Captures are written just after each response: let the last ones land.
      await proxy.stop();
      const files = readdirSync(store, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));
      expect(files.filter((file) => file.endsWith(".jsonl")).length).toBeLessThanOrEqual(3);
      expect(readdirSync(join(store, "sessions")).length).toBeLessThanOrEqual(200);
      expect(files.reduce((sum, file) => sum + statSync(file).size, 0)).toBeLessThan(3 * (8 << 20) + 200 * 20_000);
      expect(files.filter((file) => readFileSync(file).includes(key))).toEqual([]);
    } finally {
      await proxy.stop();
      upstream.closeAllConnections();
      upstream.close();
    }
  }, 240_000);
});
