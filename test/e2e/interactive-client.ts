// The real Claude Code in its interactive terminal (tmux), as a user runs it: started in the sandbox's
// project against the stand-in API, prompts typed, slash commands confirmed, ended before the sandbox goes.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TmuxWindow } from "../report/tmux.ts";
import { ensureClaude } from "./claude-binary.ts";
import type { Sandbox } from "./sandbox.ts";

/** How long one step of the client (an answer, a redraw) may take on a loaded machine. */
export const WAIT_MS = 30_000;

/**
 * Onboarding done, the stand-in's key approved, the bypass warning accepted, the project trusted; added
 * to what `~/.claude.json` already holds (`ctx-monitor install` registers its server there).
 */
function seedClientConfig(home: string, project: string, apiKey: string): void {
  const path = join(home, ".claude.json");
  const config = (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {}) as {
    projects?: Record<string, Record<string, unknown>>;
  };
  const projects = config.projects ?? {};
  projects[project] = { ...projects[project], hasTrustDialogAccepted: true };
  writeFileSync(
    path,
    JSON.stringify({
      ...config,
      hasCompletedOnboarding: true,
      bypassPermissionsModeAccepted: true,
      customApiKeyResponses: { approved: [apiKey], rejected: [] },
      projects,
    }),
  );
}

/** The client in a 200×50 terminal in the sandbox's project, onboarding and trust dialogs already passed. */
export function startInteractive(sandbox: Sandbox, version: string): TmuxWindow {
  seedClientConfig(sandbox.home, sandbox.project, sandbox.env.ANTHROPIC_API_KEY ?? "");
  const env = { ...sandbox.env, TERM: "xterm-256color", LANG: "C.UTF-8" };
  return new TmuxWindow(
    // `env -i`: the client gets the sandbox's variables only, none of this test process's.
    [
      "env",
      "-i",
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      ensureClaude(version),
      "--dangerously-skip-permissions",
    ],
    { columns: 200, rows: 50 },
    {},
    sandbox.project,
  );
}

/** The input box's line holding `prompt` (Claude Code puts a no-break space after its ❯). */
const inputLine = (screen: string, prompt: string) =>
  screen.split("\n").some((line) => /^❯\s/.test(line) && line.slice(2).trimEnd() === prompt);

export async function typePrompt(tmux: TmuxWindow, prompt: string): Promise<void> {
  tmux.sendKeys("-l", prompt);
  // Enter only once the text is in the input box: sent with it, Enter can be taken as part of a paste.
  await tmux.waitFor((screen) => inputLine(screen, prompt), `"${prompt}" in the input box`, WAIT_MS);
  tmux.sendKeys("Enter");
}

/** The client's exit status once it has exited (bounded wait), else null. */
export async function exitStatus(tmux: TmuxWindow, timeoutMs: number): Promise<number | null> {
  const until = Date.now() + timeoutMs;
  while (tmux.exitStatus() === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  return tmux.exitStatus();
}

/**
 * Ends the client before its sandbox is removed (a client still running writes into it): Ctrl+C twice
 * when a failed check left it running, then the tmux server goes, whatever happened.
 */
export async function stopClient(tmux: TmuxWindow): Promise<void> {
  try {
    if (tmux.exitStatus() === null) {
      tmux.sendKeys("C-c");
      await new Promise((resolve) => setTimeout(resolve, 300));
      tmux.sendKeys("C-c");
      await exitStatus(tmux, 10_000);
    }
  } catch {
    // The tmux server is gone already.
  } finally {
    tmux.close();
  }
}

/** `/model <id>`, confirmed where Claude Code asks; returns the screen once `ready` holds for it. */
export async function switchModel(tmux: TmuxWindow, id: string, ready: (screen: string) => boolean): Promise<string> {
  await typePrompt(tmux, `/model ${id}`);
  let confirmed = false;
  return tmux.waitFor(
    (screen) => {
      // 2.1.197 asks to confirm a switch mid-conversation; its first choice is "Yes".
      if (!confirmed && /Switch model\?/.test(screen) && /❯\s1\. Yes/.test(screen)) {
        confirmed = true;
        tmux.sendKeys("Enter");
      }
      return ready(screen);
    },
    `the switch to ${id}`,
    WAIT_MS,
  );
}
