/**
 * Small pure helpers of the Governance screen: where each finding is fixed (links), the deep-link
 * hash format, which RACI version to compare with, and response-target durations as typed.
 */
import type { Finding, FindingKind } from '../../../../shared/domain/findings';
import type { RaciVersion } from '../../../../shared/domain/governance/schema';

/** Sections of the Governance page that a link can open. */
export const GOVERNANCE_SECTIONS = [
  'findings',
  'raci',
  'escalation',
  'sla',
  'scorecard',
  'risks',
  'decisions',
  'actions',
] as const;
export type GovernanceSection = (typeof GOVERNANCE_SECTIONS)[number];

export const FINDING_LABELS: Record<FindingKind, string> = {
  'raci-collision': 'RACI collision',
  'raci-gap': 'RACI gap',
  'raci-accountable': 'RACI accountability',
  'single-point-of-failure': 'Single point of failure',
  'dependency-conflict': 'Dependency',
  'escalation-gap': 'Escalation',
  'sla-missing': 'SLA missing',
  'action-overdue': 'Overdue action',
  'budget-unlinked': 'Not budgeted',
};

/** `#/governance/<section>[/<id>]`. */
export function governanceHref(section: GovernanceSection, id?: string): string {
  return `#/governance/${section}${id ? `/${encodeURIComponent(id)}` : ''}`;
}

/** The section and record id of a Governance deep link; null when the hash is not one. */
export function parseGovernanceHash(hash: string): { section: GovernanceSection; id: string | null } | null {
  const m = /^#\/?governance\/([a-z]+)(?:\/([^/?#]*))?/.exec(hash);
  if (!m) return null;
  const section = GOVERNANCE_SECTIONS.find((s) => s === m[1]);
  if (!section) return null;
  let id: string | null = null;
  if (m[2]) {
    try {
      id = decodeURIComponent(m[2]);
    } catch {
      id = null;
    }
  }
  return { section, id };
}

/** Where a finding is fixed: the link and its words ("Fix in the RACI matrix"). */
export function findingTarget(f: Finding): { href: string; label: string } {
  switch (f.kind) {
    case 'raci-collision':
    case 'raci-gap':
    case 'raci-accountable':
      return { href: governanceHref('raci', f.recordId), label: `Fix ${f.subject} in the RACI matrix` };
    case 'escalation-gap':
      return { href: governanceHref('escalation', f.recordId), label: 'Fix in the escalation ladder' };
    case 'sla-missing':
      return { href: governanceHref('sla', f.recordId), label: 'Add the SLA targets' };
    case 'action-overdue':
      return { href: governanceHref('actions', f.recordId), label: 'Open the action' };
    case 'single-point-of-failure':
      return { href: '#/staffing', label: 'Open Staffing & Sourcing' };
    case 'dependency-conflict':
      return { href: '#/roadmap', label: 'Open the roadmap' };
    case 'budget-unlinked':
      return { href: '#/budget', label: 'Open the budget' };
  }
}

/**
 * The version "Changes since" compares the live matrix with: the newest version of a quarter
 * before the quarter in focus, else the newest version of all (e.g. this quarter's own).
 */
export function defaultCompareVersion(versions: readonly RaciVersion[], focusQuarter: string): RaciVersion | null {
  const sorted = [...versions].sort((a, b) =>
    a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : a.savedAt < b.savedAt ? 1 : -1,
  );
  return sorted.find((v) => v.quarter < focusQuarter) ?? sorted[0] ?? null;
}

export type DurationUnit = 'min' | 'h' | 'd';
const UNIT_MINUTES: Record<DurationUnit, number> = { min: 1, h: 60, d: 1440 };

/** A duration in the largest whole unit: 2,880 → 2 d, 90 → 90 min, 480 → 8 h. */
export function durationParts(minutes: number): { value: string; unit: DurationUnit } {
  if (minutes > 0 && minutes % 1440 === 0) return { value: String(minutes / 1440), unit: 'd' };
  if (minutes > 0 && minutes % 60 === 0) return { value: String(minutes / 60), unit: 'h' };
  return { value: String(minutes), unit: 'min' };
}

/**
 * Whole minutes from a typed value and unit ("1.5" h → 90); null when the text is not a number
 * or does not come to whole minutes ("0.3" min).
 */
export function durationMinutes(value: string, unit: DurationUnit): number | null {
  const text = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text) * UNIT_MINUTES[unit];
  const rounded = Math.round(minutes);
  return Math.abs(minutes - rounded) < 1e-9 ? rounded : null;
}
