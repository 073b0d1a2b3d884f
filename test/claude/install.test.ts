import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CLAUDE_MD_SNIPPET,
  planClaudeMdInstall,
  planClaudeMdUninstall,
  planGitignoreInstall,
  planGitignoreUninstall,
} from "../../src/integration/install/project-files.ts";
import {
  planServerInstall,
  planServerUninstall,
  planSettingsInstall,
  planSettingsUninstall,
} from "../../src/integration/install/settings-plan.ts";
import { isOurHookCommand, isOurStatusline } from "../../src/integration/install/wiring.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

const EXE = { node: "/opt/node 20/bin/node", cli: "/home/me/ctx-monitor/dist/bin.cjs" };
const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");

/** A user's settings as people write them: tabs, a comment, their own hooks and keys. */
const USER_SETTINGS = `{
\t// my settings
\t"model": "opus",
\t"hooks": {
\t\t"PostToolUse": [
\t\t\t{ "matcher": "Edit", "hooks": [ { "type": "command", "command": "prettier --write" } ] }
\t\t]
\t},
\t"permissions": { "allow": ["Bash(ls:*)"] }
}
`;

/** chattr +i works here (root with CAP_LINUX_IMMUTABLE on a file system that has the flag). */
function canMakeImmutable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "ctx-monitor-chattr-"));
  const probe = join(dir, "probe");
  writeFileSync(probe, "");
  try {
    execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
    execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CAPTURE = "file:/home/me/.claude/ctx-monitor/capture/bodies";

describe("settings plan", () => {
  it("adds the hooks and statusline keeping every key, hook, comment and the tab indentation; twice changes nothing", () => {
    const once = planSettingsInstall(USER_SETTINGS, "settings.json", EXE, { statusline: false });
    expect(once.changes).toHaveLength(7);
    expect(once.text).toContain("\t// my settings");
    expect(once.text).toContain('"command": "prettier --write"');
    expect(once.text).toContain(`\t"statusLine": {\n\t\t"type": "command",`);
    expect(once.text).toContain(`"'/opt/node 20/bin/node' /home/me/ctx-monitor/dist/bin.cjs hook post-tool-use"`);
    const twice = planSettingsInstall(once.text, "settings.json", EXE, { statusline: false });
    expect(twice.changes).toEqual([]);
    expect(twice.text).toBe(once.text);
  });

  it("uninstall gives back the file exactly as it was", () => {
    const installed = planSettingsInstall(USER_SETTINGS, "settings.json", EXE, { statusline: false }).text;
    const removed = planSettingsUninstall(installed, "settings.json", undefined, CAPTURE);
    expect(removed.changes).toHaveLength(7);
    expect(removed.text).toBe(USER_SETTINGS);
  });

  it("keeps a statusline the user has unless asked, and puts it back on uninstall", () => {
    const mine = `{\n  "statusLine": { "type": "command", "command": "my-line" }\n}\n`;
    const kept = planSettingsInstall(mine, "s.json", EXE, { statusline: false });
    expect(kept.notes).toEqual([expect.stringContaining('kept your statusline ("my-line"); pass --statusline')]);
    expect(JSON.parse(kept.text).statusLine.command).toBe("my-line");
    const replaced = planSettingsInstall(mine, "s.json", EXE, { statusline: true });
    expect(JSON.parse(replaced.text).statusLine.command).toMatch(/statusline$/);
    expect(replaced.replacedStatusline).toEqual({ type: "command", command: "my-line" });
    const back = planSettingsUninstall(replaced.text, "s.json", replaced.replacedStatusline, CAPTURE);
    expect(JSON.parse(back.text)).toEqual(JSON.parse(mine));
  });

  it("sets the subagent statusline beside the statusline, keeps the user's own unless asked, and puts it back", () => {
    const fresh = planSettingsInstall("{}\n", "s.json", EXE, { statusline: false });
    expect(JSON.parse(fresh.text).subagentStatusLine).toEqual({
      type: "command",
      command: "'/opt/node 20/bin/node' /home/me/ctx-monitor/dist/bin.cjs statusline --subagent",
    });
    // The two are told apart: installing again changes nothing, uninstall takes both out.
    expect(planSettingsInstall(fresh.text, "s.json", EXE, { statusline: false }).changes).toEqual([]);
    const removed = planSettingsUninstall(fresh.text, "s.json", undefined, CAPTURE);
    expect(removed.changes).toContain("remove the subagent statusline");
    expect(JSON.parse(removed.text)).toEqual({});

    const mine = `{\n  "subagentStatusLine": { "type": "command", "command": "my-rows" }\n}\n`;
    const kept = planSettingsInstall(mine, "s.json", EXE, { statusline: false });
    expect(kept.notes).toEqual([
      expect.stringContaining('kept your subagent statusline ("my-rows"); pass --statusline'),
    ]);
    expect(JSON.parse(kept.text).subagentStatusLine.command).toBe("my-rows");
    const replaced = planSettingsInstall(mine, "s.json", EXE, { statusline: true });
    expect(JSON.parse(replaced.text).subagentStatusLine.command).toMatch(/statusline --subagent$/);
    expect(replaced.replacedSubagentStatusline).toEqual({ type: "command", command: "my-rows" });
    expect(replaced.replacedStatusline).toBeUndefined();
    const back = planSettingsUninstall(replaced.text, "s.json", undefined, CAPTURE, {
      restoreSubagentStatusline: replaced.replacedSubagentStatusline,
    });
    expect(JSON.parse(back.text)).toEqual(JSON.parse(mine));
  });

  it("with --capture, has Claude Code write its request bodies where ctx-monitor reads them, and takes only that out again", () => {
    const withEnv = `{\n  "env": { "FOO": "1" }\n}\n`;
    const installed = planSettingsInstall(withEnv, "s.json", EXE, { statusline: false, capture: CAPTURE });
    expect(JSON.parse(installed.text).env).toEqual({ FOO: "1", OTEL_LOG_RAW_API_BODIES: CAPTURE });
    expect(installed.changes).toContain(
      `have Claude Code write its request bodies for ctx-monitor (env OTEL_LOG_RAW_API_BODIES=${CAPTURE})`,
    );
    expect(planSettingsInstall(installed.text, "s.json", EXE, { statusline: false, capture: CAPTURE }).changes).toEqual(
      [],
    );
    expect(planSettingsUninstall(installed.text, "s.json", undefined, CAPTURE).text).toBe(withEnv);
    const fresh = planSettingsInstall(USER_SETTINGS, "s.json", EXE, { statusline: false, capture: CAPTURE });
    expect(planSettingsUninstall(fresh.text, "s.json", undefined, CAPTURE).text).toBe(USER_SETTINGS);
    const theirs = `{ "env": { "OTEL_LOG_RAW_API_BODIES": "file:/elsewhere" } }`;
    const kept = planSettingsInstall(theirs, "s.json", EXE, { statusline: false, capture: CAPTURE });
    expect(JSON.parse(kept.text).env.OTEL_LOG_RAW_API_BODIES).toBe("file:/elsewhere");
    expect(kept.notes).toContain(
      'kept your OTEL_LOG_RAW_API_BODIES ("file:/elsewhere"); ctx-monitor reads the bodies from there too',
    );
    expect(
      JSON.parse(planSettingsUninstall(kept.text, "s.json", undefined, CAPTURE).text).env.OTEL_LOG_RAW_API_BODIES,
    ).toBe("file:/elsewhere");
  });

  it("updates its own commands after a move (another node, another clone) instead of adding twice", () => {
    const old = planSettingsInstall(
      "",
      "s.json",
      { node: "/old/node", cli: "/old/ctx-monitor/dist/cli.js" },
      { statusline: false },
    ).text;
    const moved = planSettingsInstall(old, "s.json", EXE, { statusline: false });
    expect(moved.changes.every((change) => change.startsWith("update"))).toBe(true);
    expect((JSON.parse(moved.text).hooks.SessionStart as unknown[]).length).toBe(1);
  });

  it("refuses a file that is not JSON rather than overwrite it", () => {
    expect(() => planSettingsInstall("{ oops", "/x/settings.json", EXE, { statusline: false })).toThrow(
      /settings\.json is not a JSON object/,
    );
  });

  it("recognises its own commands only", () => {
    expect(isOurHookCommand("node /a/ctx-monitor/dist/bin.cjs hook pre-compact", "pre-compact")).toBe(true);
    expect(isOurHookCommand("'/n' '/x y/bin.cjs' hook pre-compact", "pre-compact")).toBe(true);
    expect(isOurHookCommand("node /a/bin.cjs hook session-start", "pre-compact")).toBe(false);
    expect(isOurHookCommand("my-hook pre-compact", "pre-compact")).toBe(false);
    expect(isOurStatusline("ccstatusline")).toBe(false);
  });
});

describe("MCP server plan", () => {
  it("registers, keeps other servers, is idempotent and removes only its own entry", () => {
    const before = `{\n  "numStartups": 3,\n  "mcpServers": {\n    "other": { "command": "x" }\n  }\n}\n`;
    const added = planServerInstall(before, "c.json", EXE);
    expect(JSON.parse(added.text).mcpServers).toEqual({
      other: { command: "x" },
      "ctx-monitor": { type: "stdio", command: EXE.node, args: [EXE.cli], env: {} },
    });
    expect(planServerInstall(added.text, "c.json", EXE).changes).toEqual([]);
    expect(planServerUninstall(added.text, "c.json").text).toBe(before);
  });
});

describe("project files", () => {
  it("ignores the handoffs once, and takes out only its own lines", () => {
    expect(planGitignoreInstall("node_modules")).toBe(
      "node_modules\n# ctx-monitor: handoffs hold prompts verbatim\n.claude/handoffs/\n",
    );
    expect(planGitignoreInstall("dist\n.claude/handoffs/\n")).toBe("dist\n.claude/handoffs/\n");
    expect(planGitignoreUninstall(planGitignoreInstall("node_modules\n"))).toBe("node_modules\n");
  });

  it("puts the snippet between markers once, and uninstall restores the file", () => {
    const mine = "# My project\n\nRules.\n";
    const once = planClaudeMdInstall(mine);
    expect(planClaudeMdInstall(once)).toBe(once);
    expect(once).toContain(CLAUDE_MD_SNIPPET);
    expect(planClaudeMdUninstall(once)).toBe(mine);
  });

  it("uses the README's CLAUDE.md snippet word for word", () => {
    const readme = readFileSync(join(dirname(CLI_PATH), "..", "README.md"), "utf8");
    expect(readme).toContain(`\`\`\`markdown\n${CLAUDE_MD_SNIPPET}\n\`\`\``);
  });
});

describe("ctx-monitor install / uninstall (the executable)", () => {
  function world() {
    const dir = tempDir();
    const home = join(dir, "home");
    const project = join(dir, "project");
    mkdirSync(home);
    mkdirSync(project);
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [BIN_PATH, ...args], {
        cwd: project,
        env: { PATH: process.env.PATH, HOME: home },
        encoding: "utf8",
      });
    return { home, project, run };
  }

  it("user scope: writes ~/.claude.json and settings with a backup, dry-run writes nothing, uninstall undoes it", () => {
    const { home, run } = world();
    const claudeJson = `{\n  "numStartups": 1\n}\n`;
    writeFileSync(join(home, ".claude.json"), claudeJson);
    expect(run("install", "--dry-run")).toMatch(/^Dry run/);
    expect(readFileSync(join(home, ".claude.json"), "utf8")).toBe(claudeJson);
    expect(existsSync(join(home, ".claude", "settings.json"))).toBe(false);
    const output = run("install");
    expect(output).toContain(`previous version kept in ${join(home, ".claude.json")}.ctx-monitor.bak`);
    expect(readFileSync(join(home, ".claude.json.ctx-monitor.bak"), "utf8")).toBe(claudeJson);
    const server = JSON.parse(readFileSync(join(home, ".claude.json"), "utf8")).mcpServers["ctx-monitor"];
    expect(server).toEqual({ type: "stdio", command: process.execPath, args: [BIN_PATH], env: {} });
    const settings = JSON.parse(readFileSync(join(home, ".claude", "settings.json"), "utf8"));
    expect(Object.keys(settings.hooks)).toEqual([
      "SessionStart",
      "UserPromptSubmit",
      "PostToolUse",
      "PreCompact",
      "PostCompact",
    ]);
    expect(run("install")).toBe("Nothing to change: already as wanted.\n");
    mkdirSync(join(home, ".claude", "ctx-monitor", "sessions"), { recursive: true });
    const said = run("uninstall");
    expect(readFileSync(join(home, ".claude.json"), "utf8")).toBe(claudeJson);
    // Nothing left that was not there before: the settings file install created, its backups, its state.
    expect(existsSync(join(home, ".claude", "settings.json"))).toBe(false);
    expect(existsSync(join(home, ".claude.json.ctx-monitor.bak"))).toBe(false);
    expect(existsSync(join(home, ".claude", "ctx-monitor"))).toBe(false);
    expect(said).toContain(`removed ctx-monitor's state folder ${join(home, ".claude", "ctx-monitor")}`);
    expect(said).toContain("npm uninstall -g ctx-monitor");
  });

  it("uninstall leaves no ~/.claude.json that was not there before; --keep-data keeps the state folder and says where", () => {
    const { home, run } = world();
    run("install");
    mkdirSync(join(home, ".claude", "ctx-monitor"), { recursive: true });
    const said = run("uninstall", "--keep-data");
    expect(existsSync(join(home, ".claude.json"))).toBe(false);
    expect(existsSync(join(home, ".claude", "ctx-monitor"))).toBe(true);
    expect(said).toContain(`kept ctx-monitor's state folder ${join(home, ".claude", "ctx-monitor")} (--keep-data)`);
    // A state folder chosen by CTX_MONITOR_STATE_DIR may hold anything: never removed whole.
    const chosen = join(home, "mine");
    mkdirSync(chosen);
    writeFileSync(join(chosen, "notes.txt"), "mine\n");
    const kept = execFileSync(process.execPath, [BIN_PATH, "uninstall"], {
      env: { PATH: process.env.PATH, HOME: home, CTX_MONITOR_STATE_DIR: chosen },
      encoding: "utf8",
    });
    expect(readFileSync(join(chosen, "notes.txt"), "utf8")).toBe("mine\n");
    expect(kept).toContain(`kept ctx-monitor's state folder ${chosen} (chosen by CTX_MONITOR_STATE_DIR)`);
  });

  it("a symlinked settings.json (a dotfiles repository) is edited through its link, and uninstall restores it byte for byte", () => {
    const { home, run } = world();
    const dotfiles = join(home, "dotfiles");
    mkdirSync(dotfiles);
    mkdirSync(join(home, ".claude"));
    writeFileSync(join(dotfiles, "settings.json"), USER_SETTINGS);
    symlinkSync(join(dotfiles, "settings.json"), join(home, ".claude", "settings.json"));
    run("install");
    expect(lstatSync(join(home, ".claude", "settings.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dotfiles, "settings.json"), "utf8")).toContain("hook pre-compact");
    run("uninstall");
    expect(lstatSync(join(home, ".claude", "settings.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dotfiles, "settings.json"), "utf8")).toBe(USER_SETTINGS);
  });

  it.each([
    ['"hooks": []', `{ "hooks": [] }\n`, /"hooks" is a list, where Claude Code expects an object of events/],
    [
      "a duplicate hooks key",
      `{ "hooks": {}, "model": "opus", "hooks": { "Stop": [] } }\n`,
      /"hooks" is given twice, and Claude Code reads only the last one/,
    ],
    ["an event that is not a list", `{ "hooks": { "PreCompact": {} } }\n`, /"hooks.PreCompact" is an object/],
    ['"statusLine": "x"', `{ "statusLine": "x" }\n`, /"statusLine" is a string/],
  ])("settings with %s: one line naming the file and what to fix, and nothing written", (_, text, problem) => {
    const { home } = world();
    mkdirSync(join(home, ".claude"));
    const settings = join(home, ".claude", "settings.json");
    writeFileSync(settings, text);
    const result = spawnSync(process.execPath, [BIN_PATH, "install"], {
      env: { PATH: process.env.PATH, HOME: home },
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(settings);
    expect(result.stderr).toMatch(problem);
    expect(readFileSync(settings, "utf8")).toBe(text);
    expect(existsSync(join(home, ".claude.json"))).toBe(false);
    expect(existsSync(`${settings}.ctx-monitor.bak`)).toBe(false);
    // Uninstall refuses it the same way: it could not find in it what Claude Code reads.
    expect(
      spawnSync(process.execPath, [BIN_PATH, "uninstall"], { env: { PATH: process.env.PATH, HOME: home } }).status,
    ).toBe(2);
    expect(readFileSync(settings, "utf8")).toBe(text);
  });

  it.skipIf(!canMakeImmutable())(
    "an immutable settings.json or HOME: one line, and no other file written before it",
    () => {
      const { home } = world();
      mkdirSync(join(home, ".claude"));
      const settings = join(home, ".claude", "settings.json");
      writeFileSync(settings, "{}\n");
      for (const locked of [settings, home]) {
        execFileSync("chattr", ["+i", locked]);
        try {
          const result = spawnSync(process.execPath, [BIN_PATH, "install"], {
            env: { PATH: process.env.PATH, HOME: home },
            encoding: "utf8",
          });
          expect(result.status).toBe(2);
          expect(result.stderr).toMatch(
            /^ctx-monitor install: cannot write .* \(EPERM\): nothing was changed; make it writable/,
          );
          expect(result.stderr.trim().split("\n")).toHaveLength(1);
          expect(existsSync(join(home, ".claude.json"))).toBe(false);
          expect(existsSync(join(home, ".claude.json.ctx-monitor.bak"))).toBe(false);
        } finally {
          execFileSync("chattr", ["-i", locked]);
        }
      }
    },
  );

  it("--project: a backup name that is a symlink is replaced, never written through to the file it points at", () => {
    const { home, project, run } = world();
    mkdirSync(join(project, ".claude"));
    writeFileSync(join(project, ".claude", "settings.json"), USER_SETTINGS, { mode: 0o640 });
    const outside = join(home, ".bashrc");
    writeFileSync(outside, "# mine\n");
    symlinkSync(outside, join(project, ".claude", "settings.json.ctx-monitor.bak"));
    run("install", "--project");
    expect(readFileSync(outside, "utf8")).toBe("# mine\n");
    const backup = join(project, ".claude", "settings.json.ctx-monitor.bak");
    expect(lstatSync(backup).isSymbolicLink()).toBe(false);
    expect(readFileSync(backup, "utf8")).toBe(USER_SETTINGS);
    expect(lstatSync(backup).mode & 0o777).toBe(0o640);
  });

  it("--project: .mcp.json, .claude/settings.json, .gitignore and CLAUDE.md, all taken out again", () => {
    const { home, project, run } = world();
    writeFileSync(join(project, "CLAUDE.md"), "# Mine\n");
    run("install", "--project");
    // Files a team commits: `ctx-monitor` from PATH, no path of this machine.
    expect(JSON.parse(readFileSync(join(project, ".mcp.json"), "utf8")).mcpServers["ctx-monitor"]).toMatchObject({
      command: "ctx-monitor",
      args: [],
    });
    for (const file of [".mcp.json", join(".claude", "settings.json")]) {
      const text = readFileSync(join(project, file), "utf8");
      expect(text).not.toContain(process.execPath);
      expect(text).not.toContain(BIN_PATH);
    }
    expect(readFileSync(join(project, ".claude", "settings.json"), "utf8")).toContain('"ctx-monitor hook pre-compact"');
    expect(readFileSync(join(project, ".gitignore"), "utf8")).toContain(".claude/handoffs/\n");
    expect(readFileSync(join(project, "CLAUDE.md"), "utf8")).toContain("## Context budget");
    expect(existsSync(join(project, ".claude", "settings.json"))).toBe(true);
    expect(existsSync(join(home, ".claude.json"))).toBe(false);
    run("uninstall", "--project");
    expect(readFileSync(join(project, "CLAUDE.md"), "utf8")).toBe("# Mine\n");
    for (const file of [".mcp.json", ".gitignore", join(".claude", "settings.json")])
      expect(existsSync(join(project, file))).toBe(false);
  });
});

describe("install --project beside the user's own statusline", () => {
  it("keeps it (a project statusline would hide it) and says so, unless --statusline", () => {
    const dir = tempDir();
    const home = join(dir, "home");
    const project = join(dir, "project");
    mkdirSync(join(home, ".claude"), { recursive: true });
    mkdirSync(project);
    writeFileSync(
      join(home, ".claude", "settings.json"),
      `{ "statusLine": { "type": "command", "command": "my-line" } }\n`,
    );
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [BIN_PATH, ...args], {
        cwd: project,
        env: { PATH: process.env.PATH, HOME: home },
        encoding: "utf8",
      });
    expect(run("install", "--project")).toContain('kept your statusline ("my-line", in your user settings)');
    expect(JSON.parse(readFileSync(join(project, ".claude", "settings.json"), "utf8")).statusLine).toBeUndefined();
    expect(run("install", "--project", "--statusline")).toContain('(it hides yours, "my-line", in this project)');
    expect(JSON.parse(readFileSync(join(project, ".claude", "settings.json"), "utf8")).statusLine.command).toBe(
      "ctx-monitor statusline",
    );
  });
});

describe("the install instructions", () => {
  it("never tell anyone to run a registry package by the name, which is not ours (README, mcp.json.example, --help)", () => {
    const root = join(dirname(CLI_PATH), "..");
    const help = execFileSync(process.execPath, [BIN_PATH, "--help"], { encoding: "utf8" });
    for (const text of [
      readFileSync(join(root, "README.md"), "utf8"),
      readFileSync(join(root, "mcp.json.example"), "utf8"),
      help,
    ]) {
      expect(text).not.toMatch(/npx/);
    }
    expect(JSON.parse(readFileSync(join(root, "mcp.json.example"), "utf8")).mcpServers["ctx-monitor"]).toMatchObject({
      command: "ctx-monitor",
      args: [],
    });
  });
});
