// The memory files Claude Code loads into every session, found on disk the way it finds them: the
// user's CLAUDE.md in its config folder, then CLAUDE.md, .claude/CLAUDE.md and CLAUDE.local.md in
// the project folder and each folder above it.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { claudeConfigDir } from "../../claude/paths.ts";
import type { Runtime } from "../../runtime.ts";
import type { MemoryFile } from "./baseline.ts";

const PER_FOLDER = ["CLAUDE.md", join(".claude", "CLAUDE.md"), "CLAUDE.local.md"];
/** Larger files are counted by size without being read. */
const READ_LIMIT = 4 << 20;

function sizeOf(path: string): number | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    if (stat.size > READ_LIMIT) return stat.size;
    return readFileSync(path, "utf8").length;
  } catch {
    return null;
  }
}

export function findMemoryFiles(runtime: Runtime, projectDir: string | null): MemoryFile[] {
  const candidates = [join(claudeConfigDir(runtime), "CLAUDE.md")];
  if (projectDir) {
    const folders: string[] = [];
    for (let folder = projectDir; ; folder = dirname(folder)) {
      folders.push(folder);
      if (dirname(folder) === folder) break;
    }
    // Outermost first, as Claude Code reads them.
    for (const folder of folders.reverse()) for (const name of PER_FOLDER) candidates.push(join(folder, name));
  }
  const seen = new Set<string>();
  const files: MemoryFile[] = [];
  for (const path of candidates) {
    if (seen.has(path)) continue;
    seen.add(path);
    const chars = sizeOf(path);
    if (chars !== null && chars > 0) files.push({ path, chars });
  }
  return files;
}
