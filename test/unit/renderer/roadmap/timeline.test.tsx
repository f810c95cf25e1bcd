/**
 * Roadmap timeline in the DOM: keyboard moves (← / → a month, Shift a quarter, ↑ / ↓ between
 * bars), a pointer drag snapped to months, one undo step per move, the live-region sentence and the
 * Budget impact panel with hand-worked figures; read-only workspaces move nothing.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { MONTH_PX } from '../../../../renderer/src/features/roadmap/roadmap-timeline';
import { renderRoadmap } from './render-roadmap';

const setup = (readOnlyReason: string | null = null) => renderRoadmap('#/roadmap/timeline', readOnlyReason);

const start = async (db: QuarterdeckDb, id: string) => (await db.rows('roadmapItems').get(id))?.startMonth;
const bar = (name: string) => screen.findByRole('button', { name: new RegExp(`^${name}: `) });
const figure = (term: string) => {
  const dt = within(screen.getByRole('region', { name: 'Budget impact' })).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
};
const liveText = () =>
  screen
    .getAllByRole('status')
    .map((e) => e.textContent ?? '')
    .find((t) => t.startsWith('Moved'));

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

describe('timeline keyboard moves', () => {
  it('→ moves a month, Shift+→ a quarter; each is one undo step; the live region and the panel say what changed', async () => {
    const { db, services } = await setup();
    const cloud = await bar('Cloud migration');
    expect(cloud.getAttribute('aria-label')).toContain('May 2026 – Aug 2026. In progress, health Amber.');
    // FY2026: Cloud migration's 10,000.00 (May 2026) + Backup refresh's 3 × 500.00 = 11,500.00.
    expect(figure('FY2026 forecast')).toBe('$11,500');
    expect(figure('FY2027 forecast')).toBe('$0');

    cloud.focus();
    fireEvent.keyDown(cloud, { key: 'ArrowRight' });
    await waitFor(async () => expect(await start(db, 'cloud')).toBe('2026-06'));
    expect(services.history.getSnapshot().undoLabel).toBe('Move “Cloud migration” 1 month later');
    // June is still FY2026: nothing moves between the years.
    await waitFor(() =>
      expect(liveText()).toBe(
        'Moved “Cloud migration” 1 month later: now Jun 2026 – Sep 2026. FY2026 forecast unchanged; FY2027 forecast unchanged.',
      ),
    );

    fireEvent.keyDown(cloud, { key: 'ArrowRight', shiftKey: true });
    await waitFor(async () => expect(await start(db, 'cloud')).toBe('2026-09'));
    const moved = await db.rows('roadmapItems').get('cloud');
    expect([moved?.endMonth, moved?.baselineStartMonth]).toEqual(['2026-12', '2026-05']);
    expect(services.history.getSnapshot().undoLabel).toBe('Move “Cloud migration” 3 months later');
    // September 2026 is FY2027: the 10,000.00 capex leaves FY2026 and lands in FY2027.
    await waitFor(() =>
      expect(liveText()).toBe(
        'Moved “Cloud migration” 3 months later: now Sep 2026 – Dec 2026. FY2026 forecast down $10,000; FY2027 forecast up $10,000.',
      ),
    );
    await waitFor(() => expect(figure('FY2027 forecast')).toBe('$10,000'));
    expect(figure('FY2026 forecast')).toBe('$1,500');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Cloud migration: Sep 2026 – Dec 2026\./);

    // One undo = one move.
    await act(async () => {
      await services.history.undo(db);
    });
    expect(await start(db, 'cloud')).toBe('2026-06');
    await waitFor(() => expect(figure('FY2026 forecast')).toBe('$11,500'));
    await act(async () => {
      await services.history.undo(db);
    });
    expect(await start(db, 'cloud')).toBe('2026-05');
  });

  it('← and Shift+← move earlier; ↑ / ↓ move focus between bars without moving anything', async () => {
    const { db } = await setup();
    const cloud = await bar('Cloud migration');
    cloud.focus();
    fireEvent.keyDown(cloud, { key: 'ArrowDown' });
    const backup = await bar('Backup refresh');
    expect(document.activeElement).toBe(backup);
    expect(backup.getAttribute('tabindex')).toBe('0');
    expect(cloud.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(backup, { key: 'ArrowLeft', shiftKey: true });
    await waitFor(async () => expect(await start(db, 'backup')).toBe('2025-10'));
    fireEvent.keyDown(backup, { key: 'ArrowLeft' });
    await waitFor(async () => expect(await start(db, 'backup')).toBe('2025-09'));
    fireEvent.keyDown(backup, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cloud);
    expect(await start(db, 'cloud')).toBe('2026-05');
  });

  it('quick key presses queue up: three → presses move three months, three undo steps', async () => {
    const { db, services } = await setup();
    const cloud = await bar('Cloud migration');
    cloud.focus();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(cloud, { key: 'ArrowRight' });
    await waitFor(async () => expect(await start(db, 'cloud')).toBe('2026-08'));
    for (const expected of ['2026-07', '2026-06', '2026-05']) {
      await act(async () => {
        await services.history.undo(db);
      });
      expect(await start(db, 'cloud')).toBe(expected);
    }
  });

  it('a read-only workspace moves nothing', async () => {
    const { db, services } = await setup('This database was written by a newer version.');
    const cloud = await bar('Cloud migration');
    cloud.focus();
    fireEvent.keyDown(cloud, { key: 'ArrowRight' });
    fireEvent.pointerDown(cloud, { clientX: 100, pointerId: 1, button: 0, isPrimary: true });
    fireEvent.pointerMove(cloud, { clientX: 100 + 3 * MONTH_PX, pointerId: 1 });
    fireEvent.pointerUp(cloud, { clientX: 100 + 3 * MONTH_PX, pointerId: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await start(db, 'cloud')).toBe('2026-05');
    expect(services.history.getSnapshot().undoLabel).toBeNull();
  });
});

describe('timeline drag', () => {
  it('snaps a drag to whole months: 2.4 months right → 2 months later, one undo step', async () => {
    const { db, services } = await setup();
    const cloud = await bar('Cloud migration');
    // 2.4 × 30 px = 72 px → 2 months.
    fireEvent.pointerDown(cloud, { clientX: 200, pointerId: 7, button: 0, isPrimary: true });
    fireEvent.pointerMove(cloud, { clientX: 230, pointerId: 7 });
    fireEvent.pointerMove(cloud, { clientX: 200 + 2.4 * MONTH_PX, pointerId: 7 });
    expect(screen.getByText('Jul 2026 – Oct 2026 (2 months later)')).toBeTruthy();
    fireEvent.pointerUp(cloud, { clientX: 200 + 2.4 * MONTH_PX, pointerId: 7 });
    fireEvent.click(cloud);
    await waitFor(async () => expect(await start(db, 'cloud')).toBe('2026-07'));
    expect(services.history.getSnapshot().undoLabel).toBe('Move “Cloud migration” 2 months later');
    // The click that ends a drag does not open the details.
    expect(screen.queryByRole('complementary')).toBeNull();
    await act(async () => {
      await services.history.undo(db);
    });
    expect(await start(db, 'cloud')).toBe('2026-05');
  });

  it('a drag left by 1.6 months moves 2 months earlier; a 3-pixel wobble is a click that opens the details', async () => {
    const { db } = await setup();
    const cloud = await bar('Cloud migration');
    fireEvent.pointerDown(cloud, { clientX: 300, pointerId: 2, button: 0, isPrimary: true });
    fireEvent.pointerMove(cloud, { clientX: 300 - 1.6 * MONTH_PX, pointerId: 2 });
    fireEvent.pointerUp(cloud, { clientX: 300 - 1.6 * MONTH_PX, pointerId: 2 });
    await waitFor(async () => expect(await start(db, 'cloud')).toBe('2026-03'));

    const again = await bar('Cloud migration');
    fireEvent.pointerDown(again, { clientX: 300, pointerId: 3, button: 0, isPrimary: true });
    fireEvent.pointerMove(again, { clientX: 303, pointerId: 3 });
    fireEvent.pointerUp(again, { clientX: 303, pointerId: 3 });
    fireEvent.click(again);
    const details = await screen.findByRole('complementary', { name: 'Cloud migration' });
    expect(await start(db, 'cloud')).toBe('2026-03');
    // Its cost per quarter: the 10,000.00 capex in March 2026 = Q3 FY2026 (Jan–Mar).
    expect(within(details).getByRole('row', { name: /^Q3 FY2026/ }).textContent).toBe('Q3 FY2026$10,000—$10,000');
    // Escape during a drag cancels it.
    fireEvent.pointerDown(again, { clientX: 300, pointerId: 4, button: 0, isPrimary: true });
    fireEvent.pointerMove(again, { clientX: 300 + 5 * MONTH_PX, pointerId: 4 });
    fireEvent.keyDown(again, { key: 'Escape' });
    fireEvent.pointerUp(again, { clientX: 300 + 5 * MONTH_PX, pointerId: 4 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await start(db, 'cloud')).toBe('2026-03');
  });
});
