/**
 * The Quarterdeck IndexedDB database (Dexie). Opening checks the stored schema version first: a
 * database written by a newer app is opened read-only with a message (REL-03), so an older build
 * can never overwrite data it does not understand.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Table } from 'dexie';
import type { TableName, TableRecord } from '../../../shared/domain/tables';
import type { MetaRecord, WorkspaceRecord } from './records';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from './versions';

export const DB_NAME = 'quarterdeck';

/** Raised by every write while the database is read-only. */
export class ReadOnlyDatabaseError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ReadOnlyDatabaseError';
  }
}

export type DbOptions = {
  /** Open whatever schema is installed, without declaring ours (used to probe and for read-only). */
  dynamic?: boolean;
  readOnlyReason?: string | null;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

export class QuarterdeckDb extends Dexie {
  /** Non-null when writes are refused; the text says why and what to do. */
  readOnlyReason: string | null;
  workspaces!: Table<WorkspaceRecord, string>;
  meta!: Table<MetaRecord, string>;

  constructor(name: string = DB_NAME, opts: DbOptions = {}) {
    super(name, {
      ...(opts.indexedDB ? { indexedDB: opts.indexedDB } : {}),
      ...(opts.IDBKeyRange ? { IDBKeyRange: opts.IDBKeyRange } : {}),
    });
    this.readOnlyReason = opts.readOnlyReason ?? null;
    if (!opts.dynamic) {
      for (const v of SCHEMA_VERSIONS) {
        const declared = this.version(v.version).stores(v.stores);
        const upgrade = v.upgrade;
        if (upgrade) declared.upgrade((tx) => upgrade(tx));
      }
    }
    // One guard below every table: writes are refused while read-only, whatever API made them.
    this.use({
      stack: 'dbcore',
      name: 'read-only-guard',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName: string): DBCoreTable => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: async (req) => {
              if (this.readOnlyReason) throw new ReadOnlyDatabaseError(this.readOnlyReason);
              const res = await table.mutate(req);
              if (tableName !== 'meta') this.noteChange(tableName, req);
              return res;
            },
          };
        },
      }),
    });
    // Opened dynamically these are only set once the installed schema is read; declared ones now.
    if (!opts.dynamic) {
      this.workspaces = this.table('workspaces');
      this.meta = this.table('meta');
    }
  }

  private readonly changeListeners = new Set<(workspaceIds: string[] | null) => void>();

  /**
   * Be told after every write which workspaces it touched (null = unknown, e.g. a delete by key).
   * Automatic backups use it to back up only what changed. Returns the unsubscribe function.
   */
  onWorkspaceChange(listener: (workspaceIds: string[] | null) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private noteChange(tableName: string, req: DBCoreMutateRequest): void {
    if (this.changeListeners.size === 0) return;
    let ids: string[] | null = null;
    if (req.type === 'add' || req.type === 'put') {
      const found = new Set<string>();
      for (const v of req.values as unknown[]) {
        const row = v as { id?: unknown; workspaceId?: unknown } | null;
        const id = tableName === 'workspaces' ? row?.id : row?.workspaceId;
        if (typeof id === 'string') found.add(id);
      }
      ids = [...found];
    }
    for (const l of this.changeListeners) l(ids);
  }

  /** A typed handle on one workspace-scoped table. */
  rows<T extends TableName>(name: T): Table<TableRecord<T>, string> {
    return this.table(name);
  }
}

export type OpenResult = {
  db: QuarterdeckDb;
  /** The schema version recorded in the database (after open, ours unless it is newer). */
  storedVersion: number;
  readOnlyReason: string | null;
};

type Probe = { exists: false } | { exists: true; nativeVersion: number; metaVersion: number | null };

async function probe(name: string, opts: DbOptions): Promise<Probe> {
  const p = new QuarterdeckDb(name, { ...opts, dynamic: true });
  try {
    await p.open();
  } catch (err) {
    if (err instanceof Error && err.name === 'NoSuchDatabaseError') return { exists: false };
    throw err;
  }
  try {
    const nativeVersion = p.verno;
    let metaVersion: number | null = null;
    if (p.tables.some((t) => t.name === 'meta')) {
      const row = await p.table<MetaRecord, string>('meta').get('schemaVersion');
      metaVersion = typeof row?.value === 'number' ? row.value : null;
    }
    return { exists: true, nativeVersion, metaVersion };
  } finally {
    p.close();
  }
}

/** Message shown when a newer app wrote the database. */
export function newerVersionMessage(found: number): string {
  return (
    `This data was saved by a newer version of Quarterdeck (database version ${found}; this app knows ` +
    `version ${SCHEMA_VERSION}). It is open read-only so nothing is lost: update Quarterdeck to edit it.`
  );
}

/**
 * Open (creating or upgrading as needed) the database. Never writes to a database whose stored
 * version is newer than this build's.
 */
export async function openDatabase(name: string = DB_NAME, opts: DbOptions = {}): Promise<OpenResult> {
  const found = await probe(name, opts);
  if (found.exists) {
    const newest = Math.max(found.nativeVersion, found.metaVersion ?? 0);
    if (newest > SCHEMA_VERSION) {
      const reason = newerVersionMessage(newest);
      const db = new QuarterdeckDb(name, { ...opts, dynamic: true, readOnlyReason: reason });
      await db.open();
      db.workspaces = db.table('workspaces');
      db.meta = db.table('meta');
      return { db, storedVersion: newest, readOnlyReason: reason };
    }
  }
  const db = new QuarterdeckDb(name, opts);
  await db.open();
  await db.meta.put({ key: 'schemaVersion', value: SCHEMA_VERSION });
  return { db, storedVersion: SCHEMA_VERSION, readOnlyReason: null };
}

/** Every store of the open database: the app's truth for "which tables exist". */
export function storeNames(db: Dexie): string[] {
  return db.tables.map((t) => t.name).sort();
}
