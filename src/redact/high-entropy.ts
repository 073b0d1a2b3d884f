// Secrets no rule names: a run of token characters random enough to be a key (its length, its mix of
// letters, cases and digits, its Shannon entropy), kept when it is what a transcript holds anyway —
// words and identifiers (`createUserFactory`, `LOG_LEVEL`, paths), hex (git SHAs, digests, UUIDs,
// lockfile checksums), integrity hashes (`sha512-…`, go.sum `h1:…`), base64 images (`data:…;base64,`)
// and Claude Code's own ids (`toolu_…`, `msg_…`). A run is judged by its parts between `/ . _ - +`:
// only the parts that look like no word, number or hex count, so a long path with one short hash in
// it stays.

/**
 * A run is token characters (base64, base64url, dotted), `=` only as padding at its end, at least
 * RUN_MIN of them; a longer run than RUN_MAX is judged in parts. Found by a loop over character codes:
 * the regex `[A-Za-z0-9+/_.-]{20,4000}={0,2}` read every short run again from each of its characters
 * (on 10 MB of `curl -u a:`, most of a redaction's time).
 */
const RUN_MIN = 20;
const RUN_MAX = 4000;
const RUN_CHAR = new Uint8Array(128);
for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_.-")
  RUN_CHAR[char.charCodeAt(0)] = 1;
const isRunChar = (code: number) => code < 128 && RUN_CHAR[code] === 1;
/** Random characters a run needs, at least, to be a secret. */
const RANDOM_MIN = 20;
const PART = /[^/._+=-]+/g;

/** Ids and hashes that stand before a run or open it, and make it ordinary. */
const ORDINARY_BEFORE = /(?:base64,|h1:|sha\d{1,3}[-:]|integrity[=:] ?["']?)$/;
const ORDINARY_START = /^(?:sha(?:1|224|256|384|512)-|(?:srvtoolu|toolu|msg|req|file|batch|call|chatcmpl)_)/;

/** A word, an acronym run or a camelCase identifier; few case changes for its length. */
function wordlike(part: string): boolean {
  const letters = /^([A-Za-z]+)\d{0,3}$/.exec(part)?.[1];
  if (letters === undefined) return false;
  // A capitalised word holds a vowel (`Gmvw` is random letters).
  if (/^[A-Z][a-z]{3,}$/.test(letters)) return /[aeiouy]/.test(letters);
  if (/^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(letters)) return true;
  const pieces = letters.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  if (pieces.length * 4 > letters.length + 4 || pieces.some((piece) => piece.length < 2)) return false;
  // Words hold vowels: humps without any (`BkGnXq`, `pbmHnb`) are random letters, a few (`Xml`, `Http`) an abbreviation.
  const humps = pieces.filter((piece) => /[a-z]/.test(piece));
  const voiceless = humps.filter((piece) => !/[aeiouyAEIOUY]/.test(piece)).length;
  if (voiceless >= 2 && voiceless * 2 > humps.length) return false;
  // Nor do they break into many two-letter humps and capital runs (`VhVAYMiXWTTOjibJyNw`): identifiers
  // are words with an acronym or a short word now and then (`parseHTTPResponse`, `setUpIoHandler`).
  const short = pieces.filter((piece) => piece.length <= 2 || /^[A-Z]{2,}$/.test(piece)).length;
  return short < 3 || short * 3 <= pieces.length;
}

export const ordinaryPart = (part: string) =>
  part.length < 4 || /^\d+$/.test(part) || /^[0-9a-f]+$/.test(part) || /^[0-9A-F]+$/.test(part) || wordlike(part);

/** How many of a run's characters are in parts that read as no word, number or hex. */
export function randomLength(run: string): number {
  let length = 0;
  for (const part of run.match(PART) ?? []) if (!ordinaryPart(part)) length += part.length;
  return length;
}

/** Shannon entropy of a text, in bits per character. */
export function entropy(text: string): number {
  const counts = COUNTS.fill(0);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at) & 127;
    counts[code] = (counts[code] as number) + 1;
  }
  let bits = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
/** Runs are ASCII: one table of counts, reused. */
const COUNTS = new Uint32Array(128);

/** Whether a run of token characters is a secret: enough random parts, mixed classes, high entropy for its length. */
export function looksRandom(run: string): boolean {
  if (ORDINARY_START.test(run)) return false;
  // A run of few characters repeated (`xoxb-xoxb-…`) is none, whatever its parts.
  if (entropy(run) < 3) return false;
  let random = "";
  // Base64 (a `+`, or `=` padding) is never a path or an identifier: every part of it counts.
  const base64 = /\+|=$/.test(run);
  for (const part of run.match(PART) ?? []) if (base64 || !ordinaryPart(part)) random += part;
  // A long base64url token (no path, no dotted name) is cut by its `_` and `-` into parts some of which
  // read as a word by chance (`KbyeHomqwFhRB`): with some part that reads as none and every class of
  // character, it is judged whole.
  if (random.length < RANDOM_MIN && random.length >= 8 && run.length >= 32 && !/[/.]/.test(run) && classes(run) === 3)
    random = run.replace(/[_-]/g, "");
  if (random.length < RANDOM_MIN || classes(random) < 2) return false;
  // A random string of n characters holds at most log2(n) bits a character, and a sample of it a little
  // less (of 40 random characters, one in 100,000 reaches only 0.77 of that): the bar follows its
  // length, up to 4.1 bits (hex and words were set apart above).
  return entropy(random) >= Math.min(4.1, 0.72 * Math.log2(random.length));
}

const classes = (text: string) => Number(/[a-z]/.test(text)) + Number(/[A-Z]/.test(text)) + Number(/\d/.test(text));

/** Judgements of runs seen again (a long output repeats them), so a repeated run costs a lookup. */
const judgedRuns = new Map<string, boolean>();
function looksRandomRemembered(run: string): boolean {
  let answer = judgedRuns.get(run);
  if (answer === undefined) {
    answer = looksRandom(run);
    if (judgedRuns.size >= 4_096) judgedRuns.clear();
    judgedRuns.set(run, answer);
  }
  return answer;
}

/** The runs of `text` that look random, as [start, end) pairs; `judged` names runs already judged elsewhere, skipped. */
export function randomRuns(text: string, judged?: (start: number, end: number) => boolean): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let at = 0; at < text.length; ) {
    while (at < text.length && !isRunChar(text.charCodeAt(at))) at++;
    const start = at;
    while (at < text.length && at - start < RUN_MAX && isRunChar(text.charCodeAt(at))) at++;
    if (at - start < RUN_MIN) continue;
    if (text.charCodeAt(at) === 61) at += text.charCodeAt(at + 1) === 61 ? 2 : 1; // `=` padding
    let run = text.slice(start, at);
    // A sentence's full stop or a trailing dash is not part of a token.
    while (/[.\-_/]$/.test(run)) run = run.slice(0, -1);
    if (ORDINARY_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
    if (run.length < RANDOM_MIN || judged?.(start, start + run.length)) continue;
    if (looksRandomRemembered(run)) found.push([start, start + run.length]);
  }
  return found;
}
