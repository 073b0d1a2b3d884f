// Secrets recognisable by their shape alone: the token formats of the providers a developer session
// meets (the set follows the public rule sets of the well-known secret scanners, written here anew).
// Every pattern starts with a fixed prefix or a word start and uses bounded repetitions only, so a
// scan is linear in the text whatever it holds.

interface PrefixedRule {
  kind: string;
  pattern: RegExp;
  /** Literals of which every match holds one (compared ignoring case): text with none of them is not scanned at all. */
  triggers: readonly string[];
}

const rule = (kind: string, source: string, triggers: readonly string[]): PrefixedRule => ({
  kind,
  pattern: new RegExp(source, "g"),
  triggers,
});

/** No letter, digit or `_` just before: the token starts here, not inside a longer word. */
const START = String.raw`(?<![A-Za-z0-9_])`;
/** No token character just after: the token ends here. */
const END = String.raw`(?![A-Za-z0-9_])`;

export const PREFIXED_RULES: readonly PrefixedRule[] = [
  rule("anthropic-key", String.raw`${START}sk-ant-[A-Za-z0-9_-]{20,400}`, ["sk-ant-"]),
  // OpenAI and OpenRouter: a named kind, or the legacy `sk-` + letters and digits only (so a branch
  // such as `sk-feature-login-form` is not one).
  rule(
    "openai-key",
    String.raw`${START}sk-(?:proj|svcacct|admin|or-v1|None)-[A-Za-z0-9_-]{20,400}|${START}sk-[A-Za-z0-9]{32,200}${END}`,
    ["sk-"],
  ),
  rule(
    "stripe-key",
    String.raw`${START}(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,200}|${START}whsec_[A-Za-z0-9]{24,100}`,
    ["_live_", "_test_", "whsec_"],
  ),
  rule("github-token", String.raw`${START}gh[pousr]_[A-Za-z0-9]{30,100}|${START}github_pat_[A-Za-z0-9_]{40,200}`, [
    "gh",
    "github_pat_",
  ]),
  rule(
    "gitlab-token",
    String.raw`${START}gl(?:pat|ptt|dt|rt|soat|cbt|ft|imt|agent|oas)-[A-Za-z0-9_-]{20,100}|${START}GR1348941[A-Za-z0-9_-]{20,100}`,
    ["gl", "GR1348941"],
  ),
  rule("aws-access-key-id", String.raw`${START}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${END}`, [
    "AKIA",
    "ASIA",
    "ABIA",
    "ACCA",
  ]),
  rule("slack-token", String.raw`${START}xox[abposre]-[A-Za-z0-9-]{10,200}|${START}xapp-\d-[A-Za-z0-9-]{10,200}`, [
    "xox",
    "xapp-",
  ]),
  rule("slack-webhook", String.raw`https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,300}`, [
    "hooks.slack.com",
  ]),
  rule(
    "discord-webhook",
    String.raw`https?://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{5,30}/[A-Za-z0-9_-]{20,200}`,
    ["/api/webhooks/"],
  ),
  rule("google-api-key", String.raw`${START}AIza[0-9A-Za-z_-]{35}`, ["AIza"]),
  rule("google-oauth", String.raw`${START}GOCSPX-[A-Za-z0-9_-]{20,100}|${START}ya29\.[A-Za-z0-9_-]{20,400}`, [
    "GOCSPX-",
    "ya29.",
  ]),
  rule("huggingface-token", String.raw`${START}(?:hf_|api_org_)[A-Za-z0-9]{30,100}`, ["hf_", "api_org_"]),
  rule("npm-token", String.raw`${START}npm_[A-Za-z0-9]{36}${END}`, ["npm_"]),
  rule("pypi-token", String.raw`${START}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,300}`, ["pypi-"]),
  rule("twilio-key", String.raw`${START}SK[0-9a-fA-F]{32}${END}`, ["SK"]),
  rule("sendgrid-key", String.raw`${START}SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}`, ["SG."]),
  rule("mailgun-key", String.raw`${START}key-[0-9a-f]{32}${END}`, ["key-"]),
  rule("azure-client-secret", String.raw`(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}`, ["Q~"]),
  rule("digitalocean-token", String.raw`${START}do[opr]_v1_[a-f0-9]{64}${END}`, ["_v1_"]),
  rule("telegram-bot-token", String.raw`(?<![A-Za-z0-9_:])\d{5,16}:A[A-Za-z0-9_-]{34}${END}`, [":A"]),
  rule("shopify-token", String.raw`${START}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${END}`, ["shp"]),
  rule("databricks-token", String.raw`${START}dapi[a-f0-9]{32}(?:-\d)?${END}`, ["dapi"]),
  rule("age-secret-key", String.raw`${START}AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}${END}`, [
    "AGE-SECRET-KEY-1",
  ]),
  rule("linear-key", String.raw`${START}lin_(?:api|oauth)_[A-Za-z0-9]{40}${END}`, ["lin_"]),
  rule("postman-key", String.raw`${START}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${END}`, ["PMAK-"]),
  rule("vault-token", String.raw`${START}hv[sbr]\.[A-Za-z0-9_-]{24,300}`, ["hvs.", "hvb.", "hvr."]),
  rule(
    "grafana-token",
    String.raw`${START}glc_[A-Za-z0-9+/]{32,400}={0,2}|${START}glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}${END}`,
    ["glc_", "glsa_"],
  ),
  rule("sentry-token", String.raw`${START}sntry[su]_[A-Za-z0-9+/=_]{30,300}`, ["sntry"]),
  rule("doppler-token", String.raw`${START}dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,100}`, ["dp."]),
  rule("supabase-token", String.raw`${START}sbp_[a-f0-9]{40}${END}`, ["sbp_"]),
  rule(
    "ai-provider-key",
    String.raw`${START}(?:r8_[A-Za-z0-9]{37}|gsk_[A-Za-z0-9]{48}|pplx-[A-Za-z0-9]{48}|xai-[A-Za-z0-9]{60,100})${END}`,
    ["r8_", "gsk_", "pplx-", "xai-"],
  ),
  rule("atlassian-token", String.raw`${START}ATATT3[A-Za-z0-9_=-]{100,300}`, ["ATATT3"]),
  rule("newrelic-key", String.raw`${START}NRAK-[A-Z0-9]{27}${END}`, ["NRAK-"]),
  rule("pulumi-token", String.raw`${START}pul-[a-f0-9]{40}${END}`, ["pul-"]),
  rule("notion-token", String.raw`${START}ntn_[A-Za-z0-9]{40,60}${END}`, ["ntn_"]),
  rule("square-token", String.raw`${START}sq0(?:atp|csp)-[A-Za-z0-9_-]{22,60}|${START}EAAA[A-Za-z0-9_-]{60}${END}`, [
    "sq0",
    "EAAA",
  ]),
  rule("mapbox-token", String.raw`${START}sk\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,100}`, ["sk.eyJ"]),
  rule("fly-token", String.raw`${START}fo1_[A-Za-z0-9_-]{43}${END}`, ["fo1_"]),
  rule("heroku-key", String.raw`${START}HRKU-[A-Za-z0-9_-]{60}${END}`, ["HRKU-"]),
  rule("onepassword-token", String.raw`${START}ops_eyJ[A-Za-z0-9+/=_-]{100,4000}`, ["ops_eyJ"]),
  rule("jwt", String.raw`${START}eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}`, ["eyJ"]),
];
