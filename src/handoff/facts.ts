// The facts a handoff takes exactly from the transcript, from the session's start: the user's prompts
// verbatim, files read / edited / written, commands and their failures, errors, the latest task list,
// subagents and their reports, compactions, and per prompt what the agent did and last said. Gathered by
// `fact-collector.ts`; rendered by `render*.ts`.

import type { Compaction } from "../transcript/records.ts";

/** A text as the handoff keeps it: redacted, at most KEPT_CHARS of it, and how long it was. */
export interface KeptText {
  /** The whole text, or its start when it was longer than KEPT_CHARS. */
  text: string;
  chars: number;
  /** The end of a text longer than KEPT_CHARS: a command's verdict is usually in its last lines. */
  tail?: string;
}

/** Far more than any rendered excerpt (the longest is 4,000), so cutting here never shows. */
export const KEPT_CHARS = 16_000;
/**
 * How many of the newest entries of each list the handoff shows in detail: it is read by the next
 * context, so a very long session must not produce a document that fills it (prompts are always kept
 * in full). Older entries are only counted, so their texts are let go as reading goes on.
 */
export const NEWEST = { commands: 150, errors: 50, subagents: 30, turns: 60 } as const;

export interface Prompt {
  number: number;
  text: string;
  at: string | null;
  /** A slash command (`/compact`, `/review 12`) rather than words. */
  command: boolean;
}

export interface FileActivity {
  path: string;
  reads: number;
  edits: number;
  writes: number;
  /** Lines added and removed by the session's successful edits and writes. */
  added: number;
  removed: number;
}

export interface CommandRun {
  command: string;
  description: string | null;
  turn: number;
  /** null until its result is seen. */
  ok: boolean | null;
  output: KeptText | null;
}

export interface ErrorMet {
  turn: number;
  source: string;
  message: KeptText;
}

export interface Task {
  id: string;
  subject: string;
  status: string;
}

export interface Subagent {
  turn: number;
  description: string;
  type: string | null;
  prompt: KeptText;
  report: KeptText | null;
}

export interface Turn {
  prompt: number;
  actions: string[];
  /** What the agent said, in order (its text blocks). */
  replies: KeptText[];
}

export interface HandoffFacts {
  sessionId: string | null;
  projectDir: string | null;
  model: string | null;
  startedAt: string | null;
  lastAt: string | null;
  prompts: Prompt[];
  files: FileActivity[];
  commands: CommandRun[];
  errors: ErrorMet[];
  tasks: Task[];
  subagents: Subagent[];
  turns: Turn[];
  compactions: Compaction[];
  /** Tool calls the agent made in the main chain, from the start. */
  toolCalls: number;
  /** Secrets redacted from what was taken, by kind. */
  redactions: Record<string, number>;
}
