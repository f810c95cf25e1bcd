/**
 * Section-by-section computation of the deck model from a workspace. Every rule that belongs to a
 * domain (KPI aggregation and RAG, budget summary, coverage and scenarios, RACI, risks, actions,
 * SLA) is called from its owner's module; this file only selects, orders and shapes for the deck.
 */
import type { WorkspaceData } from '../domain/tables';
import type { Qbr } from '../domain/qbr/schema';
import type { ActionItem } from '../domain/governance/schema';
import type { KpiDefinition } from '../domain/kpis/schema';
import type { RoadmapItem } from '../domain/roadmap/schema';
import {
  addQuarters,
  fiscalQuarterOf,
  monthIndex,
  parseMonth,
  quarterLabel,
  quarterMonths,
  quarterRange,
} from '../domain/periods';
import { quarterlyValues } from '../domain/kpis/aggregate';
import { compareQuarter, type Delta } from '../domain/kpis/compare';
import { ragLabel, ragStatus } from '../domain/kpis/rag';
import { actionReview, overdueActions, sortActions } from '../domain/governance/actions';
import { pendingDecisions } from '../domain/governance/decisions';
import { riskGrid, topRisks, riskBand, riskScore } from '../domain/governance/risks';
import { raciSnapshotCells, sortParties, validateRaci } from '../domain/governance/raci';
import { escalationLadders } from '../domain/governance/escalation';
import { slaAttainmentByParty } from '../domain/governance/sla';
import { partnerScorecard } from '../domain/governance/scorecard';
import { statusCounts } from '../domain/roadmap/filters';
import { groupByHorizon } from '../domain/roadmap/horizon';
import { areaCoverage, singlePointsOfFailure } from '../domain/staffing/coverage';
import { compareScenarios } from '../domain/scenarios/engine';
import { comparisonSentence } from '../domain/scenarios/summary';
import { budgetSummary, costPerUnitMonth } from '../domain/budget/summary';
import { multiYearPlan } from '../domain/budget/multi-year';
import type { ActionRow, DeckModel, KpiRow, ModelDelta, RagKey, RoadmapRow } from './model';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan – Mar 2026" or "Nov 2025 – Jan 2026" for a list of consecutive months. */
export function monthSpan(months: readonly string[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return '';
  const a = parseMonth(first);
  const b = parseMonth(last);
  const name = (m: number) => MONTH_NAMES[m - 1] ?? '';
  return a.year === b.year
    ? `${name(a.month)} – ${name(b.month)} ${b.year}`
    : `${name(a.month)} ${a.year} – ${name(b.month)} ${b.year}`;
}

function partyName(data: WorkspaceData, id: string | null): string {
  if (id === null) return '';
  return data.tables.parties.find((p) => p.id === id)?.name ?? '';
}

/** The QBR record; throws a plain message when it does not exist. */
export function findQbr(data: WorkspaceData, qbrId: string): Qbr {
  const qbr = data.tables.qbrs.find((q) => q.id === qbrId);
  if (!qbr) throw new Error(`QBR "${qbrId}" not found in workspace "${data.workspace.name}"`);
  return qbr;
}

// ---------------------------------------------------------------------------------------------
// Meta and QBR

export function metaOf(data: WorkspaceData, qbr: Qbr): DeckModel['meta'] {
  const fs = data.workspace.fiscalYearStartMonth;
  const months = quarterMonths(qbr.quarter, fs);
  const lastMonth = months[2] ?? '';
  let kpiThrough: string | null = null;
  for (const s of data.tables.kpiSnapshots) {
    const q = s.period.includes('Q') ? s.period : fiscalQuarterOf(s.period, fs);
    if (q > qbr.quarter) continue;
    // Compare periods by the quarter they fall in, then by their text (months sort within).
    if (kpiThrough === null || periodEnd(s.period, fs) > periodEnd(kpiThrough, fs)) kpiThrough = s.period;
  }
  let actualsThrough: string | null = null;
  const fy = Number(qbr.quarter.slice(0, 4));
  for (const line of data.tables.budgetLines) {
    if (line.fiscalYear !== fy) continue;
    line.actual.forEach((a, i) => {
      if (a === null) return;
      const month = quarterMonthsOfFiscalIndex(fy, i, fs);
      if (month > lastMonth) return;
      if (actualsThrough === null || month > actualsThrough) actualsThrough = month;
    });
  }
  return {
    qbrId: qbr.id,
    quarter: qbr.quarter,
    quarterLabel: quarterLabel(qbr.quarter),
    quarterSpan: monthSpan(months),
    quarterMonths: months,
    fiscalYear: fy,
    workspaceName: data.workspace.name,
    partnerName: data.workspace.partnerName,
    currency: data.workspace.currency,
    locale: data.workspace.locale,
    userCount: data.workspace.userCount,
    endpointCount: data.workspace.endpointCount,
    kpiDataThrough: kpiThrough,
    actualsThrough,
  };
}

function quarterMonthsOfFiscalIndex(fy: number, i: number, fs: number): string {
  const q = `${fy}-Q${Math.floor(i / 3) + 1}`;
  return quarterMonths(q, fs)[i % 3] ?? '';
}

/** Last month a period covers (a month is itself; a quarter its third month). */
function periodEnd(period: string, fs: number): string {
  return period.includes('Q') ? (quarterMonths(period, fs)[2] ?? period) : period;
}

const DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/;

/** A logo only as an embedded PNG/JPEG data URL; anything else (remote URL, file path) is refused. */
export function safeLogo(dataUrl: string | null | undefined): string | null {
  if (typeof dataUrl !== 'string') return null;
  return DATA_URL.test(dataUrl) ? dataUrl : null;
}

export function qbrOf(data: WorkspaceData, qbr: Qbr): DeckModel['qbr'] {
  let t = 0;
  return {
    title: qbr.title,
    date: qbr.date,
    status: qbr.status,
    closedAt: qbr.closedAt,
    nextQbrDate: qbr.nextQbrDate,
    attendees: qbr.attendees.map((a) => ({
      name: a.name,
      role: a.role,
      party: a.partyId === null ? 'Business' : partyName(data, a.partyId) || 'Business',
    })),
    agenda: qbr.agenda.map((a) => {
      const row = { title: a.title, minutes: a.minutes, startsAtMinute: t };
      t += a.minutes;
      return row;
    }),
    executiveSummary: qbr.executiveSummary,
    wins: [...qbr.wins],
    pains: [...qbr.pains],
    sections: qbr.sections.map((s) => ({ key: s.key, enabled: s.enabled })),
    theme: {
      accentColor: qbr.theme.accentColor,
      orgLogo: safeLogo(qbr.theme.orgLogo?.dataUrl ?? data.workspace.logo?.dataUrl),
      partnerLogo: safeLogo(qbr.theme.partnerLogo?.dataUrl),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Decisions

export function decisionsOf(data: WorkspaceData, qbr: Qbr): DeckModel['decisions'] {
  const { decisions, roadmapItems } = data.tables;
  const titles = new Map(roadmapItems.map((i) => [i.id, i.title]));
  const chosen = qbr.decisionIds
    .map((id) => decisions.find((d) => d.id === id))
    .filter((d): d is NonNullable<typeof d> => d !== undefined);
  const fromLog = chosen.length > 0 ? chosen : decisions.filter((d) => d.status === 'requested');
  const out: DeckModel['decisions'] = fromLog.map((d) => ({
    text: d.text,
    options: [...d.options],
    recommendedOption: d.recommendedOption,
    rationale: d.rationale,
    status: d.status,
    date: d.date,
    linkedItems: d.linkedItemIds.map((id) => titles.get(id) ?? '').filter((t) => t !== ''),
    source: 'decision' as const,
  }));
  // Items flagged "needs decision" with no decision in the list still belong on the page.
  const covered = new Set(fromLog.flatMap((d) => d.linkedItemIds));
  for (const { item, decision } of pendingDecisions(roadmapItems, decisions)) {
    if (covered.has(item.id)) continue;
    if (decision && decision.status !== 'requested') continue;
    out.push({
      text: item.decisionText.trim() || `Approve "${item.title}" (${item.startMonth} to ${item.endMonth})?`,
      options: item.recommendedOption ? [item.recommendedOption] : [],
      recommendedOption: item.recommendedOption,
      rationale: item.description,
      status: 'requested',
      date: null,
      linkedItems: [item.title],
      source: 'roadmap',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// KPIs and health

function toModelDelta(d: Delta | null): ModelDelta | null {
  return d ? { reference: d.reference, delta: d.delta, deltaPct: d.deltaPct, verdict: d.verdict } : null;
}

/** The KPI definitions the deck reports: built-ins and custom ones that have any data. */
function reportedKpis(data: WorkspaceData): KpiDefinition[] {
  const withData = new Set(data.tables.kpiSnapshots.filter((s) => s.segment === '').map((s) => s.kpiKey));
  return data.tables.kpiDefinitions.filter((d) => withData.has(d.key));
}

export function kpisOf(data: WorkspaceData, quarter: string, historyQuarters = 8): KpiRow[] {
  const fs = data.workspace.fiscalYearStartMonth;
  const quarters = quarterRange(addQuarters(quarter, -(historyQuarters - 1)), quarter);
  const rows: KpiRow[] = [];
  for (const def of reportedKpis(data)) {
    const values = quarterlyValues(def, data.tables.kpiSnapshots, fs);
    // Later quarters must not leak into an older deck's numbers.
    const upTo = new Map([...values].filter(([q]) => q <= quarter));
    const cmp = compareQuarter(def, upTo, quarter);
    const rag = ragStatus(def, cmp.value);
    rows.push({
      key: def.key,
      name: def.name,
      unit: def.unit,
      direction: def.direction,
      group: def.group,
      value: cmp.value,
      target: def.target,
      amberThreshold: def.amberThreshold,
      rag,
      ragLabel: ragLabel(rag),
      vsTarget: toModelDelta(cmp.vsTarget),
      vsPrevious: cmp.vsPrevious ? { ...toModelDelta(cmp.vsPrevious)!, period: cmp.vsPrevious.period } : null,
      vsLastYear: cmp.vsLastYear ? { ...toModelDelta(cmp.vsLastYear)!, period: cmp.vsLastYear.period } : null,
      series: quarters.map((q) => ({ quarter: q, value: upTo.get(q)?.value ?? null })),
    });
  }
  return rows;
}

/**
 * Overall health of the quarter from the KPI RAGs (KPIs without a target or value don't vote):
 * red when more than a quarter of them are red; amber when any is red or more than a quarter are
 * amber; otherwise green. A board reads "mostly on target, nothing badly off" as green.
 */
export function healthOf(kpis: readonly KpiRow[], data: WorkspaceData, quarter: string): DeckModel['health'] {
  const counts: Record<RagKey, number> = { green: 0, amber: 0, red: 0, none: 0 };
  for (const k of kpis) counts[k.rag] += 1;
  const voting = counts.green + counts.amber + counts.red;
  let overall: RagKey = 'none';
  if (voting > 0) {
    if (counts.red / voting > 0.25) overall = 'red';
    else if (counts.red > 0 || counts.amber / voting > 0.25) overall = 'amber';
    else overall = 'green';
  }
  const defs = new Map(data.tables.kpiDefinitions.map((d) => [d.key, d]));
  const trend = quarterRange(addQuarters(quarter, -3), quarter).map((q) => {
    let on = 0;
    let n = 0;
    for (const k of kpis) {
      const def = defs.get(k.key);
      const v = k.series.find((s) => s.quarter === q)?.value ?? null;
      if (!def) continue;
      const r = ragStatus(def, v);
      if (r === 'none') continue;
      n += 1;
      if (r === 'green') on += 1;
    }
    return { quarter: q, onTargetPct: n > 0 ? (100 * on) / n : null };
  });
  return { overall, counts, trend };
}

// ---------------------------------------------------------------------------------------------
// Actions and next steps

function actionRow(a: ActionItem, asOf: string): ActionRow {
  const open = a.status === 'open' || a.status === 'in-progress';
  return {
    id: a.id,
    text: a.text,
    owner: a.owner,
    dueDate: a.dueDate,
    status: a.status,
    carriedOver: a.carriedOver,
    overdue: open && a.dueDate !== null && a.dueDate < asOf,
  };
}

export function actionsOf(data: WorkspaceData, qbr: Qbr): DeckModel['actions'] {
  const review = actionReview(data.tables.actionItems, data.tables.qbrs, qbr.id);
  return {
    done: review.done.map((a) => actionRow(a, qbr.date)),
    outstanding: review.outstanding.map((a) => actionRow(a, qbr.date)),
    new: review.new.map((a) => actionRow(a, qbr.date)),
  };
}

export function nextStepsOf(data: WorkspaceData, qbr: Qbr, decisions: number): DeckModel['nextSteps'] {
  const review = actionReview(data.tables.actionItems, data.tables.qbrs, qbr.id);
  const open = sortActions([...review.outstanding, ...review.new]).filter(
    (a) => a.status === 'open' || a.status === 'in-progress',
  );
  // Overdue first (they need an answer in the room), then by due date.
  const overdue = new Set(overdueActions(open, qbr.date).map((a) => a.id));
  const ordered = [...open.filter((a) => overdue.has(a.id)), ...open.filter((a) => !overdue.has(a.id))];
  return {
    actions: ordered.map((a) => actionRow(a, qbr.date)),
    nextQbrDate: qbr.nextQbrDate,
    decisionsPending: decisions,
  };
}

// ---------------------------------------------------------------------------------------------
// Risks

export function risksOf(data: WorkspaceData, topN = 6): DeckModel['risks'] {
  const risks = data.tables.risks;
  const live = risks.filter((r) => r.status !== 'closed');
  const byBand = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const r of live) byBand[riskBand(riskScore(r))] += 1;
  return {
    openCount: live.length,
    byBand,
    grid: riskGrid(risks).map((row) =>
      row.map((c) => ({ likelihood: c.likelihood, impact: c.impact, count: c.riskIds.length, band: c.band })),
    ),
    top: topRisks(risks, topN).map((r) => ({
      id: r.id,
      title: r.title,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      band: r.band,
      owner: r.owner,
      mitigation: r.mitigation,
      dueDate: r.dueDate,
      status: r.status,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Roadmap

function roadmapRow(data: WorkspaceData, i: RoadmapItem): RoadmapRow {
  return {
    id: i.id,
    title: i.title,
    domain: i.domain,
    bucket: i.bucket,
    status: i.status,
    health: i.health,
    startMonth: i.startMonth,
    endMonth: i.endMonth,
    progressPct: i.progressPct,
    owner: partyName(data, i.ownerPartyId),
  };
}

const byEnd = (a: RoadmapItem, b: RoadmapItem) =>
  a.endMonth === b.endMonth ? a.title.localeCompare(b.title, 'en') : a.endMonth < b.endMonth ? -1 : 1;

export function roadmapOf(data: WorkspaceData, quarter: string, timelineMax = 14): DeckModel['roadmap'] {
  const fs = data.workspace.fiscalYearStartMonth;
  const items = data.tables.roadmapItems;
  const months = quarterMonths(quarter, fs);
  const first = months[0] ?? '';
  const last = months[2] ?? '';
  const doneThisQuarter = items
    .filter((i) => i.status === 'done' && i.endMonth >= first && i.endMonth <= last)
    .sort(byEnd);
  // "Next 90 days": open work that runs or starts in the quarter after the deck's quarter (E's Now
  // horizon seen from the first month of that quarter).
  const nextQuarterFirst = quarterMonths(addQuarters(quarter, 1), fs)[0] ?? '';
  const next90 = groupByHorizon(items, nextQuarterFirst, fs).now;
  const timelineQuarters = quarterRange(quarter, addQuarters(quarter, 4));
  const lo = monthIndex(quarterMonths(timelineQuarters[0] ?? quarter, fs)[0] ?? first);
  const hiMonth = quarterMonths(timelineQuarters[timelineQuarters.length - 1] ?? quarter, fs)[2] ?? last;
  const hi = monthIndex(hiMonth);
  const rank: Record<string, number> = { done: 0, 'in-progress': 1, blocked: 2, approved: 3, proposed: 4 };
  const onTimeline = items
    .filter((i) => i.status !== 'cancelled' && monthIndex(i.endMonth) >= lo && monthIndex(i.startMonth) <= hi)
    .filter((i) => i.status !== 'done' || (i.endMonth >= first && i.endMonth <= last))
    .sort(
      (a, b) =>
        (rank[a.status] ?? 9) - (rank[b.status] ?? 9) ||
        (a.startMonth < b.startMonth ? -1 : a.startMonth > b.startMonth ? 1 : 0) ||
        a.title.localeCompare(b.title, 'en'),
    )
    .slice(0, timelineMax)
    .sort((a, b) =>
      a.startMonth < b.startMonth ? -1 : a.startMonth > b.startMonth ? 1 : a.title.localeCompare(b.title, 'en'),
    );
  const counts = statusCounts(items);
  return {
    statusCounts: { ...counts },
    doneThisQuarter: doneThisQuarter.map((i) => roadmapRow(data, i)),
    next90Days: next90.map((i) => roadmapRow(data, i)),
    timelineQuarters,
    timeline: onTimeline.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      // Positions in quarters from the first column; bars cover whole months.
      start: Math.max(0, monthIndex(i.startMonth) - lo) / 3,
      end: (Math.min(hi, monthIndex(i.endMonth)) - lo + 1) / 3,
    })),
    items: items
      .filter((i) => i.status !== 'cancelled')
      .map((i) => ({ id: i.id, title: i.title, status: i.status, startMonth: i.startMonth, endMonth: i.endMonth })),
  };
}

// ---------------------------------------------------------------------------------------------
// Budget

export function budgetOf(data: WorkspaceData, quarter: string): DeckModel['budget'] {
  const fs = data.workspace.fiscalYearStartMonth;
  const fy = Number(quarter.slice(0, 4));
  const lines = data.tables.budgetLines;
  const available = lines.some((l) => l.fiscalYear === fy);
  const s = budgetSummary({ fiscalStartMonth: fs, lines, items: data.tables.roadmapItems }, fy);
  // The deck speaks as of its quarter: quarters after it count as open even if actuals exist.
  const quarters = s.quarters.map((q) => {
    const future = q.quarter > quarter;
    return {
      quarter: q.quarter,
      plan: q.plan,
      actual: future ? null : q.actual,
      forecast: q.forecast,
      variance: future ? 0 : q.variance,
      variancePct: future ? null : q.variancePct,
    };
  });
  const ytdQuarters = s.quarters.filter((q) => q.quarter <= quarter);
  const ytdPlan = ytdQuarters.reduce((a, q) => a + q.plan, 0);
  const ytdActual = ytdQuarters.reduce((a, q) => a + (q.actual ?? 0), 0);
  const comparedPlan = ytdQuarters.reduce((a, q) => a + q.comparedPlan, 0);
  const variance = ytdActual - comparedPlan;
  const forecastVsPlan = s.year.forecast - s.year.plan;
  return {
    fiscalYear: fy,
    available,
    quarters,
    ytd: {
      throughQuarter: quarter,
      plan: ytdPlan,
      actual: ytdActual,
      comparedPlan,
      variance,
      variancePct: comparedPlan !== 0 ? (100 * variance) / comparedPlan : null,
    },
    year: {
      plan: s.year.plan,
      forecast: s.year.forecast,
      forecastVsPlan,
      forecastVsPlanPct: s.year.plan !== 0 ? (100 * forecastVsPlan) / s.year.plan : null,
    },
    split: {
      capex: { ...s.split.capex },
      opex: { ...s.split.opex },
    },
    byCategory: s.byCategory.map((c) => ({ ...c })),
    varianceNotes: s.quarters
      .filter((q) => q.quarter <= quarter)
      .flatMap((q) => q.notes.map((n) => ({ quarter: q.quarter, line: n.lineName, note: n.note }))),
    costPerUserMonth: costPerUnitMonth(s.year.forecast, data.workspace.userCount),
    costPerEndpointMonth: costPerUnitMonth(s.year.forecast, data.workspace.endpointCount),
    multiYear: multiYearOf(data, fy),
  };
}

/** Five fiscal years from the deck's, by component of E's multi-year plan (proposed items apart). */
function multiYearOf(data: WorkspaceData, fy: number): DeckModel['budget']['multiYear'] {
  const ctx = {
    fiscalStartMonth: data.workspace.fiscalYearStartMonth,
    lines: data.tables.budgetLines,
    items: data.tables.roadmapItems,
  };
  const rows = multiYearPlan(ctx, fy, 5);
  if (rows.every((r) => r.plan === 0 && r.proposedRoadmap === 0)) return { years: [], series: [] };
  const series = [
    { label: 'Recurring run costs', values: rows.map((r) => r.recurring) },
    { label: 'One-off', values: rows.map((r) => r.oneOff) },
    { label: 'Roadmap capex', values: rows.map((r) => r.roadmapCapex) },
    { label: 'Roadmap opex', values: rows.map((r) => r.roadmapOpex) },
    { label: 'Proposed (not in plan)', values: rows.map((r) => r.proposedRoadmap) },
  ].filter((x) => x.values.some((v) => v !== 0));
  return { years: rows.map((r) => r.fiscalYear), series };
}

// ---------------------------------------------------------------------------------------------
// Staffing and sourcing

export function staffingOf(data: WorkspaceData): DeckModel['staffing'] {
  const coverage = areaCoverage(data);
  const spof = singlePointsOfFailure(data);
  const cmp = compareScenarios(data);
  const pair = cmp.sensitivityPair;
  const be = pair ? (cmp.breakEven.find((b) => b.aId === pair.coManagedId && b.bId === pair.inHouseId) ?? null) : null;
  return {
    coverage: coverage.map((a) => ({
      name: a.name,
      coverageModel: a.coverageModel,
      requiredFte: a.requiredFte,
      internalFte: a.internalFte,
      coveredPct: 100 * a.coveredFraction,
      partner: a.partnerCover ? a.partnerCover.contractName : null,
      people: a.people.length,
      minimumDepth: a.minimumDepth,
      singlePointOfFailure: a.singlePointOfFailure,
    })),
    singlePointsOfFailure: spof.map((s) => ({ name: s.name, reason: s.reason })),
    scenarios: cmp.scenarios.map((r) => ({
      id: r.scenarioId,
      name: r.name,
      kind: r.kind,
      years: r.years.map((y) => ({ ...y })),
      cumulative: [...r.cumulative],
      npv: r.npv,
      costPerEndpointMonthY1: r.costPerEndpointMonth[0] ?? null,
      coveragePct: r.areas.length > 0 ? (100 * r.areas.reduce((s, a) => s + a.coverage, 0)) / r.areas.length : 100,
      hires: r.totalHires,
    })),
    breakEven: be ? { a: be.a, b: be.b, year: be.year } : null,
    sensitivity: cmp.sensitivity.map((r) => ({ label: r.label, low: r.low, high: r.high })),
    sentence: comparisonSentence(data, cmp),
    problems: cmp.problems.map((p) => `${p.record}: ${p.field} — ${p.reason}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Governance

export function governanceOf(data: WorkspaceData, quarter: string): DeckModel['governance'] {
  const t = data.tables;
  const check = validateRaci(t.raciActivities, t.raciAssignments, t.parties);
  const sla = slaAttainmentByParty(data, [quarter]).filter((r) => r.quarter === quarter);
  const partner = sortParties(t.parties).find((p) => p.kind === 'partner') ?? null;
  // F's scorecard view: the director's grades with evidence computed from the data.
  const card = partner ? partnerScorecard(data, partner.id, quarter) : null;
  return {
    raciCells: raciSnapshotCells(t.raciActivities, t.raciAssignments, t.parties).map((c) => ({
      activity: c.activity,
      party: c.party,
      roles: [...c.roles],
    })),
    raciLanes: check.summary.lanes,
    raciIssues: check.issues.map((i) => ({ kind: i.kind, message: i.message })),
    escalation: escalationLadders(t.escalationSteps, t.parties).map((l) => ({
      severity: l.severity,
      steps: l.steps.map((s) => ({
        step: s.step,
        party: s.partyName,
        contactRole: s.contactRole,
        responseMinutes: s.responseMinutes,
      })),
    })),
    sla: sla.map((r) => ({
      party: r.partyName,
      tickets: r.tickets,
      met: r.met,
      attainmentPct: r.attainmentPct,
      targetPct: r.targetPct,
      status: r.status,
    })),
    scorecard: card
      ? {
          party: card.partyName,
          averageGrade: card.averageGrade,
          graded: card.scorecardId !== null,
          grades: card.rows.map((r) => ({
            criterion: r.criterion,
            label: r.label,
            grade: r.grade,
            comment: r.comment,
            evidence: r.evidence.text,
          })),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Appendix

const AGGREGATION_TEXT: Record<KpiDefinition['aggregation'], string> = {
  sum: 'Sum',
  mean: 'Mean',
  last: 'Last month',
  'weighted-mean': 'Weighted mean',
  recompute: 'Recomputed',
};

export function appendixOf(
  data: WorkspaceData,
  kpis: readonly KpiRow[],
  quarter: string,
  actualsThrough: string | null,
): DeckModel['appendix'] {
  const fs = data.workspace.fiscalYearStartMonth;
  const shown = new Set(kpis.map((k) => k.key));
  const kpiDefinitions = data.tables.kpiDefinitions
    .filter((d) => shown.has(d.key))
    .map((d) => ({
      name: d.name,
      unit: d.unit,
      direction: d.direction === 'higher' ? 'Higher is better' : 'Lower is better',
      aggregation: AGGREGATION_TEXT[d.aggregation],
      target: d.target,
      benchmark: d.benchmark ? [d.benchmark.text, d.benchmark.source].filter((x) => x !== '').join(' — ') : '',
      definition: d.definition,
    }));
  const dataSources: DeckModel['appendix']['dataSources'] = [];
  for (const imp of [...data.tables.ticketImports].sort((a, b) => (a.importedAt < b.importedAt ? -1 : 1))) {
    dataSources.push({
      source: `Ticket import (${imp.preset || 'generic'})`,
      detail: `${imp.fileName}: ${imp.tickets.toLocaleString('en-US')} tickets from ${imp.rowsRead.toLocaleString('en-US')} rows`,
      asOf: imp.importedAt.slice(0, 10),
    });
  }
  const bySource = new Map<string, { count: number; latest: string }>();
  for (const s of data.tables.kpiSnapshots) {
    const q = s.period.includes('Q') ? s.period : fiscalQuarterOf(s.period, fs);
    if (q > quarter) continue;
    const e = bySource.get(s.source) ?? { count: 0, latest: '' };
    e.count += 1;
    if (periodEnd(s.period, fs) > periodEnd(e.latest || '0000-01', fs)) e.latest = s.period;
    bySource.set(s.source, e);
  }
  const SOURCE_TEXT: Record<string, string> = {
    manual: 'KPI values entered by hand',
    'ticket-import': 'KPI values computed from ticket imports',
    csv: 'KPI values imported from CSV',
  };
  for (const [source, e] of [...bySource].sort()) {
    dataSources.push({
      source: SOURCE_TEXT[source] ?? source,
      detail: `${e.count} monthly or quarterly values`,
      asOf: e.latest,
    });
  }
  const fy = Number(quarter.slice(0, 4));
  const lines = data.tables.budgetLines.filter((l) => l.fiscalYear === fy);
  if (lines.length > 0) {
    dataSources.push({
      source: 'Budget plan and actuals',
      detail: `${lines.length} budget lines, FY${fy}`,
      asOf: actualsThrough ? `actuals through ${actualsThrough}` : 'no actuals yet',
    });
  }
  dataSources.push({
    source: 'Roadmap, risks, RACI, contracts and scenarios',
    detail: `${data.tables.roadmapItems.length} roadmap items, ${data.tables.risks.length} risks, ${data.tables.scenarios.length} scenarios`,
    asOf: data.workspace.updatedAt.slice(0, 10),
  });
  return { kpiDefinitions, dataSources };
}

/** A draft QBR for a quarter that has none yet (the CLI builds decks on the fly). */
export function placeholderQbr(data: WorkspaceData, quarter: string): Qbr {
  const fs = data.workspace.fiscalYearStartMonth;
  const last = quarterMonths(quarter, fs)[2] ?? '2000-01';
  const nextQ = quarterMonths(addQuarters(quarter, 1), fs)[2] ?? last;
  const partner = data.tables.parties.find((p) => p.kind === 'partner');
  const internal = data.tables.parties.find((p) => p.kind === 'internal');
  return {
    id: `draft-${quarter}`,
    workspaceId: data.workspace.id,
    quarter,
    title: `Quarterly business review ${quarterLabel(quarter)}`,
    // The QBR meets in the month after the quarter closes; day 15 is a neutral placeholder.
    date: `${monthAfter(last)}-15`,
    attendees: [
      ...(internal ? [{ name: internal.name, role: 'Internal IT', partyId: internal.id }] : []),
      ...(partner ? [{ name: partner.name, role: 'Partner', partyId: partner.id }] : []),
    ],
    agenda: [],
    executiveSummary: '',
    wins: [],
    pains: [],
    decisionIds: [],
    sections: [],
    preset: 'full',
    theme: { accentColor: '#1F4E79', orgLogo: null, partnerLogo: null },
    nextQbrDate: `${monthAfter(nextQ)}-15`,
    status: 'draft',
    closedAt: null,
  };
}

function monthAfter(month: string): string {
  const { year, month: m } = parseMonth(month);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
