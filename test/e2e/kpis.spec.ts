/**
 * KPIs and the ticket import wizard in Chromium on the sample workspace: a generated ServiceNow-style
 * event log (several rows per ticket) goes through every wizard step with visible progress; one
 * import is cancelled (nothing written: tiles unchanged, no TicketImport), another completes, and
 * the tiles then show the numbers the shared SPEC §3.6 maths gives for the same tickets. Axe on the
 * screen and every wizard step; screenshots light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { computeTicketKpis, type TicketForKpis } from '../../shared/domain/kpis/ticket-kpis';
import { goTo, openSampleFromFirstRun } from './helpers';

const DIR = process.env.SCREENS_DIR ?? 'test-results/screens';

async function axe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** Seeded PRNG (mulberry32) so the file is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** Wall-clock `YYYY-MM-DD HH:MM:SS` of seconds since 1970 (as UTC, never shifted). */
function stamp(sec: number): string {
  const d = new Date(sec * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
const iso = (sec: number | null): string | null => (sec === null ? null : stamp(sec).replace(' ', 'T'));

const GROUPS = ['Harborline Service Desk', 'IT Service Desk', 'Plant Systems', 'Harborline NOC', 'Facilities'];
const PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low'];

/**
 * A ServiceNow audit-style export of `n` tickets opened in 2026-Q3 (all resolutions before October,
 * so the focus quarter stays Q3): 3–4 rows per ticket in time order, some tickets written newest
 * row first. Returns the CSV and each ticket's final state as the KPI maths reads it.
 */
function serviceNowLog(n: number, seed: number): { csv: string; tickets: TicketForKpis[]; rows: number } {
  const r = rng(seed);
  const lines = [
    'number,incident_state,sys_updated_on,opened_at,resolved_at,closed_at,priority,assignment_group,made_sla,reopen_count',
  ];
  const tickets: TicketForKpis[] = [];
  const start = Date.UTC(2026, 6, 1) / 1000;
  const span = Date.UTC(2026, 8, 20) / 1000 - start;
  for (let i = 0; i < n; i++) {
    const id = `INC${String(i + 1).padStart(7, '0')}`;
    const opened = start + Math.floor(r() * span);
    const open = r() < 0.12;
    const dur = Math.floor(r() * 200 * 3600);
    const resolved = open ? null : opened + dur;
    const closed = resolved !== null && r() < 0.7 ? resolved + 86400 : null;
    const prio = PRIORITIES[Math.floor(r() * 4)]!;
    const group = GROUPS[Math.floor(r() * GROUPS.length)]!;
    const sla = resolved === null ? '' : r() < 0.85 ? 'true' : 'false';
    const reopen = r() < 0.06 ? 1 : 0;
    const rows = [
      [id, 'New', stamp(opened), stamp(opened), '', '', prio, group, '', '0'],
      [id, 'In Progress', stamp(opened + 1800), stamp(opened), '', '', prio, group, '', '0'],
    ];
    if (resolved !== null)
      rows.push([
        id,
        'Resolved',
        stamp(resolved),
        stamp(opened),
        stamp(resolved),
        '',
        prio,
        group,
        sla,
        String(reopen),
      ]);
    if (closed !== null) {
      rows.push([
        id,
        'Closed',
        stamp(closed),
        stamp(opened),
        stamp(resolved!),
        stamp(closed),
        prio,
        group,
        sla,
        String(reopen),
      ]);
    }
    if (r() < 0.3) rows.reverse();
    for (const row of rows) lines.push(row.join(','));
    const last = rows.reduce((a, b) => (b[2]! >= a[2]! ? b : a));
    tickets.push({
      ticketId: id,
      openedAt: iso(opened),
      resolvedAt: last[4] ? iso(resolved) : null,
      closedAt: last[5] ? iso(closed) : null,
      priority: `P${prio[0]}`,
      partyId: null,
      slaMet: last[8] === '' ? null : last[8] === 'true',
      firstContactResolved: null,
      reopenCount: Number(last[9]),
    });
  }
  return { csv: lines.join('\r\n') + '\r\n', tickets, rows: lines.length - 1 };
}

async function tileValue(page: Page, name: string): Promise<string> {
  return (await page.getByRole('listitem', { name, exact: true }).locator('.tile-value').innerText()).trim();
}

async function ticketImportCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('quarterdeck');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['ticketImports', 'tickets'], 'readonly');
          const a = tx.objectStore('ticketImports').count();
          const b = tx.objectStore('tickets').count();
          tx.oncomplete = () => {
            db.close();
            resolve(a.result + b.result);
          };
        };
      }),
  );
}

/** Opens the wizard, picks the file and walks to the Import step, running axe on each step. */
async function walkWizard(page: Page, name: string, csv: string, check: boolean): Promise<void> {
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import tickets…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tickets' });
  await expect(dialog).toBeVisible();
  if (check) await axe(page, 'wizard: file');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(dialog.getByLabel('System (preset)')).toBeVisible();
  await expect(dialog.getByLabel('System (preset)').locator('option:checked')).toHaveText('Detect (ServiceNow)');
  await expect(dialog.getByLabel('Delimiter').locator('option:checked')).toHaveText('Detect (Comma)');
  if (check) {
    await axe(page, 'wizard: columns');
    await page.screenshot({ path: `${DIR}/kpis-wizard-columns.png` });
  }
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('heading', { name: 'Date format' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Opened at/ })).toContainText('ISO 8601');
  // Next is refused until the format is confirmed.
  await expect(dialog.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
  await expect(dialog.getByText('Confirm the date format first.')).toBeVisible();
  if (check) await axe(page, 'wizard: dates');
  await dialog.getByLabel('These dates read correctly').check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('heading', { name: 'Preview' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /INC0000001/ })).toBeVisible();
  if (check) {
    await axe(page, 'wizard: preview');
    await page.screenshot({ path: `${DIR}/kpis-wizard-preview.png` });
  }
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('button', { name: 'Start import' })).toBeVisible();
  if (check) await axe(page, 'wizard: import');
  test.info().annotations.push({ type: 'timing', description: `wizard ready for ${name}: ${Date.now() - t0} ms` });
}

test('import tickets through the wizard: cancel writes nothing, a completed import changes the tiles', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const big = serviceNowLog(40_000, 7);
  const file = serviceNowLog(9_000, 42);
  expect(file.rows).toBeGreaterThan(20_000);
  expect(file.rows).toBeLessThan(40_000);
  await openSampleFromFirstRun(page);
  await goTo(page, 'KPIs');
  await expect(page.getByRole('heading', { name: 'Service KPIs in Q3 FY2026' })).toBeVisible();
  await axe(page, 'KPIs');
  const before = {
    resolved: await tileValue(page, 'Tickets resolved'),
    backlog: await tileValue(page, 'Open backlog at period end'),
    mttr: await tileValue(page, 'Mean time to resolve'),
  };
  expect(await ticketImportCount(page)).toBe(0);

  // 1. Cancel (a bigger file, so the import is surely still running when Cancel is pressed).
  await walkWizard(page, 'incidents-big.csv', big.csv, false);
  const dialog = page.getByRole('dialog', { name: 'Import tickets' });
  await dialog.getByRole('button', { name: 'Start import' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByText('Import cancelled. Nothing was saved.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.waitForTimeout(500);
  expect(await ticketImportCount(page)).toBe(0);
  expect(await tileValue(page, 'Tickets resolved')).toBe(before.resolved);
  expect(await tileValue(page, 'Open backlog at period end')).toBe(before.backlog);
  expect(await tileValue(page, 'Mean time to resolve')).toBe(before.mttr);

  // 2. Complete, with progress seen on the way.
  await walkWizard(page, 'incidents-q3.csv', file.csv, true);
  const seen: string[] = [];
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await expect(bar).toBeVisible();
  seen.push((await bar.getAttribute('aria-valuetext')) ?? '');
  await expect(dialog.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 60_000 });
  expect(seen[0]).toMatch(/rows|Saving/);
  const summary = dialog.getByRole('status').filter({ hasText: 'Rows read' });
  await expect(summary).toContainText(file.rows.toLocaleString('en-US'));
  await expect(summary).toContainText(file.tickets.length.toLocaleString('en-US'));
  await axe(page, 'wizard: summary');
  await page.screenshot({ path: `${DIR}/kpis-wizard-summary.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const q3 = computeTicketKpis(file.tickets, { period: 'quarter', fiscalStartMonth: 1 }).periods.get('2026-Q3')!;
  const nf0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const nf1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  await expect(page.getByRole('listitem', { name: 'Tickets resolved', exact: true }).locator('.tile-value')).toHaveText(
    nf0.format(q3.tickets_resolved),
  );
  expect(await tileValue(page, 'Open backlog at period end')).toBe(nf0.format(q3.backlog));
  expect(await tileValue(page, 'Mean time to resolve')).toBe(`${nf1.format(q3.mttr_hours!)} h`);
  expect(await tileValue(page, 'Tickets resolved')).not.toBe(before.resolved);
  expect(await ticketImportCount(page)).toBe(1 + file.tickets.length);
  await expect(page.getByRole('region', { name: 'Ticket imports' })).toContainText('incidents-q3.csv');

  // The trend chart shows the new quarter value as a table too.
  const trend = page.getByRole('region', { name: 'Trend' });
  await trend.getByLabel('KPI').selectOption('tickets_resolved');
  await trend.getByRole('button', { name: 'View as table' }).click();
  await expect(trend.getByRole('row', { name: /Q3 FY2026/ })).toContainText(nf0.format(q3.tickets_resolved));
  await axe(page, 'KPIs after import');

  // Undo removes the import and brings the sample's values back.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('listitem', { name: 'Tickets resolved', exact: true }).locator('.tile-value')).toHaveText(
    before.resolved,
  );
  expect(await ticketImportCount(page)).toBe(0);
});

test('the decimal separator can be forced in the wizard and the preview re-reads the file', async ({ page }) => {
  // Semicolons and a decimal comma: "1.000" is one thousand there, but Auto reads a point first.
  const csv = [
    'Number;Opened;Resolved;Reopen count',
    'INC1;2026-07-06 09:00:00;2026-07-06 11:00:00;0',
    'INC2;2026-07-07 09:00:00;2026-07-07 12:00:00;1,0',
    'INC3;2026-07-08 09:00:00;2026-07-08 10:00:00;1.000',
  ].join('\r\n');
  await openSampleFromFirstRun(page);
  await goTo(page, 'KPIs');
  await page.getByRole('button', { name: 'Import tickets…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import tickets' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'semicolons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const decimal = dialog.getByLabel('Decimal separator');
  await expect(decimal.locator('option:checked')).toHaveText('Detect (Comma)');
  await expect(dialog.getByLabel('Delimiter').locator('option:checked')).toHaveText('Detect (Semicolon)');
  await axe(page, 'wizard: columns with the decimal separator');
  await page.screenshot({ path: `${DIR}/kpis-wizard-decimal.png` });

  const toPreview = async () => {
    await expect(dialog.getByText('Reading the first rows…')).toBeHidden();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByLabel('These dates read correctly').check();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect(dialog.getByRole('heading', { name: 'Preview' })).toBeVisible();
  };
  const backToColumns = async () => {
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.getByRole('button', { name: 'Back' }).click();
  };
  const reopens = (id: string) =>
    dialog
      .getByRole('row', { name: new RegExp(id) })
      .getByRole('cell')
      .last();

  await toPreview();
  await expect(reopens('INC3')).toHaveText('1');

  // Comma, chosen with the keyboard: 1.000 becomes one thousand.
  await backToColumns();
  await decimal.focus();
  await expect(decimal).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(decimal.locator('option:checked')).toHaveText('Comma (1,5)');
  await toPreview();
  await expect(reopens('INC3')).toHaveText('1,000');
  await expect(dialog.getByText('None in the rows read.')).toBeVisible();

  // Point: the "1,0" row is refused with the reason.
  await backToColumns();
  await decimal.selectOption('.');
  await toPreview();
  await expect(reopens('INC3')).toHaveText('1');
  await expect(dialog.getByRole('row', { name: /INC2/ })).toHaveCount(0);
  const errors = dialog.getByRole('table', { name: /Rows that will not be imported/ });
  await expect(errors.getByRole('row', { name: /^3 / })).toContainText(
    '"1,0" reads as a number only with a decimal comma (","), but the decimal separator is set to point (".")',
  );
  await axe(page, 'wizard: preview with a forced decimal point');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await ticketImportCount(page)).toBe(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`KPI screen screenshots (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openSampleFromFirstRun(page);
    await goTo(page, 'KPIs');
    await expect(page.getByRole('heading', { name: 'Service KPIs in Q3 FY2026' })).toBeVisible();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${DIR}/${scheme}-kpis-screen.png`, fullPage: true });
    await axe(page, `KPIs ${scheme}`);
    await page.getByRole('button', { name: 'Add a KPI…' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a KPI' })).toBeVisible();
    await axe(page, `KPI dialog ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-kpis-add-dialog.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Import tickets…' }).click();
    await expect(page.getByRole('dialog', { name: 'Import tickets' })).toBeVisible();
    await axe(page, `wizard ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-kpis-wizard-file.png` });
    // Escape closes the wizard and returns focus to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Import tickets' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Import tickets…' })).toBeFocused();
  });
}
