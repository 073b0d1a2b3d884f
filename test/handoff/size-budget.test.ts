// Handoffs fit the window they are read back into: a long session's handoff stays within 5% of its
// window in characters (40,000 at 200k, 200,000 at 1M) and still holds the first and newest prompts
// verbatim, the newest work in full and counts of the rest. Generated sessions in Claude Code's shape.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HandoffSizeError, parseHandoffChars } from "../../src/config/handoff-size.ts";
import { createUsageDeps } from "../../src/context/read-usage.ts";
import { defaultHandoffChars, shareByWeight } from "../../src/handoff/size-budget.ts";
import { createHandoffDeps, writeHandoff } from "../../src/handoff/write-handoff.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import { assistantResponse, text, toolResult, toolUse, transcript, userPrompt } from "../support/transcript-builder.ts";

/** A prompt as people write them: a few sentences, some long, and "continue" now and then. */
function promptText(n: number): string {
  if (n % 9 === 0) return "continue";
  const detail = "Keep the public API, update the tests and the changelog, and explain anything surprising. ".repeat(
    1 + (n % 7),
  );
  return `Prompt ${n}: refactor module ${n} (${n % 5 ? "small" : "large"} change). ${detail}`;
}

/** `prompts` turns, each: Read, Edit, a Bash test run with its log, and the agent's words. */
function longSession(prompts: number): string {
  const lines: Array<string | string[]> = [];
  for (let n = 1; n <= prompts; n++) {
    lines.push(userPrompt(promptText(n)));
    const read = toolUse("Read", { file_path: `/home/user/project/src/module-${n % 40}.ts` });
    const edit = toolUse("Edit", {
      file_path: `/home/user/project/src/module-${n % 40}.ts`,
      old_string: "const a = 1;\nconst b = 2;",
      new_string: "const a = 1;\nconst b = 3;\nconst c = 4;",
    });
    const bash = toolUse("Bash", { command: `npm test -- module-${n}`, description: `Test module ${n}` });
    lines.push(assistantResponse({ input: 1_000 + n }, [text(`Reading module ${n} first.`), read]));
    lines.push(toolResult(read.id, "export const value = compute(input);\n".repeat(200)));
    lines.push(assistantResponse({ input: 1_100 + n }, [edit]));
    lines.push(toolResult(edit.id, "The file has been updated."));
    lines.push(assistantResponse({ input: 1_200 + n }, [bash]));
    const log = Array.from({ length: 40 }, (_, i) => `  ✓ module-${n} case ${i + 1} (${i + 2} ms)`).join("\n");
    lines.push(toolResult(bash.id, n % 11 ? `PASS module-${n}\n${log}` : `FAIL module-${n}\n${log}`, {}));
    lines.push(
      assistantResponse({ input: 1_300 + n }, [
        text(`Module ${n} is done: the exported names stay, the internals moved. ${"Details follow. ".repeat(20)}`),
      ]),
    );
  }
  return transcript(lines);
}

async function handoffOf(prompts: number, window: number, maxChars?: number) {
  const home = tempDir();
  const project = join(home, "project");
  mkdirSync(project);
  const runtime = fakeRuntime({
    homeDir: home,
    cwd: project,
    env: { CLAUDE_CONFIG_DIR: join(home, ".claude"), CTX_MONITOR_CONTEXT_WINDOW: String(window) },
  });
  const deps = { ...createHandoffDeps(runtime, createUsageDeps(runtime)), git: async () => null };
  const transcriptPath = join(home, "11111111-2222-4333-8444-555555555555.jsonl");
  writeFileSync(transcriptPath, longSession(prompts));
  const notes = { goal: "Refactor every module.", nextSteps: "1. the next module\n2. the changelog" };
  const result = await writeHandoff({ notes, projectDir: project, transcriptPath, maxChars }, deps);
  return { result, doc: readFileSync(result.path, "utf8") };
}

function fenceOf(prompt: string): string {
  return `\`\`\`text\n${prompt}\n\`\`\``;
}

describe("handoff size budget", () => {
  it("a 150-prompt session on a 200k window gives at most 40,000 characters, first and newest prompts verbatim", async () => {
    const { result, doc } = await handoffOf(150, 200_000);
    expect(result.maxChars).toBe(40_000);
    expect(doc.length).toBeLessThanOrEqual(40_000);
    // Most of the budget is used: the cut is a budget, not a blunt truncation to little.
    expect(doc.length).toBeGreaterThan(30_000);
    expect(doc).toContain(`### Prompt 1 — `);
    expect(doc).toContain(fenceOf(promptText(1)));
    expect(doc).toContain(`### Prompt 150 — `);
    expect(doc).toContain(fenceOf(promptText(150)));
    // The agent's notes come first, whole.
    expect(doc.indexOf("1. the next module")).toBeLessThan(doc.indexOf("## User prompts"));
    // What did not fit is counted, with where it is verbatim.
    expect(doc).toMatch(
      /_\d+ prompts \(between prompts \d+ and \d+, [\d,]+ characters\) left out to fit the size budget: The transcript `[^`]+` has them verbatim\._/,
    );
    expect(doc).toMatch(/\(\d+ earlier commands not shown, \d+ of them failed, after prompts 1–\d+; most run: /);
    // The newest work is in full: the last command with its output, the last reply.
    expect(doc).toContain("`npm test -- module-150` — ok (after prompt 150)");
    expect(doc).toContain("  ✓ module-150 case 40 (41 ms)");
    expect(doc).toContain("Module 150 is done");
  });

  it("a 400-prompt session on a 1M window gives at most 200,000 characters, first and newest prompts verbatim", async () => {
    const { result, doc } = await handoffOf(400, 1_000_000);
    expect(result.maxChars).toBe(200_000);
    expect(doc.length).toBeLessThanOrEqual(200_000);
    expect(doc).toContain(fenceOf(promptText(1)));
    expect(doc).toContain(`### Prompt 400 — `);
    expect(doc).toContain(fenceOf(promptText(400)));
    expect(doc).toContain("`npm test -- module-400` — ok (after prompt 400)");
  });

  it("collapses a prompt sent again and again into one entry with its count", async () => {
    const { doc } = await handoffOf(40, 1_000_000);
    // "continue" was prompts 9, 18, 27 and 36: shown once, at the newest, with the others named.
    expect(doc.match(/```text\ncontinue\n```/g)).toHaveLength(1);
    expect(doc).toContain("### Prompt 36 — ");
    expect(doc).toMatch(/### Prompt 36 — [^\n]* \(sent 4 times: also as prompt 9, 18, 27\)/);
  });

  it("keeps to a budget asked for, and the notes whole beyond it", async () => {
    const { result, doc } = await handoffOf(150, 200_000, 10_000);
    expect(result.maxChars).toBe(10_000);
    expect(doc.length).toBeLessThanOrEqual(10_000);
    expect(doc).toContain(fenceOf(promptText(150)));
    expect(doc).toContain("1. the next module\n2. the changelog");
  });
});

describe("size budget figures", () => {
  it("is 5% of the window in characters by default", () => {
    expect(defaultHandoffChars(200_000)).toBe(40_000);
    expect(defaultHandoffChars(1_000_000)).toBe(200_000);
  });

  it("refuses a size that is not a whole number in range, in one line naming where it came from", () => {
    expect(parseHandoffChars("50000", "--max-chars")).toBe(50_000);
    for (const bad of ["lots", "40k", "-5", "3.5", "10", "9999999999", ""]) {
      expect(() => parseHandoffChars(bad, "--max-chars")).toThrow(HandoffSizeError);
    }
    expect(() => parseHandoffChars("lots", "--max-chars")).toThrow(
      '--max-chars "lots" is not a handoff size: give a whole number of characters from 4,000 to 2,000,000 (e.g. 40000)',
    );
  });

  it("shares by weight, giving what a part does not need to the others", () => {
    expect(
      shareByWeight(1_000, [
        { need: 100, weight: 5 },
        { need: 5_000, weight: 4 },
        { need: 5_000, weight: 1 },
      ]),
    ).toEqual([100, 720, 180]);
    expect(
      shareByWeight(900, [
        { need: 5_000, weight: 5 },
        { need: 5_000, weight: 4 },
      ]),
    ).toEqual([500, 400]);
    expect(shareByWeight(-10, [{ need: 5, weight: 1 }])).toEqual([0]);
  });
});

describe("`ctx-monitor handoff --max-chars` (the built CLI)", () => {
  it("refuses a size that is not a number in one line, writing nothing", () => {
    const dir = tempDir();
    const transcriptPath = join(dir, "s.jsonl");
    writeFileSync(transcriptPath, longSession(2));
    const run = spawnSync(
      process.execPath,
      [CLI_PATH, "handoff", "--transcript", transcriptPath, "--project", dir, "--max-chars", "lots"],
      {
        encoding: "utf8",
        env: { PATH: process.env.PATH, HOME: dir, CTX_MONITOR_STATE_DIR: join(dir, "state") },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('--max-chars "lots" is not a handoff size');
  });
});
