/**
 * Multi-year plan (SPEC §3.4: 3–5 years from recurring lines, escalators and roadmap costs).
 *
 * For each fiscal year Y of the view, plan = run part + roadmap part:
 * - Run part, from lines not tied to a roadmap item (lineTreatment 'as-written'). If Y has budget
 *   lines of its own ("budget" year) they count as written, recurring and one-off. Otherwise
 *   ("projected" year) the recurring ones of the base year — the latest earlier fiscal year that
 *   has lines — are escalated: annual plan × (1 + escalatorPct/100)^(Y − base), rounded half away
 *   from zero to the minor unit per line. One-off lines do not repeat.
 * - Roadmap part: the roadmap's money in Y under the rules of roadmap-link.ts, as planned (actuals
 *   ignored): lines linked to an item (moved with the item) for the years they cover, and the
 *   committed item's own schedule for the years no linked line covers.
 * - Hence no double counting: a linked line is never escalated (beyond its budget year the item's
 *   schedule is the item's money), and an item's schedule never adds to a year its lines cover.
 *   Proposed items are shown apart (`proposedRoadmap`) and are not in `plan`.
 */
import { fiscalYearOf } from '../periods';
import { roundHalfAwayFromZero, sum } from './money';
import { lineTreatment, roadmapMoneyByMonth } from './roadmap-link';
import type { BudgetLine } from './schema';
import type { BudgetContext } from './summary';

export type MultiYearRow = {
  fiscalYear: number;
  /** 'budget': the year's own lines; 'projected': escalated from `baseYear`; 'none': no lines to go on. */
  source: 'budget' | 'projected' | 'none';
  baseYear: number | null;
  /** Line part from recurring lines (escalated in projected years). */
  recurring: number;
  /** Line part from one-off lines (budget years only). */
  oneOff: number;
  /** Roadmap capex in the year: capex lines linked to items, and committed items' one-time costs. */
  roadmapCapex: number;
  /** Roadmap opex in the year: opex lines linked to items, and committed items' recurring costs. */
  roadmapOpex: number;
  /** recurring + oneOff + roadmapCapex + roadmapOpex. */
  plan: number;
  /** Scheduled cost of proposed (not yet approved) items in the year; not part of `plan`. */
  proposedRoadmap: number;
};

/** Annual amount escalated n years: annual × (1 + pct/100)^n, rounded half away from zero. */
export function escalate(annual: number, escalatorPct: number, years: number): number {
  const exact = annual * (1 + escalatorPct / 100) ** years;
  // A tiny relative nudge away from zero so that decimal halves which binary floating point lands
  // just below (x.4999999…) still round up, as the decimal arithmetic says they should.
  return roundHalfAwayFromZero(exact * (1 + 1e-12));
}

/** The plan for `count` fiscal years starting at `firstYear` (3 or 5 in the budget screen). */
export function multiYearPlan(ctx: BudgetContext, firstYear: number, count: number): MultiYearRow[] {
  const itemsById = new Map(ctx.items.map((i) => [i.id, i]));
  const fs = ctx.fiscalStartMonth;
  const money = roadmapMoneyByMonth(ctx.lines, ctx.items, fs, { unspentOnly: false });
  const roadmapByYear = new Map<number, { capex: number; opex: number; proposed: number }>();
  const cellOf = (fy: number): { capex: number; opex: number; proposed: number } => {
    const cell = roadmapByYear.get(fy) ?? { capex: 0, opex: 0, proposed: 0 };
    roadmapByYear.set(fy, cell);
    return cell;
  };
  for (const [month, split] of money.byMonth) {
    const cell = cellOf(fiscalYearOf(month, fs));
    cell.capex += split.capex;
    cell.opex += split.opex;
  }
  for (const [month, amount] of money.proposedByMonth) cellOf(fiscalYearOf(month, fs)).proposed += amount;

  const counted = ctx.lines.filter((l) => lineTreatment(l, itemsById) === 'as-written');
  const yearsWithLines = [...new Set(ctx.lines.map((l) => l.fiscalYear))].sort((a, b) => a - b);

  const rows: MultiYearRow[] = [];
  for (let k = 0; k < count; k++) {
    const fy = firstYear + k;
    const r = roadmapByYear.get(fy) ?? { capex: 0, opex: 0, proposed: 0 };
    let source: MultiYearRow['source'];
    let baseYear: number | null;
    let recurring = 0;
    let oneOff = 0;
    if (yearsWithLines.includes(fy)) {
      source = 'budget';
      baseYear = fy;
      for (const l of counted.filter((x) => x.fiscalYear === fy)) {
        if (l.recurring) recurring += annualPlan(l);
        else oneOff += annualPlan(l);
      }
    } else {
      baseYear = latestBefore(yearsWithLines, fy);
      source = baseYear === null ? 'none' : 'projected';
      if (baseYear !== null) {
        const n = fy - baseYear;
        for (const l of counted) {
          if (l.fiscalYear === baseYear && l.recurring) recurring += escalate(annualPlan(l), l.escalatorPct, n);
        }
      }
    }
    rows.push({
      fiscalYear: fy,
      source,
      baseYear,
      recurring,
      oneOff,
      roadmapCapex: r.capex,
      roadmapOpex: r.opex,
      plan: recurring + oneOff + r.capex + r.opex,
      proposedRoadmap: r.proposed,
    });
  }
  return rows;
}

function annualPlan(line: Pick<BudgetLine, 'plan'>): number {
  return sum(line.plan);
}

function latestBefore(sortedYears: readonly number[], fy: number): number | null {
  let out: number | null = null;
  for (const y of sortedYears) if (y < fy) out = y;
  return out;
}
