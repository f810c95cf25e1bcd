/**
 * Roadmap repo: create, update, delete and reschedule items with validation. A form draft (text as
 * typed, money in major units) is checked field by field first; the stored record is then checked
 * against the shared schema, so nothing invalid is ever written. Every write returns a change set
 * for the undo history.
 */
import {
  BUCKETS,
  DOMAINS,
  HEALTHS,
  ROADMAP_STATUSES,
  RoadmapItem,
  type Bucket,
  type Domain,
  type Health,
  type RoadmapStatus,
} from '../../../../shared/domain/roadmap/schema';
import { MONTH_RE } from '../../../../shared/domain/common';
import { keepBaseline, reschedule } from '../../../../shared/domain/roadmap/costs';
import { moveWords } from '../../../../shared/domain/roadmap/timeline-moves';
import { validateRoadmapItem } from '../../../../shared/domain/roadmap/validation';
import { parseMoneyInput } from '../../lib/money-input';
import { created, removed, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import type { RoadmapItemRecord, WorkspaceRecord } from '../records';
import { ValidationError, type RepoContext } from './workspaces';

/** What the roadmap form edits, as typed. */
export type RoadmapDraft = {
  title: string;
  description: string;
  domain: Domain;
  bucket: Bucket;
  status: RoadmapStatus;
  health: Health;
  priority: number;
  startMonth: string;
  endMonth: string;
  progressPct: number;
  ownerPartyId: string;
  /** One-time capex in major units, as typed. */
  capex: string;
  /** Recurring opex per month in major units, as typed. */
  opexMonthly: string;
  needsDecision: boolean;
  decisionText: string;
  recommendedOption: string;
  /** Month the recurring cost starts (YYYY-MM); '' = the start month; absent = keep the stored value. */
  opexStartMonth?: string;
  /** Month the recurring cost ends (YYYY-MM); '' = the end month; absent = keep the stored value. */
  opexEndMonth?: string;
};

export type DraftErrors = Partial<Record<keyof RoadmapDraft, string>>;

const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** Field-by-field check of a draft; empty object = valid. */
export function validateRoadmapDraft(
  draft: RoadmapDraft,
  ws: Pick<WorkspaceRecord, 'currency' | 'locale'>,
  partyIds: readonly string[],
): DraftErrors {
  const e: DraftErrors = {};
  if (!draft.title.trim()) e.title = 'Enter a title.';
  else if (draft.title.trim().length > 500) e.title = 'Keep the title under 500 characters.';
  if (draft.description.length > 20_000) e.description = 'Keep the description under 20,000 characters.';
  if (!oneOf(DOMAINS, draft.domain)) e.domain = 'Choose a domain.';
  if (!oneOf(BUCKETS, draft.bucket)) e.bucket = 'Choose a bucket.';
  if (!oneOf(ROADMAP_STATUSES, draft.status)) e.status = 'Choose a status.';
  if (!oneOf(HEALTHS, draft.health)) e.health = 'Choose a health.';
  if (!Number.isInteger(draft.priority) || draft.priority < 1 || draft.priority > 5) e.priority = 'Priority is 1 to 5.';
  if (!MONTH_RE.test(draft.startMonth)) e.startMonth = 'Enter a start month (YYYY-MM).';
  if (!MONTH_RE.test(draft.endMonth)) e.endMonth = 'Enter an end month (YYYY-MM).';
  else if (!e.startMonth && draft.endMonth < draft.startMonth) e.endMonth = 'The end month is before the start month.';
  if (!Number.isFinite(draft.progressPct) || draft.progressPct < 0 || draft.progressPct > 100) {
    e.progressPct = 'Progress is 0 to 100 %.';
  }
  if (!partyIds.includes(draft.ownerPartyId)) e.ownerPartyId = 'Choose who owns the item.';
  const capex = parseMoneyInput(draft.capex, ws.currency, ws.locale);
  if (!capex.ok) e.capex = `Capex: ${capex.reason}.`;
  const opex = parseMoneyInput(draft.opexMonthly, ws.currency, ws.locale);
  if (!opex.ok) e.opexMonthly = `Opex per month: ${opex.reason}.`;
  if (draft.needsDecision && !draft.decisionText.trim()) e.decisionText = 'Say what needs deciding.';
  const opexFrom = draft.opexStartMonth?.trim() ?? '';
  const opexTo = draft.opexEndMonth?.trim() ?? '';
  if (opexFrom !== '' && !MONTH_RE.test(opexFrom)) {
    e.opexStartMonth = 'Enter the month the recurring cost starts (YYYY-MM), or leave it empty.';
  }
  if (opexTo !== '' && !MONTH_RE.test(opexTo)) {
    e.opexEndMonth = 'Enter the month the recurring cost ends (YYYY-MM), or leave it empty.';
  } else if (opexTo !== '' && !e.opexStartMonth) {
    const from = opexFrom !== '' ? opexFrom : draft.startMonth;
    if (MONTH_RE.test(from) && opexTo < from) e.opexEndMonth = 'The recurring cost ends before it starts.';
  }
  return e;
}

/** '' → null (follow the item), a month → itself, absent → the stored value. */
function opexMonth(typed: string | undefined, stored: string | null | undefined): string | null {
  if (typed === undefined) return stored ?? null;
  const t = typed.trim();
  return t === '' ? null : t;
}

function buildRecord(
  base: Pick<RoadmapItemRecord, 'id' | 'workspaceId' | 'createdAt'> & Partial<RoadmapItemRecord>,
  draft: RoadmapDraft,
  ws: Pick<WorkspaceRecord, 'currency' | 'locale'>,
  now: string,
): RoadmapItemRecord {
  const capex = parseMoneyInput(draft.capex, ws.currency, ws.locale);
  const opex = parseMoneyInput(draft.opexMonthly, ws.currency, ws.locale);
  const candidate: RoadmapItemRecord = {
    skills: [],
    dependsOn: [],
    linkedKpis: [],
    ...base,
    title: draft.title.trim(),
    description: draft.description,
    domain: draft.domain,
    bucket: draft.bucket,
    status: draft.status,
    health: draft.health,
    priority: draft.priority,
    startMonth: draft.startMonth,
    endMonth: draft.endMonth,
    progressPct: draft.progressPct,
    ownerPartyId: draft.ownerPartyId,
    capex: capex.ok ? capex.minor : 0,
    opexMonthly: opex.ok ? opex.minor : 0,
    opexStartMonth: opexMonth(draft.opexStartMonth, base.opexStartMonth),
    opexEndMonth: opexMonth(draft.opexEndMonth, base.opexEndMonth),
    needsDecision: draft.needsDecision,
    decisionText: draft.needsDecision ? draft.decisionText.trim() : '',
    recommendedOption: draft.needsDecision ? draft.recommendedOption.trim() : '',
    updatedAt: now,
  };
  const parsed = RoadmapItem.safeParse(candidate);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'item', reason: i.message })),
      `roadmap item “${candidate.title}”`,
    );
  }
  return parsed.data;
}

async function partyIdsOf(db: QuarterdeckDb, workspaceId: string): Promise<string[]> {
  return (await db.rows('parties').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
}

function assertValid(draft: RoadmapDraft, ws: WorkspaceRecord, partyIds: string[], title: string): void {
  const errors = validateRoadmapDraft(draft, ws, partyIds);
  const problems = Object.entries(errors).map(([field, reason]) => ({ field, reason: reason ?? '' }));
  if (problems.length) throw new ValidationError(problems, `roadmap item “${title}”`);
}

/** The shared editor rules (dependencies, cycles, opex window) on the record about to be stored. */
async function assertRecordValid(db: QuarterdeckDb, item: RoadmapItemRecord, partyIds: string[]): Promise<void> {
  const items = await db.rows('roadmapItems').where('workspaceId').equals(item.workspaceId).toArray();
  const errors = validateRoadmapItem(item, { items, partyIds });
  const problems = Object.entries(errors).map(([field, reason]) => ({ field, reason: reason ?? '' }));
  if (problems.length) throw new ValidationError(problems, `roadmap item “${item.title}”`);
}

/** Add a roadmap item to a workspace; returns the stored record and the change set. */
export async function createRoadmapItem(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: RoadmapDraft,
  ctx: RepoContext,
): Promise<{ item: RoadmapItemRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.workspaces, db.rows('parties'), db.rows('roadmapItems'), async () => {
    const ws = await db.workspaces.get(workspaceId);
    if (!ws) throw new Error(`workspace ${workspaceId} no longer exists`);
    const partyIds = await partyIdsOf(db, workspaceId);
    assertValid(draft, ws, partyIds, draft.title);
    const now = ctx.now();
    const item = buildRecord({ id: ctx.newId(), workspaceId, createdAt: now }, draft, ws, now);
    await assertRecordValid(db, item, partyIds);
    await db.rows('roadmapItems').add(item);
    return {
      item,
      changes: { label: `Create roadmap item “${item.title}”`, changes: [created('roadmapItems', item)] },
    };
  });
}

/** Replace the editable fields of an item; returns the change set. */
export async function updateRoadmapItem(
  db: QuarterdeckDb,
  id: string,
  draft: RoadmapDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.workspaces, db.rows('parties'), db.rows('roadmapItems'), async () => {
    const before = await db.rows('roadmapItems').get(id);
    if (!before) throw new Error(`roadmap item ${id} no longer exists`);
    const ws = await db.workspaces.get(before.workspaceId);
    if (!ws) throw new Error(`workspace ${before.workspaceId} no longer exists`);
    const partyIds = await partyIdsOf(db, before.workspaceId);
    assertValid(draft, ws, partyIds, before.title);
    // A new start month typed in the editor moves the item's money in the forecast like a drag does.
    const after = keepBaseline(before, buildRecord(before, draft, ws, ctx.now()));
    await assertRecordValid(db, after, partyIds);
    await db.rows('roadmapItems').put(after);
    return { label: `Edit roadmap item “${after.title}”`, changes: [updated('roadmapItems', before, after)] };
  });
}

/**
 * Move an item by whole months (timeline drag or keyboard) through the shared `reschedule`: start,
 * end and explicit opex months move together and the budget baseline is kept, so the item's costs
 * and its linked budget lines follow it in the forecast. One change set = one undo step.
 */
export async function rescheduleRoadmapItem(
  db: QuarterdeckDb,
  id: string,
  deltaMonths: number,
  ctx: RepoContext,
): Promise<{ item: RoadmapItemRecord; changes: ChangeSet }> {
  if (!Number.isInteger(deltaMonths) || deltaMonths === 0) {
    throw new ValidationError([{ field: 'startMonth', reason: 'move by a whole number of months' }], 'roadmap move');
  }
  return db.transaction('rw', db.rows('roadmapItems'), async () => {
    const before = await db.rows('roadmapItems').get(id);
    if (!before) throw new Error(`roadmap item ${id} no longer exists`);
    const candidate = { ...reschedule(before, deltaMonths), updatedAt: ctx.now() };
    const parsed = RoadmapItem.safeParse(candidate);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'item', reason: i.message })),
        `roadmap item “${before.title}”`,
      );
    }
    const after: RoadmapItemRecord = parsed.data;
    await db.rows('roadmapItems').put(after);
    return {
      item: after,
      changes: {
        label: `Move “${after.title}” ${moveWords(deltaMonths)}`,
        changes: [updated('roadmapItems', before, after)],
      },
    };
  });
}

/**
 * Delete an item and unhook references to it (other items' dependencies, budget lines' link), all
 * in one transaction; the change set restores every touched row on undo.
 */
export async function deleteRoadmapItem(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('roadmapItems'), db.rows('budgetLines'), async () => {
    const item = await db.rows('roadmapItems').get(id);
    if (!item) throw new Error(`roadmap item ${id} no longer exists`);
    const changes: RowChange[] = [removed('roadmapItems', item)];
    const siblings = await db.rows('roadmapItems').where('workspaceId').equals(item.workspaceId).toArray();
    for (const s of siblings) {
      if (s.id === id || !s.dependsOn.includes(id)) continue;
      const next = { ...s, dependsOn: s.dependsOn.filter((d) => d !== id) };
      await db.rows('roadmapItems').put(next);
      changes.push(updated('roadmapItems', s, next));
    }
    const lines = await db.rows('budgetLines').where('roadmapItemId').equals(id).toArray();
    for (const l of lines) {
      const next = { ...l, roadmapItemId: null };
      await db.rows('budgetLines').put(next);
      changes.push(updated('budgetLines', l, next));
    }
    await db.rows('roadmapItems').delete(id);
    return { label: `Delete roadmap item “${item.title}”`, changes };
  });
}

/** A draft filled from a stored item (for the edit form). */
export function draftFromItem(item: RoadmapItemRecord, moneyText: (minor: number) => string): RoadmapDraft {
  return {
    title: item.title,
    description: item.description,
    domain: item.domain,
    bucket: item.bucket,
    status: item.status,
    health: item.health,
    priority: item.priority,
    startMonth: item.startMonth,
    endMonth: item.endMonth,
    progressPct: item.progressPct,
    ownerPartyId: item.ownerPartyId,
    capex: moneyText(item.capex),
    opexMonthly: moneyText(item.opexMonthly),
    needsDecision: item.needsDecision,
    decisionText: item.decisionText,
    recommendedOption: item.recommendedOption,
    opexStartMonth: item.opexStartMonth ?? '',
    opexEndMonth: item.opexEndMonth ?? '',
  };
}
