// `ctx-monitor import-mitm DIR [--capture-dir DIR]`: the mitmproxy recipe's captures into the store.

import { importMitm } from "../capture/import-mitm.ts";
import { captureStoreDir } from "../capture/paths.ts";
import { jsonText } from "../present/safe-text.ts";
import type { Command } from "./command.ts";

export const importMitmCommand: Command = {
  name: "import-mitm",
  summary: "import the mitmproxy recipe's captures (request_*.json or req_/resp_*.json, claude_traffic.log)",
  synopsis: "DIR [--capture-dir DIR] [--json]",
  options: { "capture-dir": { type: "string" }, json: { type: "boolean" } },
  arguments: ["DIR"],
  async run({ values, positionals, runtime, out }) {
    const dir = positionals[0] ?? "";
    const storeDir = typeof values["capture-dir"] === "string" ? values["capture-dir"] : captureStoreDir(runtime);
    // A missing or unreadable DIR is a file-system failure: one line and exit 2, through the command runner.
    const result = importMitm(dir, storeDir);
    if (values.json) out.stdout(`${jsonText({ ...result, storeDir })}\n`);
    else {
      out.stdout(
        `imported ${result.imported} request${result.imported === 1 ? "" : "s"} into ${storeDir}${result.alreadyThere ? ` (${result.alreadyThere} already there)` : ""}\n`,
      );
      if (result.unreadable.length) out.stdout(`not a Messages request, left out: ${result.unreadable.join(", ")}\n`);
      if (result.refused.length)
        out.stdout(`not read: ${result.refused.map(({ name, reason }) => `${name} (${reason})`).join("; ")}\n`);
      if (result.unanswered)
        out.stdout(
          `${result.unanswered} count_tokens request${result.unanswered === 1 ? " has" : "s have"} no answer in these files (the recipe keeps request bodies only); for \`ctx-monitor compare\`, capture /context with \`ctx-monitor proxy\` or the recipe's variant that keeps responses (resp_*.json)\n`,
        );
    }
    return 0;
  },
};
