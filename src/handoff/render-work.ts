// The work in a handoff (commands, errors, subagents, what each prompt led to) within its share of
// the size budget: the newest work in full, from the newest prompt back while it fits, and the older
// work of each section summarised with counts and where to find it.
import { counted } from "../base/format.ts";
import { clip, headAndTail } from "./excerpt.ts";
import { type CommandRun, type HandoffFacts, NEWEST } from "./facts.ts";
import { fenced, indent, quoted } from "./markdown.ts";

const LIMITS = { report: 4_000, assistantText: 1_500, error: 1_500, subagentPrompt: 1_500 } as const;
const OUTPUT = { ok: { chars: 1_200, lines: 24 }, failed: { chars: 3_000, lines: 60 } } as const;

export type Section = [title: string, body: string];

interface Item {
  turn: number;
  text: string;
}

interface WorkList {
  title: string;
  /** Every entry of the session, oldest first; only the newest `detailed` can be shown. */
  total: number;
  items: Item[];
  intro: string;
  /** Between shown entries: list items sit on their own lines, subsections apart. */
  separator: string;
  /** A line for the `count` oldest entries that are not shown. */
  omitted(count: number): string;
}

/** "Read a.ts, Edit a.ts ×2, Bash: npm test" — repeats folded, order kept. */
function summarizeActions(actions: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => (count > 1 ? `${action} ×${count}` : action)).join("; ");
}

function mostRun(commands: readonly CommandRun[]): string {
  const counts = new Map<string, number>();
  for (const command of commands) {
    const short = command.command.replace(/\s+/g, " ").slice(0, 80);
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return top.map(([command, count]) => `\`${command}\`${count > 1 ? ` ×${count}` : ""}`).join(", ");
}

function commandsList(facts: HandoffFacts, where: string): WorkList | null {
  const { commands } = facts;
  if (!commands.length) return null;
  const failed = commands.filter((command) => command.ok === false).length;
  const detailed = Math.min(commands.length, NEWEST.commands);
  const offset = commands.length - detailed;
  const items = commands.slice(offset).map((command, index) => {
    const outcome = command.ok === null ? "no result recorded" : command.ok ? "ok" : "**failed**";
    const head = `${offset + index + 1}. \`${command.command.replace(/\s+/g, " ").slice(0, 300)}\` — ${outcome} (after prompt ${command.turn})${command.description ? ` — ${command.description}` : ""}`;
    const text = command.output?.text.trim()
      ? `${head}\n\n${indent(fenced(headAndTail(command.output, command.ok === false ? OUTPUT.failed : OUTPUT.ok).trimEnd()))}`
      : head;
    return { turn: command.turn, text };
  });
  return {
    title: "Commands",
    total: commands.length,
    items,
    intro: `${commands.length} run, ${failed} failed.`,
    separator: "\n",
    omitted(count) {
      const older = commands.slice(0, count);
      const olderFailed = older.filter((command) => command.ok === false).length;
      return `(${counted(count, "earlier command")} not shown, ${olderFailed} of them failed, after prompts ${older[0]!.turn}–${older.at(-1)!.turn}; most run: ${mostRun(older)}. ${where} has them all.)`;
    },
  };
}

function errorsList(facts: HandoffFacts, where: string): WorkList | null {
  const { errors } = facts;
  if (!errors.length) return null;
  const offset = errors.length - Math.min(errors.length, NEWEST.errors);
  return {
    title: "Errors",
    total: errors.length,
    items: errors.slice(offset).map((error) => ({
      turn: error.turn,
      text: `- after prompt ${error.turn}, ${error.source}:\n\n${indent(fenced(clip(error.message, LIMITS.error)))}`,
    })),
    intro: "",
    separator: "\n",
    omitted: (count) => `(${counted(count, "earlier error")} not shown; ${where} has them.)`,
  };
}

function subagentsList(facts: HandoffFacts, where: string): WorkList | null {
  const { subagents } = facts;
  if (!subagents.length) return null;
  const offset = subagents.length - Math.min(subagents.length, NEWEST.subagents);
  return {
    title: "Subagents",
    total: subagents.length,
    items: subagents.slice(offset).map((agent) => {
      const report =
        agent.report === null ? "No report recorded." : `Report:\n\n${quoted(clip(agent.report, LIMITS.report))}`;
      return {
        turn: agent.turn,
        text: `### ${agent.description}${agent.type ? ` (${agent.type})` : ""} — after prompt ${agent.turn}\n\nPrompt:\n\n${quoted(clip(agent.prompt, LIMITS.subagentPrompt))}\n\n${report}`,
      };
    }),
    intro: "",
    separator: "\n\n",
    omitted: (count) => `(${counted(count, "earlier subagent")} not shown; ${where} has their prompts and reports.)`,
  };
}

function turnsList(facts: HandoffFacts, where: string): WorkList | null {
  const active = facts.turns.filter((turn) => turn.actions.length || turn.replies.length);
  if (!active.length) return null;
  const offset = active.length - Math.min(active.length, NEWEST.turns);
  return {
    title: "What happened, prompt by prompt",
    total: active.length,
    items: active.slice(offset).map((turn) => {
      const title = turn.prompt === 0 ? "Before the first prompt" : `After prompt ${turn.prompt}`;
      const actions = turn.actions.length
        ? `${counted(turn.actions.length, "tool call")}: ${summarizeActions(turn.actions)}`
        : "No tool calls.";
      const replies = turn.replies.length
        ? `\n\nThe agent said:\n\n${turn.replies.map((reply) => quoted(clip(reply, LIMITS.assistantText))).join("\n>\n")}`
        : "";
      return { turn: turn.prompt, text: `### ${title}\n\n${actions}${replies}` };
    }),
    intro: "",
    separator: "\n\n",
    omitted(count) {
      const older = active.slice(0, count);
      const calls = older.reduce((sum, turn) => sum + turn.actions.length, 0);
      return `(What ${counted(count, "earlier prompt")} led to is not shown: ${counted(calls, "tool call")} after prompts ${older[0]!.prompt}–${older.at(-1)!.prompt}; ${where} has every step.)`;
    },
  };
}

function workLists(facts: HandoffFacts, where: string): WorkList[] {
  return [commandsList, errorsList, subagentsList, turnsList]
    .map((list) => list(facts, where))
    .filter((list): list is WorkList => list !== null);
}

/** The characters the work needs in full (what `workSections` writes when given this much room). */
export function workChars(facts: HandoffFacts, where: string): number {
  return workLists(facts, where).reduce(
    (sum, list) =>
      sum +
      list.title.length +
      list.intro.length +
      list.omitted(list.total).length +
      16 +
      list.items.reduce((items, item) => items + item.text.length + 2, 0),
    0,
  );
}

/**
 * The work sections within `room` characters: items taken from the newest prompt back, across the
 * sections, until one does not fit; each section then says what it left out.
 */
export function workSections(facts: HandoffFacts, room: number, where: string): Section[] {
  const lists = workLists(facts, where);
  // Each section keeps its title, its counts and room for the line saying what it left out.
  let left =
    room -
    lists.reduce((sum, list) => sum + list.title.length + list.intro.length + list.omitted(list.total).length + 16, 0);
  const order = lists
    .flatMap((list, listIndex) => list.items.map((item, index) => ({ listIndex, index, item })))
    .sort((a, b) => b.item.turn - a.item.turn || a.listIndex - b.listIndex || b.index - a.index);
  const shownFrom = lists.map((list) => list.items.length);
  for (const { listIndex, index, item } of order) {
    const cost = item.text.length + 2;
    if (cost > left) break;
    shownFrom[listIndex] = index;
    left -= cost;
  }
  return lists.map((list, listIndex) => {
    const from = shownFrom[listIndex]!;
    const hidden = list.total - (list.items.length - from);
    const shown = list.items.slice(from).map((item) => item.text);
    const lead = [list.intro, hidden > 0 ? list.omitted(hidden) : ""].filter(Boolean);
    return [list.title, [...lead, shown.join(list.separator)].filter(Boolean).join("\n\n")];
  });
}
