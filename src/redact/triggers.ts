// Which of the rules' trigger literals a text holds, found in one pass whatever the text is: an
// Aho-Corasick automaton over ASCII, ignoring case. Asking `text.includes` once per literal read a
// 10 MB text a hundred times (most of a redaction's time on text that holds no secret at all); this
// reads it once, one table step per character.

/** Character codes the table covers; a character beyond them belongs to no literal. */
const ALPHABET = 128;

export interface TriggerSet {
  /** The literals, in the order given; `found[i]` answers for `literals[i]`. */
  literals: readonly string[];
  /**
   * Which literals occur in `text` from `from` to `to` (ignoring ASCII case), leaving out each
   * occurrence of `passOver` (exact case): the text reads as if a character no literal holds stood there.
   */
  scan(text: string, from?: number, to?: number, passOver?: string): Uint8Array;
}

export function compileTriggers(literals: readonly string[]): TriggerSet {
  for (const literal of literals)
    if (!literal || /[^\x20-\x7e\t]/.test(literal))
      throw new Error(`trigger ${JSON.stringify(literal)} is not printable ASCII`);
  const lowered = literals.map((literal) => literal.toLowerCase());
  const { next, ending } = automaton(lowered);
  // Characters no literal holds all step alike: the table has a column per character that matters
  // (upper-case letters share their lower-case one's), which keeps it small enough to stay in cache.
  const used = [...new Set(lowered.join(""))].map((char) => char.charCodeAt(0));
  const width = used.length + 1;
  const column = new Uint8Array(ALPHABET);
  used.forEach((code, index) => {
    column[code] = index + 1;
    if (code >= 97 && code <= 122) column[code - 32] = index + 1;
  });
  // Renumbered so that the states that end a literal come last, and stored as offsets into the table:
  // a step is two loads, and "ends something" one comparison.
  const order = [...ending.keys()].sort(
    (a, b) => Number((ending[a]?.length ?? 0) > 0) - Number((ending[b]?.length ?? 0) > 0),
  );
  const renumbered = new Int32Array(order.length);
  order.forEach((state, position) => {
    renumbered[state] = position;
  });
  const table = new Int32Array(order.length * width);
  order.forEach((state, position) => {
    table[position * width] = 0; // a character no literal holds: back to the start
    used.forEach((code, index) => {
      table[position * width + index + 1] = (renumbered[next[state * ALPHABET + code] ?? 0] ?? 0) * width;
    });
  });
  const ends = order.map((state) => [...new Set(ending[state])]);
  const firstEnding =
    Math.max(
      1,
      ends.findIndex((list) => list.length > 0),
    ) * width;
  return {
    literals,
    scan(text, from = 0, to = text.length, passOver) {
      const found = new Uint8Array(literals.length);
      /** States that end a literal not yet found: a dense run of one literal costs one look. */
      const pending = new Uint8Array(ends.length).fill(1);
      let left = literals.length;
      let offset = 0;
      for (let at = from; at < to && left > 0; ) {
        // Up to the next text passed over, then past it, afresh.
        const skip = passOver ? text.indexOf(passOver, at) : -1;
        const stop: number = skip < 0 || skip + (passOver?.length ?? 0) > to ? to : skip;
        for (; at < stop && left > 0; at++) {
          const code = text.charCodeAt(at);
          offset = code < ALPHABET ? (table[offset + (column[code] as number)] as number) : 0;
          if (offset < firstEnding) continue;
          const state = (offset / width) | 0;
          if (!pending[state]) continue;
          pending[state] = 0;
          for (const index of ends[state] as number[])
            if (!found[index]) {
              found[index] = 1;
              left--;
            }
        }
        if (stop === to) break;
        at = stop + (passOver?.length ?? 0);
        offset = 0;
      }
      return found;
    },
  };
}

/**
 * The automaton of lower-case literals: `next[state * ALPHABET + code]` is the state after reading
 * `code` (every step filled in, so a scan never backtracks), `ending[state]` the literals read there.
 */
function automaton(literals: readonly string[]): { next: number[]; ending: number[][] } {
  const next: number[] = new Array<number>(ALPHABET).fill(0);
  const ending: number[][] = [[]];
  literals.forEach((literal, index) => {
    let state = 0;
    for (const char of literal) {
      const slot = state * ALPHABET + (char.codePointAt(0) ?? 0);
      if (!next[slot]) {
        next[slot] = ending.push([]) - 1;
        for (let code = 0; code < ALPHABET; code++) next.push(0);
      }
      state = next[slot] ?? 0;
    }
    ending[state]?.push(index);
  });
  // Breadth first: each state's missing steps are its fallback's steps, and it ends what its fallback ends.
  const fallback = new Array<number>(ending.length).fill(0);
  const queue: number[] = [];
  for (let code = 0; code < ALPHABET; code++) if (next[code]) queue.push(next[code] ?? 0);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    const back = fallback[state] ?? 0;
    ending[state]?.push(...(ending[back] ?? []));
    for (let code = 0; code < ALPHABET; code++) {
      const slot = state * ALPHABET + code;
      const child = next[slot] ?? 0;
      if (child) {
        fallback[child] = next[back * ALPHABET + code] ?? 0;
        queue.push(child);
      } else next[slot] = next[back * ALPHABET + code] ?? 0;
    }
  }
  return { next, ending };
}
