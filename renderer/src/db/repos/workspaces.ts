/**
 * Workspace repo: list, create, rename, update, duplicate, delete (cascade), load and import. Every
 * function takes the database first; every write returns the change set that undo needs.
 */
import { TABLE_NAMES, type TableName, type WorkspaceData, emptyTables } from '../../../../shared/domain/tables';
import { Workspace } from '../../../../shared/domain/workspace/schema';
import { builtInKpiDefinitions } from '../../../../shared/domain/kpis/dictionary';
import {
  buildDefaultEscalationSteps,
  buildDefaultRaci,
  buildDefaultSlaTargets,
} from '../../../../shared/domain/governance/defaults';
import {
  costProfileIdsByRole,
  defaultCostProfiles,
  defaultSkillAreas,
} from '../../../../shared/domain/staffing/defaults';
import { created, removed, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import type { PartyRecord, WorkspaceRecord } from '../records';

/** Clock and id source, injected so tests are deterministic. */
export type RepoContext = { now: () => string; newId: () => string };

/** The real clock and random UUIDs. */
export const liveContext: RepoContext = {
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};

/** A validation failure that names the field and the reason. */
export class ValidationError extends Error {
  constructor(
    readonly problems: { field: string; reason: string }[],
    readonly record = 'record',
  ) {
    super(problems.map((p) => `${record}: ${p.field}: ${p.reason}`).join('; '));
    this.name = 'ValidationError';
  }
}

function allTables(db: QuarterdeckDb) {
  return [db.workspaces, ...TABLE_NAMES.map((n) => db.rows(n))];
}

/** Every workspace, by name. */
export async function listWorkspaces(db: QuarterdeckDb): Promise<WorkspaceRecord[]> {
  return db.workspaces.orderBy('name').toArray();
}

/** One workspace or undefined. */
export async function getWorkspace(db: QuarterdeckDb, id: string): Promise<WorkspaceRecord | undefined> {
  return db.workspaces.get(id);
}

export type NewWorkspaceInput = {
  name: string;
  currency: string;
  locale: string;
  fiscalYearStartMonth: number;
  partnerName?: string;
  userCount?: number;
  endpointCount?: number;
  serverCount?: number;
};

function checkWorkspace(ws: WorkspaceRecord): WorkspaceRecord {
  const parsed = Workspace.safeParse(ws);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'workspace', reason: i.message })),
      'workspace',
    );
  }
  return parsed.data;
}

/**
 * The rows of a fresh workspace: the two parties plus the market defaults every screen builds on
 * (KPI dictionary, skill areas with cited cost profiles, RACI lanes, escalation ladder, SLAs).
 */
export function newWorkspaceData(input: NewWorkspaceInput, ctx: RepoContext): WorkspaceData {
  const now = ctx.now();
  const workspace = checkWorkspace({
    id: ctx.newId(),
    name: input.name.trim(),
    currency: input.currency.trim().toUpperCase(),
    locale: input.locale.trim(),
    fiscalYearStartMonth: input.fiscalYearStartMonth,
    userCount: input.userCount ?? 0,
    endpointCount: input.endpointCount ?? 0,
    serverCount: input.serverCount ?? 0,
    logo: null,
    partnerName: (input.partnerName ?? '').trim(),
    createdAt: now,
    updatedAt: now,
  });
  const wsId = workspace.id;
  const tables = emptyTables();
  const internal: PartyRecord = {
    id: ctx.newId(),
    workspaceId: wsId,
    name: 'Internal IT',
    kind: 'internal',
    shortName: 'IT',
  };
  const partner: PartyRecord = {
    id: ctx.newId(),
    workspaceId: wsId,
    name: workspace.partnerName || 'Partner',
    kind: 'partner',
    shortName: (workspace.partnerName.split(/\s+/)[0] ?? '').slice(0, 12) || 'Partner',
  };
  tables.parties = [internal, partner];
  tables.kpiDefinitions = builtInKpiDefinitions(wsId).map((k) => ({ ...k, id: ctx.newId() }));
  const profiles = defaultCostProfiles(wsId, () => ctx.newId());
  tables.costProfiles = profiles;
  tables.skillAreas = defaultSkillAreas(wsId, costProfileIdsByRole(profiles), () => ctx.newId());
  const gov = {
    workspaceId: wsId,
    internalPartyId: internal.id,
    partnerPartyId: partner.id,
    makeId: () => ctx.newId(),
  };
  const raci = buildDefaultRaci(gov);
  tables.raciActivities = raci.activities;
  tables.raciAssignments = raci.assignments;
  tables.escalationSteps = buildDefaultEscalationSteps(gov);
  tables.slaTargets = buildDefaultSlaTargets(gov);
  return { workspace, tables };
}

/** Create a workspace with default dictionaries; returns it and the change set. */
export async function createWorkspace(
  db: QuarterdeckDb,
  input: NewWorkspaceInput,
  ctx: RepoContext,
): Promise<{ workspace: WorkspaceRecord; changes: ChangeSet }> {
  const data = newWorkspaceData(input, ctx);
  const changes = await importWorkspace(db, data, `Create workspace “${data.workspace.name}”`);
  return { workspace: data.workspace, changes };
}

/** Change workspace fields (validated against the schema); returns the change set. */
export async function updateWorkspace(
  db: QuarterdeckDb,
  id: string,
  patch: Partial<Omit<WorkspaceRecord, 'id' | 'createdAt' | 'updatedAt'>>,
  ctx: RepoContext,
  label = 'Edit workspace settings',
): Promise<ChangeSet> {
  return db.transaction('rw', db.workspaces, db.rows('parties'), async () => {
    const before = await db.workspaces.get(id);
    if (!before) throw new Error(`workspace ${id} no longer exists`);
    const after = checkWorkspace({ ...before, ...patch, id, updatedAt: ctx.now() });
    await db.workspaces.put(after);
    const changes: RowChange[] = [updated('workspaces', before, after)];
    // Keep the partner party's name in step with the workspace's partner name.
    if (patch.partnerName !== undefined && after.partnerName && after.partnerName !== before.partnerName) {
      const parties = await db.rows('parties').where('workspaceId').equals(id).toArray();
      const partner = parties.find((p) => p.kind === 'partner' && p.name === (before.partnerName || 'Partner'));
      if (partner) {
        const next = { ...partner, name: after.partnerName };
        await db.rows('parties').put(next);
        changes.push(updated('parties', partner, next));
      }
    }
    return { label, changes };
  });
}

/** Rename a workspace; returns the change set. */
export async function renameWorkspace(
  db: QuarterdeckDb,
  id: string,
  name: string,
  ctx: RepoContext,
): Promise<ChangeSet> {
  const trimmed = name.trim();
  if (!trimmed) throw new ValidationError([{ field: 'name', reason: 'a name is required' }], 'workspace');
  return updateWorkspace(db, id, { name: trimmed }, ctx, `Rename workspace to “${trimmed}”`);
}

/** All rows of one workspace, read in one transaction so the picture is consistent. */
export async function loadWorkspaceData(db: QuarterdeckDb, id: string): Promise<WorkspaceData | undefined> {
  return db.transaction('r', allTables(db), async () => {
    const workspace = await db.workspaces.get(id);
    if (!workspace) return undefined;
    const tables = emptyTables();
    const loaded = await Promise.all(TABLE_NAMES.map((n) => db.rows(n).where('workspaceId').equals(id).toArray()));
    TABLE_NAMES.forEach((n, i) => {
      (tables as Record<TableName, unknown[]>)[n] = loaded[i] ?? [];
    });
    return { workspace, tables };
  });
}

/**
 * Write a whole workspace in ONE read-write transaction over every table. Rows are added, never
 * overwritten: an id that already exists (or any other failure) aborts the transaction, so either
 * everything is written or nothing is (REL-04, REL-10).
 */
export async function importWorkspace(db: QuarterdeckDb, data: WorkspaceData, label?: string): Promise<ChangeSet> {
  const wsId = data.workspace.id;
  for (const name of TABLE_NAMES) {
    const rows = data.tables[name] as { id: string; workspaceId: string }[];
    const stray = rows.find((r) => r.workspaceId !== wsId);
    if (stray) {
      throw new ValidationError(
        [{ field: 'workspaceId', reason: `row ${stray.id} belongs to workspace ${stray.workspaceId}, not ${wsId}` }],
        name,
      );
    }
  }
  const changes: RowChange[] = [];
  await db.transaction('rw', allTables(db), async () => {
    await db.workspaces.add(data.workspace);
    changes.push(created('workspaces', data.workspace));
    for (const name of TABLE_NAMES) {
      const rows = data.tables[name] as { id: string; workspaceId: string }[];
      if (rows.length === 0) continue;
      await db.table(name).bulkAdd(rows);
      for (const r of rows) changes.push(created(name, r));
    }
  });
  return { label: label ?? `Import workspace “${data.workspace.name}”`, changes };
}

/** Delete a workspace and every row it owns in one transaction; returns the change set for undo. */
export async function deleteWorkspace(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  const changes: RowChange[] = [];
  let name = '';
  await db.transaction('rw', allTables(db), async () => {
    const ws = await db.workspaces.get(id);
    if (!ws) throw new Error(`workspace ${id} no longer exists`);
    name = ws.name;
    for (const table of TABLE_NAMES) {
      const coll = db.rows(table).where('workspaceId').equals(id);
      const rows = (await coll.toArray()) as { id: string }[];
      for (const r of rows) changes.push(removed(table, r));
      await coll.delete();
    }
    await db.workspaces.delete(id);
    changes.push(removed('workspaces', ws));
  });
  return { label: `Delete workspace “${name}”`, changes };
}

/** Row counts per table for one workspace (Settings, tests). */
export async function countRows(db: QuarterdeckDb, id: string): Promise<Record<TableName, number>> {
  const counts = await Promise.all(TABLE_NAMES.map((n) => db.rows(n).where('workspaceId').equals(id).count()));
  return Object.fromEntries(TABLE_NAMES.map((n, i) => [n, counts[i] ?? 0])) as Record<TableName, number>;
}
