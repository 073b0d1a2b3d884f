// A corpus made fresh on every run, by category rather than by example: each generator draws new random
// values (from a seed, printed on failure so a run can be replayed) for one kind of secret nobody listed
// as a shape — glued, encoded, wrapped, cut short, positional, in a signature, in a config format — and
// each is planted in the places a handoff renders. Ordinary-text generators draw what a transcript
// holds that looks random but is none (hashes, ids, images, identifiers, docs).

/** A small seeded generator (mulberry32): the same seed gives the same corpus. */
export function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const of = (alphabet: string, length: number) => {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
    return out;
  };
  const LOWER = "abcdefghijklmnopqrstuvwxyz";
  const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const DIGITS = "0123456789";
  return {
    int,
    pick: <T>(list: readonly T[]): T => list[int(list.length)] as T,
    alnum: (length: number) => of(LOWER + UPPER + DIGITS, length),
    upper: (length: number) => of(UPPER + DIGITS, length),
    hex: (length: number) => of("0123456789abcdef", length),
    digits: (length: number) => `${of("123456789", 1)}${of(DIGITS, length - 1)}`,
    base64: (length: number) => of(`${LOWER}${UPPER}${DIGITS}+/`, length),
    urlsafe: (length: number) => of(`${LOWER}${UPPER}${DIGITS}_-`, length),
    /** A password as people choose them: letters, digits and a few symbols, never a quote or a blank. */
    password: () => `${of(UPPER, 1)}${of(LOWER + UPPER + DIGITS + "!#%^*_+-.", 10 + int(12))}${of(DIGITS, 2)}`,
    word: () => of(LOWER, 1) + WORDS[int(WORDS.length)]!,
  };
}
export type Random = ReturnType<typeof randomFrom>;

const WORDS = [
  "user",
  "account",
  "order",
  "payment",
  "session",
  "config",
  "render",
  "parse",
  "handler",
  "request",
  "response",
  "cache",
  "index",
  "build",
  "deploy",
  "client",
  "server",
  "widget",
  "layout",
  "module",
];

/** One planted secret: the text as a session shows it, and the random parts that must not survive. */
export interface SecretCell {
  category: string;
  text: string;
  secrets: readonly string[];
}

const pem = (r: Random, label = "PRIVATE KEY") => {
  const lines = Array.from({ length: 3 + r.int(4) }, () => r.base64(64));
  return {
    lines,
    text: `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----`,
  };
};
const anthropic = (r: Random) => `sk-ant-api03-${r.urlsafe(93)}AA`;
const githubToken = (r: Random) => `ghp_${r.alnum(36)}`;
const discordToken = (r: Random) => `${r.pick(["M", "N", "O"])}${r.alnum(23)}.${r.urlsafe(6)}.${r.urlsafe(27)}`;
const base64Of = (text: string) => Buffer.from(text).toString("base64");

type Generator = (r: Random) => { text: string; secrets: string[] };
const one = (text: string, secret: string) => ({ text, secrets: [secret] });

/** Secret generators by category: each call draws fresh values. */
export const SECRET_CATEGORIES: Record<string, Generator> = {
  "glued tokens": (r) => {
    const aws = `AKIA${r.upper(16)}`;
    const first = r.pick([aws, githubToken(r), `xoxb-${r.digits(12)}-${r.alnum(24)}`]);
    const second = r.pick([anthropic(r), githubToken(r), `AIza${r.urlsafe(35)}`]);
    return {
      text: `${first}${second}`,
      secrets: [first.slice(5), second.slice(6)],
    };
  },
  "double-escaped JSON": (r) => {
    const value = r.password();
    const key = r.pick(["password", "api_key", "client_secret", "token"]);
    return one(JSON.stringify(JSON.stringify({ user: "svc", [key]: value })), value);
  },
  "URL-encoded value": (r) => {
    const value = r.password();
    const form = r.pick([
      `${r.pick(["password", "api_key", "secret"])}=${encodeURIComponent(value)}`,
      `%22${r.pick(["password", "apiKey", "token"])}%22%3A%22${encodeURIComponent(value)}%22`,
    ]);
    return one(
      `https://example.com/callback?state=${r.alnum(8)}&data=${encodeURIComponent(form)}`,
      encodeURIComponent(encodeURIComponent(value)),
    );
  },
  "URL-encoded form": (r) => {
    const value = r.password();
    return one(
      `POST /login body: username=jane&password=${encodeURIComponent(value)}&remember=1`,
      encodeURIComponent(value),
    );
  },
  "PEM in a JSON string": (r) => {
    const key = pem(r, r.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]));
    const text = r.int(2) ? key.text : key.text.replaceAll("\n", "\r\n");
    return {
      text: JSON.stringify({ type: "service_account", private_key: text }),
      secrets: key.lines,
    };
  },
  "PEM on one line": (r) => {
    const key = pem(r);
    return {
      text: key.text.replaceAll("\n", r.pick([" ", ""])),
      secrets: key.lines,
    };
  },
  "base64 private key": (r) => {
    const key = pem(r, r.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY"]));
    const encoded = base64Of(`${key.text}\n`);
    const text = r.pick([
      `SSH_PRIVATE_KEY_B64=${encoded}`,
      `users:\n- name: admin\n  user:\n    client-certificate-data: ${base64Of(r.alnum(40))}\n    client-key-data: ${encoded}`,
      `echo ${encoded} | base64 -d > key.pem`,
    ]);
    return one(text, encoded.slice(40, 120));
  },
  "key wrapped by a terminal": (r) => {
    // A terminal breaks a line at its width (60 to 140 columns here); the token runs past it.
    const token = r.pick([anthropic(r), `github_pat_11${r.upper(22)}_${r.alnum(59)}`, `sk-proj-${r.urlsafe(140)}`]);
    const prompt = r.pick(["$ export API_CREDENTIAL=", "$ ./deploy --with ", "key: "]);
    const line = `${prompt}${token}`;
    const cut = Math.min(60 + r.int(80), line.length - 8);
    return {
      text: `${line.slice(0, cut)}\n${line.slice(cut)}`,
      secrets: [line.slice(Math.max(prompt.length + 13, cut - 16), cut), line.slice(cut)],
    };
  },
  "key block cut short": (r) => {
    const key = pem(r, r.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY"]));
    const lines = key.lines.slice(0, 2);
    const partial = r.base64(10 + r.int(40));
    const end = r.pick(["", "\n", "...", "… [truncated]", '"}', "\n\nTool output truncated."]);
    return {
      text: `-----BEGIN PRIVATE KEY-----\n${lines.join("\n")}\n${partial}${end}`,
      secrets: [...lines, partial],
    };
  },
  "positional credential of a CLI": (r) => {
    const value = r.password();
    const token = r.alnum(26 + r.int(20));
    return r.pick([
      one(`docker login -u deploy -p ${value} registry.example.com`, value),
      one(`echo ok; redis-cli -h cache.internal -a ${value} ping`, value),
      one(`vault login ${token}`, token),
      one(`vault login -method=token ${token}`, token),
      one(`./scripts/release.sh --env prod ${token}`, token),
      one(`git clone https://${token}@github.com/acme/app.git`, token),
      one(
        `git remote set-url origin https://oauth2:${encodeURIComponent(value)}@gitlab.example.com/acme/app.git`,
        encodeURIComponent(value),
      ),
      one(`sqlcmd -S db.internal -U sa -P ${value} -Q "select 1"`, value),
      one(`htpasswd -b -c .htpasswd admin ${value}`, value),
      one(`openssl pkcs12 -export -in cert.pem -passout pass:${value} -out cert.p12`, value),
    ]);
  },
  "query-string signature": (r) => {
    const sig = encodeURIComponent(`${r.base64(43)}=`);
    const amz = r.hex(64);
    const goog = r.hex(256);
    return r.pick([
      one(
        `https://acct.blob.core.windows.net/c/file.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${sig}`,
        sig,
      ),
      one(
        `https://bucket.s3.amazonaws.com/a.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Expires=3600&X-Amz-Signature=${amz}`,
        amz,
      ),
      one(
        `https://storage.googleapis.com/b/o.bin?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=20240101T000000Z&X-Goog-Signature=${goog}`,
        goog,
      ),
    ]);
  },
  "config format": (r) => {
    const value = r.password();
    return r.pick([
      one(`machine api.example.com login jane password ${value}`, value),
      one(`db.example.com:5432:appdb:app_user:${value}`, value),
      one(`PGPASSWORD=${value} psql -h db.internal -U app appdb`, value),
      one(`database:\n  host: db.internal\n  password: "${value}"`, value),
      one(`<connection>\n  <user>app</user>\n  <password>${value}</password>\n</connection>`, value),
      one(`<add key="ApiPassword" value="${value}" />`, value),
      one(`[client]\nuser = root\npassword = ${value}`, value),
      one(`Driver={ODBC Driver 18 for SQL Server};Server=tcp:db,1433;Uid=sa;Pwd={${value}};Encrypt=yes;`, value),
      one(`$secure = ConvertTo-SecureString "${value}" -AsPlainText -Force`, value),
      one(`ENV DB_PASSWORD ${value}`, value),
      one(`app.config['SECRET_KEY'] = '${value}'`, value),
      one(`SECRET_KEY = "${value}"`, value),
      one(`spring.datasource.password=${value}`, value),
    ]);
  },
  "bot token or auth header": (r) => {
    const discord = discordToken(r);
    const telegram = `${r.digits(9 + r.int(2))}:AA${r.urlsafe(33)}`;
    const key = r.hex(37);
    const value = r.password();
    return r.pick([
      one(`DISCORD_BOT=${discord}`, discord.slice(24)),
      one(`client.login("${discord}")`, discord.slice(24)),
      one(`curl https://api.telegram.org/bot${telegram}/getMe`, telegram.slice(12)),
      one(`curl -H "Authorization: Bot ${discord}" https://discord.com/api/users/@me`, discord.slice(24)),
      one(`curl -H "X-Auth-Key: ${key}" -H "X-Auth-Email: a@b.c" https://api.cloudflare.com`, key),
      one(`X-Api-Token: ${key}`, key),
      one(`password：${value}`, value),
      one(`PASSWORD＝${value}`, value),
    ]);
  },
  "provider token in prose": (r) => {
    const token = r.pick([anthropic(r), githubToken(r), `AKIA${r.upper(16)}`, `glpat-${r.urlsafe(20)}`]);
    return one(`use ${token} for now`, token.slice(4));
  },
  "bare high-entropy token": (r) => {
    const token = r.pick([r.alnum(32 + r.int(32)), `${r.base64(40)}==`, r.urlsafe(43)]);
    return one(`the key they sent is ${token}, keep it safe`, token);
  },
};

/** What a transcript holds that is random-looking but no secret: must come back unchanged. */
export const ORDINARY_CATEGORIES: Record<string, (r: Random) => string> = {
  "git SHAs": (r) =>
    `commit ${r.hex(40)}\nMerge: ${r.hex(7)} ${r.hex(7)}\n${r.hex(7)} fix(${r.word()}): handle empty ${r.word()}`,
  UUIDs: (r) => `session ${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${r.hex(12)} resumed`,
  "integrity hashes": (r) =>
    `"integrity": "sha512-${r.base64(86)}==",\n  integrity sha1-${r.base64(27)}=\n<script integrity="sha384-${r.base64(64)}">`,
  "base64 image": (r) =>
    `![chart](data:image/png;base64,${r.base64(400)}=)\n<img src="data:image/svg+xml;base64,${r.base64(120)}">`,
  identifiers: (r) => {
    const cap = (word: string) => word[0]!.toUpperCase() + word.slice(1);
    const camel = `${r.word()}${cap(r.word())}${cap(r.word())}${cap(r.word())}${cap(r.word())}`;
    const snake = `${r.word()}_${r.word()}_${r.word()}_${r.word()}`.toUpperCase();
    return `const ${camel}Handler = create${cap(r.word())}${cap(r.word())}Factory(${snake}_TIMEOUT_MS);`;
  },
  paths: (r) =>
    `/home/dev/projects/${r.word()}-${r.word()}/node_modules/.pnpm/@types+${r.word()}@18.2.${r.int(90)}/node_modules/@types/${r.word()}/index.d.ts\n` +
    `src/${r.word()}/${r.word()}-${r.word()}.test.ts:${r.int(400)}:${r.int(80)}`,
  "lockfile hashes": (r) =>
    `resolved "https://registry.yarnpkg.com/${r.word()}/-/${r.word()}-1.${r.int(9)}.${r.int(9)}.tgz#${r.hex(40)}"\n` +
    `checksum = "${r.hex(64)}"\ngithub.com/${r.word()}/${r.word()} v1.${r.int(9)}.0 h1:${r.base64(43)}=\n` +
    `  resolution: {integrity: sha512-${r.base64(86)}==}`,
  "docker digests": (r) => `FROM node:20@sha256:${r.hex(64)}\nimage: ghcr.io/acme/${r.word()}@sha256:${r.hex(64)}`,
  "Claude Code ids": (r) =>
    `tool_use_id: toolu_01${r.alnum(22)}\nmessage msg_01${r.alnum(22)} request req_011C${r.alnum(20)}`,
  "auth docs": (r) =>
    r.pick([
      'curl -H "Authorization: Bearer <token>" https://api.example.com/v1/me',
      "Authorization: Bearer <your-access-token>",
      "Send `Authorization: Bearer YOUR_TOKEN` with every request.",
      `fetch(url, { method: "POST", credentials: "include", headers })`,
      `fetch("/api/${r.word()}", { credentials: "same-origin" })`,
    ]),
  "npm scripts": (r) =>
    `"scripts": {\n  "test:auth-token": "vitest run test/auth-token.test.ts",\n  "lint:${r.word()}": "biome check"\n}`,
  "secret manager names": (r) =>
    `arn:aws:secretsmanager:us-east-1:${r.digits(12)}:secret:prod/${r.word()}-password-${r.alnum(6)}\n` +
    `aws secretsmanager get-secret-value --secret-id prod/${r.word()}/password\n` +
    `projects/${r.word()}-prod/secrets/${r.word()}-api-key/versions/latest`,
  placeholders: (r) =>
    r.pick([
      "STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
      "ANTHROPIC_API_KEY=sk-ant-xxxxxxxxxxxxxxxxxxxxxxxx",
      "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX",
      `GITHUB_TOKEN=ghp_${"x".repeat(36)}`,
      `password: "********"`,
    ]),
  "ordinary URLs": (r) =>
    `https://github.com/acme/${r.word()}/blob/${r.hex(40)}/src/${r.word()}.ts#L${r.int(300)}\n` +
    `https://example.com/search?q=${r.word()}&page=${r.int(9)}&sort=desc`,
};

/** Where a handoff shows text from a session, each a function of the text planted there. */
export const PLACES: Record<string, (text: string, r: Random) => string> = {
  prompt: (text) => `Can you find out why this fails?\n\n${text}\n\nThanks.`,
  command: (text) => `cd /srv/app && ${text} && echo done`,
  "tool output": (text) => `$ ./run.sh\nstarting…\n${text}\nexit code 0`,
  "file path": (text, r) => `Read /srv/app/${r.word()}/${r.word()}.conf (${text.length} bytes):\n${text}`,
  "JSON tool input": (text) =>
    JSON.stringify({
      name: "Bash",
      input: { command: text, description: "Run it" },
    }),
  "config file": (text) => `# written by setup\n[app]\nlog_level = debug\n${text}\ntimeout = 30\n`,
};
