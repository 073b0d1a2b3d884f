// `npm run fixtures`: records each session in fixtures/specs.ts with the real Claude Code against
// the stand-in API, normalises it, and writes fixtures/transcripts/<name>.jsonl, its sidecar folder
// (subagent transcripts) and <name>.truth.json (the exact figures the stand-in measured).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { FixtureTruth } from "../support/fixtures.ts";
import { type RecordedRequest, startFakeApi } from "./fake-api/server.ts";
import { NEUTRAL_PROJECT, Normalizer } from "./fixtures/normalize.ts";
import { FIXTURES, type FixtureSpec } from "./fixtures/specs.ts";
import { type ClaudeResult, createSandbox } from "./sandbox.ts";

const OUT = fileURLToPath(new URL("../../fixtures/transcripts/", import.meta.url));

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function scriptedInputs(spec: FixtureSpec, project: string, tool: string, key: string): string[] {
  const values = spec
    .runs(project)
    .flatMap((run) => [...run.script.main, ...(run.script.subagent ?? [])].flat())
    .flatMap((block) =>
      block.type === "tool_use" && block.name === tool && typeof block.input[key] === "string"
        ? [block.input[key] as string]
        : [],
    );
  return [...new Set(values.map((value) => value.replaceAll(project, NEUTRAL_PROJECT)))];
}

async function record(spec: FixtureSpec, number: number): Promise<void> {
  const api = await startFakeApi({ main: [] });
  const sandbox = createSandbox(api.url, { version: spec.claudeCodeVersion });
  try {
    for (const [path, content] of Object.entries(spec.files ?? {})) {
      mkdirSync(dirname(join(sandbox.project, path)), { recursive: true });
      writeFileSync(join(sandbox.project, path), content);
    }
    let sessionId: string | null = null;
    let last: ClaudeResult | null = null;
    const runs = spec.runs(sandbox.project);
    for (const run of runs) {
      api.setScript(run.script);
      const args = [
        "-p",
        run.prompt,
        ...(run.model ? ["--model", run.model] : []),
        ...(run.resume && sessionId ? ["--resume", sessionId] : []),
      ];
      last = await sandbox.claude(args);
      sessionId ??= last.session_id;
    }
    if (!sessionId || !last) throw new Error(`${spec.name}: no session was recorded`);
    const transcript = sandbox.transcriptPath(sessionId);
    const sidecar = transcript.replace(/\.jsonl$/, "");
    const sidecarFiles = listFiles(sidecar);
    const normalizer = new Normalizer(
      { root: dirname(sandbox.home), home: sandbox.home, project: sandbox.project },
      number,
    );
    const sources = [transcript, ...sidecarFiles].map((path) => readFileSync(path, "utf8"));
    normalizer.learnTimestamps(sources);
    normalizer.learnAgentIds(sidecarFiles);

    rmSync(join(OUT, spec.name), { recursive: true, force: true });
    writeFileSync(join(OUT, `${spec.name}.jsonl`), normalizer.text(sources[0]!));
    sidecarFiles.forEach((path, index) => {
      const target = join(OUT, spec.name, normalizer.text(relative(sidecar, path)));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, normalizer.text(sources[index + 1]!));
    });

    const main = api.requests.filter((request) => request.kind === "main");
    const truth: FixtureTruth = {
      name: spec.name,
      description: spec.description,
      claudeCodeVersion: sandbox.version,
      sessionId: normalizer.id(sessionId),
      model: main.at(-1)?.body.model ?? null,
      contextWindow: Object.values(last.modelUsage ?? {})[0]?.contextWindow ?? null,
      mainRequestTotals: main.map((request) => request.total),
      usedTokens: main.at(-1)?.total ?? 0,
      subagentRequestTotals: api.requests
        .filter((request) => request.kind === "subagent")
        .map((request) => request.total),
      prompts: runs.map((run) => run.prompt).filter((prompt) => !prompt.startsWith("/")),
      slashCommands: runs.map((run) => run.prompt).filter((prompt) => prompt.startsWith("/")),
      readFiles: scriptedInputs(spec, sandbox.project, "Read", "file_path"),
      editedFiles: scriptedInputs(spec, sandbox.project, "Edit", "file_path"),
      writtenFiles: scriptedInputs(spec, sandbox.project, "Write", "file_path"),
      bashCommands: scriptedInputs(spec, sandbox.project, "Bash", "command"),
      subagents: sidecarFiles.filter((path) => /agent-[^/]*\.jsonl$/.test(path)).length,
      compactions: compactionsOf(api.requests),
      plantedSecrets: spec.plantedSecrets ?? [],
    };
    writeFileSync(join(OUT, `${spec.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
    process.stderr.write(
      `${spec.name}: ${main.length} main requests, last ${truth.usedTokens} tokens, ${sidecarFiles.length} sidecar files\n`,
    );
  } finally {
    await api.close();
    sandbox.remove();
  }
}

/** Each compaction request, with the first main request after it (the first exact figure again). */
function compactionsOf(requests: readonly RecordedRequest[]): FixtureTruth["compactions"] {
  return requests.flatMap((request, index) => {
    if (request.kind !== "compaction") return [];
    const next = requests.slice(index + 1).find((later) => later.kind === "main");
    return [{ preTokens: request.total, postTokens: null, nextRequestTotal: next?.total ?? null }];
  });
}

mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
let number = 0;
for (const spec of FIXTURES) {
  number++;
  if (only.length && !only.includes(spec.name)) continue;
  await record(spec, number);
}
