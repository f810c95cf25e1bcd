/** Shared steps for the browser e2e specs. */
import { expect, type Page } from '@playwright/test';

export const SECTIONS = [
  { route: 'dashboard', name: 'Dashboard' },
  { route: 'roadmap', name: 'Roadmap' },
  { route: 'budget', name: 'Budget' },
  { route: 'staffing', name: 'Staffing & Sourcing' },
  { route: 'kpis', name: 'KPIs' },
  { route: 'governance', name: 'Governance' },
  { route: 'qbr', name: 'QBR' },
  { route: 'settings', name: 'Settings' },
] as const;

/** Collect CSP violations and console errors of a page for the whole test. */
export function watchPage(page: Page): { csp: string[]; errors: string[] } {
  const out = { csp: [] as string[], errors: [] as string[] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') out.errors.push(msg.text());
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) out.csp.push(msg.text());
  });
  page.on('pageerror', (err) => out.errors.push(String(err)));
  return out;
}

/** Install a listener for `securitypolicyviolation` that survives reloads. */
export async function recordCspEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

/** Violations seen by the in-page listener since the last load. */
export async function cspEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** First run → "Open the sample workspace" → the dashboard. */
export async function openSampleFromFirstRun(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: /Open the sample workspace/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** First run → "Start empty" with an organisation name. */
export async function startEmpty(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: /Start empty/ }).click();
  await page.getByLabel('Organisation name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** Go to a section through the navigation. */
export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
