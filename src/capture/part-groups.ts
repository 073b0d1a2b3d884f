// The baseline's parts as count_tokens measures them: the system prompt, the built-in tools, and each
// MCP server's tools, each a group named by a hash of what it holds (and the model, whose tokenizer
// counts). A group's texts exist only while its body is being digested; its hash stays in the record.
import { createHash } from "node:crypto";

export interface GroupHashes {
  systemPrompt: string | null;
  builtInTools: string | null;
  servers: Record<string, string>;
}

/** A group's content as a count_tokens request carries it. */
export interface GroupContent {
  model: string;
  system?: unknown[];
  tools?: unknown[];
}

const MCP_TOOL = /^mcp__(.+?)__/;

function withoutCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "cache_control").map(([key, inner]) => [key, withoutCacheControl(inner)]));
}

const hashOf = (content: GroupContent) => createHash("sha256").update(JSON.stringify(withoutCacheControl(content))).digest("hex");

/** The model as count_tokens knows it: without Claude Code's "[1m]". */
function apiModel(model: string): string {
  return model.replace(/\[1m\]\s*$/i, "");
}

export function partGroups(body: { model?: unknown; system?: unknown; tools?: unknown }): Map<string, { key: string; content: GroupContent }> {
  const groups = new Map<string, { key: string; content: GroupContent }>();
  if (typeof body.model !== "string") return groups;
  const model = apiModel(body.model);
  const add = (key: string, content: GroupContent) => groups.set(key, { key: hashOf(content), content });
  const system = typeof body.system === "string" ? [{ type: "text", text: body.system }] : Array.isArray(body.system) ? body.system : [];
  if (system.length) add("systemPrompt", { model, system });
  const tools = (Array.isArray(body.tools) ? body.tools : []).filter((tool) => tool?.defer_loading !== true);
  const builtIn = tools.filter((tool) => !MCP_TOOL.test(String(tool?.name ?? "")));
  if (builtIn.length) add("builtInTools", { model, tools: builtIn });
  const byServer = new Map<string, unknown[]>();
  for (const tool of tools) {
    const server = MCP_TOOL.exec(String(tool?.name ?? ""))?.[1];
    if (server) byServer.set(server, [...(byServer.get(server) ?? []), tool]);
  }
  for (const [server, serverTools] of byServer) add(`server:${server}`, { model, tools: serverTools });
  return groups;
}

export function groupHashes(groups: ReturnType<typeof partGroups>): GroupHashes {
  const servers: Record<string, string> = {};
  for (const [name, group] of groups) if (name.startsWith("server:")) servers[name.slice("server:".length)] = group.key;
  return { systemPrompt: groups.get("systemPrompt")?.key ?? null, builtInTools: groups.get("builtInTools")?.key ?? null, servers };
}
