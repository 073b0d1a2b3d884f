// The digest handed to a new session when a handoff is larger than the context should take: every
// section present, the first and newest prompts verbatim, the agent's notes whole, and each cut naming
// the lines of the full file that hold what was left out.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_HANDOFF_CHARS } from "../../src/config/handoff-size.ts";
import { createUsageDeps } from "../../src/context/read-usage.ts";
import { digestHandoff, parseHandoff } from "../../src/handoff/digest.ts";
import { createHandoffDeps, writeHandoff } from "../../src/handoff/write-handoff.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import { assistantResponse, text, toolResult, toolUse, transcript, userPrompt } from "../support/transcript-builder.ts";

const promptText = (n: number) =>
  `Prompt ${n}: refactor module ${n}.\n\n## Not a heading of the handoff\n\n\`\`\`ts\nexport const value${n} = ${n};\n\`\`\`\n${"Keep the API stable. ".repeat(n % 5 === 0 ? 40 : 3)}`;

async function longHandoff(
  prompts: number,
  extraNotes: Record<string, string> = {},
): Promise<{ path: string; doc: string }> {
  const home = tempDir();
  const project = join(home, "project");
  mkdirSync(project);
  const runtime = fakeRuntime({ homeDir: home, cwd: project, env: { CLAUDE_CONFIG_DIR: join(home, ".claude") } });
  const deps = {
    ...createHandoffDeps(runtime, createUsageDeps(runtime)),
    git: async () => ({ branch: "main", status: " M src/a.ts\n", diffStat: "" }),
  };
  const lines: Array<string | string[]> = [];
  for (let n = 1; n <= prompts; n++) {
    lines.push(userPrompt(promptText(n)));
    const bash = toolUse("Bash", { command: `npm test -- module-${n}`, description: `Test module ${n}` });
    lines.push(assistantResponse({ input: 1_000 + n }, [text(`Working on module ${n}.`), bash]));
    lines.push(
      toolResult(
        bash.id,
        n % 3
          ? `PASS module-${n}\n${"  ✓ case\n".repeat(30)}`
          : `Exit code 1\nFAIL module-${n}\n${"  ✗ case\n".repeat(100)}`,
      ),
    );
  }
  const transcriptPath = join(tempDir(), "00000000-0000-4000-8000-00000000d1d1.jsonl");
  writeFileSync(transcriptPath, transcript(lines));
  const notes = {
    goal: "Refactor every module without changing the API.",
    nextSteps: "1. module 2001\n2. release notes",
    ...extraNotes,
  };
  // The largest size a writer allows: the digest is for handoffs larger than the context reads back.
  const result = await writeHandoff({ notes, projectDir: project, transcriptPath, maxChars: MAX_HANDOFF_CHARS }, deps);
  return { path: result.path, doc: readFileSync(result.path, "utf8") };
}

/** Fences opened and closed in order: a digest must still be well-formed Markdown. */
function fencesBalanced(markdown: string): boolean {
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    if (fence) {
      if (line.trim() === fence) fence = null;
    } else {
      fence = /^\s*(`{3,})/.exec(line)?.[1] ?? null;
    }
  }
  return fence === null;
}

describe("digestHandoff", () => {
  it("gives a handoff that fits back unchanged", async () => {
    const { path, doc } = await longHandoff(3);
    expect(digestHandoff(doc, path)).toBe(doc);
  });

  it("cuts a long session's handoff to the budget, keeping every section, the first and newest prompts and the notes", async () => {
    const { path, doc } = await longHandoff(600);
    expect(doc.length).toBeGreaterThan(200_000);
    const digest = digestHandoff(doc, path, 60_000);
    expect(digest.length).toBeLessThanOrEqual(62_000);
    expect(fencesBalanced(digest)).toBe(true);
    expect(digest).toContain(`The full document is \`${path}\``);
    for (const heading of doc.split("\n").filter((line) => line.startsWith("## "))) expect(digest).toContain(heading);
    expect(digest).toContain("Refactor every module without changing the API.");
    expect(digest).toContain("1. module 2001\n2. release notes");
    expect(digest).toContain(promptText(1));
    expect(digest).toContain(promptText(600));
    expect(digest).not.toContain(promptText(300));
    expect(digest).toContain("npm test -- module-600");
  });

  it("names the exact lines of the full file that each cut left out", async () => {
    const { path, doc } = await longHandoff(400);
    const digest = digestHandoff(doc, path, 50_000);
    const fileLines = doc.split("\n");
    const cuts = [...digest.matchAll(/_\[(\d+) entr(?:y|ies) left out here: lines (\d+)–(\d+) of `([^`]+)`\]_/g)];
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    for (const [, count, from, to, file] of cuts) {
      expect(file).toBe(path);
      const held = fileLines.slice(Number(from) - 1, Number(to)).join("\n");
      // What the lines hold is exactly what the digest does not.
      expect(digest).not.toContain(held);
      expect(Number(count)).toBeGreaterThan(0);
      expect(fileLines[Number(from) - 1]).toMatch(/^(### |\d+\. |- |\| )/);
    }
    const prompts = cuts.find(([, , from]) => fileLines[Number(from) - 1]!.startsWith("### Prompt"));
    expect(prompts).toBeDefined();
    expect(fileLines[Number(prompts![2]) - 1]).toMatch(/^### Prompt 2 — /);
  });

  it("does not take a heading quoted inside a prompt for a section of the handoff", async () => {
    const { doc } = await longHandoff(5);
    const headings = parseHandoff(doc).map((section) => section.heading);
    expect(headings).not.toContain("Not a heading of the handoff");
    expect(headings).toContain("User prompts (verbatim)");
  });

  it("cuts an entry too large on its own (a note that is one long code block) and closes its fence", async () => {
    const log = Array.from({ length: 2_000 }, (_, i) => `line ${i + 1} of the build log`).join("\n");
    const { path, doc } = await longHandoff(2, { currentState: `The build log:\n\n\`\`\`\n${log}\n\`\`\`` });
    const digest = digestHandoff(doc, path, 40_000);
    expect(digest.length).toBeLessThanOrEqual(42_000);
    expect(digest).toContain("line 1 of the build log");
    expect(digest).toMatch(/\[cut: [\d,]+ chars in full, lines \d+–\d+ of `[^`]+`\]\n```/);
    expect(digest).toContain("### Next steps\n\n1. module 2001\n2. release notes");
    expect(fencesBalanced(digest)).toBe(true);
    expect(digest).toContain(promptText(2));
  });
});
