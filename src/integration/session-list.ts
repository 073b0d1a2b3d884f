// The project's recent sessions for `ctx-monitor sessions`: each one's id, last activity, model,
// context figures (the same answer as get_context_usage) and first prompt (redacted, from the head).
import { closeSync, readSync } from "node:fs";
import { basename } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { createUsageDeps, readContextUsage } from "../context/read-usage.ts";
import type { ContextStatus } from "../context/status.ts";
import { openRegularFile } from "../fs/open-regular.ts";
import { FactCollector } from "../handoff/fact-collector.ts";
import { parseRecordLine } from "../transcript/parse-record-line.ts";

export interface SessionSummary {
  sessionId: string;
  transcriptPath: string;
  lastActivity: string;
  model: string | null;
  usedTokens: number | null;
  contextWindow: number | null;
  status: ContextStatus | null;
  firstPrompt: string | null;
}

/** Only the head is read: a first prompt is near the start, and the file may be a gigabyte. */
const HEAD_BYTES = 256 << 10;
const PROMPT_CHARS = 120;

function firstPrompt(path: string): string | null {
  const buffer = Buffer.alloc(HEAD_BYTES);
  let read = 0;
  const fd = openRegularFile(path);
  try {
    read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const collector = new FactCollector();
  const lines = buffer.toString("utf8", 0, read).split("\n");
  if (read === HEAD_BYTES) lines.pop(); // cut mid-line
  for (const line of lines) {
    const parsed = line.trim() ? parseRecordLine(line) : null;
    if (!parsed?.ok) continue;
    collector.add(parsed.record);
    if (parsed.record.kind !== "user") continue;
    const prompt = collector.result().prompts.find((candidate) => !candidate.command);
    if (prompt) {
      const oneLine = prompt.text.replace(/\s+/g, " ").trim();
      return oneLine.length > PROMPT_CHARS ? `${oneLine.slice(0, PROMPT_CHARS - 1)}…` : oneLine;
    }
  }
  return null;
}

export async function summarizeSession(
  runtime: Runtime,
  transcriptPath: string,
  mtimeMs: number,
): Promise<SessionSummary> {
  const usage = await readContextUsage({ transcriptPath }, createUsageDeps(runtime)).catch(() => null);
  let prompt: string | null = null;
  try {
    prompt = firstPrompt(transcriptPath);
  } catch {
    prompt = null;
  }
  return {
    sessionId: usage?.sessionId ?? basename(transcriptPath, ".jsonl"),
    transcriptPath,
    lastActivity: new Date(mtimeMs).toISOString(),
    model: usage?.model ?? null,
    usedTokens: usage?.usedTokens ?? null,
    contextWindow: usage?.contextWindow ?? null,
    status: usage?.status ?? null,
    firstPrompt: prompt,
  };
}
