/**
 * Skill load panel in the DOM: an over-capacity cell says "Over" in words (not colour only), the
 * cells the last move changed say by how much, and the empty states say what to do next.
 * Capacity: 1 FTE at level 2 = 56.25 days a quarter.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoadmapItemRecord } from '../../../../renderer/src/db/records';
import { SkillLoadPanel } from '../../../../renderer/src/features/roadmap/skill-load-panel';
import type { LastMove } from '../../../../renderer/src/features/roadmap/use-roadmap-moves';
import { makeItem } from '../../shared/roadmap/make-item';

const areas = [{ id: 'a-net', key: 'net', name: 'Network', order: 0 }];
const people = [{ fte: 1, skills: [{ skillAreaId: 'a-net', level: 2 }] }];
// 90 days, now in Oct–Dec (Q4) after a move of +3 months from Jul–Sep (Q3): 90 / 56.25 = 160%, over.
const item = makeItem({
  id: 'i1',
  title: 'Segmentation',
  startMonth: '2026-10',
  endMonth: '2026-12',
  skills: [{ skillAreaId: 'a-net', personDays: 90 }],
}) as RoadmapItemRecord;
const moved: LastMove = {
  itemId: 'i1',
  title: 'Segmentation',
  deltaMonths: 3,
  from: { startMonth: '2026-07', endMonth: '2026-09' },
  to: { startMonth: '2026-10', endMonth: '2026-12' },
  fiscalYear: 2026,
  nextFiscalYear: 2027,
  delta: { forecast: 0, nextForecast: 0 },
};

function show(items: RoadmapItemRecord[], lastMove: LastMove | null = null, withAreas = true) {
  render(
    <SkillLoadPanel
      input={{ fiscalStartMonth: 1, items, areas: withAreas ? areas : [], people }}
      fiscalYear={2026}
      focusQuarter="2026-Q3"
      lastMove={lastMove}
      locale="en-US"
    />,
  );
  return screen.getByRole('region', { name: 'Skill load' });
}

afterEach(() => cleanup());

describe('SkillLoadPanel', () => {
  it('marks an over-capacity cell in words and the cells the last move changed', () => {
    const panel = show([item], moved);
    const row = within(panel).getByRole('row', { name: /^Network/ });
    const cells = within(row).getAllByRole('cell');
    // Q3 held 90 before the move, now 0; Q4 now holds 90 of 56.25 → 160%, over.
    expect(cells[2]?.textContent).toContain('none needed');
    expect(cells[2]?.textContent).toContain('▼ −90 d by the last move');
    expect(cells[3]?.textContent).toContain('⚠ Over');
    expect(cells[3]?.textContent).toContain('90 of 56.3 person-days, 160%, over capacity');
    expect(cells[3]?.textContent).toContain('▲ +90 d by the last move');
    expect(cells[0]?.textContent).not.toContain('last move');
    expect(within(panel).getByText(/FY2026: 1 over capacity — Network Q4/)).toBeTruthy();
    // Year: 90 of 225 days = 40%, within capacity.
    expect(cells[4]?.textContent).toContain('90 of 225 person-days, 40%');
    expect(cells[4]?.textContent).not.toContain('Over');
  });

  it('says what to do when no item names skills, or when there are no skill areas', () => {
    show([makeItem({ id: 'x', skills: [] }) as RoadmapItemRecord]);
    expect(screen.getByText(/No roadmap item names the skills it needs yet/)).toBeTruthy();
    cleanup();
    show([item], null, false);
    expect(screen.getByText(/No skill areas yet/)).toBeTruthy();
  });

  it('says when items need skills only in other years', () => {
    show([makeItem({ id: 'y', startMonth: '2028-01', endMonth: '2028-03', skills: item.skills }) as RoadmapItemRecord]);
    expect(screen.getByText(/No item needs skills in FY2026/)).toBeTruthy();
  });
});
