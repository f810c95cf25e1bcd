/**
 * Governance defaults (SPEC §3.7): the service lanes of a co-managed RACI, a starting escalation
 * ladder for P1–P4 and SLA target templates. Builders turn them into schema-valid records for a
 * workspace, so the sample, "Start empty" and the tests all start from the same split.
 *
 * Letters are always stored in the canonical order R, A, C, I (the order of RACI_LETTERS).
 */
import type { EscalationStep, RaciActivity, RaciAssignment, RaciLetter, SlaTarget } from './schema';

/** One default service lane with the typical co-managed split between Internal IT and the partner. */
export type DefaultRaciLane = {
  /** Stable key, used to derive ids. */
  key: string;
  name: string;
  internal: readonly RaciLetter[];
  partner: readonly RaciLetter[];
  /** The written split when both parties are R (empty otherwise). */
  splitNote: string;
};

/**
 * The default lanes of SPEC §3.7. The split reflects a common co-managed arrangement: Internal IT
 * stays accountable for every lane (it keeps control and strategy) and the partner is responsible
 * for the 24x7 and specialist work (NOC, SOC, backup, L2/L3). Where both do the work the split is
 * written down, because an unwritten split is exactly the role collision the app warns about.
 */
export const DEFAULT_RACI_LANES: readonly DefaultRaciLane[] = [
  { key: 'service-desk-l1', name: 'Service desk L1', internal: ['R', 'A'], partner: ['C'], splitNote: '' },
  {
    key: 'escalations-l2-l3',
    name: 'Escalations L2/L3',
    internal: ['A', 'C'],
    partner: ['R'],
    splitNote: '',
  },
  { key: 'noc-monitoring', name: 'NOC monitoring', internal: ['A', 'I'], partner: ['R'], splitNote: '' },
  {
    key: 'patching',
    name: 'Patching',
    internal: ['R', 'A'],
    partner: ['R'],
    splitNote: 'Partner patches servers and network devices; Internal IT patches endpoints and business applications.',
  },
  { key: 'endpoint-security', name: 'Endpoint security', internal: ['R', 'A'], partner: ['C'], splitNote: '' },
  { key: 'soc-siem', name: 'SOC/SIEM', internal: ['A', 'I'], partner: ['R'], splitNote: '' },
  { key: 'backup-dr', name: 'Backup & DR', internal: ['A', 'C'], partner: ['R'], splitNote: '' },
  { key: 'network', name: 'Network', internal: ['R', 'A'], partner: ['C'], splitNote: '' },
  { key: 'cloud', name: 'Cloud', internal: ['R', 'A'], partner: ['C'], splitNote: '' },
  { key: 'identity', name: 'Identity', internal: ['R', 'A'], partner: ['I'], splitNote: '' },
  {
    key: 'projects',
    name: 'Projects',
    internal: ['R', 'A'],
    partner: ['R'],
    splitNote:
      'Internal IT runs the projects it owns; the partner delivers the projects paid from its contracted project hours.',
  },
  { key: 'roadmap-strategy', name: 'Roadmap & strategy', internal: ['R', 'A'], partner: ['C'], splitNote: '' },
  { key: 'budget', name: 'Budget', internal: ['R', 'A'], partner: ['I'], splitNote: '' },
  { key: 'compliance-audit', name: 'Compliance & audit', internal: ['R', 'A'], partner: ['C'], splitNote: '' },
  { key: 'vendor-management', name: 'Vendor management', internal: ['R', 'A'], partner: ['I'], splitNote: '' },
  {
    key: 'documentation',
    name: 'Documentation',
    internal: ['R', 'A'],
    partner: ['R'],
    splitNote: 'Each party documents the systems it operates; Internal IT keeps the index and reviews it each quarter.',
  },
];

export type Severity = EscalationStep['severity'];
export type EscalationParty = 'internal' | 'partner';

/** One default escalation step; response minutes count from when the incident is raised. */
export type DefaultEscalationStep = {
  severity: Severity;
  step: number;
  party: EscalationParty;
  contactRole: string;
  responseMinutes: number;
};

/**
 * A starting ladder: the partner's 24x7 NOC answers first, then its service delivery manager, then
 * Internal IT's on-call lead and, for P1/P2 only, the IT director. Targets grow with each step so
 * every step is a real escalation, not a parallel notification.
 */
export const DEFAULT_ESCALATION_LADDER: readonly DefaultEscalationStep[] = [
  { severity: 'P1', step: 1, party: 'partner', contactRole: 'NOC on-call engineer', responseMinutes: 15 },
  { severity: 'P1', step: 2, party: 'partner', contactRole: 'Service delivery manager', responseMinutes: 30 },
  { severity: 'P1', step: 3, party: 'internal', contactRole: 'Infrastructure on-call lead', responseMinutes: 60 },
  { severity: 'P1', step: 4, party: 'internal', contactRole: 'IT director', responseMinutes: 120 },
  { severity: 'P2', step: 1, party: 'partner', contactRole: 'NOC on-call engineer', responseMinutes: 30 },
  { severity: 'P2', step: 2, party: 'partner', contactRole: 'Service delivery manager', responseMinutes: 120 },
  { severity: 'P2', step: 3, party: 'internal', contactRole: 'Infrastructure on-call lead', responseMinutes: 240 },
  { severity: 'P2', step: 4, party: 'internal', contactRole: 'IT director', responseMinutes: 480 },
  { severity: 'P3', step: 1, party: 'internal', contactRole: 'Service desk lead', responseMinutes: 240 },
  { severity: 'P3', step: 2, party: 'partner', contactRole: 'Service delivery manager', responseMinutes: 960 },
  { severity: 'P4', step: 1, party: 'internal', contactRole: 'Service desk lead', responseMinutes: 480 },
  { severity: 'P4', step: 2, party: 'partner', contactRole: 'Service delivery manager', responseMinutes: 2400 },
];

/** An SLA template per priority: minutes for first response and for resolution, and the attainment goal. */
export type DefaultSlaTemplate = {
  priority: Severity;
  responseMinutes: number;
  resolutionMinutes: number;
  targetAttainmentPct: number;
};

/**
 * Typical managed-service SLA tiers (wall-clock minutes): P1 15 min / 4 h, P2 30 min / 8 h,
 * P3 4 h / 3 days, P4 8 h / 5 days; 95 % attainment for P1–P2 and 90 % for P3–P4.
 */
export const DEFAULT_SLA_TEMPLATES: readonly DefaultSlaTemplate[] = [
  { priority: 'P1', responseMinutes: 15, resolutionMinutes: 240, targetAttainmentPct: 95 },
  { priority: 'P2', responseMinutes: 30, resolutionMinutes: 480, targetAttainmentPct: 95 },
  { priority: 'P3', responseMinutes: 240, resolutionMinutes: 4320, targetAttainmentPct: 90 },
  { priority: 'P4', responseMinutes: 480, resolutionMinutes: 7200, targetAttainmentPct: 90 },
];

/** Who the builders assign: the workspace, the two parties and how ids are made. */
export type GovernanceBuildOptions = {
  workspaceId: string;
  internalPartyId: string;
  partnerPartyId: string;
  /** Makes a record id from a stable key (default: the key itself, e.g. `raci-patching`). */
  makeId?: (key: string) => string;
};

const idOf = (opts: GovernanceBuildOptions, key: string): string => (opts.makeId ? opts.makeId(key) : key);

/** Default RACI lanes as activities plus one assignment per lane × party (empty cells are omitted). */
export function buildDefaultRaci(opts: GovernanceBuildOptions): {
  activities: RaciActivity[];
  assignments: RaciAssignment[];
} {
  const activities: RaciActivity[] = [];
  const assignments: RaciAssignment[] = [];
  DEFAULT_RACI_LANES.forEach((lane, order) => {
    const activityId = idOf(opts, `raci-${lane.key}`);
    activities.push({
      id: activityId,
      workspaceId: opts.workspaceId,
      name: lane.name,
      order,
      splitNote: lane.splitNote,
    });
    const cells: [string, readonly RaciLetter[], string][] = [
      [opts.internalPartyId, lane.internal, 'internal'],
      [opts.partnerPartyId, lane.partner, 'partner'],
    ];
    for (const [partyId, roles, side] of cells) {
      if (roles.length === 0) continue;
      assignments.push({
        id: idOf(opts, `raci-${lane.key}-${side}`),
        workspaceId: opts.workspaceId,
        activityId,
        partyId,
        roles: [...roles],
      });
    }
  });
  return { activities, assignments };
}

/** Default escalation ladder P1–P4 as EscalationStep records. */
export function buildDefaultEscalationSteps(opts: GovernanceBuildOptions): EscalationStep[] {
  return DEFAULT_ESCALATION_LADDER.map((s) => ({
    id: idOf(opts, `esc-${s.severity.toLowerCase()}-${s.step}`),
    workspaceId: opts.workspaceId,
    severity: s.severity,
    step: s.step,
    partyId: s.party === 'internal' ? opts.internalPartyId : opts.partnerPartyId,
    contactRole: s.contactRole,
    responseMinutes: s.responseMinutes,
  }));
}

/** Default SLA targets (response and resolution per priority) for one party, usually the partner. */
export function buildDefaultSlaTargets(opts: GovernanceBuildOptions, partyId = opts.partnerPartyId): SlaTarget[] {
  const out: SlaTarget[] = [];
  for (const t of DEFAULT_SLA_TEMPLATES) {
    const p = t.priority.toLowerCase();
    const side = partyId === opts.internalPartyId ? 'internal' : partyId === opts.partnerPartyId ? 'partner' : partyId;
    for (const metric of ['response', 'resolution'] as const) {
      out.push({
        id: idOf(opts, `sla-${side}-${p}-${metric}`),
        workspaceId: opts.workspaceId,
        metric,
        priority: t.priority,
        partyId,
        targetMinutes: metric === 'response' ? t.responseMinutes : t.resolutionMinutes,
        targetAttainmentPct: t.targetAttainmentPct,
      });
    }
  }
  return out;
}
