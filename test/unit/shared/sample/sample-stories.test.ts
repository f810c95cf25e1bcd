import { describe, expect, it } from 'vitest';
import { multiYearPlan } from '../../../../shared/domain/budget/multi-year';
import { budgetSummary, type BudgetContext } from '../../../../shared/domain/budget/summary';
import { reschedule } from '../../../../shared/domain/roadmap/costs';
import { compareScenarios, partnerFeeInYear } from '../../../../shared/domain/scenarios/engine';
import { comparisonSentence } from '../../../../shared/domain/scenarios/summary';
import { buildSampleWorkspace } from '../../../../shared/sample/build-sample';

const sample = buildSampleWorkspace();
const t = sample.tables;
const sumCents = (xs: readonly (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

describe('the sample sourcing story (what the comparison screen, the deck and the CLI show)', () => {
  const cmp = compareScenarios(sample);
  const byKind = (kind: string) => cmp.scenarios.find((s) => s.kind === kind)!;
  const total5 = (kind: string) => byKind(kind).cumulative[4]!;

  it('costs all four scenarios without problems', () => {
    expect(cmp.problems).toEqual([]);
    expect(cmp.scenarios.map((s) => s.kind)).toEqual(['in-house', 'co-managed', 'hybrid', 'fully-outsourced']);
  });

  it('charges the co-managed contract in year 0: 12 × $78,100 + $66,000 + $31,240 onboarding = $1,034,440', () => {
    expect(byKind('co-managed').years[0]!.partner).toBe(103_444_000);
    // The FY2026 partner-services budget is the same contract without onboarding (already paid in 2025).
    const contract = t.partnerContracts.find((c) => c.kind === 'co-managed')!;
    const fy26Partner = sumCents(
      t.budgetLines.filter((l) => l.fiscalYear === 2026 && l.category === 'partner-services').flatMap((l) => l.plan),
    );
    expect(fy26Partner).toBe(partnerFeeInYear(contract, 1900, 2400, 0) - contract.onboardingFee);
  });

  it('needs 7 hires in-house: 2 for NOC, 4 for SIEM/SOC (24x7 = 4.87 FTE), 1 cloud architect', () => {
    const hires = Object.fromEntries(
      byKind('in-house')
        .areas.filter((a) => a.hires > 0)
        .map((a) => [a.key, a.hires]),
    );
    expect(hires).toEqual({ 'noc-monitoring': 2, 'siem-soc': 4, 'cloud-architecture': 1 });
    expect(byKind('in-house').totalHires).toBe(7);
    expect(byKind('hybrid').totalHires).toBe(1);
    expect(byKind('co-managed').totalHires).toBe(0);
  });

  it('co-managing is cheaper than in-house from year 0, by more than 5 % over 5 years and in NPV', () => {
    const [ih, co] = [byKind('in-house'), byKind('co-managed')];
    expect(co.years[0]!.total).toBeLessThan(ih.years[0]!.total);
    expect(total5('co-managed')).toBeLessThan(total5('in-house') * 0.95);
    expect(co.npv).toBeLessThan(ih.npv * 0.95);
    expect(cmp.breakEven.find((b) => b.aId === co.scenarioId && b.bId === ih.scenarioId)!.year).toBe(0);
  });

  it('the hybrid beats all in-house and costs exactly the co-managed scenario plus the cloud architect', () => {
    const [ih, co, hy] = [byKind('in-house'), byKind('co-managed'), byKind('hybrid')];
    expect(hy.npv).toBeLessThan(ih.npv);
    expect(total5('hybrid')).toBeLessThan(total5('in-house'));
    hy.years.forEach((y, i) => {
      expect(y.total, `year ${i}`).toBe(co.years[i]!.total + y.newHires + y.hiringOneTime);
    });
    // What the extra buys: cloud architecture coverage from 87 % (1 FTE × 1,800 / 2,080 h) to 100 %.
    const cloud = (kind: string) => byKind(kind).areas.find((a) => a.key === 'cloud-architecture')!.coverage;
    expect(cloud('co-managed')).toBeCloseTo(1800 / 2080, 10);
    expect(cloud('hybrid')).toBe(1);
  });

  it('fully outsourcing is the most expensive option', () => {
    const fo = byKind('fully-outsourced');
    for (const s of cmp.scenarios) if (s !== fo) expect(fo.npv, s.name).toBeGreaterThan(s.npv);
  });

  it('reads as one plain sentence with the 5-year saving computed from the cumulative totals', () => {
    const saving = Math.round((total5('in-house') - total5('co-managed')) / 100);
    const dollars = `$${saving.toLocaleString('en-US')}`;
    expect(comparisonSentence(sample, cmp)).toBe(
      `Co-managing NOC monitoring and SIEM / SOC saves ${dollars} over 5 years and covers 24x7 from the first month; doing it in-house needs 7 hires.`,
    );
  });
});

describe('the Cloud migration item carries its budget lines: moving it moves the forecast', () => {
  const item = t.roadmapItems.find((i) => i.title === 'Cloud migration')!;
  const linked = t.budgetLines.filter((l) => l.fiscalYear === 2026 && l.roadmapItemId === item.id);
  const ctx = (items = t.roadmapItems): BudgetContext => ({ fiscalStartMonth: 1, lines: t.budgetLines, items });
  const moved = t.roadmapItems.map((i) => (i.id === item.id ? reschedule(i, 3) : i));

  it('links the migration services waves and the migrated servers’ Azure consumption to the item', () => {
    expect(linked.map((l) => l.name).sort()).toEqual([
      'Azure consumption of migrated servers',
      'Cloud migration services (fixed-price waves)',
    ]);
    // The services waves are the item's capex.
    const services = linked.find((l) => l.kind === 'capex')!;
    expect(sumCents(services.plan)).toBe(item.capex);
  });

  it('+3 months takes the unpaid October–December amounts out of the FY2026 forecast', () => {
    // Hand-worked: services waves planned for November and December ($40,000 each) and the migrated
    // servers' Azure run-rate for October–December (3 × $9,000) move into January–March 2027: $107,000.
    const unspentQ4 = sumCents(linked.flatMap((l) => l.plan.map((p, i) => (i >= 9 && l.actual[i] === null ? p : 0))));
    expect(unspentQ4).toBe(10_700_000);
    const before = budgetSummary(ctx(), 2026).year;
    const after = budgetSummary(ctx(moved), 2026).year;
    expect(before.forecast - after.forecast).toBe(unspentQ4);
    // The plan is the budget as approved; only the forecast follows the item.
    expect(after.plan).toBe(before.plan);
  });

  it('+3 months raises the FY2027 plan by the moved amounts less the item’s own run-rate that slips out', () => {
    // FY2027 gains the $107,000 from FY2026 lines and loses January–March of the item's own opex
    // (its schedule from 2027-01 now starts 2027-04): 107,000 − 3 × 9,000 = $80,000; FY2028 gains those 3 months.
    const rows = (items = t.roadmapItems) => multiYearPlan(ctx(items), 2026, 3);
    const [b26, b27, b28] = rows();
    const [a26, a27, a28] = rows(moved);
    expect(a27!.plan - b27!.plan).toBe(10_700_000 - 3 * item.opexMonthly);
    expect(a27!.plan - b27!.plan).toBe(8_000_000);
    expect(a28!.plan - b28!.plan).toBe(3 * item.opexMonthly);
    // In the plan (actuals ignored) the April, June, August and September waves also move but stay in FY2026.
    expect(b26!.plan - a26!.plan).toBe(10_700_000);
  });
});
