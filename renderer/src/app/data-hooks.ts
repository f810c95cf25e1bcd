/**
 * Live reads of the current workspace (useLiveQuery re-runs when the rows it read change). Screens
 * ask only for the tables they show, each read through the `workspaceId` index.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { TABLE_NAMES, emptyTables, type TableName, type WorkspaceData } from '../../../shared/domain/tables';
import type { WorkspaceRecord } from '../db/records';
import { useUi } from '../state/store';
import { useServices } from './services';

/** All workspaces by name (undefined while loading). */
export function useWorkspaceList(): WorkspaceRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.workspaces.orderBy('name').toArray(), [db]);
}

/** The current workspace record (undefined while loading, null when none is selected or it is gone). */
export function useCurrentWorkspace(): WorkspaceRecord | null | undefined {
  const { db } = useServices();
  const id = useUi((s) => s.workspaceId);
  return useLiveQuery(async () => (id ? ((await db.workspaces.get(id)) ?? null) : null), [db, id]);
}

/**
 * The current workspace with the named tables loaded (others empty) — the shape the shared domain
 * functions take. Tickets are never loaded unless named: they can be hundreds of thousands.
 */
export function useWorkspaceTables(names: readonly TableName[]): WorkspaceData | null | undefined {
  const { db } = useServices();
  const id = useUi((s) => s.workspaceId);
  const key = names.join(',');
  return useLiveQuery(async () => {
    if (!id) return null;
    const workspace = await db.workspaces.get(id);
    if (!workspace) return null;
    const tables = emptyTables();
    const loaded = await Promise.all(names.map((n) => db.rows(n).where('workspaceId').equals(id).toArray()));
    names.forEach((n, i) => {
      (tables as Record<TableName, unknown[]>)[n] = loaded[i] ?? [];
    });
    return { workspace, tables };
    // `key` stands for `names` so callers may pass a fresh array each render.
  }, [db, id, key]);
}

/** Every table except tickets (dashboard, findings). */
export const ALL_BUT_TICKETS: readonly TableName[] = TABLE_NAMES.filter((n) => n !== 'tickets');

/** Row count of one table for the current workspace. */
export function useRowCount(name: TableName): number | undefined {
  const { db } = useServices();
  const id = useUi((s) => s.workspaceId);
  return useLiveQuery(async () => (id ? db.rows(name).where('workspaceId').equals(id).count() : 0), [db, id, name]);
}
