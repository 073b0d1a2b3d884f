// What Claude Code's compaction summary dropped: each user prompt, file touched, failing command and
// noted next step or open question of the handoff that the summary does not mention. Pure: texts in,
// a list out. The summary paraphrases, so a fact counts as kept when most of its words are in it
// (short facts and paths: when they appear in it as they are).

/** What the handoff holds that the summary should carry forward. */
export interface HandoffFactsToKeep {
  prompts: readonly string[];
  files: readonly string[];
  failedCommands: readonly string[];
  nextSteps: string | null;
  openQuestions: string | null;
}

export type LossKind = "prompt" | "file" | "failing command" | "next step" | "open question";

export interface Loss {
  kind: LossKind;
  text: string;
}

export type SummaryComparison =
  | { kind: "compared"; lost: Loss[]; checked: number; summaryChars: number; comparedChars: number }
  | { kind: "missing" }
  | { kind: "empty" };

/** A summary is ~10k characters; past this only its start is compared (and the answer says so). */
export const MAX_SUMMARY_CHARS = 1_000_000;
/** Share of a fact's words the summary must hold for the fact to count as kept. */
const KEPT_SHARE = 0.75;
const MIN_WORDS_FOR_SHARE = 3;
const STOP_WORDS = new Set(
  "the and for are but not you all any can had her was one our out has him his how its may new now see two who did get let put say she too use that this with from have they will what when your into than then them been were which their there would could should about after also just more some such only other".split(
    " ",
  ),
);

function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function wordsOf(text: string): string[] {
  return [...new Set(normalized(text).split(" "))].filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

class SummaryText {
  private readonly lower: string;
  private readonly flat: string;
  private readonly words: Set<string>;

  constructor(summary: string) {
    this.lower = summary.toLowerCase();
    this.flat = ` ${normalized(summary)} `;
    this.words = new Set(this.flat.split(" "));
  }

  keepsWords(text: string): boolean {
    const flat = normalized(text);
    if (flat === "") return true;
    if (this.flat.includes(` ${flat} `)) return true;
    const words = wordsOf(text);
    if (words.length < MIN_WORDS_FOR_SHARE) return false;
    const found = words.filter((word) => this.words.has(word)).length;
    return found / words.length >= KEPT_SHARE;
  }

  /** A path is kept when the summary names it, or its file name. */
  keepsPath(path: string): boolean {
    const lower = path.toLowerCase();
    const name = lower.split("/").filter(Boolean).at(-1) ?? lower;
    return this.lower.includes(lower) || this.lower.includes(name);
  }
}

/** The items of a note: its list entries (`-`, `*`, `1.`), else its non-empty lines. */
export function noteItems(note: string | null): string[] {
  if (!note) return [];
  const lines = note.split("\n").map((line) => line.trim());
  const bullet = /^(?:[-*•]|\d+[.)])\s+/;
  const listed = lines.filter((line) => bullet.test(line)).map((line) => line.replace(bullet, "").trim());
  return (listed.length > 0 ? listed : lines).filter((line) => line !== "");
}

export function compareSummary(summary: string | null, facts: HandoffFactsToKeep): SummaryComparison {
  if (summary === null) return { kind: "missing" };
  if (summary.trim() === "") return { kind: "empty" };
  const compared = summary.slice(0, MAX_SUMMARY_CHARS);
  const text = new SummaryText(compared);
  const checks: Array<[LossKind, string, boolean]> = [
    ...facts.prompts.map((prompt): [LossKind, string, boolean] => ["prompt", prompt, text.keepsWords(prompt)]),
    ...facts.files.map((file): [LossKind, string, boolean] => ["file", file, text.keepsPath(file)]),
    ...facts.failedCommands.map((command): [LossKind, string, boolean] => [
      "failing command",
      command,
      text.keepsWords(command),
    ]),
    ...noteItems(facts.nextSteps).map((step): [LossKind, string, boolean] => [
      "next step",
      step,
      text.keepsWords(step),
    ]),
    ...noteItems(facts.openQuestions).map((question): [LossKind, string, boolean] => [
      "open question",
      question,
      text.keepsWords(question),
    ]),
  ];
  return {
    kind: "compared",
    lost: checks.filter(([, , kept]) => !kept).map(([kind, item]) => ({ kind, text: item })),
    checked: checks.length,
    summaryChars: summary.length,
    comparedChars: compared.length,
  };
}

const ITEM_CHARS = 240;

function itemLine(loss: Loss): string {
  const flat = loss.text.replace(/\s+/g, " ").trim();
  const shown = flat.length <= ITEM_CHARS ? flat : `${flat.slice(0, ITEM_CHARS)}… (${flat.length} chars)`;
  return `- ${loss.kind}: ${loss.kind === "file" ? shown : JSON.stringify(shown)}`;
}

/**
 * The comparison as text for the agent, at most `maxChars` (the pointer's share); `fullList` names
 * where the whole list is when it does not fit.
 */
export function describeLosses(comparison: SummaryComparison, maxChars: number, fullList: string | null): string {
  if (comparison.kind === "missing")
    return "Claude Code's summary of this compaction was not found (no PostCompact summary, and no readable summary record after the compaction in the transcript): treat everything before it as known only from the handoff.";
  if (comparison.kind === "empty")
    return "Claude Code's summary of this compaction is empty: everything before it is known only from the handoff.";
  const cut =
    comparison.comparedChars < comparison.summaryChars
      ? ` (the summary is ${comparison.summaryChars} chars; its first ${comparison.comparedChars} were compared)`
      : "";
  if (comparison.lost.length === 0)
    return `Claude Code's summary mentions all ${comparison.checked} prompts, files, failing commands and noted steps of the handoff${cut}.`;
  const head = `Claude Code's summary dropped ${comparison.lost.length} of ${comparison.checked} facts the handoff keeps${cut}:`;
  const lines = [head];
  let used = head.length;
  for (const [index, loss] of comparison.lost.entries()) {
    const line = itemLine(loss);
    const rest = comparison.lost.length - index;
    const more = `… and ${rest} more${fullList ? ` (all in ${fullList})` : ""}`;
    if (used + line.length + 1 + (rest > 1 ? more.length + 1 : 0) > maxChars) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}
