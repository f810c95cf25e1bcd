/**
 * Governance repo (SPEC §3.7): RACI cells and lanes, RACI versions, escalation steps, SLA targets,
 * partner scorecard grades, risks, decisions and action items. Every write runs in one
 * transaction, is checked against the shared schema first (nothing invalid is stored) and returns
 * the change set that undo needs. Drafts hold what a form holds (text as typed); their checks
 * name the field and say how to fix it.
 */
import type { ZodType } from 'zod';
import { DATE_RE, QUARTER_RE } from '../../../../shared/domain/common';
import { decisionDraftFromItem } from '../../../../shared/domain/governance/decisions';
import { buildDefaultEscalationSteps } from '../../../../shared/domain/governance/defaults';
import {
  formatRaciLetters,
  normaliseRoles,
  raciSnapshot,
  sortActivities,
  toggleLetter,
} from '../../../../shared/domain/governance/raci';
import {
  ActionItem,
  Decision,
  EscalationStep,
  PartnerScorecard,
  RaciActivity,
  RaciAssignment,
  RaciVersion,
  Risk,
  SCORECARD_CRITERIA,
  SEVERITIES,
  SlaTarget,
  type RaciLetter,
} from '../../../../shared/domain/governance/schema';
import { quarterLabel } from '../../../../shared/domain/periods';
import { created, removed, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import type {
  ActionItemRecord,
  DecisionRecord,
  EscalationStepRecord,
  PartnerScorecardRecord,
  RaciActivityRecord,
  RaciAssignmentRecord,
  RiskRecord,
  SlaTargetRecord,
} from '../records';
import { ValidationError, type RepoContext } from './workspaces';

export type Severity = (typeof SEVERITIES)[number];
export type ScorecardCriterion = (typeof SCORECARD_CRITERIA)[number];
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

const MAX_STEPS = 20;

/** Parse a record with its schema or throw a ValidationError naming record, field and reason. */
function checked<T>(schema: ZodType<T>, candidate: T, record: string): T {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'record', reason: i.message })),
      record,
    );
  }
  return parsed.data;
}

/** Throw when a form check found problems. */
function assertNoErrors(errors: Record<string, string | undefined>, record: string): void {
  const problems = Object.entries(errors)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([field, reason]) => ({ field, reason }));
  if (problems.length) throw new ValidationError(problems, record);
}

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

async function partyName(db: QuarterdeckDb, id: string): Promise<string> {
  return (await db.rows('parties').get(id))?.name ?? 'Unknown party';
}

// ---------------------------------------------------------------------------------------------
// RACI cells

/**
 * Set the letters of one cell (lane × party). Duplicate records of the cell are merged into one;
 * an empty set of letters removes the cell's record.
 */
export async function setRaciRoles(
  db: QuarterdeckDb,
  activityId: string,
  partyId: string,
  roles: readonly RaciLetter[],
  ctx: RepoContext,
): Promise<ChangeSet> {
  return writeCell(db, activityId, partyId, () => normaliseRoles(roles), ctx);
}

/** Toggle one letter in a cell, reading the cell's letters inside the write (rapid keys compose). */
export async function toggleRaciLetter(
  db: QuarterdeckDb,
  activityId: string,
  partyId: string,
  letter: RaciLetter,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return writeCell(db, activityId, partyId, (current) => toggleLetter(current, letter), ctx);
}

async function writeCell(
  db: QuarterdeckDb,
  activityId: string,
  partyId: string,
  next: (current: RaciLetter[]) => RaciLetter[],
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('raciActivities'), db.rows('raciAssignments'), db.rows('parties'), async () => {
    const activity = await db.rows('raciActivities').get(activityId);
    if (!activity) throw new Error(`The service lane ${activityId} no longer exists.`);
    const party = await db.rows('parties').get(partyId);
    if (!party || party.workspaceId !== activity.workspaceId) {
      throw new Error(`The party ${partyId} no longer exists in this workspace.`);
    }
    const rows = (
      await db
        .rows('raciAssignments')
        .where('[workspaceId+activityId]')
        .equals([activity.workspaceId, activityId])
        .toArray()
    )
      .filter((a) => a.partyId === partyId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const current = normaliseRoles(rows.flatMap((r) => r.roles));
    const roles = normaliseRoles(next(current));
    const changes: RowChange[] = [];
    const [first, ...extra] = rows;
    for (const r of extra) {
      await db.rows('raciAssignments').delete(r.id);
      changes.push(removed('raciAssignments', r));
    }
    if (roles.length === 0) {
      if (first) {
        await db.rows('raciAssignments').delete(first.id);
        changes.push(removed('raciAssignments', first));
      }
    } else if (first) {
      if (first.roles.join() !== roles.join() || extra.length > 0) {
        const after = checked(RaciAssignment, { ...first, roles }, `RACI cell ${activity.name} × ${party.name}`);
        await db.rows('raciAssignments').put(after);
        changes.push(updated('raciAssignments', first, after));
      }
    } else {
      const row: RaciAssignmentRecord = checked(
        RaciAssignment,
        { id: ctx.newId(), workspaceId: activity.workspaceId, activityId, partyId, roles },
        `RACI cell ${activity.name} × ${party.name}`,
      );
      await db.rows('raciAssignments').add(row);
      changes.push(created('raciAssignments', row));
    }
    const text = formatRaciLetters(roles);
    return {
      label: text ? `Set ${party.name} on ${activity.name} to ${text}` : `Clear ${party.name} on ${activity.name}`,
      changes,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// RACI lanes

export type LaneDraft = { name: string; splitNote: string };

/** Checks a lane form: a name (unique in the workspace, case-insensitive) and a note under 20,000 characters. */
export function validateLaneDraft(draft: LaneDraft, otherNames: readonly string[]): FieldErrors<LaneDraft> {
  const e: FieldErrors<LaneDraft> = {};
  const name = draft.name.trim();
  if (!name) e.name = 'Enter a name for the service lane.';
  else if (name.length > 500) e.name = 'Keep the name under 500 characters.';
  else if (otherNames.some((n) => n.trim().toLowerCase() === name.toLowerCase())) {
    e.name = `There is already a lane called “${name}”: choose another name.`;
  }
  if (draft.splitNote.length > 20_000) e.splitNote = 'Keep the split note under 20,000 characters.';
  return e;
}

async function lanesOf(db: QuarterdeckDb, workspaceId: string): Promise<RaciActivityRecord[]> {
  return sortActivities(await db.rows('raciActivities').where('workspaceId').equals(workspaceId).toArray());
}

/** Add a service lane at the end of the matrix. */
export async function addRaciLane(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: LaneDraft,
  ctx: RepoContext,
): Promise<{ lane: RaciActivityRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.rows('raciActivities'), async () => {
    const lanes = await lanesOf(db, workspaceId);
    assertNoErrors(
      validateLaneDraft(
        draft,
        lanes.map((l) => l.name),
      ),
      `service lane ${quote(draft.name)}`,
    );
    const order = lanes.reduce((m, l) => Math.max(m, l.order + 1), 0);
    const lane = checked(
      RaciActivity,
      { id: ctx.newId(), workspaceId, name: draft.name.trim(), order, splitNote: draft.splitNote.trim() },
      `service lane ${quote(draft.name)}`,
    );
    await db.rows('raciActivities').add(lane);
    return {
      lane,
      changes: { label: `Add service lane ${quote(lane.name)}`, changes: [created('raciActivities', lane)] },
    };
  });
}

/** Rename a lane and/or change its written split. */
export async function updateRaciLane(db: QuarterdeckDb, id: string, draft: LaneDraft): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('raciActivities'), async () => {
    const before = await db.rows('raciActivities').get(id);
    if (!before) throw new Error(`The service lane ${id} no longer exists.`);
    const others = (await lanesOf(db, before.workspaceId)).filter((l) => l.id !== id).map((l) => l.name);
    assertNoErrors(validateLaneDraft(draft, others), `service lane ${quote(before.name)}`);
    const after = checked(
      RaciActivity,
      { ...before, name: draft.name.trim(), splitNote: draft.splitNote.trim() },
      `service lane ${quote(before.name)}`,
    );
    if (after.name === before.name && after.splitNote === before.splitNote) return { label: 'No change', changes: [] };
    const what =
      after.name !== before.name
        ? `Rename service lane ${quote(before.name)} to ${quote(after.name)}`
        : `Edit the split on ${quote(after.name)}`;
    await db.rows('raciActivities').put(after);
    return { label: what, changes: [updated('raciActivities', before, after)] };
  });
}

/**
 * Move a lane one place up (-1) or down (+1). Orders are renumbered 0…n−1 in display order first,
 * so ties and gaps from imports cannot make a move do nothing.
 */
export async function moveRaciLane(db: QuarterdeckDb, id: string, delta: -1 | 1): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('raciActivities'), async () => {
    const lane = await db.rows('raciActivities').get(id);
    if (!lane) throw new Error(`The service lane ${id} no longer exists.`);
    const lanes = await lanesOf(db, lane.workspaceId);
    const from = lanes.findIndex((l) => l.id === id);
    const to = from + delta;
    if (to < 0 || to >= lanes.length) return { label: 'No change', changes: [] };
    const order = [...lanes];
    [order[from], order[to]] = [order[to] as RaciActivityRecord, order[from] as RaciActivityRecord];
    const changes: RowChange[] = [];
    for (const [i, l] of order.entries()) {
      if (l.order === i) continue;
      const after = { ...l, order: i };
      await db.rows('raciActivities').put(after);
      changes.push(updated('raciActivities', l, after));
    }
    return { label: `Move ${quote(lane.name)} ${delta < 0 ? 'up' : 'down'}`, changes };
  });
}

/** Delete a lane with every letter on it (undo restores both). */
export async function deleteRaciLane(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('raciActivities'), db.rows('raciAssignments'), async () => {
    const lane = await db.rows('raciActivities').get(id);
    if (!lane) throw new Error(`The service lane ${id} no longer exists.`);
    const cells = await db
      .rows('raciAssignments')
      .where('[workspaceId+activityId]')
      .equals([lane.workspaceId, id])
      .toArray();
    await db.rows('raciAssignments').bulkDelete(cells.map((c) => c.id));
    await db.rows('raciActivities').delete(id);
    return {
      label: `Delete service lane ${quote(lane.name)}`,
      changes: [...cells.map((c) => removed('raciAssignments', c)), removed('raciActivities', lane)],
    };
  });
}

/**
 * Freeze the matrix as the version of a quarter. A quarter keeps one version: saving again
 * replaces it (undo brings the earlier one back).
 */
export async function saveRaciVersion(
  db: QuarterdeckDb,
  workspaceId: string,
  quarter: string,
  ctx: RepoContext,
): Promise<ChangeSet> {
  if (!QUARTER_RE.test(quarter))
    throw new ValidationError([{ field: 'quarter', reason: 'expected YYYY-Qn' }], 'RACI version');
  return db.transaction(
    'rw',
    [db.rows('raciActivities'), db.rows('raciAssignments'), db.rows('parties'), db.rows('raciVersions')],
    async () => {
      const [activities, assignments, parties, existing] = await Promise.all([
        db.rows('raciActivities').where('workspaceId').equals(workspaceId).toArray(),
        db.rows('raciAssignments').where('workspaceId').equals(workspaceId).toArray(),
        db.rows('parties').where('workspaceId').equals(workspaceId).toArray(),
        db.rows('raciVersions').where('[workspaceId+quarter]').equals([workspaceId, quarter]).toArray(),
      ]);
      const [keep, ...extra] = existing.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
      const version = checked(
        RaciVersion,
        raciSnapshot(activities, assignments, parties, {
          id: keep?.id ?? ctx.newId(),
          workspaceId,
          quarter,
          savedAt: ctx.now(),
        }),
        `RACI version ${quarter}`,
      );
      const changes: RowChange[] = [];
      for (const x of extra) {
        await db.rows('raciVersions').delete(x.id);
        changes.push(removed('raciVersions', x));
      }
      await db.rows('raciVersions').put(version);
      changes.push(keep ? updated('raciVersions', keep, version) : created('raciVersions', version));
      return {
        label: `${keep ? 'Replace' : 'Save'} the ${quarterLabel(quarter)} RACI version`,
        changes,
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Escalation ladder

export type EscalationDraft = { severity: Severity; partyId: string; contactRole: string; responseMinutes: number };

/** Checks an escalation step form. */
export function validateEscalationDraft(d: EscalationDraft, partyIds: readonly string[]): FieldErrors<EscalationDraft> {
  const e: FieldErrors<EscalationDraft> = {};
  if (!SEVERITIES.includes(d.severity)) e.severity = 'Choose a severity from P1 to P4.';
  if (!partyIds.includes(d.partyId)) e.partyId = 'Choose which party is called at this step.';
  if (!d.contactRole.trim()) e.contactRole = 'Enter the role that is called, e.g. “NOC on-call engineer”.';
  else if (d.contactRole.trim().length > 500) e.contactRole = 'Keep the role under 500 characters.';
  if (!Number.isInteger(d.responseMinutes) || d.responseMinutes < 0 || d.responseMinutes > 525_600) {
    e.responseMinutes = 'Enter a response target between 0 minutes and 365 days, in whole minutes.';
  }
  return e;
}

async function ladderOf(db: QuarterdeckDb, workspaceId: string, severity: Severity): Promise<EscalationStepRecord[]> {
  const rows = await db
    .rows('escalationSteps')
    .where('[workspaceId+severity]')
    .equals([workspaceId, severity])
    .toArray();
  return rows.sort((a, b) => a.step - b.step || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Renumber a ladder 1…n in the given order; writes and records only steps whose number changes. */
async function renumber(
  db: QuarterdeckDb,
  ladder: readonly EscalationStepRecord[],
  changes: RowChange[],
): Promise<void> {
  for (const [i, s] of ladder.entries()) {
    if (s.step === i + 1) continue;
    const after = { ...s, step: i + 1 };
    await db.rows('escalationSteps').put(after);
    changes.push(updated('escalationSteps', s, after));
  }
}

async function workspacePartyIds(db: QuarterdeckDb, workspaceId: string): Promise<string[]> {
  return (await db.rows('parties').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
}

/** Add a step at the end of its severity's ladder. */
export async function addEscalationStep(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: EscalationDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('escalationSteps'), db.rows('parties'), async () => {
    const record = `${draft.severity} escalation step`;
    assertNoErrors(validateEscalationDraft(draft, await workspacePartyIds(db, workspaceId)), record);
    const ladder = await ladderOf(db, workspaceId, draft.severity);
    const step = ladder.reduce((m, s) => Math.max(m, s.step), 0) + 1;
    if (step > MAX_STEPS) {
      throw new ValidationError([{ field: 'step', reason: `a ladder has at most ${MAX_STEPS} steps` }], record);
    }
    const row = checked(
      EscalationStep,
      { id: ctx.newId(), workspaceId, ...draft, contactRole: draft.contactRole.trim(), step },
      record,
    );
    await db.rows('escalationSteps').add(row);
    return {
      label: `Add ${draft.severity} step ${step} (${row.contactRole})`,
      changes: [created('escalationSteps', row)],
    };
  });
}

/** Edit a step; a new severity moves it to the end of that ladder and closes the gap it leaves. */
export async function updateEscalationStep(db: QuarterdeckDb, id: string, draft: EscalationDraft): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('escalationSteps'), db.rows('parties'), async () => {
    const before = await db.rows('escalationSteps').get(id);
    if (!before) throw new Error(`The escalation step ${id} no longer exists.`);
    const record = `${before.severity} escalation step ${before.step}`;
    assertNoErrors(validateEscalationDraft(draft, await workspacePartyIds(db, before.workspaceId)), record);
    const changes: RowChange[] = [];
    let step = before.step;
    if (draft.severity !== before.severity) {
      const target = await ladderOf(db, before.workspaceId, draft.severity);
      step = target.reduce((m, s) => Math.max(m, s.step), 0) + 1;
      if (step > MAX_STEPS) {
        throw new ValidationError([{ field: 'severity', reason: `the ${draft.severity} ladder is full` }], record);
      }
    }
    const after = checked(EscalationStep, { ...before, ...draft, contactRole: draft.contactRole.trim(), step }, record);
    await db.rows('escalationSteps').put(after);
    changes.push(updated('escalationSteps', before, after));
    if (draft.severity !== before.severity) {
      await renumber(db, await ladderOf(db, before.workspaceId, before.severity), changes);
    }
    return { label: `Edit ${after.severity} step ${after.step} (${after.contactRole})`, changes };
  });
}

/** Move a step one place up or down its ladder (the ladder is renumbered 1…n). */
export async function moveEscalationStep(db: QuarterdeckDb, id: string, delta: -1 | 1): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('escalationSteps'), async () => {
    const step = await db.rows('escalationSteps').get(id);
    if (!step) throw new Error(`The escalation step ${id} no longer exists.`);
    const ladder = await ladderOf(db, step.workspaceId, step.severity);
    const from = ladder.findIndex((s) => s.id === id);
    const to = from + delta;
    if (to < 0 || to >= ladder.length) return { label: 'No change', changes: [] };
    [ladder[from], ladder[to]] = [ladder[to] as EscalationStepRecord, ladder[from] as EscalationStepRecord];
    const changes: RowChange[] = [];
    await renumber(db, ladder, changes);
    return { label: `Move ${step.severity} ${quote(step.contactRole)} ${delta < 0 ? 'up' : 'down'}`, changes };
  });
}

/** Delete a step and renumber the rest of its ladder so it has no hole. */
export async function deleteEscalationStep(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('escalationSteps'), async () => {
    const step = await db.rows('escalationSteps').get(id);
    if (!step) throw new Error(`The escalation step ${id} no longer exists.`);
    await db.rows('escalationSteps').delete(id);
    const changes: RowChange[] = [removed('escalationSteps', step)];
    await renumber(db, await ladderOf(db, step.workspaceId, step.severity), changes);
    return { label: `Delete ${step.severity} step ${step.step} (${step.contactRole})`, changes };
  });
}

/** Add the default P1–P4 ladder (shared defaults) for a workspace that has none yet. */
export async function addDefaultEscalationLadder(
  db: QuarterdeckDb,
  workspaceId: string,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('escalationSteps'), db.rows('parties'), async () => {
    const existing = await db.rows('escalationSteps').where('workspaceId').equals(workspaceId).count();
    if (existing > 0) throw new Error('This workspace already has an escalation ladder: edit its steps instead.');
    const parties = await db.rows('parties').where('workspaceId').equals(workspaceId).toArray();
    const internal = parties.find((p) => p.kind === 'internal');
    const partner = parties.find((p) => p.kind === 'partner');
    if (!internal || !partner) {
      throw new Error('The default ladder needs an internal party and a partner: add them in Settings first.');
    }
    const steps = buildDefaultEscalationSteps({
      workspaceId,
      internalPartyId: internal.id,
      partnerPartyId: partner.id,
      makeId: () => ctx.newId(),
    }).map((s) => checked(EscalationStep, s, `${s.severity} escalation step ${s.step}`));
    await db.rows('escalationSteps').bulkAdd(steps);
    return { label: 'Add the default escalation ladder', changes: steps.map((s) => created('escalationSteps', s)) };
  });
}

// ---------------------------------------------------------------------------------------------
// SLA targets

export type SlaDraft = {
  partyId: string;
  priority: Severity;
  responseMinutes: number;
  resolutionMinutes: number;
  targetAttainmentPct: number;
};

/** Checks an SLA form: whole minutes, resolution not before response, attainment 0–100 %. */
export function validateSlaDraft(d: SlaDraft, partyIds: readonly string[]): FieldErrors<SlaDraft> {
  const e: FieldErrors<SlaDraft> = {};
  const minutesOk = (m: number) => Number.isInteger(m) && m >= 0 && m <= 5_256_000;
  if (!partyIds.includes(d.partyId)) e.partyId = 'Choose the party the target applies to.';
  if (!SEVERITIES.includes(d.priority)) e.priority = 'Choose a priority from P1 to P4.';
  if (!minutesOk(d.responseMinutes)) e.responseMinutes = 'Enter a response target in whole minutes (up to 10 years).';
  if (!minutesOk(d.resolutionMinutes)) {
    e.resolutionMinutes = 'Enter a resolution target in whole minutes (up to 10 years).';
  } else if (!e.responseMinutes && d.resolutionMinutes < d.responseMinutes) {
    e.resolutionMinutes = 'Resolution cannot be due before the first response: make it at least as long.';
  }
  if (!Number.isFinite(d.targetAttainmentPct) || d.targetAttainmentPct < 0 || d.targetAttainmentPct > 100) {
    e.targetAttainmentPct = 'Enter the share of tickets that must meet the target, 0 to 100 %.';
  }
  return e;
}

/**
 * Set the response and resolution targets of one party and priority (creating or replacing the
 * two records; duplicates of either are removed).
 */
export async function setSlaTargets(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: SlaDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('slaTargets'), db.rows('parties'), async () => {
    const name = await partyName(db, draft.partyId);
    const record = `${draft.priority} SLA target for ${name}`;
    assertNoErrors(validateSlaDraft(draft, await workspacePartyIds(db, workspaceId)), record);
    const rows = (await db.rows('slaTargets').where('workspaceId').equals(workspaceId).toArray())
      .filter((t) => t.partyId === draft.partyId && t.priority === draft.priority)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const changes: RowChange[] = [];
    for (const metric of ['response', 'resolution'] as const) {
      const mine = rows.filter((r) => r.metric === metric);
      const [keep, ...extra] = mine;
      for (const x of extra) {
        await db.rows('slaTargets').delete(x.id);
        changes.push(removed('slaTargets', x));
      }
      const targetMinutes = metric === 'response' ? draft.responseMinutes : draft.resolutionMinutes;
      const next: SlaTargetRecord = checked(
        SlaTarget,
        {
          id: keep?.id ?? ctx.newId(),
          workspaceId,
          metric,
          priority: draft.priority,
          partyId: draft.partyId,
          targetMinutes,
          targetAttainmentPct: draft.targetAttainmentPct,
        },
        record,
      );
      if (keep && keep.targetMinutes === next.targetMinutes && keep.targetAttainmentPct === next.targetAttainmentPct) {
        continue;
      }
      await db.rows('slaTargets').put(next);
      changes.push(keep ? updated('slaTargets', keep, next) : created('slaTargets', next));
    }
    return { label: `Set ${draft.priority} SLA targets for ${name}`, changes };
  });
}

/** Remove the targets of one party and priority. */
export async function deleteSlaTargets(
  db: QuarterdeckDb,
  workspaceId: string,
  partyId: string,
  priority: Severity,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('slaTargets'), db.rows('parties'), async () => {
    const rows = (await db.rows('slaTargets').where('workspaceId').equals(workspaceId).toArray()).filter(
      (t) => t.partyId === partyId && t.priority === priority,
    );
    await db.rows('slaTargets').bulkDelete(rows.map((r) => r.id));
    return {
      label: `Remove ${priority} SLA targets for ${await partyName(db, partyId)}`,
      changes: rows.map((r) => removed('slaTargets', r)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Partner scorecard

/**
 * Set the director's grade (1–5, null = not graded) and/or comment on one criterion of a party's
 * quarter; creates the quarter's scorecard on the first grade.
 */
export async function setScorecardGrade(
  db: QuarterdeckDb,
  input: {
    workspaceId: string;
    partyId: string;
    quarter: string;
    criterion: ScorecardCriterion;
    grade?: number | null;
    comment?: string;
  },
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('partnerScorecards'), db.rows('parties'), async () => {
    const name = await partyName(db, input.partyId);
    const record = `${quarterLabel(input.quarter)} scorecard for ${name}`;
    if (
      input.grade !== undefined &&
      input.grade !== null &&
      (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 5)
    ) {
      throw new ValidationError([{ field: 'grade', reason: 'a grade is a whole number from 1 to 5' }], record);
    }
    const rows = (
      await db
        .rows('partnerScorecards')
        .where('[workspaceId+quarter]')
        .equals([input.workspaceId, input.quarter])
        .toArray()
    ).filter((s) => s.partyId === input.partyId);
    const before: PartnerScorecardRecord | undefined = rows.sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    const grades = SCORECARD_CRITERIA.map((criterion) => {
      const g = before?.grades.find((x) => x.criterion === criterion) ?? { criterion, grade: null, comment: '' };
      if (criterion !== input.criterion) return g;
      return {
        criterion,
        grade: input.grade === undefined ? g.grade : input.grade,
        comment: input.comment === undefined ? g.comment : input.comment,
      };
    });
    const after = checked(
      PartnerScorecard,
      {
        id: before?.id ?? ctx.newId(),
        workspaceId: input.workspaceId,
        quarter: input.quarter,
        partyId: input.partyId,
        grades,
      },
      record,
    );
    await db.rows('partnerScorecards').put(after);
    const label =
      input.grade !== undefined
        ? `Grade ${criterionWord(input.criterion)} ${input.grade === null ? 'as not graded' : `${input.grade} of 5`} for ${name}`
        : `Comment on ${criterionWord(input.criterion)} for ${name}`;
    return {
      label,
      changes: [before ? updated('partnerScorecards', before, after) : created('partnerScorecards', after)],
    };
  });
}

const criterionWord = (c: ScorecardCriterion) => c.replace(/-/g, ' ');

// ---------------------------------------------------------------------------------------------
// Risks

export type RiskDraft = {
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  owner: string;
  mitigation: string;
  /** `YYYY-MM-DD` or '' for none. */
  dueDate: string;
  status: Risk['status'];
};

const RISK_STATUSES: readonly Risk['status'][] = ['open', 'mitigating', 'accepted', 'closed'];

/** Checks a risk form. */
export function validateRiskDraft(d: RiskDraft): FieldErrors<RiskDraft> {
  const e: FieldErrors<RiskDraft> = {};
  if (!d.title.trim()) e.title = 'Enter a short title for the risk.';
  else if (d.title.trim().length > 500) e.title = 'Keep the title under 500 characters.';
  const scale = (v: number) => Number.isInteger(v) && v >= 1 && v <= 5;
  if (!scale(d.likelihood)) e.likelihood = 'Choose a likelihood from 1 (rare) to 5 (almost certain).';
  if (!scale(d.impact)) e.impact = 'Choose an impact from 1 (minor) to 5 (severe).';
  if (d.owner.length > 500) e.owner = 'Keep the owner under 500 characters.';
  if (d.description.length > 20_000) e.description = 'Keep the description under 20,000 characters.';
  if (d.mitigation.length > 20_000) e.mitigation = 'Keep the mitigation under 20,000 characters.';
  if (d.dueDate !== '' && !DATE_RE.test(d.dueDate)) e.dueDate = 'Enter a date as YYYY-MM-DD, or leave it empty.';
  if (!RISK_STATUSES.includes(d.status)) e.status = 'Choose a status.';
  return e;
}

function riskRecord(base: Pick<RiskRecord, 'id' | 'workspaceId'>, d: RiskDraft): RiskRecord {
  return checked(
    Risk,
    {
      ...base,
      title: d.title.trim(),
      description: d.description.trim(),
      likelihood: d.likelihood,
      impact: d.impact,
      owner: d.owner.trim(),
      mitigation: d.mitigation.trim(),
      dueDate: d.dueDate || null,
      status: d.status,
    },
    `risk ${quote(d.title)}`,
  );
}

/** Add a risk. */
export async function createRisk(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: RiskDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  assertNoErrors(validateRiskDraft(draft), `risk ${quote(draft.title)}`);
  const risk = riskRecord({ id: ctx.newId(), workspaceId }, draft);
  await db.rows('risks').add(risk);
  return { label: `Add risk ${quote(risk.title)}`, changes: [created('risks', risk)] };
}

/** Replace a risk's fields. */
export async function updateRisk(db: QuarterdeckDb, id: string, draft: RiskDraft): Promise<ChangeSet> {
  assertNoErrors(validateRiskDraft(draft), `risk ${quote(draft.title)}`);
  return db.transaction('rw', db.rows('risks'), async () => {
    const before = await db.rows('risks').get(id);
    if (!before) throw new Error(`The risk ${id} no longer exists.`);
    const after = riskRecord(before, draft);
    await db.rows('risks').put(after);
    return { label: `Edit risk ${quote(after.title)}`, changes: [updated('risks', before, after)] };
  });
}

/** Close a risk (it leaves the heat map and the top risks; reopening is an edit or an undo). */
export async function closeRisk(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('risks'), async () => {
    const before = await db.rows('risks').get(id);
    if (!before) throw new Error(`The risk ${id} no longer exists.`);
    if (before.status === 'closed') return { label: 'No change', changes: [] };
    const after = { ...before, status: 'closed' as const };
    await db.rows('risks').put(after);
    return { label: `Close risk ${quote(before.title)}`, changes: [updated('risks', before, after)] };
  });
}

/** Delete a risk. */
export async function deleteRisk(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('risks'), async () => {
    const risk = await db.rows('risks').get(id);
    if (!risk) throw new Error(`The risk ${id} no longer exists.`);
    await db.rows('risks').delete(id);
    return { label: `Delete risk ${quote(risk.title)}`, changes: [removed('risks', risk)] };
  });
}

// ---------------------------------------------------------------------------------------------
// Decisions

export type DecisionDraft = {
  text: string;
  /** One option per line. */
  options: string;
  recommendedOption: string;
  rationale: string;
  status: Decision['status'];
  date: string;
  linkedItemIds: string[];
};

const DECISION_STATUSES: readonly Decision['status'][] = ['requested', 'approved', 'rejected', 'deferred'];

/** Options typed one per line, trimmed, blanks dropped. */
export function optionsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

/** Checks a decision form. */
export function validateDecisionDraft(d: DecisionDraft): FieldErrors<DecisionDraft> {
  const e: FieldErrors<DecisionDraft> = {};
  if (!d.text.trim()) e.text = 'Say what is to be decided.';
  else if (d.text.length > 20_000) e.text = 'Keep the decision under 20,000 characters.';
  const options = optionsFromText(d.options);
  if (options.length > 20) e.options = 'List at most 20 options.';
  else if (options.some((o) => o.length > 500)) e.options = 'Keep each option under 500 characters.';
  if (d.recommendedOption.trim().length > 500) e.recommendedOption = 'Keep the recommendation under 500 characters.';
  if (d.rationale.length > 20_000) e.rationale = 'Keep the rationale under 20,000 characters.';
  if (!DECISION_STATUSES.includes(d.status)) e.status = 'Choose a status.';
  if (!DATE_RE.test(d.date)) e.date = 'Enter the date as YYYY-MM-DD.';
  return e;
}

function decisionRecord(base: Pick<DecisionRecord, 'id' | 'workspaceId'>, d: DecisionDraft): DecisionRecord {
  return checked(
    Decision,
    {
      ...base,
      text: d.text.trim(),
      options: optionsFromText(d.options),
      recommendedOption: d.recommendedOption.trim(),
      rationale: d.rationale.trim(),
      status: d.status,
      date: d.date,
      linkedItemIds: [...new Set(d.linkedItemIds)],
    },
    `decision ${quote(d.text)}`,
  );
}

/** Add a decision. */
export async function createDecision(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: DecisionDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  assertNoErrors(validateDecisionDraft(draft), `decision ${quote(draft.text)}`);
  const d = decisionRecord({ id: ctx.newId(), workspaceId }, draft);
  await db.rows('decisions').add(d);
  return { label: `Log decision ${quote(d.text)}`, changes: [created('decisions', d)] };
}

/** Replace a decision's fields. */
export async function updateDecision(db: QuarterdeckDb, id: string, draft: DecisionDraft): Promise<ChangeSet> {
  assertNoErrors(validateDecisionDraft(draft), `decision ${quote(draft.text)}`);
  return db.transaction('rw', db.rows('decisions'), async () => {
    const before = await db.rows('decisions').get(id);
    if (!before) throw new Error(`The decision ${id} no longer exists.`);
    const after = decisionRecord(before, draft);
    await db.rows('decisions').put(after);
    return { label: `Edit decision ${quote(after.text)}`, changes: [updated('decisions', before, after)] };
  });
}

/** Change only a decision's status (requested → approved, …). */
export async function setDecisionStatus(db: QuarterdeckDb, id: string, status: Decision['status']): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('decisions'), async () => {
    const before = await db.rows('decisions').get(id);
    if (!before) throw new Error(`The decision ${id} no longer exists.`);
    if (before.status === status) return { label: 'No change', changes: [] };
    const after = checked(Decision, { ...before, status }, `decision ${quote(before.text)}`);
    await db.rows('decisions').put(after);
    return { label: `Mark decision ${quote(before.text)} ${status}`, changes: [updated('decisions', before, after)] };
  });
}

/** Delete a decision. */
export async function deleteDecision(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('decisions'), async () => {
    const d = await db.rows('decisions').get(id);
    if (!d) throw new Error(`The decision ${id} no longer exists.`);
    await db.rows('decisions').delete(id);
    return { label: `Delete decision ${quote(d.text)}`, changes: [removed('decisions', d)] };
  });
}

/** Draft a "requested" decision from a roadmap item flagged "needs decision" (shared decisionDraftFromItem). */
export async function createDecisionFromItem(db: QuarterdeckDb, itemId: string, ctx: RepoContext): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('roadmapItems'), db.rows('decisions'), async () => {
    const item = await db.rows('roadmapItems').get(itemId);
    if (!item) throw new Error(`The roadmap item ${itemId} no longer exists.`);
    const d = checked(
      Decision,
      decisionDraftFromItem(item, { id: ctx.newId(), date: ctx.now().slice(0, 10) }),
      `decision for ${quote(item.title)}`,
    );
    await db.rows('decisions').add(d);
    return { label: `Request a decision on ${quote(item.title)}`, changes: [created('decisions', d)] };
  });
}

// ---------------------------------------------------------------------------------------------
// Action items

export type ActionDraft = { text: string; owner: string; dueDate: string; status: ActionItem['status'] };

const ACTION_STATUSES: readonly ActionItem['status'][] = ['open', 'in-progress', 'done', 'dropped'];

/** Checks an action form. */
export function validateActionDraft(d: ActionDraft): FieldErrors<ActionDraft> {
  const e: FieldErrors<ActionDraft> = {};
  if (!d.text.trim()) e.text = 'Say what is to be done.';
  else if (d.text.length > 20_000) e.text = 'Keep the action under 20,000 characters.';
  if (d.owner.trim().length > 500) e.owner = 'Keep the owner under 500 characters.';
  if (d.dueDate !== '' && !DATE_RE.test(d.dueDate)) e.dueDate = 'Enter a date as YYYY-MM-DD, or leave it empty.';
  if (!ACTION_STATUSES.includes(d.status)) e.status = 'Choose a status.';
  return e;
}

/** Add an action item (optionally created in a QBR, so its carry-over can be counted). */
export async function createAction(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: ActionDraft,
  ctx: RepoContext,
  createdInQbrId: string | null = null,
): Promise<ChangeSet> {
  assertNoErrors(validateActionDraft(draft), `action ${quote(draft.text)}`);
  const a: ActionItemRecord = checked(
    ActionItem,
    {
      id: ctx.newId(),
      workspaceId,
      text: draft.text.trim(),
      owner: draft.owner.trim(),
      dueDate: draft.dueDate || null,
      status: draft.status,
      createdInQbrId,
      carriedOver: 0,
    },
    `action ${quote(draft.text)}`,
  );
  await db.rows('actionItems').add(a);
  return { label: `Add action ${quote(a.text)}`, changes: [created('actionItems', a)] };
}

/** Replace an action's text, owner, due date and status (its QBR and carry-over count stay). */
export async function updateAction(db: QuarterdeckDb, id: string, draft: ActionDraft): Promise<ChangeSet> {
  assertNoErrors(validateActionDraft(draft), `action ${quote(draft.text)}`);
  return db.transaction('rw', db.rows('actionItems'), async () => {
    const before = await db.rows('actionItems').get(id);
    if (!before) throw new Error(`The action ${id} no longer exists.`);
    const after = checked(
      ActionItem,
      {
        ...before,
        text: draft.text.trim(),
        owner: draft.owner.trim(),
        dueDate: draft.dueDate || null,
        status: draft.status,
      },
      `action ${quote(before.text)}`,
    );
    await db.rows('actionItems').put(after);
    return { label: `Edit action ${quote(after.text)}`, changes: [updated('actionItems', before, after)] };
  });
}

/** Change only an action's status. */
export async function setActionStatus(db: QuarterdeckDb, id: string, status: ActionItem['status']): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('actionItems'), async () => {
    const before = await db.rows('actionItems').get(id);
    if (!before) throw new Error(`The action ${id} no longer exists.`);
    if (before.status === status) return { label: 'No change', changes: [] };
    const after = checked(ActionItem, { ...before, status }, `action ${quote(before.text)}`);
    await db.rows('actionItems').put(after);
    return {
      label: `Mark action ${quote(before.text)} ${status.replace('-', ' ')}`,
      changes: [updated('actionItems', before, after)],
    };
  });
}

/** Delete an action item. */
export async function deleteAction(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('actionItems'), async () => {
    const a = await db.rows('actionItems').get(id);
    if (!a) throw new Error(`The action ${id} no longer exists.`);
    await db.rows('actionItems').delete(id);
    return { label: `Delete action ${quote(a.text)}`, changes: [removed('actionItems', a)] };
  });
}
