/**
 * Browser e2e against the web build in Debian's Chromium, with real IndexedDB: first run, every
 * route on the sample's real data, a roadmap item created by keyboard that survives a reload,
 * backup export and import, the workspace switcher, axe (WCAG 2.2 AA) on every route, zero CSP
 * violations and no Node in the page (SEC-02).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SECTIONS, cspEvents, goTo, openSampleFromFirstRun, recordCspEvents, startEmpty, watchPage } from './helpers';

type SampleFile = {
  workspace: { name: string; partnerName: string };
  tables: {
    roadmapItems: { title: string }[];
    people: { name: string }[];
    budgetLines: { name: string; fiscalYear: number }[];
    risks: { title: string }[];
    qbrs: { title: string; quarter: string }[];
    raciActivities: { name: string }[];
    kpiDefinitions: { name: string }[];
  };
};

// The expectations come from the sample file itself, plus the facts the product promises.
const sample = JSON.parse(readFileSync('resources/sample-workspace.json', 'utf8')) as SampleFile;

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  await recordCspEvents(page);
});

test('first run → sample → every route shows the real sample data; no CSP violations, no Node', async ({ page }) => {
  const watched = watchPage(page);
  await openSampleFromFirstRun(page);
  await expect(page.getByRole('button', { name: new RegExp(`^Workspace: ${sample.workspace.name}`) })).toBeVisible();

  // SEC-02: the page has no Node.
  const node = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
  }));
  expect(node).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });

  // Dashboard: KPI tiles with targets and a status word, budget and roadmap panels.
  await expect(page.getByRole('heading', { name: /^KPIs in Q\d FY\d{4}$/ })).toBeVisible();
  await expect(page.locator('.tile').first()).toContainText('Target');
  await expect(page.locator('.tile .badge').first()).toHaveText(/On target|Near target|Off target|No target/);
  await expect(page.getByRole('region', { name: /^Budget FY\d{4}$/ })).toContainText('Actual to date');
  await expect(page.getByRole('region', { name: 'Roadmap' })).toContainText(
    `${sample.tables.roadmapItems.length} items`,
  );

  await goTo(page, 'Roadmap');
  await expect(page.getByRole('rowheader', { name: 'Cloud migration', exact: true })).toBeVisible();
  await expect(
    page.getByText(`Showing ${sample.tables.roadmapItems.length} of ${sample.tables.roadmapItems.length}`),
  ).toBeVisible();

  await goTo(page, 'Budget');
  const someLine = sample.tables.budgetLines[0]?.name ?? '';
  await expect(page.getByRole('rowheader', { name: new RegExp(`^${escapeRe(someLine)}`) }).first()).toBeVisible();
  await expect(page.getByText('Actual to date').first()).toBeVisible();

  await goTo(page, 'Staffing & Sourcing');
  expect(sample.tables.people).toHaveLength(9);
  await expect(page.getByText('9 people ·').first()).toBeVisible();
  const matrix = page.getByRole('region', { name: 'Skills matrix' });
  await expect(matrix.locator('tbody tr')).toHaveCount(9);
  for (const p of sample.tables.people) await expect(matrix.getByText(p.name, { exact: true })).toBeVisible();

  await goTo(page, 'KPIs');
  await expect(page.getByRole('rowheader', { name: /^Mean time to resolve/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Stored KPI values' })).toBeVisible();

  await goTo(page, 'Governance');
  await expect(
    page.getByRole('rowheader', { name: sample.tables.raciActivities[0]?.name ?? '' }).first(),
  ).toBeVisible();
  await expect(page.getByRole('rowheader', { name: sample.tables.risks[0]?.title ?? '' })).toBeVisible();

  await goTo(page, 'QBR');
  for (const q of sample.tables.qbrs)
    await expect(page.getByRole('button', { name: new RegExp(escapeRe(q.title)) })).toBeVisible();

  await goTo(page, 'Settings');
  await expect(page.getByLabel('Organisation name')).toHaveValue(sample.workspace.name);
  await expect(page.getByLabel('Partner name')).toHaveValue(sample.workspace.partnerName);

  expect(await cspEvents(page)).toEqual([]);
  expect(watched.csp).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('create a roadmap item with the keyboard only; it survives a reload; undo removes it', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeFocused();

  // Tab to the "New roadmap item" button and press Enter.
  const newButton = page.getByRole('button', { name: 'New roadmap item' });
  for (let i = 0; i < 40 && !(await newButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(newButton).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New roadmap item' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();

  // Submitting empty names the problem and keeps the dialog open.
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Enter a title.')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();

  await page.keyboard.type('Zero-trust network access pilot');
  await page.keyboard.press('Tab'); // description
  await page.keyboard.type('Replace the VPN for remote engineers.');
  await page.keyboard.press('Tab'); // domain
  await page.keyboard.press('Tab'); // bucket
  await page.keyboard.press('Tab'); // owner
  await page.keyboard.press('Tab'); // status
  await page.keyboard.press('Tab'); // health
  await page.keyboard.press('Tab'); // priority
  await page.keyboard.press('Tab'); // start month
  await expect(dialog.getByLabel('Start month')).toBeFocused();
  await dialog.getByLabel('Start month').fill('2027-01');
  await dialog.getByLabel('End month').fill('2027-06');
  await dialog.getByLabel(/^One-time capex/).focus();
  await page.keyboard.type('45,000');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1200.50');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /Zero-trust network access pilot/ });
  await expect(row).toContainText('Jan 2027 – Jun 2027');
  // Lifetime cost: 45,000 capex + 6 months × 1,200.50 opex = 52,203.
  await expect(row).toContainText('$52,203');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Zero-trust network access pilot/ })).toContainText('$52,203');

  // Delete with undo from the toast.
  await page.getByRole('button', { name: 'Delete “Zero-trust network access pilot”' }).click();
  await expect(page.getByRole('row', { name: /Zero-trust network access pilot/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('row', { name: /Zero-trust network access pilot/ })).toHaveCount(1);
});

test('backup export downloads a file that imports as a new workspace', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^Northwind-Precision-Manufacturing-\d{4}-\d{2}-\d{2}\.quarterdeck\.json$/,
  );
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ formatVersion: 1, workspace: { name: sample.workspace.name } });

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import backup…' }).click(),
  ]);
  await chooser.setFiles(path);
  await expect(page.getByText(/Imported “Northwind Precision Manufacturing” from .* as a new workspace/)).toBeVisible();

  await page.getByRole('button', { name: /^Workspace:/ }).click();
  const menu = page.getByRole('menu', { name: 'Workspaces' });
  await expect(menu.getByRole('menuitem', { name: /Northwind Precision Manufacturing/ })).toHaveCount(2);
  await page.keyboard.press('Escape');

  // A broken file names the problem and writes nothing.
  const [chooser2] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import backup…' }).click(),
  ]);
  await chooser2.setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.slice(0, 500)),
  });
  const problems = page.getByRole('alertdialog', { name: 'Nothing was imported from broken.json' });
  await expect(problems).toContainText(/line \d+, column \d+/);
  await problems.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Workspace:/ }).click();
  await expect(menu.getByRole('menuitem', { name: /Northwind Precision Manufacturing/ })).toHaveCount(2);
  await page.keyboard.press('Escape');
});

test('QBR deck export builds a PDF in the browser under the strict CSP (SEC-16)', async ({ page }) => {
  test.setTimeout(120_000);
  await openSampleFromFirstRun(page);
  await goTo(page, 'QBR');
  await page.getByLabel('Preset').selectOption('executive');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: 'Export deck (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Northwind-Precision-Manufacturing-QBR-\d{4}-Q\d\.pdf$/);
  await download.saveAs('test-results/screens/deck-executive.pdf');
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8');
  expect(text).toContain(sample.workspace.name);
  expect(text).toContain(sample.workspace.partnerName);
  expect(await cspEvents(page)).toEqual([]);
});

test('workspace switcher: create, rename, duplicate, delete with a confirmation that names it', async ({ page }) => {
  await startEmpty(page, 'Contoso');
  const switcher = page.getByRole('button', { name: /^Workspace:/ });
  const menu = page.getByRole('menu', { name: 'Workspaces' });

  // Create
  await switcher.click();
  await menu.getByRole('menuitem', { name: 'New workspace…' }).click();
  const create = page.getByRole('dialog', { name: 'New workspace' });
  await create.getByLabel('Organisation name').fill('Fabrikam');
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(switcher).toContainText('Fabrikam');

  // Rename
  await switcher.click();
  await menu.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Fabrikam”' });
  await rename.getByLabel('New name').fill('Fabrikam Europe');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(switcher).toContainText('Fabrikam Europe');

  // Duplicate
  await switcher.click();
  await menu.getByRole('menuitem', { name: 'Duplicate…' }).click();
  const dup = page.getByRole('dialog', { name: 'Duplicate “Fabrikam Europe”' });
  await expect(dup.getByLabel('Name of the copy')).toHaveValue('Fabrikam Europe (copy)');
  await dup.getByRole('button', { name: 'Duplicate' }).click();
  await expect(switcher).toContainText('Fabrikam Europe (copy)');
  await switcher.click();
  await expect(menu.getByRole('menuitem')).toContainText(['Contoso', 'Fabrikam Europe', 'Fabrikam Europe (copy)']);

  // Delete: the confirmation names the workspace; cancel keeps it, confirm removes it, undo restores.
  await menu.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Fabrikam Europe (copy)”?' });
  await expect(confirm).toContainText('This deletes the workspace “Fabrikam Europe (copy)” and everything in it');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(switcher).toContainText('Fabrikam Europe (copy)');
  await switcher.click();
  await menu.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete workspace' }).click();
  await expect(switcher).not.toContainText('(copy)');
  await switcher.click();
  await expect(menu.getByRole('menuitem', { name: /\(copy\)/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await switcher.click();
  await expect(menu.getByRole('menuitem', { name: /\(copy\)/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
});

test.describe('axe: zero WCAG 2.2 AA violations (A11Y-01)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('first run and every route of an empty workspace', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: /Start empty/ })).toBeVisible();
    await axeCheck(page, 'first run');
    await page.getByRole('button', { name: /Start empty/ }).click();
    await axeCheck(page, 'start-empty form');
    await page.getByLabel('Organisation name').fill('Contoso');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    for (const s of SECTIONS) {
      await goTo(page, s.name);
      await axeCheck(page, `empty ${s.route}`);
    }
    expect(await cspEvents(page)).toEqual([]);
  });

  test('every route of the sample, light and dark', async ({ page }) => {
    await openSampleFromFirstRun(page);
    for (const s of SECTIONS) {
      await goTo(page, s.name);
      await axeCheck(page, `sample ${s.route}`);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const s of SECTIONS) {
      await goTo(page, s.name);
      await axeCheck(page, `dark sample ${s.route}`);
    }
    expect(await cspEvents(page)).toEqual([]);
  });

  test('dialogs and menus open: new item with errors, workspace menu, delete confirmation', async ({ page }) => {
    await openSampleFromFirstRun(page);
    await goTo(page, 'Roadmap');
    await page.getByRole('button', { name: 'New roadmap item' }).click();
    await expect(page.getByRole('dialog', { name: 'New roadmap item' })).toBeVisible();
    await axeCheck(page, 'new-item dialog');
    await page.getByRole('button', { name: 'Create item' }).click();
    await expect(page.getByText('Enter a title.')).toBeVisible();
    await axeCheck(page, 'new-item dialog with errors');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    // Focus returns to the button that opened the dialog (A11Y-08).
    await expect(page.getByRole('button', { name: 'New roadmap item' })).toBeFocused();

    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await axeCheck(page, 'workspace menu open');
    await page.getByRole('menu', { name: 'Workspaces' }).getByRole('menuitem', { name: 'Delete…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await axeCheck(page, 'delete confirmation');
    await page.keyboard.press('Escape');
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
