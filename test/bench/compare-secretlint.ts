// One-off comparison behind the choice of redaction rules: secretlint's recommended preset against
// ctx-monitor's own rules on the same corpus (coverage, false positives) and the same 10 MB texts
// (speed). secretlint is not a dependency; install it aside and point at it:
//   mkdir /tmp/sl && cd /tmp/sl && npm i @secretlint/core @secretlint/secretlint-rule-preset-recommend
//   SECRETLINT_DIR=/tmp/sl npx vite-node test/bench/compare-secretlint.ts
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { redactSecrets } from "../../src/redact/redact.ts";
import { ORDINARY_SAMPLES, SECRET_SHAPES } from "../support/secret-corpus.ts";

interface LintMessage {
  range: [number, number];
}
type LintSource = (input: {
  source: { content: string; filePath: string; contentType: "text"; ext: string };
  options: { config: { rules: Array<{ id: string; rule: unknown }> }; noPhysicFilePath: boolean };
}) => Promise<{ messages: LintMessage[] }>;

const dir = process.env.SECRETLINT_DIR;
if (!dir)
  throw new Error(
    "set SECRETLINT_DIR to a folder where @secretlint/core and @secretlint/secretlint-rule-preset-recommend are installed",
  );
const core = (await import(pathToFileURL(join(dir, "node_modules/@secretlint/core/module/index.js")).href)) as {
  lintSource: LintSource;
};
const preset = (await import(
  pathToFileURL(join(dir, "node_modules/@secretlint/secretlint-rule-preset-recommend/module/index.js")).href
)) as { creator: unknown };
const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: preset.creator }] };

async function lint(content: string): Promise<LintMessage[]> {
  const result = await core.lintSource({
    source: { content, filePath: "/session.txt", contentType: "text", ext: ".txt" },
    options: { config, noPhysicFilePath: true },
  });
  return result.messages;
}

/** Whether a finding covers the secret's first character (what a redactor built on it would remove). */
function covers(messages: LintMessage[], text: string, secret: string): boolean {
  const at = text.indexOf(secret);
  return messages.some((message) => message.range[0] <= at && message.range[1] > at);
}

let secretlintFound = 0;
let oursFound = 0;
const missedBySecretlint: string[] = [];
for (const shape of SECRET_SHAPES) {
  if (covers(await lint(shape.text), shape.text, shape.secret)) secretlintFound++;
  else missedBySecretlint.push(shape.name);
  if (!redactSecrets(shape.text).text.includes(shape.secret)) oursFound++;
}
let secretlintFalse = 0;
let oursFalse = 0;
for (const sample of ORDINARY_SAMPLES) {
  if ((await lint(sample)).length) secretlintFalse++;
  if (redactSecrets(sample).text !== sample) oursFalse++;
}
console.log(
  `secret shapes found: secretlint ${secretlintFound}/${SECRET_SHAPES.length}, ours ${oursFound}/${SECRET_SHAPES.length}`,
);
console.log(`missed by secretlint: ${missedBySecretlint.join(", ")}`);
console.log(
  `ordinary samples flagged: secretlint ${secretlintFalse}/${ORDINARY_SAMPLES.length}, ours ${oursFalse}/${ORDINARY_SAMPLES.length}`,
);

const SIZE = 10_000_000;
const lines = [...ORDINARY_SAMPLES, ...SECRET_SHAPES.map((shape) => `echo deploying && ${shape.text}`)].join("\n");
const texts: Array<[string, string]> = [["realistic mix", lines.repeat(Math.ceil(SIZE / lines.length)).slice(0, SIZE)]];
for (const fragment of ["token", '"api_key":"', "://user:pass", "-----BEGIN PRIVATE KEY-----\n", "AKIA"])
  texts.push([JSON.stringify(fragment), fragment.repeat(Math.ceil(SIZE / fragment.length)).slice(0, SIZE)]);
for (const [what, text] of texts) {
  let start = performance.now();
  redactSecrets(text);
  const ours = performance.now() - start;
  start = performance.now();
  await lint(text);
  const theirs = performance.now() - start;
  console.log(`10 MB ${what}: secretlint ${theirs.toFixed(0)} ms, ours ${ours.toFixed(0)} ms`);
}
