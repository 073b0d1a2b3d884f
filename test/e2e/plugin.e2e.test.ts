// The plugin route as a new user takes it, from a fresh clone of this repository with nothing built:
// `claude plugin marketplace add <clone>`, `claude plugin install`, the server connected, the hooks at
// work in a git project (the nudge once even beside a second install, the PreCompact handoff and the
// pointer after it, `git status` clean), the statusline command, and `claude plugin uninstall` leaving
// nothing of ctx-monitor's.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { e2eVersions, ensureClaude } from "./claude-binary.ts";
import { text } from "./fake-api/script.ts";
import { startFakeApi } from "./fake-api/server.ts";
import { CLI_PATH, clientEnv } from "./sandbox.ts";
import { mainRequests } from "./scenario.ts";

const REPO = dirname(dirname(CLI_PATH));
const WARNING = "[ctx-monitor] Context";
const PLUGIN = "ctx-monitor@ctx-monitor";

/** Resolves to stdout, or with `both` to stdout and stderr together (what a person sees). */
function run(command: string, args: string[], cwd: string, env: Record<string, string>, both = true): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, timeout: 150_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stderr}\n${stdout}`));
      else resolve(both ? `${stdout}${stderr}` : stdout);
    });
  });
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(e2eVersions())("the plugin from a fresh clone, through the real Claude Code %s", (version) => {
  it("12. marketplace add, install, connected, hooks once beside a second install, handoff, git status clean, uninstall leaves nothing", async () => {
    const api = await startFakeApi({ main: [[text("Noted.")], [text("Going on.")], [text("Resumed.")]] });
    const root = mkdtempSync(join(tmpdir(), "ctx-monitor-plugin-e2e-"));
    try {
      const home = join(root, "home");
      const project = join(root, "project");
      const clone = join(root, "clone");
      mkdirSync(home);
      mkdirSync(project);
      // What is committed, nothing built: a clone of this repository's HEAD.
      execFileSync("git", ["clone", "--quiet", REPO, clone]);
      expect(existsSync(join(clone, "dist"))).toBe(false);
      expect(existsSync(join(clone, "node_modules"))).toBe(false);
      const git = (...args: string[]) =>
        execFileSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@example.com", ...args], {
          cwd: project,
          encoding: "utf8",
        });
      git("init", "--quiet");
      writeFileSync(join(project, "README.md"), "# a project\n");
      git("add", "-A");
      git("commit", "--quiet", "-m", "start");

      const env = clientEnv(home, api.url);
      const binary = ensureClaude(version);
      const claude = (args: string[], extra: Record<string, string> = {}, both = true) =>
        run(binary, args, project, { ...env, ...extra }, both);
      const prompt = async (args: string[], extra: Record<string, string> = {}) =>
        JSON.parse(
          await claude(
            [...args, "--output-format", "json", "--dangerously-skip-permissions", "--model", "claude-sonnet-4-5"],
            extra,
            false,
          ),
        ) as { session_id: string };
      const cloneCli = join(clone, "plugin", "dist", "bin.cjs");

      // The clone route first, so that the plugin lands beside it: two servers, two sets of hooks.
      await run(process.execPath, [cloneCli, "install"], project, { PATH: env.PATH, HOME: home });
      expect(await claude(["plugin", "marketplace", "add", clone])).toMatch(
        /Successfully added marketplace: ctx-monitor/,
      );
      // Added twice: Claude Code says so in one line and changes nothing.
      const again = await claude(["plugin", "marketplace", "add", clone]);
      expect(
        again
          .trim()
          .split("\n")
          .filter((line) => line.trim()),
      ).toHaveLength(1);
      expect(again).toMatch(/already/);
      expect(await claude(["plugin", "install", PLUGIN])).toMatch(
        /Successfully installed plugin: ctx-monitor@ctx-monitor/,
      );
      // And a second install from the clone is refused in one line, now that the plugin is there.
      const refused = await run(process.execPath, [cloneCli, "install"], project, { PATH: env.PATH, HOME: home }).then(
        () => "",
        (error: Error) => error.message,
      );
      expect(refused).toContain(`already installed as the Claude Code plugin ${PLUGIN}`);
      const listed = await claude(["mcp", "list"]);
      expect(listed).toMatch(/plugin:ctx-monitor:ctx-monitor: .*Connected/);
      expect(listed).toMatch(/^ctx-monitor: .*Connected/m);

      const first = await prompt(["-p", "Plan the mango release"]);
      const newest = (index: number) => JSON.stringify(mainRequests(api)[index]?.body.messages?.at(-1) ?? null);
      const sent = (index: number) => JSON.stringify(mainRequests(api)[index]?.body.messages ?? []);
      const high = { CTX_MONITOR_WARN_PERCENT: "1", CTX_MONITOR_CRITICAL_PERCENT: "99" };
      const before = mainRequests(api).length;
      await prompt(["-p", "go on", "--resume", first.session_id], high);
      // One warning for one crossing, although two sets of hooks ran; and the second install is named.
      expect(count(newest(before), `${WARNING} warn:`)).toBe(1);
      expect(sent(before)).toContain(`installed twice: as the plugin ${PLUGIN}`);

      // The clone route out; the plugin alone from here.
      await run(process.execPath, [cloneCli, "uninstall"], project, { PATH: env.PATH, HOME: home });
      await prompt(["-p", "/compact", "--resume", first.session_id]);
      const folder = join(project, ".claude", "handoffs");
      const handoffs = readdirSync(folder).filter((name) => name.endsWith("-pre-compact.md"));
      expect(handoffs).toHaveLength(1);
      expect(readFileSync(join(folder, handoffs[0]!), "utf8")).toContain("Plan the mango release");
      const afterCompact = mainRequests(api).length;
      await prompt(["-p", "continue", "--resume", first.session_id]);
      expect(sent(afterCompact)).toContain(handoffs[0]!);
      // Handoffs hold prompts verbatim: never in the project's git status.
      expect(git("status", "--porcelain", "--untracked-files=all")).toBe("");

      // The statusline: set by the plugin's command, and taken out again.
      const settingsPath = join(home, ".claude", "settings.json");
      type Line = { command?: string } | undefined;
      const settings = () =>
        JSON.parse(readFileSync(settingsPath, "utf8")) as { statusLine?: Line; subagentStatusLine?: Line };
      await prompt(["-p", "/ctx-monitor:statusline"]);
      expect(settings().statusLine?.command).toMatch(/CTX_MONITOR_STATE_DIR=\S+ \S+ \S+bin\.cjs statusline$/);
      // The agent panel's rows beside it (each subagent's own context).
      expect(settings().subagentStatusLine?.command).toMatch(
        /CTX_MONITOR_STATE_DIR=\S+ \S+ \S+bin\.cjs statusline --subagent$/,
      );
      await prompt(["-p", "/ctx-monitor:statusline-off"]);
      expect(settings().statusLine).toBeUndefined();
      expect(settings().subagentStatusLine).toBeUndefined();

      expect(await claude(["plugin", "uninstall", PLUGIN])).toMatch(/Successfully uninstalled plugin: ctx-monitor/);
      expect(await claude(["mcp", "list"])).not.toContain("ctx-monitor");
      // Nothing of ctx-monitor's in HOME: no state folder, no plugin data, no backups.
      expect(existsSync(join(home, ".claude", "ctx-monitor"))).toBe(false);
      const data = join(home, ".claude", "plugins", "data");
      expect(existsSync(data) ? readdirSync(data) : []).toEqual([]);
      expect(readdirSync(home).filter((name) => name.includes("ctx-monitor"))).toEqual([]);
      expect(readdirSync(join(home, ".claude")).filter((name) => name.includes("ctx-monitor"))).toEqual([]);
    } finally {
      await api.close();
      rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
