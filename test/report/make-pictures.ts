// `npm run pictures`: regenerates the README's two pictures from the demo session: the report's top
// (headline figures and chart) as fixtures/pictures/report.png, and the watch's screen, captured
// from tmux, as fixtures/pictures/watch.txt.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { openReport } from "./chromium.ts";
import { writeDemoSession } from "./demo-session.ts";
import { TmuxWindow } from "./tmux.ts";

const PICTURES = fileURLToPath(new URL("../../fixtures/pictures/", import.meta.url));
const PROJECT = "/home/user/shop";

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ctx-monitor-pictures-"));
  const env = { CLAUDE_CONFIG_DIR: dir, CTX_MONITOR_STATE_DIR: join(dir, "state"), TZ: "UTC" };
  try {
    mkdirSync(PICTURES, { recursive: true });
    const transcript = writeDemoSession(join(dir, "projects", encodeProjectDir(PROJECT)));
    const html = join(dir, "report.html");
    execFileSync(process.execPath, [CLI_PATH, "report", "--transcript", transcript, "--out", html], {
      env: { ...process.env, ...env },
    });
    const opened = await openReport(html, { width: 1000 });
    try {
      const box = await opened.page.locator("#timeline").boundingBox();
      if (!box) throw new Error("the report has no chart section");
      await opened.page.screenshot({
        path: join(PICTURES, "report.png"),
        clip: { x: 0, y: 0, width: 1000, height: Math.ceil(box.y + box.height) + 8 },
      });
    } finally {
      await opened.close();
    }
    const tmux = new TmuxWindow(
      [process.execPath, CLI_PATH, "watch", "--project", PROJECT],
      { columns: 100, rows: 28 },
      { ...env, LC_ALL: "C.UTF-8", TERM: "xterm-256color" },
    );
    try {
      const screen = await tmux.waitFor((text) => text.includes("q quit"), "the watch's first frame");
      writeFileSync(join(PICTURES, "watch.txt"), `${screen.replace(/\s+$/gm, "").replace(dir, "~/.claude")}\n`);
      tmux.sendKeys("q");
    } finally {
      tmux.close();
    }
    process.stdout.write(`wrote ${join(PICTURES, "report.png")} and ${join(PICTURES, "watch.txt")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
