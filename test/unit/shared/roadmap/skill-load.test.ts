/**
 * Skill load per area per fiscal quarter, hand-worked. Capacity: 1,800 h ÷ 4 ÷ 8 h = 56.25
 * person-days per FTE-quarter. Network: Ana (1.0, level 3) + Ben (0.6, level 2) = 1.6 FTE = 90 days;
 * Cloud: Ana only (Ben is level 1) = 56.25 days; Compliance: nobody at level 2 = 0 days.
 */
import { describe, expect, it } from 'vitest';
import { reschedule } from '../../../../shared/domain/roadmap/costs';
import {
  HOURS_PER_PERSON_DAY,
  capacityDaysPerFteQuarter,
  skillLoad,
  skillLoadChanges,
  type SkillLoad,
  type SkillLoadInput,
} from '../../../../shared/domain/roadmap/skill-load';
import { makeItem } from './make-item';

const areas: SkillLoadInput['areas'] = [
  { id: 'a-cloud', key: 'cloud', name: 'Cloud', order: 1 },
  { id: 'a-net', key: 'net', name: 'Network', order: 0 },
  { id: 'a-comp', key: 'comp', name: 'Compliance', order: 2 },
  { id: 'a-idle', key: 'idle', name: 'Idle area', order: 3 },
];
const people: SkillLoadInput['people'] = [
  {
    fte: 1,
    skills: [
      { skillAreaId: 'a-net', level: 3 },
      { skillAreaId: 'a-cloud', level: 2 },
    ],
  },
  {
    fte: 0.6,
    skills: [
      { skillAreaId: 'a-net', level: 2 },
      { skillAreaId: 'a-cloud', level: 1 },
    ],
  },
  { fte: 1, skills: [{ skillAreaId: 'a-comp', level: 1 }] },
];
const items = [
  // 60 days over Jan–Jun = 10 a month: Q1 30, Q2 30.
  makeItem({
    id: 'i1',
    status: 'approved',
    startMonth: '2026-01',
    endMonth: '2026-06',
    skills: [{ skillAreaId: 'a-net', personDays: 60 }],
  }),
  // 90 days over May–Oct = 15 a month: Q2 30 (May, Jun), Q3 45, Q4 15 — all proposed.
  makeItem({
    id: 'i2',
    status: 'proposed',
    startMonth: '2026-05',
    endMonth: '2026-10',
    skills: [{ skillAreaId: 'a-cloud', personDays: 90 }],
  }),
  // Cancelled: needs nothing.
  makeItem({
    id: 'i3',
    status: 'cancelled',
    startMonth: '2026-01',
    endMonth: '2026-12',
    skills: [{ skillAreaId: 'a-net', personDays: 500 }],
  }),
  // Done, 12 days over Nov 2025–Feb 2026 = 3 a month: Q1 6 (Jan, Feb); Nov, Dec 2025 are FY2025.
  makeItem({
    id: 'i4',
    status: 'done',
    startMonth: '2025-11',
    endMonth: '2026-02',
    skills: [{ skillAreaId: 'a-comp', personDays: 12 }],
  }),
  // One month, April: net Q2 +60 → 90, exactly the capacity (not over). Zero-day skill ignored.
  makeItem({
    id: 'i5',
    status: 'in-progress',
    startMonth: '2026-04',
    endMonth: '2026-04',
    skills: [
      { skillAreaId: 'a-net', personDays: 60 },
      { skillAreaId: 'a-idle', personDays: 0 },
    ],
  }),
  // 20 days over Jul–Aug: cloud Q3 45 + 20 = 65 > 56.25 → over.
  makeItem({
    id: 'i6',
    status: 'blocked',
    startMonth: '2026-07',
    endMonth: '2026-08',
    skills: [{ skillAreaId: 'a-cloud', personDays: 20 }],
  }),
  // Unknown area: skipped with a reason.
  makeItem({
    id: 'i7',
    title: 'Ghost',
    startMonth: '2026-01',
    endMonth: '2026-01',
    skills: [{ skillAreaId: 'a-gone', personDays: 5 }],
  }),
  // No skills: not counted at all.
  makeItem({ id: 'i8', skills: [] }),
];
const input: SkillLoadInput = { fiscalStartMonth: 1, items, areas, people };

function cell(load: SkillLoad, areaId: string, quarter: string) {
  const c = load.rows.find((r) => r.areaId === areaId)?.cells.find((x) => x.quarter === quarter);
  if (!c) throw new Error(`no cell ${areaId} ${quarter}`);
  return c;
}

describe('capacityDaysPerFteQuarter', () => {
  it('is 1,800 h ÷ 4 ÷ 8 h = 56.25 days by default, and follows its options', () => {
    expect(HOURS_PER_PERSON_DAY).toBe(8);
    expect(capacityDaysPerFteQuarter()).toBe(56.25);
    expect(capacityDaysPerFteQuarter({ productiveHours: 1600, hoursPerDay: 7.5 })).toBeCloseTo(1600 / 4 / 7.5, 10);
  });
});

describe('skillLoad', () => {
  const load = skillLoad(input, 2026);

  it('has the four quarters and only the areas with need, in area order', () => {
    expect(load.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(load.rows.map((r) => r.key)).toEqual(['net', 'cloud', 'comp']);
    expect(load.rows.map((r) => r.internalFte)).toEqual([1.6, 1, 0]);
  });

  // [area, quarter, needed, proposed, capacity, load %, over]
  const cases: [string, string, number, number, number, number | null, boolean][] = [
    ['a-net', '2026-Q1', 30, 0, 90, (30 / 90) * 100, false],
    ['a-net', '2026-Q2', 90, 0, 90, 100, false],
    ['a-net', '2026-Q3', 0, 0, 90, 0, false],
    ['a-net', '2026-Q4', 0, 0, 90, 0, false],
    ['a-cloud', '2026-Q1', 0, 0, 56.25, 0, false],
    ['a-cloud', '2026-Q2', 30, 30, 56.25, (30 / 56.25) * 100, false],
    ['a-cloud', '2026-Q3', 65, 45, 56.25, (65 / 56.25) * 100, true],
    ['a-cloud', '2026-Q4', 15, 15, 56.25, (15 / 56.25) * 100, false],
    ['a-comp', '2026-Q1', 6, 0, 0, null, true],
    ['a-comp', '2026-Q2', 0, 0, 0, null, false],
  ];
  it.each(cases)('%s %s: needed %d (proposed %d) of %d days', (area, q, needed, proposed, capacity, pct, over) => {
    const c = cell(load, area, q);
    expect(c.neededDays).toBeCloseTo(needed, 9);
    expect(c.proposedDays).toBeCloseTo(proposed, 9);
    expect(c.capacityDays).toBeCloseTo(capacity, 9);
    if (pct === null) expect(c.loadPct).toBeNull();
    else expect(c.loadPct).toBeCloseTo(pct, 9);
    expect(c.over).toBe(over);
  });

  it('totals the year per area', () => {
    expect(load.rows.map((r) => r.yearNeededDays)).toEqual([120, 110, 6]);
    expect(load.rows.map((r) => r.yearCapacityDays)).toEqual([360, 225, 0]);
  });

  it('counts items with skills (cancelled and skill-less left out) and names what it skipped', () => {
    expect(load.itemsWithSkills).toBe(6);
    expect(load.skipped).toEqual([{ itemId: 'i7', title: 'Ghost', reason: 'skill area a-gone does not exist' }]);
  });

  it('skips an item whose months are broken instead of crashing', () => {
    const bad = skillLoad(
      {
        ...input,
        items: [
          makeItem({
            id: 'b1',
            title: 'Backwards',
            startMonth: '2026-05',
            endMonth: '2026-02',
            skills: [{ skillAreaId: 'a-net', personDays: 9 }],
          }),
          makeItem({
            id: 'b2',
            title: 'Garbled',
            startMonth: '2026-13',
            endMonth: '2026-14',
            skills: [{ skillAreaId: 'a-net', personDays: 9 }],
          }),
        ],
      },
      2026,
    );
    expect(bad.rows).toEqual([]);
    expect(bad.skipped.map((s) => [s.itemId, s.reason])).toEqual([
      ['b1', 'its end month is before its start month'],
      ['b2', 'its start or end month is not YYYY-MM'],
    ]);
  });

  it('uses fiscal quarters with a July start (FY2027 = Jul 2026 – Jun 2027)', () => {
    // 30 days over Jun–Aug 2026 = 10 a month: June is FY2026; Jul, Aug are FY2027 Q1 = 20.
    const jul: SkillLoadInput = {
      ...input,
      fiscalStartMonth: 7,
      items: [
        makeItem({ startMonth: '2026-06', endMonth: '2026-08', skills: [{ skillAreaId: 'a-net', personDays: 30 }] }),
      ],
    };
    const fy2027 = skillLoad(jul, 2027);
    expect(fy2027.quarters).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(fy2027.rows[0]?.cells.map((c) => c.neededDays)).toEqual([20, 0, 0, 0]);
    // June 2026 is the last month of FY2026 Q4 (Apr–Jun 2026).
    expect(skillLoad(jul, 2026).rows[0]?.cells.map((c) => c.neededDays)).toEqual([0, 0, 0, 10]);
  });
});

describe('skillLoadChanges after a move', () => {
  const before = skillLoad(input, 2026);
  const move = (id: string, months: number) =>
    skillLoad({ ...input, items: items.map((i) => (i.id === id ? reschedule(i, months) : i)) }, 2026);

  it('moving i1 (network, Jan–Jun) one quarter later changes exactly network Q1 and Q3', () => {
    // Apr–Sep: Q2 keeps 30 from i1 (Apr–Jun) so stays 90; Q1 loses 30; Q3 gains 30.
    const after = move('i1', 3);
    expect(skillLoadChanges(before, after)).toEqual([
      { areaId: 'a-net', quarter: '2026-Q1', before: 30, after: 0 },
      { areaId: 'a-net', quarter: '2026-Q3', before: 0, after: 30 },
    ]);
    expect(cell(after, 'a-net', '2026-Q2').neededDays).toBe(90);
    expect(cell(after, 'a-net', '2026-Q3').loadPct).toBeCloseTo((30 / 90) * 100, 9);
  });

  it('moving i6 (cloud, Jul–Aug) one quarter earlier takes cloud Q3 back under capacity, Q2 still under (50 of 56.25)', () => {
    const after = move('i6', -3);
    expect(skillLoadChanges(before, after)).toEqual([
      { areaId: 'a-cloud', quarter: '2026-Q2', before: 30, after: 50 },
      { areaId: 'a-cloud', quarter: '2026-Q3', before: 65, after: 45 },
    ]);
    expect(cell(after, 'a-cloud', '2026-Q3').over).toBe(false);
    expect(cell(after, 'a-cloud', '2026-Q2').over).toBe(false);
  });

  it('moving the done compliance item out of the year removes its row and reports the cell', () => {
    const after = move('i4', -6);
    expect(after.rows.map((r) => r.key)).toEqual(['net', 'cloud']);
    expect(skillLoadChanges(before, after)).toEqual([{ areaId: 'a-comp', quarter: '2026-Q1', before: 6, after: 0 }]);
  });

  it('a move of zero months changes nothing', () => {
    expect(skillLoadChanges(before, move('i1', 0))).toEqual([]);
  });
});
