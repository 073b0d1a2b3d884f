// The bundled real-client fixtures and the truth recorded with them (see fixtures/README.md).
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/transcripts/", import.meta.url));
export const FIXTURE_NAMES = ["busy-session", "compacted-session", "default-model", "current-claude-code"] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

/** What the stand-in API measured while a fixture's session ran (written by `npm run fixtures`). */
export interface FixtureTruth {
  name: string;
  description: string;
  claudeCodeVersion: string;
  sessionId: string;
  model: string | null;
  /** Claude Code's own figure, from `--output-format json` modelUsage. */
  contextWindow: number | null;
  /** Exact context size of every main-chain request, in order. */
  mainRequestTotals: number[];
  /** The newest main-chain request's total: what usage must report for the whole file. */
  usedTokens: number;
  /** Exact context size of every subagent request, in order (all subagents of the session). */
  subagentRequestTotals: number[];
  /** The user's prompts verbatim; slash commands apart. */
  prompts: string[];
  slashCommands: string[];
  /** What the scripted model asked the tools for, with neutral paths. */
  readFiles: string[];
  editedFiles: string[];
  writtenFiles: string[];
  bashCommands: string[];
  subagents: number;
  compactions: Array<{ preTokens: number | null; postTokens: number | null; nextRequestTotal: number | null }>;
  plantedSecrets: string[];
}

export function fixturePath(name: FixtureName): string {
  return join(FIXTURES_DIR, `${name}.jsonl`);
}

export function fixtureTruth(name: FixtureName): FixtureTruth {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.truth.json`), "utf8")) as FixtureTruth;
}

export function fixtureLines(name: FixtureName): string[] {
  return readFileSync(fixturePath(name), "utf8")
    .split("\n")
    .filter((line) => line.trim());
}

/** Copies a fixture (and its sidecar folder) to `dir` as `<sessionId>.jsonl`, where Claude Code keeps it. */
export function stageFixture(name: FixtureName, dir: string): string {
  const truth = fixtureTruth(name);
  const target = join(dir, `${truth.sessionId}.jsonl`);
  cpSync(fixturePath(name), target);
  const sidecar = join(FIXTURES_DIR, name);
  if (existsSync(sidecar)) cpSync(sidecar, join(dir, truth.sessionId), { recursive: true });
  return target;
}
