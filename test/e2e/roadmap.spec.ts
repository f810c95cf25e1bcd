/**
 * Roadmap in Chromium on the sample workspace: "Cloud migration" moved one quarter later on the
 * timeline by dragging and, separately, by keyboard, with next fiscal year's forecast checked
 * against figures computed here from the sample file (shared budget functions, and the hand-worked
 * difference); one undo step per move; an item created by keyboard with a decision and its cost
 * per quarter; axe (WCAG 2.2 AA) on the list, timeline and Now / Next / Later views in light and
 * dark; screenshots for review.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseBackup } from '../../shared/backup/format';
import { multiYearPlan } from '../../shared/domain/budget/multi-year';
import { budgetSummary, type BudgetContext } from '../../shared/domain/budget/summary';
import { reschedule } from '../../shared/domain/roadmap/costs';
import { goTo, openSampleFromFirstRun } from './helpers';

// SCREENS_DIR lets a run keep its pictures apart while other runs clear test-results/.
const DIR = process.env.SCREENS_DIR ?? 'test-results/screens';
// A fixed clock: the quarter in focus (latest with KPI data, not after today) is then Q3 FY2026,
// so "this" fiscal year is FY2026 and "next" FY2027 whatever day the test runs.
const NOW = new Date('2026-11-27T10:00:00Z');
const FY = 2026;

const parsed = parseBackup(readFileSync('resources/sample-workspace.json', 'utf8'));
if (!parsed.ok) throw new Error(`sample does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
const sample = parsed.data;
const cloud = sample.tables.roadmapItems.find((i) => i.title === 'Cloud migration');
if (!cloud) throw new Error('the sample has no "Cloud migration" item');

function forecasts(items: BudgetContext['items']): { fy: number; next: number } {
  const ctx: BudgetContext = {
    fiscalStartMonth: sample.workspace.fiscalYearStartMonth,
    lines: sample.tables.budgetLines,
    items,
  };
  return { fy: budgetSummary(ctx, FY).year.forecast, next: multiYearPlan(ctx, FY + 1, 1)[0]?.plan ?? Number.NaN };
}
const before = forecasts(sample.tables.roadmapItems);
const after = forecasts(sample.tables.roadmapItems.map((i) => (i.id === cloud.id ? reschedule(i, 3) : i)));

const usd = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(minor / 100);

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

const figure = (page: Page, term: string): Locator =>
  page.getByRole('region', { name: 'Budget impact' }).locator(`dt:text-is("${term}") ~ dd`).first();
const lastMoveDeltas = (page: Page): Locator =>
  page.getByRole('region', { name: 'Budget impact' }).locator('dt:text-is("Last move") ~ dd').last();

async function openTimeline(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
}

const cloudBar = (page: Page): Locator => page.getByRole('button', { name: /^Cloud migration: / });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('the expected figures: moving Cloud migration a quarter later moves money out of FY2026, some into FY2027', () => {
  // Hand-worked from the sample (calendar fiscal year; amounts in cents). Linked FY2026 lines move
  // +3 months with the item; amounts already booked as actuals stay where they are.
  // FY2026 forecast loses the open months' linked money: Azure Oct–Dec 3 × 900,000 and the
  // migration waves of Nov and Dec 2 × 4,000,000 → −10,700,000 (−$107,000).
  // FY2027 (multi-year, planned amounts): gains those 10,700,000 (Jan–Mar 2027), and the item's own
  // recurring 9,000 a month for FY2027's baseline months now runs Apr 2027 – Mar 2028, of which
  // 9 months (8,100,000) fall in FY2027 instead of 12 (10,800,000) → +10,700,000 − 2,700,000 = +8,000,000.
  expect(after.fy - before.fy).toBe(-10_700_000);
  expect(after.next - before.next).toBe(8_000_000);
});

test('drag Cloud migration one quarter later on the timeline: next year’s forecast follows; undo restores it', async ({
  page,
}) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Roadmap');
  await expect(figure(page, `FY${FY} forecast`)).toHaveText(usd(before.fy));
  await expect(figure(page, `FY${FY + 1} forecast`)).toHaveText(usd(before.next));

  await openTimeline(page);
  const bar = cloudBar(page);
  await expect(bar).toHaveAccessibleName(/Apr 2026 – Jun 2027\. In progress, health Amber\./);
  const box = await bar.boundingBox();
  if (!box) throw new Error('no bar');
  // 30 px a month: 3 months = 90 px; a drag of 98 px still snaps to 3 months.
  const y = box.y + box.height / 2;
  const x = box.x + 20;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (const dx of [10, 30, 60, 80, 98]) await page.mouse.move(x + dx, y);
  await expect(page.getByText('Jul 2026 – Sep 2027 (3 months later)')).toBeVisible();
  await page.mouse.up();

  await expect(bar).toHaveAccessibleName(/Jul 2026 – Sep 2027\./);
  await expect(figure(page, `FY${FY + 1} forecast`)).toHaveText(usd(after.next));
  await expect(figure(page, `FY${FY} forecast`)).toHaveText(usd(after.fy));
  await expect(lastMoveDeltas(page)).toHaveText(`FY${FY} −$107,000FY${FY + 1} +$80,000`);
  await expect(page.getByRole('button', { name: 'Undo: Move “Cloud migration” 3 months later' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/light-roadmap-timeline-moved.png` });

  // The Budget screen reads the same rows.
  await goTo(page, 'Budget');
  await expect(page.getByRole('main')).toContainText(usd(after.fy));
  await goTo(page, 'Roadmap');

  // One undo step puts it back, and the forecasts with it.
  await page.getByRole('button', { name: 'Undo: Move “Cloud migration” 3 months later' }).click();
  await openTimeline(page);
  await expect(cloudBar(page)).toHaveAccessibleName(/Apr 2026 – Jun 2027\./);
  await expect(figure(page, `FY${FY + 1} forecast`)).toHaveText(usd(before.next));
  await expect(figure(page, `FY${FY} forecast`)).toHaveText(usd(before.fy));
});

test('keyboard-move Cloud migration a quarter later, then back month by month; each move is one undo step', async ({
  page,
}) => {
  await openSampleFromFirstRun(page);
  await goTo(page, 'Roadmap');
  await openTimeline(page);

  // The timeline is one Tab stop: Tab into it, then ↓ to the Cloud migration bar.
  const bar = cloudBar(page);
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  await page.getByRole('tab', { name: 'Timeline' }).focus();
  for (let i = 0; i < 30 && !(await focusedName()).includes(': '); i++) await page.keyboard.press('Tab');
  for (let i = 0; i < 40 && !(await focusedName()).startsWith('Cloud migration:'); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(bar).toBeFocused();

  await page.keyboard.press('Shift+ArrowRight');
  await expect(bar).toHaveAccessibleName(/Jul 2026 – Sep 2027\./);
  await expect(bar).toBeFocused();
  await expect(figure(page, `FY${FY + 1} forecast`)).toHaveText(usd(after.next));
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Cloud migration”' })).toHaveText(
    `Moved “Cloud migration” 3 months later: now Jul 2026 – Sep 2027. FY${FY} forecast down $107,000; FY${FY + 1} forecast up $80,000.`,
  );

  // Three single-month moves back: three undo steps, and the figures are the original ones.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAccessibleName(/Apr 2026 – Jun 2027\./);
  await expect(bar).toBeFocused();
  await expect(figure(page, `FY${FY + 1} forecast`)).toHaveText(usd(before.next));
  await expect(page.getByRole('button', { name: 'Undo: Move “Cloud migration” 1 month earlier' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(bar).toHaveAccessibleName(/May 2026 – Jul 2027\./);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(bar).toHaveAccessibleName(/Jul 2026 – Sep 2027\./);
  await expect(figure(page, `FY${FY + 1} forecast`)).toHaveText(usd(after.next));
});

test('create an item by keyboard with a decision; its details show the cost per quarter', async ({ page }) => {
  await openSampleFromFirstRun(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'New roadmap item' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New roadmap item' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Wi-Fi 7 access points');
  await dialog.getByLabel('Start month').fill('2026-11');
  await dialog.getByLabel('End month').fill('2027-04');
  await dialog.getByLabel(/^One-time capex/).focus();
  await page.keyboard.type('30000');
  await page.keyboard.press('Tab');
  await page.keyboard.type('500');
  await dialog.getByLabel('Needs a decision at the next QBR').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('What needs deciding')).toBeFocused();
  await page.keyboard.type('Buy outright or lease through Harborline?');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lease: keeps capex for the ERP upgrade');
  await page.screenshot({ path: `${DIR}/light-roadmap-item-dialog.png` });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /Wi-Fi 7 access points/ });
  await expect(row).toContainText('Decision needed');
  // 30,000 + 6 × 500 = 33,000.
  await expect(row).toContainText('$33,000');
  await row.getByRole('button', { name: 'Wi-Fi 7 access points', exact: true }).focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Wi-Fi 7 access points' });
  await expect(details).toContainText('Buy outright or lease through Harborline?');
  await expect(details).toContainText('Recommended: Lease: keeps capex for the ERP upgrade');
  // Per calendar quarter: Q4 FY2026 = 30,000 + Nov, Dec 2 × 500; Q1 FY2027 = 3 × 500; Q2 = Apr 500.
  const costs = details.getByRole('table');
  await expect(costs.getByRole('row', { name: /^Q4 FY2026/ })).toHaveText(/Q4 FY2026\$30,000\$1,000\$31,000/);
  await expect(costs.getByRole('row', { name: /^Q1 FY2027/ })).toHaveText(/Q1 FY2027—\$1,500\$1,500/);
  await expect(costs.getByRole('row', { name: /^Q2 FY2027/ })).toHaveText(/Q2 FY2027—\$500\$500/);
  await expect(costs.getByRole('row', { name: /^Lifetime/ })).toHaveText(/Lifetime\$30,000\$3,000\$33,000/);

  // The decision filter finds it.
  await page.getByLabel('Decision').selectOption('yes');
  await expect(page.getByRole('row', { name: /Wi-Fi 7 access points/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Cloud migration/ })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    // axe over a few hundred nodes is slow on a busy machine.
    test.describe.configure({ timeout: 180_000 });

    test(`axe on the list with an item's details; screenshot (${scheme})`, async ({ page }) => {
      await openSampleFromFirstRun(page);
      await goTo(page, 'Roadmap');
      await page.getByRole('button', { name: 'Cloud migration', exact: true }).click();
      await expect(page.getByRole('complementary', { name: 'Cloud migration' })).toBeVisible();
      await axeCheck(page, `${scheme} list`);
      await page.screenshot({ path: `${DIR}/${scheme}-roadmap-list.png` });
    });

    test(`axe on the timeline, by domain and by owner; screenshots (${scheme})`, async ({ page }) => {
      await openSampleFromFirstRun(page);
      await goTo(page, 'Roadmap');
      await openTimeline(page);
      await cloudBar(page).click();
      await expect(page.getByRole('complementary', { name: 'Cloud migration' })).toBeVisible();
      await axeCheck(page, `${scheme} timeline`);
      await page.screenshot({ path: `${DIR}/${scheme}-roadmap-timeline.png` });
      await page.getByRole('button', { name: /Close details/ }).click();
      await page.getByLabel('Swimlanes').selectOption('owner');
      await expect(page.getByRole('heading', { level: 3, name: /^Harborline/ })).toBeVisible();
      await axeCheck(page, `${scheme} timeline by owner`);
      await page.screenshot({ path: `${DIR}/${scheme}-roadmap-timeline-owner.png`, fullPage: true });
    });

    test(`axe on Now / Next / Later; screenshot (${scheme})`, async ({ page }) => {
      await openSampleFromFirstRun(page);
      await goTo(page, 'Roadmap');
      await page.getByRole('tab', { name: 'Now / Next / Later' }).click();
      await expect(page.getByRole('heading', { level: 3, name: /^Now/ })).toBeVisible();
      await axeCheck(page, `${scheme} now-next-later`);
      await page.screenshot({ path: `${DIR}/${scheme}-roadmap-horizons.png`, fullPage: true });
    });
  });
}
