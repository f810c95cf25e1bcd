/**
 * Skill load (SPEC §2 "needed skills with person-days", §3.3 "moving it updates … the skill load at
 * once"): person-days the roadmap needs per skill area per fiscal quarter, against the internal
 * team's capacity in that area.
 *
 * Rules (kept here so the screen, tests and any report agree):
 * - Each item's person-days per skill are spread evenly over its months, start..end inclusive;
 *   a quarter gets the share of the months that fall in it.
 * - Cancelled items need nothing. Done items count in the months they were planned for (the work
 *   happened then, so past quarters stay true). Proposed items count, and their share is also
 *   given apart (`proposedDays`), because the budget forecast leaves them out.
 * - Start and end months are required by the schema; an item whose months do not parse or end
 *   before they start is skipped and listed in `skipped`, as is a skill on an unknown area.
 * - Capacity follows the coverage convention (staffing/coverage.ts): the FTE of people with
 *   proficiency ≥ 2 in the area, each counting fully in every area they know, × productive hours
 *   per FTE per year (1,800) ÷ 4 quarters ÷ 8 hours per person-day = 56.25 days per FTE-quarter.
 *   It is the team's whole time in the area: run work is not taken off, so a load near 100% is
 *   already over what projects can get.
 */
import { monthIndex, fiscalQuarterOf, fiscalYearMonths, monthFromIndex } from '../periods';
import { DEFAULT_PRODUCTIVE_HOURS, internalFte } from '../staffing/coverage';
import type { Person, SkillArea } from '../staffing/schema';
import type { RoadmapItem } from './schema';

/** Working hours in one person-day (a standard 8-hour day). */
export const HOURS_PER_PERSON_DAY = 8;

/** Item statuses that need no skills. */
export const NO_LOAD_STATUSES: readonly RoadmapItem['status'][] = ['cancelled'];

/** One skill area in one fiscal quarter. */
export type SkillLoadCell = {
  quarter: string;
  /** Person-days the roadmap needs in the quarter (proposed items included). */
  neededDays: number;
  /** The part of neededDays that comes from proposed items. */
  proposedDays: number;
  /** Internal person-days available in the quarter. */
  capacityDays: number;
  /** needed ÷ capacity × 100; null when there is no capacity. */
  loadPct: number | null;
  /** Needed days exceed capacity (any need with no capacity is over). */
  over: boolean;
};

/** One skill area over the fiscal year's four quarters. */
export type SkillLoadRow = {
  areaId: string;
  key: string;
  name: string;
  internalFte: number;
  cells: SkillLoadCell[];
  yearNeededDays: number;
  yearCapacityDays: number;
};

/** Why an item or one of its skills was left out. */
export type SkillLoadSkip = { itemId: string; title: string; reason: string };

export type SkillLoad = {
  fiscalYear: number;
  /** The four quarter keys, `YYYY-Qn`. */
  quarters: string[];
  /** Areas with any need in the fiscal year, in the areas' order. */
  rows: SkillLoadRow[];
  /** Items (not cancelled) that name at least one skill with days, in any year. */
  itemsWithSkills: number;
  skipped: SkillLoadSkip[];
};

export type SkillLoadOptions = { productiveHours?: number; hoursPerDay?: number };

export type SkillLoadInput = {
  fiscalStartMonth: number;
  items: readonly Pick<RoadmapItem, 'id' | 'title' | 'status' | 'startMonth' | 'endMonth' | 'skills'>[];
  areas: readonly Pick<SkillArea, 'id' | 'key' | 'name' | 'order'>[];
  people: readonly Pick<Person, 'skills' | 'fte'>[];
};

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Person-days per quarter of one FTE: productive hours ÷ 4 ÷ hours per day. */
export function capacityDaysPerFteQuarter(options: SkillLoadOptions = {}): number {
  const hours = options.productiveHours ?? DEFAULT_PRODUCTIVE_HOURS;
  const perDay = options.hoursPerDay ?? HOURS_PER_PERSON_DAY;
  return hours / 4 / perDay;
}

/** Person-days needed per skill area per fiscal quarter of `fiscalYear`, against internal capacity. */
export function skillLoad(input: SkillLoadInput, fiscalYear: number, options: SkillLoadOptions = {}): SkillLoad {
  const fs = input.fiscalStartMonth;
  const quarters = [0, 3, 6, 9].map((i) => fiscalQuarterOf(fiscalYearMonths(fiscalYear, fs)[i] ?? '', fs));
  const qIndex = new Map(quarters.map((q, i) => [q, i]));
  const areaById = new Map(input.areas.map((a) => [a.id, a]));
  const needed = new Map<string, number[]>();
  const proposed = new Map<string, number[]>();
  const skipped: SkillLoadSkip[] = [];
  let itemsWithSkills = 0;

  for (const item of input.items) {
    if (NO_LOAD_STATUSES.includes(item.status)) continue;
    const skills = item.skills.filter((s) => s.personDays > 0);
    if (skills.length === 0) continue;
    itemsWithSkills++;
    if (!MONTH_RE.test(item.startMonth) || !MONTH_RE.test(item.endMonth)) {
      skipped.push({ itemId: item.id, title: item.title, reason: 'its start or end month is not YYYY-MM' });
      continue;
    }
    const a = monthIndex(item.startMonth);
    const b = monthIndex(item.endMonth);
    if (b < a) {
      skipped.push({ itemId: item.id, title: item.title, reason: 'its end month is before its start month' });
      continue;
    }
    const months = b - a + 1;
    // Months of this item per quarter of the year (others fall outside it).
    const perQuarter = [0, 0, 0, 0];
    for (let m = a; m <= b; m++) {
      const q = qIndex.get(fiscalQuarterOf(monthFromIndex(m), fs));
      if (q !== undefined) perQuarter[q] = (perQuarter[q] ?? 0) + 1;
    }
    for (const s of skills) {
      if (!areaById.has(s.skillAreaId)) {
        skipped.push({ itemId: item.id, title: item.title, reason: `skill area ${s.skillAreaId} does not exist` });
        continue;
      }
      const row = needed.get(s.skillAreaId) ?? [0, 0, 0, 0];
      const prow = proposed.get(s.skillAreaId) ?? [0, 0, 0, 0];
      perQuarter.forEach((n, q) => {
        const days = (s.personDays * n) / months;
        row[q] = (row[q] ?? 0) + days;
        if (item.status === 'proposed') prow[q] = (prow[q] ?? 0) + days;
      });
      needed.set(s.skillAreaId, row);
      proposed.set(s.skillAreaId, prow);
    }
  }

  const perFte = capacityDaysPerFteQuarter(options);
  const rows: SkillLoadRow[] = [...input.areas]
    .sort((x, y) => x.order - y.order || x.name.localeCompare(y.name, 'en'))
    .filter((area) => (needed.get(area.id) ?? []).some((d) => d > 0))
    .map((area) => {
      const fte = internalFte(input.people, area.id);
      const capacityDays = fte * perFte;
      const need = needed.get(area.id) ?? [0, 0, 0, 0];
      const prop = proposed.get(area.id) ?? [0, 0, 0, 0];
      const cells = quarters.map((quarter, i): SkillLoadCell => {
        const neededDays = need[i] ?? 0;
        return {
          quarter,
          neededDays,
          proposedDays: prop[i] ?? 0,
          capacityDays,
          loadPct: capacityDays > 0 ? (neededDays / capacityDays) * 100 : null,
          over: neededDays > capacityDays,
        };
      });
      return {
        areaId: area.id,
        key: area.key,
        name: area.name,
        internalFte: fte,
        cells,
        yearNeededDays: cells.reduce((sum, c) => sum + c.neededDays, 0),
        yearCapacityDays: capacityDays * 4,
      };
    });
  return { fiscalYear, quarters, rows, itemsWithSkills, skipped };
}

/** A cell whose needed days differ between two skill loads of the same year. */
export type SkillLoadChange = { areaId: string; quarter: string; before: number; after: number };

/** Cells whose needed days changed (beyond rounding noise), in row then quarter order. */
export function skillLoadChanges(before: SkillLoad, after: SkillLoad): SkillLoadChange[] {
  const key = (areaId: string, q: string) => `${areaId}|${q}`;
  const map = new Map<string, SkillLoadChange>();
  const order: string[] = [];
  const visit = (load: SkillLoad, side: 'before' | 'after') => {
    for (const row of load.rows)
      for (const c of row.cells) {
        const k = key(row.areaId, c.quarter);
        let e = map.get(k);
        if (!e) {
          e = { areaId: row.areaId, quarter: c.quarter, before: 0, after: 0 };
          map.set(k, e);
          order.push(k);
        }
        e[side] = c.neededDays;
      }
  };
  visit(before, 'before');
  visit(after, 'after');
  const out: SkillLoadChange[] = [];
  for (const k of order) {
    const e = map.get(k);
    if (e && Math.abs(e.after - e.before) > 1e-9) out.push(e);
  }
  return out;
}
