// node:crypto, loaded on first use. Loading it costs about a tenth of a bare Node start, and the
// statusline, hooks and `usage` start a new process each time while most runs never hash anything (a
// capture to digest, a file to write): the modules that hash import these instead of node:crypto.
// Taken through `require` where the bundle has one (importing node:module for createRequire would load
// node:assert with it), else through process.getBuiltinModule (Node ≥ 20.16, in the tests).
import type { Hash } from "node:crypto";

let loaded: typeof import("node:crypto") | undefined;

function nodeCrypto(): typeof import("node:crypto") {
  loaded ??=
    typeof require === "function"
      ? (require("node:crypto") as typeof import("node:crypto"))
      : process.getBuiltinModule("node:crypto");
  return loaded;
}

export function createHash(algorithm: string): Hash {
  return nodeCrypto().createHash(algorithm);
}

export function randomBytes(size: number): Buffer {
  return nodeCrypto().randomBytes(size);
}
