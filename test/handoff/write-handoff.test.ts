// Writing handoffs: what the document holds on real-client fixtures, where it goes, and what is refused.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUsageDeps } from "../../src/context/read-usage.ts";
import { createHandoffDeps, type HandoffRequest, writeHandoff } from "../../src/handoff/write-handoff.ts";
import { type FixtureName, fixtureTruth, stageFixture } from "../support/fixtures.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import { assistantResponse, text, toolResult, toolUse, transcript, userPrompt } from "../support/transcript-builder.ts";

/** A real repository: src/math.js committed, then changed, and NOTES.md not tracked. */
function gitProject(project: string): void {
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
      cwd: project,
      stdio: "ignore",
    });
  git("init", "-q", "-b", "main");
  mkdirSync(join(project, "src"));
  writeFileSync(join(project, "src", "math.js"), "export const add = (a, b) => a - b;\n");
  git("add", ".");
  git("commit", "-q", "-m", "start");
  writeFileSync(
    join(project, "src", "math.js"),
    "export const add = (a, b) => a + b;\nexport const sub = (a, b) => a - b;\n",
  );
  writeFileSync(join(project, "NOTES.md"), "notes\n");
}

function setup(env: Record<string, string> = {}, repository = false) {
  const home = tempDir();
  const project = join(home, "project");
  mkdirSync(project);
  if (repository) gitProject(project);
  const runtime = fakeRuntime({
    homeDir: home,
    cwd: project,
    env: { CLAUDE_CONFIG_DIR: join(home, ".claude"), ...env },
    now: () => new Date("2026-11-24T10:00:00.000Z"),
  });
  const deps = createHandoffDeps(runtime, createUsageDeps(runtime));
  const write = (request: Partial<HandoffRequest> & { transcriptPath: string }) =>
    writeHandoff({ notes: {}, projectDir: project, ...request }, deps);
  return { home, project, write, folder: join(project, ".claude", "handoffs") };
}

function staged(name: FixtureName): string {
  return stageFixture(name, tempDir());
}

describe("write_handoff on a real-client session", () => {
  const truth = fixtureTruth("busy-session");

  it("holds every prompt verbatim, every edited file, the failing command with its failure, and the agent's notes", async () => {
    const { write } = setup({}, true);
    const result = await write({
      transcriptPath: staged("busy-session"),
      notes: { goal: "Fix add() — keep the API", nextSteps: "1. add a multiply test" },
    });
    const doc = readFileSync(result.path, "utf8");
    for (const prompt of truth.prompts) expect(doc).toContain(prompt);
    for (const file of [...truth.editedFiles, ...truth.writtenFiles])
      expect(doc).toContain(`\`${file.replace("/home/user/project/", "")}\``);
    expect(doc).toMatch(/`node test\.js` — \*\*failed\*\*[\s\S]*FAIL add\(2, 3\): expected 5, got -1/);
    expect(doc).toContain("### Goal\n\nFix add() — keep the API");
    expect(doc).toContain("Branch: `main`");
    expect(doc).toMatch(/ M src\/math\.js\n\?\? NOTES\.md/);
    expect(doc).toMatch(/src\/math\.js \| 3 \+\+-\n 1 file changed, 2 insertions\(\+\), 1 deletion\(-\)/);
    expect(doc).toContain(`${truth.usedTokens.toLocaleString("en-US")} of 200,000 tokens`);
    expect(result).toMatchObject({ promptsIncluded: 2, failedCommands: 1, bytes: Buffer.byteLength(doc) });
    expect(result.sections).toEqual(
      expect.arrayContaining(["Agent's notes", "User prompts (verbatim)", "Files", "Commands", "Subagents", "Git"]),
    );
  });

  it("never repeats a secret planted in the project, though a command printed it", async () => {
    const { write } = setup();
    const result = await write({ transcriptPath: staged("busy-session") });
    const doc = readFileSync(result.path, "utf8");
    expect(truth.plantedSecrets.length).toBeGreaterThan(0);
    for (const secret of truth.plantedSecrets) expect(doc).not.toContain(secret);
    expect(doc).toContain("ANTHROPIC_API_KEY=[REDACTED:");
    expect(result.redactions).toBeGreaterThanOrEqual(truth.plantedSecrets.length);
  });

  it("redacts secrets in the agent's own notes too", async () => {
    const { write } = setup();
    const result = await write({
      transcriptPath: staged("default-model"),
      notes: { warnings: "the token is ghp_abcdefghijklmnopqrstuvwxyz0123456789, do not print it" },
    });
    expect(readFileSync(result.path, "utf8")).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
  });
});

describe("secrets in long outputs", () => {
  const keyBody = Array.from(
    { length: 40 },
    (_, i) => `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAB${String(i).padStart(4, "0")}`,
  ).join("\n");
  const privateKey = `-----BEGIN OPENSSH PRIVATE KEY-----\n${keyBody}\n-----END OPENSSH PRIVATE KEY-----`;
  const token = `ghp_${"Q7x9".repeat(9)}`;

  async function handoffWith(outputs: string[]) {
    const { write } = setup();
    const lines: Array<string | string[]> = [userPrompt("show me the deploy key and the config")];
    const calls = outputs.map((_, i) =>
      toolUse("Bash", { command: `cat secret-${i}`, description: `Show secret ${i}` }),
    );
    lines.push(assistantResponse({ input: 1_000 }, [text("Looking."), ...calls]));
    outputs.forEach((output, i) => {
      lines.push(toolResult(calls[i]!.id, output));
    });
    lines.push(assistantResponse({ input: 3_000 }, [text("Both shown; nothing else to do.")]));
    const path = join(tempDir(), "secrets.jsonl");
    writeFileSync(path, transcript(lines));
    const result = await write({ transcriptPath: path });
    return { result, doc: readFileSync(result.path, "utf8") };
  }

  it("redacts a private key and a token that a shown excerpt would cut in half, and loses nothing after them", async () => {
    const { result, doc } = await handoffWith([privateKey, `${"x".repeat(590)} ${token} trailing`]);
    expect(doc).not.toContain("b3BlbnNzaC1rZXktdjE");
    expect(doc).not.toContain(token.slice(0, 10));
    expect(doc).toContain("[REDACTED:private-key]");
    expect(doc).toContain("Both shown; nothing else to do.");
    expect(doc).toContain("## What happened, prompt by prompt");
    expect(result.redactions).toBe(2);
  });

  it("keeps only the start of a huge output, and says how long it was", async () => {
    const { doc } = await handoffWith([`${"log line\n".repeat(600_000)}`]);
    expect(doc).toContain("[cut: 5,400,000 chars in full]");
    expect(doc.length).toBeLessThan(10_000);
  });
});

describe("handoff storage", () => {
  it("writes into .claude/handoffs under the project, owner-only, named by time and session", async () => {
    const { write, folder } = setup();
    const result = await write({ transcriptPath: staged("default-model") });
    expect(result.path.startsWith(`${folder}/2026-11-24T10-00-00Z-`)).toBe(true);
    expect(statSync(result.path).mode & 0o777).toBe(0o600);
    const name = result.path.slice(folder.length + 1);
    // Beside it, its owner-only record of who wrote it (and the notes it was written with).
    const record = `.${name.replace(/\.md$/, "")}.notes.json`;
    expect(readdirSync(folder).sort()).toEqual([".gitignore", record, name].sort());
    expect(statSync(join(folder, record)).mode & 0o777).toBe(0o600);
  });

  it("two concurrent writes give two complete files; a third lists the earlier ones", async () => {
    const { write, folder } = setup();
    const transcriptPath = staged("busy-session");
    const [a, b] = await Promise.all([write({ transcriptPath }), write({ transcriptPath })]);
    expect(a.path).not.toBe(b.path);
    expect(readdirSync(folder).filter((name) => name.endsWith(".md"))).toHaveLength(2);
    expect(readFileSync(a.path, "utf8")).toBe(readFileSync(b.path, "utf8"));
    const third = await write({ transcriptPath });
    expect(third.earlierHandoffs).toBe(2);
    expect(readFileSync(third.path, "utf8")).toContain("## Earlier handoffs of this session");
  });

  it("never overwrites a file that already has the name", async () => {
    const { write, folder } = setup();
    const transcriptPath = staged("default-model");
    const first = await write({ transcriptPath, name: "before-refactor" });
    writeFileSync(first.path, "kept");
    const second = await write({ transcriptPath, name: "before-refactor" });
    expect(second.path).toBe(first.path.replace(/\.md$/, "-2.md"));
    expect(readFileSync(first.path, "utf8")).toBe("kept");
    expect(readdirSync(folder).filter((name) => name.endsWith(".md"))).toHaveLength(2);
  });

  it.each(["../escape", "/tmp/abs", "a/b", "..", "x".repeat(65), ""])(
    "refuses the name %j and writes nothing",
    async (name) => {
      const { write, home } = setup();
      await expect(write({ transcriptPath: staged("default-model"), name })).rejects.toThrow(
        /name .* is not allowed|not a path/,
      );
      expect(existsSync(join(home, "escape.md"))).toBe(false);
      expect(readdirSync(join(home, "project"))).toEqual([]);
    },
  );

  it("refuses a handoff folder that a symlink sends outside the project", async () => {
    const { write, project, home } = setup();
    const outside = join(home, "outside");
    mkdirSync(outside);
    mkdirSync(join(project, ".claude"));
    symlinkSync(outside, join(project, ".claude", "handoffs"));
    await expect(write({ transcriptPath: staged("default-model") })).rejects.toThrow(
      /resolves through a symlink to .*outside the project/,
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  it("does not recreate a project folder that no longer exists", async () => {
    const { write, home } = setup();
    const gone = join(home, "moved-away");
    await expect(write({ transcriptPath: staged("default-model"), projectDir: gone })).rejects.toThrow(
      /does not exist \(moved or deleted\?\)/,
    );
    expect(existsSync(gone)).toBe(false);
  });

  it("refuses a configured relative folder that leaves the project", async () => {
    const { write } = setup({ CTX_MONITOR_HANDOFF_DIR: "../../elsewhere" });
    await expect(write({ transcriptPath: staged("default-model") })).rejects.toThrow(/leaves the project/);
  });

  it("takes an absolute configured folder as chosen", async () => {
    const chosen = join(tempDir(), "handoffs");
    const { write } = setup({ CTX_MONITOR_HANDOFF_DIR: chosen });
    const result = await write({ transcriptPath: staged("default-model") });
    expect(result.path.startsWith(chosen)).toBe(true);
  });
});

describe("document size", () => {
  it("a very long session keeps every prompt but only the newest commands and activity, saying how many were left out", async () => {
    const { write } = setup();
    const lines: Array<string | string[]> = [];
    for (let turn = 1; turn <= 100; turn++) {
      lines.push(userPrompt(`prompt number ${turn}`));
      for (let step = 0; step < 4; step++) {
        const bash = toolUse("Bash", { command: `make step-${turn}-${step}` });
        lines.push(assistantResponse({ input: 100 * turn + step }, [bash]), toolResult(bash.id, "ok"));
      }
    }
    const path = join(tempDir(), "long.jsonl");
    writeFileSync(path, transcript(lines));
    const doc = readFileSync((await write({ transcriptPath: path })).path, "utf8");
    for (let turn = 1; turn <= 100; turn++) expect(doc).toContain(`prompt number ${turn}\n`);
    expect(doc).toContain("400 run, 0 failed.");
    // The newest work is in full; the older commands and steps are counted, with where to find them.
    expect(doc).toMatch(
      /\((\d+) earlier commands not shown, 0 of them failed, after prompts 1–\d+; most run: .*The transcript `[^`]+long\.jsonl` has them all\.\)/,
    );
    expect(doc).toContain("`make step-100-3`");
    expect(doc).not.toContain("1. `make step-1-0` — ok");
    expect(doc).toMatch(/\(What \d+ earlier prompts led to is not shown: \d+ tool calls after prompts 1–\d+/);
  });

  it("an empty session gives a short document with no empty sections", async () => {
    const { write } = setup();
    const path = join(tempDir(), "empty.jsonl");
    writeFileSync(path, transcript([userPrompt("hello")]));
    const result = await write({ transcriptPath: path });
    expect(result.sections).toEqual(["User prompts (verbatim)"]);
    expect(result.bytes).toBeLessThan(1_500);
  });

  it("a busy session gives 30k+ characters, long outputs cut with their full size noted", async () => {
    const { write } = setup();
    const lines: Array<string | string[]> = [];
    for (let turn = 1; turn <= 40; turn++) {
      lines.push(
        userPrompt(
          `Step ${turn}: refactor module ${turn}, keep the public API, and explain the change in the changelog.`,
        ),
      );
      const bash = toolUse("Bash", { command: `npm test -- module-${turn}`, description: `Test module ${turn}` });
      const edit = toolUse("Edit", { file_path: `/p/src/module-${turn}.ts`, old_string: "a", new_string: "b" });
      lines.push(assistantResponse({ input: 1_000 * turn }, [text(`Working on module ${turn}.`), bash, edit]));
      const log = Array.from(
        { length: 12 },
        (_, i) => `  ✓ module-${turn} case ${i + 1}: keeps the exported API (${i + 3} ms)`,
      ).join("\n");
      lines.push(toolResult(bash.id, turn === 7 ? "x".repeat(50_000) : `PASS module-${turn}\n${log}`));
      lines.push(toolResult(edit.id, "The file has been updated."));
      lines.push(
        assistantResponse({ input: 1_000 * turn + 500 }, [
          text(`Module ${turn} is refactored: the exported names stay, internals moved to helpers.`),
        ]),
      );
    }
    const path = join(tempDir(), "busy.jsonl");
    writeFileSync(path, transcript(lines));
    const result = await write({ transcriptPath: path, maxChars: 100_000 });
    const doc = readFileSync(result.path, "utf8");
    expect(doc.length).toBeGreaterThan(30_000);
    expect(doc).toContain("[cut: 50,000 chars in full]");
    expect(doc.length).toBeLessThan(60_000);
    expect(result).toMatchObject({ promptsIncluded: 40, commandsRun: 40, filesTouched: 40, maxChars: 100_000 });
    // At the default budget of a 200k window the same session fits 40,000 characters, newest work first.
    const fitted = await write({ transcriptPath: path });
    expect(fitted).toMatchObject({ maxChars: 40_000 });
    const small = readFileSync(fitted.path, "utf8");
    expect(small.length).toBeLessThanOrEqual(40_000);
    expect(small).toContain("`npm test -- module-40`");
  });
});
