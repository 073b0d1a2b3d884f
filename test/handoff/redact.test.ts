import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyRules, redactSecrets } from "../../src/handoff/redact.ts";

const ANTHROPIC = `sk-ant-api03-${"A1b2C3d4".repeat(10)}-xyz`;

describe("redactSecrets", () => {
  it.each([
    ["an Anthropic key", `key is ${ANTHROPIC} ok`, ANTHROPIC],
    ["an OpenAI project key", "OPENAI=sk-proj-abcdefghijklmnopqrstuvwxyz012345", "sk-proj-abcdefghijklmnopqrstuvwxyz012345"],
    ["a GitHub token", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"],
    ["an AWS access key id", "id AKIAABCDEFGHIJKLMNOP here", "AKIAABCDEFGHIJKLMNOP"],
    ["a Slack token", "xoxb-123456789012-abcdefghijkl", "xoxb-123456789012-abcdefghijkl"],
    ["a JWT", "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "dozjgNryP4J3jVmNHl0w5N"],
    ["a Bearer header", "curl -H 'Authorization: Bearer abc123def456ghi789jkl012'", "abc123def456ghi789jkl012"],
    ["an x-api-key header", "x-api-key: s3cr3t-value-123", "s3cr3t-value-123"],
    ["a password assignment", "DATABASE_PASSWORD=hunter2-is-long", "hunter2-is-long"],
    ["an exported secret", "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"],
    ["a Read-tool line", "1\tSTRIPE_SECRET=whsec_abcdef", "whsec_abcdef"],
    ["a JSON credential", '{"api_key": "abc-123-def", "name": "x"}', "abc-123-def"],
    ["a YAML token", "  github_token: tok-value-9", "tok-value-9"],
  ])("removes %s", (_name, input, secret) => {
    const result = redactSecrets(input);
    expect(result.text).not.toContain(secret);
    expect(result.total).toBeGreaterThan(0);
    expect(result.text).toMatch(/\[REDACTED:[a-z-]+\]/);
  });

  it("removes a whole private key block", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----";
    const result = redactSecrets(`before\n${key}\nafter`);
    expect(result.text).toBe("before\n[REDACTED:private-key]\nafter");
  });

  it.each([
    ["cut short, then other text", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nAAAAMwAAAAtzc2g\n… [cut: 3,000 chars in full]\n```\n\n## Next", "[REDACTED:private-key]\n… [cut: 3,000 chars in full]\n```\n\n## Next"],
    ["in a JSON string", 'const k = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq\\nBKcwggSjAgEAAo\\n-----END PRIVATE KEY-----\\n"; done', 'const k = "[REDACTED:private-key]\\n"; done'],
    ["encrypted PEM with headers", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,ABCDEF\n\nMIIEpAIBAAKCAQEA\nqwerty==\n-----END RSA PRIVATE KEY-----\nDone.", "[REDACTED:private-key]\nDone."],
    ["indented", "   -----BEGIN EC PRIVATE KEY-----\n   MHcCAQEEIBkg\n   -----END EC PRIVATE KEY-----\n   next", "   [REDACTED:private-key]\n   next"],
  ])("removes a private key %s, and only as far as key lines go", (_name, input, expected) => {
    expect(redactSecrets(input).text).toBe(expected);
  });

  it("keeps the name of what was redacted, so the reader knows what is missing", () => {
    expect(redactSecrets("DATABASE_PASSWORD=hunter2-is-long").text).toBe("DATABASE_PASSWORD=[REDACTED:credential-assignment]");
    expect(redactSecrets("Authorization: Bearer abc123def456ghi789jkl012").text).toBe("Authorization: Bearer [REDACTED:authorization-header]");
  });

  it("leaves ordinary prose, code and figures alone", () => {
    const text = [
      "The author: Jane Doe wrote the token counter in src/tokens.ts.",
      "usedTokens: 49153",
      "maxTokens=4096",
      "const password = readPassword(); // asks the user",
      "PASSWORD_MIN_LENGTH=12",
      "AUTH_ENABLED=true",
      "api_key: ${API_KEY}",
      "See https://example.com/docs?page=2 and run `npm test`.",
      "| file | reads |\n| --- | --- |\n| README.md | 2 |",
    ].join("\n");
    const result = redactSecrets(text);
    expect(result.text).toBe(text);
    expect(result.total).toBe(0);
  });
});

describe("the quick check before the rules", () => {
  // Pieces of every shape a rule looks for, in random case and order, among ordinary text.
  const pieces = [
    ANTHROPIC,
    "sk-proj-abcdefghijklmnopqrstuvwxyz012345",
    "rk-live-abcdefghijklmnopqrstuvwxyz",
    "pk_test_abcdefghijklmnop1234",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz0123456789AB",
    "AKIAABCDEFGHIJKLMNOP",
    "ASIAABCDEFGHIJKLMNOP",
    "xoxp-123456789012-abcdefghijkl",
    `AIza${"x".repeat(35)}`,
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
    "Authorization: Bearer abc123def456ghi789jkl012",
    "proxy-authorization=Basic dXNlcjpwYXNz",
    "x-auth-token: tok123",
    "api-key: value-1",
    "Bearer abcdefghijklmnopqrstuvwxyz",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
    "DB_PASSWORD=hunter2",
    "my_passphrase: correct horse",
    "export GH_TOKEN=abc",
    "client_secret = s3cr3t",
    "ACCESS_KEY=AK",
    "Private_Key: pk",
    "CREDENTIALS=file",
    "AUTH=yes",
    '"api_key": "abc-123-def"',
    "const value = compute(input);",
    "all 12 tests passed",
    "https://example.com/path?q=1",
    "author: Jane",
  ];
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces).chain((piece) => fc.boolean().map((lower) => (lower ? piece.toLowerCase() : piece))),
        fc.string({ maxLength: 12 }),
        fc.constantFrom("\n", " ", "\t", "=", ": ", "1\t", "export "),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(""));

  it("never lets a secret through that the rules would have caught", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(redactSecrets(input)).toEqual(applyRules(input));
      }),
      { numRuns: 3_000 },
    );
  });
});
