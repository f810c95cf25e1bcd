/**
 * Every version of the IndexedDB schema, in order. A released version is NEVER edited.
 *
 * Recipe — adding a database migration (schema version N+1):
 *   1. Copy the newest `STORES_Vn` to `STORES_V(n+1)` and change only what moves (a new table, a new
 *      index). Dexie diffs the two: unchanged tables need no work, a removed table is `null`.
 *   2. Write a named upgrade function `upgradeToV(n+1)(tx)` that rewrites rows that must change
 *      (e.g. `tx.table('roadmapItems').toCollection().modify(r => { r.newField = null; })`). It must be
 *      idempotent and must not read the clock or the network.
 *   3. Append `{ version: n+1, stores: STORES_V(n+1), upgrade: upgradeToV(n+1) }` to SCHEMA_VERSIONS.
 *      `SCHEMA_VERSION` follows automatically and is written to the `meta` table on open.
 *   4. Add a frozen fixture DB at version n to the tests and a test that opens it with the new code:
 *      counts and checksums unchanged (REL-01), and a failing upgrade leaves v n intact (REL-02).
 *   5. If the shared domain schema changed, bump the backup `formatVersion` too (shared/backup).
 */
import type { Transaction } from 'dexie';
import type { TableName } from '../../../shared/domain/tables';

/** Store name → Dexie index spec (primary key first). */
export type StoreSpec = Record<TableName | 'workspaces' | 'meta', string | null>;

export type SchemaVersion = {
  version: number;
  stores: Partial<StoreSpec>;
  /** Runs inside the versionchange transaction when an older database is opened; never on create. */
  upgrade: ((tx: Transaction) => Promise<void>) | null;
};

/**
 * Version 1. Every workspace table is indexed by `id` (primary key) and `workspaceId`, plus the
 * compound indexes the screens query by.
 */
const STORES_V1 = {
  workspaces: 'id, name',
  meta: 'key',
  parties: 'id, workspaceId',
  partyRules: 'id, workspaceId',
  roadmapItems: 'id, workspaceId, [workspaceId+status], [workspaceId+domain], [workspaceId+startMonth]',
  budgetLines: 'id, workspaceId, [workspaceId+fiscalYear], roadmapItemId',
  people: 'id, workspaceId',
  skillAreas: 'id, workspaceId',
  costProfiles: 'id, workspaceId',
  partnerContracts: 'id, workspaceId',
  scenarios: 'id, workspaceId',
  kpiDefinitions: 'id, workspaceId, [workspaceId+key]',
  kpiSnapshots: 'id, workspaceId, [workspaceId+kpiKey], [workspaceId+period], [workspaceId+kpiKey+period]',
  tickets: 'id, workspaceId, importId, [workspaceId+openedAt]',
  ticketImports: 'id, workspaceId',
  importMappings: 'id, workspaceId',
  raciActivities: 'id, workspaceId',
  raciAssignments: 'id, workspaceId, [workspaceId+activityId]',
  raciVersions: 'id, workspaceId, [workspaceId+quarter]',
  escalationSteps: 'id, workspaceId, [workspaceId+severity]',
  slaTargets: 'id, workspaceId',
  partnerScorecards: 'id, workspaceId, [workspaceId+quarter]',
  risks: 'id, workspaceId, [workspaceId+status]',
  decisions: 'id, workspaceId, [workspaceId+status]',
  actionItems: 'id, workspaceId, [workspaceId+status]',
  qbrs: 'id, workspaceId, [workspaceId+quarter]',
  qbrSnapshots: 'id, workspaceId, qbrId, [workspaceId+quarter]',
} as const satisfies StoreSpec;

/** Version 1 is the first release: nothing to upgrade from. Kept as a named step for the pattern. */
async function upgradeToV1(_tx: Transaction): Promise<void> {}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [{ version: 1, stores: STORES_V1, upgrade: upgradeToV1 }];

/** The schema version this build writes. */
export const SCHEMA_VERSION: number = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

/** All store names of the newest version (tables removed later are `null` and left out). */
export function currentStoreNames(): string[] {
  const merged: Record<string, string | null> = {};
  for (const v of SCHEMA_VERSIONS) Object.assign(merged, v.stores);
  return Object.keys(merged).filter((k) => merged[k] !== null);
}
