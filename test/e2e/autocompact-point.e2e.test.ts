// The auto-compact point against the real Claude Code's /context, for every model each version offers:
// the window /context prints must be ctx-monitor's, its "Autocompact buffer" row must be the window less
// ctx-monitor's autocompactAt, and a model with no such row (2.1.332's retired claude-sonnet-4-5, and
// every model without an auto-compact window of its own) must read autocompactAt: null with the reason.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { ContextUsage } from "../../src/context/usage.ts";
import { e2eVersions } from "./claude-binary.ts";
import { text } from "./fake-api/script.ts";
import { CLI_PATH } from "./sandbox.ts";
import { openScenario } from "./scenario.ts";

/** The models each version's binary knows and runs (the ids it remaps, like 2.1.332's claude-opus-4-1, left out). */
const MODELS: Record<string, readonly string[]> = {
  "2.1.197": [
    "claude-opus-4-8[1m]",
    "claude-opus-4-8",
    "claude-opus-4-7",
    "claude-opus-4-6",
    "claude-opus-4-5",
    "claude-sonnet-5",
    "claude-sonnet-4-6",
    "claude-sonnet-4-6[1m]",
    "claude-sonnet-4-5",
    "claude-haiku-4-5",
    "claude-fable-5",
    "claude-mythos-5",
  ],
  "2.1.332": [
    "claude-opus-5-5",
    "claude-opus-5",
    "claude-opus-4-8",
    "claude-opus-4-7",
    "claude-opus-4-6",
    "claude-opus-4-6[1m]",
    "claude-opus-4-5",
    "claude-sonnet-5-5",
    "claude-sonnet-5",
    "claude-sonnet-4-6",
    "claude-sonnet-4-5",
    "claude-haiku-5-5",
    "claude-haiku-4-5",
    "claude-fable-5-2",
    "claude-mythos-5-2",
  ],
};

/** "33k" → 33,000; "1m" → 1,000,000; "200k" → 200,000. */
const printed = (value: string) =>
  Number.parseFloat(value) * (/m$/i.test(value) ? 1_000_000 : /k$/i.test(value) ? 1_000 : 1);

describe.each(e2eVersions())("the auto-compact point against Claude Code %s's /context", (version) => {
  it.concurrent.each(MODELS[version] ?? [])("%s", async (model) => {
    await using scenario = await openScenario({ main: [[text("Hello.")]] }, version);
    const { sandbox } = scenario;
    const first = await sandbox.claude(["-p", "say hello", "--model", model]);
    const context = String(
      (await sandbox.claude(["-p", "/context", "--resume", first.session_id, "--model", model])).result ?? "",
    );
    const window = /\*\*Tokens:\*\* \S+ \/ (\S+)/.exec(context)?.[1];
    expect(window, context).toBeDefined();
    const buffer = /\| Autocompact buffer \| (\S+) \|/.exec(context)?.[1] ?? null;
    const usageWith = (env: Record<string, string>) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [CLI_PATH, "usage", "--json", "--transcript", sandbox.transcriptPath(first.session_id)],
          {
            cwd: sandbox.project,
            env: { PATH: sandbox.env.PATH!, HOME: sandbox.home, ...env },
            encoding: "utf8",
          },
        ),
      ) as ContextUsage;
    let usage = usageWith({});
    if (usage.contextWindow !== printed(window!)) {
      // 2.1.197 in -p mode, with no statusline or hook: "[1m]" and its default model's 1M cannot be read
      // from the transcript (CLAUDE_CODE_FACTS.md); the point is then checked at the window /context used.
      expect(version).toBe("2.1.197");
      usage = usageWith({ CTX_MONITOR_CONTEXT_WINDOW: String(printed(window!)) });
      expect(usage.contextWindow).toBe(printed(window!));
    }
    if (buffer === null) {
      expect(usage.autocompactAt).toBeNull();
      expect(usage.autocompactOffBecause).toContain(`Claude Code ${version} has no auto-compact point for`);
      expect(usage.summary).toContain("auto-compact is off");
      expect(usage.summary).not.toContain("may compact at any moment");
    } else {
      expect(usage.contextWindow - (usage.autocompactAt ?? Number.NaN)).toBe(printed(buffer));
    }
  });
});
