// What identifies a transcript's content, not its inode: a file overwritten in place (same inode,
// larger) or a new file on a reused inode must not continue another session's parse. A transcript's
// first bytes hold its session id and first record's uuid, so they name the session; the bytes just
// before an offset show whether what was read up to there is still there.
import { createHash } from "node:crypto";
import type { ByteSource } from "./byte-source.ts";

const HEAD_BYTES = 4096;
const BEFORE_OFFSET_BYTES = 4096;

function bytesAt(source: ByteSource, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, Math.min(length, source.size - position)));
  const read = buffer.length ? source.read(buffer, position, buffer.length) : 0;
  return buffer.subarray(0, read);
}

/** A name for the session the file holds (a hash of its first bytes), or null for an empty file. */
export function contentKey(source: ByteSource): string | null {
  if (source.size === 0) return null;
  return createHash("sha256")
    .update(bytesAt(source, 0, HEAD_BYTES))
    .digest("hex")
    .slice(0, 32);
}

/** A fingerprint of what was read up to `offset`: the first bytes and those just before it. */
export function fingerprintAt(source: ByteSource, offset: number): string {
  if (offset > source.size) return "beyond-end";
  const hash = createHash("sha256").update(bytesAt(source, 0, Math.min(HEAD_BYTES, offset)));
  const from = Math.max(0, offset - BEFORE_OFFSET_BYTES);
  hash.update(bytesAt(source, from, offset - from));
  return `${offset}:${hash.digest("hex").slice(0, 32)}`;
}
