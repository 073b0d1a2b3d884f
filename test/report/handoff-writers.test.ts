// Who wrote each handoff, as the report's list and the watch show it, with each written through its
// real path: the agent's write_handoff over stdio (the SDK client and the built server), the built
// CLI, and the installed hook command fed Claude Code's PreCompact payload.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { createUsageDeps, readContextUsage } from "../../src/context/read-usage.ts";
import { sessionHandoffs } from "../../src/report/session-handoffs.ts";
import { paint } from "../../src/report/watch/colors.ts";
import { clock, renderFrame } from "../../src/report/watch/frame.ts";
import { plainLines } from "../../src/report/watch/plain-lines.ts";
import { nextView } from "../../src/report/watch/view.ts";
import { CLI_PATH, connectBuiltServer } from "../support/built-server.ts";
import { fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");
const thresholds = { warnPercent: 75, criticalPercent: 90 };

describe("who wrote a handoff, through the real writers", () => {
  it("tells the agent's, the CLI's and the PreCompact hook's apart in the list and in watch's compaction line", async () => {
    const truth = fixtureTruth("compacted-session");
    const home = tempDir();
    const project = join(home, "project");
    mkdirSync(project);
    const sessions = join(home, ".claude", "projects", encodeProjectDir(project));
    mkdirSync(sessions, { recursive: true });
    const transcript = stageFixture("compacted-session", sessions);
    const folder = join(project, ".claude", "handoffs");
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      CTX_MONITOR_STATE_DIR: join(home, "state"),
      CTX_MONITOR_HANDOFF_DIR: folder,
    };

    const connected = await connectBuiltServer(
      { ...env, CLAUDE_CODE_SESSION_ID: truth.sessionId, CLAUDE_PROJECT_DIR: project },
      project,
    );
    try {
      const result = await connected.client.callTool({
        name: "write_handoff",
        arguments: { name: "by-agent", next_steps: "Add the test." },
      });
      expect(result.isError).toBeFalsy();
    } finally {
      await connected.close();
    }
    execFileSync(
      process.execPath,
      [BIN_PATH, "handoff", "--transcript", transcript, "--project", project, "--name", "by-cli"],
      {
        env,
        encoding: "utf8",
      },
    );
    execFileSync(process.execPath, [BIN_PATH, "hook", "pre-compact"], {
      input: JSON.stringify({
        session_id: truth.sessionId,
        transcript_path: transcript,
        cwd: project,
        hook_event_name: "PreCompact",
        trigger: "auto",
        custom_instructions: "",
      }),
      env,
      encoding: "utf8",
    });

    const runtime = fakeRuntime({ env, homeDir: home, cwd: project });
    const listed = sessionHandoffs(runtime, project, truth.sessionId);
    const kindOf = (label: string) => listed.find((handoff) => handoff.name.includes(`-${label}`))?.kind;
    expect(listed).toHaveLength(3);
    expect(kindOf("by-agent")).toBe("handoff by the agent");
    expect(kindOf("by-cli")).toBe("written from the CLI");
    expect(kindOf("pre-compact")).toBe("PreCompact handoff");

    // The compaction that followed names the newest handoff written before it: the PreCompact one.
    const usage = await readContextUsage({ transcriptPath: transcript }, createUsageDeps(runtime));
    const preCompact = listed.find((handoff) => handoff.kind === "PreCompact handoff")!;
    const at = new Date(Date.parse(listed.at(-1)!.modified) + 1_000).toISOString();
    const mark = {
      kind: "compaction" as const,
      at,
      afterStep: 0,
      trigger: "auto",
      preTokens: 160_000,
      postTokens: 9_000,
    };
    const view = nextView(null, { usage, steps: [], marks: [mark], handoffs: listed }, thresholds, new Date(at));
    const frame = renderFrame(view, { columns: 240, rows: 30 }, paint(false));
    expect(frame.find((line) => line.includes("compacted (auto)"))).toContain(
      `✎ PreCompact handoff ${preCompact.name}`,
    );
    for (const kind of ["handoff by the agent", "written from the CLI", "PreCompact handoff"])
      expect(frame.some((line) => line.includes(` ✎ ${kind}`))).toBe(true);
    // Plain output (a pipe): the compaction and the newest handoff as they arrive.
    const before = nextView(
      null,
      { usage, steps: [], marks: [], handoffs: listed.slice(0, 2) },
      thresholds,
      new Date(at),
    );
    const after = nextView(before, { usage, steps: [], marks: [mark], handoffs: listed }, thresholds, new Date(at));
    const plain = plainLines(before, after);
    expect(plain.find((line) => line.includes("compacted (auto)"))).toContain(
      `✎ PreCompact handoff ${preCompact.name}`,
    );
    expect(plain).toContain(`${clock(listed[2]!.modified)} ✎ handoff (${listed[2]!.kind}) ${listed[2]!.path}`);
  });
});
