// Exit codes say who has to act: 2 and one line for a refusal a person can fix (a bad value, an unknown
// session, a missing or special file, a bad URL, a port in use), 1 and a stack for a fault to report.
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/base/user-error.ts";
import type { Command } from "../../src/commands/command.ts";
import { runKnownCommand } from "../../src/commands/run-command.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

function runBuilt(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: tempDir(), ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trimEnd() };
}

let held: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (held ? held.close(resolve) : resolve(undefined)));
  held = undefined;
});

/** A port on 127.0.0.1 that another listener holds for the test's length. */
async function portInUse(): Promise<number> {
  held = createServer();
  const server = held;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("the built CLI's refusals: exit 2, one line, no stack", () => {
  it.each([
    ["a bad flag value", ["sessions", "--limit", "none"], {}, /--limit takes a whole number/],
    ["an unknown session", ["usage", "--session", "no-such-session"], {}, /pass --transcript/],
    [
      "a missing file",
      ["usage", "--transcript", "/no/such/file.jsonl"],
      {},
      /file.jsonl does not exist; pass a session/,
    ],
    [
      "a special file",
      ["usage", "--transcript", "/dev/null"],
      {},
      /is not a regular file \(a FIFO, socket or device\)/,
    ],
    [
      "a bad URL in the environment",
      ["proxy", "--port", "0"],
      { ANTHROPIC_BASE_URL: "ftp://example.com" },
      /ANTHROPIC_BASE_URL must be an http\(s\) URL.*pass --upstream URL/,
    ],
  ])("%s", (_kind, args, env: Record<string, string>, says) => {
    const result = runBuilt(args, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^ctx-monitor ${args[0]}: `));
    expect(result.stderr).toMatch(says);
  });

  it("a port in use", async () => {
    const port = await portInUse();
    const result = runBuilt(["proxy", "--port", String(port), "--capture-dir", join(tempDir(), "captures")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`ctx-monitor proxy: port ${port} is in use; pass --port N (0 picks a free one)`);
  });
});

describe("the command runner", () => {
  async function runThrowing(error: unknown) {
    let stderr = "";
    const command: Command = {
      name: "probe",
      summary: "throws",
      synopsis: "",
      options: {},
      run: () => Promise.reject(error),
    };
    const code = await runKnownCommand(command, [], fakeRuntime({ homeDir: tempDir() }), {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stderr };
  }

  it("maps a UserError to exit 2 and its message alone", async () => {
    const { code, stderr } = await runThrowing(new UserError("no such thing; pass another"));
    expect(code).toBe(2);
    expect(stderr).toBe("ctx-monitor probe: no such thing; pass another\n");
  });

  it("keeps a fault at exit 1 with its stack, to be reported", async () => {
    const { code, stderr } = await runThrowing(new TypeError("cannot read properties of undefined"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ctx-monitor probe: TypeError: cannot read properties of undefined\n\s+at /);
  });
});
