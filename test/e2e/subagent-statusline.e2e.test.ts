// The subagent statusline as `ctx-monitor install --statusline` wires it, in the real Claude Code's
// interactive terminal (tmux): while a subagent runs, its row in the agent panel shows that subagent's
// own context, the exact size of its newest request (the stand-in makes subagent requests 150k larger
// than the main ones, so the main session's figures cannot pass for it).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { e2eVersions } from "./claude-binary.ts";
import { SUBAGENT_MARKER, text, toolUse } from "./fake-api/script.ts";
import { startInteractive, stopClient, typePrompt, WAIT_MS } from "./interactive-client.ts";
import { CLI_PATH } from "./sandbox.ts";
import { openScenario } from "./scenario.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

/** The agent panel's row for the subagent labelled `label`, as ctx-monitor wrote it. */
const subagentRow = (screen: string, label: string) =>
  screen
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.includes(`${label} · `) && / of window /.test(line)) ?? null;

describe.each(e2eVersions())("ctx-monitor's subagent statusline in the real Claude Code %s", (version) => {
  it("shows a running subagent's own context in its row of the agent panel", async () => {
    await using scenario = await openScenario(
      {
        main: [
          [
            toolUse("Agent", {
              description: "Slow check",
              prompt: `${SUBAGENT_MARKER} wait`,
              subagent_type: "general-purpose",
            }),
          ],
          [text("Main done.")],
        ],
        // The subagent stays running for a while (a plain `sleep` is refused by 2.1.332), so its row shows.
        subagent: [
          [toolUse("Bash", { command: "timeout 40 tail -f /dev/null; true", description: "wait" })],
          [text("Subagent report: ok.")],
        ],
      },
      version,
    );
    const { sandbox, api } = scenario;
    execFileSync(process.execPath, [BIN_PATH, "install", "--statusline"], { cwd: sandbox.project, env: sandbox.env });
    const settings = JSON.parse(readFileSync(join(sandbox.home, ".claude", "settings.json"), "utf8"));
    expect(settings.subagentStatusLine).toEqual({
      type: "command",
      command: `${process.execPath} ${BIN_PATH} statusline --subagent`,
    });
    const tmux = startInteractive(sandbox, version);
    try {
      await tmux.waitFor((screen) => /❯/.test(screen), "the input box", 60_000);
      await typePrompt(tmux, "delegate a slow check");
      const screen = await tmux.waitFor(
        (screen) => subagentRow(screen, "Slow check") !== null,
        "the subagent's row with its context",
        WAIT_MS,
      );
      const row = subagentRow(screen, "Slow check") ?? "";
      const subagentTotals = api.requests.filter((request) => request.kind === "subagent").map((r) => r.total);
      const mainTotals = api.requests.filter((request) => request.kind === "main").map((r) => r.total);
      expect(subagentTotals.length).toBeGreaterThan(0);
      const shownTokens = Number(/ · (\d+)k\/(?:1M|200k) · /.exec(row)?.[1]);
      expect(shownTokens).toBe(Math.round(subagentTotals[0]! / 1_000));
      expect(Math.max(...mainTotals)).toBeLessThan(subagentTotals[0]! - 100_000);
    } finally {
      await stopClient(tmux);
    }
  });
});
