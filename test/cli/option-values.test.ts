// Bad option values get exit 2 and one line naming the flag (they were ignored, or "Invalid URL"), and
// the CLI names its own flags where the tools name their parameters.
import { describe, expect, it } from "vitest";
import { inCliWords } from "../../src/commands/flag-words.ts";
import { badOptionValue } from "../../src/commands/option-values.ts";
import { runCli } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

describe("option values", () => {
  it.each([
    [["sessions", "--limit", "x"], /^ctx-monitor sessions: --limit takes a whole number of 1 or more, got "x"$/],
    [["sessions", "--limit", "0"], /--limit takes a whole number/],
    [["proxy", "--upstream", "notaurl"], /^ctx-monitor proxy: --upstream takes an http\(s\) URL .*, got "notaurl"$/],
    [["proxy", "--upstream", "ftp://example.com"], /--upstream takes an http\(s\) URL/],
    [["proxy", "--port", "70000"], /^ctx-monitor proxy: --port takes a port number from 0 to 65535/],
  ])("%j: exit 2, one line naming the flag", async (args, line) => {
    const home = tempDir();
    const { code, stderr, stdout } = await runCli(args, { HOME: home });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(line);
  });

  it("accepts what fits", () => {
    const kinds = { limit: "count", port: "port", upstream: "url" } as const;
    expect(badOptionValue(kinds, { limit: "3", port: "0", upstream: "http://127.0.0.1:9" })).toBeNull();
    expect(badOptionValue(kinds, {})).toBeNull();
  });
});

describe("the CLI's words", () => {
  it("names --session and --transcript where the tools say session_id and transcript_path", async () => {
    const home = tempDir();
    const { code, stderr } = await runCli(["usage", "--session", "no-such-session"], { HOME: home });
    expect(code).toBe(2);
    expect(stderr).toContain("pass --transcript");
    expect(stderr).not.toMatch(/session_id|transcript_path/);
    expect(inCliWords("pass session_id or transcript_path")).toBe("pass --session or --transcript");
  });
});
