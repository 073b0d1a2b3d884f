// The floor `breakdown` is measured against, as a whole process: read every byte of the file and count
// its lines, the least any reader of the whole transcript can do.
import { closeSync, openSync, readSync } from "node:fs";

const fd = openSync(process.argv[2], "r");
const block = Buffer.allocUnsafe(1 << 20);
let lines = 0;
for (let position = 0; ; ) {
  const read = readSync(fd, block, 0, block.length, position);
  if (read <= 0) break;
  position += read;
  for (let at = block.indexOf(10); at !== -1 && at < read; at = block.indexOf(10, at + 1)) lines++;
}
closeSync(fd);
process.stdout.write(`${lines}\n`);
