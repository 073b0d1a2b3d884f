// `ctx-monitor report`: one self-contained HTML file about a session (where the context went, when
// it compacted, what subagents used), written to --out or to ctx-monitor's own reports folder (never
// into the project, where it would be committed by accident). Reports are private (0600) like handoffs.
import { spawn } from "node:child_process";
import { basename, dirname, join, resolve } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { UserError } from "../base/user-error.ts";
import { ctxMonitorStateDir, STATE_DIR_SETTING } from "../claude/paths.ts";
import { ownToolsOf } from "../deps.ts";
import { replaceFile, writeNewFile } from "../fs/atomic-write.ts";
import { makeFolder } from "../fs/make-folder.ts";
import { renderReport } from "../report/html/render-report.ts";
import { captureFiguresOf, gatherReport } from "../report/html/report-data.ts";
import { type Command, selectionFrom, selectionOptions } from "./command.ts";

export const reportCommand: Command = {
  name: "report",
  summary: "an HTML report of a session: context per API call, compactions, subagents, what fills it",
  synopsis: "[--transcript PATH | --session ID] [--project DIR] [--out FILE [--force]] [--open]",
  options: { ...selectionOptions, out: { type: "string" }, force: { type: "boolean" }, open: { type: "boolean" } },
  async run(context) {
    const data = await gatherReport(selectionFrom(context.values), {
      runtime: context.runtime,
      capture: captureFiguresOf,
      ownTools: ownToolsOf(context.runtime),
    });
    const chosen = typeof context.values.out === "string";
    const out = chosen
      ? resolve(context.runtime.cwd, context.values.out as string)
      : join(reportsFolder(context.runtime), `ctx-monitor-report-${data.usage.sessionId.slice(0, 8)}.html`);
    try {
      if (!chosen) makeFolder(dirname(out), 0o700, STATE_DIR_SETTING);
      // Security: a replacement swaps the name in one step (a symlink there is replaced, never written
      // through); a new file is linked into place and never replaces anything. The default file is the
      // session's own report in ctx-monitor's folder, refreshed on each run; a chosen file needs --force.
      if (!chosen || context.values.force === true) replaceFile(out, renderReport(data), 0o600);
      else if (writeNewFile(dirname(out), [basename(out)], renderReport(data), 0o600) === null)
        throw new UserError(`${out} exists; pass --force to replace it, or --out another file`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof UserError || code === undefined) throw error;
      throw new UserError(`could not write ${out} (${code}); pass --out with a file in a folder you can write to`);
    }
    context.out.stdout(`${out}\n`);
    if (context.values.open) openInBrowser(out, context.out.stderr);
    return 0;
  },
};

/** Where reports go by default: ctx-monitor's state folder, outside any project. */
function reportsFolder(runtime: Runtime): string {
  return join(ctxMonitorStateDir(runtime), "reports");
}

/** The desktop's own opener; if there is none, the path printed above is the way in. */
function openInBrowser(path: string, error: (text: string) => void): void {
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(opener, [path], { detached: true, stdio: "ignore" });
  child.on("error", () => error(`ctx-monitor report: could not start ${opener}; open ${path} in a browser\n`));
  child.unref();
}
