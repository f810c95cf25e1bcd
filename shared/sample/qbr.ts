/**
 * The sample's QBRs: 2026-Q2 closed (its frozen deck-model snapshot is made in q2-close.ts) and 2026-Q3 in draft — the
 * one the director is preparing. Figures quoted in the Q3 text come from the data itself.
 */
import { DECK_SECTIONS, type Qbr } from '../domain/qbr/schema';
import { PARTY, SAMPLE_WORKSPACE_ID as WS } from './constants';
import { DECISION, QBR } from './governance';

const ATTENDEES: Qbr['attendees'] = [
  { name: 'Elena Marsh', role: 'IT Director', partyId: PARTY.internal },
  { name: 'Daniel Okafor', role: 'Infrastructure Lead', partyId: PARTY.internal },
  { name: 'Robert Kim', role: 'CFO', partyId: PARTY.business },
  { name: 'Grace Liu', role: 'Account Lead / vCIO', partyId: PARTY.partner },
  { name: 'Owen Price', role: 'Service Delivery Manager', partyId: PARTY.partner },
];

const AGENDA: Qbr['agenda'] = [
  { title: 'Welcome and objectives', minutes: 5 },
  { title: 'Decisions requested', minutes: 15 },
  { title: 'Service performance and security posture', minutes: 20 },
  { title: 'Roadmap: done, next 90 days, next four quarters', minutes: 15 },
  { title: 'Budget year to date and forecast', minutes: 10 },
  { title: 'Staffing and sourcing', minutes: 10 },
  { title: 'Co-managed governance and partner scorecard', minutes: 10 },
  { title: 'Actions and next steps', minutes: 5 },
];

const ALL_SECTIONS: Qbr['sections'] = DECK_SECTIONS.map((key) => ({ key, enabled: true }));
const THEME: Qbr['theme'] = { accentColor: '#0B6E99', orgLogo: null, partnerLogo: null };

/** Figures for the Q3 narrative, read from the data by the builder. */
export type Q3Figures = {
  slaPct: number;
  slaLastYearPct: number;
  mttrHours: number;
  mttrLastYearHours: number;
  mfaPct: number;
  ytdActual: number;
  ytdPlan: number;
  doneInQuarter: string[];
};

/** Whole dollars with thousands separators, e.g. $4,872,310 (no Intl: the text must not depend on ICU). */
const dollars = (cents: number) => `$${String(Math.round(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

export function sampleQbrs(f: Q3Figures): Qbr[] {
  const variance = f.ytdActual - f.ytdPlan;
  const varianceText =
    variance <= 0
      ? `${dollars(-variance)} under plan: the paused ERP upgrade and the cloud-migration wave 2 payment moved to October`
      : `${dollars(variance)} (${((100 * variance) / f.ytdPlan).toFixed(1)} %) over plan, driven by the Microsoft 365 renewal, the endpoint refresh and contingency draws`;
  return [
    {
      id: QBR.q2,
      workspaceId: WS,
      quarter: '2026-Q2',
      title: 'Q2 2026 Quarterly Business Review — Northwind and Harborline',
      date: '2026-07-16',
      attendees: ATTENDEES,
      agenda: AGENDA,
      executiveSummary:
        'A steady quarter: the storage refresh landed on time and budget, MFA and EDR rollouts are complete, and SLA attainment keeps climbing. Azure consumption ran over plan while migration wave 1 ran in parallel with the old servers.',
      wins: [
        'Datacenter storage refresh finished on time and within 1 % of budget.',
        'EDR on every supported endpoint; MFA rollout complete.',
        'ERP database restored from immutable backup in under 4 hours.',
      ],
      pains: [
        'Azure consumption 24 % over plan during parallel running.',
        'Two after-hours P2 responses missed target in June.',
        'Runbooks still missing for 8 critical systems.',
      ],
      decisionIds: [DECISION.wifi],
      sections: ALL_SECTIONS,
      preset: 'full',
      theme: THEME,
      nextQbrDate: '2026-10-15',
      status: 'closed',
      closedAt: '2026-07-16T16:00:00.000Z',
    },
    {
      id: QBR.q3,
      workspaceId: WS,
      quarter: '2026-Q3',
      title: 'Q3 2026 Quarterly Business Review — Northwind and Harborline',
      date: '2026-10-15',
      attendees: ATTENDEES,
      agenda: AGENDA,
      executiveSummary:
        `Service keeps improving: ${f.slaPct.toFixed(1)} % of tickets resolved within SLA (${f.slaLastYearPct.toFixed(1)} % a year ago) ` +
        `and mean time to resolve down to ${f.mttrHours.toFixed(1)} hours (${f.mttrLastYearHours.toFixed(1)} a year ago). ` +
        `${f.doneInQuarter.length} roadmap items finished this quarter. Spending is ${dollars(f.ytdActual)} year to date, ` +
        `${varianceText}. ` +
        'Three decisions are needed today: the ERP go-live date, the ISO 27001 scope and a Copilot pilot.',
      wins: [
        ...f.doneInQuarter.map((t) => `Done: ${t}.`),
        `MFA on ${f.mfaPct.toFixed(1)} % of accounts; every restore test passed this quarter.`,
      ],
      pains: [
        'ERP upgrade blocked: the MES interface is still not certified by the vendor.',
        'Only one network engineer and one person with cloud-architecture skills.',
        'Harborline now also acts on endpoint security, with no written split of the work.',
      ],
      decisionIds: [DECISION.erp, DECISION.iso, DECISION.copilot],
      sections: ALL_SECTIONS,
      preset: 'full',
      theme: THEME,
      nextQbrDate: '2027-01-21',
      status: 'draft',
      closedAt: null,
    },
  ];
}
