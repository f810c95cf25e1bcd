import { describe, expect, it } from 'vitest';
import { parseActualsCsv } from '../../../../shared/domain/budget/actuals-csv';
import { budgetSummary } from '../../../../shared/domain/budget/summary';
import type { BudgetLineRecord } from '../../../../renderer/src/db/records';
import {
  ActualsImportError,
  budgetCsvFileName,
  createBudgetLine,
  deleteBudgetLine,
  importActuals,
  setBudgetAmount,
  setVarianceNote,
  updateBudgetLine,
  validateBudgetLineDraft,
  type BudgetLineDraft,
} from '../../../../renderer/src/db/repos/budget';
import { ValidationError, createWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { parseCellText } from '../../../../renderer/src/features/budget/amount-input';
import {
  csvStyleFor,
  defaultQuarterIndex,
  quarterLineVariance,
  unitCosts,
} from '../../../../renderer/src/features/budget/budget-figures';
import { makeTestDb, testContext } from '../../../helpers/test-db';

function draft(patch: Partial<BudgetLineDraft> = {}): BudgetLineDraft {
  return {
    name: 'Microsoft 365 E3',
    category: 'software-licences',
    kind: 'opex',
    vendor: 'Microsoft',
    roadmapItemId: '',
    recurring: true,
    renewalDate: '2026-06-30',
    escalatorPct: '3.5',
    monthlyPlan: '1,250.50',
    ...patch,
  };
}

async function setup() {
  const { db } = await makeTestDb();
  const ctx = testContext();
  const { workspace } = await createWorkspace(
    db,
    { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 7 },
    ctx,
  );
  const lines = () => db.rows('budgetLines').where('workspaceId').equals(workspace.id).toArray();
  return { db, ctx, workspace, lines };
}

describe('budget line repo', () => {
  it('creates a line: the typed monthly plan in every month (cents), actuals empty, escalator as a number', async () => {
    const { db, ctx, workspace } = await setup();
    const { line, changes } = await createBudgetLine(db, workspace.id, 2026, draft(), ctx);
    expect(line.plan).toEqual(Array(12).fill(125_050));
    expect(line.actual).toEqual(Array(12).fill(null));
    expect(line.escalatorPct).toBe(3.5);
    expect(line.renewalDate).toBe('2026-06-30');
    expect(line.fiscalYear).toBe(2026);
    expect(await db.rows('budgetLines').get(line.id)).toEqual(line);
    expect(changes.label).toBe('Add budget line “Microsoft 365 E3”');
  });

  it.each<[string, Partial<BudgetLineDraft>, keyof BudgetLineDraft, RegExp]>([
    ['an empty name', { name: '  ' }, 'name', /Enter a name/],
    ['a name another line of the year has (any case)', { name: 'ERP SUPPORT' }, 'name', /already named/],
    ['a renewal date that is not a date', { renewalDate: '30/06/2026' }, 'renewalDate', /YYYY-MM-DD/],
    ['an escalator that is not a number', { escalatorPct: 'three' }, 'escalatorPct', /percentage/],
    ['an escalator above 100 %', { escalatorPct: '150' }, 'escalatorPct', /100 %/],
    ['a negative monthly plan', { monthlyPlan: '-5' }, 'monthlyPlan', /negative/],
    ['a roadmap item that does not exist', { roadmapItemId: 'gone' }, 'roadmapItemId', /no longer exists/],
  ])('refuses %s (field %s) and writes nothing', async (_case, patch, field, reason) => {
    const { db, ctx, workspace, lines } = await setup();
    await createBudgetLine(db, workspace.id, 2026, draft({ name: 'ERP support' }), ctx);
    const errors = validateBudgetLineDraft(draft(patch), workspace, {
      itemIds: [],
      otherNames: ['ERP support'],
      fiscalYear: 2026,
      isNew: true,
    });
    expect(errors[field]).toMatch(reason);
    const err = await createBudgetLine(db, workspace.id, 2026, draft(patch), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems.map((p) => p.field)).toContain(field);
    expect((await lines()).map((l) => l.name)).toEqual(['ERP support']);
  });

  it('the same name may be used in another fiscal year (a contract runs on)', async () => {
    const { db, ctx, workspace, lines } = await setup();
    await createBudgetLine(db, workspace.id, 2026, draft(), ctx);
    await createBudgetLine(db, workspace.id, 2027, draft(), ctx);
    expect((await lines()).map((l) => l.fiscalYear).sort()).toEqual([2026, 2027]);
  });

  it('edits the descriptive fields, drops the renewal date of a line no longer recurring, undo restores', async () => {
    const { db, ctx, workspace } = await setup();
    const { line } = await createBudgetLine(db, workspace.id, 2026, draft(), ctx);
    const history = new UndoHistory();
    const cs = await updateBudgetLine(
      db,
      line.id,
      draft({ name: 'M365 E5', vendor: '=HYPERLINK("x")', recurring: false, kind: 'capex', escalatorPct: '' }),
    );
    history.record(cs);
    const after = await db.rows('budgetLines').get(line.id);
    expect(after).toMatchObject({
      name: 'M365 E5',
      vendor: '=HYPERLINK("x")',
      recurring: false,
      renewalDate: null,
      kind: 'capex',
      escalatorPct: 0,
    });
    expect(after?.plan).toEqual(line.plan);
    await history.undo(db);
    expect(await db.rows('budgetLines').get(line.id)).toEqual(line);
  });

  it('sets single plan and actual amounts; an unchanged value is no edit; undo and redo follow', async () => {
    const { db, ctx, workspace } = await setup();
    const { line } = await createBudgetLine(db, workspace.id, 2026, draft(), ctx);
    const history = new UndoHistory();
    const a = await setBudgetAmount(db, line.id, 'plan', 3, 200_000, 7);
    expect(a?.label).toBe('Edit plan of “Microsoft 365 E3”, Oct 2025');
    history.record(a!);
    const b = await setBudgetAmount(db, line.id, 'actual', 0, 124_999, 7);
    history.record(b!);
    expect(await setBudgetAmount(db, line.id, 'actual', 0, 124_999, 7)).toBeNull();
    let stored = await db.rows('budgetLines').get(line.id);
    expect(stored?.plan[3]).toBe(200_000);
    expect(stored?.plan[2]).toBe(125_050);
    expect(stored?.actual[0]).toBe(124_999);
    const c = await setBudgetAmount(db, line.id, 'actual', 0, null, 7);
    expect(c?.label).toBe('Edit actual (cleared) of “Microsoft 365 E3”, Jul 2025');
    history.record(c!);
    expect((await db.rows('budgetLines').get(line.id))?.actual[0]).toBeNull();
    await history.undo(db);
    expect((await db.rows('budgetLines').get(line.id))?.actual[0]).toBe(124_999);
    await history.undo(db);
    await history.undo(db);
    expect(await db.rows('budgetLines').get(line.id)).toEqual(line);
    await history.redo(db);
    stored = await db.rows('budgetLines').get(line.id);
    expect(stored?.plan[3]).toBe(200_000);
    await expect(setBudgetAmount(db, line.id, 'plan', 12, 1, 7)).rejects.toThrow(/0–11/);
    await expect(setBudgetAmount(db, line.id, 'plan', 0, null, 7)).rejects.toThrow(/cannot be empty/);
  });

  it('saves a variance note per quarter (trimmed); undo brings the old note back', async () => {
    const { db, ctx, workspace } = await setup();
    const { line } = await createBudgetLine(db, workspace.id, 2026, draft(), ctx);
    const history = new UndoHistory();
    const cs = await setVarianceNote(db, line.id, 'Q2', '  True-up for 40 extra seats  ');
    history.record(cs!);
    expect((await db.rows('budgetLines').get(line.id))?.varianceNotes).toEqual({
      Q1: '',
      Q2: 'True-up for 40 extra seats',
      Q3: '',
      Q4: '',
    });
    expect(await setVarianceNote(db, line.id, 'Q2', 'True-up for 40 extra seats')).toBeNull();
    await history.undo(db);
    expect((await db.rows('budgetLines').get(line.id))?.varianceNotes.Q2).toBe('');
  });

  it('deletes a line; undo restores it with its amounts and notes', async () => {
    const { db, ctx, workspace } = await setup();
    const { line } = await createBudgetLine(db, workspace.id, 2026, draft(), ctx);
    await setVarianceNote(db, line.id, 'Q1', 'note');
    const before = await db.rows('budgetLines').get(line.id);
    const history = new UndoHistory();
    history.record(await deleteBudgetLine(db, line.id));
    expect(await db.rows('budgetLines').get(line.id)).toBeUndefined();
    await history.undo(db);
    expect(await db.rows('budgetLines').get(line.id)).toEqual(before);
  });

  it('names the export file after the workspace and the fiscal year', () => {
    expect(budgetCsvFileName('Zürich Präzision AG 🏭', 2026)).toBe('zurich-prazision-ag-budget-FY2026.csv');
    expect(budgetCsvFileName('***', 2027)).toBe('workspace-budget-FY2027.csv');
  });
});

describe('actuals import (atomic)', () => {
  async function twoLines() {
    const s = await setup();
    const { line: m365 } = await createBudgetLine(s.db, s.workspace.id, 2026, draft(), s.ctx);
    const { line: erp } = await createBudgetLine(
      s.db,
      s.workspace.id,
      2026,
      draft({ name: 'ERP support', vendor: 'Epicor', monthlyPlan: '2000' }),
      s.ctx,
    );
    await setBudgetAmount(s.db, erp.id, 'actual', 0, 190_000, 7);
    return { ...s, m365, erp };
  }
  const opts = { fiscalYear: 2026, fiscalStartMonth: 7 };

  it('writes every actual of a clean file in one go; one undo puts all previous values back', async () => {
    const { db, workspace, lines, m365, erp } = await twoLines();
    const before = await lines();
    const parsed = parseActualsCsv(
      'month;line;amount\n2025-07;Microsoft 365 E3;1.250,50\n2025-08;microsoft 365 e3;1.300\n2025-07;ERP support;2.010,99\n',
      before,
      opts,
    );
    expect(parsed.problems).toEqual([]);
    const history = new UndoHistory();
    const cs = await importActuals(db, workspace.id, parsed, 'actuals.csv');
    history.record(cs);
    expect(cs.label).toBe('Import 3 actuals from actuals.csv');
    expect(cs.changes).toHaveLength(2);
    const m = await db.rows('budgetLines').get(m365.id);
    const e = await db.rows('budgetLines').get(erp.id);
    expect(m?.actual.slice(0, 3)).toEqual([125_050, 130_000, null]);
    expect(e?.actual.slice(0, 2)).toEqual([201_099, null]);
    await history.undo(db);
    expect(await lines()).toEqual(before);
  });

  it('one bad row: nothing is written and the error names the row, field and reason', async () => {
    const { db, workspace, lines } = await twoLines();
    const before = await lines();
    const parsed = parseActualsCsv(
      'month,line,amount\n2025-07,Microsoft 365 E3,1250.50\n2025-08,Microsoft 365 E3,12x\n2025-09,ERP support,100\n',
      before,
      opts,
    );
    expect(parsed.problems.map((p) => p.message)).toEqual(['row 3, amount: "12x" is not an amount']);
    const err = await importActuals(db, workspace.id, parsed, 'bad.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActualsImportError);
    expect((err as ActualsImportError).message).toContain('row 3, amount');
    expect(await lines()).toEqual(before);
  });

  it('a line deleted between preview and import: nothing is written, not even the other lines', async () => {
    const { db, workspace, lines, m365 } = await twoLines();
    const parsed = parseActualsCsv(
      'month,line,amount\n2025-07,ERP support,100\n2025-07,Microsoft 365 E3,200\n',
      await lines(),
      opts,
    );
    expect(parsed.problems).toEqual([]);
    await deleteBudgetLine(db, m365.id);
    const before = await lines();
    const err = await importActuals(db, workspace.id, parsed, 'late.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActualsImportError);
    expect((err as ActualsImportError).problems[0]?.message).toMatch(/row 3, line: .*no longer exists/);
    expect(await lines()).toEqual(before);
  });
});

describe('budget screen figures', () => {
  const base = (id: string, plan: number, actual: (number | null)[]): BudgetLineRecord => ({
    id,
    workspaceId: 'ws',
    fiscalYear: 2026,
    name: id,
    category: 'software-licences',
    kind: 'opex',
    vendor: '',
    roadmapItemId: null,
    plan: Array(12).fill(plan),
    actual: Array.from({ length: 12 }, (_, i) => actual[i] ?? null),
    recurring: false,
    renewalDate: null,
    escalatorPct: 0,
    varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '' },
  });
  // A: plan 1,000.00/month, actuals 900.00 and 1,200.00 in months 1–2.
  // B: plan 500.00/month, no actual in month 1, 400.00 in month 2 (month 1 is booked through A: B counts 0).
  const lines = [base('A', 100_000, [90_000, 120_000]), base('B', 50_000, [null, 40_000])];
  const summary = budgetSummary({ fiscalStartMonth: 7, lines, items: [] }, 2026);

  it('compares a quarter line by line over the months that have actuals (hand-worked)', () => {
    const [a, b] = quarterLineVariance(summary, lines, 0);
    // A: compared plan 2 × 1,000 = 2,000; actual 900 + 1,200 = 2,100; +100 = +5 %.
    expect(a).toMatchObject({
      plan: 300_000,
      comparedPlan: 200_000,
      actual: 210_000,
      variance: 10_000,
      variancePct: 5,
    });
    // B: compared plan 2 × 500 = 1,000; actual 0 + 400 = 400; −600 = −60 %.
    expect(b).toMatchObject({
      plan: 150_000,
      comparedPlan: 100_000,
      actual: 40_000,
      variance: -60_000,
      variancePct: -60,
    });
    const [a2] = quarterLineVariance(summary, lines, 1);
    expect(a2).toMatchObject({ plan: 300_000, actual: null, variance: null, variancePct: null });
    expect(defaultQuarterIndex(summary)).toBe(0);
  });

  it('cost per user and per endpoint per month from forecast and plan (hand-worked)', () => {
    // Forecast = actuals of months 1–2 (900 + 1,200 + 0 + 400 = 2,500.00) + 10 open months × 1,500.00
    // = 17,500.00; per user of 100 per month: 17,500 / 12 / 100 = 14.5833 → 14.58. Plan 18,000 → 15.00.
    expect(summary.year.forecast).toBe(1_750_000);
    expect(unitCosts(summary, { userCount: 100, endpointCount: 0 })).toEqual({
      perUser: { forecast: 1_458, plan: 1_500 },
      perEndpoint: { forecast: null, plan: null },
    });
  });

  it('exports CSV the way the locale’s spreadsheet reads it', () => {
    expect(csvStyleFor('en-US')).toEqual({ delimiter: ',', decimalSeparator: '.' });
    expect(csvStyleFor('de-DE')).toEqual({ delimiter: ';', decimalSeparator: ',' });
    expect(csvStyleFor('not a locale!')).toEqual({ delimiter: ',', decimalSeparator: '.' });
  });

  it.each<[string, 'plan' | 'actual', string, ReturnType<typeof parseCellText>]>([
    ['en-US', 'plan', '12,500.50', { ok: true, value: 1_250_050 }],
    ['de-DE', 'plan', '12.500,50', { ok: true, value: 1_250_050 }],
    ['de-DE', 'actual', '1250.5', { ok: true, value: 125_050 }],
    ['en-US', 'actual', '', { ok: true, value: null }],
    ['en-US', 'plan', '', { ok: true, value: 0 }],
    ['en-US', 'actual', '−75', { ok: true, value: -7_500 }],
    ['en-US', 'plan', '-75', { ok: false, reason: 'A plan amount cannot be negative.' }],
    ['en-US', 'actual', '1.234', { ok: false, reason: 'Use at most 2 decimal places.' }],
  ])('cell text (%s, %s) %j', (locale, measure, text, expected) => {
    expect(parseCellText(text, measure, 'USD', locale)).toEqual(expected);
  });
});
