// write_handoff, the handoff resources and the resume prompt as Claude Code reaches them: the built
// server over stdio with the SDK's Client, on a real-client fixture.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { DIGEST_BUDGET_CHARS } from "../../src/handoff/digest.ts";
import { handoffOutputShape } from "../../src/tools/write-handoff.ts";
import { type Connected, connectBuiltServer } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const HandoffSchema = z.object(handoffOutputShape).strict();

describe("write_handoff, handoff resources and the resume prompt over stdio (built server)", () => {
  const truth = fixtureTruth("busy-session");
  let connected: Connected;
  let project: string;

  beforeEach(async () => {
    const home = tempDir();
    project = join(home, "project");
    mkdirSync(project);
    const folder = join(home, ".claude", "projects", encodeProjectDir(project));
    mkdirSync(folder, { recursive: true });
    stageFixture("busy-session", folder);
    // The fixture's records say /home/user/project; the server runs for this project folder.
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

  it("lists write_handoff with described note fields, not read-only", async () => {
    const { tools } = await connected.client.listTools();
    const tool = tools.find((candidate) => candidate.name === "write_handoff");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, openWorldHint: false });
    const properties = tool?.inputSchema.properties as Record<string, { description?: string }>;
    for (const field of ["goal", "current_state", "decisions", "next_steps", "open_questions", "warnings"])
      expect(properties[field]?.description).toBeTruthy();
  });

  it("writes the handoff, then serves it as the latest resource, in the list, and through the resume prompt", async () => {
    const result = await connected.client.callTool({
      name: "write_handoff",
      arguments: { goal: "Finish multiply()", next_steps: "Add its test." },
    });
    expect(result.isError).toBeFalsy();
    const handoff = HandoffSchema.parse(result.structuredContent);
    // zod drops keys its nested objects do not declare: equal means none was sent beyond the schema.
    expect(handoff).toEqual(result.structuredContent);
    const text = readFileSync(handoff.path, "utf8");
    for (const prompt of truth.prompts) expect(text).toContain(prompt);

    const { resources } = await connected.client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(["ctx-monitor://handoffs/latest", "ctx-monitor://handoffs"]),
    );
    const latest = await connected.client.readResource({ uri: "ctx-monitor://handoffs/latest" });
    expect(latest.contents[0]).toMatchObject({ mimeType: "text/markdown", text });
    const list = await connected.client.readResource({ uri: "ctx-monitor://handoffs" });
    const listed = list.contents[0];
    expect(listed && "text" in listed ? JSON.parse(listed.text).handoffs[0].path : null).toBe(handoff.path);

    const prompt = await connected.client.getPrompt({ name: "resume", arguments: {} });
    const message = prompt.messages[0]?.content;
    expect(message?.type === "text" && message.text).toContain(text);
  });

  it("hands a very long handoff to the next context as a digest that points into the file", async () => {
    // Three long notes, each within the bound on one note, make a document far over the digest's budget.
    const list = (what: string) =>
      Array.from({ length: 1_500 }, (_, i) => `- ${what} ${i + 1}: keep module ${i + 1} as it is`).join("\n");
    const result = await connected.client.callTool({
      name: "write_handoff",
      arguments: { goal: "Ship it", decisions: list("decision"), next_steps: list("step"), warnings: list("warning") },
    });
    const handoff = HandoffSchema.parse(result.structuredContent);
    expect(handoff.bytes).toBeGreaterThan(150_000);

    const latest = await connected.client.readResource({ uri: "ctx-monitor://handoffs/latest" });
    const served = latest.contents[0] && "text" in latest.contents[0] ? latest.contents[0].text : "";
    expect(served.length).toBeLessThanOrEqual(DIGEST_BUDGET_CHARS + 1_000);
    expect(served).toContain(`The full document is \`${handoff.path}\``);
    expect(served).toContain("- decision 1: keep module 1 as it is");
    const cut = /chars in full, lines (\d+)–(\d+) of `([^`]+)`\]/.exec(served);
    expect(cut?.[3]).toBe(handoff.path);
    const heldLines = readFileSync(handoff.path, "utf8")
      .split("\n")
      .slice(Number(cut?.[1]) - 1, Number(cut?.[2]));
    expect(heldLines[0]).toBe("### Decisions and why");
    expect(heldLines).toContain("- decision 1500: keep module 1500 as it is");
    for (const prompt of truth.prompts) expect(served).toContain(prompt);

    const prompt = await connected.client.getPrompt({ name: "resume", arguments: {} });
    const message = prompt.messages[0]?.content;
    expect(message?.type === "text" ? message.text.length : 0).toBeLessThanOrEqual(DIGEST_BUDGET_CHARS + 1_500);
    expect(message?.type === "text" && message.text).toContain(served);
  });

  it("answers a path-traversal label, and a resume path outside the folder, with a clear error", async () => {
    const refused = await connected.client.callTool({ name: "write_handoff", arguments: { name: "../../etc/passwd" } });
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.content)).toMatch(/not allowed.*not a path/);
    await connected.client.callTool({ name: "write_handoff", arguments: {} });
    await expect(
      connected.client.getPrompt({ name: "resume", arguments: { path: "../../../../etc/hostname" } }),
    ).rejects.toThrow(/not a handoff|no handoff/);
  });
});
