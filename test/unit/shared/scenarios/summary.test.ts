import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../../../shared/domain/scenarios/engine';
import { formatMoneyWhole, toMajor } from '../../../../shared/domain/scenarios/rounding';
import { comparisonSentence, joinNames } from '../../../../shared/domain/scenarios/summary';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { area, contract, scenario, workspace } from './fixtures';

const flat = { horizonYears: 5, wageInflationPct: 0 };

function soc24x7(locale = 'en-US', currency = 'USD'): WorkspaceData {
  const d = workspace({
    areas: [
      area({ id: 'siem-soc', name: 'SIEM / SOC', coverageModel: '24x7', plan: 'co-manage' }),
      area({ id: 'noc', name: 'NOC monitoring', coverageModel: '24x7', plan: 'co-manage', order: 1 }),
    ],
    contracts: [
      contract({
        escalatorPct: 0,
        coveredAreas: [
          { skillAreaId: 'siem-soc', coverageModel: '24x7' },
          { skillAreaId: 'noc', coverageModel: '24x7' },
        ],
      }),
    ],
    scenarios: [
      scenario({ id: 'ih', name: 'In-house', kind: 'in-house', ...flat }),
      scenario({ id: 'cm', name: 'Co-managed', kind: 'co-managed', order: 1, ...flat }),
    ],
  });
  return { ...d, workspace: { ...d.workspace, locale, currency } };
}

describe('comparison sentence', () => {
  it('states savings, coverage and hires from the numbers', () => {
    const data = soc24x7();
    // In-house: 2 areas × ceil(4.867) = 10 hires; 5 × 10 × 14,375,000 + 10 × 1,750,000 = 736,250,000.
    // Co-managed (no escalator): 5 × 15,900,000 + 300,000 onboarding = 79,800,000.
    // Saving: 656,450,000 cents = $6,564,500.
    const cmp = compareScenarios(data);
    expect(cmp.scenarios.map((s) => s.cumulative[4])).toEqual([736_250_000, 79_800_000]);
    expect(comparisonSentence(data, cmp)).toBe(
      'Co-managing SIEM / SOC and NOC monitoring saves $6,564,500 over 5 years and covers 24x7 from the first month; doing it in-house needs 10 hires.',
    );
  });

  it('formats money in the workspace locale and currency', () => {
    const data = soc24x7('de-DE', 'EUR');
    const s = comparisonSentence(data, compareScenarios(data));
    expect(s).toMatch(/saves 6\.564\.500\s€ over 5 years/);
  });

  it('says when co-managing costs more, and when in-house catches up', () => {
    // In-house: 1,800 on-demand hours → 1 hire: y0 16,125,000 then 14,375,000 a year →
    // cumulative 16.125, 30.5, 44.875, 59.25, 73.625 M. Co-managed: 12 × 1,250,000 = 15,000,000 a
    // year → 15, 30, 45, 60, 75 M. In-house is below from year 2; over 5 years co-managed costs
    // 1,375,000 cents = $13,750 more.
    const data = workspace({
      areas: [
        area({ id: 'auto', name: 'Automation', coverageModel: 'on-demand', onDemandHours: 1800, plan: 'co-manage' }),
      ],
      contracts: [
        contract({
          perUserMonthly: 0,
          perEndpointMonthly: 0,
          fixedMonthly: 1_250_000,
          projectHoursPerYear: 0,
          onboardingFee: 0,
          escalatorPct: 0,
          coveredAreas: [{ skillAreaId: 'auto', coverageModel: 'on-demand' }],
        }),
      ],
      scenarios: [
        scenario({ id: 'ih', name: 'In-house', kind: 'in-house', ...flat }),
        scenario({ id: 'cm', name: 'Co-managed', kind: 'co-managed', order: 1, ...flat }),
      ],
    });
    const cmp = compareScenarios(data);
    expect(cmp.breakEven.find((b) => b.aId === 'ih')?.year).toBe(2);
    expect(comparisonSentence(data, cmp)).toBe(
      'Co-managing Automation costs $13,750 more over 5 years and covers them from the first month; doing it in-house needs 1 hire. In-house becomes cheaper than Co-managed in year 2 (cumulative).',
    );
  });

  it('is empty without an in-house and a co-managed scenario', () => {
    const data = soc24x7();
    const only = { ...data, tables: { ...data.tables, scenarios: data.tables.scenarios.slice(0, 1) } };
    expect(comparisonSentence(only, compareScenarios(only))).toBe('');
  });
});

describe('money helpers', () => {
  it.each([
    [12_345, 'USD', 123.45],
    [12_345, 'JPY', 12_345],
    [-5, 'EUR', -0.05],
  ])('%i minor %s = %d major', (minor, currency, major) => {
    expect(toMajor(minor, currency)).toBe(major);
  });

  it('falls back to en-US for a locale Intl does not accept', () => {
    expect(formatMoneyWhole(123_456, 'USD', 'not a locale!')).toBe('$1,235');
  });

  it('joins names in plain English', () => {
    expect([joinNames([]), joinNames(['a']), joinNames(['a', 'b']), joinNames(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });
});
