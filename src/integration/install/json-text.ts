// Edits to JSON files people also edit by hand: each change touches only its own value, and keeps the
// file's indentation, key order, comments and everything else (jsonc-parser's `modify`).

import {
  applyEdits,
  findNodeAtLocation,
  format,
  type JSONPath,
  modify,
  type Node,
  type ParseError,
  parse,
  parseTree,
} from "jsonc-parser";
import { UserError } from "../../base/user-error.ts";

export class SettingsFileError extends UserError {}

/** The document as an object; a file that is not a JSON object is refused rather than overwritten. */
export function readJsonObject(text: string, path: string): Record<string, unknown> {
  if (!text.trim()) return {};
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SettingsFileError(
      `${path} is not a JSON object (${errors.length} syntax error(s)); fix it or move it away, then run this again`,
    );
  }
  return value as Record<string, unknown>;
}

/** Indentation as the file already uses it (two spaces for a new file). */
function formatting(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return indent.startsWith("\t")
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

/**
 * Sets (or, with `undefined`, removes) the value at `path`. Only the text ctx-monitor inserts is
 * formatted (to the file's indentation): jsonc-parser's own formatting would also reflow the user's
 * lines next to it, and a removal leaves the lines around it alone.
 */
export function setJson(text: string, path: JSONPath, value: unknown, insert = false): string {
  const base = text.trim() ? text : "{}\n";
  if (value === undefined) return removeJson(base, path);
  const edits = modify(base, path, value, { isArrayInsertion: insert });
  let result = base;
  // Applied from the end, so earlier offsets stay valid.
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    const inserted = applyEdits(result, [edit]);
    const end = edit.offset + edit.content.length;
    const inside = format(inserted, { offset: edit.offset, length: edit.content.length }, formatting(base)).filter(
      (change) => change.offset >= edit.offset && change.offset + change.length <= end,
    );
    result = applyEdits(inserted, inside);
  }
  return result;
}

/**
 * Removes the value (or property) at `path` with the separator before it, the exact inverse of an
 * insertion after its previous sibling; the first of several takes the separator after it instead.
 */
function removeJson(text: string, path: JSONPath): string {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const found = root ? findNodeAtLocation(root, path) : undefined;
  if (!found) return text;
  const node: Node = found.parent?.type === "property" ? found.parent : found;
  const siblings = node.parent?.children ?? [node];
  const index = siblings.indexOf(node);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const end = node.offset + node.length;
  if (previous) return text.slice(0, previous.offset + previous.length) + text.slice(end);
  if (next) return text.slice(0, node.offset) + text.slice(next.offset);
  // The only member: empty the brackets around it, keeping the text outside them.
  const parent = node.parent;
  if (!parent) return text;
  return text.slice(0, parent.offset + 1) + text.slice(parent.offset + parent.length - 1);
}
