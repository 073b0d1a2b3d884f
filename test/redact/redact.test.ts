import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/redact/redact.ts";
import { ADVERSARIAL_FRAGMENTS } from "../support/adversarial.ts";
import { ORDINARY_SAMPLES, SECRET_SHAPES } from "../support/secret-corpus.ts";

const ANTHROPIC = `sk-ant-api03-${"A1b2C3d4".repeat(10)}-xyz`;

describe("redactSecrets", () => {
  it.each([
    ["an Anthropic key", `key is ${ANTHROPIC} ok`, ANTHROPIC],
    [
      "an OpenAI project key",
      "OPENAI=sk-proj-abcdefghijklmnopqrstuvwxyz012345",
      "sk-proj-abcdefghijklmnopqrstuvwxyz012345",
    ],
    ["a GitHub token", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"],
    ["an AWS access key id", "id AKIAABCDEFGHIJKLMNOP here", "AKIAABCDEFGHIJKLMNOP"],
    ["a Slack token", "xoxb-123456789012-abcdefghijkl", "xoxb-123456789012-abcdefghijkl"],
    [
      "a JWT",
      "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "dozjgNryP4J3jVmNHl0w5N",
    ],
    ["a Bearer header", "curl -H 'Authorization: Bearer abc123def456ghi789jkl012'", "abc123def456ghi789jkl012"],
    ["an x-api-key header", "x-api-key: s3cr3t-value-123", "s3cr3t-value-123"],
    ["a password assignment", "DATABASE_PASSWORD=hunter2-is-long", "hunter2-is-long"],
    ["an exported secret", "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"],
    ["a Read-tool line", "1\tSTRIPE_SECRET=whsec_abcdef", "whsec_abcdef"],
    ["a JSON credential", '{"api_key": "abc-123-def", "name": "x"}', "abc-123-def"],
    ["a YAML token", "  github_token: tok-value-9", "tok-value-9"],
    ["a MySQL password after a tab", "mysql -u root\t-pZq8hunter2x9", "Zq8hunter2x9"],
  ])("removes %s", (_name, input, secret) => {
    const result = redactSecrets(input);
    expect(result.text).not.toContain(secret);
    expect(result.total).toBeGreaterThan(0);
    expect(result.text).toMatch(/\[REDACTED:[a-z-]+\]/);
  });

  it("removes a whole private key block", () => {
    const key =
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----";
    const result = redactSecrets(`before\n${key}\nafter`);
    expect(result.text).toBe("before\n[REDACTED:private-key]\nafter");
  });

  it.each([
    [
      "cut short, then other text",
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nAAAAMwAAAAtzc2g\n… [cut: 3,000 chars in full]\n```\n\n## Next",
      "[REDACTED:private-key]\n… [cut: 3,000 chars in full]\n```\n\n## Next",
    ],
    [
      "in a JSON string",
      'const k = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq\\nBKcwggSjAgEAAo\\n-----END PRIVATE KEY-----\\n"; done',
      'const k = "[REDACTED:private-key]\\n"; done',
    ],
    [
      "encrypted PEM with headers",
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,ABCDEF\n\nMIIEpAIBAAKCAQEA\nqwerty==\n-----END RSA PRIVATE KEY-----\nDone.",
      "[REDACTED:private-key]\nDone.",
    ],
    [
      "indented",
      "   -----BEGIN EC PRIVATE KEY-----\n   MHcCAQEEIBkg\n   -----END EC PRIVATE KEY-----\n   next",
      "   [REDACTED:private-key]\n   next",
    ],
  ])("removes a private key %s, and only as far as key lines go", (_name, input, expected) => {
    expect(redactSecrets(input).text).toBe(expected);
  });

  it("keeps the name of what was redacted, so the reader knows what is missing", () => {
    expect(redactSecrets("DATABASE_PASSWORD=hunter2-is-long").text).toBe(
      "DATABASE_PASSWORD=[REDACTED:credential-assignment]",
    );
    expect(redactSecrets("Authorization: Bearer abc123def456ghi789jkl012").text).toBe(
      "Authorization: Bearer [REDACTED:authorization-header]",
    );
  });

  it("leaves ordinary prose, code and figures alone, one sample after another in one text", () => {
    const text = ORDINARY_SAMPLES.join("\n");
    const result = redactSecrets(text);
    expect(result.text).toBe(text);
    expect(result.total).toBe(0);
  });
});

describe("the secret corpus", () => {
  it.each(SECRET_SHAPES.map((shape) => [shape.name, shape] as const))("removes %s", (_name, shape) => {
    const result = redactSecrets(shape.text);
    expect(result.text).not.toContain(shape.secret);
    expect(result.total).toBeGreaterThan(0);
  });

  it.each(ORDINARY_SAMPLES.map((sample) => [sample] as const))("keeps %j verbatim", (sample) => {
    expect(redactSecrets(sample)).toEqual({ text: sample, counts: {}, total: 0 });
  });

  it("finds a secret wherever it stands in a line, whatever surrounds it", () => {
    const surroundings = fc.tuple(
      fc.constantFrom("", " ", "\n", "(", "'", "cd x && ", "1\t", "> ", "`"),
      fc.constantFrom("", " ", "\n", ")", "'", ";", " && ls", "`"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...SECRET_SHAPES), surroundings, (shape, [before, after]) => {
        expect(redactSecrets(`${before}${shape.text}${after}`).text).not.toContain(shape.secret);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("redaction on adversarial input", () => {
  /** Milliseconds of the fastest of five runs. */
  function fastest(run: () => unknown): number {
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 5; attempt++) {
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  /** Redaction's time over a linear peer's on the same text (a JSON encoding), so the machine's load cancels out. */
  function relativeCost(text: string): number {
    const peer = fastest(() => JSON.stringify(text));
    return fastest(() => redactSecrets(text)) / Math.max(peer, 0.05);
  }

  // A regex that repeats without bound keeps a backtracking entry per repetition: on a long enough run
  // it throws "Maximum call stack size exceeded" instead of answering.
  it.each([
    ["a key block of two million lines", `-----BEGIN PRIVATE KEY-----\n${"AAAA\n".repeat(2_000_000)}`],
    ["a key block of ten million blank lines", `-----BEGIN PRIVATE KEY-----${"\n".repeat(10_000_000)}`],
    ["ten million spaces after a separator", `password=${" ".repeat(10_000_000)}x`],
    ["a ten-million-character word", "token".repeat(2_000_000)],
  ])("answers on %s without running out of stack", (_name, text) => {
    const result = redactSecrets(text);
    expect(result.text.length).toBeGreaterThan(0);
    if (text.startsWith("-----BEGIN")) expect(result.text).toBe("[REDACTED:private-key]\n");
  });

  it("keeps every output free of the secrets it was given, for random repetitions of rule prefixes around them", () => {
    const piece = fc.oneof(fc.constantFrom(...ADVERSARIAL_FRAGMENTS), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(...SECRET_SHAPES),
        (pieces, times, shape) => {
          const noise = pieces.join("").repeat(times);
          const result = redactSecrets(`${noise}\n${shape.text}\n${noise}`);
          expect(result.text).not.toContain(shape.secret);
        },
      ),
      { numRuns: 200 },
    );
  });

  // A scan that backtracks grows with the square of the input: on 32 times the text its cost relative
  // to a linear peer grows 32 times. A linear scan's stays about the same; the bound leaves room for
  // caches and a busy machine.
  it.each(ADVERSARIAL_FRAGMENTS.map((fragment) => [fragment] as const))("grows linearly on %j repeated", (fragment) => {
    const small = fragment.repeat(Math.ceil(65_536 / fragment.length));
    const large = fragment.repeat(Math.ceil(2_097_152 / fragment.length));
    // Load on the machine only slows runs down; the least growth of three tries is the scan's own.
    let growth = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && growth >= 10; attempt++)
      growth = Math.min(growth, relativeCost(large) / relativeCost(small));
    expect(growth).toBeLessThan(10);
  });
});
