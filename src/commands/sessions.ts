// `ctx-monitor sessions [--json] [--project DIR] [--limit N]`: the project's recent sessions, newest first.

import { roundTokens } from "../base/format.ts";
import { type SessionSummary, summarizeSession } from "../integration/session-list.ts";
import { projectSessions } from "../transcript/locate.ts";
import { type Command, printResult } from "./command.ts";

const DEFAULT_LIMIT = 10;

interface SessionsAnswer {
  projectDir: string;
  sessions: SessionSummary[];
  /** Sessions of the project beyond the limit. */
  more: number;
}

export const sessionsCommand: Command = {
  name: "sessions",
  summary: "the project's recent sessions: id, last activity, model, used / window, first prompt",
  synopsis: "[--json] [--project DIR] [--limit N]",
  options: { json: { type: "boolean" }, project: { type: "string" }, limit: { type: "string" } },
  valueKinds: { limit: "count" },
  async run(context) {
    const { values, runtime } = context;
    const limit = typeof values.limit === "string" ? Number(values.limit) : DEFAULT_LIMIT;
    const found = projectSessions(runtime, typeof values.project === "string" ? values.project : undefined);
    const sessions: SessionSummary[] = [];
    for (const entry of found.sessions.slice(0, limit))
      sessions.push(await summarizeSession(runtime, entry.path, entry.mtimeMs));
    const answer: SessionsAnswer = {
      projectDir: found.projectDir,
      sessions,
      more: Math.max(0, found.sessions.length - limit),
    };
    printResult(context, answer, describeSessions);
    return 0;
  },
};

function describeSessions(answer: SessionsAnswer): string {
  if (answer.sessions.length === 0) return `No Claude Code sessions for ${answer.projectDir}.`;
  const lines = [
    `Sessions of ${answer.projectDir}, newest first (\`--session <first 8 characters>\` selects one):`,
    "",
  ];
  for (const session of answer.sessions) {
    const used =
      session.usedTokens !== null && session.contextWindow !== null
        ? `${roundTokens(session.usedTokens)}/${roundTokens(session.contextWindow)}`
        : "no usage yet";
    lines.push(
      `${session.sessionId}  ${session.lastActivity.replace(/\.\d+Z$/, "Z")}  ${session.model ?? "?"}  ${used}${session.status && session.status !== "ok" ? ` (${session.status})` : ""}`,
    );
    lines.push(`  ${session.firstPrompt ? JSON.stringify(session.firstPrompt) : "(no prompt yet)"}`);
  }
  if (answer.more) lines.push("", `${answer.more} older session(s) not shown; --limit N shows more.`);
  return lines.join("\n");
}
