// A marker (`[REDACTED:credential-flag]`) is inert: redact.ts does not count the trigger words its kind
// names (`credential`, `token`, `key`) as found after a redaction, and its scan of a text whose key
// blocks it redacted passes over their markers, so a later rule does not run over a redacted text for
// them (triggers.test.ts holds the scan to passing over exactly that). That is right only while no rule
// matches in a marker or with its help; these hold every rule to it, for every marker, in the places a
// marker stands and among random pieces.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARKERS, redactSecrets } from "../../src/redact/redact.ts";
import { CONTEXT_RULES } from "../../src/redact/redact-context.ts";
import { FORMAT_RULES } from "../../src/redact/redact-formats.ts";
import { PREFIXED_RULES } from "../../src/redact/redact-prefixed.ts";
import { ADVERSARIAL_FRAGMENTS } from "../support/adversarial.ts";
import { ORDINARY_SAMPLES, SECRET_SHAPES } from "../support/secret-corpus.ts";

/** Every rule's trigger words (and the words a rule requires besides). */
const RULES: ReadonlyArray<{ kind: string; triggers: readonly string[]; requires?: readonly string[] }> = [
  ...CONTEXT_RULES,
  ...PREFIXED_RULES,
  ...FORMAT_RULES,
];
const TRIGGER_WORDS = [...new Set(RULES.flatMap((rule) => [...rule.triggers, ...(rule.requires ?? [])]))];
/** All of them on one line: whatever the scan skips, every rule runs over a marker after it. */
const EVERY_TRIGGER = TRIGGER_WORDS.join(" ");

/** What a rule keeps before its marker, and what else may stand just before or after one. */
const BEFORE = [
  "",
  `${EVERY_TRIGGER} `,
  `${EVERY_TRIGGER} password=`,
  "x ",
  "password=",
  "password = ",
  "PASSWORD:=",
  '"api_key": "',
  '\\"api_key\\": \\"',
  "api_key: ",
  "a_secret_key:",
  "token ?= ",
  "export FOO_TOKEN=",
  "--password ",
  "--token=",
  "--api-key ",
  "curl -u a:",
  "curl --user admin:",
  "mysql -u root -p",
  "sshpass -p ",
  "Authorization: ",
  "Authorization: Bearer ",
  "x-api-key: ",
  "Bearer ",
  "https://user:",
  "postgres://app:",
  "://",
  "sk-",
  "sk-ant-",
  "ghp_",
  "glpat-",
  "xoxb-",
  "hf_",
  "eyJ",
  "AKIA",
  "key-",
  "SG.",
  "dop_v1_",
  "AGE-SECRET-KEY-1",
  "-----BEGIN PRIVATE KEY-----\n",
  "-",
  "_",
  "[REDACTED:credential-flag]",
];
const AFTER = ["", " ", "\n", "@db.example.com/app", '"', "'", ":", "=", " -p", "_token", "-key", "[REDACTED:jwt]"];

// Markers side by side and among everything else are the random pieces' part.
const piece = fc.oneof(
  fc.constantFrom(...MARKERS),
  fc.constantFrom(...BEFORE, ...AFTER, EVERY_TRIGGER),
  fc.constantFrom(...ADVERSARIAL_FRAGMENTS),
  fc.constantFrom(...SECRET_SHAPES.map((shape) => shape.text)),
  fc.constantFrom(...ORDINARY_SAMPLES),
  fc.string({ maxLength: 6 }),
);

describe("redaction markers", () => {
  it("are one per kind of secret, each written by a rule", () => {
    // The high-entropy detector writes the one marker no pattern rule does.
    const kinds = new Set([...RULES.map((rule) => rule.kind), "high-entropy-token"]);
    expect(MARKERS.map((marker) => marker.slice("[REDACTED:".length, -1)).sort()).toEqual([...kinds].sort());
  });

  it("change nothing by the kind they name, wherever they stand", () => {
    const differing: string[] = [];
    for (const marker of MARKERS)
      for (const before of BEFORE)
        for (const after of AFTER) {
          const text = `${before}${marker}${after}`;
          if (!sameAsNeutral(text)) differing.push(JSON.stringify(text));
        }
    expect(differing).toEqual([]);
  });

  it("change nothing by the kind they name among random pieces", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(sameAsNeutral(pieces.join(""))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it("make a redacted text redact to itself, with nothing more found", () => {
    const texts = [
      ...SECRET_SHAPES.map((shape) => shape.text),
      ...SECRET_SHAPES.map((shape) => `echo deploying && ${shape.text} ${shape.text}`),
      ...ADVERSARIAL_FRAGMENTS.map((fragment) => fragment.repeat(40)),
      ...MARKERS.map((marker) => BEFORE.map((before) => `${before}${marker}`).join("\n")),
    ];
    for (const text of texts) {
      const once = redactSecrets(text).text;
      const twice = redactSecrets(once);
      expect({ text: twice.text, total: twice.total }).toEqual({ text: once, total: 0 });
    }
  });

  it("hold in their kind's name no trigger of a rule that the neutral stand-ins lack", () => {
    // The stand-ins only prove something if they hold no trigger word themselves.
    const standIns = STAND_INS.join(" ");
    // And each stands for one marker only, so putting the markers back is exact.
    expect(new Set(STAND_INS).size).toBe(MARKERS.length);
    expect(TRIGGER_WORDS.filter((trigger) => standIns.toLowerCase().includes(trigger.toLowerCase()))).toEqual([]);
  });
});

/** Letters a stand-in is written in: together they spell no trigger word (checked below). */
const CODE = "qzjv";

/**
 * A stand-in for the marker at `index`: a marker to every rule that knows markers, naming no kind and
 * holding no trigger word, and shaped like the kind's name (as long, its hyphens and digits where they
 * are), so a rule whose match runs up to a length or a character class ends where it ends on the real one.
 * Its first three letters spell the index in base 4.
 */
function neutral(index: number): string {
  const kind = (MARKERS[index] ?? "").slice("[REDACTED:".length, -1);
  let letters = 0;
  const shaped = [...kind]
    .map((char) => {
      if (!/[a-z]/.test(char)) return char;
      const digit = letters < 3 ? Math.floor(index / 4 ** letters) % 4 : 0;
      letters++;
      return CODE[digit];
    })
    .join("");
  return `[REDACTED:${shaped}]`;
}
const STAND_INS = MARKERS.map((_marker, index) => neutral(index));

/**
 * Whether a text redacts as it does with each marker in it put as its stand-in, the stand-ins put back
 * after: only the kind's name differs, so a rule that matched in it or with its help (not merely beside
 * its brackets, which the stand-in has too) would show.
 */
function sameAsNeutral(text: string): boolean {
  const standingIn = MARKERS.reduce((written, marker, index) => written.replaceAll(marker, neutral(index)), text);
  const real = redactSecrets(text);
  const plain = redactSecrets(standingIn);
  const back = STAND_INS.reduce(
    (written, standIn, index) => written.replaceAll(standIn, MARKERS[index] ?? ""),
    plain.text,
  );
  return back === real.text && JSON.stringify(plain.counts) === JSON.stringify(real.counts);
}
