// Claude Code's own /context figures, rebuilt from the count_tokens answers of one /context run as
// Claude Code 2.1.197 and 2.1.332 compute them (read from their behaviour against a scripted API):
// - System prompt: each section measured alone, as the only message; the answers added up.
// - Memory files: each file's content alone, likewise. MCP server instructions: all of them in one text.
// - System tools: the built-in tools sent in full, measured together with "foo"; the raw answers added
//   up (the tool-use preamble stays in). /context then shows this less its own Skills estimate, which
//   it makes from the skills' descriptions without count_tokens.
// - Deferred built-in tools: each measured alone, less a fixed 500 tokens.
// - MCP tools: all servers' tools in one request, less the same 500, shared among the tools by the size
//   of their definitions; tools not sent in full are "MCP tools (deferred)".
// Pure: records in, figures out.
import type { CapturedRequest } from "../capture/record.ts";
import type { DigestPart } from "../capture/request-digest.ts";

/** What /context takes off a tools answer for the API's tool-use preamble (Claude Code 2.1.197 to 2.1.332). */
export const CONTEXT_TOOLS_PREAMBLE = 500;

export interface ServerFigures {
  server: string;
  /** Tokens /context gives the server's tools sent in full. */
  loaded: number;
  /** Tokens /context gives the server's tools sent deferred (names only in the context). */
  deferred: number;
}

export interface ContextFigures {
  systemPrompt: number;
  /** Built-in tools sent in full, as count_tokens answered: /context's System tools and Skills together. */
  systemTools: number;
  systemToolsDeferred: number;
  mcpTools: number;
  mcpToolsDeferred: number;
  mcpInstructions: number;
  memoryFiles: number;
  servers: ServerFigures[];
  /** Requests of the run that fit none of the above (the Skill tool alone, for /context's slash-command figure). */
  unclassified: number;
}

export interface SessionParts {
  /** Names of the tools the session's request sends in full (not deferred). */
  sentInFull: ReadonlySet<string>;
  /** Hashes (see context-probe.ts) of the memory files' contents. */
  memoryHashes: ReadonlySet<string>;
}

const toolsOf = (record: CapturedRequest): DigestPart[] => record.request.parts.filter((part) => part.kind === "tool");

/** Shares `total` among parts as /context does: by each definition's estimated tokens (a quarter of its size), rounded. */
function shareBySize(total: number, tools: readonly DigestPart[]): number[] {
  const weights = tools.map((tool) => Math.round(tool.chars / 4));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((weight) => Math.round((weight / sum) * total));
}

export function contextFigures(run: readonly CapturedRequest[], session: SessionParts): ContextFigures {
  const figures: ContextFigures = {
    systemPrompt: 0,
    systemTools: 0,
    systemToolsDeferred: 0,
    mcpTools: 0,
    mcpToolsDeferred: 0,
    mcpInstructions: 0,
    memoryFiles: 0,
    servers: [],
    unclassified: 0,
  };
  const servers = new Map<string, ServerFigures>();
  for (const record of run) {
    const answer = record.inputTokens ?? 0;
    const tools = toolsOf(record);
    if (tools.length === 0) {
      const probe = record.textProbe;
      if (!probe) figures.unclassified++;
      else if (session.memoryHashes.has(probe.hash)) figures.memoryFiles += answer;
      else if (probe.serverHeading) figures.mcpInstructions += answer;
      else figures.systemPrompt += answer;
      continue;
    }
    if (tools.every((tool) => tool.server !== null)) {
      const shares = shareBySize(Math.max(0, answer - CONTEXT_TOOLS_PREAMBLE), tools);
      tools.forEach((tool, index) => {
        const server = servers.get(tool.server!) ?? { server: tool.server!, loaded: 0, deferred: 0 };
        servers.set(tool.server!, server);
        if (session.sentInFull.has(tool.name)) server.loaded += shares[index]!;
        else server.deferred += shares[index]!;
      });
      continue;
    }
    const only = tools.length === 1 ? tools[0]! : null;
    if (only?.name === "Skill") figures.unclassified++;
    else if (only && !session.sentInFull.has(only.name))
      figures.systemToolsDeferred += Math.max(0, answer - CONTEXT_TOOLS_PREAMBLE);
    else figures.systemTools += answer;
  }
  figures.servers = [...servers.values()].sort((a, b) => b.loaded + b.deferred - (a.loaded + a.deferred));
  figures.mcpTools = figures.servers.reduce((sum, server) => sum + server.loaded, 0);
  figures.mcpToolsDeferred = figures.servers.reduce((sum, server) => sum + server.deferred, 0);
  return figures;
}
