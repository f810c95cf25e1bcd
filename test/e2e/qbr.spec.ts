/**
 * QBR end to end in Chromium: open the sample, prepare the QBR of the quarter in focus (summary,
 * an attendee), switch to Executive, export and check the PDF with pdfinfo/pdftotext, close the
 * quarter, check it is read-only and that two exports of the closed quarter have identical text;
 * a keyboard-only export; axe with the dialogs open; light and dark screenshots.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { cspEvents, goTo, openSampleFromFirstRun, recordCspEvents } from './helpers';

const DIR = 'test-results/screens';
const SUMMARY = 'Service steady; ERP go-live on track for February (e2e check 7731).';

async function axeCheck(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

async function pdfOf(download: Download): Promise<{ bytes: Buffer; text: string; info: string }> {
  const bytes = readFileSync(await download.path());
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
  const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString('utf8');
  return { bytes, text, info };
}

async function exportDeck(page: Page): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Export deck (PDF)' }).click(),
  ]);
  return download;
}

/** Open the QBR of the quarter in focus, creating it from defaults when the quarter has none. */
async function openFocusQbr(page: Page): Promise<string> {
  await goTo(page, 'QBR');
  const prepare = page.getByRole('button', { name: /^Prepare the QBR for / });
  if (await prepare.isVisible()) await prepare.click();
  const meta = page.locator('#qbr-status-title + .panel-meta');
  await expect(meta).toContainText(/Q\d/);
  return (await meta.textContent()) ?? '';
}

test('prepare, export Executive, close the quarter, re-export identically (issue 7)', async ({ page }) => {
  test.setTimeout(360_000);
  await recordCspEvents(page);
  await openSampleFromFirstRun(page);
  await openFocusQbr(page);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  // Edit the summary and add an attendee from the partner.
  await page.getByRole('textbox', { name: 'Executive summary' }).fill(SUMMARY);
  const before = await page.getByLabel(/^Attendee \d+ name$/).count();
  await page.getByRole('button', { name: 'Add attendee' }).click();
  await page.getByLabel(`Attendee ${before + 1} name`).fill('Dana Whitfield');
  await page.getByLabel(`Attendee ${before + 1} role`).fill('Service delivery manager');

  // Executive preset turns Full-only sections off; Full turns them back on.
  const preset = page.getByLabel('Preset');
  await preset.selectOption('full');
  await expect(page.getByRole('checkbox', { name: 'Appendix' })).toBeChecked();
  await preset.selectOption('executive');
  await expect(page.getByRole('checkbox', { name: 'Appendix' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Decisions requested' })).toBeChecked();

  // Keyboard reorder of a section.
  const sectionLabels = () => page.locator('.qbr-row-section label').allTextContents();
  const order = await sectionLabels();
  const i = order.indexOf('Budget');
  await page.getByRole('button', { name: 'Move Budget up' }).focus();
  await page.keyboard.press('Enter');
  expect((await sectionLabels()).indexOf('Budget')).toBe(i - 1);

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

  // Preview, with the progress indicator while it builds.
  await page.getByRole('button', { name: 'Preview pages' }).click();
  await expect(page.getByRole('list', { name: 'Page preview' })).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('.deck-thumb-title').first()).toBeVisible();
  await expect(page.locator('.deck-thumb-title', { hasText: 'Decisions requested' })).toBeVisible();

  const draftDownload = await exportDeck(page);
  expect(draftDownload.suggestedFilename()).toMatch(/^Northwind-Precision-Manufacturing-QBR-\d{4}-Q\d\.pdf$/);
  await draftDownload.saveAs(`${DIR}/qbr-executive-draft.pdf`);
  const draft = await pdfOf(draftDownload);
  const pages = Number(/Pages:\s+(\d+)/.exec(draft.info)?.[1]);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(8);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(draft.info);
  expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 3);
  expect(draft.text).toContain('Decisions requested');
  expect(draft.text.replace(/\s+/g, ' ')).toContain('e2e check 7731');
  expect(draft.text).toContain('Dana Whitfield');
  // Charts are embedded as opaque RGB images (no soft masks: pdfkit would have split the alpha).
  const images = execFileSync('pdfimages', ['-list', '-'], { input: draft.bytes }).toString('utf8');
  const rows = images
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  expect(rows.length).toBeGreaterThan(0);
  expect(images).not.toMatch(/\bsmask\b/);
  for (const row of rows) expect(row.trim().split(/\s+/)[5], row).toBe('rgb');
  // The deck cut of Roboto is embedded (subset), as in the CLI.
  expect(execFileSync('pdffonts', ['-'], { input: draft.bytes }).toString('utf8')).toMatch(
    /\+Roboto-Regular\s+CID TrueType/,
  );

  await page.screenshot({ path: `${DIR}/light-qbr-editor.png` });
  await page.getByRole('list', { name: 'Page preview' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DIR}/light-qbr-preview.png` });
  await axeCheck(page, 'QBR editor with preview');

  // Close the quarter: a confirmation dialog (axe-checked), then read-only with the hash shown.
  await page.getByRole('button', { name: 'Close the quarter…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await axeCheck(page, 'close-the-quarter dialog');
  await page.screenshot({ path: `${DIR}/light-qbr-close-dialog.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Close the quarter…' })).toBeFocused();
  await page.getByRole('button', { name: 'Close the quarter…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close the quarter' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();

  await expect(page.getByText(/The fields are read-only/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Executive summary' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Executive summary' })).toHaveValue(SUMMARY);
  await expect(page.getByRole('button', { name: 'Add attendee' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByLabel('Snapshot SHA-256')).toHaveText(/^[0-9a-f]{64}$/);

  const first = await pdfOf(await exportDeck(page));
  const secondDownload = await exportDeck(page);
  await secondDownload.saveAs(`${DIR}/qbr-executive-closed.pdf`);
  const second = await pdfOf(secondDownload);
  expect(first.text).toContain('Closed quarter');
  expect(second.text).toBe(first.text);
  // The closed deck is the draft deck frozen: only the status lines (cover, footers) differ.
  const flat = (t: string) =>
    t
      .replace(/Draft · figures as of the data in the workspace/g, 'STATUS')
      .replace(/Closed [A-Z][a-z]{2} \d{1,2}, \d{4} · figures frozen in the quarter's snapshot/g, 'STATUS')
      .replace(/Closed quarter|Draft/g, 'STATUS')
      .replace(/\s+/g, ' ');
  expect(flat(second.text)).toBe(flat(draft.text));
  await axeCheck(page, 'closed QBR');
  await page.getByRole('heading', { level: 1, name: 'QBR' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DIR}/light-qbr-closed.png` });
  expect(await cspEvents(page)).toEqual([]);
});

test('keyboard-only export of the deck', async ({ page }) => {
  test.setTimeout(240_000);
  await openSampleFromFirstRun(page);
  await openFocusQbr(page);
  await page.getByRole('heading', { level: 1, name: 'QBR' }).click();
  // Tab through the page until the export button has focus, then press Enter: no mouse involved.
  let found = false;
  for (let n = 0; n < 400 && !found; n++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.textContent === 'Export deck (PDF)');
  }
  expect(found).toBe(true);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.keyboard.press('Enter'),
  ]);
  const pdf = await pdfOf(download);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.text).toContain('Decisions requested');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('QBR editor, preview and close dialog in dark, axe clean', async ({ page }) => {
    test.setTimeout(240_000);
    await openSampleFromFirstRun(page);
    await openFocusQbr(page);
    await page.getByRole('button', { name: 'Preview pages' }).click();
    await expect(page.getByRole('list', { name: 'Page preview' })).toBeVisible({ timeout: 120_000 });
    await page.screenshot({ path: `${DIR}/dark-qbr-editor.png` });
    await page.getByRole('list', { name: 'Page preview' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DIR}/dark-qbr-preview.png` });
    await axeCheck(page, 'QBR (dark)');
    await page.getByRole('button', { name: 'Close the quarter…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await axeCheck(page, 'close dialog (dark)');
    await page.screenshot({ path: `${DIR}/dark-qbr-close-dialog.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alertdialog')).toBeHidden();
  });
});
