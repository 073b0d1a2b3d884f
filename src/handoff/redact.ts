// Keeps secrets out of everything ctx-monitor writes: API keys and tokens of the common providers,
// authorization headers, private key blocks, and `KEY=value` lines whose key names a credential.
// Pure text in, text out, with a count per kind so the caller can say what was removed.

export interface Redaction {
  text: string;
  /** Replacements made, by kind. */
  counts: Record<string, number>;
  total: number;
}

interface Rule {
  kind: string;
  pattern: RegExp;
  /** Builds the replacement; by default the whole match becomes the marker. */
  replace?: (marker: string, ...groups: string[]) => string;
}

const CREDENTIAL_NAME = String.raw`[A-Za-z0-9_.-]*(?:SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH(?!OR))[A-Za-z0-9_.-]*`;
/** Values that are plainly not secrets: numbers, booleans, empty, placeholders. */
const HARMLESS_VALUE = /^(?:\d[\d_.,]*|true|false|null|none|undefined|""|''|\[REDACTED[^\]]*\]|<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\*+)$/i;

/**
 * A private key block: the BEGIN line, then every line that can belong to one (base64, `Proc-Type:`-style
 * headers, blank lines; real or JSON-escaped newlines; indented or not), then the END line if it is there.
 * A key cut short is removed as far as key-like lines go, never to the end of the text.
 */
const KEY_SEPARATOR = String.raw`(?:\r?\n|\\n)[ \t]*`;
const KEY_LINE = String.raw`(?:[A-Za-z-]+:[^\r\n\\]*|[A-Za-z0-9+/=]+)(?=\r?\n|\\n|$)`;
const PRIVATE_KEY = new RegExp(
  String.raw`-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:${KEY_SEPARATOR}(?:${KEY_LINE}|(?=${KEY_SEPARATOR})))*(?:${KEY_SEPARATOR}-----END [A-Z0-9 ]*PRIVATE KEY-----)?`,
  "g",
);

const RULES: Rule[] = [
  { kind: "private-key", pattern: PRIVATE_KEY },
  { kind: "anthropic-key", pattern: /\bsk-ant-[A-Za-z0-9_-]{8,}/g },
  { kind: "api-key", pattern: /\b(?:sk|rk)-(?:proj-|live-|test-)?[A-Za-z0-9_-]{20,}/g },
  { kind: "api-key", pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g },
  { kind: "github-token", pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{40,}/g },
  { kind: "aws-access-key-id", pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { kind: "slack-token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { kind: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
  { kind: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  {
    kind: "authorization-header",
    pattern: /\b((?:proxy-)?authorization|x-api-key|api-key|x-auth-token)(["']?\s*[:=]\s*["']?)(?:(Bearer|Basic|Token|Digest)\s+)?[^\s"',;]+/gi,
    replace: (marker, name, separator, scheme) => `${name}${separator}${scheme ? `${scheme} ` : ""}${marker}`,
  },
  { kind: "bearer-token", pattern: /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{16,}/g, replace: (marker, scheme) => `${scheme} ${marker}` },
  {
    kind: "credential-assignment",
    // KEY=value / KEY: value at a line start (after an optional line number, `export`, or a quote).
    pattern: new RegExp(String.raw`^([ \t]*(?:\d+[\t→][ \t]*)?(?:export[ \t]+)?["']?)(${CREDENTIAL_NAME})(["']?[ \t]*[=:][ \t]*)(\S[^\r\n]*)$`, "gim"),
    replace: (marker, prefix, name, separator, value) => (HARMLESS_VALUE.test(value!.trim()) ? `${prefix}${name}${separator}${value}` : `${prefix}${name}${separator}${marker}`),
  },
  {
    kind: "credential-assignment",
    // "password": "value" inside JSON.
    pattern: new RegExp(String.raw`("${CREDENTIAL_NAME}"\s*:\s*)"([^"\\]|\\.)+"`, "gi"),
    replace: (marker, key) => `${key}"${marker}"`,
  },
];

/**
 * Something every rule's match contains (checked against the rules by a property test): text without
 * any of these cannot hold a secret the rules would find, and most tool output has none, so it skips
 * the rules.
 */
const MAY_HOLD_SECRET =
  /PRIVATE KEY|\b[sr]k-|_(?:live|test)_|gh[pousr]_|github_pat_|AKIA|ASIA|xox[abprs]-|AIza|eyJ|api-key|bearer|secret|token|passw|passphrase|api_?key|access_?key|private_?key|credential|auth/i;

export function redactSecrets(input: string): Redaction {
  if (!MAY_HOLD_SECRET.test(input)) return { text: input, counts: {}, total: 0 };
  return applyRules(input);
}

/** Every rule, without the quick check (exported for the test that the check never hides a secret). */
export function applyRules(input: string): Redaction {
  const counts: Record<string, number> = {};
  let text = input;
  for (const rule of RULES) {
    const marker = `[REDACTED:${rule.kind}]`;
    text = text.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2).map((group) => (typeof group === "string" ? group : ""));
      const replaced = rule.replace ? rule.replace(marker, ...groups) : marker;
      if (replaced !== match) counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
      return replaced;
    });
  }
  return { text, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}
