import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { contextUsageShape } from "../../src/tools/get-context-usage.ts";
import { type Connected, connectBuiltServer, runCli } from "../support/built-server.ts";
import { tempDir, writeTranscript } from "../support/runtime.ts";
import { assistantResponse, text, toolResult, toolUse, transcript, userPrompt } from "../support/transcript-builder.ts";

const UsageSchema = z.object(contextUsageShape).strict();
const PROJECT = "/home/user/project";
const SESSION = "0f0f0f0f-1111-4222-8333-444444444444";

describe("get_context_usage over stdio (built server)", () => {
  let home: string;
  let transcriptPath: string;
  let env: Record<string, string>;
  let connected: Connected;
  const firstCall = toolUse("Bash", { command: "npm test" });

  beforeEach(async () => {
    home = tempDir();
    mkdirSync(join(home, "project"));
    transcriptPath = writeTranscript(
      join(home, ".claude"),
      PROJECT,
      SESSION,
      transcript([
        userPrompt("run the tests"),
        assistantResponse({ input: 4, cacheCreation: 20_000, cacheRead: 0, output: 30 }, [text("ok"), firstCall]),
        toolResult(firstCall.id, "all 12 tests passed"),
        assistantResponse({ input: 6, cacheCreation: 400, cacheRead: 20_004, output: 55 }, [text("done")]),
      ]),
    );
    env = { HOME: home, CLAUDE_CODE_SESSION_ID: SESSION, CLAUDE_PROJECT_DIR: PROJECT };
    connected = await connectBuiltServer(env, join(home, "project"));
  });

  afterEach(async () => {
    await connected.close();
  });

  it("lists the tool with its schemas and annotations", async () => {
    const { tools } = await connected.client.listTools();
    const tool = tools.find((candidate) => candidate.name === "get_context_usage");
    expect(tool?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      openWorldHint: false,
      destructiveHint: false,
    });
    expect(Object.keys(tool?.inputSchema.properties ?? {})).toEqual(["session_id", "transcript_path"]);
    expect(tool?.outputSchema?.required).toEqual(
      expect.arrayContaining(["usedTokens", "contextWindow", "status", "summary"]),
    );
  });

  it("keeps the budget tool always loaded and gives every tool a search hint (Claude Code 2.1.332 defers MCP tools)", async () => {
    const { tools } = await connected.client.listTools();
    const meta = Object.fromEntries(tools.map((tool) => [tool.name, tool._meta ?? {}]));
    expect(meta.get_context_usage).toMatchObject({ "anthropic/alwaysLoad": true });
    expect(
      Object.entries(meta)
        .filter(([, value]) => value["anthropic/alwaysLoad"] === true)
        .map(([name]) => name),
    ).toEqual(["get_context_usage"]);
    for (const [name, value] of Object.entries(meta)) expect(typeof value["anthropic/searchHint"], name).toBe("string");
  });

  it("answers with the newest main-chain response's exact total, valid against the output schema", async () => {
    const result = await connected.client.callTool({ name: "get_context_usage", arguments: {} });
    expect(result.isError).toBeFalsy();
    const usage = UsageSchema.parse(result.structuredContent);
    // zod drops keys its nested objects do not declare: equal means none was sent beyond the schema.
    expect(usage).toEqual(result.structuredContent);
    expect(usage).toMatchObject({
      usedTokens: 20_410,
      contextWindow: 200_000,
      windowSource: "model-table",
      autocompactAt: 167_000,
      tokensUntilAutocompact: 146_590,
      status: "ok",
      estimated: false,
      sessionId: SESSION,
      sessionSource: "env",
      transcriptPath,
    });
    expect(usage.pendingTokens).toBe(55);
    expect(usage.summary).toMatch(
      /^20,410 of 200,000 tokens \(10% of the window\); auto-compact expected at ~167k: about 147k left\./,
    );
    expect(connected.transportErrors).toEqual([]);
  });

  it("waits for the calling tool_use to reach the transcript, then answers as of that response", async () => {
    const call = toolUse("mcp__ctx-monitor__get_context_usage", {});
    const timer = setTimeout(() => {
      appendFileSync(
        transcriptPath,
        transcript([
          assistantResponse({ input: 3, cacheRead: 20_410, cacheCreation: 900, output: 12 }, [text("checking"), call]),
        ]),
      );
    }, 300);
    const result = await connected.client.callTool({
      name: "get_context_usage",
      arguments: {},
      _meta: { "claudecode/toolUseId": call.id },
    });
    clearTimeout(timer);
    const usage = UsageSchema.parse(result.structuredContent);
    expect(usage.fresh).toBe(true);
    expect(usage.usedTokens).toBe(21_313);
  });

  it("follows the calling tool_use into the project's new session after /clear", async () => {
    const cleared = "9e9e9e9e-1111-4222-8333-444444444444";
    const call = toolUse("mcp__ctx-monitor__get_context_usage", {});
    const timer = setTimeout(() => {
      writeTranscript(
        join(home, ".claude"),
        PROJECT,
        cleared,
        transcript([
          userPrompt("fresh start"),
          assistantResponse({ input: 5, cacheCreation: 18_000, output: 9 }, [call]),
        ]),
      );
    }, 200);
    const result = await connected.client.callTool({
      name: "get_context_usage",
      arguments: {},
      _meta: { "claudecode/toolUseId": call.id },
    });
    clearTimeout(timer);
    const usage = UsageSchema.parse(result.structuredContent);
    expect(usage).toMatchObject({ sessionId: cleared, sessionSource: "tool-use-id", usedTokens: 18_005, fresh: true });
  });

  it("answers anyway, marked not fresh, when the calling response never arrives", async () => {
    const result = await connected.client.callTool({
      name: "get_context_usage",
      arguments: {},
      _meta: { "claudecode/toolUseId": "toolu_never" },
    });
    const usage = UsageSchema.parse(result.structuredContent);
    expect(usage.fresh).toBe(false);
    expect(usage.usedTokens).toBe(20_410);
    expect(usage.summary).toContain("one step behind");
  });

  it("gives the CLI's --json the same object as the tool", async () => {
    const result = await connected.client.callTool({ name: "get_context_usage", arguments: { session_id: SESSION } });
    // Without Claude Code's tool-use id the tool cannot confirm freshness; the CLI reads the file as it is.
    const cli = await runCli(["usage", "--json", "--session", SESSION], env);
    expect(cli.code).toBe(0);
    const fromCli = UsageSchema.parse(JSON.parse(cli.stdout));
    const fromTool = UsageSchema.parse(result.structuredContent);
    expect({ ...fromCli, fresh: null, summary: null }).toEqual({
      ...fromTool,
      fresh: null,
      summary: null,
      sessionSource: "session-id",
    });
  });

  it("returns an actionable error when no transcript can be found", async () => {
    const result = await connected.client.callTool({
      name: "get_context_usage",
      arguments: { session_id: "no-such-session" },
    });
    expect(result.isError).toBe(true);
    const message = (result.content as Array<{ text: string }>)[0]?.text ?? "";
    expect(message).toContain("no transcript for session no-such-session");
    expect(message).toContain(join(home, ".claude", "projects"));
  });
});
