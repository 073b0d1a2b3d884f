// Reading the files of a mitmproxy recipe's folder, which someone else wrote: only regular files (a
// FIFO would block the read forever, a device such as /dev/zero never ends), each within a size, and
// the traffic log line by line, so no file is ever held whole beyond its cap.
import { isAscii } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** What kind of file it is, for the message when it is not a regular one. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  if (stat.isDirectory()) return "a folder";
  return "not a regular file";
}

const MIB = 1 << 20;

/**
 * Opens `path` without blocking (O_NONBLOCK: a FIFO with no writer opens at once) and hands the
 * descriptor and its size to `use` when it is a regular file within `maxBytes`; otherwise returns why not.
 */
function withRegularFile<T>(
  path: string,
  maxBytes: number,
  use: (fd: number, size: number) => T,
): { value: T } | { refused: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: `${kindOf(stat)}, only regular files are read` };
    if (stat.size > maxBytes)
      return {
        refused: `${(stat.size / MIB).toFixed(0)} MiB, over the ${(maxBytes / MIB).toFixed(0)} MiB a recipe file may be`,
      };
    return { value: use(fd, stat.size) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The whole file's text (as far as its size when opened: one growing meanwhile is read to that size), or
 * why not. Read into `scratch`, one buffer reused from file to file, so a dump of thousands of files
 * leaves no buffer per file behind for the collector.
 */
export function readDumpText(
  path: string,
  maxBytes: number,
  scratch: ReadBuffer,
): { text: string } | { refused: string } {
  const result = withRegularFile(path, maxBytes, (fd, size) => {
    const bytes = scratch.fit(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read <= 0) break;
      filled += read;
    }
    // ASCII (what the recipe's json.dump writes) decodes the same as latin1, and latin1 decodes faster.
    const text = bytes.subarray(0, filled);
    return text.toString(isAscii(text) ? "latin1" : "utf8");
  });
  return "value" in result ? { text: result.value } : result;
}

/** A buffer for readDumpText, grown to the largest file read so far (bounded by the files' cap). */
export class ReadBuffer {
  private bytes = Buffer.allocUnsafe(1 << 20);

  fit(size: number): Buffer {
    if (size > this.bytes.length) this.bytes = Buffer.allocUnsafe(Math.max(size, this.bytes.length * 2));
    return this.bytes;
  }
}

const BLOCK_BYTES = 1 << 20;

/**
 * Every line of a regular file (up to its size when opened), read in blocks; a line longer than
 * `maxLineBytes` is passed by whole, never gathered. Returns why not for anything but a regular file.
 */
export function readDumpLines(
  path: string,
  maxFileBytes: number,
  maxLineBytes: number,
  onLine: (line: string) => void,
): { refused: string } | null {
  const result = withRegularFile(path, maxFileBytes, (fd, size) => {
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let skipping = false;
    const take = (piece: Buffer) => {
      if (skipping) return;
      if (pendingBytes + piece.length > maxLineBytes) {
        skipping = true;
        pending = [];
        pendingBytes = 0;
        return;
      }
      pending.push(piece);
      pendingBytes += piece.length;
    };
    const endLine = () => {
      if (!skipping) onLine(Buffer.concat(pending, pendingBytes).toString("utf8"));
      pending = [];
      pendingBytes = 0;
      skipping = false;
    };
    for (let position = 0; position < size; ) {
      const read = readSync(fd, block, 0, Math.min(BLOCK_BYTES, size - position), position);
      if (read <= 0) break;
      position += read;
      let start = 0;
      for (
        let newline = block.indexOf(10, start);
        newline !== -1 && newline < read;
        newline = block.indexOf(10, start)
      ) {
        take(Buffer.from(block.subarray(start, newline)));
        endLine();
        start = newline + 1;
      }
      if (start < read) take(Buffer.from(block.subarray(start, read)));
    }
    if (pendingBytes > 0 || skipping) endLine();
  });
  return "refused" in result ? result : null;
}
