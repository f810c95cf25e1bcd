/**
 * Roadmap Skill load panel in Chromium on the sample workspace: "Plant network segmentation
 * (OT/IT)" (May 2026 – Mar 2027, network engineering 60 and SIEM / SOC 10 person-days) is moved
 * one quarter later by keyboard; the four cells the shared skillLoad says change (both areas, Q2
 * and Q3 FY2026) show the new figures and are marked, every other cell stays; undo puts them back.
 * axe (WCAG 2.2 AA) with the panel visible, light and dark screenshots for review.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseBackup } from '../../shared/backup/format';
import { reschedule } from '../../shared/domain/roadmap/costs';
import { skillLoad, skillLoadChanges, type SkillLoad } from '../../shared/domain/roadmap/skill-load';
import { goTo, openSampleFromFirstRun } from './helpers';

const DIR = process.env.SCREENS_DIR ?? 'test-results/screens';
// The quarter in focus is then Q3 FY2026 (see roadmap.spec.ts), so the panel shows FY2026.
const NOW = new Date('2026-11-27T10:00:00Z');
const FY = 2026;
const TITLE = 'Plant network segmentation (OT/IT)';

const parsed = parseBackup(readFileSync('resources/sample-workspace.json', 'utf8'));
if (!parsed.ok) throw new Error(`sample does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
const sample = parsed.data;
const item = sample.tables.roadmapItems.find((i) => i.title === TITLE);
if (!item) throw new Error(`the sample has no "${TITLE}" item`);
const input = {
  fiscalStartMonth: sample.workspace.fiscalYearStartMonth,
  items: sample.tables.roadmapItems,
  areas: sample.tables.skillAreas,
  people: sample.tables.people,
};
const before = skillLoad(input, FY);
const after = skillLoad({ ...input, items: input.items.map((i) => (i.id === item.id ? reschedule(i, 3) : i)) }, FY);
const changes = skillLoadChanges(before, after);

const days = (d: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(d);
const areaName = (id: string) => sample.tables.skillAreas.find((a) => a.id === id)?.name ?? id;

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

const panel = (page: Page): Locator => page.getByRole('region', { name: 'Skill load' });
/** The cell of an area (by name) and quarter column (0–3) of the skill load table. */
const cell = (page: Page, area: string, q: number): Locator =>
  panel(page)
    .locator('tbody tr')
    .filter({ has: page.locator('.sl-area', { hasText: new RegExp(`^${area.replace(/[()/]/g, '\\$&')}$`) }) })
    .locator('td')
    .nth(q);
const cellText = (load: SkillLoad, areaId: string, q: number): string => {
  const c = load.rows.find((r) => r.areaId === areaId)?.cells[q];
  if (!c) throw new Error(`no cell ${areaId} ${q}`);
  return `${days(c.neededDays)} of ${days(c.capacityDays)} person-days`;
};

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('the expected cells: the move changes network engineering and SIEM / SOC in Q2 and Q3 only', () => {
  // Hand-worked: 11 months, so 60 / 11 network days a month. May, Jun (Q2) leave the year's Q2;
  // Q3 keeps Aug, Sep but loses Jul; Q4 keeps its three months. SIEM the same with 10 / 11.
  const net = 60 / 11;
  const siem = 10 / 11;
  const by = (key: string) => changes.filter((c) => c.areaId.endsWith(`:area:${key}`));
  expect(changes).toHaveLength(4);
  expect(by('network-engineering').map((c) => [c.quarter, c.before - c.after])).toEqual([
    ['2026-Q2', expect.closeTo(2 * net, 9)],
    ['2026-Q3', expect.closeTo(net, 9)],
  ]);
  expect(by('siem-soc').map((c) => [c.quarter, c.before - c.after])).toEqual([
    ['2026-Q2', expect.closeTo(2 * siem, 9)],
    ['2026-Q3', expect.closeTo(siem, 9)],
  ]);
});

test('keyboard-move the item a quarter later: exactly the expected cells change, undo restores them', async ({
  page,
}) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Roadmap');
  await expect(panel(page)).toContainText(`Person-days the roadmap needs per skill area and quarter of FY${FY}`);
  for (const c of changes) {
    const q = before.quarters.indexOf(c.quarter);
    await expect(cell(page, areaName(c.areaId), q)).toContainText(cellText(before, c.areaId, q));
  }

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const bar = page.getByRole('button', { name: new RegExp(`^${TITLE.replace(/[()/]/g, '\\$&')}: `) });
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  await page.getByRole('tab', { name: 'Timeline' }).focus();
  for (let i = 0; i < 30 && !(await focusedName()).includes(': '); i++) await page.keyboard.press('Tab');
  for (let i = 0; i < 40 && !(await focusedName()).startsWith(`${TITLE}:`); i++) await page.keyboard.press('ArrowDown');
  await expect(bar).toBeFocused();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(bar).toHaveAccessibleName(/Aug 2026 – Jun 2027\./);

  // The changed cells show the new figures and the change; no other cell is marked.
  for (const c of changes) {
    const q = after.quarters.indexOf(c.quarter);
    const target = cell(page, areaName(c.areaId), q);
    await expect(target).toContainText(cellText(after, c.areaId, q));
    await expect(target).toContainText(`▼ −${days(c.before - c.after)} d by the last move`);
  }
  await expect(panel(page).locator('td.sl-changed')).toHaveCount(changes.length);
  // Q4 keeps its three months of the item: unchanged.
  const net = sample.tables.skillAreas.find((a) => a.key === 'network-engineering');
  if (!net) throw new Error('no network engineering area');
  await expect(cell(page, net.name, 3)).toContainText(cellText(before, net.id, 3));
  await page.screenshot({ path: `${DIR}/light-roadmap-skill-load-moved.png`, fullPage: true });

  await page.keyboard.press('Control+z');
  await expect(bar).toHaveAccessibleName(/May 2026 – Mar 2027\./);
  for (const c of changes) {
    const q = before.quarters.indexOf(c.quarter);
    await expect(cell(page, areaName(c.areaId), q)).toContainText(cellText(before, c.areaId, q));
  }
  await expect(panel(page).locator('td.sl-changed')).toHaveCount(0);
});

test('the table can be hidden and shown again by keyboard', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Roadmap');
  const toggle = panel(page).getByRole('button', { name: 'Hide table' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('table')).toBeHidden();
  await expect(panel(page).getByRole('button', { name: 'Show table' })).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('table')).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    test.describe.configure({ timeout: 180_000 });

    test(`axe with the skill load panel after a move; screenshot (${scheme})`, async ({ page }) => {
      await openSampleFromFirstRun(page);
      await goTo(page, 'Roadmap');
      await page.getByRole('tab', { name: 'Timeline' }).click();
      await page.getByRole('button', { name: new RegExp(`^${TITLE.replace(/[()/]/g, '\\$&')}: `) }).focus();
      await page.keyboard.press('Shift+ArrowRight');
      await expect(panel(page).locator('td.sl-changed')).toHaveCount(changes.length);
      await axeCheck(page, `${scheme} skill load`);
      await panel(page).screenshot({ path: `${DIR}/${scheme}-roadmap-skill-load.png` });
      await page.screenshot({ path: `${DIR}/${scheme}-roadmap-with-skill-load.png` });
    });
  });
}
