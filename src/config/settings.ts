// User settings: environment first, then an optional JSON file, then defaults.
//   CTX_MONITOR_WARN_PERCENT / CTX_MONITOR_CRITICAL_PERCENT — percent of the auto-compact point
//   CTX_MONITOR_BUDGET — a working budget in tokens ("300000" or "300k"), below the auto-compact point
//   CTX_MONITOR_CONFIG — path of the file; default <claude config dir>/ctx-monitor/config.json:
//   { "warnPercent": 75, "criticalPercent": 90, "handoffDir": ".claude/handoffs", "budget": "300k" }
//   CTX_MONITOR_HANDOFF_MAX_CHARS / "handoffMaxChars" — a handoff's size budget (default: 5% of the window)

import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { ctxMonitorStateDir } from "../claude/paths.ts";
import { readRegularText } from "../fs/open-regular.ts";
import { type Budget, NO_BUDGET, parseBudget } from "./budget.ts";
import { parseHandoffChars } from "./handoff-size.ts";

interface ConfigFile {
  warnPercent?: number;
  criticalPercent?: number;
  handoffMaxChars?: number;
  handoffDir?: string;
  budget?: Budget;
}

const isPercent = (value: unknown): value is number => typeof value === "number" && value > 0 && value <= 100;

/** Checks the config file's shape by hand: the CLI's start-up time matters (the statusline runs it). */
function parseConfigFile(value: unknown): { config: ConfigFile; problems: string[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { config: {}, problems: ["not a JSON object"] };
  const config: ConfigFile = {};
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === "warnPercent" || key === "criticalPercent") {
      if (isPercent(raw)) config[key] = raw;
      else problems.push(`${key}: expected a number in (0, 100], got ${JSON.stringify(raw)}`);
    } else if (key === "handoffMaxChars") {
      const chars = handoffChars(raw, key, problems);
      if (chars !== undefined) config.handoffMaxChars = chars;
    } else if (key === "budget") {
      config.budget = parseBudget(raw, "budget");
    } else if (key === "handoffDir") {
      if (typeof raw === "string" && raw) config.handoffDir = raw;
      else problems.push(`handoffDir: expected a folder path, got ${JSON.stringify(raw)}`);
    } else {
      problems.push(`${key}: unknown setting`);
    }
  }
  return { config, problems };
}

interface Settings {
  warnPercent: number;
  criticalPercent: number;
  handoffDir: string | null;
  /** A handoff's size budget in characters; null: from the session's window. */
  handoffMaxChars: number | null;
  /** The working budget: the environment's, else the file's; a refused value carries its problem. */
  budget: Budget;
  /** Problems found in the environment or the config file; the defaults were used instead. */
  problems: string[];
}

export const DEFAULT_SETTINGS = { warnPercent: 75, criticalPercent: 90 } as const;

function configFilePath(runtime: Runtime): string {
  return runtime.env.CTX_MONITOR_CONFIG || join(ctxMonitorStateDir(runtime), "config.json");
}

export function loadSettings(runtime: Runtime): Settings {
  const problems: string[] = [];
  const path = configFilePath(runtime);
  const file = readConfigFile(path, problems);
  const envChars = runtime.env.CTX_MONITOR_HANDOFF_MAX_CHARS;
  const handoffMaxChars =
    (envChars ? handoffChars(envChars, "CTX_MONITOR_HANDOFF_MAX_CHARS", problems) : undefined) ??
    file.handoffMaxChars ??
    null;
  const fromEnv = parseBudget(runtime.env.CTX_MONITOR_BUDGET, "CTX_MONITOR_BUDGET");
  const fromFile = file.budget?.problem ? { tokens: null, problem: `${path}: ${file.budget.problem}` } : file.budget;
  const budget = fromEnv.tokens !== null || fromEnv.problem ? fromEnv : (fromFile ?? NO_BUDGET);
  const warnPercent =
    envPercent(runtime, "CTX_MONITOR_WARN_PERCENT", problems) ?? file.warnPercent ?? DEFAULT_SETTINGS.warnPercent;
  const criticalPercent =
    envPercent(runtime, "CTX_MONITOR_CRITICAL_PERCENT", problems) ??
    file.criticalPercent ??
    DEFAULT_SETTINGS.criticalPercent;
  if (warnPercent >= criticalPercent) {
    problems.push(
      `warn percent ${warnPercent} is not below critical percent ${criticalPercent}; using ${DEFAULT_SETTINGS.warnPercent}/${DEFAULT_SETTINGS.criticalPercent}`,
    );
    return {
      ...DEFAULT_SETTINGS,
      handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null,
      handoffMaxChars,
      budget,
      problems,
    };
  }
  return {
    warnPercent,
    criticalPercent,
    handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null,
    handoffMaxChars,
    budget,
    problems,
  };
}

function envPercent(runtime: Runtime, name: string, problems: string[]): number | undefined {
  const raw = runtime.env[name];
  if (raw === undefined || raw === "") return undefined;
  const parsed = Number(raw);
  if (isPercent(parsed)) return parsed;
  problems.push(`${name}=${JSON.stringify(raw)} is not a percentage in (0, 100]; ignored`);
  return undefined;
}

/** A handoff size from the environment or the file, or undefined with the problem noted (the default is used). */
function handoffChars(raw: unknown, where: string, problems: string[]): number | undefined {
  try {
    return parseHandoffChars(raw, where);
  } catch (error) {
    problems.push(`${(error as Error).message}; the default (5% of the window) is used`);
    return undefined;
  }
}

function readConfigFile(path: string, problems: string[]): ConfigFile {
  let text: string;
  try {
    text = readRegularText(path);
  } catch {
    return {};
  }
  try {
    const parsed = parseConfigFile(JSON.parse(text));
    problems.push(...parsed.problems.map((problem) => `${path}: ${problem}; ignored`));
    return parsed.config;
  } catch (error) {
    problems.push(`${path} is not valid JSON (${(error as Error).message}); ignored`);
    return {};
  }
}
