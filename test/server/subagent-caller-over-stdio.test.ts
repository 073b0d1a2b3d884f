// A subagent calling the tools: Claude Code sends the subagent's tool_use id, which is in the
// subagent's own transcript, not the session's; the answer is about the subagent's context.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { contextUsageShape } from "../../src/tools/get-context-usage.ts";
import { type Connected, connectBuiltServer } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

describe("tools called by a subagent (built server over stdio)", () => {
  const truth = fixtureTruth("busy-session");
  let connected: Connected;
  let subagentCallId: string;
  let session: string;

  beforeEach(async () => {
    const home = tempDir();
    const project = join(home, "project");
    mkdirSync(project);
    const folder = join(home, ".claude", "projects", encodeProjectDir(project));
    mkdirSync(folder, { recursive: true });
    session = stageFixture("busy-session", folder);
    const subagents = join(session.replace(/\.jsonl$/, ""), "subagents");
    const agentFile = readdirSync(subagents).find((name) => name.endsWith(".jsonl"))!;
    // The subagent's transcript as it is when its first response calls a tool: up to that response.
    const lines = readFileSync(join(subagents, agentFile), "utf8").split("\n");
    const calling = lines.findIndex((line) => line.includes('"type":"tool_use"'));
    subagentCallId = /"type":"tool_use","id":"([^"]+)"/.exec(lines[calling]!)![1]!;
    writeFileSync(join(subagents, agentFile), `${lines.slice(0, calling + 1).join("\n")}\n`);
    connected = await connectBuiltServer(
      {
        HOME: home,
        CLAUDE_CODE_SESSION_ID: truth.sessionId,
        CLAUDE_PROJECT_DIR: project,
        CTX_MONITOR_HANDOFF_DIR: join(project, ".claude", "handoffs"),
      },
      project,
    );
  });

  afterEach(async () => {
    await connected.close();
  });

  const call = (name: string, args: Record<string, unknown> = {}) =>
    connected.client.callTool({ name, arguments: args, _meta: { "claudecode/toolUseId": subagentCallId } });

  it("get_context_usage answers with the subagent's own context, fresh", async () => {
    const usage = (await call("get_context_usage")).structuredContent as Record<string, unknown>;
    expect(usage).toMatchObject({
      fresh: true,
      sessionSource: "tool-use-id",
      sessionId: truth.sessionId,
      subagent: expect.objectContaining({ description: "Review the fix" }),
    });
    // The subagent's part too holds nothing beyond the schema (zod drops undeclared keys of nested objects).
    expect(z.object(contextUsageShape).strict().parse(usage)).toEqual(usage);
    // The subagent's context at the response that made the call: its first request.
    expect(usage.usedTokens).toBe(truth.subagentRequestTotals[0]);
  });

  it("get_context_breakdown sums to the subagent's figure", async () => {
    const breakdown = (await call("get_context_breakdown")).structuredContent as {
      usedTokens: number;
      categories: Array<{ name: string; tokens: number }>;
    };
    const counted = breakdown.categories.filter(
      (category) => !["Free space", "Autocompact buffer"].includes(category.name),
    );
    expect(breakdown.usedTokens).toBe(truth.subagentRequestTotals[0]);
    expect(counted.reduce((sum, category) => sum + category.tokens, 0)).toBe(breakdown.usedTokens);
  });

  it("write_handoff writes the session's handoff, with the user's prompts", async () => {
    const handoff = (await call("write_handoff")).structuredContent as { path: string; transcriptPath: string };
    expect(handoff.transcriptPath).toBe(session);
    const text = readFileSync(handoff.path, "utf8");
    for (const prompt of truth.prompts) expect(text).toContain(prompt);
  });
});
