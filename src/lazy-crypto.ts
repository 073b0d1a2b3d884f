// node:crypto, loaded on first use. Loading it costs about a tenth of a bare Node start, and the
// statusline, hooks and `usage` start a new process each time while most runs never hash anything (a
// capture to digest, a file to write): the modules that hash import these instead of node:crypto.
import type { Hash } from "node:crypto";
import { createRequire } from "node:module";

let loaded: typeof import("node:crypto") | undefined;

function nodeCrypto(): typeof import("node:crypto") {
  loaded ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return loaded;
}

export function createHash(algorithm: string): Hash {
  return nodeCrypto().createHash(algorithm);
}

export function randomBytes(size: number): Buffer {
  return nodeCrypto().randomBytes(size);
}

export function randomUUID(): string {
  return nodeCrypto().randomUUID();
}
