/**
 * The deck model: every number and text the QBR deck shows, as plain JSON. `deckModel()` computes
 * it from a workspace; closing a quarter freezes it as `QbrSnapshot.data`; `buildDeck()` renders
 * only from it, so a closed quarter's deck regenerates with identical content. Money is in minor
 * units; percentages are 0–100 numbers; dates ISO strings. No `undefined` anywhere (null instead),
 * so the canonical JSON — and its hash — is well defined.
 */
import type { DeckSectionKey } from '../domain/qbr/schema';

/** Bumped when the model's shape changes; a snapshot with another version is re-read by an adapter. */
export const DECK_MODEL_VERSION = 1;

export type RagKey = 'green' | 'amber' | 'red' | 'none';
export type VerdictKey = 'better' | 'worse' | 'same';

export type ModelDelta = { reference: number; delta: number; deltaPct: number | null; verdict: VerdictKey };

export type KpiRow = {
  key: string;
  name: string;
  unit: 'hours' | 'count' | 'percent' | 'ratio' | 'currency' | 'score';
  direction: 'higher' | 'lower';
  group: 'service' | 'security' | 'delivery' | 'people' | 'cost' | 'satisfaction';
  value: number | null;
  target: number | null;
  amberThreshold: number | null;
  rag: RagKey;
  ragLabel: string;
  vsTarget: ModelDelta | null;
  vsPrevious: (ModelDelta & { period: string }) | null;
  vsLastYear: (ModelDelta & { period: string }) | null;
  /** Oldest first, ending with the deck's quarter. */
  series: { quarter: string; value: number | null }[];
};

export type ActionRow = {
  id: string;
  text: string;
  owner: string;
  dueDate: string | null;
  status: 'open' | 'in-progress' | 'done' | 'dropped';
  carriedOver: number;
  overdue: boolean;
};

export type RoadmapRow = {
  id: string;
  title: string;
  domain: string;
  bucket: string;
  status: string;
  health: 'green' | 'amber' | 'red';
  startMonth: string;
  endMonth: string;
  progressPct: number;
  owner: string;
};

export type DeckModel = {
  modelVersion: typeof DECK_MODEL_VERSION;
  meta: {
    qbrId: string;
    quarter: string;
    /** e.g. "Q3 FY2026". */
    quarterLabel: string;
    /** e.g. "Jan – Mar 2026". */
    quarterSpan: string;
    quarterMonths: string[];
    fiscalYear: number;
    workspaceName: string;
    partnerName: string;
    currency: string;
    locale: string;
    userCount: number;
    endpointCount: number;
    /** Latest month or quarter with KPI data up to the deck's quarter; null when none. */
    kpiDataThrough: string | null;
    /** Latest month with budget actuals within the deck's fiscal year up to the quarter; null when none. */
    actualsThrough: string | null;
  };
  qbr: {
    title: string;
    date: string;
    status: 'draft' | 'closed';
    closedAt: string | null;
    nextQbrDate: string | null;
    attendees: { name: string; role: string; party: string }[];
    agenda: { title: string; minutes: number; startsAtMinute: number }[];
    executiveSummary: string;
    wins: string[];
    pains: string[];
    sections: { key: DeckSectionKey; enabled: boolean }[];
    theme: { accentColor: string; orgLogo: string | null; partnerLogo: string | null };
  };
  decisions: {
    text: string;
    options: string[];
    recommendedOption: string;
    rationale: string;
    status: string;
    date: string | null;
    linkedItems: string[];
    source: 'decision' | 'roadmap';
  }[];
  health: {
    overall: RagKey;
    counts: Record<RagKey, number>;
    /** Share of KPIs with a target that are on target, per quarter (oldest first). */
    trend: { quarter: string; onTargetPct: number | null }[];
  };
  kpis: KpiRow[];
  actions: { done: ActionRow[]; outstanding: ActionRow[]; new: ActionRow[] };
  risks: {
    openCount: number;
    byBand: Record<'low' | 'medium' | 'high' | 'critical', number>;
    /** Likelihood 5 (top) → 1, impact 1 → 5; counts of live risks. */
    grid: { likelihood: number; impact: number; count: number; band: 'low' | 'medium' | 'high' | 'critical' }[][];
    top: {
      id: string;
      title: string;
      likelihood: number;
      impact: number;
      score: number;
      band: 'low' | 'medium' | 'high' | 'critical';
      owner: string;
      mitigation: string;
      dueDate: string | null;
      status: string;
    }[];
  };
  roadmap: {
    statusCounts: Record<string, number>;
    doneThisQuarter: RoadmapRow[];
    next90Days: RoadmapRow[];
    /** Columns: the deck's quarter and the next four. */
    timelineQuarters: string[];
    timeline: { id: string; title: string; status: string; start: number; end: number }[];
    /** Every live item, for "what changed" at the next QBR. */
    items: { id: string; title: string; status: string; startMonth: string; endMonth: string }[];
  };
  budget: {
    fiscalYear: number;
    /** False when the workspace has no budget lines for the year. */
    available: boolean;
    quarters: {
      quarter: string;
      plan: number;
      actual: number | null;
      forecast: number;
      variance: number;
      variancePct: number | null;
    }[];
    ytd: {
      throughQuarter: string;
      plan: number;
      actual: number;
      comparedPlan: number;
      variance: number;
      variancePct: number | null;
    };
    year: { plan: number; forecast: number; forecastVsPlan: number; forecastVsPlanPct: number | null };
    split: {
      capex: { plan: number; actual: number; forecast: number };
      opex: { plan: number; actual: number; forecast: number };
    };
    byCategory: { category: string; plan: number; actual: number; capex: number; opex: number }[];
    varianceNotes: { quarter: string; line: string; note: string }[];
    costPerUserMonth: number | null;
    costPerEndpointMonth: number | null;
    /** Multi-year projection by category; empty when unavailable. */
    multiYear: { years: number[]; series: { label: string; values: number[] }[] };
  };
  staffing: {
    coverage: {
      name: string;
      coverageModel: string;
      requiredFte: number;
      internalFte: number;
      coveredPct: number;
      partner: string | null;
      people: number;
      minimumDepth: number;
      singlePointOfFailure: boolean;
    }[];
    singlePointsOfFailure: { name: string; reason: string }[];
    scenarios: {
      id: string;
      name: string;
      kind: string;
      years: {
        year: number;
        currentStaff: number;
        newHires: number;
        hiringOneTime: number;
        partner: number;
        total: number;
      }[];
      cumulative: number[];
      npv: number;
      costPerEndpointMonthY1: number | null;
      coveragePct: number;
      hires: number;
    }[];
    breakEven: { a: string; b: string; year: number | null } | null;
    sensitivity: { label: string; low: number; high: number }[];
    sentence: string;
    problems: string[];
  };
  governance: {
    raciCells: { activity: string; party: string; roles: ('R' | 'A' | 'C' | 'I')[] }[];
    raciLanes: number;
    raciIssues: { kind: string; message: string }[];
    escalation: {
      severity: string;
      steps: { step: number; party: string; contactRole: string; responseMinutes: number }[];
    }[];
    sla: {
      party: string;
      tickets: number;
      met: number;
      attainmentPct: number | null;
      targetPct: number | null;
      status: string;
    }[];
    scorecard: {
      party: string;
      averageGrade: number | null;
      graded: boolean;
      grades: { criterion: string; label: string; grade: number | null; comment: string; evidence: string }[];
    } | null;
  };
  whatChanged: {
    /** Where the comparison comes from. */
    baseline: { kind: 'snapshot' | 'raci-version' | 'none'; quarter: string | null; createdAt: string | null };
    roadmap: {
      added: { title: string; endMonth: string }[];
      done: { title: string }[];
      slipped: { title: string; fromMonth: string; toMonth: string }[];
    } | null;
    budget: {
      previousVariance: number;
      currentVariance: number;
      previousVariancePct: number | null;
      currentVariancePct: number | null;
    } | null;
    kpis: {
      key: string;
      name: string;
      unit: KpiRow['unit'];
      direction: 'higher' | 'lower';
      previous: number;
      current: number;
      delta: number;
      verdict: VerdictKey;
    }[];
    raci: {
      added: { activity: string; party: string; roles: string[] }[];
      removed: { activity: string; party: string; roles: string[] }[];
      changed: { activity: string; party: string; before: string[]; after: string[] }[];
    } | null;
  };
  nextSteps: { actions: ActionRow[]; nextQbrDate: string | null; decisionsPending: number };
  appendix: {
    kpiDefinitions: {
      name: string;
      unit: string;
      direction: string;
      aggregation: string;
      target: number | null;
      benchmark: string;
      definition: string;
    }[];
    dataSources: { source: string; detail: string; asOf: string }[];
  };
};

/** A narrow structural check used before trusting `QbrSnapshot.data` as a model. */
export function isDeckModel(value: unknown): value is DeckModel {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.modelVersion === DECK_MODEL_VERSION &&
    typeof v.meta === 'object' &&
    v.meta !== null &&
    typeof v.qbr === 'object' &&
    v.qbr !== null &&
    Array.isArray(v.kpis) &&
    Array.isArray(v.decisions)
  );
}
