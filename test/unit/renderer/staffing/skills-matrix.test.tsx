import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AreaCoverage, SkillsMatrix as Matrix } from '../../../../shared/domain/staffing/coverage';
import { SkillsMatrix } from '../../../../renderer/src/features/staffing/skills-matrix';

afterEach(() => cleanup());

// Two people × three areas. Levels: Ann [3, 0, 2], Ben [1, 4, 2].
const matrix: Matrix = {
  areas: [
    { areaId: 'a-soc', key: 'soc', name: 'SIEM / SOC' },
    { areaId: 'a-net', key: 'net', name: 'Network' },
    { areaId: 'a-pm', key: 'pm', name: 'Projects' },
  ],
  rows: [
    { personId: 'p-ann', name: 'Ann', role: 'Analyst', fte: 1, levels: [3, 0, 2] },
    { personId: 'p-ben', name: 'Ben', role: 'Engineer', fte: 0.5, levels: [1, 4, 2] },
  ],
  depth: [1, 1, 2],
};

function cov(areaId: string, name: string, depth: number, min: number): AreaCoverage {
  return {
    areaId,
    key: areaId,
    name,
    coverageModel: '8x5',
    requiredHours: 2080,
    requiredFte: 2080 / 1800,
    internalFte: depth,
    internalHours: depth * 1800,
    people: [],
    partnerCover: null,
    coveredFraction: 1,
    gapFte: 0,
    minimumDepth: min,
    singlePointOfFailure: depth < min,
  };
}
const coverage = [cov('a-soc', 'SIEM / SOC', 1, 2), cov('a-net', 'Network', 1, 1), cov('a-pm', 'Projects', 2, 2)];

type Call = [string, string, number];

function setup(readOnly = false) {
  const calls: Call[] = [];
  const onSetLevel = async (personId: string, areaId: string, level: number) => {
    calls.push([personId, areaId, level]);
    return `Saved ${level}`;
  };
  render(
    <SkillsMatrix matrix={matrix} coverage={coverage} locale="en-US" readOnly={readOnly} onSetLevel={onSetLevel} />,
  );
  const grid = screen.getByRole('grid');
  const cells = within(grid).getAllByRole('gridcell');
  return { grid, cells, calls };
}

const cellAt = (cells: HTMLElement[], row: number, col: number) => {
  const c = cells[row * 3 + col];
  if (!c) throw new Error(`no cell ${row},${col}`);
  return c;
};

async function key(el: Element, k: string, init: Partial<KeyboardEventInit> = {}): Promise<boolean> {
  let notPrevented = true;
  await act(async () => {
    notPrevented = fireEvent.keyDown(el, { key: k, ...init });
  });
  return notPrevented;
}

describe('SkillsMatrix (ARIA grid)', () => {
  it('is a grid of level cells only, each showing its colour class, number and word', () => {
    const { grid, cells } = setup();
    expect(grid.getAttribute('aria-label')).toMatch(/^Skills matrix/);
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => c.className.match(/heat-(\d)/)?.[1])).toEqual(['3', '0', '2', '1', '4', '2']);
    expect(cells.map((c) => c.textContent)).toEqual([
      '3strong',
      '0none',
      '2working',
      '1learning',
      '4expert',
      '2working',
    ]);
    // Row headers carry the person, role and FTE; column headers the area and its depth.
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['AnnAnalyst · 1 FTE', 'BenEngineer · 0.5 FTE']);
    const soc = within(grid).getAllByRole('columnheader')[1];
    expect(soc?.textContent).toBe('SIEM / SOC1 of 2 people at level 2 or more, single point of failure');
    expect(soc?.className).toContain('is-spof');
  });

  it('has exactly one cell in the tab order (roving tabindex), the first one to start with', () => {
    const { cells } = setup();
    expect(cells.map((c) => c.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
  });

  it('arrows move focus and the tab stop; edges clamp; Home/End go to the row ends', async () => {
    const { cells } = setup();
    cellAt(cells, 0, 0).focus();
    await key(cellAt(cells, 0, 0), 'ArrowRight');
    expect(document.activeElement).toBe(cellAt(cells, 0, 1));
    expect(cells.map((c) => c.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1]);
    await key(cellAt(cells, 0, 1), 'ArrowDown');
    expect(document.activeElement).toBe(cellAt(cells, 1, 1));
    await key(cellAt(cells, 1, 1), 'ArrowDown');
    expect(document.activeElement).toBe(cellAt(cells, 1, 1));
    await key(cellAt(cells, 1, 1), 'End');
    expect(document.activeElement).toBe(cellAt(cells, 1, 2));
    await key(cellAt(cells, 1, 2), 'Home');
    expect(document.activeElement).toBe(cellAt(cells, 1, 0));
    await key(cellAt(cells, 1, 0), 'Home', { ctrlKey: true });
    expect(document.activeElement).toBe(cellAt(cells, 0, 0));
  });

  it('digits set the level; + and − step from the current level; Delete clears', async () => {
    const { cells, calls } = setup();
    await key(cellAt(cells, 0, 1), '3');
    await key(cellAt(cells, 1, 0), '+');
    await key(cellAt(cells, 1, 1), '-');
    await key(cellAt(cells, 0, 0), 'Delete');
    expect(calls).toEqual([
      ['p-ann', 'a-net', 3],
      ['p-ben', 'a-soc', 2],
      ['p-ben', 'a-net', 3],
      ['p-ann', 'a-soc', 0],
    ]);
    expect(screen.getByRole('status').textContent).toBe('Saved 0');
  });

  it('does not write a level the cell already has, and says so', async () => {
    const { cells, calls } = setup();
    await key(cellAt(cells, 1, 1), '+'); // already 4 (expert), the top
    await key(cellAt(cells, 0, 2), '2');
    expect(calls).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Ann · Projects: already 2 working.');
  });

  it('lets Ctrl+Z through to the app undo (not prevented, no write)', async () => {
    const { cells, calls } = setup();
    expect(await key(cellAt(cells, 0, 0), 'z', { ctrlKey: true })).toBe(true);
    expect(await key(cellAt(cells, 0, 0), 'ArrowDown')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('Enter opens the picker on the current level; arrows highlight, Enter chooses and focus returns', async () => {
    const { cells, calls } = setup();
    const cell = cellAt(cells, 0, 0);
    cell.focus();
    await key(cell, 'Enter');
    const list = screen.getByRole('listbox', { name: 'Proficiency of Ann in SIEM / SOC' });
    expect(document.activeElement).toBe(list);
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'false', 'false', 'true', 'false']);
    expect(list.getAttribute('aria-activedescendant')).toBe(options[3]?.id);
    await key(list, 'ArrowUp');
    await key(list, 'ArrowUp');
    expect(list.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    await key(list, 'Enter');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(cell);
    expect(calls).toEqual([['p-ann', 'a-soc', 1]]);
  });

  it('F2 opens the picker; Escape closes it without a change and returns focus; a digit chooses', async () => {
    const { cells, calls } = setup();
    const cell = cellAt(cells, 1, 2);
    cell.focus();
    await key(cell, 'F2');
    await key(screen.getByRole('listbox'), 'ArrowDown');
    await key(screen.getByRole('listbox'), 'Escape');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(cell);
    expect(calls).toEqual([]);
    await key(cell, 'Enter');
    await key(screen.getByRole('listbox'), '4');
    expect(calls).toEqual([['p-ben', 'a-pm', 4]]);
  });

  it('a click on an option chooses it', async () => {
    const { cells, calls } = setup();
    cellAt(cells, 0, 1).focus();
    await key(cellAt(cells, 0, 1), 'Enter');
    await act(async () => {
      fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[2] as HTMLElement);
    });
    expect(calls).toEqual([['p-ann', 'a-net', 2]]);
  });

  it('read-only: no picker, no writes, and the reason is announced', async () => {
    const { grid, cells, calls } = setup(true);
    expect(grid.getAttribute('aria-readonly')).toBe('true');
    await key(cellAt(cells, 0, 0), 'Enter');
    expect(screen.queryByRole('listbox')).toBeNull();
    await key(cellAt(cells, 0, 0), '1');
    expect(calls).toEqual([]);
    expect(screen.getByRole('status').textContent).toMatch(/read-only/);
  });
});
