import { describe, expect, it } from 'vitest';
import { budgetJson, command, defaultFiscalYear, type BudgetJson } from '../../../cli/commands/budget';
import type { CliIo } from '../../../cli/io';
import { loadWorkspaceArg } from '../../../cli/workspace-file';
import { reschedule } from '../../../shared/domain/roadmap/costs';
import type { WorkspaceData } from '../../../shared/domain/tables';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd: process.cwd(), out: (t) => stdout.push(t), err: (t) => stderr.push(t), stdout, stderr };
}

async function runJson(argv: string[]): Promise<BudgetJson> {
  const io = capture();
  expect(await command.run(argv, io)).toBe(0);
  return JSON.parse(io.stdout.join('')) as BudgetJson;
}

// ---- An independent reading of the sample: plain loops over the raw lines, none of the budget code.
// Calendar fiscal year (the sample's), so fiscal month index i = calendar month i + 1.
const cents = (major: number): number => Math.round(major * 100);
type Quarter = { plan: number; actual: number | null; comparedPlan: number; forecast: number };

function independentQuarters(data: WorkspaceData, fy: number): Quarter[] {
  const lines = data.tables.budgetLines.filter((l) => l.fiscalYear === fy);
  const out: Quarter[] = [];
  for (let q = 0; q < 4; q++) {
    const r: Quarter = { plan: 0, actual: null, comparedPlan: 0, forecast: 0 };
    for (let i = q * 3; i < q * 3 + 3; i++) {
      let plan = 0;
      let actual = 0;
      let booked = false;
      for (const l of lines) {
        plan += l.plan[i] ?? 0;
        const a = l.actual[i];
        if (a !== null && a !== undefined) {
          booked = true;
          actual += a;
        }
      }
      r.plan += plan;
      if (booked) {
        r.actual = (r.actual ?? 0) + actual;
        r.comparedPlan += plan;
        r.forecast += actual;
      } else {
        r.forecast += plan;
      }
    }
    out.push(r);
  }
  return out;
}

describe('quarterdeck budget --sample --json (FY2026, checked against plain sums of the sample)', async () => {
  const io = capture();
  const data = await loadWorkspaceArg(['--sample'], io);
  const json = await runJson(['--sample', '--json']);
  const expected = independentQuarters(data, 2026);

  it('preconditions of the simple forecast formula hold in the sample (nothing moved, nothing unbudgeted in FY2026)', () => {
    // With no item moved since the budget was written and no committed item costing money in 2026
    // without a 2026 line, forecast = actuals in booked months + plan of the others.
    expect(data.tables.roadmapItems.every((i) => i.baselineStartMonth == null)).toBe(true);
    const linked2026 = new Set(
      data.tables.budgetLines.filter((l) => l.fiscalYear === 2026).map((l) => l.roadmapItemId),
    );
    const cancelled = new Set(data.tables.roadmapItems.filter((i) => i.status === 'cancelled').map((i) => i.id));
    expect(data.tables.budgetLines.some((l) => l.roadmapItemId !== null && cancelled.has(l.roadmapItemId))).toBe(false);
    for (const item of data.tables.roadmapItems) {
      if (item.status === 'proposed' || item.status === 'cancelled' || linked2026.has(item.id)) continue;
      const capexIn2026 = item.capex > 0 && item.startMonth.startsWith('2026');
      const from = item.opexStartMonth ?? item.startMonth;
      const to = item.opexEndMonth ?? item.endMonth;
      const opexIn2026 = item.opexMonthly > 0 && from <= '2026-12' && to >= '2026-01';
      expect({ item: item.title, costsIn2026: capexIn2026 || opexIn2026 }).toEqual({
        item: item.title,
        costsIn2026: false,
      });
    }
  });

  it('defaults to the fiscal year of the latest actuals', () => {
    expect(json.fiscalYear).toBe(2026);
  });

  it('has four quarters whose plan, actual, variance and forecast match the plain sums', () => {
    expect(json.quarters.map((q) => q.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    json.quarters.forEach((q, k) => {
      const e = expected[k];
      if (!e) throw new Error('missing quarter');
      expect(cents(q.plan)).toBe(e.plan);
      expect(q.actual === null ? null : cents(q.actual)).toBe(e.actual);
      expect(cents(q.variance)).toBe(e.actual === null ? 0 : e.actual - e.comparedPlan);
      if (e.actual === null) expect(q.variancePct).toBeNull();
      else expect(q.variancePct).toBeCloseTo(((e.actual - e.comparedPlan) / e.comparedPlan) * 100, 2);
      expect(cents(q.forecast)).toBe(e.forecast);
    });
    // The sample has actuals January–September: Q4 is open.
    expect(json.quarters[3]?.actual).toBeNull();
    expect(json.quarters[2]?.actual).not.toBeNull();
  });

  it('totals the year and splits by category like the plain sums', () => {
    const sumOf = (f: (q: Quarter) => number): number => expected.reduce((s, q) => s + f(q), 0);
    expect(cents(json.year.plan)).toBe(sumOf((q) => q.plan));
    expect(cents(json.year.actual)).toBe(sumOf((q) => q.actual ?? 0));
    expect(cents(json.year.forecast)).toBe(sumOf((q) => q.forecast));
    const lines = data.tables.budgetLines.filter((l) => l.fiscalYear === 2026);
    for (const c of json.byCategory) {
      let plan = 0;
      let actual = 0;
      let capex = 0;
      for (const l of lines.filter((x) => x.category === c.category)) {
        const p = l.plan.reduce((s, v) => s + v, 0);
        plan += p;
        if (l.kind === 'capex') capex += p;
        actual += l.actual.reduce<number>((s, v) => s + (v ?? 0), 0);
      }
      expect([cents(c.plan), cents(c.actual), cents(c.capex), cents(c.opex)]).toEqual([
        plan,
        actual,
        capex,
        plan - capex,
      ]);
    }
    expect(json.byCategory.reduce((s, c) => s + cents(c.plan), 0)).toBe(cents(json.year.plan));
  });

  it('gives five years: the budget year, then escalated recurring lines plus roadmap schedules', () => {
    expect(json.multiYear.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    // Year 0 is the written budget (the preconditions above rule out roadmap additions).
    expect(json.multiYear[0]?.plan).toBe(json.year.plan);
    // FY2027 by hand: unlinked recurring 2026 lines × (1 + escalator), rounded per line, plus the
    // 2027 months of every committed item's schedule (no 2027 line covers any item).
    const itemIds = new Set(data.tables.roadmapItems.map((i) => i.id));
    let run2027 = 0;
    for (const l of data.tables.budgetLines) {
      if (l.fiscalYear !== 2026 || !l.recurring) continue;
      if (l.roadmapItemId !== null && itemIds.has(l.roadmapItemId)) continue;
      const annual = l.plan.reduce((s, v) => s + v, 0);
      const exact = annual * (1 + l.escalatorPct / 100);
      run2027 += Math.sign(exact) * Math.round(Math.abs(exact) + 1e-7);
    }
    let roadmap2027 = 0;
    for (const item of data.tables.roadmapItems) {
      if (item.status === 'proposed' || item.status === 'cancelled') continue;
      if (item.startMonth.startsWith('2027')) roadmap2027 += item.capex;
      const from = item.opexStartMonth ?? item.startMonth;
      const to = item.opexEndMonth ?? item.endMonth;
      for (let m = 1; m <= 12; m++) {
        const month = `2027-${String(m).padStart(2, '0')}`;
        if (month >= from && month <= to) roadmap2027 += item.opexMonthly;
      }
    }
    expect(cents(json.multiYear[1]?.plan ?? NaN)).toBe(run2027 + roadmap2027);
  });

  it('costs per user and per endpoint per month = year forecast ÷ 12 ÷ count, to the cent', () => {
    const forecast = cents(json.year.forecast);
    expect(cents(json.costPerUserMonth ?? NaN)).toBe(Math.round(forecast / 12 / data.workspace.userCount));
    expect(cents(json.costPerEndpointMonth ?? NaN)).toBe(Math.round(forecast / 12 / data.workspace.endpointCount));
  });

  it('moving "Cloud migration" one quarter later moves its FY2026 Q4 money into FY2027', () => {
    const cm = data.tables.roadmapItems.find((i) => i.title === 'Cloud migration');
    if (!cm) throw new Error('the sample has a Cloud migration item');
    const moved: WorkspaceData = {
      ...data,
      tables: {
        ...data.tables,
        roadmapItems: data.tables.roadmapItems.map((i) => (i.id === cm.id ? reschedule(i, 3) : i)),
      },
    };
    // What moves out of Q4: the Oct–Dec plan of the lines linked to the item (none is booked yet).
    let q4Linked = 0;
    for (const l of data.tables.budgetLines) {
      if (l.fiscalYear === 2026 && l.roadmapItemId === cm.id)
        q4Linked += (l.plan[9] ?? 0) + (l.plan[10] ?? 0) + (l.plan[11] ?? 0);
    }
    expect(q4Linked).toBeGreaterThan(0);
    const before = budgetJson(data, 2026);
    const after = budgetJson(moved, 2026);
    expect(cents(before.quarters[3]?.forecast ?? 0) - cents(after.quarters[3]?.forecast ?? 0)).toBe(q4Linked);
    expect(after.quarters[3]?.plan).toBe(before.quarters[3]?.plan); // the approved plan stays
    // FY2027 Q1 gains those amounts, less the item's own Jan–Mar 2027 opex, whose baseline months
    // (Oct–Dec 2026) the FY2026 lines now cover.
    let opexJanMar = 0;
    for (const month of ['2027-01', '2027-02', '2027-03']) {
      const from = cm.opexStartMonth ?? cm.startMonth;
      const to = cm.opexEndMonth ?? cm.endMonth;
      if (month >= from && month <= to) opexJanMar += cm.opexMonthly;
    }
    const q1Before = cents(budgetJson(data, 2027).quarters[0]?.forecast ?? 0);
    const q1After = cents(budgetJson(moved, 2027).quarters[0]?.forecast ?? 0);
    expect(q1After - q1Before).toBe(q4Linked - opexJanMar);
    // The five-year plan: FY2026 loses the linked lines' Oct–Dec plan (Jan–Sep shift within 2026).
    expect(cents(before.multiYear[0]?.plan ?? 0) - cents(after.multiYear[0]?.plan ?? 0)).toBe(q4Linked);
  });
});

describe('quarterdeck budget options and text', () => {
  it('reads a backup file and takes --year FY2025', async () => {
    const json = await runJson(['--workspace', 'resources/sample-workspace.json', '--year', 'FY2025', '--json']);
    expect(json.fiscalYear).toBe(2025);
    expect(json.quarters.every((q) => q.actual !== null)).toBe(true);
  });

  it('prints a readable table without --json', async () => {
    const io = capture();
    expect(await command.run(['--sample'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('budget FY2026 (USD');
    expect(text).toMatch(/Q4 FY2026 \(2026-10 – 2026-12\)\s+\$[\d,]+\.\d\d\s+—/);
    expect(text).toContain('Cost per user per month: $');
    expect(text).toContain('FY2027');
  });

  const bad: [string[], string][] = [
    [['--sample', '--year', '26'], '"26" is not a fiscal year'],
    [['--sample', '--year'], 'is not a fiscal year'],
    [['--sample', '--colour'], 'unknown option "--colour"'],
    [['--sample', '--workspace', 'x.json'], 'either --workspace FILE or --sample'],
    [[], 'give --workspace FILE or --sample'],
  ];
  it.each(bad)('refuses %j with exit code 2', async (argv, message) => {
    await expect(command.run(argv, capture())).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(message),
    });
  });

  it('defaults to the latest year with lines when there are no actuals', async () => {
    const data = await loadWorkspaceArg(['--sample'], capture());
    const noActuals: WorkspaceData = {
      ...data,
      tables: {
        ...data.tables,
        budgetLines: data.tables.budgetLines.map((l) => ({ ...l, actual: l.actual.map(() => null) })),
      },
    };
    expect(defaultFiscalYear(noActuals, '2030-05-01T00:00:00Z')).toBe(2026);
    const empty: WorkspaceData = { ...data, tables: { ...data.tables, budgetLines: [] } };
    expect(defaultFiscalYear(empty, '2030-05-01T00:00:00Z')).toBe(2030);
  });
});
