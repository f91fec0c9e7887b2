// Ticking cases for a bulk action: one at a time, or a range with shift (from the last tick to this one, in the
// order the list shows them now). Pure, so the range rules are tested without a grid.

export function toggleChecked(checked: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(checked);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * Shift-click: every row between the anchor and `id` (inclusive) takes the state `id` is switched to. Without
 * an anchor on screen it is a plain toggle.
 */
export function checkRange(
  checked: ReadonlySet<string>,
  rows: readonly { id: string }[],
  anchorId: string | null,
  id: string,
): Set<string> {
  const to = rows.findIndex((r) => r.id === id);
  const from = anchorId === null ? -1 : rows.findIndex((r) => r.id === anchorId);
  if (to < 0 || from < 0) return toggleChecked(checked, id);
  const on = !checked.has(id);
  const next = new Set(checked);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const rowId = rows[i]!.id;
    if (on) next.add(rowId);
    else next.delete(rowId);
  }
  return next;
}
