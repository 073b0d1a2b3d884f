// Every secret shape of the corpus planted in every place a handoff renders, one handoff per shape:
// none may appear in the document, and each place must really be rendered (a marker next to the
// secret shows it), so a place that silently disappears cannot pass for a redacted one.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUsageDeps } from "../../src/context/read-usage.ts";
import { createHandoffDeps, writeHandoff } from "../../src/handoff/write-handoff.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";
import { SECRET_SHAPES, type SecretShape } from "../support/secret-corpus.ts";
import {
  assistantResponse,
  SESSION_ID,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

const PLACES = [
  "prompt",
  "command",
  "output",
  "failed-output",
  "tool-error",
  "assistant-text",
  "subagent-prompt",
  "subagent-report",
  "task",
  "notes",
] as const;

function failedResult(toolUseId: string, content: string): string {
  const line = JSON.parse(toolResult(toolUseId, content)) as { message: { content: Array<Record<string, unknown>> } };
  line.message.content[0]!.is_error = true;
  return JSON.stringify(line);
}

/** A session where the shape's text stands in every place, each behind a marker naming the place. */
function sessionWith(shape: SecretShape): string {
  const at = (place: string) => `CELL-${place} ${shape.text}`;
  // Long enough that a label cut at 72 characters would fall inside the secret.
  const command = `cd /srv/app && echo starting the deploy now && ${at("command")}`;
  const bash = toolUse("Bash", { command, description: "Deploy" });
  const failing = toolUse("Bash", { command: "npm run migrate", description: "Migrate" });
  const read = toolUse("Read", { file_path: "/srv/app/config.yml" });
  const agent = toolUse("Task", {
    description: "Check the config",
    subagent_type: "general-purpose",
    prompt: at("subagent-prompt"),
  });
  const todo = toolUse("TodoWrite", { todos: [{ id: "1", content: at("task"), status: "in_progress" }] });
  return transcript([
    userPrompt(at("prompt")),
    assistantResponse({ input: 1_000 }, [text(at("assistant-text")), bash, failing, read, agent, todo]),
    toolResult(bash.id, at("output")),
    failedResult(failing.id, at("failed-output")),
    failedResult(read.id, at("tool-error")),
    toolResult(agent.id, at("subagent-report")),
    toolResult(todo.id, "Todos have been modified successfully"),
    assistantResponse({ input: 2_000 }, [text("Done for now.")]),
  ]);
}

describe("the secret corpus in every place a handoff renders", () => {
  it(`leaks none of ${SECRET_SHAPES.length} shapes in ${PLACES.length} places`, async () => {
    const home = tempDir();
    const project = join(home, "project");
    mkdirSync(project);
    const runtime = fakeRuntime({ homeDir: home, cwd: project, env: { CLAUDE_CONFIG_DIR: join(home, ".claude") } });
    const deps = { ...createHandoffDeps(runtime, createUsageDeps(runtime)), git: async () => null };
    const leaks: string[] = [];
    let cells = 0;
    for (const [index, shape] of SECRET_SHAPES.entries()) {
      const path = join(home, `${SESSION_ID.slice(0, -4)}${String(index).padStart(4, "0")}.jsonl`);
      writeFileSync(path, sessionWith(shape));
      const result = await writeHandoff(
        {
          transcriptPath: path,
          projectDir: project,
          name: `shape-${index}`,
          notes: { warnings: `CELL-notes ${shape.text}` },
        },
        deps,
      );
      const doc = readFileSync(result.path, "utf8");
      for (const place of PLACES) {
        expect(doc, `${place} is rendered for ${shape.name}`).toContain(`CELL-${place}`);
        cells++;
      }
      if (doc.includes(shape.secret)) leaks.push(shape.name);
      expect(result.redactions).toBeGreaterThanOrEqual(PLACES.length);
    }
    expect(cells).toBeGreaterThanOrEqual(600);
    expect(leaks).toEqual([]);
  });
});
