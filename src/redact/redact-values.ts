// What decides whether a value next to a credential's name is the secret itself: a name whose last
// word names a credential, and a value that is not a placeholder, a reference (`${{ secrets.X }}`,
// `$TOKEN`, `process.env.X`), a type, a version or code. The word "token" nearby is never enough.

import { ordinaryPart } from "./high-entropy.ts";

const CREDENTIAL_WORDS = new Set([
  "secret",
  "token",
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "apikey",
  "credential",
  "credentials",
  "auth",
  "pat",
]);
/** Two-word endings: `api_key`, `client_secret`, `AccountKey`. */
const CREDENTIAL_PAIRS =
  /(?:api|access|private|secret|signing|encryption|master|account|shared[-_ ]?access|storage|service|license|app|client|consumer|webhook)[-_ ]?(?:key|secret)$/;
/** One lower-case word that ends in a credential word: `jsonwebtoken`, `dbpassword`, `apikey`. */
const JOINED = /(?:secret|token|password|passwd|passphrase|apikey)$/;

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** `DB_PASSWORD`, `authToken`, `client_secret`, `AccountKey`; not `TOKEN_TTL_SECONDS`, `AUTH_PROVIDER`, `secretName`. */
export function namesCredential(name: string): boolean {
  const parts = words(name);
  const last = parts.at(-1);
  if (!last) return false;
  if (CREDENTIAL_WORDS.has(last)) return true;
  if (CREDENTIAL_PAIRS.test(parts.slice(-2).join("_"))) return true;
  return parts.length === 1 && JOINED.test(last);
}

const REFERENCE =
  /^(?:\$\{\{.*\}\}|\{\{.*\}\}|\$\{[^}]*\}?|\$\(|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|<[^>]*>|\[REDACTED[^\]]*\]?|(?:process\.env|os\.environ|import\.meta\.env|env|secrets|vars|ENV|System\.getenv|config|settings|self|this|req|request|ctx|options|opts|args|params)[.[(].*)$/;
const PLACEHOLDER =
  /your[-_ ]|[-_ ]here$|^(?:x{3,}|\*{3,}|\.{3,}|…|changeme|change[-_]me|example|placeholder|dummy|redacted|secret|password|token|none|null|nil|undefined|true|false|yes|no|on|off|todo|tbd|test|string|str|number|int|integer|boolean|bool|bytes|any|unknown|object)$|(?:\.{3}|…)$|(?:^|[-_. ])(?:example|placeholder|sample)(?:$|[-_. ])|replace[-_ ]?me|^[-_*x.]+$|x{6,}/i;
/** Settings that credential-named keys take in code (fetch's `credentials: "include"`), never secrets. */
const SETTING =
  /^(?:include|omit|same-origin|required|optional|inherit|auto|default|enabled|disabled|public|private)$/i;
const VERSION = /^[~^>=<v]*\d+(?:[._]\d+)*(?:[-+][\w.]+)?$/;
/** Code rather than a literal: a call, a member chain, an operator expression. */
const CODE =
  /[()]|^(?:await|new|typeof|function|async|yield|return|lambda)\b|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+[;,]?$|^(?:string|number|boolean|str|int|bytes|Optional|Secret\w*|SecretStr|String)\b[\w[\]<>|? ]*$/;

/** A part of a dotted value with a digit and a capital, or two camel humps (`Rmw2fuLny_G.BHF`, `YsteNqyEFlt.w0`): random, not a member chain. */
const MIXED_PART = /(?:^|\.)(?:(?=[^.]*\d)(?=[^.]*[A-Z])[^.]*[a-z][^.]*|[^.]*[a-z][A-Z][^.]*[a-z][A-Z][^.]*)(?:\.|$)/;

/** A dotted value with a part that reads as no word, or starts with a digit and holds a letter (`MIGFTDl._60b14`): a password, not a member chain. */
const randomChain = (text: string) =>
  !/[()\s]/.test(text) &&
  // Capitals and digits with no small letter (`JICGAR.QVWW36`): no member chain reads so.
  ((!/[a-z]/.test(text) && /\d/.test(text)) ||
    text.split(/[^A-Za-z0-9]+/).some((part) => (part.length >= 5 && !ordinaryPart(part)) || /^\d+[A-Za-z]/.test(part)));

function unquote(value: string): { inner: string; quoted: boolean } {
  const match = /^\\?(["'`])(.*?)\\?\1$/s.exec(value);
  return match ? { inner: match[2] ?? "", quoted: true } : { inner: value, quoted: false };
}

/**
 * Whether a value assigned to a credential name is a real secret. `colon` says it came after `:`
 * (YAML, JSON, a type annotation, prose), where a bare lower-case word is a type or a word, not a secret.
 */
export function isSecretValue(value: string, colon = false): boolean {
  const judged = colon ? judgedAfterColon : judgedAfterEquals;
  let answer = judged.get(value);
  if (answer === undefined) {
    answer = judgeValue(value, colon);
    remember(judged, value, answer);
  }
  return answer;
}

/** Judgements of values seen again (a long output repeats them), so repetition costs a lookup. */
const judgedAfterColon = new Map<string, boolean>();
const judgedAfterEquals = new Map<string, boolean>();
const judgedArguments = new Map<string, boolean>();
function remember(judged: Map<string, boolean>, value: string, answer: boolean): void {
  if (judged.size >= 4_096) judged.clear();
  if (value.length <= 256) judged.set(value, answer);
}

function judgeValue(value: string, colon: boolean): boolean {
  const { inner, quoted } = unquote(value.trim());
  const text = inner.trim();
  if (text.length < 3) return false;
  if (REFERENCE.test(text) || PLACEHOLDER.test(text) || VERSION.test(text)) return false;
  if (SETTING.test(text)) return false;
  if (!quoted && CODE.test(text) && !MIXED_PART.test(text) && !randomChain(text)) return false;
  if (!quoted && colon && /^[a-z]+[;,]?$/.test(text)) return false;
  // `api_key = api_key`: a variable of the same kind, not its value.
  if (!quoted && /^[A-Za-z_][\w]*$/.test(text) && namesCredential(text)) return false;
  return true;
}

/** A password in a URL, a flag or a header: the same, minus what only assignments need. */
export function isSecretArgument(value: string): boolean {
  let answer = judgedArguments.get(value);
  if (answer === undefined) {
    const text = unquote(value.trim()).inner.trim();
    answer = text.length >= 1 && !REFERENCE.test(text) && !PLACEHOLDER.test(text) && !text.startsWith("-");
    remember(judgedArguments, value, answer);
  }
  return answer;
}
