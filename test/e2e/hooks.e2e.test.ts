// The hooks as `ctx-monitor install` wires them, driven by the real Claude Code: what they add reaches
// the model's next request, and a /compact leaves a handoff that the first request after it points at,
// with what the summary dropped.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOOKS } from "../../src/integration/install/wiring.ts";
import { e2eVersions } from "./claude-binary.ts";
import { text } from "./fake-api/script.ts";
import { CLI_PATH } from "./sandbox.ts";
import { mainRequests, openScenario } from "./scenario.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");
const WARNING = "[ctx-monitor] Context";

describe.each(e2eVersions())("hooks installed by `ctx-monitor install`, through the real Claude Code %s", (version) => {
  it("10. a warning reaches the next request when usage is high, not when it is low; /compact leaves a handoff the next request points at", async () => {
    await using scenario = await openScenario(
      { main: [[text("Noted.")], [text("Still here.")], [text("Going on.")]] },
      version,
    );
    const { sandbox, api } = scenario;
    execFileSync(process.execPath, [BIN_PATH, "install"], { cwd: sandbox.project, env: sandbox.env, encoding: "utf8" });
    const settings = JSON.parse(readFileSync(join(sandbox.home, ".claude", "settings.json"), "utf8")) as {
      hooks: Record<string, unknown>;
    };
    // Every hook ctx-monitor has (the install test checks the list itself).
    expect(Object.keys(settings.hooks)).toEqual(HOOKS.map((hook) => hook.name));

    const firstPrompt = "Plan the mango release — keep `v2` behind a flag ✓";
    const first = await sandbox.claude(["-p", firstPrompt, "--model", "claude-sonnet-4-5"]);
    const sent = (index: number) => JSON.stringify(mainRequests(api)[index]?.body.messages ?? []);
    /** The newest user message of a request: what this prompt brought (the history repeats earlier ones). */
    const newest = (index: number) => JSON.stringify(mainRequests(api)[index]?.body.messages?.at(-1) ?? null);
    expect(sent(0)).not.toContain(WARNING);

    // The same session, now with thresholds its usage is above (a few percent of the window: Claude Code
    // does not auto-compact claude-sonnet-4-5, so status counts against the window).
    const high = { CTX_MONITOR_WARN_PERCENT: "1", CTX_MONITOR_CRITICAL_PERCENT: "99" };
    const before = mainRequests(api).length;
    await sandbox.claude(["-p", "go on", "--resume", first.session_id, "--model", "claude-sonnet-4-5"], high);
    const warned = newest(before);
    expect(warned).toContain(`${WARNING} warn:`);
    expect(warned).toContain("write_handoff");
    // Once per crossing: the next prompt of the session carries no second warning.
    const again = mainRequests(api).length;
    await sandbox.claude(["-p", "and again", "--resume", first.session_id, "--model", "claude-sonnet-4-5"], high);
    expect(newest(again)).toContain("and again");
    expect(newest(again)).not.toContain(WARNING);

    await sandbox.claude(["-p", "/compact", "--resume", first.session_id, "--model", "claude-sonnet-4-5"]);
    const folder = join(sandbox.project, ".claude", "handoffs");
    const handoffs = readdirSync(folder).filter((name) => name.endsWith("-pre-compact.md"));
    expect(handoffs).toHaveLength(1);
    const handoff = join(folder, handoffs[0]!);
    const document = readFileSync(handoff, "utf8");
    expect(document).toContain(firstPrompt);
    expect(document).toContain("Written automatically by the ctx-monitor PreCompact hook");

    // -p resumes with source "resume" after a /compact: the pointer is decided from the transcript.
    api.setScript({ main: [[text("Resuming from the handoff.")]] });
    const afterCompact = mainRequests(api).length;
    await sandbox.claude(["-p", "continue", "--resume", first.session_id, "--model", "claude-sonnet-4-5"]);
    const pointed = sent(afterCompact);
    expect(pointed).toContain(JSON.stringify(handoff).slice(1, -1));
    expect(pointed).toContain(JSON.stringify(firstPrompt).slice(1, -1));
    // What Claude Code's summary dropped (the stand-in's summary names no prompt) comes with the next prompt.
    expect(pointed).toContain("Claude Code's summary dropped");
    expect(existsSync(handoff.replace(/\.md$/, ".lost.txt"))).toBe(true);
    const log = join(sandbox.home, ".claude", "ctx-monitor", "hooks.log");
    expect(existsSync(log) ? readFileSync(log, "utf8") : "no problems logged").toBe("no problems logged");
  });
});
