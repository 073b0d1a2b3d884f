// The edits install and uninstall make to a Claude Code settings file (hooks and statusline) and to
// an MCP server list (`.claude.json` for the user, `.mcp.json` for a project). Pure: text in, text and
// a description of each change out; running a plan on its own result changes nothing.
import { readJsonObject, setJson } from "./json-text.ts";
import {
  type Executables,
  HOOKS,
  hookCommand,
  isOurHookCommand,
  isOurStatusline,
  isOurSubagentStatusline,
  SERVER_NAME,
  serverEntry,
  statuslineCommand,
  subagentStatuslineCommand,
} from "./wiring.ts";

interface Planned {
  text: string;
  changes: string[];
  notes: string[];
  /** The user's own statusline, replaced on request (kept so that uninstall can put it back). */
  replacedStatusline?: unknown;
  /** The same for the user's own subagent statusline. */
  replacedSubagentStatusline?: unknown;
}

/** The two settings ctx-monitor shows itself in: the statusline, and the agent panel's subagent rows. */
interface StatuslineSetting {
  key: "statusLine" | "subagentStatusLine";
  /** How the changes and notes name it. */
  name: string;
  wanted(executables: Executables): Json;
  isOurs(command: unknown): boolean;
}

const STATUSLINES: readonly [StatuslineSetting, StatuslineSetting] = [
  {
    key: "statusLine",
    name: "statusline",
    wanted: (executables) => ({ type: "command", command: statuslineCommand(executables), padding: 0 }),
    isOurs: isOurStatusline,
  },
  {
    key: "subagentStatusLine",
    name: "subagent statusline",
    wanted: (executables) => ({ type: "command", command: subagentStatuslineCommand(executables) }),
    isOurs: isOurSubagentStatusline,
  },
];

/**
 * One statusline setting: set when absent, updated when ours, and the user's own kept unless
 * `statusline` asks to replace it (then returned as `replaced`, for uninstall to put back).
 */
function planStatuslineInstall(
  text: string,
  path: string,
  setting: StatuslineSetting,
  executables: Executables,
  options: { statusline: boolean; userStatusline?: unknown },
): { text: string; changes: string[]; notes: string[]; replaced?: unknown } {
  const { key, name } = setting;
  const wanted = setting.wanted(executables);
  const existing = asObject(readJsonObject(text, path)[key]);
  const hidden = asObject(options.userStatusline);
  const yours = (value: Json) => JSON.stringify(value.command ?? value);
  if (!existing && hidden && !options.statusline)
    return {
      text,
      changes: [],
      notes: [
        `kept your ${name} (${yours(hidden)}, in your user settings): a project ${name} would hide it; pass --statusline to use ctx-monitor's in this project`,
      ],
    };
  if (!existing)
    return {
      text: setJson(text, [key], wanted),
      changes: [
        hidden
          ? `set the ${name}: ${wanted.command} (it hides yours, ${yours(hidden)}, in this project)`
          : `set the ${name}: ${wanted.command}`,
      ],
      notes: [],
    };
  if (setting.isOurs(existing.command)) {
    if (existing.command === wanted.command) return { text, changes: [], notes: [] };
    return {
      text: setJson(text, [key, "command"], wanted.command),
      changes: [`update the ${name} to ${wanted.command}`],
      notes: [],
    };
  }
  if (options.statusline)
    return {
      text: setJson(text, [key], wanted),
      changes: [`replace your ${name} (${yours(existing)}) with ${wanted.command}; uninstall puts yours back`],
      notes: [],
      replaced: existing,
    };
  return {
    text,
    changes: [],
    notes: [`kept your ${name} (${yours(existing)}); pass --statusline to use ctx-monitor's instead`],
  };
}

/** Ours goes: the user's own comes back when install replaced it, else the setting is removed. */
function planStatuslineUninstall(
  text: string,
  path: string,
  setting: StatuslineSetting,
  restore: unknown,
): { text: string; changes: string[] } {
  const existing = asObject(readJsonObject(text, path)[setting.key]);
  if (!existing || !setting.isOurs(existing.command)) return { text, changes: [] };
  const back = asObject(restore);
  if (back)
    return {
      text: setJson(text, [setting.key], back),
      changes: [`put your ${setting.name} back (${JSON.stringify(back.command)})`],
    };
  return { text: setJson(text, [setting.key], undefined), changes: [`remove the ${setting.name}`] };
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Where our command sits in hooks[name]: group and entry index, or null. */
function findOurHook(doc: Json, name: string, event: Parameters<typeof isOurHookCommand>[1]): [number, number] | null {
  const groups = asArray(asObject(doc.hooks)?.[name]);
  for (const [g, group] of groups.entries()) {
    for (const [h, hook] of asArray(asObject(group)?.hooks).entries()) {
      if (isOurHookCommand(asObject(hook)?.command, event)) return [g, h];
    }
  }
  return null;
}

/** The settings `env` variable that has Claude Code write its request bodies for ctx-monitor to digest (`--capture`). */
const CAPTURE_VARIABLE = "OTEL_LOG_RAW_API_BODIES";

/** `capture`: the variable's value (`file:<dir>`) when install was asked to turn capture on. */
function planCaptureInstall(
  text: string,
  path: string,
  capture: string | undefined,
  changes: string[],
  notes: string[],
): string {
  if (capture === undefined) return text;
  const env = asObject(readJsonObject(text, path).env);
  const existing = env?.[CAPTURE_VARIABLE];
  if (existing === capture) return text;
  if (existing !== undefined) {
    notes.push(
      `kept your ${CAPTURE_VARIABLE} (${JSON.stringify(existing)}); ctx-monitor reads the bodies from there too`,
    );
    return text;
  }
  changes.push(`have Claude Code write its request bodies for ctx-monitor (env ${CAPTURE_VARIABLE}=${capture})`);
  return env
    ? setJson(text, ["env", CAPTURE_VARIABLE], capture)
    : setJson(text, ["env"], { [CAPTURE_VARIABLE]: capture });
}

function planCaptureUninstall(text: string, path: string, capture: string, changes: string[]): string {
  const env = asObject(readJsonObject(text, path).env);
  if (env?.[CAPTURE_VARIABLE] !== capture) return text;
  changes.push(`stop the request-body capture (env ${CAPTURE_VARIABLE})`);
  // The env object goes too when ours was all it held (install created it then).
  return setJson(text, Object.keys(env).length === 1 ? ["env"] : ["env", CAPTURE_VARIABLE], undefined);
}

export function planSettingsInstall(
  text: string,
  path: string,
  executables: Executables,
  options: {
    statusline: boolean;
    capture?: string;
    /** false: the statusline alone (the plugin brings its own hooks). */
    hooks?: boolean;
    /** A project install: the user's own statusline, which a project statusline would hide. */
    userStatusline?: unknown;
    /** The same for the user's own subagent statusline. */
    userSubagentStatusline?: unknown;
  },
): Planned {
  let current = text;
  const changes: string[] = [];
  const notes: string[] = [];
  for (const { event, name } of options.hooks === false ? [] : HOOKS) {
    const doc = readJsonObject(current, path);
    const command = hookCommand(executables, event);
    const found = findOurHook(doc, name, event);
    if (found) {
      const [g, h] = found;
      const existing = asObject(asArray(asObject(asArray(asObject(doc.hooks)?.[name])[g])?.hooks)[h])?.command;
      if (existing !== command) {
        current = setJson(current, ["hooks", name, g, "hooks", h, "command"], command);
        changes.push(`update the ${name} hook to ${command}`);
      }
      continue;
    }
    const group = { hooks: [{ type: "command", command }] };
    const groups = asObject(doc.hooks)?.[name];
    current = Array.isArray(groups)
      ? setJson(current, ["hooks", name, groups.length], group, true)
      : setJson(current, ["hooks", name], [group]);
    changes.push(`add the ${name} hook: ${command}`);
  }
  const main = planStatuslineInstall(current, path, STATUSLINES[0], executables, options);
  const subagent = planStatuslineInstall(main.text, path, STATUSLINES[1], executables, {
    ...options,
    userStatusline: options.userSubagentStatusline,
  });
  current = subagent.text;
  changes.push(...main.changes, ...subagent.changes);
  notes.push(...main.notes, ...subagent.notes);
  current = planCaptureInstall(current, path, options.capture, changes, notes);
  return {
    text: current,
    changes,
    notes,
    ...(main.replaced !== undefined ? { replacedStatusline: main.replaced } : {}),
    ...(subagent.replaced !== undefined ? { replacedSubagentStatusline: subagent.replaced } : {}),
  };
}

export function planSettingsUninstall(
  text: string,
  path: string,
  restoreStatusline: unknown,
  capture: string,
  options: { hooks?: boolean; restoreSubagentStatusline?: unknown } = {},
): Planned {
  let current = text;
  const changes: string[] = [];
  for (const { event, name } of options.hooks === false ? [] : HOOKS) {
    for (
      let found = findOurHook(readJsonObject(current, path), name, event);
      found;
      found = findOurHook(readJsonObject(current, path), name, event)
    ) {
      const [g, h] = found;
      const doc = readJsonObject(current, path);
      const groups = asArray(asObject(doc.hooks)?.[name]);
      const group = asObject(groups[g]);
      if (asArray(group?.hooks).length > 1) current = setJson(current, ["hooks", name, g, "hooks", h], undefined);
      else if (groups.length > 1) current = setJson(current, ["hooks", name, g], undefined);
      else current = setJson(current, ["hooks", name], undefined);
      changes.push(`remove the ${name} hook`);
    }
  }
  const hooks = asObject(readJsonObject(current, path).hooks);
  if (hooks && Object.keys(hooks).length === 0) current = setJson(current, ["hooks"], undefined);
  for (const [setting, restore] of [
    [STATUSLINES[0], restoreStatusline],
    [STATUSLINES[1], options.restoreSubagentStatusline],
  ] as const) {
    const planned = planStatuslineUninstall(current, path, setting, restore);
    current = planned.text;
    changes.push(...planned.changes);
  }
  if (options.hooks !== false) current = planCaptureUninstall(current, path, capture, changes);
  return { text: current, changes, notes: [] };
}

export function planServerInstall(text: string, path: string, executables: Executables): Planned {
  const doc = readJsonObject(text, path);
  const wanted = serverEntry(executables);
  const existing = asObject(asObject(doc.mcpServers)?.[SERVER_NAME]);
  if (
    existing &&
    JSON.stringify(existing.command) === JSON.stringify(wanted.command) &&
    JSON.stringify(existing.args) === JSON.stringify(wanted.args)
  ) {
    return { text, changes: [], notes: [] };
  }
  const next = asObject(doc.mcpServers)
    ? setJson(text, ["mcpServers", SERVER_NAME], wanted)
    : setJson(text, ["mcpServers"], { [SERVER_NAME]: wanted });
  return {
    text: next,
    changes: [`${existing ? "update" : "register"} the MCP server ${SERVER_NAME}: ${invocationText(wanted)}`],
    notes: [],
  };
}

function invocationText(entry: Record<string, unknown>): string {
  return [entry.command, ...asArray(entry.args)].join(" ");
}

export function planServerUninstall(text: string, path: string): Planned {
  const doc = readJsonObject(text, path);
  const servers = asObject(doc.mcpServers);
  if (!asObject(servers?.[SERVER_NAME])) return { text, changes: [], notes: [] };
  // The list goes too when ours was all it held (install created it then).
  const target = Object.keys(servers ?? {}).length === 1 ? ["mcpServers"] : ["mcpServers", SERVER_NAME];
  return { text: setJson(text, target, undefined), changes: [`remove the MCP server ${SERVER_NAME}`], notes: [] };
}
