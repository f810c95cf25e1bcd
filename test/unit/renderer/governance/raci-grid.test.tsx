// The RACI grid on a real (fake-indexeddb) database: keyboard moves, letters, clear, undo, lane moves.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { raciCells, sortActivities, sortParties, validateRaci } from '../../../../shared/domain/governance/raci';
import { ServicesContext, useServices, type AppServices } from '../../../../renderer/src/app/services';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { createWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { RaciGrid } from '../../../../renderer/src/features/governance/raci-grid';
import { useUi } from '../../../../renderer/src/state/store';
import { makeFakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

function Harness({ workspaceId, onEditLane }: { workspaceId: string; onEditLane: (id: string) => void }) {
  const { db } = useServices();
  const data = useLiveQuery(async () => {
    const [acts, asg, parties] = await Promise.all([
      db.rows('raciActivities').where('workspaceId').equals(workspaceId).toArray(),
      db.rows('raciAssignments').where('workspaceId').equals(workspaceId).toArray(),
      db.rows('parties').where('workspaceId').equals(workspaceId).toArray(),
    ]);
    return { acts, asg, parties };
  }, [db, workspaceId]);
  if (!data) return null;
  const check = validateRaci(data.acts, data.asg, data.parties);
  return (
    <>
      <h2 id="raci-title">RACI matrix</h2>
      <RaciGrid
        lanes={sortActivities(data.acts)}
        parties={sortParties(data.parties)}
        cells={raciCells(data.asg)}
        issues={new Map(check.lanes.map((l) => [l.activityId, l.issues]))}
        onEditLane={onEditLane}
      />
    </>
  );
}

let db: QuarterdeckDb;
let services: AppServices;
let wsId: string;
let windowKeys: string[];
const onWindowKey = (e: KeyboardEvent) => windowKeys.push(e.key);

beforeEach(async () => {
  ({ db } = await makeTestDb());
  const ctx = testContext();
  const { workspace } = await createWorkspace(
    db,
    { name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 1, partnerName: 'Acme MSP' },
    ctx,
  );
  wsId = workspace.id;
  services = { db, bridge: makeFakeBridge(), history: new UndoHistory(), ctx, readOnlyReason: null, persisted: null };
  useUi.setState({ toasts: [] });
  windowKeys = [];
  window.addEventListener('keydown', onWindowKey);
});

afterEach(() => {
  window.removeEventListener('keydown', onWindowKey);
  cleanup();
  db.close();
});

async function renderGrid(s: AppServices = services, onEditLane = vi.fn()) {
  render(
    <ServicesContext.Provider value={s}>
      <Harness workspaceId={wsId} onEditLane={onEditLane} />
    </ServicesContext.Provider>,
  );
  const grid = await screen.findByRole('grid', { name: 'RACI matrix' });
  return { grid, onEditLane };
}

/** The focusable element of a lane's column (0 lane button, 1 Internal IT, 2 partner, 3 check). */
function cellOf(grid: HTMLElement, lane: string, col: number): HTMLElement {
  const row = within(grid)
    .getAllByRole('row')
    .find((r) => r.querySelector('th button')?.textContent === lane);
  const el = row?.querySelector<HTMLElement>(`[data-col="${col}"]`);
  if (!el) throw new Error(`no cell ${lane}/${col}`);
  return el;
}

const letters = (el: HTMLElement) => el.querySelector('.raci-letters')?.textContent ?? '';
const press = (key: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey'>> = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...mods });

describe('RACI grid keyboard model', () => {
  it('has one tab stop that follows focus, and arrows move it', async () => {
    const { grid } = await renderGrid();
    const stops = () => grid.querySelectorAll('[tabindex="0"]');
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(cellOf(grid, 'Service desk L1', 1));
    act(() => cellOf(grid, 'Service desk L1', 0).focus());
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowRight');
    press('ArrowRight');
    expect(document.activeElement).toBe(cellOf(grid, 'Patching', 2));
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(cellOf(grid, 'Patching', 2));
    press('End');
    expect(document.activeElement).toBe(cellOf(grid, 'Patching', 3));
    press('Home');
    expect(document.activeElement).toBe(cellOf(grid, 'Patching', 0));
    press('End', { ctrlKey: true });
    expect(document.activeElement).toBe(cellOf(grid, 'Documentation', 3));
  });

  it('typing A gives the partner a second A: the lane says who must own it; Delete and Ctrl+Z work', async () => {
    const { grid } = await renderGrid();
    const partner = cellOf(grid, 'Patching', 2);
    act(() => partner.focus());
    expect(letters(partner)).toBe('R');
    press('a');
    await waitFor(() => expect(letters(cellOf(grid, 'Patching', 2))).toBe('R/A'));
    const row = cellOf(grid, 'Patching', 3);
    expect(row.textContent).toContain('Accountability');
    expect(row.textContent).toContain(
      'Choose one accountable party for Patching: Internal IT and Acme MSP are both A; Internal IT should own it and the others become C or I.',
    );
    expect(screen.getByRole('status').textContent).toBe('Patching, Acme MSP: R/A.');
    expect(services.history.getSnapshot().undoLabel).toBe('Set Acme MSP on Patching to R/A');
    // Focus stays on the edited cell across the re-render.
    expect(document.activeElement).toBe(cellOf(grid, 'Patching', 2));

    press('Delete');
    await waitFor(() => expect(cellOf(grid, 'Patching', 2).querySelector('.raci-empty')).not.toBeNull());
    expect(cellOf(grid, 'Patching', 2).textContent).toContain('no role');

    // Ctrl+Z undoes the clear (once: the app-wide shortcut never sees the key), then the A.
    press('z', { ctrlKey: true });
    await waitFor(() => expect(letters(cellOf(grid, 'Patching', 2))).toBe('R/A'));
    press('z', { ctrlKey: true });
    await waitFor(() => expect(letters(cellOf(grid, 'Patching', 2))).toBe('R'));
    expect(cellOf(grid, 'Patching', 3).textContent).toContain('OK');
    expect(windowKeys).toEqual([]);
    // Plain movement keys that the grid does not use still reach the page.
    press('Tab');
    expect(windowKeys).toEqual(['Tab']);
  });

  it('letters typed quickly all land (C off, then R and I on)', async () => {
    const { grid } = await renderGrid();
    const ops = cellOf(grid, 'Network', 2); // partner C
    act(() => ops.focus());
    press('c'); // off
    press('r'); // on
    press('i'); // on
    await waitFor(() => expect(letters(cellOf(grid, 'Network', 2))).toBe('R/I'));
  });

  it('letters do nothing on the lane name; a click or F2 there edits the lane; Alt+↓ moves it', async () => {
    const { grid, onEditLane } = await renderGrid();
    const lane = cellOf(grid, 'Cloud', 0);
    act(() => lane.focus());
    press('a');
    await new Promise((r) => setTimeout(r, 50));
    expect(services.history.getSnapshot().undoLabel).toBeNull();
    press('F2');
    expect(onEditLane).toHaveBeenCalledTimes(1);
    fireEvent.click(lane);
    expect(onEditLane).toHaveBeenCalledTimes(2);
    const id = lane.dataset.lane;
    expect(onEditLane).toHaveBeenCalledWith(id);
    press('ArrowDown', { altKey: true });
    await waitFor(() => {
      const names = within(grid)
        .getAllByRole('rowheader')
        .map((h) => h.querySelector('button')?.textContent);
      expect(names.indexOf('Cloud')).toBe(names.indexOf('Identity') + 1);
    });
    // Focus follows the moved lane.
    await waitFor(() => expect(document.activeElement).toBe(cellOf(grid, 'Cloud', 0)));
    expect(services.history.getSnapshot().undoLabel).toBe('Move “Cloud” down');
  });

  it('the letter buttons edit the selected cell for mouse users', async () => {
    const { grid } = await renderGrid();
    fireEvent.focus(cellOf(grid, 'Budget', 2));
    act(() => cellOf(grid, 'Budget', 2).focus());
    const bar = screen.getByRole('group', { name: 'Letters of the selected cell' });
    expect(bar.textContent).toContain('Budget × Acme MSP');
    const consulted = within(bar).getByRole('button', { name: 'Consulted' });
    expect(consulted.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(consulted);
    await waitFor(() => expect(letters(cellOf(grid, 'Budget', 2))).toBe('C/I'));
    await waitFor(() =>
      expect(within(bar).getByRole('button', { name: 'Consulted' }).getAttribute('aria-pressed')).toBe('true'),
    );
  });

  it('a read-only database refuses letters and says why', async () => {
    const reason = 'This data was saved by a newer version of Quarterdeck.';
    const { grid } = await renderGrid({ ...services, readOnlyReason: reason });
    act(() => cellOf(grid, 'Patching', 2).focus());
    press('a');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(reason));
    expect(letters(cellOf(grid, 'Patching', 2))).toBe('R');
    expect(grid.getAttribute('aria-readonly')).toBe('true');
  });
});
