// `ctx-monitor report`: one self-contained HTML file about a session (where the context went, when
// it compacted, what subagents used), written to --out or next to where the command runs.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { selectionFrom, selectionOptions, type Command } from "../cli/command.ts";
import { captureFiguresOf, gatherReport } from "../report/html/report-data.ts";
import { renderReport } from "../report/html/render-report.ts";

export const reportCommand: Command = {
  name: "report",
  summary: "an HTML report of a session: context per API call, compactions, subagents, what fills it",
  synopsis: "[--transcript PATH | --session ID] [--project DIR] [--out FILE] [--open]",
  options: { ...selectionOptions, out: { type: "string" }, open: { type: "boolean" } },
  async run(context) {
    const data = await gatherReport(selectionFrom(context.values), {
      runtime: context.runtime,
      capture: captureFiguresOf,
    });
    const out = resolve(
      context.runtime.cwd,
      typeof context.values.out === "string"
        ? context.values.out
        : `ctx-monitor-report-${data.usage.sessionId.slice(0, 8)}.html`,
    );
    try {
      writeFileSync(out, renderReport(data));
    } catch (error) {
      context.out.stderr(
        `ctx-monitor report: could not write ${out} (${(error as NodeJS.ErrnoException).code ?? String(error)}); pass --out with a file in a folder you can write to\n`,
      );
      return 1;
    }
    context.out.stdout(`${out}\n`);
    if (context.values.open) openInBrowser(out, context.out.stderr);
    return 0;
  },
};

/** The desktop's own opener; if there is none, the path printed above is the way in. */
function openInBrowser(path: string, error: (text: string) => void): void {
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(opener, [path], { detached: true, stdio: "ignore" });
  child.on("error", () => error(`ctx-monitor report: could not start ${opener}; open ${path} in a browser\n`));
  child.unref();
}
