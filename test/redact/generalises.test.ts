// Each kind of secret that reached a handoff whole when measured on corpora the redactor was never
// tuned for, and each ordinary text it changed: one fixed example per kind, so a regression names the
// kind (the generated corpus, generated-corpus.test.ts, draws fresh values for the same kinds).
import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/redact/redact.ts";

const KEY_LINES = [
  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7bq3Xh9fK2mPzR1",
  "Jx8vN3qLwT5yU2oA7sD4fG6hK9lZ1cV3bN5mQ8wE0rT2yU4iO6pA8sD0fG2hJ4kL6",
];
const PEM = `-----BEGIN PRIVATE KEY-----\n${KEY_LINES.join("\n")}\n-----END PRIVATE KEY-----`;
const TOKEN = "Xq7TnB2vKd9LmW4pRs8YcJ3fHg6AeZ1u";
const PASSWORD = "Vd8#kQ2!mZp4";

describe("redaction of what no listed shape covered", () => {
  it.each([
    ["an AWS key id glued to an Anthropic key", `AKIAQ3EGRTY7UJKLM2NB${"sk-ant-api03-"}${TOKEN}${TOKEN}AA`, [TOKEN]],
    ["double-escaped JSON", JSON.stringify(JSON.stringify({ password: PASSWORD })), [PASSWORD]],
    ["a URL-encoded value", `next=%2Fhome&password=${encodeURIComponent(PASSWORD)}`, [encodeURIComponent(PASSWORD)]],
    ["a PEM in a JSON string with \\r\\n escapes", JSON.stringify({ key: PEM.replaceAll("\n", "\r\n") }), KEY_LINES],
    ["a PEM on one line", PEM.replaceAll("\n", " "), KEY_LINES],
    [
      "a base64 PEM in client-key-data",
      `    client-key-data: ${Buffer.from(PEM).toString("base64")}`,
      [Buffer.from(PEM).toString("base64").slice(40, 80)],
    ],
    [
      "a key wrapped by a terminal",
      `$ export ANTHROPIC_API_KEY=sk-ant-api03-${TOKEN}${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}AA`,
      [TOKEN.slice(20)],
    ],
    [
      "a key block cut short mid-line",
      `-----BEGIN PRIVATE KEY-----\n${KEY_LINES[0]}\n${KEY_LINES[1]?.slice(0, 30)}…"}`,
      [KEY_LINES[1]?.slice(0, 30) ?? ""],
    ],
    ["docker login -p", `docker login -u ci -p ${PASSWORD} registry.example.com`, [PASSWORD]],
    ["redis-cli -a", `redis-cli -h cache -a ${PASSWORD} ping`, [PASSWORD]],
    ["vault login TOKEN", `vault login ${TOKEN}`, [TOKEN]],
    ["a token as a bare argument", `./release.sh prod ${TOKEN}`, [TOKEN]],
    ["a token as a URL's user", `git clone https://${TOKEN}@github.com/acme/app.git`, [TOKEN]],
    ["an Azure SAS sig", `https://a.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=${TOKEN}%3D`, [TOKEN]],
    [
      "an X-Amz-Signature",
      `https://b.s3.amazonaws.com/k?X-Amz-Expires=60&X-Amz-Signature=${"a3f9".repeat(16)}`,
      ["a3f9".repeat(16)],
    ],
    [
      "an X-Goog-Signature",
      `https://storage.googleapis.com/b/o?X-Goog-Signature=${"9c1e".repeat(32)}`,
      ["9c1e".repeat(32)],
    ],
    [".netrc", `machine api.example.com login jane password ${PASSWORD}`, [PASSWORD]],
    [".pgpass", `db.internal:5432:app:app_user:${PASSWORD}`, [PASSWORD]],
    ["PGPASSWORD before a command", `PGPASSWORD=${PASSWORD} psql -h db app`, [PASSWORD]],
    ["XML", `<db><password>${PASSWORD}</password></db>`, [PASSWORD]],
    ["an XML key/value pair", `<add key="SmtpPassword" value="${PASSWORD}" />`, [PASSWORD]],
    ["ODBC Pwd={…}", `Server=db;Uid=sa;Pwd={${PASSWORD}};`, [PASSWORD]],
    ["PowerShell ConvertTo-SecureString", `ConvertTo-SecureString "${PASSWORD}" -AsPlainText -Force`, [PASSWORD]],
    ["Dockerfile ENV NAME value", `ENV DB_PASSWORD ${PASSWORD}`, [PASSWORD]],
    ["Flask SECRET_KEY", `app.config['SECRET_KEY'] = '${PASSWORD}'`, [PASSWORD]],
    ["a Discord bot token", `client.login("MTA5ODc2NTQzMjEwOTg3NjU0.GhT5aB.${TOKEN}")`, [TOKEN]],
    ["a Telegram bot token in a URL", `https://api.telegram.org/bot123456789:AA${TOKEN}xyz/getMe`, [TOKEN]],
    ["an X-Auth-Key header", `-H "X-Auth-Key: ${"c0ffee12".repeat(4)}e"`, [`${"c0ffee12".repeat(4)}e`]],
    ["Authorization: Bot", `Authorization: Bot ${TOKEN}`, [TOKEN]],
    ["a fullwidth colon after password", `password：${PASSWORD}`, [PASSWORD]],
  ])("removes %s", (_kind, text, secrets) => {
    const result = redactSecrets(text);
    for (const secret of secrets) expect(result.text).not.toContain(secret);
    expect(result.total).toBeGreaterThan(0);
  });

  it("keeps the word before a token: `Authorization: Bot` stays, the token goes", () => {
    expect(redactSecrets(`Authorization: Bot ${TOKEN}`).text).toBe(
      "Authorization: Bot [REDACTED:authorization-header]",
    );
  });

  it.each([
    ["a Bearer header in docs", 'curl -H "Authorization: Bearer <token>" https://api.example.com'],
    ["fetch credentials", 'fetch(url, { credentials: "include" })'],
    ["an npm script name", '"test:auth-token": "vitest run test/auth-token.test.ts"'],
    ["a secret manager ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-AbC1xZ"],
    ["a Stripe placeholder", "STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx"],
    ["a git SHA", "commit 9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a UUID", "session 3b241101-e2bb-4255-8caf-4136c566a962"],
    [
      "an integrity hash",
      '"integrity": "sha512-Lq9bX3vT2yN8mK5pR7sW1cF4hJ6gD0aE3iU9oY2tZ8xV5nB7mQ4wL1kP6jH3fG0dS9aR2eT5yU8iO1pA7sD4fG=="',
    ],
    [
      "a base64 image",
      "![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)",
    ],
    ["a go.sum hash", "golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ="],
    ["Claude Code's ids", "toolu_01A09q90qw90lq917835lq9 msg_01XFDUDYJgAACzvnptvVoYEL"],
    ["a camelCase identifier", "const createUserAuthenticationSessionFactory = buildSessionFactoryForUserAccounts();"],
  ])("keeps %s as it is", (_kind, text) => {
    expect(redactSecrets(text).text).toBe(text);
  });
});

// Leaks the generated corpus found over many seeds, each fixed at its cause.
describe("redaction of what the generated corpus found over many seeds", () => {
  it.each([
    // The rules see the decoded value before a random run is cut out of its encoded form.
    [
      "a double URL-encoded JSON value with a `*`",
      "https://example.com/cb?state=gtkyegwF&data=%2522token%2522%253A%2522SKolu0pwxspZMQVhj*OX948%2522",
      ["SKolu0pwxspZMQVhj", "OX948"],
    ],
    // A wrapped key's tail that starts with `-` or reads as capitals is joined to its random start.
    [
      "a wrapped tail starting with `-`",
      "$ export API_CREDENTIAL=sk-ant-api03-5yWXEp4zX-8yAZgpy4M-ulzFwTYl5mFtDj7aXMjvbI-bCJyTROAst_jsx8lCkVs9CdKddMGbnurgAoK\n-MHUNpn41vyxekAA\ntimeout = 30",
      ["MHUNpn41vyxekAA"],
    ],
    [
      "a wrapped tail in capitals",
      "$ ./deploy --with sk-ant-api03-bM3BaSdkopoDRWj6LBiK1JR76B-n5C_4FUCyB8KsZf1sFnsfZHGkEByZBYeF3MDWRafBI5qYYgUkg1MU5NrJqTX\nBBWDLPAA\n\nThanks.",
      ["BBWDLPAA"],
    ],
    // A dotted password is not a member chain when a part reads as no word.
    ["a dotted my.cnf password", "[client]\nuser = root\npassword = MIGFTDl._60b14", ["MIGFTDl._60b14"]],
    // Humps without vowels are random letters, not a camelCase word.
    [
      "a urlsafe token of vowelless humps",
      "the key they sent is znqL2zPF-BkGnXXJKOCXq-YHIgbk_pbmHnbDNG_tBrj, keep it safe",
      ["BkGnXXJKOCXq"],
    ],
    // Found over 500 corpus seeds: a password of capitals and digits with a dot read as a member chain.
    ["a dotted password in capitals", "PGPASSWORD=JICGAR.QVWW36 psql -h db.internal", ["JICGAR.QVWW36"]],
    // A random token whose sample entropy falls a little short of the old bar (0.8 of log2 of its length).
    [
      "a random token of low sample entropy",
      "the key they sent is tryDkrkIM88avHqthqOqkv8WhOfVhMdGDIMIlr2+==, ok",
      ["tryDkrkIM88avHqthqOqkv8WhOfVhMdGDIMIlr2"],
    ],
    // A urlsafe token whose `_`/`-` parts each read as a camelCase word by chance.
    [
      "a urlsafe token of word-like parts",
      "the key they sent is NhsepyBff64-84SLBCUBmpsGkUqeo_KbyeHomqwFhRB, ok",
      ["KbyeHomqwFhRB"],
    ],
    // A prefix found by chance inside a wrapped key's body (`…Bhf_RgCe…`) cut the key before its tail was joined.
    [
      "a wrapped key with a prefix inside its body",
      "key: sk-ant-api03-eh-Sn3Ftyr70fmurWiznDw2Bhf_RgCeEpbYiPXk72TycLdw5bNOZntemK8_z5hWeuqB7gjM5rz5Vyh1QJFHKi5\nSEQfnzBAA\nexit code 0",
      ["SEQfnzBAA"],
    ],
  ])("%s", (_what, input, secrets) => {
    const output = redactSecrets(input).text;
    for (const secret of secrets) expect(output).not.toContain(secret);
  });

  it("keeps the word after a wrapped key and the setting below it", () => {
    const output = redactSecrets(
      "$ ./deploy --with sk-ant-api03-bM3BaSdkopoDRWj6LBiK1JR76B-n5C_4FUCyB8KsZf1sFnsfZHGkEByZBYeF3MDWRafBI5qYYgUkg1MU5NrJqTXAA\ndone\ntimeout = 30",
    ).text;
    expect(output).toContain("\ndone\ntimeout = 30");
  });
});
