/**
 * Governance in Chromium: on the sample, give Internal IT and the partner both an "A" on Patching
 * by keyboard, see the accountability finding (who must own it) on Governance and the Dashboard,
 * undo and fix it by keyboard, see it clear; export the contract appendix PDF and the RACI CSV and
 * check their content (pdftotext, qpdf); axe WCAG 2.2 AA with every dialog open; screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cspEvents, goTo, openSampleFromFirstRun, recordCspEvents, watchPage } from './helpers';

const DIR = 'test-results/screens';
const OUT = 'test-results/governance';
const WHO_OWNS =
  'Choose one accountable party for Patching: Internal IT and Harborline Managed Services are both A; Internal IT should own it and the others become C or I.';

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** The letter cell of a lane and party (column order: lane, parties…, check). */
function cell(grid: Locator, lane: string, partyIndex: number): Locator {
  return grid
    .getByRole('row')
    .filter({ has: grid.page().getByRole('rowheader', { name: new RegExp(`^${lane}`) }) })
    .getByRole('gridcell')
    .nth(partyIndex);
}

test.beforeEach(async ({ page }) => {
  await recordCspEvents(page);
});

test('RACI by keyboard: collision flagged with who must own it, undo, fix, appendix PDF and CSV', async ({ page }) => {
  const watch = watchPage(page);
  mkdirSync(OUT, { recursive: true });
  await openSampleFromFirstRun(page);
  await goTo(page, 'Governance');
  const grid = page.getByRole('grid', { name: 'RACI matrix' });
  await expect(grid).toBeVisible();
  await expect(cell(grid, 'Patching', 0)).toContainText('R/A');
  await expect(cell(grid, 'Patching', 1)).toContainText('R');

  // Keyboard only from the first lane: down to Patching, right to the partner, type "a".
  await grid.getByRole('button', { name: 'Service desk L1' }).focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expect(cell(grid, 'Patching', 1)).toBeFocused();
  await page.keyboard.press('a');
  await expect(cell(grid, 'Patching', 1)).toContainText('R/A');
  const patchingRow = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Patching/ }) });
  await expect(patchingRow).toContainText('Accountability');
  await expect(patchingRow).toContainText(WHO_OWNS);
  await expect(page.getByRole('region', { name: 'Findings' })).toContainText(WHO_OWNS);
  await expect(page.getByRole('status').filter({ hasText: 'Patching, Harborline Managed Services: R/A.' })).toHaveCount(
    1,
  );

  // The Dashboard shows it too, with a link to the place to fix it.
  await goTo(page, 'Dashboard');
  const dashFindings = page.getByRole('region', { name: 'Plan findings' });
  await expect(dashFindings).toContainText(WHO_OWNS);
  await dashFindings.getByRole('link', { name: 'Fix Patching in the RACI matrix' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
  // The link lands on Patching's first letter cell.
  await expect(cell(grid, 'Patching', 0)).toBeFocused();

  // Ctrl+Z undoes the letter; Ctrl+Shift+Z brings it back.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+z');
  await expect(cell(grid, 'Patching', 1)).not.toContainText('A');
  await expect(patchingRow).not.toContainText('Accountability');
  await page.keyboard.press('Control+Shift+z');
  await expect(patchingRow).toContainText(WHO_OWNS);

  // Fix it by keyboard: typing "a" again takes the partner's A away.
  await expect(cell(grid, 'Patching', 1)).toBeFocused();
  await page.keyboard.press('a');
  await expect(cell(grid, 'Patching', 1).locator('.raci-letters')).toHaveText('R');
  await expect(patchingRow).toContainText('OK');
  await expect(page.getByRole('region', { name: 'Findings' })).not.toContainText('Patching');

  await goTo(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Plan findings' })).not.toContainText('Patching');

  // Contract appendix PDF: the fixed row is in it; the file is a valid PDF.
  await goTo(page, 'Governance');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export contract appendix (PDF)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(
    /^Northwind-Precision-Manufacturing-contract-appendix-\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const pdfPath = `${OUT}/contract-appendix.pdf`;
  await pdf.saveAs(pdfPath);
  execFileSync('qpdf', ['--check', pdfPath], { stdio: 'pipe' });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/Patching\s+R\/A\s+R\s+—\s+Partner patches servers/);
  expect(text).toContain('Responsibilities (RACI matrix)');
  expect(text).toContain('Escalation ladder');
  expect(text).toContain('Service level targets');
  // The sample's known Endpoint security collision is listed; the Patching one is gone.
  expect(text).not.toContain('Choose one accountable party for Patching');

  // RACI CSV through the same bridge: formula-safe text, the fixed row.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV (RACI matrix)' }).click(),
  ]);
  const csvPath = `${OUT}/raci.csv`;
  await csv.saveAs(csvPath);
  const csvText = readFileSync(csvPath, 'utf8');
  expect(csvText.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
    'Service lane,Internal IT,Harborline Managed Services,Northwind Operations,Split of responsibility',
  );
  expect(csvText).toContain(
    'Patching,R/A,R,,Partner patches servers and network devices; Internal IT patches endpoints and business applications.',
  );

  expect(await cspEvents(page)).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('heat map filters the register; lanes and ladder steps edit through dialogs', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Governance');
  const risks = page.getByRole('region', { name: 'Risk register' });
  // The sample's "Single network engineer" risk: likelihood 4, impact 4.
  const hot = risks.getByRole('button', { name: /^Likelihood 4, impact 4, score 16 \(high\): 1 risk$/ });
  await hot.click();
  await expect(hot).toHaveAttribute('aria-pressed', 'true');
  await expect(risks.getByRole('status')).toContainText('Showing 1 risk with likelihood 4 and impact 4');
  const register = risks.getByRole('table', { name: 'Risks in the register' });
  await expect(register.getByRole('rowheader')).toHaveCount(1);
  await expect(register.getByRole('rowheader').first()).toContainText('Single network engineer');
  await risks.getByRole('button', { name: 'Show all risks' }).click();
  // The sample's register: 9 risks, 8 of them not closed.
  await expect(register.getByRole('rowheader')).toHaveCount(8);

  // Rename a lane by keyboard: Enter on the lane name opens its dialog.
  const grid = page.getByRole('grid', { name: 'RACI matrix' });
  await grid.getByRole('button', { name: 'Cloud' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit service lane “Cloud”' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill('Cloud platforms');
  await dialog.getByRole('button', { name: 'Save lane' }).click();
  await expect(dialog).toBeHidden();
  await expect(grid.getByRole('button', { name: 'Cloud platforms' })).toBeFocused();
  // Alt+ArrowUp moves it above Network.
  await page.keyboard.press('Alt+ArrowUp');
  const order = () => grid.getByRole('rowheader').allInnerTexts();
  await expect
    .poll(async () => {
      const lanes = await order();
      return lanes.findIndex((l) => l.startsWith('Network')) - lanes.findIndex((l) => l.startsWith('Cloud platforms'));
    })
    .toBe(1);
  const lanes = await order();
  await expect(grid.getByRole('button', { name: 'Cloud platforms' })).toBeFocused();

  // Ctrl+Z inside a dialog stays there: the lane move behind it is not undone.
  await page.keyboard.press('Enter');
  const again = page.getByRole('dialog', { name: 'Edit service lane “Cloud platforms”' });
  await again.getByRole('button', { name: 'Move down' }).focus();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  await page.waitForTimeout(300);
  expect(await order()).toEqual(lanes);
  // Outside the dialog Ctrl+Z undoes the move.
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await order()).findIndex((l) => l.startsWith('Cloud platforms')))
    .toBe(lanes.findIndex((l) => l.startsWith('Network')));

  // A P1 step whose target is not later than the step before is flagged on the ladder.
  const esc = page.getByRole('region', { name: 'Escalation ladder' });
  await esc.getByRole('button', { name: 'Add step to P1' }).click();
  const stepDialog = page.getByRole('dialog', { name: 'Add a P1 escalation step' });
  await stepDialog.getByLabel('Contact role').fill('Chief information officer');
  await stepDialog.getByLabel('Respond within').fill('1');
  await stepDialog.getByLabel('Unit', { exact: true }).selectOption('h');
  await stepDialog.getByRole('button', { name: 'Add step' }).click();
  await expect(esc).toContainText(
    'P1 step 5 (Chief information officer, 1 h) is not later than step 4 (IT director, 2 h)',
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe with every dialog open and screenshots (${scheme})`, async ({ page }) => {
    // axe over the whole Governance page takes about half a minute on a shared 2-core machine.
    test.setTimeout(400_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openSampleFromFirstRun(page);
    await goTo(page, 'Governance');
    await expect(page.getByRole('grid', { name: 'RACI matrix' })).toBeVisible();
    await axeCheck(page, `governance ${scheme}`);
    await page.screenshot({ path: `${DIR}/${scheme}-governance.png` });
    await page.screenshot({ path: `${DIR}/${scheme}-governance-full.png`, fullPage: true });

    const dialogs: { open: () => Promise<void>; name: string | RegExp; shot?: string }[] = [
      { open: () => page.getByRole('button', { name: 'Add lane' }).click(), name: 'Add a service lane' },
      {
        open: () => page.getByRole('grid', { name: 'RACI matrix' }).getByRole('button', { name: 'Patching' }).click(),
        name: 'Edit service lane “Patching”',
        shot: 'lane-dialog',
      },
      { open: () => page.getByRole('button', { name: 'Add step to P2' }).click(), name: 'Add a P2 escalation step' },
      {
        open: () => page.getByRole('button', { name: 'Edit P1 targets for Harborline Managed Services' }).click(),
        name: 'P1 SLA targets for Harborline Managed Services',
      },
      { open: () => page.getByRole('button', { name: 'Add risk' }).click(), name: 'Add a risk', shot: 'risk-dialog' },
      { open: () => page.getByRole('button', { name: 'Log decision' }).click(), name: 'Log a decision' },
      { open: () => page.getByRole('button', { name: 'Add action' }).click(), name: 'Add an action' },
    ];
    for (const d of dialogs) {
      await d.open();
      const dialog = page.getByRole('dialog', { name: d.name });
      await expect(dialog).toBeVisible();
      await axeCheck(page, `${String(d.name)} (${scheme})`);
      if (d.shot) await page.screenshot({ path: `${DIR}/${scheme}-governance-${d.shot}.png` });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }

    // Errors inside a dialog are announced and pass axe as well.
    await page.getByRole('button', { name: 'Add risk' }).click();
    const riskDialog = page.getByRole('dialog', { name: 'Add a risk' });
    await riskDialog.getByRole('button', { name: 'Add risk' }).click();
    await expect(riskDialog).toContainText('Enter a short title for the risk.');
    await axeCheck(page, `risk dialog errors (${scheme})`);
    await page.keyboard.press('Escape');

    // The table alternatives of the heat map and the SLA chart.
    await page.getByRole('region', { name: 'Risk register' }).getByRole('button', { name: 'View as table' }).click();
    await page
      .getByRole('region', { name: 'SLA targets and attainment' })
      .getByRole('button', { name: 'View as table' })
      .click();
    await axeCheck(page, `table alternatives (${scheme})`);

    await goTo(page, 'Dashboard');
    await axeCheck(page, `dashboard ${scheme}`);
    const findings = page.getByRole('region', { name: 'Plan findings' });
    await findings.scrollIntoViewIfNeeded();
    await findings.screenshot({ path: `${DIR}/${scheme}-dashboard-findings.png` });
  });
}
