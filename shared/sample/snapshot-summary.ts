/**
 * The frozen summary a closed QBR keeps (QbrSnapshot.data): KPI values of the quarter with the
 * previous quarter and the same quarter last year, roadmap statuses, budget year-to-date totals,
 * the RACI cells and the open risks — hashed with canonical JSON + SHA-256. The sample's first
 * snapshot shape: the sample now freezes the full deck model (q2-close.ts), but backups made before
 * still hold this summary, which shared/deck reads for "what changed"; the sample's Q3 text also
 * takes its year-to-date budget figures from it.
 */
import { BUDGET_CATEGORIES } from '../domain/budget/schema';
import { raciSnapshotCells, type RaciCell } from '../domain/governance/raci';
import { riskScore } from '../domain/governance/risks';
import type { Risk } from '../domain/governance/schema';
import { quarterlyValues } from '../domain/kpis/aggregate';
import { addQuarters, fiscalMonthIndex, parseQuarter, quarterMonths } from '../domain/periods';
import type { RoadmapItem } from '../domain/roadmap/schema';
import type { WorkspaceData } from '../domain/tables';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';

export const SNAPSHOT_SUMMARY_VERSION = 1;

export type SnapshotKpi = {
  key: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number | null;
  value: number | null;
  previousQuarter: number | null;
  lastYear: number | null;
};

export type SnapshotSummary = {
  summaryVersion: number;
  quarter: string;
  workspace: { name: string; currency: string; userCount: number; endpointCount: number; partnerName: string };
  kpis: SnapshotKpi[];
  roadmap: Pick<
    RoadmapItem,
    'title' | 'domain' | 'bucket' | 'status' | 'health' | 'progressPct' | 'startMonth' | 'endMonth' | 'needsDecision'
  >[];
  budget: {
    fiscalYear: number;
    /** Fiscal months 1…n included in the year-to-date figures. */
    throughFiscalMonth: number;
    fullYearPlan: number;
    ytdPlan: number;
    ytdActual: number;
    byCategory: { category: string; ytdPlan: number; ytdActual: number }[];
  };
  raci: RaciCell[];
  risks: { title: string; likelihood: number; impact: number; score: number; status: Risk['status'] }[];
};

/** What differed at the time the quarter closed (the live data has moved on since). */
export type SnapshotOverrides = { roadmap?: readonly RoadmapItem[]; raci?: readonly RaciCell[] };

const round4 = (v: number): number => Math.round(v * 10_000) / 10_000;

/** The frozen summary of one fiscal quarter of a workspace. */
export function buildSnapshotSummary(
  data: WorkspaceData,
  quarter: string,
  overrides: SnapshotOverrides = {},
): SnapshotSummary {
  const t = data.tables;
  const fsm = data.workspace.fiscalYearStartMonth;

  const kpis = t.kpiDefinitions.map((def): SnapshotKpi => {
    const q = quarterlyValues(def, t.kpiSnapshots, fsm);
    const at = (k: string) => {
      const v = q.get(k)?.value;
      return v === undefined ? null : round4(v);
    };
    return {
      key: def.key,
      name: def.name,
      unit: def.unit,
      direction: def.direction,
      target: def.target,
      value: at(quarter),
      previousQuarter: at(addQuarters(quarter, -1)),
      lastYear: at(addQuarters(quarter, -4)),
    };
  });

  const roadmap = (overrides.roadmap ?? t.roadmapItems).map((i) => ({
    title: i.title,
    domain: i.domain,
    bucket: i.bucket,
    status: i.status,
    health: i.health,
    progressPct: i.progressPct,
    startMonth: i.startMonth,
    endMonth: i.endMonth,
    needsDecision: i.needsDecision,
  }));

  const { year: fiscalYear } = parseQuarter(quarter);
  const lastMonth = quarterMonths(quarter, fsm)[2]!;
  const through = fiscalMonthIndex(lastMonth, fsm) + 1;
  const lines = t.budgetLines.filter((l) => l.fiscalYear === fiscalYear);
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  const byCategory = BUDGET_CATEGORIES.map((category) => {
    const ls = lines.filter((l) => l.category === category);
    return {
      category,
      ytdPlan: sum(ls.flatMap((l) => l.plan.slice(0, through))),
      ytdActual: sum(ls.flatMap((l) => l.actual.slice(0, through))),
    };
  }).filter((c) => c.ytdPlan !== 0 || c.ytdActual !== 0);

  const raci = [...(overrides.raci ?? raciSnapshotCells(t.raciActivities, t.raciAssignments, t.parties))];

  const risks = t.risks
    .filter((r) => r.status !== 'closed')
    .map((r) => ({ title: r.title, likelihood: r.likelihood, impact: r.impact, score: riskScore(r), status: r.status }))
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'en'));

  return {
    summaryVersion: SNAPSHOT_SUMMARY_VERSION,
    quarter,
    workspace: {
      name: data.workspace.name,
      currency: data.workspace.currency,
      userCount: data.workspace.userCount,
      endpointCount: data.workspace.endpointCount,
      partnerName: data.workspace.partnerName,
    },
    kpis,
    roadmap,
    budget: {
      fiscalYear,
      throughFiscalMonth: through,
      fullYearPlan: sum(lines.flatMap((l) => l.plan)),
      ytdPlan: sum(byCategory.map((c) => c.ytdPlan)),
      ytdActual: sum(byCategory.map((c) => c.ytdActual)),
      byCategory,
    },
    raci,
    risks,
  };
}

/** SHA-256 (hex) of the summary's canonical JSON: the hash stored with a QbrSnapshot. */
export function hashSnapshotData(data: unknown): string {
  return sha256Hex(canonicalJson(data));
}
