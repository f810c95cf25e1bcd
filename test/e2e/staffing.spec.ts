/**
 * Staffing & Sourcing in Chromium, as a new user would (issue 4): open the sample, mark SIEM / SOC
 * as "co-manage" and cloud architecture as "hire", compare with all in-house — the sentence and the
 * NPV/total figures on screen equal the shared engine's on the sample JSON after the same edits,
 * and the CLI JSON agrees. A skill level edited by keyboard makes a single point of failure appear
 * and clear (and Ctrl+Z undoes); a scenario is duplicated and edited; axe finds nothing on every
 * tab and dialog; screenshots in light and dark go to test-results/screens/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseBackup } from '../../shared/backup/format';
import { compareScenarios, runScenario } from '../../shared/domain/scenarios/engine';
import { comparisonSentence } from '../../shared/domain/scenarios/summary';
import type { AreaPlan } from '../../shared/domain/staffing/schema';
import type { WorkspaceData } from '../../shared/domain/tables';
import { goTo, openSampleFromFirstRun, startEmpty, watchPage } from './helpers';

const DIR = process.env.SCREENS_DIR ?? 'test-results/screens';

function loadSample(): WorkspaceData {
  const parsed = parseBackup(readFileSync('resources/sample-workspace.json', 'utf8'));
  if (!parsed.ok) throw new Error(`sample does not parse: ${JSON.stringify(parsed.problems[0])}`);
  return parsed.data;
}

/** The sample with area plans changed by skill-area key, as the UI edits do. */
function withPlans(data: WorkspaceData, plans: Record<string, AreaPlan>): WorkspaceData {
  return {
    ...data,
    tables: {
      ...data.tables,
      skillAreas: data.tables.skillAreas.map((a) => (plans[a.key] ? { ...a, plan: plans[a.key] as AreaPlan } : a)),
    },
  };
}

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const whole = (minor: number) => usd.format(minor / 100);

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

async function openTab(page: Page, name: 'Team & skills' | 'Costs & partner' | 'Scenarios'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
}

/** The cells of one metric row of the side-by-side table, keyed by scenario column name. */
async function metricRow(page: Page, metric: string): Promise<Record<string, string>> {
  const table = page
    .getByRole('table', { name: 'Scenarios side by side' })
    .or(page.getByRole('region', { name: 'Scenarios side by side' }).getByRole('table'));
  const heads = await table.first().locator('thead th .sm-compare-name').allTextContents();
  const row = table.first().getByRole('row', { name: new RegExp(`^${metric}`) });
  const cells = await row.getByRole('cell').allTextContents();
  const out: Record<string, string> = {};
  heads.forEach((h, i) => (out[h] = (cells[i] ?? '').replace(/\s*Lowest$/, '').trim()));
  return out;
}

function sentenceLocator(page: Page): Locator {
  return page.getByTestId('comparison-sentence');
}

test.describe.configure({ timeout: 180_000 });

test('mark SIEM / SOC co-manage and cloud architecture hire: sentence, NPV and totals equal the engine and the CLI', async ({
  page,
}) => {
  const watched = watchPage(page);
  const sample = loadSample();
  await openSampleFromFirstRun(page);
  await goTo(page, 'Staffing & Sourcing');
  await expect(page.getByRole('tab', { name: /^Team & skills/ })).toHaveAttribute('aria-selected', 'true');

  // First move both plans away, so the test sees the numbers change both ways.
  const siem = page.getByRole('combobox', { name: 'Plan for SIEM / SOC', exact: true });
  const cloud = page.getByRole('combobox', { name: 'Plan for Cloud architecture', exact: true });
  await siem.selectOption({ label: 'Accept risk' });
  await cloud.selectOption({ label: 'Train' });
  await expect(siem).toHaveValue('accept');
  await expect(cloud).toHaveValue('train');
  const away = withPlans(sample, { 'siem-soc': 'accept', 'cloud-architecture': 'train' });
  const awaySentence = comparisonSentence(away, compareScenarios(away));
  await openTab(page, 'Scenarios');
  await expect(sentenceLocator(page)).toHaveText(awaySentence);
  expect(awaySentence).toContain('doing it in-house needs 2 hires');

  // The user's edits: SIEM / SOC co-manage, cloud architecture hire.
  await openTab(page, 'Team & skills');
  await siem.selectOption({ label: 'Co-manage' });
  await cloud.selectOption({ label: 'Hire' });
  await expect(siem).toHaveValue('co-manage');
  await expect(cloud).toHaveValue('hire');

  const edited = withPlans(sample, { 'siem-soc': 'co-manage', 'cloud-architecture': 'hire' });
  const cmp = compareScenarios(edited);
  const expectedSentence = comparisonSentence(edited, cmp);
  expect(cmp.problems).toEqual([]);
  const inHouse = cmp.scenarios.find((s) => s.kind === 'in-house');
  const coManaged = cmp.scenarios.find((s) => s.kind === 'co-managed');
  if (!inHouse || !coManaged) throw new Error('sample lacks an in-house or co-managed scenario');
  // Hand check of the hires behind the sentence: SIEM 4.867 − 1 → 4, NOC 4.867 − 3 → 2, cloud 1.156 − 1 → 1.
  expect(Object.fromEntries(inHouse.areas.filter((a) => a.hires > 0).map((a) => [a.key, a.hires]))).toEqual({
    'noc-monitoring': 2,
    'siem-soc': 4,
    'cloud-architecture': 1,
  });
  expect(expectedSentence).toContain('doing it in-house needs 7 hires');

  await openTab(page, 'Scenarios');
  await expect(sentenceLocator(page)).toHaveText(expectedSentence);

  const npv = await metricRow(page, 'NPV');
  const totals = await metricRow(page, 'Total cost over the horizon');
  expect(Object.keys(npv)).toEqual(cmp.scenarios.map((s) => s.name));
  for (const s of cmp.scenarios) {
    expect(npv[s.name], `NPV of ${s.name}`).toBe(whole(s.npv));
    expect(totals[s.name], `total of ${s.name}`).toBe(whole(s.cumulative[s.cumulative.length - 1] ?? 0));
  }
  // The saving in the sentence is the difference of the displayed totals.
  expect(expectedSentence).toContain(
    `saves ${whole((inHouse.cumulative[4] ?? 0) - (coManaged.cumulative[4] ?? 0))} over 5 years`,
  );

  // The CLI on the sample (whose plans are these) agrees, in major units to the cent.
  const cli = JSON.parse(
    execFileSync('npm', ['run', '-s', 'cli', '--', 'scenario', '--sample', '--json'], { encoding: 'utf8' }),
  ) as { scenarios: { name: string; npv: number; cumulative: number[]; hires: Record<string, number> }[] };
  expect(cli.scenarios.map((s) => s.name)).toEqual(cmp.scenarios.map((s) => s.name));
  for (const s of cmp.scenarios) {
    const c = cli.scenarios.find((x) => x.name === s.name);
    expect(c?.npv).toBeCloseTo(s.npv / 100, 2);
    expect(c?.cumulative.at(-1)).toBeCloseTo((s.cumulative.at(-1) ?? 0) / 100, 2);
    expect(c?.hires).toEqual(Object.fromEntries(s.areas.map((a) => [a.key, a.hires])));
  }

  // The charts are there, labelled, with their tables.
  await expect(page.getByRole('img', { name: /^Annual cost by scenario and component/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Cumulative cost by scenario\./ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Sensitivity: change in NPV/ })).toBeVisible();
  const annualFigure = page.locator('figure', { has: page.getByText('Annual cost by scenario and component') });
  await annualFigure.getByRole('button', { name: 'View as table' }).click();
  const y0 = inHouse.years[0];
  if (!y0) throw new Error('no year 0');
  await expect(
    annualFigure
      .getByRole('row', { name: new RegExp(`^${inHouse.name} · Y0`) })
      .getByRole('cell')
      .last(),
  ).toHaveText(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(y0.total / 100));

  expect(watched.errors).toEqual([]);
});

test('skills matrix by keyboard: a single point of failure appears and clears; Ctrl+Z undoes', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Staffing & Sourcing');
  const grid = page.getByRole('grid', { name: /^Skills matrix/ });
  const spof = page.getByRole('region', { name: /single points? of failure/ });
  await expect(spof).toBeVisible();
  await expect(spof.getByText('Project management', { exact: true })).toHaveCount(0);

  // Start on the first cell and walk there with the arrows: Daniel Okafor is row 2 (by name), and
  // project management is the 11th area.
  const heads = await grid.locator('thead .sm-col-name').allTextContents();
  const pmCol = heads.indexOf('Project management');
  expect(pmCol).toBe(10);
  await grid.getByRole('gridcell').first().focus();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < pmCol; i++) await page.keyboard.press('ArrowRight');
  const danielRow = grid.getByRole('row', { name: /^Daniel Okafor/ });
  const cell = danielRow.getByRole('gridcell').nth(pmCol);
  await expect(cell).toBeFocused();
  await expect(cell).toHaveText('2working');

  // Digit 1 → "learning": only Hannah Weiss is left at level 2+, minimum depth 2 → SPOF.
  await page.keyboard.press('1');
  await expect(cell).toHaveText('1learning');
  await expect(spof.getByText('Project management', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Daniel Okafor · Project management to 1' })).toBeVisible();
  await expect(cell).toBeFocused();

  // Ctrl+Z undoes the edit and the flag clears; focus stays on the cell.
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveText('2working');
  await expect(spof.getByText('Project management', { exact: true })).toHaveCount(0);
  await expect(cell).toBeFocused();

  // The picker: Enter opens it on the current level, ArrowUp highlights 1, Enter chooses.
  await page.keyboard.press('Enter');
  const picker = page.getByRole('listbox', { name: 'Proficiency of Daniel Okafor in Project management' });
  await expect(picker).toBeFocused();
  await axeCheck(page, 'matrix picker');
  await picker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DIR}/light-staffing-matrix-picker.png` });
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(cell).toHaveText('1learning');
  await expect(cell).toBeFocused();
  await expect(spof.getByText('Project management', { exact: true })).toBeVisible();

  // "+" steps back up to 2 and the flag clears; Escape in the picker changes nothing.
  await page.keyboard.press('+');
  await expect(cell).toHaveText('2working');
  await expect(spof.getByText('Project management', { exact: true })).toHaveCount(0);
  await page.keyboard.press('F2');
  await expect(picker).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(cell).toHaveText('2working');
  await expect(cell).toBeFocused();

  // The edit survives a reload (it is in IndexedDB, not in component state).
  await page.keyboard.press('-');
  await expect(cell).toHaveText('1learning');
  await page.reload();
  await expect(page.getByRole('grid', { name: /^Skills matrix/ })).toBeVisible();
  await expect(
    page
      .getByRole('grid', { name: /^Skills matrix/ })
      .getByRole('row', { name: /^Daniel Okafor/ })
      .getByRole('gridcell')
      .nth(pmCol),
  ).toHaveText('1learning');
});

test('duplicate a scenario and edit the copy: its NPV recomputes live and in the table', async ({ page }) => {
  const sample = loadSample();
  await openSampleFromFirstRun(page);
  await goTo(page, 'Staffing & Sourcing');
  await openTab(page, 'Scenarios');
  const source = sample.tables.scenarios.find((s) => s.kind === 'co-managed');
  if (!source) throw new Error('no co-managed scenario in the sample');
  await page.getByRole('button', { name: `Duplicate scenario ${source.name}` }).click();
  const copyName = `${source.name} (copy)`;
  const dialog = page.getByRole('dialog', { name: `Edit scenario ${copyName}` });
  await expect(dialog).toBeVisible();
  await axeCheck(page, 'scenario dialog');
  // Ctrl+Z on a non-text control inside the dialog must not undo the duplicate behind it.
  await dialog.getByLabel('Kind').focus();
  await page.keyboard.press('Control+z');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo: Duplicate scenario/ })).toBeVisible();

  // A what-if: 10 % discount rate and a 3-year horizon; the preview follows the fields.
  const whatIf = { ...source, discountRatePct: 10, horizonYears: 3 };
  const expected = runScenario(sample, whatIf);
  await dialog.getByLabel('Discount rate (%)').fill('10');
  await dialog.getByLabel('Horizon (years, 1–10)').fill('3');
  await expect(dialog.getByRole('status')).toContainText(`NPV${whole(expected.npv)}`);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toHaveCount(0);

  const npv = await metricRow(page, 'NPV');
  expect(npv[copyName]).toBe(whole(expected.npv));
  expect(npv[source.name]).toBe(whole(runScenario(sample, source).npv));
  // The sentence still compares the first co-managed scenario with all in-house.
  const cmp = compareScenarios(sample);
  await expect(sentenceLocator(page)).toHaveText(comparisonSentence(sample, cmp));
});

test('axe: zero WCAG 2.2 AA violations on every tab and dialog, light and dark; screenshots', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Staffing & Sourcing');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openTab(page, 'Team & skills');
    await axeCheck(page, `${scheme} team`);
    await page.screenshot({ path: `${DIR}/${scheme}-staffing-team.png`, fullPage: true });
    await openTab(page, 'Costs & partner');
    await axeCheck(page, `${scheme} costs`);
    await page.screenshot({ path: `${DIR}/${scheme}-staffing-costs.png`, fullPage: true });
    await openTab(page, 'Scenarios');
    await expect(page.getByRole('img', { name: /^Sensitivity/ })).toBeVisible();
    await axeCheck(page, `${scheme} scenarios`);
    await page.screenshot({ path: `${DIR}/${scheme}-staffing-scenarios.png`, fullPage: true });
  }

  // Every dialog (light), with focus trapped, Escape closing it and focus returning.
  await page.emulateMedia({ colorScheme: 'light' });
  const dialogs: {
    tab: 'Team & skills' | 'Costs & partner' | 'Scenarios';
    button: string | RegExp;
    name: string;
    shot: string;
  }[] = [
    { tab: 'Team & skills', button: 'Edit Daniel Okafor', name: 'Edit Daniel Okafor', shot: 'person' },
    { tab: 'Team & skills', button: 'Edit skill area SIEM / SOC', name: 'Edit skill area SIEM / SOC', shot: 'area' },
    {
      tab: 'Costs & partner',
      button: 'Edit cost profile Information Security Analyst',
      name: 'Edit cost profile Information Security Analyst',
      shot: 'profile',
    },
    {
      tab: 'Costs & partner',
      button: /^Edit contract Harborline co-managed/,
      name: 'Edit partner contract',
      shot: 'contract',
    },
    { tab: 'Scenarios', button: 'Edit scenario All in-house', name: 'Edit scenario All in-house', shot: 'scenario' },
  ];
  for (const d of dialogs) {
    await openTab(page, d.tab);
    const opener = page.getByRole('button', { name: d.button });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: d.name });
    await expect(dialog).toBeVisible();
    await axeCheck(page, `dialog ${d.shot}`);
    await page.screenshot({ path: `${DIR}/light-staffing-dialog-${d.shot}.png` });
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  }

  // A failed save names the field and keeps the dialog open.
  await openTab(page, 'Team & skills');
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const add = page.getByRole('dialog', { name: 'Add a person' });
  await add.getByLabel('FTE (0–1)').fill('1.5');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(add.getByText('FTE: must be at most 1.')).toBeVisible();
  await expect(add.getByLabel('Name or role label')).toBeFocused();
  await axeCheck(page, 'person dialog with errors');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${DIR}/dark-staffing-dialog-errors.png` });
});

test('empty workspace: each tab says what to do next; first person by keyboard; standard scenarios', async ({
  page,
}) => {
  await startEmpty(page, 'Contoso Ltd');
  await goTo(page, 'Staffing & Sourcing');
  await expect(page.getByText('No people in this workspace yet')).toBeVisible();
  // No flood of "single points of failure" before anyone is entered.
  await expect(page.getByRole('region', { name: /single points? of failure/ })).toHaveCount(0);
  await axeCheck(page, 'empty team');

  // Keyboard only: Tab to "Add the first person", fill the form, Enter.
  const add = page.getByRole('button', { name: 'Add the first person' });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog.getByLabel('Name or role label')).toBeFocused();
  await page.keyboard.type('Jo Park');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cloud engineer');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const grid = page.getByRole('grid', { name: /^Skills matrix/ });
  await expect(grid.getByRole('rowheader', { name: /^Jo Park/ })).toContainText('Cloud engineer · 0.5 FTE');
  await expect(grid.getByRole('gridcell')).toHaveCount(12);
  // Now the defaults' minimum depth of 2 flags every area until skills are entered.
  await expect(page.getByRole('heading', { name: '12 single points of failure' })).toBeVisible();

  await openTab(page, 'Costs & partner');
  await expect(page.getByText('No partner contract')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Information Security Analyst' })).toBeVisible();
  await axeCheck(page, 'empty costs');

  await openTab(page, 'Scenarios');
  await expect(page.getByText('No scenarios yet')).toBeVisible();
  await axeCheck(page, 'empty scenarios');
  await page.getByRole('button', { name: 'Add the standard scenarios' }).click();
  // Without a contract only the in-house scenario can be costed; the sentence explains what is missing.
  await expect(page.locator('thead .sm-compare-name')).toHaveText(['All in-house']);
  await expect(page.getByText('Add an in-house and a co-managed scenario')).toBeVisible();
  await axeCheck(page, 'in-house only');
});
