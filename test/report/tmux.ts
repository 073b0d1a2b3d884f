// A real terminal for the watch: a tmux server on its own socket (never the user's), a window of a
// chosen size running one command, read back with capture-pane and driven with send-keys.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";

export class TmuxWindow {
  private readonly socket = `ctx-monitor-test-${process.pid}-${randomBytes(4).toString("hex")}`;

  constructor(command: string[], size: { columns: number; rows: number }, env: Record<string, string>, cwd?: string) {
    const exports = Object.entries(env).map(([key, value]) => `${key}=${shellQuote(value)}`);
    // The shell reports the exit status on screen: tmux 3.3 can miss it when the pane closes first.
    const line = `env ${exports.join(" ")} ${command.map(shellQuote).join(" ")}; echo "[exited $?]"`;
    this.tmux(
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      ...(cwd ? ["-c", cwd] : []),
      "-x",
      String(size.columns),
      "-y",
      String(size.rows),
      line,
    );
    // Keep the pane after the command exits, so its last output can be read.
    this.tmux("set-option", "-g", "remain-on-exit", "on");
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-u", "-L", this.socket, ...args], {
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C.UTF-8" },
    });
  }

  /** The visible screen; with `escapes`, its colour codes too; with `history`, what scrolled off above it. */
  capture(escapes = false, history = false): string {
    return this.tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), ...(history ? ["-S", "-"] : []));
  }

  sendKeys(...keys: string[]): void {
    this.tmux("send-keys", ...keys);
  }

  resize(columns: number, rows: number): void {
    this.tmux("resize-window", "-x", String(columns), "-y", String(rows));
  }

  /** The command's exit status once it has exited, else null. */
  exitStatus(): number | null {
    const status = /\[exited (\d+)\]/.exec(this.capture(false, true))?.[1];
    return status === undefined ? null : Number(status);
  }

  /** Polls the screen until `ready` holds for it (bounded); returns that screen or throws with the last one. */
  async waitFor(ready: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let screen = "";
    while (Date.now() < until) {
      screen = this.capture();
      if (ready(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
  }

  close(): void {
    let socketPath = "";
    try {
      socketPath = this.tmux("display-message", "-p", "#{socket_path}").trim();
      this.tmux("kill-server");
    } catch {
      // Already gone.
    }
    // tmux leaves the socket file of a killed server behind.
    if (socketPath.includes(this.socket)) rmSync(socketPath, { force: true });
  }
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
