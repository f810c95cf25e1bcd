/**
 * Roadmap list and details in the DOM: every filter narrows the list, the details show the cost
 * per quarter, the decision and dependency warnings, the move buttons move the item (one undo step
 * each), Escape closes the details and gives focus back; Now / Next / Later groups by the quarter
 * in focus.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderRoadmap } from './render-roadmap';

const rowTitles = () =>
  screen
    .getAllByRole('rowheader')
    .map((h) => h.querySelector('button')?.textContent ?? '')
    .filter((t) => t !== '');

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  location.hash = '';
});

describe('roadmap list', () => {
  it.each<[string, string, string, string[]]>([
    ['Domain', 'data', 'Data', ['Backup refresh']],
    ['Bucket', 'transform', 'Transform', ['Cloud migration']],
    ['Status', 'approved', 'Approved', ['Backup refresh']],
    ['Health', 'amber', 'Amber', ['Cloud migration']],
    ['Decision', 'yes', 'Needs a decision', ['Backup refresh']],
    ['Decision', 'no', 'No decision needed', ['Cloud migration']],
  ])('the %s filter (%s) narrows the list', async (label, value, _text, titles) => {
    await renderRoadmap('#/roadmap');
    await screen.findByRole('button', { name: 'Cloud migration' });
    expect(rowTitles()).toEqual(['Backup refresh', 'Cloud migration']);
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    expect(rowTitles()).toEqual(titles);
    expect(screen.getByText(`Showing ${titles.length} of 2`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters (1)' }));
    expect(rowTitles()).toHaveLength(2);
  });

  it('the owner filter lists the parties and narrows by owner', async () => {
    await renderRoadmap('#/roadmap');
    await screen.findByRole('button', { name: 'Cloud migration' });
    const owner = screen.getByLabelText('Owner') as HTMLSelectElement;
    const partner = [...owner.options].find((o) => o.textContent !== 'All' && !/Internal/.test(o.textContent ?? ''));
    fireEvent.change(owner, { target: { value: partner?.value } });
    expect(rowTitles()).toEqual(['Backup refresh']);
  });

  it('details: cost per quarter, decision, dependency warning; move buttons; Escape returns focus', async () => {
    const { db, services } = await renderRoadmap('#/roadmap');
    const title = await screen.findByRole('button', { name: 'Backup refresh' });
    fireEvent.click(title);
    const details = await screen.findByRole('complementary', { name: 'Backup refresh' });
    expect(title.getAttribute('aria-expanded')).toBe('true');
    // 500.00 a month Jan–Mar 2026 = Q3 FY2026 (July fiscal start): 1,500.00; no other quarter.
    const costRows = within(details)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(costRows).toEqual(['QuarterCapexOpexTotal', 'Q3 FY2026—$1,500$1,500', 'Lifetime$0$1,500$1,500']);
    expect(details.textContent).toContain('Tape or cloud object storage?');
    expect(details.textContent).toContain('Recommended: Cloud object storage');
    // It starts (Jan 2026) before Cloud migration (which it depends on) ends (Aug 2026).
    expect(within(details).getByText(/starts 2026-01, before "Cloud migration" ends 2026-08/)).toBeTruthy();

    fireEvent.click(within(details).getByRole('button', { name: 'Move “Backup refresh” 1 quarter later' }));
    await waitFor(async () => expect((await db.rows('roadmapItems').get('backup'))?.startMonth).toBe('2026-04'));
    fireEvent.click(within(details).getByRole('button', { name: 'Move “Backup refresh” 1 month earlier' }));
    await waitFor(async () => expect((await db.rows('roadmapItems').get('backup'))?.startMonth).toBe('2026-03'));
    expect(services.history.getSnapshot().undoLabel).toBe('Move “Backup refresh” 1 month earlier');
    await act(async () => {
      await services.history.undo(db);
    });
    expect((await db.rows('roadmapItems').get('backup'))?.startMonth).toBe('2026-04');

    fireEvent.keyDown(within(details).getByRole('button', { name: /1 quarter later/ }), { key: 'Escape' });
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Backup refresh' }));
  });

  it('Now / Next / Later groups by the quarter in focus (Q3 FY2026 = Jan–Mar 2026)', async () => {
    await renderRoadmap('#/roadmap/horizons');
    // Backup refresh starts Jan 2026 → Now; Cloud migration starts May 2026 (Q4 FY2026) → Next.
    const now = await screen.findByRole('region', { name: /^Now/ });
    const next = screen.getByRole('region', { name: /^Next/ });
    const later = screen.getByRole('region', { name: /^Later/ });
    expect(
      within(now)
        .getAllByRole('listitem')
        .map((l) => l.querySelector('button')?.textContent),
    ).toEqual(['Backup refresh']);
    expect(
      within(next)
        .getAllByRole('listitem')
        .map((l) => l.querySelector('button')?.textContent),
    ).toEqual(['Cloud migration']);
    expect(within(later).queryAllByRole('listitem')).toHaveLength(0);
    expect(within(next).getByText('Starting Q4 FY2026 – Q1 FY2027')).toBeTruthy();
  });

  it('the view follows the address: the tabs switch it and arrow keys move between tabs', async () => {
    await renderRoadmap('#/roadmap');
    const list = await screen.findByRole('tab', { name: 'List' });
    expect(list.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    await waitFor(() => expect(location.hash).toBe('#/roadmap/timeline'));
    expect(screen.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Timeline' }));
    expect(await screen.findByRole('button', { name: /^Cloud migration: / })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Timeline' }), { key: 'End' });
    await waitFor(() => expect(location.hash).toBe('#/roadmap/horizons'));
  });
});
