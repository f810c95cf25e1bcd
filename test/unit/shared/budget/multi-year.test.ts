import { describe, expect, it } from 'vitest';
import { escalate, multiYearPlan } from '../../../../shared/domain/budget/multi-year';
import { daysBetween, renewalsCalendar } from '../../../../shared/domain/budget/renewals';
import { reschedule } from '../../../../shared/domain/roadmap/costs';
import { makeItem } from '../roadmap/make-item';
import { makeLine, months } from './make-line';

describe('escalate', () => {
  const cases: [number, number, number, number][] = [
    // [annual, pct, years, expected]
    [12_000_000, 3, 0, 12_000_000],
    [12_000_000, 3, 1, 12_360_000], // × 1.03
    [12_000_000, 3, 2, 12_730_800], // × 1.0609
    [12_000_000, 3, 3, 13_112_724], // × 1.092727
    [12_000_000, 3, 4, 13_506_106], // × 1.12550881 = 13,506,105.72 → up
    // 100 × 1.025 = 102.5 exactly in decimals (binary gives 102.4999…): half away from zero → 103.
    [100, 2.5, 1, 103],
    [-100, 2.5, 1, -103],
    [100, 0, 5, 100],
    [1_000, -10, 2, 810], // shrinking contract: × 0.81
  ];
  it.each(cases)('escalate(%i, %d%%, %i) = %i', (annual, pct, n, expected) => {
    expect(escalate(annual, pct, n)).toBe(expected);
  });
});

describe('multiYearPlan', () => {
  // FY2026 (calendar year) lines:
  //  - licences: recurring, 12 × 10,000.00 = 120,000.00, escalator 3 %
  //  - support: recurring, 12 × 1,000.00 = 12,000.00, escalator 0 %
  //  - refresh: one-off capex 5,000.00
  //  - cloud capex line linked to the approved "cloud" item (must not be counted twice)
  const licences = makeLine({ id: 'lic', recurring: true, escalatorPct: 3, plan: months(1_000_000) });
  const support = makeLine({ id: 'sup', recurring: true, plan: months(100_000) });
  const refresh = makeLine({ id: 'ref', kind: 'capex', plan: months(0, { 3: 500_000 }) });
  const cloudLine = makeLine({ id: 'cl', kind: 'capex', roadmapItemId: 'cloud', plan: months(0, { 10: 20_000_000 }) });
  // Cloud migration: capex 200,000.00 in Nov 2026 and opex 1,000.00 a month Nov 2026 – Apr 2027
  // (2 months in FY2026, 4 in FY2027).
  const cloud = makeItem({
    id: 'cloud',
    startMonth: '2026-11',
    endMonth: '2027-04',
    capex: 20_000_000,
    opexMonthly: 100_000,
  });
  // A proposed item in 2028 is shown apart and not added.
  const idea = makeItem({ id: 'idea', status: 'proposed', startMonth: '2028-03', endMonth: '2028-03', capex: 777_700 });
  const ctx = { fiscalStartMonth: 1, lines: [licences, support, refresh, cloudLine], items: [cloud, idea] };

  it('builds five years: budget year, then escalated recurring lines plus roadmap costs', () => {
    const rows = multiYearPlan(ctx, 2026, 5);
    expect(
      rows.map((r) => [
        r.fiscalYear,
        r.source,
        r.baseYear,
        r.recurring,
        r.oneOff,
        r.roadmapCapex,
        r.roadmapOpex,
        r.proposedRoadmap,
      ]),
    ).toEqual([
      // 2026: recurring 120,000 + 12,000; one-off 5,000; roadmap = the linked line's 200,000 capex. The
      // item's own schedule does not add to 2026: a line linked to it covers that year.
      [2026, 'budget', 2026, 13_200_000, 500_000, 20_000_000, 0, 0],
      // 2027: licences 120,000 × 1.03 = 123,600 + support 12,000; no line covers 2027, so the item's
      // schedule counts: opex Jan–Apr 2027 = 4 × 1,000.
      [2027, 'projected', 2026, 12_360_000 + 1_200_000, 0, 0, 400_000, 0],
      // 2028: 120,000 × 1.0609 = 127,308 + 12,000; the proposed 7,777.00 is shown apart.
      [2028, 'projected', 2026, 12_730_800 + 1_200_000, 0, 0, 0, 777_700],
      [2029, 'projected', 2026, 13_112_724 + 1_200_000, 0, 0, 0, 0],
      [2030, 'projected', 2026, 13_506_106 + 1_200_000, 0, 0, 0, 0],
    ]);
    // plan = sum of the counted parts: 2026 = 132,000 + 5,000 + 200,000 = 337,000.00.
    expect(rows.map((r) => r.plan)).toEqual([33_700_000, 13_960_000, 13_930_800, 14_312_724, 14_706_106]);
  });

  it('a three-year view is the first three rows', () => {
    expect(multiYearPlan(ctx, 2026, 3).map((r) => r.fiscalYear)).toEqual([2026, 2027, 2028]);
  });

  it('moving the roadmap item one quarter later moves its costs into next year', () => {
    const moved = { ...ctx, items: [reschedule(cloud, 3), idea] };
    const [y26, y27] = multiYearPlan(moved, 2026, 2);
    // The linked line's November capex moves to February 2027. The schedule moves too: opex now runs
    // Feb–Jul 2027; its baseline months Nov–Dec 2026 are covered by the FY2026 line (no opex there),
    // and Jan–Apr 2027 land in Apr–Jul 2027: still 4 × 1,000 in FY2027.
    expect([y26?.roadmapCapex, y26?.roadmapOpex, y26?.plan]).toEqual([0, 0, 13_700_000]);
    expect([y27?.roadmapCapex, y27?.roadmapOpex]).toEqual([20_000_000, 400_000]);
  });

  it('escalates from the latest year that has lines, and uses a later year’s own lines', () => {
    const lic2027 = { ...licences, id: 'lic27', fiscalYear: 2027, plan: months(1_100_000) }; // 132,000.00 in 2027
    const rows = multiYearPlan({ fiscalStartMonth: 1, lines: [licences, lic2027], items: [] }, 2026, 3);
    // 2027 from its own line; 2028 = 132,000 × 1.03 = 135,960.00.
    expect(rows.map((r) => [r.source, r.baseYear, r.recurring])).toEqual([
      ['budget', 2026, 12_000_000],
      ['budget', 2027, 13_200_000],
      ['projected', 2027, 13_596_000],
    ]);
  });

  it('drops lines linked to cancelled items and says "none" when no year before has lines', () => {
    const cancelled = { ...cloud, status: 'cancelled' as const };
    const rows = multiYearPlan({ fiscalStartMonth: 1, lines: [cloudLine], items: [cancelled] }, 2025, 2);
    expect(rows.map((r) => [r.fiscalYear, r.source, r.plan])).toEqual([
      [2025, 'none', 0],
      [2026, 'budget', 0],
    ]);
  });

  it('assigns roadmap months to fiscal years with a July start', () => {
    // Nov 2026 – Apr 2027 is all inside FY2027 (Jul 2026 – Jun 2027): 200,000 + 6 × 1,000.
    const rows = multiYearPlan({ fiscalStartMonth: 7, lines: [], items: [cloud] }, 2026, 2);
    expect(rows.map((r) => [r.fiscalYear, r.roadmapCapex, r.roadmapOpex])).toEqual([
      [2026, 0, 0],
      [2027, 20_000_000, 600_000],
    ]);
  });
});

describe('renewalsCalendar', () => {
  const m365 = makeLine({
    id: 'm26',
    name: 'M365',
    vendor: 'Microsoft',
    recurring: true,
    renewalDate: '2026-07-01',
    plan: months(100),
  });
  const m365next = { ...m365, id: 'm27', fiscalYear: 2027 };
  const edr = makeLine({ id: 'edr', name: 'EDR', vendor: 'CrowdStrike', recurring: true, renewalDate: '2026-05-20' });
  const old = makeLine({ id: 'old', name: 'Old AV', recurring: true, renewalDate: '2026-01-31' });
  const oneOff = makeLine({ id: 'x', name: 'Not recurring', recurring: false, renewalDate: '2026-06-01' });

  it('lists recurring renewals soonest first with days left, once per contract', () => {
    const list = renewalsCalendar([m365, m365next, edr, old, oneOff], '2026-05-01');
    // 1 May → 20 May = 19 days; 1 May → 1 Jul = 30 + 31 = 61 days. The FY2027 copy of M365 wins.
    expect(list.map((r) => [r.lineId, r.daysUntil])).toEqual([
      ['edr', 19],
      ['m27', 61],
    ]);
    expect(list[1]?.annualPlan).toBe(1_200);
  });

  it('filters by horizon and can include past renewals', () => {
    expect(renewalsCalendar([m365, edr, old], '2026-05-01', { withinDays: 30 }).map((r) => r.lineId)).toEqual(['edr']);
    // 1 May back to 31 Jan = −(28 + 31 + 30 + 1) = −90 days.
    expect(renewalsCalendar([old], '2026-05-01', { includePast: true })[0]?.daysUntil).toBe(-90);
  });

  it('counts days in UTC across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});
