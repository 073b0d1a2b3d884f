// get_context_breakdown as Claude Code calls it: the built server over stdio with the SDK's Client,
// on a real-client fixture staged where Claude Code keeps transcripts.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { contextBreakdownShape } from "../../src/tools/get-context-breakdown.ts";
import { type Connected, connectBuiltServer, runCli } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const BreakdownSchema = z.object(contextBreakdownShape).strict();
const PROJECT = "/home/user/project";

describe("get_context_breakdown over stdio (built server)", () => {
  const truth = fixtureTruth("busy-session");
  let env: Record<string, string>;
  let connected: Connected;

  beforeEach(async () => {
    const home = tempDir();
    const folder = join(home, ".claude", "projects", encodeProjectDir(PROJECT));
    mkdirSync(folder, { recursive: true });
    stageFixture("busy-session", folder);
    env = { HOME: home, CLAUDE_CODE_SESSION_ID: truth.sessionId, CLAUDE_PROJECT_DIR: PROJECT };
    connected = await connectBuiltServer(env, home);
  });

  afterEach(async () => {
    await connected.close();
  });

  it("is listed read-only with its output schema", async () => {
    const { tools } = await connected.client.listTools();
    const tool = tools.find((candidate) => candidate.name === "get_context_breakdown");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false });
    expect(tool?.outputSchema?.required).toEqual(
      expect.arrayContaining(["usedTokens", "categories", "topItems", "advice"]),
    );
  });

  it("answers with categories that sum to usedTokens, valid against the schema, twice the same", async () => {
    const first = await connected.client.callTool({ name: "get_context_breakdown", arguments: {} });
    expect(first.isError).toBeFalsy();
    const breakdown = BreakdownSchema.parse(first.structuredContent);
    // zod drops keys its nested objects do not declare: equal means none was sent beyond the schema.
    expect(breakdown).toEqual(first.structuredContent);
    expect(breakdown.usedTokens).toBe(truth.usedTokens);
    const sum = breakdown.categories
      .filter((category) => !["Free space", "Autocompact buffer"].includes(category.name))
      .reduce((total, category) => total + category.tokens, 0);
    expect(sum).toBe(truth.usedTokens);
    // The second call continues from the remembered offset: nothing new, the same answer.
    const second = await connected.client.callTool({ name: "get_context_breakdown", arguments: {} });
    expect(second.structuredContent).toEqual(first.structuredContent);
  });

  it("`ctx-monitor breakdown --json` prints the very object the tool returns", async () => {
    const tool = await connected.client.callTool({ name: "get_context_breakdown", arguments: {} });
    const cli = await runCli(["breakdown", "--json"], env);
    expect(cli.code).toBe(0);
    // Only `fresh` may differ: a tool call without Claude Code's tool_use id cannot prove freshness.
    expect(tool.structuredContent).toMatchObject({ fresh: false });
    expect(JSON.parse(cli.stdout)).toEqual({ ...(tool.structuredContent as Record<string, unknown>), fresh: true });
  });
});
