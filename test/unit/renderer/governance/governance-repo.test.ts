import { describe, expect, it } from 'vitest';
import { validateRaci } from '../../../../shared/domain/governance/raci';
import {
  addDefaultEscalationLadder,
  addEscalationStep,
  addRaciLane,
  closeRisk,
  createAction,
  createDecisionFromItem,
  createRisk,
  deleteEscalationStep,
  deleteRaciLane,
  moveEscalationStep,
  moveRaciLane,
  saveRaciVersion,
  setActionStatus,
  setRaciRoles,
  setScorecardGrade,
  setSlaTargets,
  toggleRaciLetter,
  updateEscalationStep,
  updateRaciLane,
  validateEscalationDraft,
  validateRiskDraft,
  validateSlaDraft,
} from '../../../../renderer/src/db/repos/governance';
import { ValidationError, createWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { makeTestDb, testContext } from '../../../helpers/test-db';

async function setup() {
  const { db } = await makeTestDb();
  const ctx = testContext();
  const { workspace } = await createWorkspace(
    db,
    { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1, partnerName: 'Acme MSP' },
    ctx,
  );
  const parties = await db.rows('parties').where('workspaceId').equals(workspace.id).toArray();
  const internal = parties.find((p) => p.kind === 'internal');
  const partner = parties.find((p) => p.kind === 'partner');
  if (!internal || !partner) throw new Error('parties missing');
  const lanes = await db.rows('raciActivities').where('workspaceId').equals(workspace.id).toArray();
  const lane = (name: string) => {
    const l = lanes.find((x) => x.name === name);
    if (!l) throw new Error(`no lane ${name}`);
    return l;
  };
  const history = new UndoHistory();
  const cellOf = async (activityId: string, partyId: string) =>
    (await db.rows('raciAssignments').where('workspaceId').equals(workspace.id).toArray())
      .filter((a) => a.activityId === activityId && a.partyId === partyId)
      .flatMap((a) => a.roles);
  const check = async () => {
    const [acts, asg, ps] = await Promise.all([
      db.rows('raciActivities').where('workspaceId').equals(workspace.id).toArray(),
      db.rows('raciAssignments').where('workspaceId').equals(workspace.id).toArray(),
      db.rows('parties').where('workspaceId').equals(workspace.id).toArray(),
    ]);
    return validateRaci(acts, asg, ps);
  };
  return { db, ctx, ws: workspace.id, internal, partner, lane, history, cellOf, check };
}

describe('RACI cells', () => {
  it('toggles letters in canonical order, flags two As with who must own it, and undo restores the cell', async () => {
    const { db, ctx, internal, partner, lane, history, cellOf, check } = await setup();
    const patching = lane('Patching');
    // Defaults: Internal IT R/A, partner R (with a written split).
    expect(await cellOf(patching.id, partner.id)).toEqual(['R']);
    const cs = await toggleRaciLetter(db, patching.id, partner.id, 'A', ctx);
    history.record(cs);
    expect(cs.label).toBe('Set Acme MSP on Patching to R/A');
    expect(await cellOf(patching.id, partner.id)).toEqual(['R', 'A']);
    const issues = (await check()).issues.filter((i) => i.activityId === patching.id);
    expect(issues.map((i) => i.kind)).toEqual(['raci-accountable']);
    expect(issues[0]?.message).toBe(
      'Choose one accountable party for Patching: Internal IT and Acme MSP are both A; Internal IT should own it and the others become C or I.',
    );
    expect(issues[0]?.suggestedPartyId).toBe(internal.id);
    await history.undo(db);
    expect(await cellOf(patching.id, partner.id)).toEqual(['R']);
    expect((await check()).issues.filter((i) => i.activityId === patching.id)).toEqual([]);
  });

  it('two toggles started together both land (the second reads the first)', async () => {
    const { db, ctx, partner, lane, cellOf } = await setup();
    const network = lane('Network'); // partner C
    await Promise.all([
      toggleRaciLetter(db, network.id, partner.id, 'I', ctx),
      toggleRaciLetter(db, network.id, partner.id, 'R', ctx),
    ]);
    expect(await cellOf(network.id, partner.id)).toEqual(['R', 'C', 'I']);
  });

  it('clearing deletes the record, setting an empty cell creates one, duplicates are merged', async () => {
    const { db, ctx, ws, partner, lane, cellOf } = await setup();
    const cloud = lane('Cloud');
    const cleared = await setRaciRoles(db, cloud.id, partner.id, [], ctx);
    expect(cleared.label).toBe('Clear Acme MSP on Cloud');
    expect(cleared.changes.map((c) => [c.table, c.after])).toEqual([['raciAssignments', null]]);
    const made = await setRaciRoles(db, cloud.id, partner.id, ['I', 'C'], ctx);
    expect(made.changes[0]?.before).toBeNull();
    expect(await cellOf(cloud.id, partner.id)).toEqual(['C', 'I']);
    // A duplicate record for the same cell (e.g. from an old import) is folded into one.
    await db
      .rows('raciAssignments')
      .add({ id: 'zz-dup', workspaceId: ws, activityId: cloud.id, partyId: partner.id, roles: ['R'] });
    const merged = await toggleRaciLetter(db, cloud.id, partner.id, 'A', ctx);
    const rows = (await db.rows('raciAssignments').where('workspaceId').equals(ws).toArray()).filter(
      (a) => a.activityId === cloud.id && a.partyId === partner.id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.roles).toEqual(['R', 'A', 'C', 'I']);
    expect(merged.changes.filter((c) => c.after === null).map((c) => c.key)).toEqual(['zz-dup']);
  });

  it('refuses a cell of a party from another workspace', async () => {
    const { db, ctx, lane } = await setup();
    await expect(setRaciRoles(db, lane('Cloud').id, 'nope', ['R'], ctx)).rejects.toThrow(/no longer exists/);
  });
});

describe('RACI lanes and versions', () => {
  it('adds at the end, refuses a duplicate name, renames, moves and deletes with its cells (undoable)', async () => {
    const { db, ctx, ws, partner, history, cellOf } = await setup();
    const { lane, changes } = await addRaciLane(db, ws, { name: 'OT networks', splitNote: '' }, ctx);
    history.record(changes);
    expect(lane.order).toBe(16); // 16 default lanes, orders 0…15
    await expect(addRaciLane(db, ws, { name: ' patching ', splitNote: '' }, ctx)).rejects.toThrow(
      /already a lane called “patching”/,
    );
    const renamed = await updateRaciLane(db, lane.id, {
      name: 'OT network',
      splitNote: 'Partner monitors; IT changes.',
    });
    expect(renamed.label).toBe('Rename service lane “OT networks” to “OT network”');
    const up = await moveRaciLane(db, lane.id, -1);
    expect((await db.rows('raciActivities').get(lane.id))?.order).toBe(15);
    expect(up.changes).toHaveLength(2); // swapped with Documentation only
    expect(
      await moveRaciLane(
        db,
        (await db.rows('raciActivities').where('workspaceId').equals(ws).toArray()).find((l) => l.order === 0)?.id ??
          '',
        -1,
      ),
    ).toEqual({ label: 'No change', changes: [] });
    await setRaciRoles(db, lane.id, partner.id, ['R'], ctx);
    const del = await deleteRaciLane(db, lane.id);
    history.record(del);
    expect(await db.rows('raciActivities').get(lane.id)).toBeUndefined();
    expect(await cellOf(lane.id, partner.id)).toEqual([]);
    await history.undo(db);
    expect((await db.rows('raciActivities').get(lane.id))?.name).toBe('OT network');
    expect(await cellOf(lane.id, partner.id)).toEqual(['R']);
  });

  it('saves one version per quarter: saving again replaces it', async () => {
    const { db, ctx, ws, partner, lane } = await setup();
    const first = await saveRaciVersion(db, ws, '2026-Q1', ctx);
    expect(first.label).toBe('Save the Q1 FY2026 RACI version');
    const v1 = await db.rows('raciVersions').where('workspaceId').equals(ws).toArray();
    expect(v1).toHaveLength(1);
    // 16 lanes; every lane has an internal cell and a partner cell in the defaults.
    expect(v1[0]?.cells).toHaveLength(32);
    expect(v1[0]?.cells.find((c) => c.activity === 'Patching' && c.party === 'Acme MSP')?.roles).toEqual(['R']);
    await setRaciRoles(db, lane('Patching').id, partner.id, ['C'], ctx);
    const again = await saveRaciVersion(db, ws, '2026-Q1', ctx);
    expect(again.label).toBe('Replace the Q1 FY2026 RACI version');
    const v2 = await db.rows('raciVersions').where('workspaceId').equals(ws).toArray();
    expect(v2).toHaveLength(1);
    expect(v2[0]?.cells.find((c) => c.activity === 'Patching' && c.party === 'Acme MSP')?.roles).toEqual(['C']);
    await expect(saveRaciVersion(db, ws, 'Q1', ctx)).rejects.toThrow(ValidationError);
  });
});

describe('escalation ladder', () => {
  it('adds at the end, moves and deletes with the ladder renumbered 1…n', async () => {
    const { db, ctx, ws, internal, history } = await setup();
    const p3 = async () =>
      (await db.rows('escalationSteps').where('[workspaceId+severity]').equals([ws, 'P3']).toArray())
        .sort((a, b) => a.step - b.step)
        .map((s) => `${s.step}:${s.contactRole}`);
    // Default P3: 1 Service desk lead, 2 Service delivery manager.
    expect(await p3()).toEqual(['1:Service desk lead', '2:Service delivery manager']);
    const add = await addEscalationStep(
      db,
      ws,
      { severity: 'P3', partyId: internal.id, contactRole: ' IT director ', responseMinutes: 2880 },
      ctx,
    );
    expect(add.label).toBe('Add P3 step 3 (IT director)');
    const third = (await db.rows('escalationSteps').where('workspaceId').equals(ws).toArray()).find(
      (s) => s.contactRole === 'IT director' && s.severity === 'P3',
    );
    if (!third) throw new Error('step not added');
    history.record(await moveEscalationStep(db, third.id, -1));
    expect(await p3()).toEqual(['1:Service desk lead', '2:IT director', '3:Service delivery manager']);
    await history.undo(db);
    expect(await p3()).toEqual(['1:Service desk lead', '2:Service delivery manager', '3:IT director']);
    const first = (await db.rows('escalationSteps').where('workspaceId').equals(ws).toArray()).find(
      (s) => s.severity === 'P3' && s.step === 1,
    );
    await deleteEscalationStep(db, first?.id ?? '');
    expect(await p3()).toEqual(['1:Service delivery manager', '2:IT director']);
  });

  it('moving a step to another severity closes the gap it leaves', async () => {
    const { db, ws } = await setup();
    const p1 = (await db.rows('escalationSteps').where('[workspaceId+severity]').equals([ws, 'P1']).toArray()).sort(
      (a, b) => a.step - b.step,
    );
    const second = p1[1];
    if (!second) throw new Error('no P1 step 2');
    await updateEscalationStep(db, second.id, {
      severity: 'P4',
      partyId: second.partyId,
      contactRole: second.contactRole,
      responseMinutes: 9000,
    });
    const steps = await db.rows('escalationSteps').where('workspaceId').equals(ws).toArray();
    expect(
      steps
        .filter((s) => s.severity === 'P1')
        .map((s) => s.step)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(steps.find((s) => s.id === second.id)?.step).toBe(3); // after P4's two default steps
  });

  it('checks the form and starts from the default ladder only when there is none', async () => {
    const { db, ctx, ws, internal } = await setup();
    expect(
      validateEscalationDraft({ severity: 'P1', partyId: 'x', contactRole: ' ', responseMinutes: 1.5 }, [internal.id]),
    ).toEqual({
      partyId: 'Choose which party is called at this step.',
      contactRole: 'Enter the role that is called, e.g. “NOC on-call engineer”.',
      responseMinutes: 'Enter a response target between 0 minutes and 365 days, in whole minutes.',
    });
    await expect(addDefaultEscalationLadder(db, ws, ctx)).rejects.toThrow(/already has an escalation ladder/);
    const all = await db.rows('escalationSteps').where('workspaceId').equals(ws).primaryKeys();
    await db.rows('escalationSteps').bulkDelete(all as string[]);
    const cs = await addDefaultEscalationLadder(db, ws, ctx);
    expect(cs.changes).toHaveLength(12);
  });
});

describe('SLA targets and scorecard', () => {
  it('upserts the response and resolution pair; resolution may not be shorter than response', async () => {
    const { db, ctx, ws, partner, internal } = await setup();
    const draft = {
      partyId: partner.id,
      priority: 'P1' as const,
      responseMinutes: 10,
      resolutionMinutes: 180,
      targetAttainmentPct: 97.5,
    };
    const cs = await setSlaTargets(db, ws, draft, ctx);
    expect(cs.changes.map((c) => c.before !== null)).toEqual([true, true]); // defaults existed: updated
    const p1 = (await db.rows('slaTargets').where('workspaceId').equals(ws).toArray()).filter(
      (t) => t.partyId === partner.id && t.priority === 'P1',
    );
    expect(p1.map((t) => [t.metric, t.targetMinutes, t.targetAttainmentPct]).sort()).toEqual([
      ['resolution', 180, 97.5],
      ['response', 10, 97.5],
    ]);
    const fresh = await setSlaTargets(db, ws, { ...draft, partyId: internal.id }, ctx);
    expect(fresh.changes.map((c) => c.before)).toEqual([null, null]);
    expect(validateSlaDraft({ ...draft, resolutionMinutes: 5, targetAttainmentPct: 101 }, [partner.id])).toEqual({
      resolutionMinutes: 'Resolution cannot be due before the first response: make it at least as long.',
      targetAttainmentPct: 'Enter the share of tickets that must meet the target, 0 to 100 %.',
    });
  });

  it('grades one criterion, creating the quarter scorecard once and keeping other criteria', async () => {
    const { db, ctx, ws, partner } = await setup();
    const base = { workspaceId: ws, partyId: partner.id, quarter: '2026-Q2' };
    const a = await setScorecardGrade(db, { ...base, criterion: 'documentation', grade: 2 }, ctx);
    expect(a.label).toBe('Grade documentation 2 of 5 for Acme MSP');
    await setScorecardGrade(db, { ...base, criterion: 'documentation', comment: 'Runbooks missing' }, ctx);
    await setScorecardGrade(db, { ...base, criterion: 'escalations', grade: 4 }, ctx);
    const cards = await db.rows('partnerScorecards').where('workspaceId').equals(ws).toArray();
    expect(cards).toHaveLength(1);
    expect(cards[0]?.grades.map((g) => `${g.criterion}:${g.grade ?? '-'}:${g.comment}`)).toEqual([
      'sla-attainment:-:',
      'escalations:4:',
      'after-hours-response:-:',
      'cost-per-endpoint:-:',
      'project-delivery:-:',
      'documentation:2:Runbooks missing',
    ]);
    await expect(setScorecardGrade(db, { ...base, criterion: 'escalations', grade: 6 }, ctx)).rejects.toThrow(
      /whole number from 1 to 5/,
    );
  });
});

describe('risks, decisions and actions', () => {
  it('creates, closes (undoable) and validates risks', async () => {
    const { db, ctx, ws, history } = await setup();
    const draft = {
      title: 'Ransomware',
      description: '',
      likelihood: 3,
      impact: 5,
      owner: 'CISO',
      mitigation: '',
      dueDate: '',
      status: 'open' as const,
    };
    await createRisk(db, ws, draft, ctx);
    const [risk] = await db.rows('risks').where('workspaceId').equals(ws).toArray();
    expect(risk?.dueDate).toBeNull();
    history.record(await closeRisk(db, risk?.id ?? ''));
    expect((await db.rows('risks').get(risk?.id ?? ''))?.status).toBe('closed');
    await history.undo(db);
    expect((await db.rows('risks').get(risk?.id ?? ''))?.status).toBe('open');
    expect(validateRiskDraft({ ...draft, title: '', likelihood: 0, dueDate: '2026-13-01' })).toEqual({
      title: 'Enter a short title for the risk.',
      likelihood: 'Choose a likelihood from 1 (rare) to 5 (almost certain).',
      dueDate: 'Enter a date as YYYY-MM-DD, or leave it empty.',
    });
  });

  it('drafts a requested decision from a roadmap item needing one, dated today', async () => {
    const { db, ctx, ws, internal } = await setup();
    const now = ctx.now();
    await db.rows('roadmapItems').add({
      id: 'item-1',
      workspaceId: ws,
      title: 'Copilot pilot',
      description: '',
      domain: 'end-user',
      bucket: 'grow',
      status: 'proposed',
      health: 'green',
      priority: 2,
      startMonth: '2026-05',
      endMonth: '2026-10',
      progressPct: 0,
      ownerPartyId: internal.id,
      capex: 0,
      opexMonthly: 0,
      skills: [],
      opexStartMonth: null,
      opexEndMonth: null,
      dependsOn: [],
      linkedKpis: [],
      needsDecision: true,
      decisionText: 'Fund a six-month pilot for 200 users?',
      recommendedOption: 'Fund it',
      createdAt: now,
      updatedAt: now,
    });
    const cs = await createDecisionFromItem(db, 'item-1', ctx);
    expect(cs.label).toBe('Request a decision on “Copilot pilot”');
    const [d] = await db.rows('decisions').where('workspaceId').equals(ws).toArray();
    expect(d).toMatchObject({
      text: 'Fund a six-month pilot for 200 users?',
      options: ['Fund it'],
      recommendedOption: 'Fund it',
      status: 'requested',
      date: '2026-03-15',
      linkedItemIds: ['item-1'],
    });
  });

  it('adds actions and changes their status', async () => {
    const { db, ctx, ws } = await setup();
    await createAction(
      db,
      ws,
      { text: 'Publish patch calendar', owner: 'Lucia', dueDate: '2026-02-01', status: 'open' },
      ctx,
    );
    const [a] = await db.rows('actionItems').where('workspaceId').equals(ws).toArray();
    expect(a).toMatchObject({ carriedOver: 0, createdInQbrId: null, dueDate: '2026-02-01' });
    const cs = await setActionStatus(db, a?.id ?? '', 'in-progress');
    expect(cs.label).toBe('Mark action “Publish patch calendar” in progress');
    await expect(createAction(db, ws, { text: ' ', owner: '', dueDate: 'soon', status: 'open' }, ctx)).rejects.toThrow(
      'action “ ”: text: Say what is to be done.; action “ ”: dueDate: Enter a date as YYYY-MM-DD, or leave it empty.',
    );
  });
});
