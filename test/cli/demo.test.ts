// `ctx-monitor demo` as a person runs it: the built CLI starts itself as an MCP server over stdio,
// on the bundled busy-session fixture, and prints what each tool returns.
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/built-server.ts";
import { fixtureTruth } from "../support/fixtures.ts";

describe("ctx-monitor demo", () => {
  it("--json: every tool's answer, usage exactly the fixture's newest request", async () => {
    const truth = fixtureTruth("busy-session");
    const { stdout, code } = await runCli(["demo", "--json"], { PATH: process.env.PATH ?? "" });
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(results.get_context_usage).toMatchObject({
      usedTokens: truth.usedTokens,
      contextWindow: truth.contextWindow,
      sessionId: truth.sessionId,
      sessionSource: "env",
    });
    const breakdown = results.get_context_breakdown as {
      usedTokens: number;
      categories: Array<{ name: string; tokens: number }>;
    };
    expect(breakdown.usedTokens).toBe(truth.usedTokens);
    expect(
      breakdown.categories
        .filter((category) => !["Free space", "Autocompact buffer"].includes(category.name))
        .reduce((sum, category) => sum + category.tokens, 0),
    ).toBe(truth.usedTokens);
    expect(results.write_handoff).toMatchObject({ promptsIncluded: truth.prompts.length, failedCommands: 1 });
    // Nothing of the demo is left behind, its handoff's folder included.
    expect(existsSync(dirname(String(results.write_handoff?.path)))).toBe(false);
  });

  it("prints a readable walk-through", async () => {
    const { stdout, code } = await runCli(["demo"], { PATH: process.env.PATH ?? "" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/── get_context_usage: How full is the context/);
    expect(stdout).toMatch(/── get_context_breakdown: What is filling it/);
    expect(stdout).toMatch(/── write_handoff: Write a handoff/);
    const used = fixtureTruth("busy-session").usedTokens.toLocaleString("en-US");
    expect(stdout).toContain(`${used} of 200,000 tokens`);
    expect(stdout).toMatch(/largest items\n\s+[\d,]+ {2}Read README\.md/);
    expect(stdout).toMatch(/Handoff written to .*\.md/);
    // The handoff is shown, as the next context reads it, and its temporary folder is gone.
    const shown = stdout.slice(stdout.indexOf("── the handoff, as the next context reads it"));
    expect(shown).toContain(fixtureTruth("busy-session").prompts[0]!.split("\n")[0]!);
    const written = /Handoff written to (\S+\.md)/.exec(stdout)?.[1];
    expect(written).toBeDefined();
    expect(existsSync(dirname(written!))).toBe(false);
  });
});
