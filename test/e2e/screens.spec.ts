/**
 * Screenshots of every screen in light and dark (empty workspace, sample, the new-item dialog) to
 * test-results/screens/, for review by eye (QUALITY.md "Seeing what users see"). Asserts only that
 * each screen rendered its heading.
 */
import { expect, test, type Page } from '@playwright/test';
import { SECTIONS, goTo, openSampleFromFirstRun, startEmpty } from './helpers';

const DIR = 'test-results/screens';

async function shootAll(page: Page, prefix: string): Promise<void> {
  for (const s of SECTIONS) {
    await goTo(page, s.name);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${DIR}/${prefix}-${s.route}.png`, fullPage: false });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test(`first run and empty workspace (${scheme})`, async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: /Open the sample workspace/ })).toBeVisible();
      await page.screenshot({ path: `${DIR}/${scheme}-first-run.png` });
      await startEmpty(page, 'Contoso Ltd');
      await shootAll(page, `${scheme}-empty`);
    });

    test(`sample workspace (${scheme})`, async ({ page }) => {
      await openSampleFromFirstRun(page);
      await shootAll(page, `${scheme}-sample`);
      await goTo(page, 'Roadmap');
      await page.getByRole('button', { name: 'New roadmap item' }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.getByRole('button', { name: 'Create item' }).click();
      await page.screenshot({ path: `${DIR}/${scheme}-roadmap-dialog-errors.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Workspace:/ }).click();
      await page.screenshot({ path: `${DIR}/${scheme}-workspace-menu.png` });
    });
  });
}
