// A scripted stand-in for the Anthropic Messages API on 127.0.0.1. Every request is recorded with
// its true context size, so tests can compare ctx-monitor's answers with the exact truth.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { classifyRequest, type RequestKind, type Script, type ScriptBlock, text } from "./script.ts";
import { jsonMessage, streamMessage } from "./sse.ts";
import { type ApiUsage, contextTokensOf, outputTokensOf, SUBAGENT_EXTRA_TOKENS, usageFor } from "./usage.ts";

export interface RecordedRequest {
  index: number;
  kind: RequestKind;
  path: string;
  /** The request body as Claude Code sent it (headers, with their keys, are not kept). */
  body: MessagesBody;
  /** input + cache_creation + cache_read reported for this request: its exact context size. */
  total: number;
  usage: ApiUsage;
  messageId: string;
  blocks: ScriptBlock[];
}

export interface MessagesBody {
  model?: string;
  stream?: boolean;
  system?: unknown;
  tools?: Array<{ name?: string }>;
  messages?: Array<{ role: string; content: unknown }>;
}

/** A count_tokens call (Claude Code's /context makes many) and the stand-in's answer. */
export interface CountTokensCall {
  body: MessagesBody;
  inputTokens: number;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  countTokens: CountTokensCall[];
  /** Replaces the script (a new run of the client against the same server). */
  setScript(script: Script): void;
  close(): Promise<void>;
}

const COMPACTION_SUMMARY =
  "<summary>\n1. Primary Request and Intent: the user asked for a scripted end-to-end session.\n" +
  "2. Key Technical Concepts: context usage, compaction.\n3. Current Work: waiting for the next instruction.\n</summary>";

function readBody(req: IncomingMessage, limit = 64 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new Error("request body over the stand-in's limit"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function notFound(res: ServerResponse, path: string): void {
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ type: "error", error: { type: "not_found_error", message: `no such endpoint: ${path}` } }));
}

export async function startFakeApi(initial: Script): Promise<FakeApi> {
  let script = initial;
  let mainStep = 0;
  let subagentStep = 0;
  let compacted = false;
  const requests: RecordedRequest[] = [];
  const countTokens: CountTokensCall[] = [];

  const nextBlocks = (kind: RequestKind): ScriptBlock[] => {
    if (kind === "compaction") return [text(script.summary ?? COMPACTION_SUMMARY)];
    if (kind === "side") return [text("ok")];
    const steps = kind === "main" ? script.main : (script.subagent ?? []);
    const step = kind === "main" ? steps[mainStep++] : steps[subagentStep++];
    return step ?? [text(kind === "subagent" ? "Subagent report: all checks done." : "Done.")];
  };

  /** What a request reports: its true size, subagents made larger, a main one held high until compacted. */
  const reportedTotal = (kind: RequestKind, body: MessagesBody): number => {
    const size = contextTokensOf(body);
    if (kind === "subagent") return size + SUBAGENT_EXTRA_TOKENS;
    if (kind === "main" && !compacted) return Math.max(size, script.reportedUntilCompacted ?? 0);
    return size;
  };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    try {
      if (req.method === "HEAD") {
        res.writeHead(200).end();
        return;
      }
      const raw = req.method === "POST" ? await readBody(req) : "";
      if (req.method === "POST" && path === "/v1/messages/count_tokens") {
        const body = JSON.parse(raw || "{}") as MessagesBody;
        const inputTokens = contextTokensOf(body);
        countTokens.push({ body, inputTokens });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ input_tokens: inputTokens }));
        return;
      }
      if (req.method !== "POST" || path !== "/v1/messages") {
        notFound(res, path);
        return;
      }
      const body = JSON.parse(raw) as MessagesBody;
      const kind = classifyRequest(body);
      if (kind === "compaction") compacted = true;
      const blocks = nextBlocks(kind);
      const total = reportedTotal(kind, body);
      const usage = usageFor(total, outputTokensOf(blocks));
      const messageId = `msg_e2e_${String(requests.length + 1).padStart(4, "0")}`;
      requests.push({ index: requests.length, kind, path, body, total, usage, messageId, blocks });
      const message = { id: messageId, model: body.model ?? "claude-sonnet-4-5", blocks, usage };
      if (body.stream) streamMessage(res, message);
      else jsonMessage(res, message);
    } catch (error) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ type: "error", error: { type: "invalid_request_error", message: (error as Error).message } }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    countTokens,
    setScript(next) {
      script = next;
      mainStep = 0;
      subagentStep = 0;
      compacted = false;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
