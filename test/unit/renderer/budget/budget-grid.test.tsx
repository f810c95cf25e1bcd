import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetGrid, groupLines, type BudgetGridProps } from '../../../../renderer/src/features/budget/budget-grid';
import type { BudgetLineRecord } from '../../../../renderer/src/db/records';

afterEach(() => cleanup());

const MONTHS = [
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
];

function line(
  id: string,
  name: string,
  category: BudgetLineRecord['category'],
  plan: number,
  actual: (number | null)[] = [],
): BudgetLineRecord {
  return {
    id,
    workspaceId: 'ws',
    fiscalYear: 2026,
    name,
    category,
    kind: 'opex',
    vendor: 'Vendor',
    roadmapItemId: null,
    plan: Array.from({ length: 12 }, () => plan),
    actual: Array.from({ length: 12 }, (_, i) => actual[i] ?? null),
    recurring: false,
    renewalDate: null,
    escalatorPct: 0,
    varianceNotes: { Q1: '', Q2: '', Q3: '', Q4: '' },
  };
}

// Displayed order: Personnel (Staff), then Software & licences (Alpha, Beta) — category order, then name.
const LINES = [
  line('b', 'Beta licences', 'software-licences', 50_000, [40_000, 60_000]),
  line('a', 'Alpha licences', 'software-licences', 100_000, [90_000]),
  line('s', 'Staff', 'personnel', 1_000_000),
];

function setup(patch: Partial<BudgetGridProps> = {}) {
  const onCommit = vi.fn(async () => true);
  const onOpenLine = vi.fn();
  const props: BudgetGridProps = {
    lines: LINES,
    measure: 'plan',
    months: MONTHS,
    locale: 'en-US',
    currency: 'USD',
    itemTitles: new Map(),
    readOnly: false,
    totals: { plan: Array(12).fill(1_150_000), actual: Array(12).fill(null), forecast: Array(12).fill(1_150_000) },
    labelledBy: 'grid-title',
    onCommit,
    onOpenLine,
    ...patch,
  };
  render(
    <>
      <h2 id="grid-title">Plan by line</h2>
      <BudgetGrid {...props} />
      <button type="button">after</button>
    </>,
  );
  return { onCommit, onOpenLine };
}

const cell = (r: number, c: number): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`);
  if (!el) throw new Error(`no cell ${r}:${c}`);
  return el;
};
const active = (): string | null => (document.activeElement as HTMLElement | null)?.getAttribute('data-cell') ?? null;
const key = (el: Element, k: string, init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(el, { key: k, ...init });
const editor = (): HTMLInputElement => {
  const input = document.querySelector<HTMLInputElement>('.bgrid-input');
  if (!input) throw new Error('no editor open');
  return input;
};
/** Wait for the async commit to settle (onCommit resolves on a microtask). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('budget grid structure', () => {
  it('is an ARIA grid with fiscal months as column headers (July start: Jul … Jun) and one tab stop', () => {
    setup();
    const grid = screen.getByRole('grid', { name: 'Plan by line' });
    expect(grid).toBeTruthy();
    const monthHeads = [...grid.querySelectorAll('thead tr:nth-child(2) th')].map((th) =>
      th.getAttribute('aria-label'),
    );
    expect(monthHeads[0]).toBe('Jul 2025');
    expect(monthHeads[11]).toBe('Jun 2026');
    const tabbable = [...grid.querySelectorAll('[data-cell]')].filter((el) => (el as HTMLElement).tabIndex === 0);
    expect(tabbable.map((el) => el.getAttribute('data-cell'))).toEqual(['0:1']);
    // Rows are grouped by category in the fixed order, by name inside a group.
    expect(groupLines(LINES).map((g) => [g.category, g.lines.map((l) => l.id)])).toEqual([
      ['personnel', ['s']],
      ['software-licences', ['a', 'b']],
    ]);
    expect(cell(0, 0).textContent).toContain('Staff');
    expect(cell(1, 0).textContent).toContain('Alpha licences');
    // Whole units: 1,000,000 cents = 10,000; total 12 × 10,000.
    expect(cell(0, 1).textContent).toBe('10,000');
    expect(cell(0, 13).textContent).toBe('120,000');
  });
});

describe('budget grid keyboard model', () => {
  it('arrows move the active cell and clamp at the edges; Home/End and Ctrl+Home/End jump', () => {
    setup();
    cell(0, 1).focus();
    key(cell(0, 1), 'ArrowRight');
    expect(active()).toBe('0:2');
    key(cell(0, 2), 'ArrowDown');
    expect(active()).toBe('1:2');
    key(cell(1, 2), 'ArrowDown');
    key(cell(2, 2), 'ArrowDown');
    expect(active()).toBe('2:2');
    key(cell(2, 2), 'ArrowLeft');
    key(cell(2, 1), 'ArrowLeft');
    key(cell(2, 0), 'ArrowLeft');
    expect(active()).toBe('2:0');
    key(cell(2, 0), 'End');
    expect(active()).toBe('2:13');
    key(cell(2, 13), 'Home', { ctrlKey: true });
    expect(active()).toBe('0:0');
    key(cell(0, 0), 'End', { ctrlKey: true });
    expect(active()).toBe('2:13');
    key(cell(2, 13), 'ArrowUp');
    expect(active()).toBe('1:13');
    // Only the active cell is in the tab order (roving tabindex).
    expect(cell(1, 13).tabIndex).toBe(0);
    expect(cell(0, 1).tabIndex).toBe(-1);
  });

  it('Tab moves across the row and, at its end, leaves the grid (browser default not prevented)', () => {
    setup();
    cell(1, 11).focus();
    key(cell(1, 11), 'Tab');
    expect(active()).toBe('1:12');
    key(cell(1, 12), 'Tab');
    expect(active()).toBe('1:13');
    const leave = fireEvent.keyDown(cell(1, 13), { key: 'Tab' });
    expect(leave).toBe(true); // not prevented: focus goes on past the grid
    key(cell(1, 13), 'Tab', { shiftKey: true });
    expect(active()).toBe('1:12');
    cell(1, 0).focus();
    expect(fireEvent.keyDown(cell(1, 0), { key: 'Tab', shiftKey: true })).toBe(true);
  });

  it('Enter edits with the current value; typing and Enter commits in cents and moves down', async () => {
    const { onCommit } = setup();
    cell(1, 3).focus(); // Alpha licences, Sep 2025, plan 1,000.00
    key(cell(1, 3), 'Enter');
    expect(editor().value).toBe('1000');
    expect(editor().getAttribute('aria-label')).toBe('Plan of Alpha licences, Sep 2025');
    fireEvent.change(editor(), { target: { value: '2,500.50' } });
    key(editor(), 'Enter');
    await settle();
    expect(onCommit).toHaveBeenCalledWith('a', 2, 250_050);
    expect(document.querySelector('.bgrid-input')).toBeNull();
    expect(active()).toBe('2:3');
    expect(screen.getByRole('status').textContent).toContain('Saved: Plan of Alpha licences, Sep 2025');
  });

  it('F2 edits too; Escape cancels without saving and keeps the cell', async () => {
    const { onCommit } = setup();
    cell(0, 5).focus();
    key(cell(0, 5), 'F2');
    fireEvent.change(editor(), { target: { value: '999' } });
    key(editor(), 'Escape');
    await settle();
    expect(onCommit).not.toHaveBeenCalled();
    expect(document.querySelector('.bgrid-input')).toBeNull();
    expect(active()).toBe('0:5');
    expect(cell(0, 5).textContent).toBe('10,000');
  });

  it('typing a digit starts editing with that digit; Tab commits and moves right', async () => {
    const { onCommit } = setup();
    cell(2, 1).focus(); // Beta licences, Jul 2025
    key(cell(2, 1), '7');
    expect(editor().value).toBe('7');
    fireEvent.change(editor(), { target: { value: '75' } });
    key(editor(), 'Tab');
    await settle();
    expect(onCommit).toHaveBeenCalledWith('b', 0, 7_500);
    expect(active()).toBe('2:2');
  });

  it('an amount that is not money stays in the editor with the reason, and nothing is saved', async () => {
    const { onCommit } = setup();
    cell(0, 1).focus();
    key(cell(0, 1), 'Enter');
    fireEvent.change(editor(), { target: { value: '12x' } });
    key(editor(), 'Enter');
    await settle();
    expect(onCommit).not.toHaveBeenCalled();
    expect(editor().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/amount such as 12500/);
    fireEvent.change(editor(), { target: { value: '-5' } });
    key(editor(), 'Enter');
    await settle();
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('A plan amount cannot be negative.');
  });

  it('actuals: an empty cell is "not yet known"; clearing a value (editor or Delete) stores null', async () => {
    const { onCommit } = setup({ measure: 'actual' });
    // Beta licences (row 2) has actuals 400.00 and 600.00 in Jul and Aug; Sep is empty.
    expect(cell(2, 1).textContent).toBe('400');
    expect(cell(2, 3).textContent).toBe('not yet known');
    cell(2, 3).focus();
    key(cell(2, 3), '5');
    fireEvent.change(editor(), { target: { value: '512.25' } });
    key(editor(), 'Enter');
    await settle();
    expect(onCommit).toHaveBeenLastCalledWith('b', 2, 51_225);
    cell(2, 1).focus();
    key(cell(2, 1), 'Enter');
    expect(editor().value).toBe('400');
    fireEvent.change(editor(), { target: { value: '' } });
    key(editor(), 'Enter');
    await settle();
    expect(onCommit).toHaveBeenLastCalledWith('b', 0, null);
    cell(2, 2).focus();
    key(cell(2, 2), 'Delete');
    await settle();
    expect(onCommit).toHaveBeenLastCalledWith('b', 1, null);
    // A credit note may be negative in actuals.
    cell(1, 2).focus();
    key(cell(1, 2), '-');
    fireEvent.change(editor(), { target: { value: '-20' } });
    key(editor(), 'Enter');
    await settle();
    expect(onCommit).toHaveBeenLastCalledWith('a', 1, -2_000);
  });

  it('Enter on a line name opens the line editor; totals are read-only', () => {
    const { onOpenLine, onCommit } = setup();
    cell(1, 0).focus();
    key(cell(1, 0), 'Enter');
    expect(onOpenLine).toHaveBeenCalledWith('a');
    cell(1, 13).focus();
    key(cell(1, 13), 'F2');
    key(cell(1, 13), '4');
    expect(document.querySelector('.bgrid-input')).toBeNull();
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('a read-only workspace opens no editor and says why', () => {
    const { onCommit } = setup({ readOnly: true });
    cell(0, 1).focus();
    key(cell(0, 1), 'Enter');
    key(cell(0, 1), 'Delete');
    expect(document.querySelector('.bgrid-input')).toBeNull();
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/read-only/);
  });
});
