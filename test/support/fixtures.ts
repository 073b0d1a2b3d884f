// The bundled real-client fixtures and the truth recorded with them (see fixtures/README.md).
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/transcripts/", import.meta.url));
export const FIXTURE_NAMES = ["busy-session", "compacted-session", "default-model"] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export interface FixtureTruth {
  name: string;
  claudeCodeVersion: string;
  sessionId: string;
  model: string | null;
  contextWindow: number | null;
  mainRequestTotals: number[];
  usedTokens: number;
  subagentRequestTotals: number[];
  prompts: string[];
  slashCommands: string[];
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
  return readFileSync(fixturePath(name), "utf8").split("\n").filter((line) => line.trim());
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
