import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addQuarters,
  calendarMonthOf,
  fiscalMonthIndex,
  fiscalQuarterOf,
  fiscalYearMonths,
  fiscalYearOf,
  monthRange,
  quarterMonths,
  quarterRange,
} from '../../../../shared/domain/periods';

describe('fiscal year and quarter of a calendar month', () => {
  // [month, fiscal start, fiscal year, quarter, fiscal month index]
  const cases: [string, number, number, string, number][] = [
    // Calendar year: FY = calendar year, Q1 = Jan–Mar.
    ['2026-01', 1, 2026, '2026-Q1', 0],
    ['2026-03', 1, 2026, '2026-Q1', 2],
    ['2026-04', 1, 2026, '2026-Q2', 3],
    ['2026-12', 1, 2026, '2026-Q4', 11],
    // July start: FY2027 = Jul 2026 … Jun 2027, named by the calendar year it ends in.
    ['2026-06', 7, 2026, '2026-Q4', 11], // last month of FY2026
    ['2026-07', 7, 2027, '2027-Q1', 0], // year boundary: first month of FY2027
    ['2026-09', 7, 2027, '2027-Q1', 2],
    ['2026-10', 7, 2027, '2027-Q2', 3],
    ['2026-12', 7, 2027, '2027-Q2', 5],
    ['2027-01', 7, 2027, '2027-Q3', 6],
    ['2027-06', 7, 2027, '2027-Q4', 11],
    // October start (US federal style): FY2026 = Oct 2025 … Sep 2026.
    ['2025-10', 10, 2026, '2026-Q1', 0],
    ['2026-09', 10, 2026, '2026-Q4', 11],
  ];
  it.each(cases)('%s with start %i → FY%i %s (index %i)', (month, start, fy, quarter, index) => {
    expect(fiscalYearOf(month, start)).toBe(fy);
    expect(fiscalQuarterOf(month, start)).toBe(quarter);
    expect(fiscalMonthIndex(month, start)).toBe(index);
    expect(calendarMonthOf(fy, index, start)).toBe(month);
  });
});

describe('quarter months and fiscal year months', () => {
  it('lists the three months of a quarter', () => {
    expect(quarterMonths('2027-Q1', 7)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(quarterMonths('2027-Q3', 7)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(quarterMonths('2026-Q4', 1)).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('lists the twelve months of a fiscal year across the calendar boundary', () => {
    const months = fiscalYearMonths(2027, 7);
    expect(months).toHaveLength(12);
    expect([months[0], months[5], months[6], months[11]]).toEqual(['2026-07', '2026-12', '2027-01', '2027-06']);
  });

  it('adds months and quarters across year ends', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2026-Q1', -1)).toBe('2025-Q4');
    expect(quarterRange('2026-Q3', '2027-Q2')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(monthRange('2026-12', '2027-02')).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
  });
});
