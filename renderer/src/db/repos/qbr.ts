/**
 * QBR repo: create the QBR of a quarter from defaults, save the editor's draft, create a decision
 * from a roadmap item flagged "needs decision", and close the quarter (snapshot + status + action
 * carry-over in ONE transaction). Every write is validated against the shared schema and returns
 * the change set undo needs; a closed QBR is never written by an edit.
 */
import { TABLE_NAMES } from '../../../../shared/domain/tables';
import { DECK_SECTIONS, Qbr, QbrSnapshot, type DeckSectionKey } from '../../../../shared/domain/qbr/schema';
import { Decision } from '../../../../shared/domain/governance/schema';
import { carryOverActions } from '../../../../shared/domain/governance/actions';
import { placeholderQbr } from '../../../../shared/deck/compute';
import { closeQuarterSnapshot } from '../../../../shared/deck/snapshot';
import { EXECUTIVE_SECTIONS } from '../../../../shared/deck/sections';
import { created, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import type { DecisionRecord, QbrRecord, QbrSnapshotRecord } from '../records';
import { loadWorkspaceData, ValidationError, type RepoContext } from './workspaces';

/** The fields the editor changes (everything but identity, quarter and close state). */
export type QbrEdit = Pick<
  QbrRecord,
  | 'title'
  | 'date'
  | 'attendees'
  | 'agenda'
  | 'executiveSummary'
  | 'wins'
  | 'pains'
  | 'decisionIds'
  | 'sections'
  | 'preset'
  | 'theme'
  | 'nextQbrDate'
>;

/** Thrown when an edit targets a closed quarter: its numbers are frozen. */
export class ClosedQbrError extends Error {
  constructor(title: string) {
    super(`QBR “${title}” is closed: its deck is frozen, so it cannot be edited.`);
    this.name = 'ClosedQbrError';
  }
}

/** Every section, in the default order, enabled per the preset. */
export function defaultSections(preset: 'executive' | 'full'): { key: DeckSectionKey; enabled: boolean }[] {
  return DECK_SECTIONS.map((key) => ({ key, enabled: preset === 'full' || EXECUTIVE_SECTIONS.has(key) }));
}

/** A default 90-minute agenda that follows the deck. */
export const DEFAULT_AGENDA: readonly { title: string; minutes: number }[] = [
  { title: 'Welcome and objectives', minutes: 5 },
  { title: 'Decisions requested', minutes: 15 },
  { title: 'Service performance and security', minutes: 20 },
  { title: 'Roadmap and budget', minutes: 25 },
  { title: 'Governance and risks', minutes: 15 },
  { title: 'Next steps', minutes: 10 },
];

function check(row: QbrRecord): QbrRecord {
  const parsed = Qbr.safeParse(row);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'qbr', reason: i.message })),
      `QBR “${row.title}”`,
    );
  }
  return parsed.data;
}

/**
 * Create the QBR of `quarter` from defaults: title, meeting date and next date after the quarter,
 * one attendee per party, the default agenda, every requested decision, all sections (Full).
 */
export async function createQbrForQuarter(
  db: QuarterdeckDb,
  workspaceId: string,
  quarter: string,
  ctx: RepoContext,
): Promise<{ qbr: QbrRecord; changes: ChangeSet }> {
  return db.transaction('rw', [db.workspaces, ...TABLE_NAMES.map((n) => db.rows(n))], async () => {
    const data = await loadWorkspaceData(db, workspaceId);
    if (!data) throw new Error(`workspace ${workspaceId} no longer exists`);
    const existing = data.tables.qbrs.find((q) => q.quarter === quarter);
    if (existing) throw new ValidationError([{ field: 'quarter', reason: `${quarter} already has a QBR` }], 'QBR');
    const base = placeholderQbr(data, quarter);
    const qbr = check({
      ...base,
      id: ctx.newId(),
      agenda: DEFAULT_AGENDA.map((a) => ({ ...a })),
      // Oldest request first, then alphabetically: storage order is by id, which means nothing.
      decisionIds: data.tables.decisions
        .filter((d) => d.status === 'requested')
        .sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text))
        .map((d) => d.id),
      sections: defaultSections('full'),
      preset: 'full',
      theme: { ...base.theme, orgLogo: data.workspace.logo },
    } as QbrRecord);
    await db.rows('qbrs').add(qbr);
    return { qbr, changes: { label: `Create the QBR for ${quarter}`, changes: [created('qbrs', qbr)] } };
  });
}

/** Save the editor's fields of a draft QBR (refused once closed). */
export async function updateQbr(db: QuarterdeckDb, id: string, edit: QbrEdit): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('qbrs'), async () => {
    const before = await db.rows('qbrs').get(id);
    if (!before) throw new Error(`QBR ${id} no longer exists`);
    if (before.status === 'closed') throw new ClosedQbrError(before.title);
    const after = check({ ...before, ...edit, title: edit.title.trim() });
    await db.rows('qbrs').put(after);
    return { label: `Edit QBR “${after.title}”`, changes: [updated('qbrs', before, after)] };
  });
}

/**
 * Turn a roadmap item flagged "needs decision" into a requested Decision, appended to the QBR's
 * decisions requested. One change set: the new decision and the QBR.
 */
export async function decisionFromRoadmapItem(
  db: QuarterdeckDb,
  qbrId: string,
  itemId: string,
  ctx: RepoContext,
): Promise<{ decision: DecisionRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.rows('qbrs'), db.rows('decisions'), db.rows('roadmapItems'), async () => {
    const qbr = await db.rows('qbrs').get(qbrId);
    if (!qbr) throw new Error(`QBR ${qbrId} no longer exists`);
    if (qbr.status === 'closed') throw new ClosedQbrError(qbr.title);
    const item = await db.rows('roadmapItems').get(itemId);
    if (!item) throw new Error(`roadmap item ${itemId} no longer exists`);
    const parsed = Decision.safeParse({
      id: ctx.newId(),
      workspaceId: qbr.workspaceId,
      text: item.decisionText.trim() || `Approve “${item.title}” (${item.startMonth} to ${item.endMonth})?`,
      options: item.recommendedOption ? [item.recommendedOption] : [],
      recommendedOption: item.recommendedOption,
      rationale: item.description,
      status: 'requested',
      date: qbr.date,
      linkedItemIds: [item.id],
    });
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'decision', reason: i.message })),
        `decision for “${item.title}”`,
      );
    }
    const decision = parsed.data;
    const after = check({ ...qbr, decisionIds: [...qbr.decisionIds, decision.id] });
    await db.rows('decisions').add(decision);
    await db.rows('qbrs').put(after);
    return {
      decision,
      changes: {
        label: `Request a decision on “${item.title}”`,
        changes: [created('decisions', decision), updated('qbrs', qbr, after)],
      },
    };
  });
}

/** Edit the wording and recommendation of a requested decision (from the QBR editor). */
export async function updateDecisionText(
  db: QuarterdeckDb,
  id: string,
  edit: { text: string; recommendedOption: string },
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('decisions'), async () => {
    const before = await db.rows('decisions').get(id);
    if (!before) throw new Error(`decision ${id} no longer exists`);
    const parsed = Decision.safeParse({
      ...before,
      text: edit.text.trim(),
      recommendedOption: edit.recommendedOption.trim(),
    });
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'decision', reason: i.message })),
        'decision',
      );
    }
    await db.rows('decisions').put(parsed.data);
    return { label: 'Edit a requested decision', changes: [updated('decisions', before, parsed.data)] };
  });
}

/**
 * Close the quarter, all in ONE read-write transaction: freeze the deck model as a QbrSnapshot
 * (SHA-256 of its canonical JSON), mark the QBR closed with `closedAt`, and carry its outstanding
 * actions over. Any failure writes nothing.
 */
export async function closeQbr(
  db: QuarterdeckDb,
  qbrId: string,
  ctx: RepoContext,
): Promise<{ snapshot: QbrSnapshotRecord; changes: ChangeSet }> {
  return db.transaction('rw', [db.workspaces, ...TABLE_NAMES.map((n) => db.rows(n))], async () => {
    const qbr = await db.rows('qbrs').get(qbrId);
    if (!qbr) throw new Error(`QBR ${qbrId} no longer exists`);
    if (qbr.status === 'closed') throw new ClosedQbrError(qbr.title);
    const data = await loadWorkspaceData(db, qbr.workspaceId);
    if (!data) throw new Error(`workspace ${qbr.workspaceId} no longer exists`);
    const now = ctx.now();
    const snap = closeQuarterSnapshot(data, qbrId, { id: ctx.newId(), createdAt: now });
    const parsedSnap = QbrSnapshot.safeParse(snap);
    if (!parsedSnap.success) {
      throw new ValidationError(
        parsedSnap.error.issues.map((i) => ({ field: i.path.join('.') || 'snapshot', reason: i.message })),
        `snapshot of QBR “${qbr.title}”`,
      );
    }
    // Store the snapshot as computed (zod may reorder keys; the hash is over canonical JSON anyway).
    const snapshot = snap as QbrSnapshotRecord;
    const after = check({ ...qbr, status: 'closed', closedAt: now });
    const changes: RowChange[] = [created('qbrSnapshots', snapshot), updated('qbrs', qbr, after)];
    await db.rows('qbrSnapshots').add(snapshot);
    await db.rows('qbrs').put(after);
    for (const a of carryOverActions(data.tables.actionItems, data.tables.qbrs, qbrId)) {
      const before = data.tables.actionItems.find((x) => x.id === a.id);
      if (!before) continue;
      await db.rows('actionItems').put(a);
      changes.push(updated('actionItems', before, a));
    }
    return { snapshot, changes: { label: `Close the quarter ${qbr.quarter}`, changes } };
  });
}
