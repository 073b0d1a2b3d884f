// `ctx-monitor import-mitm DIR [--capture-dir DIR]`: the mitmproxy recipe's captures into the store.
import type { Command } from "../cli/command.ts";
import { importMitm } from "../capture/import-mitm.ts";
import { captureStoreDir } from "../capture/paths.ts";
import { fileSystemFailure } from "../fs-failure.ts";

export const importMitmCommand: Command = {
  name: "import-mitm",
  summary: "import mitmproxy captures (request_*.json, claude_traffic.log) into the capture store",
  synopsis: "DIR [--capture-dir DIR] [--json]",
  options: { "capture-dir": { type: "string" }, json: { type: "boolean" } },
  arguments: ["DIR"],
  async run({ values, positionals, runtime, out }) {
    const dir = positionals[0] ?? "";
    const storeDir = typeof values["capture-dir"] === "string" ? values["capture-dir"] : captureStoreDir(runtime);
    let result: ReturnType<typeof importMitm>;
    try {
      result = importMitm(dir, storeDir);
    } catch (error) {
      out.stderr(
        `ctx-monitor import-mitm: ${fileSystemFailure(error) ?? `cannot read ${dir}: ${(error as Error).message}`}\n`,
      );
      return 1;
    }
    if (values.json) out.stdout(`${JSON.stringify({ ...result, storeDir }, null, 2)}\n`);
    else {
      out.stdout(
        `imported ${result.imported} request${result.imported === 1 ? "" : "s"} into ${storeDir}${result.alreadyThere ? ` (${result.alreadyThere} already there)` : ""}\n`,
      );
      if (result.unreadable.length) out.stdout(`not a Messages request, left out: ${result.unreadable.join(", ")}\n`);
    }
    return 0;
  },
};
