// What identifies a transcript's content, not its inode: a file overwritten in place (same inode,
// larger) or a new file on a reused inode must not continue another session's parse. A transcript's
// first bytes hold its session id and first record's uuid, so they name the session; the bytes just
// before an offset show whether what was read up to there is still there.
import type { ByteSource } from "./byte-source.ts";
import { contentHash } from "./content-hash.ts";

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
  return contentHash([bytesAt(source, 0, HEAD_BYTES)]);
}

/**
 * A fingerprint of what was read up to `offset`: the first bytes and those just before it, kept as they
 * are (base64) rather than hashed: compared whole, and encoding costs less than hashing would.
 */
export function fingerprintAt(source: ByteSource, offset: number): string {
  if (offset > source.size) return "beyond-end";
  const from = Math.max(0, offset - BEFORE_OFFSET_BYTES);
  const head = bytesAt(source, 0, Math.min(HEAD_BYTES, offset, from));
  return `${offset}:${head.toString("base64")}:${bytesAt(source, from, offset - from).toString("base64")}`;
}
