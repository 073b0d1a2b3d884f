// Where a credential assignment (`name = value`, `"name": "value"`, `name := value`) can start: just
// after a credential's name that a separator follows. A regex that looks behind for the name at every
// position of the text cost most of a redaction on text full of separators; this finds each `:` and
// `=` with indexOf, steps back over what may stand between a name and it, and reads the name once.
import { isSecretValue, namesCredential } from "./redact-values.ts";

/**
 * A value as shells, code and configs write it, by how it opens: in double quotes (JSON-escaped quotes
 * inside), single quotes, backticks, JSON-escaped quotes, or plain up to a separator. The assignment
 * pattern's value is these, tried in this order.
 */
export const VALUE_FORMS = [
  String.raw`"(?:[^"\\\r\n]|\\[^"\r\n]){0,1000}"`,
  String.raw`'[^'\r\n]{0,1000}'`,
  String.raw`\`[^\`\r\n]{0,1000}\``,
  String.raw`\\"[^"\\\r\n]{0,1000}\\"`,
  String.raw`[^\s"'\`,;&|<>(){}\[\]]{1,1000}`,
] as const;
/** The form a value opening with this character can only be (a backslash opens two: left to the pattern). */
const FORM_OPENED_BY = new Map<number, RegExp>([
  [34, new RegExp(VALUE_FORMS[0], "y")], // "
  [39, new RegExp(VALUE_FORMS[1], "y")], // '
  [96, new RegExp(VALUE_FORMS[2], "y")], // `
]);
const PLAIN_VALUE = new RegExp(VALUE_FORMS[4], "y");

/** The words of which a credential's name holds one, anywhere (`apiKeyProd`, `db_password_2`). */
const CREDENTIAL_WORD = /secret|token|passw(?:or)?d|pwd|passphrase|credentials?|auth|key|_pat/i;
/** A longer run of name characters is a blob (base64, a path), not a name. */
const NAME_MAX = 120;
/** What a separator may hold before its `:` or `=`, at most: a backslash, a quote, 64 blanks, `?`, 64 blanks. */
const SEPARATOR_LEAD = 131;

const MARKER_START = "[REDACTED";

const isNameChar = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === 46 ||
  code === 45;
const isBlank = (code: number) => code === 32 || code === 9;

/**
 * A finder, for one text, of the next place at or after `from` where a credential assignment can
 * start (its separator's start), asked with `from` growing. The next `:` and `=` are kept, so the
 * text is searched once for each.
 */
export function assignmentStarts(text: string): (from: number) => number {
  let colon = -1;
  let equals = -1;
  const nextSign = (from: number): number => {
    if (colon !== Number.POSITIVE_INFINITY && colon < from) colon = text.indexOf(":", from);
    if (colon < 0) colon = Number.POSITIVE_INFINITY;
    if (equals !== Number.POSITIVE_INFINITY && equals < from) equals = text.indexOf("=", from);
    if (equals < 0) equals = Number.POSITIVE_INFINITY;
    const next = Math.min(colon, equals);
    return next === Number.POSITIVE_INFINITY ? -1 : next;
  };
  return (from) => {
    for (let at = nextSign(from); at >= 0; at = nextSign(at + 1)) {
      // The `:` of a marker an earlier rule wrote (`[REDACTED:kind]`): `REDACTED` names no credential.
      if (at >= MARKER_START.length && text.startsWith(MARKER_START, at - MARKER_START.length)) continue;
      const start = separatorStart(text, at);
      if (start >= from && credentialNameBefore(text, start) !== null && !plainlyNoSecret(text, at)) return start;
    }
    return -1;
  };
}

/**
 * Whether the value after the separator at `at` is plainly no secret (`token ?= token`, a long output's
 * `"api_key": "<placeholder>"` lines): the match would be declined, so the pattern is not run and
 * nothing is copied for it. The value is read with the pattern's own form for how it opens; anything
 * else (a value opening with a backslash, a run the pattern would not take) is left to the pattern:
 * this only ever skips a declined match, never decides on a secret.
 */
function plainlyNoSecret(text: string, at: number): boolean {
  const colon = text.charCodeAt(at) === 58 && text.charCodeAt(at + 1) !== 61; // `:`, not `:=`
  let value = text.charCodeAt(at) === 58 && !colon ? at + 2 : at + 1;
  for (let blanks = 0; isBlank(text.charCodeAt(value)); blanks++, value++) if (blanks === 64) return false;
  const first = text.charCodeAt(value);
  if (first === 92) return false; // a backslash
  const form = FORM_OPENED_BY.get(first) ?? PLAIN_VALUE;
  form.lastIndex = value;
  if (!form.test(text)) return false;
  return !isSecretValue(text.slice(value, form.lastIndex), colon);
}

/** Where the separator whose `:` or `=` is at `at` starts: back over blanks, a `?`, a closing quote, a backslash. */
function separatorStart(text: string, at: number): number {
  let start = at;
  while (at - start <= SEPARATOR_LEAD && isBlank(text.charCodeAt(start - 1))) start--;
  if (text.charCodeAt(start - 1) === 63) {
    start--; // `?`
    while (at - start <= SEPARATOR_LEAD && isBlank(text.charCodeAt(start - 1))) start--;
  }
  if (text.charCodeAt(start - 1) === 34 || text.charCodeAt(start - 1) === 39) start--; // a quote
  if (text.charCodeAt(start - 1) === 92) start--; // a backslash
  return start;
}

/**
 * The name that ends at `at`, when it names a credential: the whole run of name characters before it
 * (at most NAME_MAX, not after a `$`, which makes it a shell or template variable), holding a
 * credential word and ending in one (namesCredential).
 */
export function credentialNameBefore(text: string, at: number): string | null {
  let start = at;
  while (start > 0 && at - start <= NAME_MAX && isNameChar(text.charCodeAt(start - 1))) start--;
  // Shorter than the shortest credential word (`pwd`, `key`), longer than a name, or a `$` variable.
  if (at - start < 3 || at - start > NAME_MAX || text.charCodeAt(start - 1) === 36) return null;
  // The same name as last time (a long output repeats its keys): compared in place, nothing copied.
  if (at - start === last.name.length && text.startsWith(last.name, start)) return last.credential ? last.name : null;
  const name = text.slice(start, at);
  last.name = name;
  last.credential = credentialName(name);
  return last.credential ? name : null;
}

const last = { name: "", credential: false };

/** Names seen again and again (in a long output) are judged once. */
const judgedNames = new Map<string, boolean>();
function credentialName(name: string): boolean {
  let judged = judgedNames.get(name);
  if (judged === undefined) {
    judged = CREDENTIAL_WORD.test(name) && namesCredential(name);
    if (judgedNames.size > 4_096) judgedNames.clear();
    judgedNames.set(name, judged);
  }
  return judged;
}
