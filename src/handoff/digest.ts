// A handoff keeps every user prompt verbatim, so a very long session's handoff can be larger than the
// context that must read it. When it is, the resume prompt and the latest-handoff resource hand over a
// digest instead: every section still there, each cut to a fair share of the budget (the first and
// newest entries where order is time, the first entries where it is importance), and every cut says
// which lines of the full file hold what was left out, so the agent can read exactly those.
import { exactNumber } from "../context/format.ts";

/** About 20k tokens: well inside Claude Code's 25k-token cap on an MCP result, and a fifth of a 200k window. */
export const DIGEST_BUDGET_CHARS = 80_000;

type Keep = "head" | "first-and-newest";

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

/** Sections where the first entries matter most; everywhere else order is time and the newest matter. */
const HEAD_SECTIONS = new Set(["Agent's notes", "Task list (latest)", "Files", "Git"]);

const FENCE = /^\s*(`{3,})/;

/**
 * Splits a handoff into sections (`## `) and entries (`### ` subsections, list items, table rows),
 * never inside a fenced block: prompts are quoted verbatim and may themselves contain headings.
 */
export function parseHandoff(markdown: string): Section[] {
  const sections: Section[] = [{ heading: null, entries: [], keep: "head" }];
  let fence: string | null = null;
  let tableStarted = false;
  markdown.split("\n").forEach((line, index) => {
    const section = sections[sections.length - 1]!;
    let startsEntry = false;
    if (fence) {
      if (line.trim() === fence) fence = null;
    } else {
      const opening = FENCE.exec(line)?.[1];
      if (line.startsWith("## ") || line === "---") {
        const heading = line === "---" ? null : line.slice(3);
        sections.push({ heading, entries: [{ line: index + 1, text: line }], keep: heading && HEAD_SECTIONS.has(heading) ? "head" : "first-and-newest" });
        tableStarted = false;
        return;
      }
      if (/^\| ?-{3}/.test(line)) tableStarted = true;
      startsEntry = line.startsWith("### ") || /^(\d+\.|-) /.test(line) || (tableStarted && line.startsWith("| ") && !/^\| ?-{3}/.test(line));
      if (opening) fence = opening;
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
  const kept = new Set<number>();
  let room = allowance - (first!.text.length + 1);
  const order = section.keep === "head" ? rest.map((_, i) => i) : [0, ...rest.map((_, i) => rest.length - 1 - i).filter((i) => i !== 0)];
  for (const i of order) {
    const cost = rest[i]!.text.length + 1;
    if (cost > room) {
      // Only the first entry of a time-ordered section may be passed over for the newest: one gap at most.
      if (section.keep === "first-and-newest" && i === 0) continue;
      break;
    }
    kept.add(i);
    room -= cost;
  }
  const lines = [clipEntry(first!.text, Math.max(allowance, 200))];
  let skipped: Entry[] = [];
  const flush = () => {
    if (!skipped.length) return;
    const from = skipped[0]!.line;
    const to = skipped[skipped.length - 1]!.line + skipped[skipped.length - 1]!.text.split("\n").length - 1;
    const what = skipped.length === 1 ? "1 entry" : `${exactNumber(skipped.length)} entries`;
    lines.push(`\n_[${what} left out here: lines ${from}–${to} of \`${path}\`]_\n`);
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

/** An entry too large on its own (a section's intro, a long note) is cut, closing any fence it leaves open. */
function clipEntry(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  let fence: string | null = null;
  for (const line of cut.split("\n")) {
    if (fence) {
      if (line.trim() === fence) fence = null;
    } else {
      fence = FENCE.exec(line)?.[1] ?? null;
    }
  }
  return `${cut}\n… [cut: ${exactNumber(text.length)} chars in full]${fence ? `\n${fence}` : ""}`;
}
