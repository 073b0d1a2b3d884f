// A FIFO or a device where Claude Code's input names the transcript: the built hooks and statusline answer
// at once (a FIFO opened for reading used to wait for a writer, where no watchdog timer can fire, and
// Claude Code waited on the hook), the hook leaves one line in its log, and the server answers the tool
// with one line and keeps serving. Each run is bounded, so a regression fails instead of hanging.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI_PATH, type Connected, connectBuiltServer } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

const SESSION = "5b1c0d7e-0000-4000-8000-000000000001";
const BOUND_MS = 15_000;

const KINDS = ["a FIFO", "/dev/zero"] as const;

/** The special file of a kind (made inside the running test) and the refusal it must get. */
function specialFile(kind: (typeof KINDS)[number]): [string, RegExp] {
  if (kind === "/dev/zero") return ["/dev/zero", /is not a regular file \(.*device\)/];
  const fifo = join(tempDir(), `${SESSION}.jsonl`);
  execFileSync("mkfifo", [fifo]);
  return [fifo, /is not a regular file \(.*FIFO/];
}

function runBuilt(args: string[], input: string, state: string) {
  return spawnSync(process.execPath, [CLI_PATH, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: state, CTX_MONITOR_STATE_DIR: state },
    input,
    encoding: "utf8",
    timeout: BOUND_MS,
    killSignal: "SIGKILL",
  });
}

/** The built statusline, given Claude Code's input for this transcript and project, prints its line at once. */
function expectStatuslineLine(transcriptPath: string, project: string, state: string): void {
  const input = JSON.stringify({
    session_id: SESSION,
    transcript_path: transcriptPath,
    cwd: project,
    workspace: { current_dir: project, project_dir: project },
    model: { id: "claude-opus-4-8", display_name: "Opus 4.8" },
    context_window: {
      context_window_size: 200_000,
      current_usage: { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 50_000 },
    },
  });
  const result = runBuilt(["statusline"], input, state);
  expect(result.signal).toBeNull();
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/Opus 4\.8/);
}

describe("hooks and the statusline given a special file as the transcript", () => {
  for (const name of KINDS) {
    it.each([
      ["session-start", "SessionStart"],
      ["user-prompt-submit", "UserPromptSubmit"],
      ["post-tool-use", "PostToolUse"],
    ])(`hook %s returns at once, exit 0, one line in hooks.log (${name})`, (event, hookEventName) => {
      const state = tempDir();
      const [path, refusal] = specialFile(name);
      const input = JSON.stringify({
        session_id: SESSION,
        transcript_path: path,
        cwd: state,
        hook_event_name: hookEventName,
      });
      const result = runBuilt(["hook", event], input, state);
      expect(result.signal).toBeNull();
      expect(result.status).toBe(0);
      expect(result.stdout).toBe("");
      const log = readFileSync(join(state, "hooks.log"), "utf8").trimEnd().split("\n");
      expect(log).toHaveLength(1);
      expect(log[0]).toMatch(refusal);
    });

    it(`statusline prints its line at once (${name})`, () => {
      const state = tempDir();
      const [path] = specialFile(name);
      expectStatuslineLine(path, state, state);
    });
  }
});

describe("the statusline in a project whose settings file is a link to /dev/zero or a FIFO", () => {
  it.each(KINDS)("prints its line at once (%s)", (kind) => {
    const state = tempDir();
    const project = join(tempDir(), "cloned");
    mkdirSync(join(project, ".claude"), { recursive: true });
    const [special] = specialFile(kind);
    // A cloned repository can carry such a link: git stores symlinks.
    symlinkSync(special, join(project, ".claude", "settings.json"));
    expectStatuslineLine(join(project, "none.jsonl"), project, state);
  });
});

describe("the server given a special file as transcript_path", () => {
  let connected: Connected | undefined;
  afterEach(async () => {
    await connected?.close();
    connected = undefined;
  });

  it("answers get_context_usage with one line and goes on serving", async () => {
    const home = tempDir();
    connected = await connectBuiltServer({ HOME: home });
    for (const [path, refusal] of KINDS.map(specialFile)) {
      const result = await connected.client.callTool(
        { name: "get_context_usage", arguments: { transcript_path: path } },
        undefined,
        { timeout: BOUND_MS },
      );
      expect(result.isError).toBe(true);
      const text = (result.content as Array<{ text?: string }>)[0]?.text ?? "";
      expect(text).toMatch(refusal);
      expect(text.trim().split("\n")).toHaveLength(1);
    }
    const tools = await connected.client.listTools(undefined, { timeout: BOUND_MS });
    expect(tools.tools.length).toBeGreaterThan(0);
    expect(existsSync(home)).toBe(true);
  });
});
