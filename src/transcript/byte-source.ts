// Random access to a transcript's bytes. The readers take this instead of a path so they stay
// pure and testable; `openByteSource` is the file-system edge.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export interface ByteSource {
  /** Size in bytes when the source was opened; readers never look past it. */
  readonly size: number;
  readonly dev: number;
  readonly ino: number;
  /** Reads up to `length` bytes at `position` into `into`, returns how many were read. */
  read(into: Buffer, position: number, length: number): number;
  close(): void;
}

function openByteSource(path: string): ByteSource {
  const fd = openSync(path, "r");
  const stat = fstatSync(fd);
  return {
    size: stat.size,
    dev: stat.dev,
    ino: stat.ino,
    read: (into, position, length) => readSync(fd, into, 0, length, position),
    close: () => closeSync(fd),
  };
}

export function bufferByteSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    dev: 0,
    ino: 0,
    read: (into, position, length) => bytes.copy(into, 0, position, Math.min(bytes.length, position + length)),
    close: () => {},
  };
}

export function withByteSource<T>(path: string, use: (source: ByteSource) => T): T {
  const source = openByteSource(path);
  try {
    return use(source);
  } finally {
    source.close();
  }
}
