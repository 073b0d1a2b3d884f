// Keeps secrets out of everything ctx-monitor writes: provider tokens recognisable by their shape
// (redact-prefixed.ts) and secrets recognisable by where they stand — private key blocks, passwords in
// URLs and flags, authorization headers, credential-named keys (redact-context.ts). Pure text in, text
// out, with a count per kind so the caller can say what was removed.
//
// Security: every text taken from a transcript or a caller passes through here before it is cut,
// labelled, summarised or written, and the scan is linear in the text (bounded repetitions, matches that
// start at a literal or a word start), so no input can stall the server.
import { randomRuns } from "./high-entropy.ts";
import { CONTEXT_RULES, type ContextRule } from "./redact-context.ts";
import { FORMAT_RULES } from "./redact-formats.ts";
import { isPlaceholderToken, PREFIXED_RULES } from "./redact-prefixed.ts";
import { compileTriggers } from "./triggers.ts";
import {
  composed,
  fullwidthFolded,
  gluedSplit,
  jsonUnescaped,
  removedRanges,
  urlDecoded,
  type View,
  wrappedJoined,
} from "./views.ts";

interface Redaction {
  text: string;
  /** Replacements made, by kind. */
  counts: Record<string, number>;
  total: number;
}

/** Every rule has the context rules' shape; the prefixed ones are made into it below. */
type Rule = ContextRule;

const RULES: readonly Rule[] = [
  // Private keys first: their base64 lines must not be taken apart by the token rules.
  ...CONTEXT_RULES.filter((rule) => rule.kind === "private-key"),
  ...PREFIXED_RULES.map((rule) => ({
    kind: rule.kind,
    pattern: rule.pattern,
    triggers: rule.triggers,
    replace: (match: RegExpExecArray, marker: string) => (isPlaceholderToken(match[0]) ? null : marker),
  })),
  ...CONTEXT_RULES.filter((rule) => rule.kind !== "private-key"),
  ...FORMAT_RULES,
];
/** What no rule names but looks random (high-entropy.ts): judged after every rule, on what they left. */
const RANDOM_KIND = "high-entropy-token";
const RANDOM_MARKER = `[REDACTED:${RANDOM_KIND}]`;

/** Every rule's trigger literals, each once, found in one pass over the text. */
const TRIGGERS = compileTriggers([...new Set(RULES.flatMap((rule) => [...rule.triggers, ...(rule.requires ?? [])]))]);
const indexOf = (literal: string) => TRIGGERS.literals.indexOf(literal);
// A marker is inert: no rule matches in it or with its help (markers.test.ts holds every rule to
// that), so the trigger words in its kind's name (`credential`, `token`, `key`) are not counted as
// found after a redaction. Counting them made a later rule run over all of a redacted text for
// nothing (on 10 MB of `curl -u a:`, a sixth of the time).
const PLANS = RULES.map((rule, index) => ({
  rule,
  index,
  marker: `[REDACTED:${rule.kind}]`,
  triggers: rule.triggers.map(indexOf),
  requires: rule.requires?.map(indexOf),
}));
type Plan = (typeof PLANS)[number];
/** Every marker a redaction writes, each once. */
export const MARKERS: readonly string[] = [...new Set([...PLANS.map((plan) => plan.marker), RANDOM_MARKER])];

// A key block spans lines, so that rule reads the whole text. Every other rule's match lies within a
// line (none crosses a "\n" or looks past one), so those run over stretches of whole lines: a rule
// that redacts something rebuilds its stretch, not all of a long text (on 10 MB with every kind of
// secret, rebuilding the whole text once per rule was most of the time).
const WHOLE_TEXT = PLANS.filter((plan) => plan.rule.kind === "private-key");
const BY_LINES = PLANS.filter((plan) => plan.rule.kind !== "private-key");
/** A stretch ends at the first line end after this many characters. */
const STRETCH = 65_536;

interface Stretch {
  start: number;
  end: number;
  /** Which triggers it holds. */
  present: Uint8Array;
}

/** The key block's marker: after that rule, the scan passes over it (a marker is inert). */
const KEY_MARKER = WHOLE_TEXT.length === 1 ? WHOLE_TEXT[0]?.marker : undefined;

function stretches(text: string, passOver?: string): Stretch[] {
  const found: Stretch[] = [];
  for (let start = 0; start < text.length || found.length === 0; ) {
    const lineEnd = text.indexOf("\n", start + STRETCH - 1);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    found.push({ start, end, present: TRIGGERS.scan(text, start, end, passOver) });
    start = end;
  }
  return found;
}

const mayMatch = (plan: Plan, present: Uint8Array) =>
  plan.triggers.some((index) => present[index]) && (!plan.requires || plan.requires.some((index) => present[index]));

/**
 * Views in which a secret may show only once decoded: each is built from the text as redacted so far,
 * and what the rules find in it is replaced in the text's own characters.
 */
type ViewOf = (text: string) => View | null;
/**
 * A view remembered for the last few texts it was asked of: the passes ask the same views of a text
 * that no rule changed (on 10 MB of `\\n`, decoding it again and again was most of the time).
 */
function remembered(view: ViewOf): ViewOf {
  const last: Array<[string, View | null]> = [];
  return (text) => {
    for (const [seen, built] of last) if (seen === text) return built;
    const built = view(text);
    last.unshift([text, built]);
    if (last.length > 2) last.pop();
    return built;
  };
}
const json = remembered(jsonUnescaped);
const url = remembered(urlDecoded);
const twice = (first: ViewOf, second: ViewOf): ViewOf =>
  remembered((text) => {
    const outer = first(text);
    const inner = outer && second(outer.text);
    return outer && inner ? composed(outer, inner) : null;
  });
const DECODED_VIEWS: readonly ViewOf[] = [
  json,
  twice(json, json),
  url,
  twice(url, url),
  twice(json, url),
  remembered(fullwidthFolded),
];
// Wrapped lines joined before glued tokens are split: a prefix found by chance inside a long key's
// random body (`…Dw2Bhf_RgCe…`) would cut the key there, and its tail on the next line would be left.
const JOINING_VIEWS: readonly ViewOf[] = [
  wrappedJoined,
  twice(wrappedJoined, gluedSplit),
  gluedSplit,
  twice(json, wrappedJoined),
];

export function redactSecrets(input: string): Redaction {
  const counts: Record<string, number> = {};
  let text = input;
  // Glued tokens and wrapped lines first, while each token still starts with its prefix.
  for (const view of JOINING_VIEWS) {
    const joined = view(text);
    if (joined) text = redactThrough(text, joined, counts, false);
  }
  text = redactByRules(text, counts, false);
  // The rules in every decoded view before any random run is cut out: a value judged random in its
  // encoded form (`%2522Y3ziN…`) would lose its start, and the decoded rule would miss the rest.
  for (const view of DECODED_VIEWS) {
    const decoded = view(text);
    if (decoded) text = redactThrough(text, decoded, counts, false);
  }
  text = redactByRules(text, counts, true, false);
  for (const view of DECODED_VIEWS) {
    const decoded = view(text);
    if (decoded) text = redactThrough(text, decoded, counts, true, false);
  }
  return { text, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}

/** What the rules find in a view of the text, replaced in the text: each range by its kind's marker (a line break in it kept). */
function redactThrough(
  text: string,
  whole: View,
  counts: Record<string, number>,
  random: boolean,
  rules = true,
): string {
  const view = touchedLines(text, whole);
  const found: Record<string, number> = {};
  // A run the view holds as the text does (nothing decoded in it) was judged in the text already.
  const asInText = (start: number, end: number) =>
    (view.from[end] as number) - (view.from[start] as number) === end - start;
  const redacted = redactByRules(view.text, found, random, rules, rules ? undefined : asInText);
  if (redacted === view.text) return text;
  // Counted as the rules counted them in the view, as a text without the view would count them.
  for (const [kind, count] of Object.entries(found)) counts[kind] = (counts[kind] ?? 0) + count;
  const pieces: string[] = [];
  let copied = 0;
  for (const range of removedRanges(view.text, redacted)) {
    const start = Math.max(copied, view.from[range.start] ?? text.length);
    const end = view.from[range.end] ?? text.length;
    if (end <= start) continue;
    const breaks = text.slice(start, end).split("\n").length - 1;
    pieces.push(text.slice(copied, start), `[REDACTED:${range.kind}]`, "\n".repeat(breaks));
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}

/**
 * Only the view's lines that differ from the text (a character decoded, put in or left out there, or at
 * the line break before or after): every other line is one of the text's own, which the rules have had
 * already (all but the key block's read within a line), so running them there again found nothing and
 * cost a pass over the whole text per view. A view with a key block's start is kept whole.
 */
function touchedLines(text: string, view: View): View {
  const { from } = view;
  const viewText = view.text;
  if (viewText.includes("PRIVATE KEY")) return view;
  const keep: Array<[number, number]> = [];
  let lineStart = 0;
  let touched = false;
  for (let at = 0; at <= viewText.length; at++) {
    const end = at === viewText.length;
    const origin = from[at] as number;
    const changed =
      !end && ((from[at + 1] as number) - origin !== 1 || viewText.charCodeAt(at) !== text.charCodeAt(origin));
    if (changed) touched = true;
    if (end || viewText.charCodeAt(at) === 10) {
      const next = end ? at : at + 1;
      if (touched) {
        const last = keep.at(-1);
        if (last && last[1] === lineStart) last[1] = next;
        else keep.push([lineStart, next]);
      }
      lineStart = next;
      // A decoded line break touches the line after it too.
      touched = changed;
    }
  }
  if (keep.length === 1 && keep[0]?.[0] === 0 && keep[0][1] === viewText.length) return view;
  let length = 0;
  for (const [start, end] of keep) length += end - start;
  const kept = new Int32Array(length + 1);
  const pieces: string[] = [];
  let put = 0;
  for (const [start, end] of keep) {
    pieces.push(viewText.slice(start, end));
    kept.set(from.subarray(start, end), put);
    put += end - start;
  }
  kept[length] = keep.length ? (from[(keep.at(-1) as [number, number])[1]] as number) : text.length;
  return { text: pieces.join(""), from: kept };
}

/** Every rule over the text, then the random-looking runs, counting by kind into `counts`. */
function redactByRules(
  input: string,
  counts: Record<string, number>,
  random: boolean,
  rules = true,
  judged?: (start: number, end: number) => boolean,
): string {
  if (!rules) return redactRandom(input, counts, judged);
  const made = PLANS.map(() => 0);
  let text = input;
  let parts = stretches(text);
  const anywhere = new Uint8Array(TRIGGERS.literals.length);
  for (const part of parts)
    for (let index = 0; index < anywhere.length; index++) if (part.present[index]) anywhere[index] = 1;
  if (WHOLE_TEXT.some((plan) => mayMatch(plan, anywhere))) {
    const redacted = applyPlans(WHOLE_TEXT, text, anywhere, made);
    if (redacted !== text) {
      text = redacted;
      parts = stretches(text, KEY_MARKER);
    }
  }
  const found = { random: 0 };
  const pieces = parts.map((part) => {
    const piece = applyPlans(BY_LINES, text.slice(part.start, part.end), part.present, made);
    return random ? withoutRandomRuns(piece, found) : piece;
  });
  text = pieces.length === 1 ? (pieces[0] ?? "") : pieces.join("");
  for (const plan of PLANS)
    if (made[plan.index]) counts[plan.rule.kind] = (counts[plan.rule.kind] ?? 0) + (made[plan.index] ?? 0);
  if (found.random) counts[RANDOM_KIND] = (counts[RANDOM_KIND] ?? 0) + found.random;
  return text;
}

/** Only the random-looking runs cut out (after every rule has had its turn in every view). */
function redactRandom(
  input: string,
  counts: Record<string, number>,
  judged?: (start: number, end: number) => boolean,
): string {
  const found = { random: 0 };
  const text = withoutRandomRuns(input, found, judged);
  if (found.random) counts[RANDOM_KIND] = (counts[RANDOM_KIND] ?? 0) + found.random;
  return text;
}

function withoutRandomRuns(
  piece: string,
  found: { random: number },
  judged?: (start: number, end: number) => boolean,
): string {
  const runs = randomRuns(piece, judged);
  if (runs.length === 0) return piece;
  found.random += runs.length;
  const kept: string[] = [];
  let copied = 0;
  for (const [start, end] of runs) {
    kept.push(piece.slice(copied, start), RANDOM_MARKER);
    copied = end;
  }
  kept.push(piece.slice(copied));
  return kept.join("");
}

/** The rules in order over one text, each skipped when the text held none of its triggers (a marker written since holds none that counts). */
function applyPlans(plans: readonly Plan[], input: string, present: Uint8Array, made: number[]): string {
  let text = input;
  for (const plan of plans) {
    if (!mayMatch(plan, present)) continue;
    text = applyRule(plan, text, made);
  }
  return text;
}

/** The next match at or after `from`: a sticky pattern tried where the rule's finder says one can start, or a global one. */
function nextMatch(
  pattern: RegExp,
  text: string,
  from: number,
  starts?: (from: number) => number,
): RegExpExecArray | null {
  if (!starts) {
    pattern.lastIndex = from;
    return pattern.exec(text);
  }
  for (let at = starts(from); at >= 0; at = starts(at + 1)) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}

/**
 * One rule over the text; a match the rule declines is stepped past (by its name, or one character),
 * never rescanned whole. The result is built once from the kept stretches and the replacements.
 */
function applyRule(plan: Plan, text: string, made: number[]): string {
  const { rule, marker, index } = plan;
  if (!rule.replace && !rule.extent && !rule.starts) return replaceEveryMatch(plan, text, made);
  const joined: string[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let count = 0;
  let from = 0;
  const starts = rule.starts?.(text);
  for (
    let match = nextMatch(rule.pattern, text, 0, starts);
    match;
    match = nextMatch(rule.pattern, text, from, starts)
  ) {
    const replaced = rule.replace ? rule.replace(match, marker) : marker;
    if (replaced === null || replaced === match[0]) {
      from = match.index + Math.max(1, rule.skip?.(match) ?? 1);
      continue;
    }
    pieces.push(text.slice(copied, match.index), replaced);
    // Joined as they come, a few thousand at a time: the small pieces die young instead of being
    // carried through every collection until the end (on a million redactions, most of the time).
    if (pieces.length >= 4_096) joined.push(pieces.splice(0).join(""));
    copied = rule.extent ? rule.extent(match) : match.index + match[0].length;
    from = copied === match.index ? copied + 1 : copied;
    count++;
  }
  if (count === 0) return text;
  made[index] = (made[index] ?? 0) + count;
  pieces.push(text.slice(copied));
  joined.push(pieces.join(""));
  return joined.join("");
}

/** A rule whose every match is a secret, replaced whole: the engine's own replace builds the text. */
function replaceEveryMatch({ rule, marker, index }: Plan, text: string, made: number[]): string {
  let count = 0;
  const redacted = text.replace(rule.pattern, () => {
    count++;
    return marker;
  });
  made[index] = (made[index] ?? 0) + count;
  return count === 0 ? text : redacted;
}
