// Secrets recognisable by where they stand: a private key block, a password in a URL, the value of a
// credential flag (`--password X`, `mysql -pX`, `sshpass -p X`, `curl -u user:pass`), an
// authorization header, and a credential-named key assigned a real value anywhere on a line
// (`cd x && export FOO_TOKEN=…`, `"api_key": "…"`, `password: …`). Each rule keeps what names the
// secret and replaces only the secret. Patterns start at a literal or a word start and repeat only
// within bounds, so a scan stays linear in the text.
import { assignmentStarts, VALUE_FORMS } from "./assignment-start.ts";
import { isSecretArgument, isSecretValue } from "./redact-values.ts";

export interface ContextRule {
  kind: string;
  /**
   * Literals one of which every match, or the name before it on its line, holds (compared ignoring
   * case): text with none of them skips the rule. None holds `[`, `]` or a quote, so no replacement
   * (which joins text only at a marker's brackets or after a kept quote) can make one appear.
   */
  triggers: readonly string[];
  /** Literals of which the line must also hold one (a MySQL client for `-pSECRET`). */
  requires?: readonly string[];
  /** Every rule but the key block's matches within a line and looks no further (redact.ts relies on it). */
  pattern: RegExp;
  /**
   * For a pattern with no literal to start at: a finder, for one text, of the next place at or after
   * `from` where a match can start (or -1), asked with `from` growing. The pattern is sticky and tried
   * only there, so a scan costs one pass over the text.
   */
  starts?(text: string): (from: number) => number;
  /** The replacement for a match, or null when it is not a secret after all; without it, the whole match is the secret. */
  replace?(match: RegExpExecArray, marker: string): string | null;
  /** How far to step past a declined match before scanning on (default 1): past its name, never into its value. */
  skip?(match: RegExpExecArray): number;
  /** Where the secret ends, when it reaches past the match (a key block's lines). */
  extent?(match: RegExpExecArray): number;
}

/**
 * A private key block: the BEGIN line, then every line that can belong to one (base64, `Proc-Type:`-style
 * headers, blank lines; real or JSON-escaped newlines; indented or not), then the END line if it is there.
 * A key cut short is removed as far as key-like lines go, never to the end of the text. The lines are
 * walked one at a time (keyBlockEnd), so a block of any length costs no regex backtracking stack.
 */
const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_LINE = /(?:[A-Za-z-]{1,40}:[^\r\n\\]{0,400}|[A-Za-z0-9+/=]{1,400})(?=\r?\n|\\n|$)/y;
const KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;

const sticky = (pattern: RegExp, text: string, at: number): number => {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? -1;
};

/** Length of a line break (real or JSON-escaped) and the indentation after it at `at`, or -1. */
function keySeparator(text: string, at: number): number {
  let length = text.startsWith("\n", at) ? 1 : text.startsWith("\r\n", at) || text.startsWith("\\n", at) ? 2 : -1;
  if (length < 0) return -1;
  for (let indent = 0; indent < 64 && (text[at + length] === " " || text[at + length] === "\t"); indent++) length++;
  return length;
}

/** Where the key block whose BEGIN line ends at `from` ends. */
function keyBlockEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const separator = keySeparator(text, at);
    if (separator < 0) return at;
    const next = at + separator;
    if (text.startsWith("-----END ", next)) {
      const end = sticky(KEY_END, text, next);
      return end >= 0 ? next + end : at;
    }
    if (keySeparator(text, next) >= 0) {
      at = next; // a blank line
      continue;
    }
    const line = sticky(KEY_LINE, text, next);
    if (line < 0) return at;
    at = next + line;
  }
}

/** A value as shells, code and configs write it: quoted (also JSON-escaped) or up to a separator. */
const VALUE = `(?:${VALUE_FORMS.join("|")})`;
const FLAG_VALUE = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;

const whole = (_match: RegExpExecArray, marker: string) => marker;
/** Keeps group 1 (what names the secret), replaces group 2 when it is a real secret. */
const keepName = (match: RegExpExecArray, marker: string) =>
  isSecretArgument(match[2] ?? "") ? `${match[1]}${marker}` : null;

// The optional `?` (TypeScript's `password?: string`) sits between two runs of blanks; grouped with
// the second, so the two runs can never trade characters (that would be quadratic on long blank runs).
const SEPARATOR = String.raw`\\?["']?[ \t]{0,64}(?:\?[ \t]{0,64})?(?::=|=(?![=>~])|:(?![:=/]))[ \t]{0,64}`;

const CODE_START = /^[A-Za-z_$]/;
const CALLED = /^[(.[]$/;
/** A value's opening quote, kept around the marker: `"`, `'`, a backtick, or a JSON-escaped `\\"`. */
const QUOTE = /^\\?["'`]$/;

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    kind: "private-key",
    triggers: ["PRIVATE KEY"],
    pattern: KEY_BEGIN,
    replace: whole,
    extent: (match) => keyBlockEnd(match.input, match.index + match[0].length),
  },
  {
    kind: "url-password",
    triggers: ["://"],
    // scheme://user:password@host — the user stays, the password goes.
    pattern: /(:\/\/[^\s:/?#@"'<>]{0,256}:)([^\s/?#"'<>]{1,256})@/g,
    replace: (match, marker) => (isSecretArgument(match[2]!.replace(/@.*$/, "")) ? `${match[1]}${marker}@` : null),
  },
  {
    kind: "credential-flag",
    triggers: [
      "-pass",
      "-pwd",
      "-token",
      "-secret",
      "-api",
      "-auth",
      "-access",
      "-client",
      "-private",
      "-key",
      "-store",
      "-db-",
      "-admin",
    ],
    pattern: new RegExp(
      String.raw`((?<![\w-])--?(?:password|passwd|pass|pwd|token|secret|api-?key|auth-token|access-token|client-secret|secret-key|private-key|key-password|storepass|keypass|db-password|admin-password)(?:=|[ \t]{1,64}))(${FLAG_VALUE})`,
      "gi",
    ),
    replace: keepName,
  },
  {
    kind: "credential-flag",
    // mysql -pSECRET (glued to -p; a bare -p asks for it): a -p word in a command that a MySQL client started.
    triggers: [" -p", "\t-p"],
    requires: ["mysql", "mariadb"],
    pattern: new RegExp(String.raw`((?<=[ \t])-p)(${FLAG_VALUE})`, "g"),
    replace: (match, marker) =>
      isSecretArgument(match[2] ?? "") && inMysqlCommand(match.input, match.index) ? `${match[1]}${marker}` : null,
  },
  {
    kind: "credential-flag",
    triggers: ["sshpass"],
    pattern: new RegExp(String.raw`(\bsshpass[ \t]{1,64}-p[ \t]{0,64})(${FLAG_VALUE})`, "g"),
    replace: keepName,
  },
  {
    kind: "credential-flag",
    // curl -u user:password / --user user:password
    triggers: ["-u"],
    pattern: /((?<![\w-])(?:-u|--user|--proxy-user)[ \t]{1,64}["']?[^\s:"']{1,256}:)([^\s"']{1,256})/g,
    replace: keepName,
  },
  {
    kind: "authorization-header",
    triggers: ["authorization", "api-key", "auth-token", "private-token", "access-token"],
    pattern:
      /\b((?:proxy-)?authorization|x-api-key|api-key|x-auth-token|private-token|x-access-token)(\\?["']?[ \t]{0,64}[:=][ \t]{0,64}\\?["']?)(?:(Bearer|Basic|Token|Digest|token|bearer)[ \t]{1,64})?([^\s"'\\,;]{1,4000})/gi,
    replace: (match, marker) =>
      isSecretArgument(match[4] ?? "") ? `${match[1]}${match[2]}${match[3] ? `${match[3]} ` : ""}${marker}` : null,
    skip: (match) => match[1]?.length ?? 1,
  },
  {
    kind: "bearer-token",
    triggers: ["Bearer"],
    pattern: /\b(Bearer)[ \t]{1,64}([A-Za-z0-9._~+/=-]{16,4000})/g,
    replace: (match, marker) => `${match[1]} ${marker}`,
  },
  {
    kind: "credential-assignment",
    // name = value, name: value, "name": "value", name := value — anywhere on a line. Tried only just
    // after a credential's name that stands before a `:` or `=` (assignment-start.ts).
    triggers: ["secret", "token", "passw", "pwd", "passphrase", "key", "credential", "auth", "_pat"],
    starts: assignmentStarts,
    pattern: new RegExp(String.raw`(${SEPARATOR})(${VALUE})`, "y"),
    replace: (match, marker) => {
      const separator = match[1] ?? "";
      const value = match[2] ?? "";
      if (!isSecretValue(value, separator.includes(":") && !separator.includes(":="))) return null;
      // `password = readPassword()`, `token = client.token`: code, not a literal.
      if (CODE_START.test(value) && CALLED.test(match.input[match.index + match[0].length] ?? "")) return null;
      const quote = value.startsWith("\\") ? value.slice(0, 2) : value.slice(0, 1);
      return QUOTE.test(quote) ? `${separator}${quote}${marker}${quote}` : `${separator}${marker}`;
    },
  },
];

/** Whether the command around `at` (back to the last `;`, `|`, `&` or newline, at most 400 characters) runs a MySQL client. */
function inMysqlCommand(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 400), at);
  const command = before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1,
  );
  return /\b(?:mysql(?:dump|admin|sh)?|mariadb(?:-dump|-admin)?)[ \t]/.test(command);
}
