// `ctx-monitor watch` in a real terminal (tmux): the built CLI follows a transcript this test appends
// Claude Code's own lines to, through a compaction and a move to a new session, a resize, and q.
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fixtureLines, fixtureTruth } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";
import { assistantResponse, text, transcript as transcriptText } from "../support/transcript-builder.ts";
import { TmuxWindow } from "./tmux.ts";
import { hasTmux } from "../support/system-tools.ts";

const tmux = hasTmux();

const PROJECT = "/home/user/project";
const OUTPUT = join(import.meta.dirname, "..", "..", ".tmp", "test-output");
let window: TmuxWindow | null = null;

afterEach(() => {
  window?.close();
  window = null;
});

function startWatch(
  configDir: string,
  size: { columns: number; rows: number },
  env: Record<string, string> = {},
): TmuxWindow {
  window = new TmuxWindow([process.execPath, CLI_PATH, "watch", "--project", PROJECT], size, {
    CLAUDE_CONFIG_DIR: configDir,
    CTX_MONITOR_STATE_DIR: join(configDir, "state"),
    TERM: "xterm-256color",
    TZ: "UTC",
    LC_ALL: "C.UTF-8",
    ...env,
  });
  return window;
}

const stepRows = (screen: string) => screen.split("\n").filter((line) => /^\d\d:\d\d:\d\d +\d+ /.test(line));

describe.runIf(tmux)("ctx-monitor watch in a terminal", () => {
  it("redraws in place as the transcript grows, marks the compaction, follows a new session, resizes and quits on q", async () => {
    const configDir = tempDir();
    const folder = join(configDir, "projects", encodeProjectDir(PROJECT));
    mkdirSync(folder, { recursive: true });
    const first = fixtureTruth("compacted-session");
    const lines = fixtureLines("compacted-session");
    const transcript = join(folder, `${first.sessionId}.jsonl`);
    // Up to the second response: the compaction and the steps after it are appended later.
    writeFileSync(transcript, `${lines.slice(0, 9).join("\n")}\n`);

    const tmux = startWatch(configDir, { columns: 100, rows: 24 }, { FORCE_COLOR: "1" });
    let screen = await tmux.waitFor((text) => stepRows(text).length === 2, "the first two steps");
    expect(screen).toContain(`session ${first.sessionId.slice(0, 8)}`);
    expect(screen.split("\n")[1]).toMatch(/^█+░*│?░+ +17% of window OK/);
    expect(stepRows(screen)[1]).toMatch(
      new RegExp(`\\+4,287 +${first.mainRequestTotals[1]!.toLocaleString("en-US")} +Bash: seq 1 3000`),
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
    expect(tmux.capture(true).split("\n")[1]).toMatch(/^(?:\x1b\[[0-9;]*m)*\x1b\[32m(?:\x1b\[[0-9;]*m)*█/); // ok is green

    appendFileSync(transcript, `${lines.slice(9).join("\n")}\n`);
    screen = await tmux.waitFor(
      (text) => stepRows(text).length === 4 && text.includes("compacted (manual)"),
      "the compaction and two more steps",
    );
    const rows = screen.split("\n");
    const compactedAt = rows.findIndex((line) => line.includes("─── compacted (manual)"));
    expect(compactedAt).toBeGreaterThan(rows.indexOf(stepRows(screen)[1]!));
    expect(compactedAt).toBeLessThan(rows.indexOf(stepRows(screen)[2]!));
    expect(screen).toContain("! ");
    expect(screen).toMatch(/compacted from 34k/);
    // Redrawn in place: one header, however many redraws.
    expect(screen.match(/ctx-monitor watch ·/g)).toHaveLength(1);
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, "watch.txt"), screen.replace(/\s+$/gm, ""));

    // /clear or a new `claude` in the project: a new transcript appears and is followed.
    const second = fixtureTruth("busy-session");
    const secondId = "22222222-0000-4000-8000-000000000002";
    writeFileSync(join(folder, `${secondId}.jsonl`), `${fixtureLines("busy-session").join("\n")}\n`);
    screen = await tmux.waitFor((text) => text.includes("session 22222222"), "the new session");
    expect(screen).toContain("now following session 22222222");
    expect(stepRows(screen).at(-1)).toContain(second.usedTokens.toLocaleString("en-US"));
    // Another, older session of the project writing again is not followed: the new one still is.
    appendFileSync(transcript, `${lines.slice(0, 9).join("\n")}\n`);
    appendFileSync(
      join(folder, `${secondId}.jsonl`),
      transcriptText([assistantResponse({ input: 3, cacheRead: 60_000 }, [text("next")])]),
    );
    screen = await tmux.waitFor(
      (text) => /^\S+ +15 +\+9,375 +60,003 /.test(stepRows(text).at(-1) ?? ""),
      "the new session's next step",
    );
    expect(screen).toContain("session 22222222");

    tmux.resize(60, 16);
    const settled = (text: string) => {
      const rows = text.split("\n");
      return (
        /^█+░*│?░+ +30% of window OK$/.test(rows[1] ?? "") &&
        (rows[15] ?? "").startsWith("q quit") &&
        rows[15]!.length === 60
      );
    };
    screen = await tmux.waitFor(settled, "a redraw at 60 columns, 16 rows");
    expect(screen.split("\n").filter((line) => line.length > 60)).toEqual([]);

    tmux.sendKeys("q");
    screen = await tmux.waitFor(() => tmux.exitStatus() !== null, "the watch to exit");
    expect(tmux.exitStatus()).toBe(0);
    // Back on the normal screen, with the last figures printed once.
    expect(tmux.capture(false, true).split("\n").join("")).toContain("60,003 of 200,000 tokens (30% of the window)");
    expect(screen).not.toContain("q quit");
  }, 90_000);

  it("exits on Ctrl-C and paints nothing under NO_COLOR", async () => {
    const configDir = tempDir();
    const folder = join(configDir, "projects", encodeProjectDir(PROJECT));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `${fixtureTruth("default-model").sessionId}.jsonl`),
      `${fixtureLines("default-model").join("\n")}\n`,
    );
    const tmux = startWatch(configDir, { columns: 90, rows: 20 }, { NO_COLOR: "1" });
    await tmux.waitFor((text) => stepRows(text).length > 0, "the first frame");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
    expect(tmux.capture(true)).not.toMatch(/\x1b\[3[123]m/);
    tmux.sendKeys("C-c");
    await tmux.waitFor(() => tmux.exitStatus() !== null, "the watch to exit");
    expect(tmux.exitStatus()).toBe(0);
  }, 60_000);
});

describe("ctx-monitor watch into a pipe", () => {
  it("appends plain lines as steps and the compaction arrive, and exits on SIGINT", async () => {
    const configDir = tempDir();
    const truth = fixtureTruth("compacted-session");
    const lines = fixtureLines("compacted-session");
    const transcript = join(configDir, `${truth.sessionId}.jsonl`);
    writeFileSync(transcript, `${lines.slice(0, 9).join("\n")}\n`);
    const child = spawn(process.execPath, [CLI_PATH, "watch", "--transcript", transcript], {
      env: {
        PATH: process.env.PATH ?? "",
        CLAUDE_CONFIG_DIR: configDir,
        CTX_MONITOR_STATE_DIR: join(configDir, "state"),
        TZ: "UTC",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const until = async (ready: () => boolean, what: string) => {
      for (const end = Date.now() + 20_000; Date.now() < end; ) {
        if (ready()) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
    };
    try {
      await until(() => output.includes("(17% of window) ok"), "the first status line");
      appendFileSync(transcript, `${lines.slice(9).join("\n")}\n`);
      await until(() => output.includes("ctx-monitor/get_context_usage"), "the last step");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    const printed = output.trimEnd().split("\n");
    expect(printed[0]).toBe(`following session ${truth.sessionId} (${transcript})`);
    expect(output).not.toContain("\x1b[");
    const steps = printed.filter((line) => /^\d\d:\d\d:\d\d +\d+ /.test(line));
    expect(steps.map((line) => line.split(/ +/)[1])).toEqual(["1", "2", "3", "4"]);
    expect(printed.findIndex((line) => line.includes("─── compacted (manual): 34,478 → 774 in messages"))).toBe(
      printed.indexOf(steps[2]!) - 1,
    );
  }, 60_000);
});
