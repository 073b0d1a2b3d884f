// Settings files that Claude Code would read differently from a plain reading of them are refused before
// anything is written: a key given twice (Claude Code keeps the last, an edit would land in the first),
// `"hooks": []` or an event that is not a list (Claude Code drops such hooks), a statusline or server
// list that is not an object. One line names the file and what to fix.
import { type Node, parseTree } from "jsonc-parser";
import { SettingsFileError } from "./json-text.ts";

const PLAIN = (value: Node | undefined) => (value?.type === "object" ? null : (value?.type ?? null));

/** Every object's keys given more than once, as a dotted path (`hooks`, `hooks.PreCompact`). */
function duplicateKeys(node: Node | undefined, at: string[] = []): string[] {
  if (!node?.children) return [];
  const found: string[] = [];
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children) {
      const key = String(property.children?.[0]?.value);
      if (seen.has(key)) found.push([...at, key].join("."));
      seen.add(key);
      found.push(...duplicateKeys(property.children?.[1], [...at, key]));
    }
  } else {
    for (const [index, child] of node.children.entries()) found.push(...duplicateKeys(child, [...at, String(index)]));
  }
  return found;
}

function member(root: Node | undefined, key: string): Node | undefined {
  return root?.children?.find((property) => property.children?.[0]?.value === key)?.children?.[1];
}

/** Throws a SettingsFileError when Claude Code would misread the file or an edit could not land where it reads. */
export function checkSettingsShape(text: string, path: string, kind: "settings" | "servers"): void {
  if (!text.trim()) return;
  const root = parseTree(text, [], { allowTrailingComma: true });
  const refuse = (problem: string) =>
    new SettingsFileError(`${path}: ${problem}; fix that by hand, then run this again (nothing was changed)`);
  const twice = duplicateKeys(root);
  if (twice.length > 0)
    throw refuse(
      `"${twice[0]}" is given twice, and Claude Code reads only the last one; merge them into one "${twice[0]}"`,
    );
  if (kind === "servers") {
    const servers = member(root, "mcpServers");
    if (servers && PLAIN(servers))
      throw refuse(`"mcpServers" is ${article(PLAIN(servers))}, where Claude Code expects an object`);
    return;
  }
  const hooks = member(root, "hooks");
  if (hooks && PLAIN(hooks))
    throw refuse(
      `"hooks" is ${article(PLAIN(hooks))}, where Claude Code expects an object of events ({"PreCompact": [...]})`,
    );
  for (const property of hooks?.children ?? []) {
    const value = property.children?.[1];
    if (value && value.type !== "array")
      throw refuse(
        `"hooks.${property.children?.[0]?.value}" is ${article(value.type)}, where Claude Code expects a list`,
      );
  }
  for (const key of ["statusLine", "env"]) {
    const value = member(root, key);
    if (value && PLAIN(value))
      throw refuse(`"${key}" is ${article(PLAIN(value))}, where Claude Code expects an object`);
  }
}

function article(type: string | null): string {
  return type === "array" ? "a list" : type === "object" ? "an object" : `a ${type}`;
}
