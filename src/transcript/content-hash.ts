// A 128-bit hash of a few kilobytes, for naming and fingerprinting transcript content in caches. Not a
// defence against someone crafting collisions (whoever can write a transcript can write any figure
// into it): it tells sessions and rewritten files apart, and needs no node:crypto, whose loading would
// cost every statusline and `usage` run more than the rest of their work. One flat loop over 32-bit
// words: the process is short-lived, so this runs in the interpreter, where calls are dear.

/** Four murmur3-style 32-bit lanes over every part's 32-bit words and its length: 32 hex digits. */
export function contentHash(parts: readonly Uint8Array[]): string {
  let a = 0x9e3779b1;
  let b = 0x85ebca77;
  let c = 0xc2b2ae3d;
  let d = 0x27d4eb2f;
  for (const part of parts) {
    const words = wordsOf(part);
    // The last word holds the tail bytes (zero-padded) and the part's length, so lengths count.
    let tail = Math.imul(part.length, 0x9e3779b1);
    for (let index = words.length * 4; index < part.length; index++) tail ^= part[index]! << (8 * (index & 3));
    for (let index = 0; index <= words.length; index++) {
      let k = Math.imul(index < words.length ? words[index]! : tail, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      a ^= k;
      a = Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64;
      b ^= k ^ a;
      b = Math.imul((b << 17) | (b >>> 15), 5) + 0x561ccd1b;
      c ^= k + b;
      c = Math.imul((c << 11) | (c >>> 21), 5) + 0x0bcaa747;
      d ^= k ^ c;
      d = Math.imul((d << 19) | (d >>> 13), 5) + 0x96cd1c35;
    }
  }
  return [a, b ^ a, c ^ b, d ^ c].map((lane) => hex(finish(lane))).join("");
}

/** The part's whole 32-bit words (little-endian), viewed in place where it is aligned. */
function wordsOf(part: Uint8Array): Int32Array {
  const count = part.length >>> 2;
  const aligned = part.byteOffset % 4 === 0 ? part : new Uint8Array(part);
  return new Int32Array(aligned.buffer, aligned.byteOffset, count);
}

function finish(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}
