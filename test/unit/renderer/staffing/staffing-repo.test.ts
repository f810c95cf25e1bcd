import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../../shared/backup/format';
import { compareScenarios } from '../../../../shared/domain/scenarios/engine';
import { singlePointsOfFailure } from '../../../../shared/domain/staffing/coverage';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import {
  createContract,
  createPerson,
  createStandardScenarios,
  deleteCostProfile,
  deletePerson,
  deleteSkillArea,
  draftFromContract,
  draftFromProfile,
  draftFromScenario,
  duplicateScenario,
  parseNumberInput,
  setAreaPlan,
  setSkillLevel,
  updateCostProfile,
  updateScenario,
  validateContractDraft,
} from '../../../../renderer/src/db/repos/staffing';
import {
  ValidationError,
  createWorkspace,
  importWorkspace,
  loadWorkspaceData,
} from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { makeTestDb, testContext } from '../../../helpers/test-db';

function sample(): WorkspaceData {
  const parsed = parseBackup(readFileSync('resources/sample-workspace.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample does not parse');
  return parsed.data;
}

async function withSample() {
  const { db } = await makeTestDb();
  const data = sample();
  await importWorkspace(db, data);
  const ws = data.workspace.id;
  const id = (kind: string, slug: string) => `${ws}:${kind}:${slug}`;
  const load = async () => {
    const d = await loadWorkspaceData(db, ws);
    if (!d) throw new Error('workspace gone');
    return d;
  };
  return { db, ws, id, load, history: new UndoHistory(), ctx: testContext('t') };
}

describe('parseNumberInput', () => {
  it.each([
    ['42', 'en-US', 42],
    ['42.5', 'en-US', 42.5],
    ['1,800', 'en-US', 1800],
    [' 8 % ', 'en-US', 8],
    ['-3', 'en-US', -3],
    ['42,5', 'de-DE', 42.5],
    ['42.5', 'de-DE', 42.5],
    ['1.800', 'de-DE', 1800],
    ['0,25', 'fr-FR', 0.25],
  ])('%j in %s → %d', (text, locale, value) => {
    expect(parseNumberInput(text, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ['', {}, 'enter a number'],
    ['abc', {}, 'enter a number such as 42 or 42.5'],
    ['1.2.3', {}, 'enter a number such as 42 or 42.5'],
    ['1.5', { integer: true }, 'enter a whole number'],
    ['1.5', { max: 1 }, 'must be at most 1'],
    ['-1', { min: 0 }, 'must be at least 0'],
  ])('%j with %o → "%s"', (text, opts, reason) => {
    expect(parseNumberInput(text, 'en-US', opts)).toEqual({ ok: false, reason });
  });

  it('empty text can stand for a default', () => {
    expect(parseNumberInput('', 'en-US', { emptyAs: 0 })).toEqual({ ok: true, value: 0 });
  });
});

describe('skill levels', () => {
  it('a lower level opens a single point of failure; undo closes it and restores the row exactly', async () => {
    const { db, id, load, history } = await withSample();
    const before = await load();
    const spofs = (d: WorkspaceData) => singlePointsOfFailure(d).map((f) => f.key);
    expect(spofs(before)).toEqual(['cloud-architecture', 'network-engineering', 'compliance']);

    const daniel = id('person', 'daniel-okafor');
    const cs = await setSkillLevel(db, daniel, id('area', 'project-management'), 1);
    history.record(cs);
    expect(cs.label).toBe('Set Daniel Okafor · Project management to 1 (learning)');
    const after = await load();
    // Only Hannah Weiss (4) is left at level 2+; minimum depth is 2 and no contract covers it.
    expect(spofs(after)).toEqual(['cloud-architecture', 'network-engineering', 'project-management', 'compliance']);
    const p = after.tables.people.find((x) => x.id === daniel);
    // The entry keeps its place in the list (round trips restore the same row).
    expect(p?.skills.map((s) => s.level)).toEqual([1, 3, 3, 1, 1, 2, 1, 2, 3, 2, 1, 1]);

    expect(await history.undo(db)).toBe(cs.label);
    const undone = await load();
    expect(undone.tables.people.find((x) => x.id === daniel)).toEqual(
      before.tables.people.find((x) => x.id === daniel),
    );
    expect(spofs(undone)).toEqual(spofs(before));
  });

  it('level 0 removes the entry, a new area appends one, an unchanged level writes nothing', async () => {
    const { db, id, load } = await withSample();
    const hannah = id('person', 'hannah-weiss');
    await setSkillLevel(db, hannah, id('area', 'compliance'), 0);
    await setSkillLevel(db, hannah, id('area', 'identity'), 2);
    const same = await setSkillLevel(db, hannah, id('area', 'project-management'), 4);
    expect(same.changes).toEqual([]);
    const p = (await load()).tables.people.find((x) => x.id === hannah);
    expect(p?.skills).toEqual([
      { skillAreaId: id('area', 'service-desk'), level: 1 },
      { skillAreaId: id('area', 'project-management'), level: 4 },
      { skillAreaId: id('area', 'identity'), level: 2 },
    ]);
  });

  it('refuses levels outside 0–4 and unknown people or areas, writing nothing', async () => {
    const { db, id, load } = await withSample();
    const before = await load();
    await expect(setSkillLevel(db, id('person', 'tom-becker'), id('area', 'patching'), 5)).rejects.toThrow(
      'skill: level: proficiency is a whole number from 0 to 4',
    );
    await expect(setSkillLevel(db, 'nobody', id('area', 'patching'), 2)).rejects.toThrow(
      'person nobody no longer exists',
    );
    await expect(setSkillLevel(db, id('person', 'tom-becker'), 'nowhere', 2)).rejects.toThrow(
      'skill area nowhere no longer exists',
    );
    expect(await load()).toEqual(before);
  });
});

describe('area plans drive the scenarios', () => {
  it('SIEM / SOC "accept" drops its 4 in-house hires (7 → 3); undo brings them back', async () => {
    const { db, id, load, history } = await withSample();
    const hires = async () => compareScenarios(await load()).scenarios.find((s) => s.kind === 'in-house')?.totalHires;
    expect(await hires()).toBe(7);
    const cs = await setAreaPlan(db, id('area', 'siem-soc'), 'accept');
    history.record(cs);
    expect(cs.label).toBe('Plan for SIEM / SOC: accept risk');
    expect(await hires()).toBe(3);
    await history.undo(db);
    expect(await hires()).toBe(7);
    expect((await setAreaPlan(db, id('area', 'siem-soc'), 'co-manage')).changes).toEqual([]);
  });
});

describe('deleting a skill area', () => {
  it('unhooks people, contracts, scenarios and roadmap items in one change set; undo restores every row', async () => {
    const { db, id, load, history } = await withSample();
    const before = await load();
    const area = id('area', 'siem-soc');
    await updateScenario(db, id('scenario', 'hybrid'), {
      ...draftFromScenario(
        before.tables.scenarios.find((s) => s.id === id('scenario', 'hybrid'))!,
        before.workspace,
      ),
      areaChoices: { [area]: 'hire' },
    });
    const withChoice = await load();
    const cs = await deleteSkillArea(db, area);
    history.record(cs);
    const after = await load();
    const mentions = (d: WorkspaceData) =>
      JSON.stringify([d.tables.people, d.tables.partnerContracts, d.tables.scenarios, d.tables.roadmapItems]).includes(
        `"${area}"`,
      );
    expect(mentions(withChoice)).toBe(true);
    expect(mentions(after)).toBe(false);
    expect(after.tables.skillAreas).toHaveLength(11);
    const touched = new Set(cs.changes.map((c) => c.table));
    expect([...touched].sort()).toEqual(['partnerContracts', 'people', 'roadmapItems', 'scenarios', 'skillAreas']);
    await history.undo(db);
    expect(await load()).toEqual(withChoice);
  });
});

describe('cost profiles', () => {
  it('stores money typed in major units as cents; an edited value stops citing the market source', async () => {
    const { db, id, load, ctx } = await withSample();
    const before = await load();
    const profile = before.tables.costProfiles.find((p) => p.id === id('cost', 'information-security-analyst'))!;
    const draft = draftFromProfile(profile, before.workspace);
    expect(draft.baseSalary).toBe('124910');
    draft.baseSalary = '130,000.50';
    draft.turnoverPct = '15';
    draft.sources.turnoverPct = { source: 'Our HR report 2025', year: '2025' };
    await updateCostProfile(db, profile.id, draft, ctx);
    const after = (await load()).tables.costProfiles.find((p) => p.id === profile.id)!;
    expect(after.baseSalary).toBe(13_000_050);
    expect(after.turnoverPct).toBe(15);
    const src = (f: string) => after.sources.find((s) => s.field === f);
    expect(src('baseSalary')).toEqual({
      field: 'baseSalary',
      source: `Entered by the user (was: ${profile.sources.find((s) => s.field === 'baseSalary')?.source})`,
      year: 2026,
    });
    expect(src('turnoverPct')).toEqual({ field: 'turnoverPct', source: 'Our HR report 2025', year: 2025 });
    // Untouched values keep their citation word for word.
    expect(src('costPerHire')).toEqual(profile.sources.find((s) => s.field === 'costPerHire'));
  });

  it('names the field and reason when a value is wrong, and writes nothing', async () => {
    const { db, load, ctx } = await withSample();
    const before = await load();
    const profile = before.tables.costProfiles[0]!;
    const draft = { ...draftFromProfile(profile, before.workspace), benefitsLoadPct: '140', costPerHire: '-5' };
    const err = await updateCostProfile(db, profile.id, draft, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([
      { field: 'benefitsLoadPct', reason: 'Benefits load (%): must be at most 100.' },
      { field: 'costPerHire', reason: 'Cost per hire: must not be negative.' },
    ]);
    expect(await load()).toEqual(before);
  });

  it('refuses to delete a profile still in use, naming who uses it', async () => {
    const { db, id } = await withSample();
    await expect(deleteCostProfile(db, id('cost', 'database-administrator'))).rejects.toThrow(
      'still used by Ravi Menon, Backup & DR (hiring role); give them another profile first',
    );
  });
});

describe('scenarios', () => {
  it('duplicates with a fresh name and order; deleting a retained person updates the fully outsourced scenario', async () => {
    const { db, id, load, history, ctx } = await withSample();
    const a = await duplicateScenario(db, id('scenario', 'co-managed'), ctx);
    const b = await duplicateScenario(db, id('scenario', 'co-managed'), ctx);
    expect(a.scenario.name).toBe('Co-managed with Harborline (today) (copy)');
    expect(b.scenario.name).toBe('Co-managed with Harborline (today) (copy 2)');
    expect([a.scenario.order, b.scenario.order]).toEqual([4, 5]);
    const data = await load();
    const cmp = compareScenarios(data);
    const npv = (sid: string) => cmp.scenarios.find((s) => s.scenarioId === sid)?.npv;
    expect(npv(a.scenario.id)).toBe(npv(id('scenario', 'co-managed')));

    const cs = await deletePerson(db, id('person', 'daniel-okafor'));
    history.record(cs);
    const fo = (await load()).tables.scenarios.find((s) => s.id === id('scenario', 'fully-outsourced'));
    expect(fo?.retainedPersonIds).toEqual([id('person', 'hannah-weiss')]);
    await history.undo(db);
    expect(
      (await load()).tables.scenarios.find((s) => s.id === id('scenario', 'fully-outsourced'))?.retainedPersonIds,
    ).toEqual([id('person', 'daniel-okafor'), id('person', 'hannah-weiss')]);
  });

  it('validates the draft: a fully outsourced scenario cannot pay a co-managed contract', async () => {
    const { db, id, load } = await withSample();
    const data = await load();
    const fo = data.tables.scenarios.find((s) => s.id === id('scenario', 'fully-outsourced'))!;
    const draft = { ...draftFromScenario(fo, data.workspace), contractId: id('contract', 'harborline-co-managed') };
    await expect(updateScenario(db, fo.id, draft)).rejects.toThrow(
      'scenario “Fully outsourced to Harborline”: contractId: A fully outsourced scenario needs a fully-managed contract.',
    );
    const ok = { ...draftFromScenario(fo, data.workspace), discountRatePct: '10', horizonYears: '3' };
    await updateScenario(db, fo.id, ok);
    const stored = (await load()).tables.scenarios.find((s) => s.id === fo.id)!;
    expect([stored.discountRatePct, stored.horizonYears, stored.retainedPersonIds.length]).toEqual([10, 3, 2]);
  });

  it('the standard set on a fresh workspace without a contract is in-house only; with one, three scenarios', async () => {
    const { db } = await makeTestDb();
    const ctx = testContext('fresh');
    const { workspace } = await createWorkspace(
      db,
      { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1 },
      ctx,
    );
    await createStandardScenarios(db, workspace.id, ctx);
    const names = async () =>
      (await db.rows('scenarios').where('workspaceId').equals(workspace.id).sortBy('order')).map((s) => s.name);
    expect(await names()).toEqual(['All in-house']);
    const parties = await db.rows('parties').where('workspaceId').equals(workspace.id).toArray();
    const partner = parties.find((p) => p.kind === 'partner')!;
    const { contract } = await createContract(
      db,
      workspace.id,
      {
        name: 'MSP',
        kind: 'co-managed',
        partyId: partner.id,
        perUserMonthly: '35',
        perEndpointMonthly: '4.50',
        fixedMonthly: '2,000',
        projectHoursPerYear: '400',
        hourlyRate: '165',
        onboardingFee: '',
        escalatorPct: '4',
        coveredAreas: [],
        startDate: '2026-01-01',
        endDate: '',
      },
      ctx,
    );
    expect([
      contract.perUserMonthly,
      contract.perEndpointMonthly,
      contract.fixedMonthly,
      contract.onboardingFee,
    ]).toEqual([3500, 450, 200_000, 0]);
    await createStandardScenarios(db, workspace.id, ctx);
    expect(await names()).toEqual(['All in-house', 'All in-house', 'Co-managed', 'Hybrid']);
    const ws = (await db.workspaces.get(workspace.id))!;
    const draft = { ...draftFromContract(contract, ws), startDate: '2026-06-01', endDate: '2026-01-01' };
    expect(validateContractDraft(draft, ws, [partner.id], [])).toEqual({ endDate: 'The end is before the start.' });
  });

  it('a new person starts with no skills and needs a cost profile', async () => {
    const { db, ws, id, ctx } = await withSample();
    const { person } = await createPerson(
      db,
      ws,
      {
        name: ' Cloud engineer (vacant) ',
        role: '',
        fte: '0.5',
        costProfileId: id('cost', 'computer-network-architect'),
      },
      ctx,
    );
    expect([person.name, person.fte, person.skills]).toEqual(['Cloud engineer (vacant)', 0.5, []]);
    await expect(
      createPerson(db, ws, { name: 'X', role: '', fte: '2', costProfileId: 'missing' }, ctx),
    ).rejects.toThrow('person “X”: fte: FTE: must be at most 1.; person “X”: costProfileId: Choose a cost profile.');
  });
});
