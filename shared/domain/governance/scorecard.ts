/**
 * Partner scorecard per quarter (SPEC §3.7): for each criterion, the evidence the workspace's data
 * holds, next to the director's grade (1–5) and comment. Evidence is computed, never invented: a
 * criterion without data says "no data".
 *
 * Definitions (all over the partner's tickets — partyId = the partner — resolved in the quarter):
 * - sla-attainment: SLA-flagged tickets met / flagged, vs the partner's target (see sla.ts);
 * - escalations: P1/P2 tickets, the incidents that climb the escalation ladder, and how many of
 *   them met their SLA;
 * - after-hours-response: SLA attainment of tickets opened outside business hours (before 08:00,
 *   from 18:00, or on a Saturday or Sunday, wall-clock as exported);
 * - cost-per-endpoint: partner-services budget actuals of the quarter's months that have actuals
 *   ÷ endpoints ÷ those months (minor units per endpoint per month, not rounded);
 * - project-delivery: partner-owned roadmap items due (end month) in the quarter, not cancelled:
 *   how many are done;
 * - documentation: the partner's letters and the written split on the RACI documentation lane.
 */
import { currencyDigits } from '../budget/money';
import { fiscalQuarterOf, monthOfDate, parseQuarter, quarterMonths } from '../periods';
import type { WorkspaceData } from '../tables';
import type { Ticket } from '../tickets/schema';
import { formatRaciLetters, raciCells, sortActivities } from './raci';
import { SCORECARD_CRITERIA } from './schema';
import { resolutionTime, severityOfPriority, slaAttainmentByParty } from './sla';

export type ScorecardCriterion = (typeof SCORECARD_CRITERIA)[number];

export const SCORECARD_LABELS: Record<ScorecardCriterion, string> = {
  'sla-attainment': 'SLA attainment',
  escalations: 'Escalations',
  'after-hours-response': 'After-hours response',
  'cost-per-endpoint': 'Cost per endpoint',
  'project-delivery': 'Project delivery',
  documentation: 'Documentation',
};

/** Business hours used to call a ticket "after hours": 08:00 to 18:00, Monday to Friday. */
export const BUSINESS_HOURS = { startHour: 8, endHour: 18 } as const;

export type ScorecardEvidence = {
  /** The number behind the text (%, count or minor units per endpoint-month); null without one. */
  value: number | null;
  unit: 'pct' | 'count' | 'money-per-endpoint-month' | 'none';
  /** A plain sentence, or "no data". */
  text: string;
  hasData: boolean;
};

export type ScorecardRow = {
  criterion: ScorecardCriterion;
  label: string;
  evidence: ScorecardEvidence;
  grade: number | null;
  comment: string;
};

export type PartnerScorecardView = {
  quarter: string;
  partyId: string;
  partyName: string;
  /** The stored PartnerScorecard record, when the director has graded this quarter. */
  scorecardId: string | null;
  rows: ScorecardRow[];
  /** Mean of the grades given (null when none). */
  averageGrade: number | null;
};

const NO_DATA: ScorecardEvidence = { value: null, unit: 'none', text: 'no data', hasData: false };

const pct = (x: number): string => `${Number(x.toFixed(1))} %`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** True when a wall-clock timestamp falls outside business hours (weekend, or before/after hours). */
export function isAfterHours(openedAt: string): boolean {
  const y = Number(openedAt.slice(0, 4));
  const m = Number(openedAt.slice(5, 7));
  const d = Number(openedAt.slice(8, 10));
  const hour = Number(openedAt.slice(11, 13));
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday, 6 = Saturday
  if (weekday === 0 || weekday === 6) return true;
  return hour < BUSINESS_HOURS.startHour || hour >= BUSINESS_HOURS.endHour;
}

/** Money per endpoint-month as text in the workspace currency and locale (en-US if the locale is unusable). */
function formatMoney(minor: number, currency: string, locale: string): string {
  const major = minor / 10 ** currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major);
  } catch {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(major);
  }
}

/** The scorecard of one party (normally the partner) for one fiscal quarter. */
export function partnerScorecard(data: WorkspaceData, partyId: string, quarter: string): PartnerScorecardView {
  const t = data.tables;
  const w = data.workspace;
  const party = t.parties.find((p) => p.id === partyId);
  const partyName = party?.name ?? 'Unknown party';
  const fsm = w.fiscalYearStartMonth;
  const tickets: Ticket[] = t.tickets.filter((x) => {
    const at = resolutionTime(x);
    return x.partyId === partyId && at !== null && fiscalQuarterOf(monthOfDate(at), fsm) === quarter;
  });
  const evidence: Record<ScorecardCriterion, ScorecardEvidence> = {
    'sla-attainment': NO_DATA,
    escalations: NO_DATA,
    'after-hours-response': NO_DATA,
    'cost-per-endpoint': NO_DATA,
    'project-delivery': NO_DATA,
    documentation: NO_DATA,
  };

  const sla = slaAttainmentByParty(data, [quarter]).find((r) => r.partyId === partyId);
  if (sla && sla.attainmentPct !== null) {
    evidence['sla-attainment'] = {
      value: sla.attainmentPct,
      unit: 'pct',
      hasData: true,
      text:
        `${pct(sla.attainmentPct)} of ${plural(sla.tickets, 'ticket')} within SLA` +
        (sla.targetPct === null ? ' (no target set)' : ` (target ${pct(sla.targetPct)})`),
    };
  }

  if (tickets.length > 0) {
    const major = tickets.filter((x) => {
      const s = severityOfPriority(x.priority);
      return s === 'P1' || s === 'P2';
    });
    const flagged = major.filter((x) => x.slaMet !== null);
    const met = flagged.filter((x) => x.slaMet === true).length;
    evidence.escalations = {
      value: major.length,
      unit: 'count',
      hasData: true,
      text:
        major.length === 0
          ? `No P1/P2 incidents among ${plural(tickets.length, 'ticket')}`
          : `${plural(major.length, 'P1/P2 incident')}` +
            (flagged.length > 0 ? `, ${met} of ${flagged.length} within SLA` : ''),
    };
  }

  const afterHours = tickets.filter((x) => x.openedAt !== null && x.slaMet !== null && isAfterHours(x.openedAt));
  if (afterHours.length > 0) {
    const met = afterHours.filter((x) => x.slaMet === true).length;
    const value = (100 * met) / afterHours.length;
    evidence['after-hours-response'] = {
      value,
      unit: 'pct',
      hasData: true,
      text: `${pct(value)} of ${plural(afterHours.length, 'after-hours ticket')} within SLA`,
    };
  }

  const { year: fiscalYear, quarter: qn } = parseQuarter(quarter);
  const lines = t.budgetLines.filter((l) => l.category === 'partner-services' && l.fiscalYear === fiscalYear);
  let spend = 0;
  let months = 0;
  for (let k = 0; k < 3; k++) {
    const idx = (qn - 1) * 3 + k;
    const known = lines.map((l) => l.actual[idx] ?? null).filter((a): a is number => a !== null);
    if (known.length === 0) continue;
    months += 1;
    spend += known.reduce((a, b) => a + b, 0);
  }
  if (months > 0 && w.endpointCount > 0) {
    const value = spend / w.endpointCount / months;
    evidence['cost-per-endpoint'] = {
      value,
      unit: 'money-per-endpoint-month',
      hasData: true,
      text: `${formatMoney(value, w.currency, w.locale)} per endpoint per month (partner services, ${plural(months, 'month')} of actuals)`,
    };
  }

  const qMonths = new Set(quarterMonths(quarter, fsm));
  const due = t.roadmapItems.filter(
    (i) => i.ownerPartyId === partyId && i.status !== 'cancelled' && qMonths.has(i.endMonth),
  );
  if (due.length > 0) {
    const done = due.filter((i) => i.status === 'done').length;
    evidence['project-delivery'] = {
      value: (100 * done) / due.length,
      unit: 'pct',
      hasData: true,
      text: `${done} of ${plural(due.length, 'roadmap item')} due this quarter done`,
    };
  }

  const docLane = sortActivities(t.raciActivities).find((a) => /document/i.test(a.name));
  if (docLane) {
    const roles = raciCells(t.raciAssignments).get(docLane.id)?.get(partyId) ?? [];
    const split = docLane.splitNote.trim();
    evidence.documentation = {
      value: null,
      unit: 'none',
      hasData: true,
      text:
        (roles.length > 0
          ? `${partyName} is ${formatRaciLetters(roles)} on ${docLane.name}`
          : `${partyName} has no role on ${docLane.name}`) + (split ? `; split: ${split}` : ''),
    };
  }

  const stored = t.partnerScorecards.find((s) => s.partyId === partyId && s.quarter === quarter) ?? null;
  const rows: ScorecardRow[] = SCORECARD_CRITERIA.map((criterion) => {
    const g = stored?.grades.find((x) => x.criterion === criterion);
    return {
      criterion,
      label: SCORECARD_LABELS[criterion],
      evidence: evidence[criterion],
      grade: g?.grade ?? null,
      comment: g?.comment ?? '',
    };
  });
  const grades = rows.map((r) => r.grade).filter((g): g is number => g !== null);
  return {
    quarter,
    partyId,
    partyName,
    scorecardId: stored?.id ?? null,
    rows,
    averageGrade: grades.length > 0 ? grades.reduce((a, b) => a + b, 0) / grades.length : null,
  };
}
