// Which captured request the breakdown's baseline was split by, for the answer: per part (system
// prompt, built-in tools, each MCP server's tools) the measured figure, or why there is none.
import type { CapturedRequest } from "./record.ts";
import type { PartTokens, SessionCapture } from "./session-capture.ts";
import type { Unmeasured, UnmeasuredReason } from "./token-cache.ts";

export interface CapturePart {
  /** "system prompt", "built-in tools" or "MCP server <name>". */
  part: string;
  /** count_tokens' figure, or null when not measured. */
  tokens: number | null;
  /** Why there is no figure (null when measured). */
  reason: UnmeasuredReason | null;
  /** The reason in words a person can act on. */
  said: string | null;
}

export interface CaptureUsed {
  source: CapturedRequest["source"];
  time: string;
  model: string | null;
  /** True when count_tokens measured its parts (exact), false when they were sized from characters. */
  measured: boolean;
  parts: CapturePart[];
}

function partsOf(record: CapturedRequest, tokens: PartTokens): CapturePart[] {
  const groups = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const part = (name: string, key: string, figure: number | null): CapturePart => {
    const unmeasured = figure === null ? tokens.unmeasured[key] : undefined;
    return { part: name, tokens: figure, reason: unmeasured?.reason ?? null, said: unmeasured?.said ?? null };
  };
  return [
    ...(groups.systemPrompt ? [part("system prompt", "systemPrompt", tokens.systemPrompt)] : []),
    ...(groups.builtInTools ? [part("built-in tools", "builtInTools", tokens.builtInTools)] : []),
    ...Object.keys(groups.servers).map((server) =>
      part(`MCP server ${server}`, `server:${server}`, tokens.servers[server] ?? null),
    ),
  ];
}

/** `setAside`: why the measured figures were not used after all (another shape, more than the whole). */
export function captureUsed({ record, tokens }: SessionCapture, setAside: Unmeasured | null = null): CaptureUsed {
  const parts = partsOf(record, tokens).map((part) =>
    setAside && part.tokens !== null ? { ...part, tokens: null, reason: setAside.reason, said: setAside.said } : part,
  );
  return {
    source: record.source,
    time: record.time,
    model: record.model,
    measured: parts.some((part) => part.tokens !== null),
    parts,
  };
}
