import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicesContext, type AppServices } from '../../../../renderer/src/app/services';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { createBudgetLine, setBudgetAmount, type BudgetLineDraft } from '../../../../renderer/src/db/repos/budget';
import { createWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { BudgetPage } from '../../../../renderer/src/features/budget/budget-page';
import { useUi } from '../../../../renderer/src/state/store';
import { makeFakeBridge, type FakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

const base: BudgetLineDraft = {
  name: '',
  category: 'software-licences',
  kind: 'opex',
  vendor: 'Microsoft',
  roadmapItemId: '',
  recurring: false,
  renewalDate: '',
  escalatorPct: '',
  monthlyPlan: '1000',
};

let db: QuarterdeckDb;
let bridge: FakeBridge;
let services: AppServices;
let workspaceId: string;

beforeEach(async () => {
  const opened = await makeTestDb();
  db = opened.db;
  const ctx = testContext('bp', '2026-03-15T10:00:00.000Z');
  const { workspace } = await createWorkspace(
    db,
    { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 7, userCount: 100, endpointCount: 50 },
    ctx,
  );
  workspaceId = workspace.id;
  const { line: m365 } = await createBudgetLine(db, workspaceId, 2026, { ...base, name: 'Microsoft 365 E3' }, ctx);
  await createBudgetLine(
    db,
    workspaceId,
    2026,
    { ...base, name: 'ERP support', vendor: 'Epicor', monthlyPlan: '2000' },
    ctx,
  );
  await setBudgetAmount(db, m365.id, 'actual', 0, 95_000, 7);
  bridge = makeFakeBridge();
  services = { db, bridge, history: new UndoHistory(), ctx, readOnlyReason: null, persisted: null };
  useUi.setState({ workspaceId, dialog: { kind: 'none' }, toasts: [] });
});

afterEach(() => {
  cleanup();
  db.close();
});

function renderPage() {
  render(
    <ServicesContext.Provider value={services}>
      <BudgetPage />
    </ServicesContext.Provider>,
  );
}

const actuals = async () =>
  Object.fromEntries(
    (await db.rows('budgetLines').where('workspaceId').equals(workspaceId).toArray()).map((l) => [l.name, l.actual]),
  );

describe('actuals import flow', () => {
  it('one bad row: the preview names it, "Import" stays disabled and nothing is written; a good file then imports', async () => {
    renderPage();
    await screen.findByRole('grid', { name: 'Plan by line, FY2026' });
    const before = await actuals();
    bridge.openQueue.push({
      canceled: false,
      name: 'bad.csv',
      size: 120,
      text: 'month,line,amount\n2025-07,ERP support,2010.99\n2025-08,ERP support,12x\n2025-08,Microsoft 365 E3,990\n',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import actuals…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import actuals from bad.csv' });
    expect(within(dialog).getByRole('status').textContent).toMatch(/One problem found: nothing will be imported/);
    const rowTable = within(dialog).getByRole('table', { name: /Rows in bad.csv/ });
    const rows = within(rowTable).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3 data rows
    expect(rows[2]?.textContent).toContain('Row 3, amount: "12x" is not an amount');
    expect(rows[1]?.textContent).toContain('OK');
    const importButton = within(dialog).getByRole('button', { name: /^Import \d+ actuals?$/ });
    expect(importButton).toHaveProperty('disabled', true);
    fireEvent.click(importButton);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(await actuals()).toEqual(before);

    bridge.openQueue.push({
      canceled: false,
      name: 'good.csv',
      size: 120,
      text: 'month;line;amount\n2025-07;ERP support;2.010,99\n2025-08;ERP support;1.999\n2025-08;Microsoft 365 E3;990\n',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose another file…' }));
    const good = await screen.findByRole('dialog', { name: 'Import actuals from good.csv' });
    expect(within(good).getByRole('status').textContent).toBe('Ready: 3 actuals on 2 lines of FY2026.');
    const changes = within(good).getByRole('table', { name: 'Actuals the import sets' });
    expect(
      within(changes)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toContain('ERP supportJul 2025empty$2,010.992');
    const go = within(good).getByRole('button', { name: 'Import 3 actuals' });
    expect(go).toHaveProperty('disabled', false);
    fireEvent.click(go);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = await actuals();
    expect(after['ERP support']?.slice(0, 3)).toEqual([201_099, 199_900, null]);
    expect(after['Microsoft 365 E3']?.slice(0, 3)).toEqual([95_000, 99_000, null]);
    expect(useUi.getState().toasts.at(-1)).toMatchObject({
      text: 'Imported 3 actuals from good.csv',
      undoable: true,
    });
    // One undo takes the whole import back.
    await services.history.undo(db);
    expect(await actuals()).toEqual(before);
  });

  it('a file over the size cap is not read: the dialog says so and offers nothing to import', async () => {
    renderPage();
    await screen.findByRole('grid');
    bridge.openQueue.push({
      canceled: false,
      tooLarge: true,
      name: 'huge.csv',
      size: 52_428_800,
      maxBytes: 10_485_760,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import actuals…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import actuals from huge.csv' });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/huge.csv is 50.0 MB; .* at most 10.0 MB/);
    expect(within(dialog).getByRole('button', { name: 'Import 0 actuals' })).toHaveProperty('disabled', true);
  });
});

describe('budget page edits', () => {
  it('shows the quarter totals and forecast, and a grid edit changes them; undo restores', async () => {
    renderPage();
    const grid = await screen.findByRole('grid', { name: 'Plan by line, FY2026' });
    const q2 = () => document.querySelector('[data-quarter="2026-Q2"] [data-col="plan"]')?.textContent;
    const fc = () => document.querySelector('[data-quarter="2026-Q2"] [data-col="forecast"]')?.textContent;
    // Q2 (Oct–Dec 2025): 3 months × (1,000 + 2,000) = $9,000; open months, so forecast = plan.
    expect(q2()).toBe('$9,000');
    expect(fc()).toBe('$9,000');
    // ERP support is row 0 (Software & licences, by name); Oct 2025 is fiscal month 4 → column 4.
    const cell = grid.querySelector<HTMLElement>('[data-cell="0:4"]');
    if (!cell) throw new Error('no cell');
    cell.focus();
    fireEvent.keyDown(cell, { key: '5' });
    const input = await screen.findByRole('textbox', { name: 'Plan of ERP support, Oct 2025' });
    fireEvent.change(input, { target: { value: '5000' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(q2()).toBe('$12,000'));
    expect(fc()).toBe('$12,000');
    expect(services.history.getSnapshot().undoLabel).toBe('Edit plan of “ERP support”, Oct 2025');
    await act(async () => {
      await services.history.undo(db);
    });
    await waitFor(() => expect(q2()).toBe('$9,000'));
  });

  it('adds a line through the dialog with validation, and deletes it with undo', async () => {
    renderPage();
    const grid = await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Add budget line' }));
    const dialog = await screen.findByRole('dialog', { name: 'New budget line, FY2026' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'erp SUPPORT' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add line' }));
    expect((await within(dialog).findByText(/already named “erp SUPPORT”/)).textContent).toBeTruthy();
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Backup storage' } });
    fireEvent.change(within(dialog).getByLabelText('Plan per month (USD)'), { target: { value: '300.25' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add line' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const added = (await db.rows('budgetLines').toArray()).find((l) => l.name === 'Backup storage');
    expect(added?.plan).toEqual(Array(12).fill(30_025));
    const name = await within(grid).findByText('Backup storage');
    const cell = name.closest<HTMLElement>('[data-cell]');
    if (!cell) throw new Error('no line cell');
    cell.focus();
    fireEvent.keyDown(cell, { key: 'Enter' });
    const edit = await screen.findByRole('dialog', { name: 'Edit budget line' });
    fireEvent.click(within(edit).getByRole('button', { name: 'Delete line…' }));
    fireEvent.click(within(edit).getByRole('button', { name: 'Delete line' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.rows('budgetLines').get(added?.id ?? '')).toBeUndefined();
    await services.history.undo(db);
    expect(await db.rows('budgetLines').get(added?.id ?? '')).toEqual(added);
  });

  it('variance by line: a note is saved on Enter (one undoable edit) and Escape puts the stored text back', async () => {
    renderPage();
    await screen.findByRole('grid');
    const panel = screen.getByRole('region', { name: 'Variance by line' });
    // Q1 (Jul–Sep 2025) is the latest quarter with actuals: Microsoft 365 E3 is $50 under plan in Jul.
    expect(within(panel).getByRole('button', { name: 'Q1' }).getAttribute('aria-pressed')).toBe('true');
    const row = within(panel).getByRole('row', { name: /Microsoft 365 E3/ });
    expect(row.textContent).toContain('-$50');
    const note = within(panel).getByRole('textbox', { name: 'Q1 variance note for Microsoft 365 E3' });
    fireEvent.change(note, { target: { value: 'Two leavers not yet removed' } });
    fireEvent.keyDown(note, { key: 'Enter' });
    await waitFor(async () => {
      const stored = (await db.rows('budgetLines').toArray()).find((l) => l.name === 'Microsoft 365 E3');
      expect(stored?.varianceNotes.Q1).toBe('Two leavers not yet removed');
    });
    expect(services.history.getSnapshot().undoLabel).toBe('Edit Q1 variance note of “Microsoft 365 E3”');
    fireEvent.change(note, { target: { value: 'typo' } });
    fireEvent.keyDown(note, { key: 'Escape' });
    expect((note as HTMLInputElement).value).toBe('Two leavers not yet removed');
    // ERP support has no actual in July, a month that is booked: it counts 0 against $2,000 of plan.
    expect(within(panel).getByRole('row', { name: /ERP support/ }).textContent).toContain('-$2,000');
    expect(within(panel).getByRole('button', { name: 'With variance or note (2)' })).toBeTruthy();
  });

  it('exports the budget as CSV through the bridge, formula-like text neutralised', async () => {
    const line = (await db.rows('budgetLines').toArray()).find((l) => l.name === 'ERP support');
    await db.rows('budgetLines').put({ ...line!, vendor: '=HYPERLINK("http://x")' });
    renderPage();
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    const saved = bridge.saved[0];
    expect(saved?.suggestedName).toBe('contoso-budget-FY2026.csv');
    const text = String(saved?.data);
    expect(text).toContain(`FY2026,ERP support,Software & licences,opex,"'=HYPERLINK(""http://x"")",Plan,2000,`);
    expect(text).toContain('FY2026,Microsoft 365 E3,Software & licences,opex,Microsoft,Actual,950,,,');
  });
});

describe('a year without lines', () => {
  it('says what to do next and adds the first line to that year', async () => {
    await db.rows('budgetLines').where('workspaceId').equals(workspaceId).delete();
    renderPage();
    // Today (2026-03-15) is in FY2026 of a July start.
    expect(await screen.findByText('No budget lines in FY2026 yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import actuals…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Add budget line' }));
    const dialog = await screen.findByRole('dialog', { name: 'New budget line, FY2026' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Cloud backup' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add line' }));
    expect(await screen.findByRole('grid', { name: 'Plan by line, FY2026' })).toBeTruthy();
    const stored = await db.rows('budgetLines').where('workspaceId').equals(workspaceId).toArray();
    expect(stored.map((l) => [l.name, l.fiscalYear, l.plan.every((v) => v === 0)])).toEqual([
      ['Cloud backup', 2026, true],
    ]);
  });
});
