// Tests that drive Debian's chromium or tmux. CI installs both (.ci/run) and runs with CI=true, where a
// missing one fails the run; on a developer's machine without them, those tests are skipped with a
// notice, so the README's quick start (npm ci && npm test) stays true on a fresh machine.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const required = process.env.CI === "true" || process.env.CI === "1";

function available(name: string, present: boolean): boolean {
  if (present) return true;
  if (required)
    throw new Error(
      `${name} is not installed, and CI must run the tests that need it: .ci/run installs it with apt-get`,
    );
  process.stderr.write(`note: ${name} is not installed; its tests are skipped (apt-get install ${name} to run them)\n`);
  return false;
}

export const hasChromium = (): boolean => available("chromium", existsSync(CHROMIUM_PATH));
export const hasTmux = (): boolean => available("tmux", onPath("tmux"));
