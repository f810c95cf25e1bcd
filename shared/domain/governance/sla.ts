/**
 * SLA attainment by party per fiscal quarter (SPEC §3.7), from imported tickets, compared with the
 * party's SLA targets. Same rules as the KPI maths of SPEC §3.6: a ticket belongs to the quarter
 * of its resolution time (resolved at, else closed at), and only tickets that carry an SLA flag
 * count — a ticket without one is neither met nor missed.
 *
 * Many workspaces keep only the KPI snapshots of an import (or a partner's service report), not
 * the tickets. For a party and quarter without SLA-flagged ticket records, the `sla_attainment`
 * snapshots of segment `party:<id>` are used instead (a quarterly snapshot wins, else the weighted
 * mean of the months, as the KPI screens aggregate it); their weight is the SLA-flagged ticket
 * count, so `tickets` = Σ weight and `met` = round(attainment × tickets / 100), and 0 when the
 * snapshots carry no weight (count unknown).
 */
import { quarterlyValues, type Aggregated } from '../kpis/aggregate';
import type { KpiSnapshot } from '../kpis/schema';
import { fiscalQuarterOf, monthOfDate, quarterRange } from '../periods';
import type { WorkspaceData } from '../tables';
import type { Ticket } from '../tickets/schema';
import type { Party } from '../workspace/schema';
import { sortParties } from './raci';
import { SEVERITIES, type SlaTarget } from './schema';

export type Severity = (typeof SEVERITIES)[number];

/**
 * P1–P4 from the priority text of a ticket export: "P2", "Priority 2", "2 - High" (ServiceNow,
 * where 5 - Planning counts as P4), or the words critical/urgent, high, medium/moderate/normal,
 * low/planning. Null when the text says nothing recognisable.
 */
export function severityOfPriority(text: string): Severity | null {
  const t = text.trim().toLowerCase();
  const num = /^p\s*([1-5])\b/.exec(t) ?? /^priority\s*([1-5])\b/.exec(t) ?? /^([1-5])(\b|\s|-|$)/.exec(t);
  if (num?.[1]) return SEVERITIES[Math.min(Number(num[1]), 4) - 1] ?? null;
  if (/\b(critical|urgent|highest|emergency)\b/.test(t)) return 'P1';
  if (/\bhigh\b/.test(t)) return 'P2';
  if (/\b(medium|moderate|normal)\b/.test(t)) return 'P3';
  if (/\b(low|lowest|planning|minor)\b/.test(t)) return 'P4';
  return null;
}

/** Resolution time of a ticket: resolved at, or closed at when resolved at is empty (SPEC §3.6). */
export function resolutionTime(t: Pick<Ticket, 'resolvedAt' | 'closedAt'>): string | null {
  return t.resolvedAt ?? t.closedAt;
}

const SLA_KPI = { key: 'sla_attainment', aggregation: 'weighted-mean' } as const;

export type SlaStatus = 'met' | 'missed' | 'no-data' | 'no-target';

export type SlaPriorityAttainment = {
  priority: Severity | 'other';
  tickets: number;
  met: number;
  attainmentPct: number | null;
  targetPct: number | null;
};

export type SlaAttainmentRow = {
  /** null = tickets no party rule matched. */
  partyId: string | null;
  partyName: string;
  quarter: string;
  /** Tickets resolved in the quarter that carry an SLA flag. */
  tickets: number;
  met: number;
  /** 100 × met / tickets; null when there are no such tickets. */
  attainmentPct: number | null;
  /** The party's target attainment, weighted by its tickets' priorities (see slaTargetPct). */
  targetPct: number | null;
  status: SlaStatus;
  /** Per priority (ticket records only; empty for snapshot rows). */
  byPriority: SlaPriorityAttainment[];
  /** Where the numbers come from; null when there are none. */
  source: 'tickets' | 'kpi-snapshots' | null;
};

export type SlaAttainmentInput = {
  tickets: readonly Ticket[];
  parties: readonly Party[];
  slaTargets: readonly SlaTarget[];
  fiscalStartMonth: number;
  /** KPI snapshots, the fallback when a party and quarter has no SLA-flagged tickets. */
  kpiSnapshots?: readonly KpiSnapshot[];
  /** Quarters to report; default every quarter from the first to the last holding data. */
  quarters?: readonly string[];
};

/** The targets that decide a party's attainment: resolution targets, else response targets. */
function attainmentTargets(targets: readonly SlaTarget[], partyId: string | null): Map<Severity, number> {
  const mine = targets.filter((t) => t.partyId === partyId);
  const resolution = mine.filter((t) => t.metric === 'resolution');
  const chosen = resolution.length > 0 ? resolution : mine;
  const out = new Map<Severity, number>();
  // Two targets for one priority and metric: the stricter one decides.
  for (const t of chosen) out.set(t.priority, Math.max(out.get(t.priority) ?? 0, t.targetAttainmentPct));
  return out;
}

/**
 * A party's target attainment %: one value when all its priorities share it; otherwise weighted
 * by the SLA-flagged tickets of each priority that has a target; with no such tickets, the plain
 * mean of its targets. Null when the party has no SLA target.
 */
export function slaTargetPct(
  targets: ReadonlyMap<Severity, number>,
  ticketsByPriority: ReadonlyMap<Severity | 'other', number>,
): number | null {
  const values = [...targets.values()];
  if (values.length === 0) return null;
  if (values.every((v) => v === values[0])) return values[0] ?? null;
  let weight = 0;
  let sum = 0;
  for (const [priority, pct] of targets) {
    const n = ticketsByPriority.get(priority) ?? 0;
    weight += n;
    sum += n * pct;
  }
  return weight > 0 ? sum / weight : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Attainment per party per quarter, parties in matrix order (internal, partner, …) and unassigned
 * tickets last. A party appears when it has SLA-flagged tickets in the reported quarters or SLA
 * targets; every reported quarter is listed for it, empty ones as "no data".
 */
export function slaAttainment(input: SlaAttainmentInput): SlaAttainmentRow[] {
  const quarterOf = (iso: string) => fiscalQuarterOf(monthOfDate(iso), input.fiscalStartMonth);
  const resolved = input.tickets
    .map((t) => ({ t, at: resolutionTime(t) }))
    .filter((x): x is { t: Ticket; at: string } => x.at !== null);
  // Tickets pointing at a deleted party are reported with the unassigned ones rather than lost.
  const known = new Set(input.parties.map((p) => p.id));
  const snapshotQuarters = new Map<string, Map<string, Aggregated>>();
  for (const p of input.parties) {
    const q = quarterlyValues(SLA_KPI, input.kpiSnapshots ?? [], input.fiscalStartMonth, `party:${p.id}`);
    if (q.size > 0) snapshotQuarters.set(p.id, q);
  }

  let quarters: readonly string[] = input.quarters ?? [];
  if (!input.quarters) {
    const qs = [
      ...resolved.map((x) => quarterOf(x.at)),
      ...[...snapshotQuarters.values()].flatMap((m) => [...m.keys()]),
    ].sort();
    if (qs.length > 0) quarters = quarterRange(qs[0] ?? '', qs[qs.length - 1] ?? '');
  }
  const wanted = new Set(quarters);
  const partyOf = (t: Ticket): string | null => (t.partyId !== null && known.has(t.partyId) ? t.partyId : null);

  type Cell = { tickets: number; met: number; byPriority: Map<Severity | 'other', { tickets: number; met: number }> };
  const counts = new Map<string, Cell>();
  const keyOf = (partyId: string | null, quarter: string) => `${partyId ?? ''}\u0000${quarter}`;
  const partiesWithData = new Set<string | null>();
  for (const { t, at } of resolved) {
    if (t.slaMet === null) continue;
    const quarter = quarterOf(at);
    if (!wanted.has(quarter)) continue;
    const partyId = partyOf(t);
    partiesWithData.add(partyId);
    const k = keyOf(partyId, quarter);
    let cell = counts.get(k);
    if (!cell) counts.set(k, (cell = { tickets: 0, met: 0, byPriority: new Map() }));
    const p = severityOfPriority(t.priority) ?? 'other';
    const pc = cell.byPriority.get(p) ?? { tickets: 0, met: 0 };
    cell.tickets += 1;
    pc.tickets += 1;
    if (t.slaMet) {
      cell.met += 1;
      pc.met += 1;
    }
    cell.byPriority.set(p, pc);
  }

  for (const [partyId, byQuarter] of snapshotQuarters) {
    if ([...byQuarter.keys()].some((q) => wanted.has(q))) partiesWithData.add(partyId);
  }
  const targetParties = new Set(input.slaTargets.map((t) => t.partyId));
  const rowsParties: { id: string | null; name: string }[] = sortParties(input.parties)
    .filter((p) => partiesWithData.has(p.id) || targetParties.has(p.id))
    .map((p) => ({ id: p.id, name: p.name }));
  if (partiesWithData.has(null)) rowsParties.push({ id: null, name: 'Unassigned' });

  const out: SlaAttainmentRow[] = [];
  for (const party of rowsParties) {
    const targets = attainmentTargets(input.slaTargets, party.id);
    for (const quarter of quarters) {
      const cell = counts.get(keyOf(party.id, quarter));
      const snap = cell || party.id === null ? undefined : snapshotQuarters.get(party.id)?.get(quarter);
      let tickets = cell?.tickets ?? 0;
      let met = cell?.met ?? 0;
      let attainmentPct = tickets > 0 ? (100 * met) / tickets : null;
      if (snap) {
        tickets = snap.weight ?? 0;
        attainmentPct = snap.value;
        met = Math.round((snap.value * tickets) / 100);
      }
      const perPriority = new Map<Severity | 'other', number>();
      for (const [p, pc] of cell?.byPriority ?? []) perPriority.set(p, pc.tickets);
      const targetPct = slaTargetPct(targets, perPriority);
      const status: SlaStatus =
        attainmentPct === null
          ? 'no-data'
          : targetPct === null
            ? 'no-target'
            : attainmentPct >= targetPct
              ? 'met'
              : 'missed';
      const byPriority: SlaPriorityAttainment[] = [...SEVERITIES, 'other' as const]
        .filter((p) => (cell?.byPriority.get(p)?.tickets ?? 0) > 0)
        .map((p) => {
          const pc = cell?.byPriority.get(p) ?? { tickets: 0, met: 0 };
          return {
            priority: p,
            tickets: pc.tickets,
            met: pc.met,
            attainmentPct: pc.tickets > 0 ? (100 * pc.met) / pc.tickets : null,
            targetPct: p === 'other' ? null : (targets.get(p) ?? null),
          };
        });
      out.push({
        partyId: party.id,
        partyName: party.name,
        quarter,
        tickets,
        met,
        attainmentPct,
        targetPct,
        status,
        byPriority,
        source: cell ? 'tickets' : snap ? 'kpi-snapshots' : null,
      });
    }
  }
  return out;
}

/** Attainment by party for a workspace (see slaAttainment). */
export function slaAttainmentByParty(data: WorkspaceData, quarters?: readonly string[]): SlaAttainmentRow[] {
  return slaAttainment({
    tickets: data.tables.tickets,
    parties: data.tables.parties,
    slaTargets: data.tables.slaTargets,
    kpiSnapshots: data.tables.kpiSnapshots,
    fiscalStartMonth: data.workspace.fiscalYearStartMonth,
    ...(quarters ? { quarters } : {}),
  });
}
