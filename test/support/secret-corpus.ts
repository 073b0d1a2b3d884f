// The secret shapes a handoff must never repeat, and ordinary text it must keep verbatim. Every secret
// here is fake: made up from a seeded generator in the shape of the real format.

/** Deterministic characters of a given alphabet, so the corpus is the same on every run. */
function fake(
  seed: number,
  length: number,
  alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
): string {
  let state = seed * 2654435761 + 12345;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}
const hex = (seed: number, length: number) => fake(seed, length, "0123456789abcdef");
const upper = (seed: number, length: number) => fake(seed, length, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0234567");

export interface SecretShape {
  name: string;
  /** The text as it would appear in a session. */
  text: string;
  /** What must not appear anywhere in a handoff. */
  secret: string;
}

const pw = (seed: number) => `Zq${fake(seed, 10)}9`;

const shape = (name: string, text: string, secret = text): SecretShape => ({ name, text, secret });

export const SECRET_SHAPES: readonly SecretShape[] = [
  shape("Anthropic key", `sk-ant-api03-${fake(1, 93)}AA`),
  shape("OpenAI project key", `sk-proj-${fake(2, 40)}T3BlbkFJ${fake(3, 40)}`),
  shape("OpenAI legacy key", `sk-${fake(4, 20)}T3BlbkFJ${fake(5, 20)}`),
  shape("Stripe live key", `sk_live_${fake(6, 40)}`),
  shape("Stripe webhook secret", `whsec_${fake(7, 32)}`),
  shape("GitHub classic token", `ghp_${fake(8, 36)}`),
  shape("GitHub fine-grained token", `github_pat_11${upper(9, 20)}_${fake(10, 59)}`),
  shape("GitLab token", `glpat-${fake(11, 20)}`),
  shape("AWS access key id", `AKIA${upper(12, 16)}`),
  shape("AWS secret key (exported)", `export AWS_SECRET_ACCESS_KEY=${fake(13, 40)}`, fake(13, 40)),
  shape("Slack bot token", `xoxb-${fake(14, 12, "0123456789")}-${fake(15, 13, "0123456789")}-${fake(16, 24)}`),
  shape(
    "Slack webhook",
    `https://hooks.slack.com/services/T${upper(17, 8)}/B${upper(18, 8)}/${fake(19, 24)}`,
    fake(19, 24),
  ),
  shape(
    "Discord webhook",
    `https://discord.com/api/webhooks/${fake(20, 18, "0123456789")}/${fake(21, 68)}`,
    fake(21, 68),
  ),
  shape("Google API key", `AIza${fake(22, 35)}`),
  shape("Google OAuth client secret", `GOCSPX-${fake(23, 28)}`),
  shape("Hugging Face token", `hf_${fake(24, 34, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")}`),
  shape("npm token", `npm_${fake(25, 36)}`),
  shape(
    "npmrc _authToken",
    `//registry.npmjs.org/:_authToken=${hex(26, 8)}-${hex(27, 4)}-${hex(28, 4)}-${hex(29, 4)}-${hex(30, 12)}`,
    hex(30, 12),
  ),
  shape("PyPI token", `pypi-AgEIcHlwaS5vcmc${fake(31, 60)}`),
  shape("Twilio API key", `SK${hex(32, 32)}`),
  shape("SendGrid key", `SG.${fake(33, 22)}.${fake(34, 43)}`),
  shape("Mailgun key", `key-${hex(35, 32)}`),
  shape(
    "Azure storage connection string",
    `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${fake(36, 86)}==;EndpointSuffix=core.windows.net`,
    fake(36, 86),
  ),
  shape("Azure AD client secret", `${fake(37, 3)}8Q~${fake(38, 34)}`),
  shape("Postgres URL password", `postgres://app:${pw(39)}@db.internal:5432/app`, pw(39)),
  shape("MongoDB SRV URL password", `mongodb+srv://admin:${pw(40)}@cluster0.abcde.mongodb.net/prod`, pw(40)),
  shape("Redis URL password", `redis://:${pw(41)}@cache:6379/0`, pw(41)),
  shape("HTTPS URL credentials", `https://deploy:${pw(42)}@git.example.org/repo.git`, pw(42)),
  shape(
    "PGP private key block",
    `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF${fake(43, 58)}\n${fake(44, 64)}\n=${fake(45, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`,
    fake(44, 64),
  ),
  shape(
    "RSA private key",
    `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${fake(46, 48)}\n${fake(47, 64)}\n-----END RSA PRIVATE KEY-----`,
    fake(47, 64),
  ),
  shape(
    "OpenSSH private key",
    `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${fake(48, 40)}\n${fake(49, 70)}\n-----END OPENSSH PRIVATE KEY-----`,
    fake(49, 70),
  ),
  shape("--password flag", `psql --host db --password ${pw(50)} app`, pw(50)),
  shape("mysql -p", `mysql -u root -p${pw(51)} shop`, pw(51)),
  shape("sshpass -p", `sshpass -p '${pw(52)}' ssh deploy@host`, pw(52)),
  shape("curl -u", `curl -u admin:${pw(53)} https://api.internal/v1`, pw(53)),
  shape("DigitalOcean token", `dop_v1_${hex(54, 64)}`),
  shape("Telegram bot token", `${fake(55, 10, "0123456789")}:AA${fake(56, 33)}`),
  shape("Shopify token", `shpat_${hex(57, 32)}`),
  shape("Databricks token", `dapi${hex(58, 32)}`),
  shape("age secret key", `AGE-SECRET-KEY-1${fake(59, 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")}`),
  shape("JWT", `eyJhbGciOiJIUzI1NiJ9.eyJ${fake(60, 40)}.${fake(61, 43)}`, fake(61, 43)),
  shape("Bearer header", `curl -H "Authorization: Bearer ${fake(62, 40)}" https://api.internal`, fake(62, 40)),
  shape("x-api-key header", `x-api-key: ${fake(63, 32)}`, fake(63, 32)),
  shape("KEY=value after &&", `cd app && export PAYMENTS_TOKEN=${pw(64)} && npm start`, pw(64)),
  shape("JSON password", `{"user": "svc", "password": "${pw(65)}"}`, pw(65)),
  shape("YAML client secret", `oauth:\n  client_secret: ${pw(66)}`, pw(66)),
  shape("Linear key", `lin_api_${fake(67, 40)}`),
  shape("Postman key", `PMAK-${hex(68, 24)}-${hex(69, 34)}`),
  shape("Vault token", `hvs.${fake(70, 90)}`),
  shape("Grafana cloud token", `glc_${fake(71, 60)}`),
  shape("Sentry token", `sntrys_${fake(72, 70)}`),
  shape("Doppler token", `dp.pt.${fake(73, 43)}`),
  shape("Supabase token", `sbp_${hex(74, 40)}`),
  shape("Groq key", `gsk_${fake(75, 48)}`),
  shape("New Relic key", `NRAK-${upper(76, 27)}`),
  shape("Pulumi token", `pul-${hex(77, 40)}`),
  shape("Notion token", `ntn_${fake(78, 46)}`),
  shape("Square token", `sq0atp-${fake(79, 22)}`),
  shape("Slack app token", `xapp-1-A${upper(80, 10)}-${fake(81, 13, "0123456789")}-${hex(82, 64)}`),
  shape("Google OAuth access token", `ya29.${fake(83, 120)}`),
  shape("--token= flag", `gh auth login --token=${pw(84)}`, pw(84)),
  shape("MySQL URL password", `DATABASE_URL=mysql://shop:${pw(85)}@127.0.0.1:3306/shop`, pw(85)),
  shape(".env quoted secret key", `STRIPE_SECRET_KEY="${pw(86)}"`, pw(86)),
  shape("Python api_key", `client = Client(api_key="${pw(87)}")`, pw(87)),
  shape("GitLab runner token", `GR1348941${fake(88, 20)}`),
];

/** Ordinary text that looks near a secret but is none: must come back byte for byte. */
export const ORDINARY_SAMPLES: readonly string[] = [
  "interface LoginForm {\n  user: string;\n  password: string;\n  remember?: boolean;\n}",
  '"dependencies": {\n  "jsonwebtoken": "^9.0.0",\n  "bcrypt": "5.1.1"\n}',
  "TOKEN_TTL_SECONDS=3600",
  "AUTH_PROVIDER=github",
  "env:\n  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}",
  "metadata:\n  secretName: db-credentials\n  namespace: prod",
  "API_KEY=your-api-key-here",
  "git checkout -b sk-feature-login-form-validation-v2",
  "The author: Jane Doe wrote the token counter in src/tokens.ts.",
  "usedTokens: 49153",
  "maxTokens=4096",
  "const password = readPassword(); // asks the user",
  "PASSWORD_MIN_LENGTH=12",
  "AUTH_ENABLED=true",
  "api_key: ${API_KEY}",
  "See https://example.com/docs?page=2 and run `npm test`.",
  "| file | reads |\n| --- | --- |\n| README.md | 2 |",
  "export GITHUB_TOKEN=$(gh auth token)",
  'curl -H "Authorization: Bearer $TOKEN" https://api.github.com/user',
  "DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@localhost/app",
  "const token = await getAccessToken(client);",
  "if (token === undefined) throw new Error('no token');",
  "password_hash = bcrypt.hashpw(password, salt)",
  "secret_key: <your secret key>",
  "OPENAI_API_KEY=sk-...",
  "mkdir -p src/auth && cd src/auth",
  "https://github.com/user/repo/pull/42",
  "tokenizer: cl100k_base",
  "the session token expires after 15 minutes; refresh it with /auth/refresh",
  "docker run -p 8080:80 -e LOG_LEVEL=debug app",
  "git log --author=jane --since=2.weeks",
  "self.api_key = api_key",
  "const { secret } = options;",
  "ssh-keygen -t ed25519 -C jane@example.com",
  "Set AWS_SECRET_ACCESS_KEY in your shell, never in the repo.",
  "npm publish --access public",
];
