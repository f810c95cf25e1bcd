/**
 * Change sets: every edit records the rows it touched, before and after. Undo writes the "before"
 * rows back, redo the "after" rows, each in one transaction — one generic inverse for every edit
 * (create, update, delete cascade, import), so undo can never drift from what the edit did.
 */
import type { QuarterdeckDb } from './database';

export type StoreName = string;
type Row = { [key: string]: unknown };

export type RowChange = { table: StoreName; key: string; before: Row | null; after: Row | null };
export type ChangeSet = { label: string; changes: RowChange[] };

/** Record that a row was created. */
export function created(table: StoreName, row: { id: string }): RowChange {
  return { table, key: row.id, before: null, after: { ...row } };
}

/** Record that a row was replaced. */
export function updated(table: StoreName, before: { id: string }, after: { id: string }): RowChange {
  return { table, key: before.id, before: { ...before }, after: { ...after } };
}

/** Record that a row was removed. */
export function removed(table: StoreName, row: { id: string }): RowChange {
  return { table, key: row.id, before: { ...row }, after: null };
}

/** Write one side of a change set (undo → "before" rows, redo → "after" rows) in one transaction. */
export async function applyChangeSet(db: QuarterdeckDb, cs: ChangeSet, direction: 'undo' | 'redo'): Promise<void> {
  // Per table, the final state of each key; undo walks backwards so a row touched twice ends at its
  // first "before", redo forwards so it ends at its last "after".
  const byTable = new Map<StoreName, Map<string, Row | null>>();
  const ordered = direction === 'undo' ? [...cs.changes].reverse() : cs.changes;
  for (const c of ordered) {
    let rows = byTable.get(c.table);
    if (!rows) {
      rows = new Map();
      byTable.set(c.table, rows);
    }
    rows.set(c.key, direction === 'undo' ? c.before : c.after);
  }
  const tables = [...byTable.keys()].map((n) => db.table(n));
  await db.transaction('rw', tables, async () => {
    for (const [name, rows] of byTable) {
      const deletes: string[] = [];
      const puts: Row[] = [];
      for (const [key, row] of rows) {
        if (row) puts.push(row);
        else deletes.push(key);
      }
      const t = db.table(name);
      if (deletes.length) await t.bulkDelete(deletes);
      if (puts.length) await t.bulkPut(puts);
    }
  });
}
