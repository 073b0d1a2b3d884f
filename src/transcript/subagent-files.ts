// Subagent transcripts: Claude Code 2.x writes each subagent's conversation to
// `<project folder>/<sessionId>/subagents/agent-<id>.jsonl` (with `agent-<id>.meta.json`), every
// record marked isSidechain. Read on their own, they are that subagent's main chain.
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readRegularText } from "../fs/open-regular.ts";

export interface SubagentInfo {
  agentId: string;
  agentType: string | null;
  description: string | null;
  /** The transcript of the session that launched it. */
  parentTranscriptPath: string;
}

const AGENT_FILE = /^agent-([^/]+)\.jsonl$/;

/** True for a subagent's transcript (by where Claude Code puts it), false for a session's own. */
export function isSubagentTranscript(path: string): boolean {
  return AGENT_FILE.test(basename(path)) && basename(dirname(path)) === "subagents";
}

/** Which subagent a transcript path belongs to, or null for a session's own transcript. */
export function subagentOf(path: string): SubagentInfo | null {
  if (!isSubagentTranscript(path)) return null;
  const agentId = AGENT_FILE.exec(basename(path))![1]!;
  const folder = dirname(path);
  const sessionFolder = dirname(folder);
  const meta = readMeta(join(folder, `agent-${agentId}.meta.json`));
  return {
    agentId,
    agentType: typeof meta.agentType === "string" ? meta.agentType : null,
    description: typeof meta.description === "string" ? meta.description : null,
    parentTranscriptPath: `${sessionFolder}.jsonl`,
  };
}

function readMeta(path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readRegularText(path));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Where a session's subagent with this agent id writes its transcript; null for an id that is not a
 * plain name (it comes from another program's input and must not lead out of the folder).
 */
export function subagentTranscriptPath(sessionTranscriptPath: string, agentId: string): string | null {
  if (!/^[\w-]+$/.test(agentId)) return null;
  return join(sessionTranscriptPath.replace(/\.jsonl$/, ""), "subagents", `agent-${agentId}.jsonl`);
}

/** The subagent transcripts of a session, newest first. */
export function subagentTranscripts(sessionTranscriptPath: string): Array<{ path: string; mtimeMs: number }> {
  const folder = join(sessionTranscriptPath.replace(/\.jsonl$/, ""), "subagents");
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: Array<{ path: string; mtimeMs: number }> = [];
  for (const name of names) {
    if (!AGENT_FILE.test(name)) continue;
    try {
      found.push({ path: join(folder, name), mtimeMs: statSync(join(folder, name)).mtimeMs });
    } catch {
      // Removed while listing.
    }
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
