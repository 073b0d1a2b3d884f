// Keeps secrets out of everything ctx-monitor writes: provider tokens recognisable by their shape
// (redact-prefixed.ts) and secrets recognisable by where they stand — private key blocks, passwords in
// URLs and flags, authorization headers, credential-named keys (redact-context.ts). Pure text in, text
// out, with a count per kind so the caller can say what was removed.
//
// Security: every text taken from a transcript or a caller passes through here before it is cut,
// labelled, summarised or written, and the scan is linear in the text (bounded repetitions, matches that
// start at a literal or a word start), so no input can stall the server.
import { CONTEXT_RULES, type ContextRule } from "./redact-context.ts";
import { PREFIXED_RULES } from "./redact-prefixed.ts";

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
    mayMatch: (text: string) => rule.hints.some((hint) => text.includes(hint)),
    replace: (_match: RegExpExecArray, marker: string) => marker,
  })),
  ...CONTEXT_RULES.filter((rule) => rule.kind !== "private-key"),
];

export function redactSecrets(input: string): Redaction {
  const counts: Record<string, number> = {};
  let text = input;
  for (const rule of RULES) if (rule.mayMatch(text)) text = applyRule(rule, text, counts);
  return { text, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}

/** One rule over the text; a match the rule declines is stepped past (by its name, or one character), never rescanned whole. */
function applyRule(rule: Rule, text: string, counts: Record<string, number>): string {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  const marker = `[REDACTED:${rule.kind}]`;
  let out = "";
  let copied = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const replaced = rule.replace(match, marker);
    if (replaced === null || replaced === match[0]) {
      pattern.lastIndex = match.index + Math.max(1, rule.skip?.(match) ?? 1);
      continue;
    }
    out += text.slice(copied, match.index) + replaced;
    copied = rule.extent ? rule.extent(match) : match.index + match[0].length;
    pattern.lastIndex = copied;
    counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
    if (copied === match.index) pattern.lastIndex++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
