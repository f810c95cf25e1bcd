/**
 * Fresh ids for a whole workspace (import a backup as a new workspace, duplicate for what-if):
 * every record gets a new id and every reference is rewritten through the same map, so the copy
 * is as consistent as the original and shares no id with it.
 */
import { TABLE_NAMES, type TableName, type WorkspaceData, type WorkspaceTables } from '../domain/tables';
import { PARTY_SEGMENT_PREFIX, REFERENCES, rewriteAt } from './references';

export type RemapOverrides = { name?: string };

/**
 * A copy of `data` under workspace `newWorkspaceId` with ids from `newId` (called once per record,
 * table by table in TABLE_NAMES order, rows in order). References to ids that are not in the
 * workspace are left as they are. Frozen QBR snapshot data is copied untouched (its hash covers it).
 */
export function remapWorkspace(
  data: WorkspaceData,
  newWorkspaceId: string,
  newId: () => string,
  overrides: RemapOverrides = {},
): WorkspaceData {
  const maps = new Map<TableName, Map<string, string>>();
  for (const name of TABLE_NAMES) {
    const map = new Map<string, string>();
    const used = new Set<string>();
    for (const row of data.tables[name]) {
      const fresh = newId();
      if (used.has(fresh)) throw new Error(`remapWorkspace: newId() returned "${fresh}" twice for ${name}`);
      used.add(fresh);
      map.set(row.id, fresh);
    }
    maps.set(name, map);
  }
  const lookup = (table: TableName) => {
    const map = maps.get(table)!;
    return (id: string) => map.get(id) ?? id;
  };

  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) {
    const refs = REFERENCES.filter((r) => r.table === name);
    const ownIds = lookup(name);
    tables[name] = data.tables[name].map((row) => {
      let out: Record<string, unknown> = { ...row, id: ownIds(row.id), workspaceId: newWorkspaceId };
      for (const ref of refs) out = rewriteAt(out, ref.path, lookup(ref.target));
      return out;
    });
  }
  const partyId = lookup('parties');
  tables.kpiSnapshots = (tables.kpiSnapshots as WorkspaceTables['kpiSnapshots']).map((s) =>
    s.segment.startsWith(PARTY_SEGMENT_PREFIX)
      ? { ...s, segment: PARTY_SEGMENT_PREFIX + partyId(s.segment.slice(PARTY_SEGMENT_PREFIX.length)) }
      : s,
  );

  return {
    workspace: { ...data.workspace, id: newWorkspaceId, name: overrides.name ?? data.workspace.name },
    tables: tables as WorkspaceTables,
  };
}
