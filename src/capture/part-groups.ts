// The baseline's parts as count_tokens measures them: the system prompt, the built-in tools, and each
// MCP server's tools, each a group named by a hash of what it holds (and the model, whose tokenizer
// counts). A group's texts exist only while its body is being digested; its hash stays in the record.
// Any tools at all bring the API's tool-use preamble (a few hundred tokens, once per request): it is
// counted with the built-in tools, and each server's tools are measured on top of them, so a server's
// figure is what its definitions add to the request, not that plus another copy of the preamble.
import { createHash } from "../base/lazy-crypto.ts";
import type { RequestDigest } from "./request-digest.ts";

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
  /** The request's `role: "system"` messages (2.1.332's environment block), counted with the system prompt. */
  messages?: unknown[];
}

/** A group to measure: its count less the count of `against` (default: the one-word message alone). */
export interface PartGroup {
  key: string;
  content: GroupContent;
  against?: GroupContent;
}

const MCP_TOOL = /^mcp__(.+?)__/;

/**
 * A group's name: the model and the hashes its parts already have in the request digest (each without
 * `cache_control`), so no text is serialized or hashed twice.
 */
const hashOf = (model: string, partHashes: readonly string[]) =>
  createHash("sha256")
    .update(`${model}\n${partHashes.join("\n")}`)
    .digest("hex");

/** The model as count_tokens knows it: without Claude Code's "[1m]". */
function apiModel(model: string): string {
  return model.replace(/\[1m\]\s*$/i, "");
}

export function partGroups(
  body: { model?: unknown; system?: unknown; tools?: unknown; messages?: unknown },
  digest: RequestDigest,
): Map<string, PartGroup> {
  const groups = new Map<string, PartGroup>();
  if (typeof body.model !== "string") return groups;
  const model = apiModel(body.model);
  const systemHashes = digest.parts
    .filter((part) => part.kind === "system-block" || part.kind === "billing-header" || part.kind === "system-message")
    .map((part) => part.hash);
  const toolHashes = digest.parts.filter((part) => part.kind === "tool");
  const system =
    typeof body.system === "string"
      ? [{ type: "text", text: body.system }]
      : Array.isArray(body.system)
        ? body.system
        : [];
  const systemMessages = (Array.isArray(body.messages) ? body.messages : []).filter(
    (message) => (message as { role?: unknown } | null)?.role === "system",
  );
  if (system.length || systemMessages.length)
    groups.set("systemPrompt", {
      key: hashOf(model, systemHashes),
      content: { model, system, ...(systemMessages.length ? { messages: systemMessages } : {}) },
    });
  // The digest lists tools in the request's order, one part per tool.
  const tools = (Array.isArray(body.tools) ? body.tools : []).map((tool, index) => ({
    tool,
    hash: toolHashes[index]?.hash ?? "",
  }));
  const sent = tools.filter(({ tool }) => tool?.defer_loading !== true);
  const builtIn = sent.filter(({ tool }) => !MCP_TOOL.test(String(tool?.name ?? "")));
  const builtInTools = builtIn.map((member) => member.tool);
  const add = (name: string, members: typeof sent, on: unknown[]) =>
    groups.set(name, {
      key: hashOf(
        model,
        members.map((member) => member.hash),
      ),
      content: { model, tools: [...on, ...members.map((member) => member.tool)] },
      ...(on.length ? { against: { model, tools: on } } : {}),
    });
  if (builtIn.length) add("builtInTools", builtIn, []);
  const byServer = new Map<string, typeof sent>();
  for (const member of sent) {
    const server = MCP_TOOL.exec(String(member.tool?.name ?? ""))?.[1];
    if (server) byServer.set(server, [...(byServer.get(server) ?? []), member]);
  }
  for (const [server, members] of byServer) add(`server:${server}`, members, builtInTools);
  return groups;
}

export function groupHashes(groups: ReturnType<typeof partGroups>): GroupHashes {
  const servers: Record<string, string> = {};
  for (const [name, group] of groups) if (name.startsWith("server:")) servers[name.slice("server:".length)] = group.key;
  return {
    systemPrompt: groups.get("systemPrompt")?.key ?? null,
    builtInTools: groups.get("builtInTools")?.key ?? null,
    servers,
  };
}
