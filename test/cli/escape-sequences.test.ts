// A transcript written by someone hostile: every field a command may print (file paths, commands, tool and
// MCP server names, the model, the project folder, prompts, tool results) full of terminal control
// sequences, shuffled afresh on each run. The built executable's output, for every command that prints
// transcript text, must hold none of them: no ESC, no C1, no C0 but newline and tab, no bidi override;
// with colour on, only ctx-monitor's own colour codes.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonText, OWN_MARK, terminalText } from "../../src/present/safe-text.ts";
import { paint } from "../../src/present/terminal.ts";
import { runWatch, type WatchTerminal } from "../../src/report/watch/run-watch.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fakeRuntime, tempDir, writeTranscript } from "../support/runtime.ts";
import {
  assistantResponse,
  SESSION_ID,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

const SEQUENCES = [
  "\u001b]52;c;ZWNobyBwd25lZA==\u0007", // OSC 52: write the clipboard
  "\u001b[2J\u001b[H", // clear the screen, cursor home
  "\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\", // OSC 8 hyperlink
  "\u001b]0;owned title\u0007", // window title
  "\u001b]2;title by ST\u001b\\",
  "\u001bPq#0;2;0;0;0\u001b\\", // DCS (sixel)
  "\u001b_apc\u001b\\",
  "\u001b[31m", // a colour ctx-monitor also uses: still not the transcript's to set
  "\u001b[?1049h", // alternate screen
  "\u001bc", // full reset
  "\u009b2J", // C1 CSI
  "\u009d0;c1 title\u009c", // C1 OSC ... ST
  "\u0090c1 dcs\u009c",
  "\u0085\u008d", // NEL, reverse line feed
  "\u202e", // right-to-left override
  "\u2066",
  "\u0007\u0008\r\u000b\u000c\u007f",
  "\u001b]52;c;unterminated",
];

/** The SEQUENCES in a fresh order, around a word that shows where the field was. */
function hostile(word: string): string {
  const shuffled = [...SEQUENCES].sort(() => Math.random() - 0.5);
  return `${word}${shuffled.join(word)}${word}`;
}

/** ctx-monitor's own colour codes (src/present/terminal.ts). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const OWN_SGR = /\u001b\[(?:0|1|2|31|32|33)m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** What may remain: newline and tab; with colour, the tool's own SGR codes. */
function leftover(output: string, color: boolean): string[] {
  const own = color ? output.replace(OWN_SGR, "") : output;
  // A planted `\u001b[31m` stands between two copies of its field's word (hostile()): never one of ours.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const planted = color ? [...output.matchAll(/[A-Za-z0-9]\u001b\[(?:0|1|2|31|32|33)m[A-Za-z0-9/]/g)] : [];
  return [
    ...[...own.matchAll(CONTROL)].map(
      (match) => `U+${match[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${match.index}`,
    ),
    ...planted.map((match) => `${JSON.stringify(match[0])} at ${match.index}`),
  ];
}

function hostileSession() {
  const home = tempDir();
  const project = join(home, "project");
  mkdirSync(project);
  const configDir = join(home, ".claude");
  const extra = { cwd: hostile("/cwd"), gitBranch: hostile("branch") };
  const read = toolUse("Read", { file_path: hostile("/src/file.ts") });
  const bash = toolUse("Bash", { command: hostile("ls"), description: hostile("desc") });
  const mcp = toolUse(`mcp__${hostile("server")}__${hostile("tool")}`, { query: hostile("q") });
  const responses = [
    userPrompt(hostile("prompt"), extra),
    assistantResponse({ input: 120_000, cacheRead: 40_000 }, [text(hostile("answer")), read, bash, mcp], {
      ...extra,
    }),
    toolResult(read.id, hostile("file contents"), extra),
    toolResult(bash.id, hostile("output"), extra),
    toolResult(mcp.id, hostile("result"), extra),
    assistantResponse({ input: 150_000, cacheRead: 20_000 }, [text(hostile("done"))], extra),
  ]
    .flat()
    .map((line) =>
      // The model's name, planted in every response.
      line.replaceAll('"claude-sonnet-4-6"', JSON.stringify(hostile("claude-sonnet-4-6"))),
    );
  const path = writeTranscript(configDir, project, SESSION_ID, transcript(responses));
  const mitm = join(home, "mitm");
  mkdirSync(mitm);
  // File names are short: one sequence each.
  for (const [index, sequence] of SEQUENCES.entries())
    writeFileSync(join(mitm, `request_name${index}${sequence.replaceAll("/", "")}.json`), "{not json");
  return { home, project, configDir, path, mitm };
}

function run(args: string[], env: Record<string, string>, input?: string) {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    input: input ?? "",
    encoding: "utf8",
    timeout: 30_000,
    killSignal: "SIGKILL",
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** `watch` on a pipe: its first plain lines, then it is stopped. */
function watchLines(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, "watch", ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const take = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("\n")) child.kill("SIGTERM");
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe("terminalText and jsonText", () => {
  it.each([
    ["an OSC 52 clipboard write, whole", "a\u001b]52;c;ZXZpbA==\u0007b", "ab"],
    ["an OSC ended by ST", "a\u001b]0;title\u001b\\b", "ab"],
    ["a CSI with parameters", "a\u001b[2;3Hb\u001b[?1049lc", "abc"],
    ["a DCS string", "a\u001bPq#0\u001b\\b", "ab"],
    ["C1 CSI and OSC", "a\u009b2Jb\u009d0;t\u0007c", "abc"],
    ["an unterminated OSC, up to the line's end", "a\u001b]0;rest\nnext", "a\nnext"],
    ["C0 controls but newline and tab", "a\u0007\u0008\r\tb\n", "a\tb\n"],
    ["bidi overrides", "a\u202eb\u2066c", "abc"],
    ["a lone ESC", "a\u001b", "a"],
  ])("removes %s", (_name, input, expected) => {
    expect(terminalText(input)).toBe(expected);
  });

  it("keeps ctx-monitor's own colours only when colour is on, and none that came with the text", () => {
    const red = paint({ color: true }, "red", "red");
    // From a transcript: exactly one of the codes ctx-monitor also writes, a pair of them, and another colour.
    const planted = "a\u001b[31mb \u001b[33mwarn\u001b[0m \u001b[38;5;1mx\u001b[0m";
    expect(terminalText(`${red} ${planted}`, { color: true })).toBe("\u001b[31mred\u001b[0m ab warn x");
    expect(terminalText(`${red} ${planted}`)).toBe("red ab warn x");
    // The mark that tells its own codes apart is never printed, with colour or without.
    expect(terminalText(red, { color: true })).not.toContain(OWN_MARK);
    expect(terminalText(`${OWN_MARK}${planted}`, { color: true })).toBe("ab warn x");
  });

  it("escapes C1 and bidi controls in JSON, which still parses to the same value", () => {
    const value = { path: "a\u009b2J\u009d0;t\u009c\u202eb\u001b" };
    const json = jsonText(value);
    expect(json).toContain("\\u009b");
    expect(json).toContain("\\u202e");
    expect(leftover(json, false)).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("a transcript full of escape sequences, through every command that prints its text", () => {
  for (const color of [false, true]) {
    it(`leaves no control sequence in any output (${color ? "FORCE_COLOR=1" : "no colour"})`, async () => {
      const session = hostileSession();
      const env = {
        HOME: session.home,
        CLAUDE_CONFIG_DIR: session.configDir,
        CTX_MONITOR_STATE_DIR: join(session.home, "state"),
        CTX_MONITOR_HANDOFF_DIR: join(session.home, "handoffs"),
        ...(color ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" }),
      };
      const selected = ["--transcript", session.path, "--project", session.project];
      const outputs: Record<string, string> = {};
      const record = (name: string, result: { stdout: string; stderr: string }) => {
        outputs[name] = result.stdout + result.stderr;
      };
      for (const json of [[], ["--json"]]) {
        record(`usage ${json}`, run(["usage", ...json, ...selected], env));
        record(`breakdown ${json}`, run(["breakdown", ...json, ...selected], env));
        record(`sessions ${json}`, run(["sessions", ...json, "--project", session.project], env));
        record(`compare ${json}`, run(["compare", ...json, ...selected], env));
        record(`import-mitm ${json}`, run(["import-mitm", session.mitm, ...json], env));
        record(`handoff ${json}`, run(["handoff", ...json, "--goal", hostile("goal"), ...selected], env));
      }
      record("report", run(["report", ...selected, "--out", join(session.home, "report.html")], env));
      const statuslineInput = JSON.stringify({
        session_id: SESSION_ID,
        transcript_path: session.path,
        cwd: session.project,
        model: { id: hostile("model-id"), display_name: hostile("Model") },
        workspace: { current_dir: session.project, project_dir: session.project },
      });
      record("statusline", run(["statusline"], env, statuslineInput));
      for (const [event, name] of [
        ["user-prompt-submit", "UserPromptSubmit"],
        ["post-tool-use", "PostToolUse"],
        ["session-start", "SessionStart"],
      ] as const) {
        const input = JSON.stringify({
          session_id: SESSION_ID,
          transcript_path: session.path,
          cwd: session.project,
          hook_event_name: name,
          prompt: hostile("prompt"),
        });
        record(`hook ${event}`, run(["hook", event], env, input));
      }
      outputs.watch = await watchLines(selected, env);

      // The commands ran and printed the planted fields (cleaned), so the check below looks at real output.
      expect(outputs["breakdown "]).toContain("/src/file.ts");
      expect(outputs["sessions "]).toContain("prompt");
      expect(outputs["usage --json"]).toContain("claude-sonnet-4-6");
      expect(outputs["import-mitm "]).toContain("request_name");
      expect(outputs.statusline).toMatch(/Model/);
      expect(outputs.watch).toMatch(/\d/);
      const found = Object.fromEntries(
        Object.entries(outputs)
          .map(([name, output]) => [name, leftover(output, color)] as const)
          .filter(([, left]) => left.length > 0),
      );
      expect(found).toEqual({});
    }, 180_000);
  }
});

const ERASE_BELOW = "\u001b[K\u001b[J";

describe("watch on a terminal", () => {
  it("draws frames whose lines hold no planted sequence, only its own colours", async () => {
    const session = hostileSession();
    const writes: string[] = [];
    let quit: (() => void) | null = null;
    const terminal: WatchTerminal = {
      isTTY: true,
      size: () => ({ columns: 120, rows: 40 }),
      write: (text) => {
        writes.push(text);
        if (text.startsWith("\u001b[H")) quit?.();
      },
      error: (text) => writes.push(text),
      onResize: () => () => {},
      onKey: () => () => {},
      onSignal: (listener) => {
        quit = listener;
        return () => {};
      },
    };
    const runtime = fakeRuntime({
      env: { FORCE_COLOR: "1", HOME: session.home, CLAUDE_CONFIG_DIR: session.configDir },
      homeDir: session.home,
      cwd: session.project,
    });
    await runWatch({ transcriptPath: session.path, projectDir: session.project }, runtime, terminal);
    const frames = writes.filter((text) => text.startsWith("\u001b[H"));
    expect(frames.length).toBeGreaterThan(0);
    // A frame is the cursor home, its lines joined by erase-to-end-of-line and a new line, then erase-below.
    const lines = frames.flatMap((frame) =>
      frame.slice(3, frame.endsWith(ERASE_BELOW) ? -ERASE_BELOW.length : undefined).split("\u001b[K\r\n"),
    );
    expect(lines.join("\n")).toMatch(/\d/);
    expect(lines.flatMap((line) => leftover(line, true))).toEqual([]);
    const summary = writes.at(-1) ?? "";
    expect(leftover(summary, false)).toEqual([]);
  }, 60_000);
});
