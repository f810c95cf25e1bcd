/**
 * KPI repo: custom KPIs, manual and CSV snapshots, party rules and ticket imports. Every write is
 * one Dexie transaction that returns its change set, so undo reverts exactly what was written. A
 * new value for a KPI, period and segment replaces the stored one (the change set keeps the old
 * value, so undo brings it back).
 */
import {
  KpiDefinition,
  KpiKey,
  KpiSnapshot,
  type KPI_UNITS,
  type Provenance,
} from '../../../../shared/domain/kpis/schema';
import { BUILT_IN_KPI_KEYS } from '../../../../shared/domain/kpis/dictionary';
import { ticketKpiSnapshots } from '../../../../shared/domain/kpis/ticket-kpis';
import { MONTH_RE, QUARTER_RE } from '../../../../shared/domain/common';
import { PartyRule } from '../../../../shared/domain/workspace/schema';
import { Ticket, TicketImport, ImportMapping } from '../../../../shared/domain/tickets/schema';
import type { WorkerImportResult } from '../../workers/ticket-import-protocol';
import { created, removed, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import { ValidationError, type RepoContext } from './workspaces';

const snapKey = (s: Pick<KpiSnapshot, 'kpiKey' | 'period' | 'segment'>): string =>
  `${s.kpiKey}\u0000${s.period}\u0000${s.segment}`;

function check<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  record: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ValidationError(
      r.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'record', reason: i.message })),
      record,
    );
  }
  return r.data;
}

/** Snapshots to add, replacing stored ones with the same KPI, period and segment; returns the changes. */
async function putSnapshots(
  db: QuarterdeckDb,
  workspaceId: string,
  next: readonly KpiSnapshot[],
): Promise<RowChange[]> {
  const existing = await db.rows('kpiSnapshots').where('workspaceId').equals(workspaceId).toArray();
  const byKey = new Map(existing.map((s) => [snapKey(s), s]));
  const changes: RowChange[] = [];
  const deletes: string[] = [];
  for (const s of next) {
    const old = byKey.get(snapKey(s));
    if (old) {
      deletes.push(old.id);
      changes.push(removed('kpiSnapshots', old));
      byKey.delete(snapKey(s));
    }
    changes.push(created('kpiSnapshots', s));
  }
  if (deletes.length) await db.rows('kpiSnapshots').bulkDelete(deletes);
  await db.rows('kpiSnapshots').bulkAdd([...next]);
  return changes;
}

/** What the custom-KPI form edits, as typed. */
export type KpiDraft = {
  key: string;
  name: string;
  definition: string;
  unit: (typeof KPI_UNITS)[number];
  direction: 'higher' | 'lower';
  aggregation: KpiDefinition['aggregation'];
  target: string;
  amberThreshold: string;
  group: KpiDefinition['group'];
  benchmarkText: string;
  benchmarkSource: string;
};

export type KpiDraftErrors = Partial<Record<keyof KpiDraft, string>>;

function optionalNumber(text: string): number | null | 'bad' {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : 'bad';
}

/** Field-by-field check of a KPI draft; `otherKeys` are the keys already in use. */
export function validateKpiDraft(draft: KpiDraft, otherKeys: readonly string[]): KpiDraftErrors {
  const e: KpiDraftErrors = {};
  if (!draft.name.trim()) e.name = 'Enter a name.';
  else if (draft.name.trim().length > 500) e.name = 'Keep the name under 500 characters.';
  if (!KpiKey.safeParse(draft.key).success) e.key = 'Use lower case letters, digits and _ (e.g. change_success).';
  else if (BUILT_IN_KPI_KEYS.has(draft.key) || otherKeys.includes(draft.key)) e.key = 'This key is already used.';
  const t = optionalNumber(draft.target);
  if (t === 'bad') e.target = 'Enter a number or leave empty.';
  const a = optionalNumber(draft.amberThreshold);
  if (a === 'bad') e.amberThreshold = 'Enter a number or leave empty.';
  else if (a !== null && t === null) e.amberThreshold = 'Set a target first.';
  else if (a !== null && typeof t === 'number') {
    if (draft.direction === 'higher' && a > t)
      e.amberThreshold = 'For “higher is better” the amber edge is at or below the target.';
    if (draft.direction === 'lower' && a < t)
      e.amberThreshold = 'For “lower is better” the amber edge is at or above the target.';
  }
  if (draft.benchmarkText.trim() && !draft.benchmarkSource.trim())
    e.benchmarkSource = 'Say where the benchmark comes from.';
  return e;
}

function draftToDefinition(draft: KpiDraft, base: { id: string; workspaceId: string }): KpiDefinition {
  const t = optionalNumber(draft.target);
  const a = optionalNumber(draft.amberThreshold);
  return check(
    KpiDefinition,
    {
      ...base,
      key: draft.key,
      name: draft.name.trim(),
      definition: draft.definition.trim(),
      unit: draft.unit,
      direction: draft.direction,
      aggregation: draft.aggregation,
      target: typeof t === 'number' ? t : null,
      amberThreshold: typeof a === 'number' ? a : null,
      benchmark: draft.benchmarkText.trim()
        ? { value: null, text: draft.benchmarkText.trim(), source: draft.benchmarkSource.trim() }
        : null,
      formula: '',
      builtIn: false,
      group: draft.group,
    },
    `KPI “${draft.name.trim()}”`,
  );
}

/** Adds a custom KPI, or replaces one (its key may not change once it has values). */
export async function saveCustomKpi(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: KpiDraft,
  existing: KpiDefinition | null,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('kpiDefinitions'), db.rows('kpiSnapshots'), async () => {
    const defs = await db.rows('kpiDefinitions').where('workspaceId').equals(workspaceId).toArray();
    const others = defs.filter((d) => d.id !== existing?.id).map((d) => d.key);
    const errors = validateKpiDraft(draft, others);
    if (existing?.builtIn) errors.key = 'Built-in KPIs are not edited here.';
    const problems = Object.entries(errors).map(([field, reason]) => ({ field, reason: reason ?? '' }));
    if (problems.length) throw new ValidationError(problems, `KPI “${draft.name.trim()}”`);
    const def = draftToDefinition(draft, { id: existing?.id ?? ctx.newId(), workspaceId });
    const changes: RowChange[] = [];
    if (existing) {
      if (existing.key !== def.key) {
        // Keep stored values with their KPI.
        const snaps = await db
          .rows('kpiSnapshots')
          .where('[workspaceId+kpiKey]')
          .equals([workspaceId, existing.key])
          .toArray();
        for (const s of snaps) {
          const next = { ...s, kpiKey: def.key };
          changes.push(updated('kpiSnapshots', s, next));
          await db.rows('kpiSnapshots').put(next);
        }
      }
      changes.push(updated('kpiDefinitions', existing, def));
      await db.rows('kpiDefinitions').put(def);
      return { label: `Edit KPI “${def.name}”`, changes };
    }
    await db.rows('kpiDefinitions').add(def);
    return { label: `Add KPI “${def.name}”`, changes: [created('kpiDefinitions', def)] };
  });
}

/** Deletes a custom KPI and its stored values. */
export async function deleteCustomKpi(db: QuarterdeckDb, def: KpiDefinition): Promise<ChangeSet> {
  if (def.builtIn)
    throw new ValidationError([{ field: 'builtIn', reason: 'built-in KPIs cannot be deleted' }], `KPI “${def.name}”`);
  return db.transaction('rw', db.rows('kpiDefinitions'), db.rows('kpiSnapshots'), async () => {
    const snaps = await db
      .rows('kpiSnapshots')
      .where('[workspaceId+kpiKey]')
      .equals([def.workspaceId, def.key])
      .toArray();
    await db.rows('kpiSnapshots').bulkDelete(snaps.map((s) => s.id));
    await db.rows('kpiDefinitions').delete(def.id);
    return {
      label: `Delete KPI “${def.name}”`,
      changes: [...snaps.map((s) => removed('kpiSnapshots', s)), removed('kpiDefinitions', def)],
    };
  });
}

export type ManualValueDraft = { kpiKey: string; period: string; value: string; note: string };

/** Field-by-field check of a hand-entered value. */
export function validateManualValue(
  draft: ManualValueDraft,
  keys: readonly string[],
): Partial<Record<keyof ManualValueDraft, string>> {
  const e: Partial<Record<keyof ManualValueDraft, string>> = {};
  if (!keys.includes(draft.kpiKey)) e.kpiKey = 'Choose a KPI.';
  const p = draft.period.trim();
  if (!MONTH_RE.test(p) && !QUARTER_RE.test(p)) e.period = 'Enter a month (2026-09) or a quarter (2026-Q3).';
  const v = optionalNumber(draft.value);
  if (v === null || v === 'bad') e.value = 'Enter a number.';
  return e;
}

/** Stores a hand-entered value for a month or quarter (replacing the stored one). */
export async function saveManualValue(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: ManualValueDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('kpiDefinitions'), db.rows('kpiSnapshots'), async () => {
    const defs = await db.rows('kpiDefinitions').where('workspaceId').equals(workspaceId).toArray();
    const errors = validateManualValue(
      draft,
      defs.map((d) => d.key),
    );
    const problems = Object.entries(errors).map(([field, reason]) => ({ field, reason: reason ?? '' }));
    if (problems.length) throw new ValidationError(problems, 'KPI value');
    const value = optionalNumber(draft.value) as number;
    const snap = check(
      KpiSnapshot,
      {
        id: ctx.newId(),
        workspaceId,
        kpiKey: draft.kpiKey,
        period: draft.period.trim(),
        value,
        weight: null,
        segment: '',
        source: 'manual',
        provenance: null,
        note: draft.note.trim(),
      },
      'KPI value',
    );
    const name = defs.find((d) => d.key === draft.kpiKey)?.name ?? draft.kpiKey;
    const changes = await putSnapshots(db, workspaceId, [snap]);
    return { label: `Set ${name} for ${snap.period}`, changes };
  });
}

/** Stores validated snapshots from a snapshot CSV, all or nothing. */
export async function saveSnapshotImport(
  db: QuarterdeckDb,
  workspaceId: string,
  fileName: string,
  snapshots: readonly KpiSnapshot[],
): Promise<ChangeSet> {
  for (const s of snapshots) check(KpiSnapshot, s, `${fileName}: ${s.kpiKey} ${s.period}`);
  return db.transaction('rw', db.rows('kpiSnapshots'), async () => {
    const changes = await putSnapshots(db, workspaceId, snapshots);
    return { label: `Import ${snapshots.length} KPI values from “${fileName}”`, changes };
  });
}

/** Adds an assignment-group → party rule at the end of the list. */
export async function addPartyRule(
  db: QuarterdeckDb,
  workspaceId: string,
  pattern: string,
  partyId: string,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('partyRules'), db.rows('parties'), async () => {
    const parties = await db.rows('parties').where('workspaceId').equals(workspaceId).primaryKeys();
    const problems: { field: string; reason: string }[] = [];
    if (!pattern.trim()) problems.push({ field: 'pattern', reason: 'Enter the text the assignment group contains.' });
    if (!(parties as string[]).includes(partyId)) problems.push({ field: 'partyId', reason: 'Choose a party.' });
    if (problems.length) throw new ValidationError(problems, 'party rule');
    const rules = await db.rows('partyRules').where('workspaceId').equals(workspaceId).toArray();
    const order = rules.reduce((m, r) => Math.max(m, r.order + 1), 0);
    const rule = check(
      PartyRule,
      { id: ctx.newId(), workspaceId, pattern: pattern.trim(), partyId, order },
      'party rule',
    );
    await db.rows('partyRules').add(rule);
    return { label: `Add party rule “${rule.pattern}”`, changes: [created('partyRules', rule)] };
  });
}

/** Removes one party rule. */
export async function deletePartyRule(db: QuarterdeckDb, rule: PartyRule): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('partyRules'), async () => {
    await db.rows('partyRules').delete(rule.id);
    return { label: `Remove party rule “${rule.pattern}”`, changes: [removed('partyRules', rule)] };
  });
}

export type SaveTicketImportInput = {
  fileName: string;
  result: WorkerImportResult;
  /** Saved as the workspace's mapping for the next import of the same export. */
  mapping: {
    preset: string;
    columns: Record<string, string>;
    dateFormat: string | null;
    delimiter: ',' | ';' | '\t' | null;
  };
  signal?: AbortSignal;
};

export type SavedTicketImport = {
  changes: ChangeSet;
  importRecord: TicketImport;
  snapshotsAdded: number;
  snapshotsReplaced: number;
};

/**
 * Saves a finished import in ONE transaction: the TicketImport record, every ticket, the KPI
 * snapshots per month and per quarter (overall, by priority, by party) with provenance, and the
 * workspace's import mapping. An aborted `signal` (Cancel while saving) aborts the transaction, so
 * nothing is written.
 */
export async function saveTicketImport(
  db: QuarterdeckDb,
  workspaceId: string,
  input: SaveTicketImportInput,
  ctx: RepoContext,
): Promise<SavedTicketImport> {
  const r = input.result;
  const importedAt = ctx.now();
  const importRecord = check(
    TicketImport,
    {
      id: ctx.newId(),
      workspaceId,
      fileName: input.fileName.slice(0, 500),
      importedAt,
      preset: r.settings.preset,
      rowsRead: r.rowsRead,
      tickets: r.tickets.length,
      rowsRejected: r.rejectedRows,
      dataIssues: r.dataIssues,
    },
    `import of “${input.fileName}”`,
  );
  const provenance: Provenance = {
    fileName: importRecord.fileName,
    importedAt,
    rowsRead: r.rowsRead,
    tickets: r.tickets.length,
    rowsRejected: r.rejectedRows,
    dataIssues: r.dataIssues,
  };
  const snapOpts = { workspaceId, newId: ctx.newId, provenance };
  const snapshots = [...ticketKpiSnapshots(r.monthly, snapOpts), ...ticketKpiSnapshots(r.quarterly, snapOpts)];
  const tickets: Ticket[] = r.tickets.map((t) => ({ ...t, id: ctx.newId(), workspaceId, importId: importRecord.id }));
  // Validate a sample cheaply and every ticket's required shape: the importer produced them.
  for (let i = 0; i < tickets.length; i += Math.max(1, Math.floor(tickets.length / 200))) {
    check(Ticket, tickets[i], `${input.fileName}: ticket ${tickets[i]!.ticketId}`);
  }
  const abortIfCancelled = (): void => {
    if (input.signal?.aborted) throw new DOMException('The import was cancelled; nothing was saved.', 'AbortError');
  };
  return db.transaction(
    'rw',
    [db.rows('ticketImports'), db.rows('tickets'), db.rows('kpiSnapshots'), db.rows('importMappings')],
    async () => {
      abortIfCancelled();
      await db.rows('ticketImports').add(importRecord);
      const changes: RowChange[] = [created('ticketImports', importRecord)];
      const BATCH = 5000;
      for (let i = 0; i < tickets.length; i += BATCH) {
        const batch = tickets.slice(i, i + BATCH);
        await db.rows('tickets').bulkAdd(batch);
        for (const t of batch) changes.push(created('tickets', t));
        abortIfCancelled();
      }
      const snapChanges = await putSnapshots(db, workspaceId, snapshots);
      changes.push(...snapChanges);
      const replaced = snapChanges.filter((c) => c.after === null).length;
      const mappings = await db.rows('importMappings').where('workspaceId').equals(workspaceId).toArray();
      const old = mappings.find((m) => m.name === 'Last ticket import');
      const mapping = check(
        ImportMapping,
        { id: old?.id ?? ctx.newId(), workspaceId, name: 'Last ticket import', ...input.mapping },
        'import mapping',
      );
      await db.rows('importMappings').put(mapping);
      changes.push(old ? updated('importMappings', old, mapping) : created('importMappings', mapping));
      abortIfCancelled();
      return {
        changes: { label: `Import tickets from “${importRecord.fileName}”`, changes },
        importRecord,
        snapshotsAdded: snapshots.length,
        snapshotsReplaced: replaced,
      };
    },
  );
}

/** Removes an import: its tickets, its record and the KPI values it saved. */
export async function deleteTicketImport(db: QuarterdeckDb, imp: TicketImport): Promise<ChangeSet> {
  return db.transaction('rw', [db.rows('ticketImports'), db.rows('tickets'), db.rows('kpiSnapshots')], async () => {
    const tickets = await db.rows('tickets').where('importId').equals(imp.id).toArray();
    const snaps = (await db.rows('kpiSnapshots').where('workspaceId').equals(imp.workspaceId).toArray()).filter(
      (s) =>
        s.source === 'ticket-import' &&
        s.provenance?.importedAt === imp.importedAt &&
        s.provenance.fileName === imp.fileName,
    );
    await db.rows('tickets').bulkDelete(tickets.map((t) => t.id));
    await db.rows('kpiSnapshots').bulkDelete(snaps.map((s) => s.id));
    await db.rows('ticketImports').delete(imp.id);
    return {
      label: `Remove import “${imp.fileName}”`,
      changes: [
        ...tickets.map((t) => removed('tickets', t)),
        ...snaps.map((s) => removed('kpiSnapshots', s)),
        removed('ticketImports', imp),
      ],
    };
  });
}
