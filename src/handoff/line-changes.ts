// How many lines an Edit, MultiEdit, Write or NotebookEdit call changed, from its input alone: the
// session's own diff stat, for projects that are not git repositories and for changes git cannot
// tell apart from the user's.

export interface LineChange {
  added: number;
  removed: number;
}

const lines = (text: string): string[] => (text ? text.replace(/\n$/, "").split("\n") : []);

/** Lines of `after` not in `before` and the reverse, once their common first and last lines are set aside. */
export function diffLines(before: string, after: string): LineChange {
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { added: b.length - start - end, removed: a.length - start - end };
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

export function lineChange(tool: string, input: Record<string, unknown>): LineChange | null {
  switch (tool) {
    case "Edit":
      return diffLines(text(input.old_string), text(input.new_string));
    case "MultiEdit": {
      const edits = Array.isArray(input.edits) ? input.edits : [];
      return edits.reduce<LineChange>(
        (sum, edit) => {
          const fields = typeof edit === "object" && edit !== null ? (edit as Record<string, unknown>) : {};
          const change = diffLines(text(fields.old_string), text(fields.new_string));
          return { added: sum.added + change.added, removed: sum.removed + change.removed };
        },
        { added: 0, removed: 0 },
      );
    }
    case "Write":
      // What the file held before is not in the call: a write counts as its lines added.
      return { added: lines(text(input.content)).length, removed: 0 };
    case "NotebookEdit":
      return { added: input.edit_mode === "delete" ? 0 : lines(text(input.new_source)).length, removed: 0 };
    default:
      return null;
  }
}
