/** Human labels for the domain's enum values (one place, so screens and forms agree). */
import type { Bucket, Domain, RoadmapStatus } from '../../../shared/domain/roadmap/schema';
import type { BudgetCategory } from '../../../shared/domain/budget/schema';

export const DOMAIN_LABELS: Record<Domain, string> = {
  cloud: 'Cloud',
  security: 'Security',
  network: 'Network',
  infrastructure: 'Infrastructure',
  'end-user': 'End-user',
  identity: 'Identity',
  data: 'Data',
  compliance: 'Compliance',
  automation: 'Automation',
  other: 'Other',
};

export const BUCKET_LABELS: Record<Bucket, string> = {
  run: 'Run',
  grow: 'Grow',
  transform: 'Transform',
  protect: 'Protect',
};

export const STATUS_LABELS: Record<RoadmapStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const CATEGORY_LABELS: Record<BudgetCategory, string> = {
  personnel: 'Personnel',
  'partner-services': 'Partner services',
  'software-licences': 'Software & licences',
  hardware: 'Hardware',
  cloud: 'Cloud',
  projects: 'Projects',
  training: 'Training',
  contingency: 'Contingency',
  other: 'Other',
};

export const PROFICIENCY_TEXT = ['None', 'Learning', 'Working', 'Strong', 'Expert'] as const;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "in-progress" → "In progress" for enum values without a dedicated table. */
export function humanize(value: string): string {
  const s = value.replace(/[-_]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
