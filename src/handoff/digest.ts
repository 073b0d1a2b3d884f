// A handoff keeps every user prompt verbatim, so a very long session's handoff can be larger than the
// context that must read it. When it is, the resume prompt and the latest-handoff resource hand over a
// digest instead: every section still there, each cut to a fair share of the budget (the first and
// newest entries where order is time, the first entries where it is importance), and every cut says
// which lines of the full file hold what was left out, so the agent can read exactly those.
import { exactNumber } from "../base/format.ts";

/** About 20k tokens: well inside Claude Code's 25k-token cap on an MCP result, and a fifth of a 200k window. */
export const DIGEST_BUDGET_CHARS = 80_000;

/** head: leading entries that fit; first-and-newest: the first and the newest that fit; share: every entry, each cut to a fair share. */
type Keep = "head" | "first-and-newest" | "share";

interface Entry {
  /** 1-based line number of the entry's first line in the full document. */
  line: number;
  text: string;
}

interface Section {
  heading: string | null;
  entries: Entry[];
  keep: Keep;
}

/** Where order is importance or every entry counts; everywhere else order is time and the newest matter. */
const SECTION_KEEP: Record<string, Keep> = {
  "Agent's notes": "share",
  "Task list (latest)": "head",
  Files: "head",
  Git: "head",
};

/** Follows fenced blocks line by line (the renderer makes each fence longer than any backtick run inside). */
class FenceTracker {
  open: string | null = null;

  /** True when the line opens, continues or closes a fenced block. */
  step(line: string): boolean {
    if (this.open) {
      if (line.trim() === this.open) this.open = null;
      return true;
    }
    this.open = /^\s*(`{3,})/.exec(line)?.[1] ?? null;
    return this.open !== null;
  }
}

/**
 * Splits a handoff into sections (`## `) and entries (`### ` subsections, list items, table rows),
 * never inside a fenced block: prompts are quoted verbatim and may themselves contain headings.
 */
export function parseHandoff(markdown: string): Section[] {
  const sections: Section[] = [{ heading: null, entries: [], keep: "head" }];
  const fences = new FenceTracker();
  let tableStarted = false;
  markdown.split("\n").forEach((line, index) => {
    const section = sections[sections.length - 1]!;
    let startsEntry = false;
    if (!fences.step(line)) {
      if (line.startsWith("## ") || line === "---") {
        const heading = line === "---" ? null : line.slice(3);
        sections.push({
          heading,
          entries: [{ line: index + 1, text: line }],
          keep: (heading && SECTION_KEEP[heading]) || "first-and-newest",
        });
        tableStarted = false;
        return;
      }
      if (/^\| ?-{3}/.test(line)) tableStarted = true;
      // In a section shared out by entry (the agent's notes), an entry is a whole subsection.
      const listItem = /^(\d+\.|-) /.test(line) || (tableStarted && line.startsWith("| ") && !/^\| ?-{3}/.test(line));
      startsEntry = line.startsWith("### ") || (section.keep !== "share" && listItem);
    }
    const last = section.entries[section.entries.length - 1];
    if (startsEntry || !last) section.entries.push({ line: index + 1, text: line });
    else last.text += `\n${line}`;
  });
  return sections.filter((section) => section.entries.length > 0);
}

export function digestHandoff(markdown: string, path: string, budget = DIGEST_BUDGET_CHARS): string {
  if (markdown.length <= budget) return markdown;
  const preface =
    `> This is a digest of a ${exactNumber(markdown.length)}-character handoff, cut to fit the context. ` +
    `The full document is \`${path}\`; each cut below names the lines that hold what was left out.\n\n`;
  const sections = parseHandoff(markdown);
  const allowances = shareOut(
    Math.max(0, budget - preface.length - sections.length * CUT_NOTE_CHARS),
    sections.map((section) => size(section.entries)),
  );
  const body = sections.map((section, index) => cutSection(section, allowances[index]!, path)).join("\n");
  return preface + body;
}

/** Room kept per section for the note that says what was cut. */
const CUT_NOTE_CHARS = 220;

function size(entries: readonly Entry[]): number {
  return entries.reduce((sum, entry) => sum + entry.text.length + 1, 0);
}

/** Water-filling: small sections keep everything, the rest share what is left equally. */
function shareOut(budget: number, sizes: readonly number[]): number[] {
  const allowances = sizes.map(() => 0);
  let left = budget;
  const order = sizes.map((_, index) => index).sort((a, b) => sizes[a]! - sizes[b]!);
  order.forEach((index, position) => {
    const fair = Math.floor(left / (order.length - position));
    allowances[index] = Math.min(sizes[index]!, fair);
    left -= allowances[index]!;
  });
  return allowances;
}

function cutSection(section: Section, allowance: number, path: string): string {
  const { entries } = section;
  if (size(entries) <= allowance) return entries.map((entry) => entry.text).join("\n");
  // The heading line (or the preamble's title) always stays.
  const [first, ...rest] = entries;
  const room = allowance - (first!.text.length + 1);
  const lines = [clipEntry(first!, Math.max(allowance, MIN_CLIP_CHARS), path)];
  if (section.keep === "share") {
    const shares = shareOut(
      Math.max(0, room),
      rest.map((entry) => entry.text.length + 1),
    );
    rest.forEach((entry, i) => {
      lines.push(clipEntry(entry, Math.max(shares[i]!, MIN_CLIP_CHARS), path));
    });
    return lines.join("\n");
  }
  const kept = pick(section.keep, rest, room);
  let skipped: Entry[] = [];
  const flush = () => {
    if (!skipped.length) return;
    const what = skipped.length === 1 ? "1 entry" : `${exactNumber(skipped.length)} entries`;
    lines.push(`\n_[${what} left out here: ${linesOf(skipped[0]!, skipped[skipped.length - 1]!)} of \`${path}\`]_\n`);
    skipped = [];
  };
  rest.forEach((entry, i) => {
    if (kept.has(i)) {
      flush();
      lines.push(entry.text);
    } else {
      skipped.push(entry);
    }
  });
  flush();
  return lines.join("\n");
}

/** Which entries fit in `room`: the leading ones, or the first and then the newest, leaving one gap at most. */
function pick(keep: Exclude<Keep, "share">, entries: readonly Entry[], room: number): Set<number> {
  const kept = new Set<number>();
  const order =
    keep === "head"
      ? entries.map((_, i) => i)
      : [0, ...entries.map((_, i) => entries.length - 1 - i).filter((i) => i !== 0)];
  for (const i of order) {
    const cost = entries[i]!.text.length + 1;
    if (cost > room) {
      if (keep === "first-and-newest" && i === 0) continue;
      break;
    }
    kept.add(i);
    room -= cost;
  }
  return kept;
}

/** Below this an entry is not worth cutting further: its start is kept and the cut says where the rest is. */
const MIN_CLIP_CHARS = 200;

function linesOf(from: Entry, to: Entry): string {
  return `lines ${from.line}–${to.line + to.text.split("\n").length - 1}`;
}

/** An entry too large for its share is cut, closing any fence it leaves open, and says where it is in full. */
function clipEntry(entry: Entry, max: number, path: string): string {
  if (entry.text.length <= max) return entry.text;
  const cut = entry.text.slice(0, max);
  const fences = new FenceTracker();
  for (const line of cut.split("\n")) fences.step(line);
  const marker = `… [cut: ${exactNumber(entry.text.length)} chars in full, ${linesOf(entry, entry)} of \`${path}\`]`;
  return `${cut}\n${marker}${fences.open ? `\n${fences.open}` : ""}`;
}
