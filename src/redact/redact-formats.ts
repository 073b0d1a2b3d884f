// Secrets that common tools and file formats put where no credential's name stands next to them:
// positional arguments of well-known CLIs (`docker login -p`, `redis-cli -a`, `vault login <token>`),
// a token as a URL's user, query-string signatures (Azure SAS `sig=`, `X-Amz-Signature`), `.netrc` and
// `.pgpass` lines, XML elements and `key=/value=` pairs, ODBC `Pwd={…}`, PowerShell
// `ConvertTo-SecureString "…"`, Dockerfile `ENV NAME value`, and a base64-encoded PEM. Like the
// context rules, each keeps what names the secret and replaces only the secret, starts at a literal or
// a word start and repeats only within bounds.
import { looksRandom } from "./high-entropy.ts";
import type { ContextRule } from "./redact-context.ts";
import { isSecretArgument, namesCredential } from "./redact-values.ts";

/** An argument as a shell takes it: quoted, or up to a blank or a shell operator. */
const ARGUMENT = String.raw`(?:"[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}'|[^\s"'|;&<>]{1,1000})`;

const keepName = (match: RegExpExecArray, marker: string) =>
  isSecretArgument(match[2] ?? "") ? `${match[1]}${quoted(match[2] ?? "", marker)}` : null;
/** The marker in the value's own quotes, so the text around stays well-formed. */
function quoted(value: string, marker: string): string {
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.endsWith(quote) && value.length > 1
    ? `${quote}${marker}${quote}`
    : marker;
}

/** The command around `at`: back to the last `;`, `|`, `&` or line end, at most 400 characters. */
export function commandBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 400), at);
  return before.slice(
    Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";"), before.lastIndexOf("|"), before.lastIndexOf("&")) + 1,
  );
}

/**
 * A flag that carries a secret only for some tools (`-p` of `docker login`, `-a` of `redis-cli`): the
 * pattern starts at the flag, and the command it stands in must be the tool's.
 */
const toolFlag = (tools: readonly string[], flag: string, tool: RegExp): ContextRule => ({
  kind: "credential-flag",
  triggers: [` ${flag}`, `\t${flag}`],
  requires: tools,
  pattern: new RegExp(String.raw`((?<=[ \t])${flag}[ \t]{0,64})(${ARGUMENT})`, "g"),
  replace: (match, marker) => (tool.test(commandBefore(match.input, match.index)) ? keepName(match, marker) : null),
});
const cli = (triggers: readonly string[], source: string): ContextRule => ({
  kind: "credential-flag",
  triggers,
  pattern: new RegExp(source, "g"),
  replace: keepName,
});

export const FORMAT_RULES: readonly ContextRule[] = [
  toolFlag(["login"], "-p", /\b(?:docker|podman|nerdctl|buildah|skopeo|oras|helm[ \t]+registry)[ \t]+login\b/),
  toolFlag(["redis-cli"], "-a", /\bredis-cli\b/),
  toolFlag(["sqlcmd", "bcp"], "-P", /\b(?:sqlcmd|bcp)\b/),
  // openssl's `-passin pass:SECRET`, `-passout pass:SECRET`, `-pass pass:SECRET`.
  cli(["pass:"], String.raw`((?<![\w-])-pass(?:in|out)?[ \t]{1,64}pass:)(${ARGUMENT})`),
  // htpasswd -b[c] FILE USER PASSWORD: the password is the last of three arguments after a -b.
  cli(
    ["htpasswd"],
    String.raw`(\bhtpasswd(?:[ \t]{1,64}-[A-Za-z]{0,7}b[A-Za-z]{0,7})(?:[ \t]{1,64}-[A-Za-z]{1,8}){0,3}[ \t]{1,64}[^\s-]\S{0,300}[ \t]{1,64}[^\s-]\S{0,300}[ \t]{1,64})(${ARGUMENT})`,
  ),
  // vault login [-flags] TOKEN: the first argument that is no flag and no `key=value`.
  {
    kind: "credential-flag",
    triggers: ["vault"],
    pattern:
      /(\bvault[ \t]{1,64}login(?:[ \t]{1,64}-\S{1,200}){0,8}[ \t]{1,64})([^\s=-][^\s="'|;&<>]{7,1000})(?![^\s"'|;&<>])/g,
    replace: keepName,
  },
  {
    kind: "url-password",
    // https://TOKEN@host: a random-looking user is a token (a name such as `git` or `deploy` stays).
    triggers: ["://"],
    pattern: /(:\/\/)([A-Za-z0-9_.~+-]{20,256})(?=@)/g,
    replace: (match, marker) => (looksRandom(match[2] ?? "") ? `${match[1]}${marker}` : null),
  },
  {
    kind: "url-signature",
    // Signed URLs: the signature (or session token) is the credential; the other parameters stay.
    triggers: ["sig=", "signature=", "token=", "api_key=", "apikey=", "secret=", "password=", "passwd="],
    pattern:
      /([?&](?:sig|signature|x-amz-signature|x-goog-signature|x-amz-security-token|access_token|id_token|refresh_token|token|api_key|apikey|client_secret|password|passwd)=)([^&\s"'#<>\\]{4,4000})/gi,
    replace: (match, marker) => (isSecretArgument(decodeSafely(match[2] ?? "")) ? `${match[1]}${marker}` : null),
    skip: (match) => match[1]?.length ?? 1,
  },
  {
    kind: "credential-assignment",
    // ~/.netrc: machine HOST login USER password SECRET (on one line).
    triggers: ["machine", "default"],
    pattern:
      /(\b(?:machine[ \t]{1,64}\S{1,300}|default)(?:[ \t]{1,64}(?:login|account)[ \t]{1,64}\S{1,300}){0,2}[ \t]{1,64}password[ \t]{1,64})(\S{1,1000})/g,
    replace: keepName,
  },
  {
    kind: "credential-assignment",
    // ~/.pgpass: host:port:database:user:password.
    // PostgreSQL's port (5432, pgbouncer's 6432) or the wildcard: a `:`-joined line with neither is no .pgpass line.
    triggers: [":5432:", ":5433:", ":6432:", ":*:"],
    pattern:
      /((?<![^\s"'`])[A-Za-z0-9.*_-]{1,253}:(?:\d{2,5}|\*):[^:\s"'`]{1,100}:[^:\s"'`]{1,100}:)([^\s"'`\\]{1,1000})(?![^\s"'`\\])/g,
    replace: (match, marker) => (/^\d+$/.test(match[2] ?? "") ? null : keepName(match, marker)),
  },
  {
    kind: "credential-assignment",
    // <password>SECRET</password>, <ApiKey>…</ApiKey>
    triggers: ["secret", "token", "passw", "pwd", "key", "credential", "auth"],
    pattern: /(<([A-Za-z_][\w.:-]{0,60})>)(?=([^<\r\n]{1,1000}))\3(?=<\/\2>)/g,
    replace: (match, marker) =>
      namesCredential(match[2] ?? "") && isSecretArgument(match[3] ?? "") ? `${match[1]}${marker}` : null,
  },
  {
    kind: "credential-assignment",
    // <add key="DbPassword" value="SECRET" />, <property name="password" value="SECRET"/>
    triggers: ["value"],
    pattern:
      /(\b(?:key|name)[ \t]{0,64}=[ \t]{0,64}"([^"\r\n]{1,120})"[ \t]{1,64}value[ \t]{0,64}=[ \t]{0,64}")([^"\r\n]{1,1000})(?=")/gi,
    replace: (match, marker) =>
      namesCredential(match[2] ?? "") && isSecretArgument(match[3] ?? "") ? `${match[1]}${marker}` : null,
  },
  {
    kind: "credential-assignment",
    // ODBC: Pwd={SECRET}; Password={SECRET}
    triggers: ["pwd", "password"],
    pattern: /((?<![\w-])(?:pwd|password)[ \t]{0,64}=[ \t]{0,64}\{)([^}\r\n]{1,1000})(?=\})/gi,
    replace: keepName,
  },
  {
    kind: "credential-assignment",
    // PowerShell: ConvertTo-SecureString "SECRET" -AsPlainText
    triggers: ["ConvertTo-SecureString"],
    pattern: /(\bConvertTo-SecureString[ \t]{1,64}(?:-String[ \t]{1,64})?)("[^"\r\n]{1,1000}"|'[^'\r\n]{1,1000}')/gi,
    replace: keepName,
  },
  {
    kind: "credential-assignment",
    // Dockerfile: ENV DB_PASSWORD SECRET (the old form, a blank for the `=`).
    triggers: ["ENV "],
    pattern: /(\bENV[ \t]{1,64}([A-Za-z_][A-Za-z0-9_]{0,100})[ \t]{1,64})([^\s=][^\r\n]{0,1000})/g,
    replace: (match, marker) =>
      namesCredential(match[2] ?? "") && isSecretArgument(match[3] ?? "") ? `${match[1]}${marker}` : null,
  },
  {
    kind: "encoded-private-key",
    // A PEM in base64 (`client-key-data:`, an env var): `-----BEGIN` encodes to `LS0tLS1CRUdJT`.
    triggers: ["LS0tLS1CRUdJT"],
    pattern: /(?<![A-Za-z0-9+/])LS0tLS1CRUdJT[A-Za-z0-9+/]{0,100000}={0,2}/g,
  },
];

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
