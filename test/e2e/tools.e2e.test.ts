// The other tools through the real Claude Code client, asserted on what Claude Code sent back to
// the model.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digestRequest } from "../../src/capture/request-digest.ts";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { e2eVersions } from "./claude-binary.ts";
import { ours, text, toolUse } from "./fake-api/script.ts";
import { openScenario as openScenarioOf } from "./scenario.ts";
import { findToolExchange, toolJson } from "./tool-results.ts";

interface Breakdown {
  usedTokens: number;
  fresh: boolean;
  categories: Array<{ name: string; tokens: number }>;
  topItems: Array<{ label: string; tokens: number }>;
  mcpServers: Array<{ name: string; definitionTokens: number | null; deferredTools: number | null }>;
  memoryFiles: Array<{ path: string; chars: number }>;
}

describe.concurrent.each(e2eVersions())(
  "get_context_breakdown and write_handoff through the real Claude Code %s",
  (version) => {
    const openScenario = (script: Parameters<typeof openScenarioOf>[0]) => openScenarioOf(script, version);

    it("7. the model calls write_handoff: the file exists and holds the user's prompt verbatim", async () => {
      const call = toolUse(ours("write_handoff"), { goal: "Say hello from the shell", next_steps: "Nothing left." });
      const prompt = "Say hello from the shell, then write a handoff.\n\nKeep the *exact* wording — `échappé` ✓";
      await using scenario = await openScenario({
        main: [[toolUse("Bash", { command: "echo hello", description: "say hello" })], [call]],
      });
      await scenario.sandbox.claude(["-p", prompt, "--model", "claude-sonnet-4-5"]);
      const handoff = toolJson<{ path: string; promptsIncluded: number }>(
        findToolExchange(scenario.api.requests, call.id),
      );
      expect(handoff.path.startsWith(join(scenario.sandbox.project, ".claude", "handoffs"))).toBe(true);
      expect(statSync(handoff.path).mode & 0o777).toBe(0o600);
      const text = readFileSync(handoff.path, "utf8");
      expect(text).toContain(prompt);
      expect(text).toContain("Say hello from the shell");
      expect(text).toMatch(/`echo hello` — ok/);
      expect(handoff.promptsIncluded).toBe(1);
    });

    it("7b. a new session runs /mcp__ctx-monitor__resume: the model receives the handoff, the user's words verbatim", async () => {
      const prompt = "Plan the pineapple migration — keep `v1` running ✓";
      await using scenario = await openScenario({
        main: [[toolUse(ours("write_handoff"), { next_steps: "Start with the schema." })], [text("Written.")]],
      });
      await scenario.sandbox.claude(["-p", prompt, "--model", "claude-sonnet-4-5"]);
      scenario.api.setScript({ main: [[text("Resuming.")]] });
      const before = scenario.api.requests.length;
      await scenario.sandbox.claude(["-p", "/mcp__ctx-monitor__resume", "--model", "claude-sonnet-4-5"]);
      const resumed = scenario.api.requests.slice(before).find((request) => request.kind === "main");
      const sent = JSON.stringify(resumed?.body.messages ?? []);
      expect(sent).toContain(JSON.stringify(prompt).slice(1, -1));
      expect(sent).toContain("Start with the schema.");
    });

    it("7c. in a later session, the model reads ctx-monitor://handoffs/latest with ReadMcpResourceTool", async () => {
      const prompt = "Write down where we are — the papaya plan ✓";
      await using scenario = await openScenario({
        main: [[toolUse(ours("write_handoff"), { goal: "Ship the papaya plan." })], [text("Written.")]],
      });
      await scenario.sandbox.claude(["-p", prompt, "--model", "claude-sonnet-4-5"]);
      const read = toolUse("ReadMcpResourceTool", { server: "ctx-monitor", uri: "ctx-monitor://handoffs/latest" });
      scenario.api.setScript({ main: [[read], [text("Resuming.")]] });
      await scenario.sandbox.claude(["-p", "pick up where the last session stopped", "--model", "claude-sonnet-4-5"]);
      const exchange = findToolExchange(scenario.api.requests, read.id);
      const sent = JSON.stringify(exchange.resultRequest.body.messages);
      expect(sent).toContain(JSON.stringify(prompt).slice(1, -1));
      expect(sent).toContain("Ship the papaya plan.");
    });

    it("8. the model calls get_context_breakdown: categories sum to usedTokens, the calling request's exact total", async () => {
      const call = toolUse(ours("get_context_breakdown"));
      await using scenario = await openScenario({
        main: [[text("Looking around."), toolUse("Bash", { command: "seq 1 2000", description: "numbers" })], [call]],
      });
      await scenario.sandbox.claude([
        "-p",
        "print some numbers, then show what fills the context",
        "--model",
        "claude-sonnet-4-5",
      ]);
      const exchange = findToolExchange(scenario.api.requests, call.id);
      const breakdown = toolJson<Breakdown>(exchange);
      expect(breakdown.fresh).toBe(true);
      expect(breakdown.usedTokens).toBe(exchange.callingRequest.total);
      const counted = breakdown.categories.filter(
        (category) => category.name !== "Free space" && category.name !== "Autocompact buffer",
      );
      expect(counted.reduce((sum, category) => sum + category.tokens, 0)).toBe(breakdown.usedTokens);
      expect(breakdown.topItems[0]?.label).toBe("Bash: seq 1 2000");
      // Our own tool definitions, sized as the request Claude Code sent carried them: all three on 2.1.197,
      // on 2.1.332 only the always-loaded get_context_usage (the others deferred behind ToolSearch).
      const sent = digestRequest(exchange.callingRequest.body);
      const ownSent = sent.mcpServers.find((server) => server.server === "ctx-monitor");
      const ownCounted = breakdown.mcpServers.find((server) => server.name === "ctx-monitor");
      const systemPrompt = breakdown.categories.find((category) => category.name === "System prompt")?.tokens ?? 0;
      const systemTools = breakdown.categories.find((category) => category.name === "System tools")?.tokens ?? 0;
      console.log(
        `scenario 8 (${version}): ctx-monitor's tool definitions ${ownSent?.chars} chars as sent, counted ${ownCounted?.definitionTokens} tokens, ` +
          `${ownCounted?.deferredTools ?? 0} deferred; system prompt ${sent.systemPromptChars} chars sent, counted ${systemPrompt}; ` +
          `built-in tools ${sent.builtInToolChars} chars sent, counted ${systemTools}`,
      );
      expect(ownSent?.tools).toBe(sent.toolSearch ? 1 : 3);
      expect(Math.abs((ownCounted?.definitionTokens ?? 0) - ownSent!.chars / 4)).toBeLessThanOrEqual(
        (ownSent!.chars / 4) * 0.02,
      );
      if (sent.toolSearch) {
        expect(ownCounted?.deferredTools).toBe(2);
        // From the request's own shape, the system prompt (environment message included) and built-in tools.
        expect(Math.abs(systemPrompt - sent.systemPromptChars / 4)).toBeLessThanOrEqual(
          (sent.systemPromptChars / 4) * 0.1,
        );
        // System tools also holds the deferred tools' names (the deferred_tools_delta message), as /context counts them.
        expect(systemTools).toBeGreaterThanOrEqual(Math.ceil(sent.builtInToolChars / 4));
        expect(systemTools - sent.builtInToolChars / 4).toBeLessThanOrEqual((sent.builtInToolChars / 4) * 0.05);
      }
    });

    it("8b. the memory files counted are exactly those Claude Code loaded: CLAUDE.md and imports, rules, local, auto memory", async () => {
      const call = toolUse(ours("get_context_breakdown"));
      await using scenario = await openScenario({ main: [[call]] });
      const { project, home } = scenario.sandbox;
      const config = join(home, ".claude");
      mkdirSync(join(config, "rules"), { recursive: true });
      writeFileSync(join(config, "CLAUDE.md"), "Personal: answer briefly.\n");
      writeFileSync(join(config, "rules", "mine.md"), "Personal rule: no emojis.\n");
      mkdirSync(join(project, ".claude", "rules", "sub"), { recursive: true });
      mkdirSync(join(project, "docs"));
      writeFileSync(
        join(project, "CLAUDE.md"),
        `# Project\nSee @docs/style.md for style.\n${"Keep functions small. ".repeat(100)}\n`,
      );
      writeFileSync(join(project, "docs", "style.md"), "Two-space indents.\n");
      writeFileSync(join(project, ".claude", "rules", "tests.md"), "Every change gets a test.\n");
      writeFileSync(join(project, ".claude", "rules", "sub", "naming.md"), "Names explain themselves.\n");
      writeFileSync(
        join(project, ".claude", "rules", "scoped.md"),
        '---\npaths:\n  - "src/**/*.ts"\n---\nOnly for TypeScript.\n',
      );
      writeFileSync(join(project, "CLAUDE.local.md"), "Local: my sandbox URL is http://127.0.0.1:9.\n");
      const memory = join(config, "projects", encodeProjectDir(project), "memory");
      mkdirSync(memory, { recursive: true });
      writeFileSync(join(memory, "MEMORY.md"), Array.from({ length: 260 }, (_, i) => `- learnt ${i + 1}`).join("\n"));
      await scenario.sandbox.claude(["-p", "what fills the context?", "--model", "claude-sonnet-4-5"]);
      const exchange = findToolExchange(scenario.api.requests, call.id);
      const breakdown = toolJson<Breakdown>(exchange);
      const sent = JSON.stringify(exchange.callingRequest.body);
      const loaded = [...sent.matchAll(/Contents of (\/[^ ]+?) \(/g)].map((match) => match[1]!);
      expect(loaded.length).toBeGreaterThanOrEqual(7);
      expect(breakdown.memoryFiles.map((file) => file.path).sort()).toEqual([...new Set(loaded)].sort());
    });
  },
);
