// User settings: environment first, then an optional JSON file, then defaults.
//   CTX_MONITOR_WARN_PERCENT / CTX_MONITOR_CRITICAL_PERCENT — percent of the auto-compact point
//   CTX_MONITOR_CONFIG — path of the file; default <claude config dir>/ctx-monitor/config.json:
//   { "warnPercent": 75, "criticalPercent": 90, "handoffDir": ".claude/handoffs" }
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ctxMonitorStateDir } from "./claude/paths.ts";
import type { Runtime } from "./runtime.ts";

const Percent = z.number().gt(0).lte(100);

export const ConfigFileSchema = z
  .object({
    warnPercent: Percent.optional(),
    criticalPercent: Percent.optional(),
    handoffDir: z.string().min(1).optional(),
  })
  .strict();

export interface Settings {
  warnPercent: number;
  criticalPercent: number;
  handoffDir: string | null;
  /** Problems found in the environment or the config file; the defaults were used instead. */
  problems: string[];
}

export const DEFAULT_SETTINGS = { warnPercent: 75, criticalPercent: 90 } as const;

export function configFilePath(runtime: Runtime): string {
  return runtime.env.CTX_MONITOR_CONFIG || join(ctxMonitorStateDir(runtime), "config.json");
}

export function loadSettings(runtime: Runtime): Settings {
  const problems: string[] = [];
  const file = readConfigFile(configFilePath(runtime), problems);
  const warnPercent = envPercent(runtime, "CTX_MONITOR_WARN_PERCENT", problems) ?? file.warnPercent ?? DEFAULT_SETTINGS.warnPercent;
  const criticalPercent =
    envPercent(runtime, "CTX_MONITOR_CRITICAL_PERCENT", problems) ?? file.criticalPercent ?? DEFAULT_SETTINGS.criticalPercent;
  if (warnPercent >= criticalPercent) {
    problems.push(`warn percent ${warnPercent} is not below critical percent ${criticalPercent}; using ${DEFAULT_SETTINGS.warnPercent}/${DEFAULT_SETTINGS.criticalPercent}`);
    return { ...DEFAULT_SETTINGS, handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null, problems };
  }
  return { warnPercent, criticalPercent, handoffDir: runtime.env.CTX_MONITOR_HANDOFF_DIR || file.handoffDir || null, problems };
}

function envPercent(runtime: Runtime, name: string, problems: string[]): number | undefined {
  const raw = runtime.env[name];
  if (raw === undefined || raw === "") return undefined;
  const parsed = Percent.safeParse(Number(raw));
  if (parsed.success) return parsed.data;
  problems.push(`${name}=${JSON.stringify(raw)} is not a percentage in (0, 100]; ignored`);
  return undefined;
}

function readConfigFile(path: string, problems: string[]): z.infer<typeof ConfigFileSchema> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    const parsed = ConfigFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    problems.push(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`).join("; ")}; ignored`);
  } catch (error) {
    problems.push(`${path} is not valid JSON (${(error as Error).message}); ignored`);
  }
  return {};
}
