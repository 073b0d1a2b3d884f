// Normalised views of a text: the same text with its JSON and URL escapes decoded, fullwidth
// punctuation made ASCII, lines a terminal wrapped joined again, and glued tokens split where a known
// prefix starts inside a run. The rules run over a view as over any text; each view keeps, for every
// one of its characters, where that character came from, so what a rule redacts in the view is
// redacted in the original characters (an escaped secret is replaced in its escaped form).
//
// Every view is built in one pass and only when the text holds what it decodes, so a text with none
// costs a few `includes`.
import { looksRandom, randomLength, randomRuns } from "./high-entropy.ts";

export interface View {
  text: string;
  /** `from[i]` is where the view's character i starts in the original; `from[text.length]` is the original's length. */
  from: Int32Array;
}

/** A view built from pieces: each is a view character (or none) and the original range it stands for. */
class ViewBuilder {
  /** Never longer than twice the original: a view puts at most one character per original one. */
  private units = new Uint16Array(0);
  private starts = new Int32Array(0);
  private length = 0;
  /** Whether the view differs from the original yet (nothing is allocated before). */
  changed = false;
  constructor(private readonly source: string) {}
  private allocate(): void {
    if (this.starts.length > 0) return;
    this.units = new Uint16Array(this.source.length * 2);
    this.starts = new Int32Array(this.source.length * 2 + 1);
  }
  keep(from: number, to: number): void {
    this.allocate();
    for (let at = from; at < to; at++) {
      this.units[this.length] = this.source.charCodeAt(at);
      this.starts[this.length++] = at;
    }
  }
  /** The view differs from the original by what was left out between kept pieces. */
  skipped(): void {
    this.changed = true;
  }
  put(char: string, from: number): void {
    this.allocate();
    this.units[this.length] = char.charCodeAt(0);
    this.starts[this.length++] = from;
    this.changed = true;
  }
  /** The view, with the rest of the original from `copied` kept; null when it differs in nothing. */
  done(copied: number): View | null {
    if (!this.changed) return null;
    this.keep(copied, this.source.length);
    const from = this.starts.slice(0, this.length + 1);
    from[this.length] = this.source.length;
    return { text: fromCodes(this.units.subarray(0, this.length)), from };
  }
}
/** A string from UTF-16 code units, a chunk at a time (a call takes a bounded number of arguments). */
function fromCodes(units: Uint16Array): string {
  const chunks: string[] = [];
  for (let at = 0; at < units.length; at += 8_192)
    chunks.push(String.fromCharCode.apply(null, units.subarray(at, at + 8_192) as unknown as number[]));
  return chunks.join("");
}

const JSON_ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
};

/** JSON string escapes decoded: `\"`, `\\`, `\n`, `\uXXXX`. Applied twice, it undoes a double escape. */
export function jsonUnescaped(text: string): View | null {
  if (!text.includes("\\")) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  for (let at = text.indexOf("\\"); at >= 0 && at < text.length - 1; at = text.indexOf("\\", at)) {
    const next = text[at + 1] as string;
    let decoded = JSON_ESCAPES[next];
    let length = 2;
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
      decoded = String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
      length = 6;
    }
    if (decoded === undefined) {
      at += 1;
      continue;
    }
    view.keep(copied, at);
    view.put(decoded, at);
    copied = at + length;
    at = copied;
  }
  return view.done(copied);
}

/** `%XX` escapes of ASCII decoded (a `+` stays: base64 holds it). */
export function urlDecoded(text: string): View | null {
  if (!text.includes("%")) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  for (let at = text.indexOf("%"); at >= 0; at = text.indexOf("%", at + 1)) {
    const code = Number.parseInt(text.slice(at + 1, at + 3), 16);
    if (!/^[0-7][0-9a-fA-F]$/.test(text.slice(at + 1, at + 3)) || code < 0x20) continue;
    view.keep(copied, at);
    view.put(String.fromCharCode(code), at);
    copied = at + 3;
    at += 2;
  }
  return view.done(copied);
}

/** Fullwidth ASCII (`：`, `＝`, letters and digits) as ASCII: a secret after `password：` is after `password:`. */
export function fullwidthFolded(text: string): View | null {
  if (!/[\uff01-\uff5e]/.test(text)) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  const fullwidth = /[\uff01-\uff5e]/g;
  for (let match = fullwidth.exec(text); match; match = fullwidth.exec(text)) {
    view.keep(copied, match.index);
    view.put(String.fromCharCode((match[0].codePointAt(0) ?? 0) - 0xfee0), match.index);
    copied = match.index + 1;
  }
  return view.done(copied);
}

const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
/** Letters only, a capital after a small letter (`ZizYhlAA`): the rest of a key, not a name in capitals. */
const CAMEL_HUMP = /^[A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*={0,2}$/;
const TAIL = /^[A-Za-z0-9_-]+={0,2}(?=$|[\s"'`,;)\]}])(?![ \t]*[:=])/;
const CONTINUATION = /^[A-Za-z0-9][A-Za-z0-9+/_-]*={0,2}(?=$|[\s"'`,;)\]}])/;
/** `A-Z a-z 0-9 + / = _ -`, by character code. */
const isTokenCode = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 43 ||
  code === 47 ||
  code === 61 ||
  code === 95 ||
  code === 45;
const isAlphanumeric = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** A terminal wraps at its width: a line this long, broken between two token characters, may be one token. */
const WRAPPED_WIDTH = 60;

/** Lines a terminal wrapped, joined again where a long line breaks inside a run of token characters. */
export function wrappedJoined(text: string): View | null {
  if (!text.includes("\n")) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0; lineStart = at + 1, at = text.indexOf("\n", at + 1)) {
    const end = text[at - 1] === "\r" ? at - 1 : at;
    if (end - lineStart < WRAPPED_WIDTH) continue;
    // Base64 written in lines (a PEM, MIME): each line is judged on its own, as written.
    if (BASE64_LINE.test(text.slice(lineStart, end))) continue;
    if (!isTokenCode(text.charCodeAt(end - 1)) || !isTokenCode(text.charCodeAt(at + 1))) continue;
    // The run before the break is long enough to be a token's start, not a word at a line's end.
    let run = end;
    while (run > lineStart && end - run < 512 && isTokenCode(text.charCodeAt(run - 1))) run--;
    if (end - run < 16) continue;
    const next = text.slice(at + 1, at + 513);
    if (looksRandom(text.slice(run, end))) {
      // A random run cut at the width: the next line's run is its tail, however short, unless it is
      // a short word that reads as one (`Thanks`, `done`; not `zvbrfmkk`) or a name (`timeout = 30`).
      const tail = TAIL.exec(next)?.[0] ?? "";
      if (tail.length < 4 || new Set(tail).size < 4) continue;
      if (/^[A-Z]?[a-z]{3,6}$/.test(tail) && (tail.match(/[aeiouy]/gi)?.length ?? 0) * 4 >= tail.length) continue;
      // Nor a lower-case word the line goes on after (`mysql -u root`): a key's tail ends its token.
      if (/^[a-z]+$/.test(tail) && /^ +\S/.test(next.slice(tail.length))) continue;
    } else {
      // Else the next line goes on like a token's rest: a run of 8 token characters or more that ends
      // the word (not a name before `=`) and holds a part that reads as no word (`DATABASE_PASSWORD` does not).
      const rest = isAlphanumeric(next.charCodeAt(0)) ? (CONTINUATION.exec(next)?.[0] ?? "") : "";
      if (rest.length < 8 || (randomLength(rest) < 6 && !CAMEL_HUMP.test(rest))) continue;
    }
    view.keep(copied, end);
    copied = at + 1;
  }
  if (copied === 0) return null;
  view.skipped();
  return view.done(copied);
}

/**
 * Prefixes distinctive enough to mark a token's start even inside a run (`AKIA…sk-ant-…` glued): a
 * blank is put before each such start that a token character precedes, so every token stands alone.
 */
const GLUED_PREFIXES: ReadonlyArray<[string, string]> = [
  ["sk-ant-", ""],
  ["sk-proj-", ""],
  ["gh[pousr]_", "[A-Za-z0-9]{30}"],
  ["github_pat_", ""],
  ["glpat-", ""],
  ["xox[abposr]-", "[A-Za-z0-9]"],
  ["AKIA", "[A-Z0-9]{16}"],
  ["ASIA", "[A-Z0-9]{16}"],
  ["AIza", "[0-9A-Za-z_-]{35}"],
  ["npm_", "[A-Za-z0-9]{36}"],
  ["hf_", "[A-Za-z0-9]{30}"],
  ["ya29\\.", ""],
  ["GOCSPX-", ""],
  ["xapp-", ""],
  ["sk_live_", ""],
  ["rk_live_", ""],
  ["dop_v1_", ""],
  ["pypi-AgEI", ""],
];
const GLUED_START = new RegExp(GLUED_PREFIXES.map(([prefix, rest]) => `${prefix}${rest}`).join("|"), "y");
const GLUED_HINT =
  /sk-ant-|sk-proj-|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA|AIza|npm_|hf_|ya29\.|GOCSPX-|xapp-|_live_|dop_v1_|pypi-/;

export function gluedSplit(text: string): View | null {
  if (!GLUED_HINT.test(text)) return null;
  const view = new ViewBuilder(text);
  let copied = 0;
  const candidates = new RegExp(GLUED_HINT.source, "g");
  // Only inside runs random enough to be tokens: a row of one prefix (`AKIAAKIA…`) is not looked into.
  for (const [start, end] of randomRuns(text)) {
    candidates.lastIndex = start;
    for (let match = candidates.exec(text); match && match.index < end; match = candidates.exec(text)) {
      const at = match.index;
      // Inside a run, not after the same prefix (`AKIAAKIA…` is no row of glued tokens), and a whole token follows.
      if (!TOKEN_BEFORE.test(text[at - 1] ?? "") || text.startsWith(match[0], at - match[0].length)) continue;
      GLUED_START.lastIndex = at;
      if (!GLUED_START.test(text)) continue;
      view.keep(copied, at);
      view.put(" ", at);
      copied = at;
    }
  }
  return view.done(copied);
}
const TOKEN_BEFORE = /[A-Za-z0-9_-]/;

/** A view of a view, mapped to the first one's original. */
export function composed(outer: View, inner: View): View {
  const from = new Int32Array(inner.from.length);
  for (let at = 0; at < inner.from.length; at++) from[at] = outer.from[inner.from[at] as number] as number;
  return { text: inner.text, from };
}

/** What a redaction removed from a text: ranges of it, each with the kind that removed it. */
export interface Removed {
  start: number;
  end: number;
  kind: string;
}

const MARKER = /\[REDACTED:([a-z0-9-]+)\]/g;

/**
 * The ranges of `before` that `after` (its redaction) replaced with markers. Between markers, `after`
 * holds `before`'s text verbatim, so each replaced range ends where the next kept piece is found again.
 * Markers already in `before` are kept ones, not replacements.
 */
export function removedRanges(before: string, after: string): Removed[] {
  const removed: Removed[] = [];
  let at = 0; // in before
  let read = 0; // in after
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(after); match; match = MARKER.exec(after)) {
    at += match.index - read;
    read = match.index + match[0].length;
    // A marker already in `before` is kept when what follows it is kept too (a rule may have
    // replaced a range that starts with one: then the same marker stands for more).
    const tail = after.slice(read, read + 32);
    const kept =
      before.startsWith(match[0], at) &&
      (tail ? before.startsWith(tail, at + match[0].length) : before.length === at + match[0].length);
    if (kept) {
      at += match[0].length;
      continue;
    }
    // Markers side by side replace one range together; the piece after them says where it ends.
    let next = read;
    MARKER.lastIndex = read;
    let following = MARKER.exec(after);
    while (following && following.index === next) {
      next = following.index + following[0].length;
      following = MARKER.exec(after);
    }
    const piece = after.slice(next, following ? following.index : after.length);
    // The last piece is the text's end. Any other is found with what follows it, a kept marker included
    // (a short piece such as a line end may also stand inside the range), or else alone.
    const context = after.slice(next, next + 64);
    const end = !following ? before.length - piece.length : pieceEnd(before, piece, context, at);
    if (end < 0) break; // cannot happen for a redaction of `before`; nothing mapped rather than a wrong range
    removed.push({ start: at, end, kind: match[1] ?? "secret" });
    at = end;
    read = next;
    MARKER.lastIndex = next;
  }
  return removed;
}

/** How far past a range's start its end is looked for with what follows it: farther, the piece alone decides. */
const CONTEXT_WINDOW = 4_096;

/**
 * Where `piece` (what `after` keeps between a marker and the next) stands in `before` after `at`: the
 * first place followed by `context` too (what `after` holds next, markers it kept included), or else
 * the piece's first place.
 */
function pieceEnd(before: string, piece: string, context: string, at: number): number {
  const first = before.indexOf(piece, at + 1);
  if (context.length <= piece.length) return first;
  for (let end = first; end >= 0 && end - at <= CONTEXT_WINDOW; end = before.indexOf(piece, end + 1))
    if (before.startsWith(context, end)) return end;
  return first;
}
