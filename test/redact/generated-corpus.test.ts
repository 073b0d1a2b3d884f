// The generated corpus (test/support/secret-corpus-generated.ts): every category of secret in every
// place a handoff renders, with fresh values each run, held to no whole leak, partial leaks in under 1%
// of cells (a partial leak: some run of 6 of the secret's random characters survives), and every
// ordinary text kept byte for byte. A failure prints the seed: CORPUS_SEED=<seed> replays it.
import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/redact/redact.ts";
import { ORDINARY_CATEGORIES, PLACES, randomFrom, SECRET_CATEGORIES } from "../support/secret-corpus-generated.ts";

const SEED = Number(process.env.CORPUS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ROUNDS = 6;
const WINDOW = 6;

/** How many of the secret's characters lie in a run of WINDOW or more that survived. */
function survivingCharacters(secret: string, output: string): number {
  const covered = new Uint8Array(secret.length);
  for (let at = 0; at + WINDOW <= secret.length; at++)
    if (output.includes(secret.slice(at, at + WINDOW))) covered.fill(1, at, at + WINDOW);
  return covered.reduce((sum, bit) => sum + bit, 0);
}

describe(`the generated corpus (CORPUS_SEED=${SEED})`, () => {
  it("leaks no secret whole, and parts of one in under 1% of cells", () => {
    const r = randomFrom(SEED);
    const whole: string[] = [];
    const partial: string[] = [];
    let cells = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const [category, generate] of Object.entries(SECRET_CATEGORIES))
        for (const [place, plant] of Object.entries(PLACES)) {
          const cell = generate(r);
          const input = plant(cell.text, r);
          const output = redactSecrets(input).text;
          cells++;
          const where = `${category} in ${place}: ${JSON.stringify(output).slice(0, 240)}`;
          const encodedIn = (secret: string) => [secret, JSON.stringify(secret).slice(1, -1)];
          if (cell.secrets.some((secret) => encodedIn(secret).some((form) => output.includes(form)))) whole.push(where);
          else if (cell.secrets.some((secret) => survivingCharacters(secret, output) > 0)) partial.push(where);
        }
    const report = `seed ${SEED}: ${cells} cells, ${whole.length} whole leaks, ${partial.length} partial (${((100 * partial.length) / cells).toFixed(2)}%)`;
    expect(whole, report).toEqual([]);
    expect(partial.length / cells, `${report}\n${partial.join("\n")}`).toBeLessThan(0.01);
    expect(cells).toBeGreaterThanOrEqual(500);
  });

  it("changes no ordinary text in any place", () => {
    const r = randomFrom(SEED + 1);
    const changed: string[] = [];
    let cells = 0;
    for (let round = 0; round < ROUNDS * 4; round++)
      for (const [category, generate] of Object.entries(ORDINARY_CATEGORIES))
        for (const [place, plant] of Object.entries(PLACES)) {
          const input = plant(generate(r), r);
          const output = redactSecrets(input).text;
          cells++;
          if (output !== input) changed.push(`${category} in ${place}: ${JSON.stringify(output).slice(0, 400)}`);
        }
    expect(changed, `seed ${SEED + 1}: ${changed.length} of ${cells} ordinary texts changed`).toEqual([]);
  });
});
