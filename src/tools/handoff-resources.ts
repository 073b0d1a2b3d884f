// The way back in: the latest handoff and the list as MCP resources, and a `resume` prompt that loads
// a handoff into a new session. They read the folder of the project the server runs for.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { defaultProjectDir } from "../claude/paths.ts";
import { digestHandoff } from "../handoff/digest.ts";
import { handoffFolder, handoffInFolder, listHandoffs, readHandoff, type StoredHandoff } from "../handoff/store.ts";
import { configuredHandoffDir, type HandoffDeps } from "../handoff/write-handoff.ts";
import { redactSecrets } from "../redact/redact.ts";

const LATEST_HANDOFF_URI = "ctx-monitor://handoffs/latest";
const HANDOFF_LIST_URI = "ctx-monitor://handoffs";

function folderOf(deps: HandoffDeps): string {
  return handoffFolder(configuredHandoffDir(deps.runtime), defaultProjectDir(deps.runtime)).path;
}

function latest(deps: HandoffDeps): StoredHandoff | null {
  return listHandoffs(folderOf(deps))[0] ?? null;
}

/**
 * The handoff as the model should receive it: whole, or a digest that points into the file when it is too large.
 * Security: read only as a regular file inside the folder, and redacted again before it is cut (a file
 * edited by hand, or written by an older version, may hold what ctx-monitor would have removed).
 */
function readForContext(folder: string, path: string): string {
  return digestHandoff(redactSecrets(readHandoff(folder, path)).text, path);
}

export function registerHandoffResources(server: McpServer, deps: HandoffDeps): void {
  server.registerResource(
    "latest-handoff",
    LATEST_HANDOFF_URI,
    {
      title: "Latest handoff",
      description:
        "The newest handoff written for this project by write_handoff (a digest pointing into the file when it is very long).",
      mimeType: "text/markdown",
    },
    async (uri) => {
      const newest = latest(deps);
      const text = newest
        ? readForContext(folderOf(deps), newest.path)
        : `No handoff has been written yet in ${folderOf(deps)}.`;
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text }] };
    },
  );
  server.registerResource(
    "handoff-list",
    HANDOFF_LIST_URI,
    {
      title: "Handoffs",
      description: "Every handoff of this project, newest first: name, path, size, time.",
      mimeType: "application/json",
    },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: "application/json",
          text: JSON.stringify({ folder: folderOf(deps), handoffs: listHandoffs(folderOf(deps)) }, null, 2),
        },
      ],
    }),
  );
  server.registerPrompt(
    "resume",
    {
      title: "Resume from a handoff",
      description: "Load the latest handoff of this project (or the one named) to continue the work in this session.",
      argsSchema: {
        path: z
          .string()
          .optional()
          .describe("A handoff file name or path inside the handoff folder; the latest if omitted."),
      },
    },
    async ({ path }) => {
      const folder = folderOf(deps);
      const chosen = path ? handoffInFolder(folder, path) : latest(deps)?.path;
      if (!chosen) {
        return {
          messages: [
            {
              role: "user",
              content: { type: "text", text: `There is no handoff in ${folder} yet; nothing to resume from.` },
            },
          ],
        };
      }
      const text =
        `Continue the work described in this handoff (${chosen}). Read it fully first: the user's prompts are verbatim, ` +
        "the agent's notes say where things stand and what comes next. Check the current state of the files before acting.\n\n" +
        readForContext(folder, chosen);
      return { messages: [{ role: "user", content: { type: "text", text } }] };
    },
  );
}
