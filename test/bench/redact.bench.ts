// Redaction must stay linear whatever the text holds: 10 MB of each adversarial repetition (every rule's
// prefix, a key name with no value, a URL with no `@`, a key block with no end) and of a realistic mix
// (the secret corpus among ordinary lines), each against two peers over the same characters: a JSON
// encoding and a plain regex scan for long words.
import { redactSecrets } from "../../src/redact/redact.ts";
import { ADVERSARIAL_FRAGMENTS } from "../support/adversarial.ts";
import { ORDINARY_SAMPLES, SECRET_SHAPES } from "../support/secret-corpus.ts";
import { fmt, median } from "./measure.ts";
import type { BenchContext } from "./run.ts";

const SIZE = Number(process.env.BENCH_REDACT_BYTES ?? 10_000_000);

function medianOf(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function realisticMix(): string {
  const lines = [
    ...ORDINARY_SAMPLES,
    ...SECRET_SHAPES.map((shape) => `echo deploying && ${shape.text}`),
    "all 214 tests passed in 3.2 s",
    "src/context/usage.ts:41:7 - error TS2322",
  ];
  return lines
    .join("\n")
    .repeat(Math.ceil(SIZE / lines.join("\n").length))
    .slice(0, SIZE);
}

/**
 * What the normalising views and the high-entropy detector decode or judge: escapes of every kind,
 * glued prefixes, long lines broken inside a token, a random run, and a base64 PEM's start.
 */
const DECODING_FRAGMENTS: readonly string[] = [
  '\\"',
  "\\\\",
  "\\u0041",
  "%25",
  "%3D",
  "ＡＫＩＡ：",
  "AKIAghp_sk-ant-",
  `${"Ab1".repeat(30)}\n`,
  "aB3dE6gH9jK2mN5pQ8sT",
  "LS0tLS1CRUdJT",
  "-----BEGIN PRIVATE KEY----- ",
  "docker login -p ",
  "?sig=",
  "<password>",
];

/** The peer: one linear regex pass counting long words. */
function wordScan(text: string): number {
  const words = /[A-Za-z0-9_]{20,64}/g;
  let count = 0;
  while (words.exec(text)) count++;
  return count;
}

export async function benchRedact(context: BenchContext): Promise<void> {
  const inputs: Array<[string, string]> = [["realistic mix: corpus secrets among ordinary lines", realisticMix()]];
  for (const fragment of [...ADVERSARIAL_FRAGMENTS, ...DECODING_FRAGMENTS])
    inputs.push([
      `adversarial ${JSON.stringify(fragment)} repeated`,
      fragment.repeat(Math.ceil(SIZE / fragment.length)).slice(0, SIZE),
    ]);
  let worst = 0;
  let worstRatio = 0;
  for (const [what, text] of inputs) {
    const json = medianOf(3, () => JSON.stringify(text));
    const scan = medianOf(3, () => wordScan(text));
    const redact = medianOf(3, () => redactSecrets(text));
    worst = Math.max(worst, redact);
    worstRatio = Math.max(worstRatio, redact / scan);
    context.report(
      `${what.slice(0, 56)}, ${(SIZE / 1e6).toFixed(0)} MB`,
      `${fmt(redact)} (${redact < 1000 ? "under" : "OVER"} 1 s; ${(redact / json).toFixed(1)}x JSON.stringify, ${(redact / scan).toFixed(1)}x a word scan)`,
    );
  }
  context.report(
    "slowest of all inputs",
    `${fmt(worst)}; at most ${worstRatio.toFixed(1)}x a word scan of the same text`,
  );
  // Linear: the same input at a tenth of the size takes about a tenth of the time.
  const fragment = '"api_key":"';
  const tenth = fragment.repeat(Math.ceil(SIZE / 10 / fragment.length));
  const whole = fragment.repeat(Math.ceil(SIZE / fragment.length));
  context.report(
    `growth from ${(SIZE / 1e7).toFixed(0)} MB to ${(SIZE / 1e6).toFixed(0)} MB of ${JSON.stringify(fragment)}`,
    `${(medianOf(3, () => redactSecrets(whole)) / medianOf(3, () => redactSecrets(tenth))).toFixed(1)}x (linear: 10x)`,
  );
}
