// The memory files Claude Code loads into every session, found on disk the way it finds them: the
// user's CLAUDE.md in its config folder, then CLAUDE.md, .claude/CLAUDE.md and CLAUDE.local.md in
// the project folder and each folder above it, and the files those import with `@path` (relative to
// the importing file, or `~/`), up to five levels deep.
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { claudeConfigDir } from "../../claude/paths.ts";
import type { Runtime } from "../../runtime.ts";
import type { MemoryFile } from "./baseline.ts";

const PER_FOLDER = ["CLAUDE.md", join(".claude", "CLAUDE.md"), "CLAUDE.local.md"];
/** Larger files are counted by size without being read. */
const READ_LIMIT = 4 << 20;
const MAX_IMPORT_DEPTH = 5;

/** `@path` imports outside code spans and fenced blocks: `@docs/style.md`, `@~/notes.md`. */
export function importsIn(text: string): string[] {
  const imports: string[] = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const outsideCode = line.replace(/`[^`]*`/g, "");
    for (const match of outsideCode.matchAll(/(?:^|\s)@((?:~\/|\.{0,2}\/)?[\w.~/-]*[\w-]\.?[\w]*)/g)) imports.push(match[1]!);
  }
  return imports;
}

function read(path: string): { chars: number; text: string | null } | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    if (stat.size > READ_LIMIT) return { chars: stat.size, text: null };
    const text = readFileSync(path, "utf8");
    return { chars: text.length, text };
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
  const visit = (path: string, depth: number) => {
    if (seen.has(path)) return;
    seen.add(path);
    const found = read(path);
    if (!found || found.chars === 0) return;
    files.push({ path, chars: found.chars });
    if (depth >= MAX_IMPORT_DEPTH || found.text === null) return;
    for (const target of importsIn(found.text)) {
      const resolved = target.startsWith("~/") ? join(runtime.homeDir, target.slice(2)) : isAbsolute(target) ? target : resolve(dirname(path), target);
      visit(resolved, depth + 1);
    }
  };
  for (const path of candidates) visit(path, 0);
  return files;
}
