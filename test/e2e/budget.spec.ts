/**
 * Budget in Chromium, on the sample (first run → "Open the sample workspace"): edit a plan cell by
 * keyboard alone and see the quarter total and forecast move, then undo it; import an actuals CSV
 * with one bad row (nothing written, the row named, the grid unchanged), then a good one (values
 * appear); export the budget CSV and check the downloaded file (formula-like vendor neutralised,
 * numbers equal to an independent sum of the sample file); axe WCAG 2.2 AA with the import and
 * line dialogs open; screenshots light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { goTo, openSampleFromFirstRun, watchPage } from './helpers';

const DIR = 'test-results/screens';

type SampleLine = { fiscalYear: number; name: string; plan: number[]; actual: (number | null)[] };
const SAMPLE = JSON.parse(readFileSync('resources/sample-workspace.json', 'utf8')) as {
  tables: { budgetLines: SampleLine[] };
};
const FY2026 = SAMPLE.tables.budgetLines.filter((l) => l.fiscalYear === 2026);

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** "$1,234,567" → 1234567. */
const dollars = (text: string | null): number => Number((text ?? '').replace(/[^0-9.-]/g, ''));

const quarterCell = (page: Page, quarter: string, col: 'plan' | 'forecast') =>
  page.locator(`[data-quarter="${quarter}"] [data-col="${col}"]`);

async function openBudget(page: Page): Promise<void> {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Budget');
  await expect(page.getByRole('grid', { name: 'Plan by line, FY2026' })).toBeVisible();
}

/** Tab from wherever focus is (the page heading after a route change) into the grid. */
async function tabIntoGrid(page: Page): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.hasAttribute('data-cell') ?? false)) return;
  }
  throw new Error('Tab never reached the budget grid');
}

/** The grid's row header cell of a budget line. */
const lineHeader = (page: Page, lineName: string) =>
  page
    .getByRole('grid')
    .locator('th.bgrid-line')
    .filter({ has: page.locator('.bgrid-name', { hasText: new RegExp(`^${lineName.replace(/[()]/g, '\\$&')}$`) }) });

/** Move the active cell with arrow keys only, to the row of `lineName` and month column `col`. */
async function arrowTo(page: Page, lineName: string, col: number): Promise<void> {
  const targetRow = await lineHeader(page, lineName).getAttribute('data-cell');
  const row = Number(targetRow?.split(':')[0]);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', `${row}:${col}`);
}

test('keyboard alone: edit a plan cell, the quarter total and forecast move, Ctrl+Z undoes it', async ({ page }) => {
  const watch = watchPage(page);
  await openSampleFromFirstRun(page);
  // Alt+3 opens Budget and puts focus on its heading; from there on, keys only.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Budget' })).toBeFocused();
  await expect(page.getByRole('grid', { name: 'Plan by line, FY2026' })).toBeVisible();
  const q4Plan = dollars(await quarterCell(page, '2026-Q4', 'plan').textContent());
  const q4Forecast = dollars(await quarterCell(page, '2026-Q4', 'forecast').textContent());
  const yearForecast = dollars(await page.getByTestId('year-forecast').textContent());

  await tabIntoGrid(page);
  // Contingency, Oct 2026 (fiscal month 10 of a calendar-year FY; an open month with plan 0).
  await arrowTo(page, 'Contingency', 10);
  await page.keyboard.type('25000');
  await expect(page.getByRole('textbox', { name: 'Plan of Contingency, Oct 2026' })).toHaveValue('25000');
  await page.keyboard.press('Enter');
  await expect(quarterCell(page, '2026-Q4', 'plan')).toHaveText(`$${(q4Plan + 25_000).toLocaleString('en-US')}`);
  await expect(quarterCell(page, '2026-Q4', 'forecast')).toHaveText(
    `$${(q4Forecast + 25_000).toLocaleString('en-US')}`,
  );
  await expect(page.getByTestId('year-forecast')).toHaveText(`$${(yearForecast + 25_000).toLocaleString('en-US')}`);
  // Enter committed and moved down one row; the grid cell keeps focus.
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', /:10$/);

  await page.keyboard.press('Control+z');
  await expect(quarterCell(page, '2026-Q4', 'plan')).toHaveText(`$${q4Plan.toLocaleString('en-US')}`);
  await expect(quarterCell(page, '2026-Q4', 'forecast')).toHaveText(`$${q4Forecast.toLocaleString('en-US')}`);
  await expect(page.getByText('Undone: Edit plan of “Contingency”, Oct 2026')).toBeVisible();

  // Escape cancels an edit: nothing changes.
  await arrowTo(page, 'Contingency', 11);
  await page.keyboard.press('F2');
  await page.keyboard.type('999');
  await page.keyboard.press('Escape');
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', /:11$/);
  await expect(quarterCell(page, '2026-Q4', 'plan')).toHaveText(`$${q4Plan.toLocaleString('en-US')}`);
  expect(watch.errors).toEqual([]);
});

test('actuals CSV: one bad row writes nothing and names the row; a good file then imports', async ({ page }) => {
  await openBudget(page);
  await page.getByRole('group', { name: 'Amounts shown in the grid' }).getByRole('button', { name: 'Actuals' }).click();
  const grid = page.getByRole('grid', { name: 'Actuals by line, FY2026' });
  const contingencyOct = async () => {
    const at = await lineHeader(page, 'Contingency').getAttribute('data-cell');
    return grid.locator(`[data-cell="${at?.split(':')[0]}:10"]`);
  };
  await expect(await contingencyOct()).toHaveText('not yet known');

  const choose = async (name: string, text: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import actuals…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  };
  await choose(
    'october-bad.csv',
    'month,line,amount\n2026-10,Contingency,1200\n2026-10,WAN and SD-WAN circuits (4 sites),13O00\n',
  );
  const bad = page.getByRole('dialog', { name: 'Import actuals from october-bad.csv' });
  await expect(bad).toBeVisible();
  await expect(bad.getByRole('status')).toHaveText(/One problem found: nothing will be imported/);
  await expect(bad.getByRole('row').filter({ hasText: 'Row 3, amount: "13O00" is not an amount' })).toBeVisible();
  await expect(bad.getByRole('button', { name: 'Import 1 actual' })).toBeDisabled();
  await axeCheck(page, 'import dialog with a bad row');
  await page.screenshot({ path: `${DIR}/light-budget-import-bad.png` });
  await bad.getByRole('button', { name: 'Cancel' }).click();
  await expect(bad).toBeHidden();
  // Nothing was written: October is still "not yet known" and Q4 has no actual.
  await expect(await contingencyOct()).toHaveText('not yet known');
  await expect(page.locator('[data-quarter="2026-Q4"] td').nth(2)).toHaveText('—');

  await choose(
    'october.csv',
    'month;line;amount\n2026-10;Contingency;1.200,00\n2026-10;WAN and SD-WAN circuits (4 sites);13.420,50\n',
  );
  const good = page.getByRole('dialog', { name: 'Import actuals from october.csv' });
  await expect(good.getByRole('status')).toHaveText('Ready: 2 actuals on 2 lines of FY2026.');
  await axeCheck(page, 'import dialog ready');
  await page.screenshot({ path: `${DIR}/light-budget-import-ready.png` });
  await good.getByRole('button', { name: 'Import 2 actuals' }).click();
  await expect(good).toBeHidden();
  await expect(page.getByText('Imported 2 actuals from october.csv')).toBeVisible();
  await expect(await contingencyOct()).toHaveText('1,200');
  await expect(page.locator('[data-quarter="2026-Q4"] td').nth(2)).toHaveText('$14,621');
});

test('export CSV: a formula-like vendor is neutralised and the numbers match the sample', async ({ page }) => {
  await openBudget(page);
  await tabIntoGrid(page);
  await arrowTo(page, 'Contingency', 0);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit budget line' });
  await expect(dialog).toBeVisible();
  await axeCheck(page, 'line dialog');
  await dialog.getByLabel('Vendor').fill('=SUM(A1:A9)');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('northwind-precision-manufacturing-budget-FY2026.csv');
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFFFiscal year,Line,Category,Kind,Vendor,Measure,2026-01,')).toBe(true);
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  // The vendor starts with "=", so the cell is prefixed with an apostrophe (SEC-14).
  expect(rows).toContain(`FY2026,Contingency,Contingency,opex,'=SUM(A1:A9),Plan,0,0,0,0,0,0,0,0,0,0,0,150000,150000`);
  expect(rows).toContain(
    `FY2026,Contingency,Contingency,opex,'=SUM(A1:A9),Actual,0,0,8200,0,0,0,21500,0,4300,,,,34000`,
  );
  // Totals equal an independent sum of the sample file (cents → dollars).
  const planTotal = FY2026.reduce((s, l) => s + l.plan.reduce((a, b) => a + b, 0), 0) / 100;
  const actualTotal = FY2026.reduce((s, l) => s + l.actual.reduce<number>((a, b) => a + (b ?? 0), 0), 0) / 100;
  const total = (measure: string) => rows.find((r) => r.startsWith(`FY2026,Total,,,,${measure},`))?.split(',');
  expect(Number(total('Plan')?.at(-1))).toBeCloseTo(planTotal, 2);
  expect(Number(total('Actual')?.at(-1))).toBeCloseTo(actualTotal, 2);
  const janPlan = FY2026.reduce((s, l) => s + (l.plan[0] ?? 0), 0) / 100;
  expect(Number(total('Plan')?.[6])).toBeCloseTo(janPlan, 2);
  // No text cell anywhere starts with a formula character.
  for (const row of rows) {
    for (const cell of row.split(',')) expect(/^[=+@\t\r]/.test(cell), `${row}`).toBe(false);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe and screenshots (${scheme})`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openBudget(page);
    await axeCheck(page, `budget ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-budget.png` });
    await page.screenshot({ path: `${DIR}/${scheme}-budget-full.png`, fullPage: true });
    // Charts as tables, the 5-year view, actuals in the grid, an open editor with an error.
    const toTable = page.getByRole('button', { name: 'View as table' });
    await expect(toTable).toHaveCount(3);
    while ((await toTable.count()) > 0) await toTable.first().click();
    await page.getByRole('group', { name: 'Years shown' }).getByRole('button', { name: '5 years' }).click();
    await expect(page.getByRole('table', { name: 'Multi-year plan by component' })).toContainText('FY2030');
    await page
      .getByRole('group', { name: 'Amounts shown in the grid' })
      .getByRole('button', { name: 'Actuals' })
      .click();
    await axeCheck(page, `budget tables ${scheme}`);
    await tabIntoGrid(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('12x');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'enter an amount' })).toBeVisible();
    await axeCheck(page, `grid editor error ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-budget-grid-edit.png` });
    await page.keyboard.press('Escape');
    // The import dialog with problems listed.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import actuals…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'october.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('month;line;amount\n2026-10;Contingency;1.200,00\n2026-13;Nope;1\n', 'utf8'),
    });
    const importDialog = page.getByRole('dialog', { name: 'Import actuals from october.csv' });
    await expect(importDialog.getByRole('status')).toHaveText(/2 problems found/);
    await axeCheck(page, `import dialog ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-budget-import-dialog.png` });
    await importDialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Add budget line' }).click();
    const dialog = page.getByRole('dialog', { name: 'New budget line, FY2026' });
    await dialog.getByRole('button', { name: 'Add line' }).click();
    await expect(dialog).toContainText('Enter a name for the line.');
    await axeCheck(page, `line dialog errors ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-budget-line-dialog.png` });
  });
}
