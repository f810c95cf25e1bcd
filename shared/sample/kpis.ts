/**
 * Sample KPI dictionary and 24 months of history (October 2024 – September 2026) for every
 * built-in KPI. The story: Harborline took over NOC/SOC and service-desk overflow in January 2025;
 * resolution times, SLA attainment, MFA and EDR coverage improve as the roadmap lands. Ticket
 * counts hold together (resolved = opened + previous backlog − backlog), overall values are the
 * weighted means of the party splits, project throughput counts the roadmap items finished in
 * the month and cost per endpoint is the month's budget actuals divided by the endpoints.
 */
import type { BudgetLine } from '../domain/budget/schema';
import { builtInKpiDefinitions } from '../domain/kpis/dictionary';
import type { KpiDefinition, KpiSnapshot, Provenance } from '../domain/kpis/schema';
import { addMonths, monthIndex, monthRange, parseMonth } from '../domain/periods';
import type { RoadmapItem } from '../domain/roadmap/schema';
import { PARTY, SAMPLE_WORKSPACE_ID as WS, sampleId } from './constants';
import type { Random } from './prng';
import { ENDPOINT_COUNT } from './staffing';
import { monthActualTotal } from './budget';

export const KPI_FIRST_MONTH = '2024-10';
export const KPI_LAST_MONTH = '2026-09';
/** The month Harborline started: party splits exist from here on. */
export const PARTNER_START_MONTH = '2025-01';

/** Targets this director set where the defaults do not fit the story (policy, not benchmarks). */
const TARGET_OVERRIDES: Readonly<Record<string, { target: number; amberThreshold: number }>> = {
  mttr_hours: { target: 16, amberThreshold: 20 },
  median_ttr_hours: { target: 9, amberThreshold: 12 },
  edr_coverage: { target: 98, amberThreshold: 95 },
  mfa_coverage: { target: 98, amberThreshold: 95 },
};

export function sampleKpiDefinitions(): KpiDefinition[] {
  return builtInKpiDefinitions(WS).map((d) => ({
    ...d,
    id: sampleId('kpi', d.key),
    ...(TARGET_OVERRIDES[d.key] ?? {}),
  }));
}

/** Linear interpolation through (month index, value) points, flat outside them. */
function path(points: readonly [string, number][]): (month: string) => number {
  const pts = points.map(([m, v]) => [monthIndex(m), v] as const);
  return (month) => {
    const x = monthIndex(month);
    if (x <= pts[0]![0]) return pts[0]![1];
    for (let i = 1; i < pts.length; i++) {
      const [x1, y1] = pts[i]!;
      const [x0, y0] = pts[i - 1]!;
      if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
    return pts[pts.length - 1]![1];
  };
}

const r1 = (v: number): number => Math.round(v * 10) / 10;
const r2 = (v: number): number => Math.round(v * 100) / 100;
const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

const SEASON = [1.08, 1.02, 1.03, 0.98, 0.99, 0.97, 0.93, 0.9, 1.04, 1.03, 1.0, 0.86] as const;

type Row = { key: string; period: string; value: number; weight: number | null; segment?: string; note?: string };

/** Monthly KPI snapshots for the sample. */
export function sampleKpiSnapshots(
  rnd: Random,
  roadmap: readonly RoadmapItem[],
  budget: readonly BudgetLine[],
): KpiSnapshot[] {
  const months = monthRange(KPI_FIRST_MONTH, KPI_LAST_MONTH);
  const rows: Row[] = [];
  const add = (row: Row) => rows.push(row);

  const backlogPath = path([
    ['2024-09', 300],
    ['2025-01', 345],
    ['2025-03', 330],
    ['2026-09', 185],
  ]);
  const mttrPath = path([
    ['2024-10', 22.4],
    ['2025-01', 23.1],
    ['2025-04', 21.0],
    ['2026-09', 15.0],
  ]);
  const slaPath = path([
    ['2024-10', 88.0],
    ['2024-12', 88.4],
    ['2025-01', 86.5],
    ['2025-04', 89.5],
    ['2026-09', 95.2],
  ]);
  const partnerSlaPath = path([
    ['2025-01', 92.5],
    ['2025-06', 96.0],
    ['2026-09', 97.4],
  ]);
  const partnerSharePath = path([
    ['2025-01', 0.3],
    ['2026-09', 0.36],
  ]);
  const fcrPath = path([
    ['2024-10', 64.0],
    ['2026-09', 69.5],
  ]);
  const reopenPath = path([
    ['2024-10', 7.4],
    ['2026-09', 4.6],
  ]);
  const patchPath = path([
    ['2024-10', 84.5],
    ['2026-05', 92.4],
    ['2026-08', 93.8],
    ['2026-09', 95.6],
  ]);
  const edrPath = path([
    ['2025-06', 91.2],
    ['2026-02', 98.6],
    ['2026-09', 99.2],
  ]);
  const mfaPath = path([
    ['2025-06', 82.0],
    ['2026-03', 96.0],
    ['2026-09', 97.1],
  ]);
  const csatPath = path([
    ['2024-10', 4.12],
    ['2026-09', 4.46],
  ]);
  // The self-service portal (from September 2025) deflects about 10 % of tickets over a year.
  const deflection = path([
    ['2025-09', 1],
    ['2026-08', 0.9],
  ]);

  let prevBacklog = Math.round(backlogPath(addMonths(KPI_FIRST_MONTH, -1)));
  for (const m of months) {
    const { month } = parseMonth(m);
    const withPartner = m >= PARTNER_START_MONTH;

    const opened = Math.round(1_480 * SEASON[month - 1]! * deflection(m) * (1 + rnd.jitter(0.03)));
    const backlog = Math.round(backlogPath(m) + rnd.jitter(6));
    const resolved = opened + prevBacklog - backlog;
    prevBacklog = backlog;
    add({ key: 'tickets_opened', period: m, value: opened, weight: null });
    add({ key: 'tickets_resolved', period: m, value: resolved, weight: null });
    add({ key: 'backlog', period: m, value: backlog, weight: null });
    add({ key: 'tickets_per_endpoint', period: m, value: r3(opened / ENDPOINT_COUNT), weight: null });

    const mttr = mttrPath(m) + rnd.jitter(0.6);
    const sla = slaPath(m) + rnd.jitter(0.5);
    if (withPartner) {
      // Split the resolved tickets between the parties; the overall value is their weighted mean.
      const byPartner = Math.round(resolved * (partnerSharePath(m) + rnd.jitter(0.01)));
      const byInternal = resolved - byPartner;
      const split = [
        [PARTY.partner, byPartner, r1(mttr * 0.78), r1(clamp(partnerSlaPath(m) + rnd.jitter(0.4), 0, 100))],
        [PARTY.internal, byInternal, r1(mttr * 1.1), 0],
      ] as [string, number, number, number][];
      // Internal SLA so that the overall comes out near the path value.
      split[1]![3] = r1(clamp((sla * resolved - split[0]![3] * byPartner) / byInternal, 0, 100));
      let mttrSum = 0;
      let slaSum = 0;
      for (const [party, count, pm, ps] of split) {
        const segment = `party:${party}`;
        add({ key: 'tickets_resolved', period: m, value: count, weight: null, segment });
        add({ key: 'mttr_hours', period: m, value: pm, weight: count, segment });
        add({ key: 'sla_attainment', period: m, value: ps, weight: count, segment });
        mttrSum += pm * count;
        slaSum += ps * count;
      }
      add({ key: 'mttr_hours', period: m, value: r1(mttrSum / resolved), weight: resolved });
      add({
        key: 'sla_attainment',
        period: m,
        value: r1(slaSum / resolved),
        weight: resolved,
        ...(m === PARTNER_START_MONTH
          ? { note: 'Harborline onboarding month: NOC hand-over and queue re-routing.' }
          : {}),
      });
    } else {
      add({ key: 'mttr_hours', period: m, value: r1(mttr), weight: resolved });
      add({ key: 'sla_attainment', period: m, value: r1(sla), weight: resolved });
    }
    add({ key: 'median_ttr_hours', period: m, value: r1(mttr * 0.52), weight: resolved });
    add({ key: 'fcr', period: m, value: r1(fcrPath(m) + rnd.jitter(0.8)), weight: resolved });
    add({ key: 'reopen_rate', period: m, value: r1(reopenPath(m) + rnd.jitter(0.3)), weight: resolved });
    add({ key: 'csat', period: m, value: r2(csatPath(m) + rnd.jitter(0.04)), weight: rnd.int(180, 260) });

    let patch = patchPath(m) + rnd.jitter(0.5);
    let patchNote: string | undefined;
    if (m === '2026-06') {
      patch -= 3.2;
      patchNote = 'Large June Patch Tuesday and a two-week change freeze at Plant 2.';
    }
    if (m === '2026-09') patchNote = 'Server patch automation live for all 180 servers.';
    add({
      key: 'patch_compliance',
      period: m,
      value: r1(patch),
      weight: null,
      ...(patchNote ? { note: patchNote } : {}),
    });
    add({ key: 'edr_coverage', period: m, value: r1(Math.min(99.6, edrPath(m) + rnd.jitter(0.2))), weight: null });
    add({ key: 'mfa_coverage', period: m, value: r1(Math.min(99, mfaPath(m) + rnd.jitter(0.2))), weight: null });

    // Restore tests: 8 a month, 12 a month from 2026 (immutable backups); all pass once the project is done.
    const tests = m >= '2026-01' ? 12 : 8;
    const failed = m >= '2026-07' ? 0 : rnd.next() < 0.45 ? rnd.int(1, 2) : 0;
    add({ key: 'backup_test_success', period: m, value: r2((100 * (tests - failed)) / tests), weight: tests });

    add({
      key: 'staff_retention',
      period: m,
      value: m >= '2025-03' && m <= '2026-02' ? r1((100 * 8) / 9) : 100,
      weight: null,
      ...(m === '2025-03' ? { note: 'A service desk analyst left; replaced in June 2025.' } : {}),
    });
  }

  // Roadmap items finished in the month (items done before the roadmap's first month: history).
  const history: Readonly<Record<string, number>> = { '2024-12': 1, '2025-03': 2, '2025-06': 1 };
  for (const m of months) {
    const done = roadmap.filter((i) => i.status === 'done' && i.endMonth === m).length;
    add({ key: 'project_throughput', period: m, value: done + (history[m] ?? 0), weight: null });
  }

  // IT cost per endpoint per month (cents): the month's budget actuals / endpoints. Before
  // Harborline (and before the FY2025 budget lines) the cost is last year's run-rate without the
  // partner lines, plus the previous NOC-only provider ($22,000 a month: 24x7 monitoring alone, well
  // under Harborline's $75,096 a month in 2025 for NOC, SOC, desk overflow, patching and backup).
  const preRunRate = (() => {
    let total = 0;
    for (let i = 0; i < 12; i++) {
      for (const l of budget) {
        if (l.fiscalYear === 2025 && l.category !== 'partner-services') total += l.actual[i] ?? 0;
      }
    }
    return total / 12;
  })();
  for (const m of months) {
    const { year, month } = parseMonth(m);
    const actual = monthActualTotal(budget, year, month - 1);
    const total = actual ?? preRunRate * (1 + rnd.jitter(0.03)) + 2_200_000;
    add({ key: 'cost_per_endpoint', period: m, value: Math.round(total / ENDPOINT_COUNT), weight: null });
  }

  return rows.map((r) => toSnapshot(r));
}

const CSV_KEYS = new Set([
  'mttr_hours',
  'median_ttr_hours',
  'tickets_opened',
  'tickets_resolved',
  'backlog',
  'sla_attainment',
  'fcr',
  'reopen_rate',
  'tickets_per_endpoint',
  'csat',
]);

function toSnapshot(r: Row): KpiSnapshot {
  const segment = r.segment ?? '';
  const csv = CSV_KEYS.has(r.key);
  const segSlug = segment ? `-${segment.slice(segment.lastIndexOf(':') + 1)}` : '';
  return {
    id: sampleId('kpi-snapshot', `${r.key}-${r.period}${segSlug}`),
    workspaceId: WS,
    kpiKey: r.key,
    period: r.period,
    value: r.value,
    weight: r.weight,
    segment,
    source: csv ? 'csv' : 'manual',
    provenance: csv ? monthlyReport(r.period) : null,
    note: r.note ?? '',
  };
}

/** The monthly service report CSV the KPIs were imported from (imported first thing on the 1st). */
function monthlyReport(period: string): Provenance {
  const next = addMonths(period, 1);
  const withPartner = period >= PARTNER_START_MONTH;
  return {
    fileName: withPartner ? `harborline-service-report-${period}.csv` : `freshservice-kpis-${period}.csv`,
    importedAt: `${next}-01T07:30:00.000Z`,
    rowsRead: withPartner ? 16 : 10,
    tickets: 0,
    rowsRejected: 0,
    dataIssues: {},
  };
}
