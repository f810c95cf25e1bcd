/** Budget category labels and lenient matching of a category typed in a CSV or a form. */
import { BUDGET_CATEGORIES, type BudgetCategory } from './schema';

/** Human labels (the same words the screens use; the renderer may import these). */
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
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

// Extra spellings seen in finance exports; keys are normalised (lowercase letters and digits only).
const ALIASES: Record<string, BudgetCategory> = {
  staff: 'personnel',
  people: 'personnel',
  salaries: 'personnel',
  partner: 'partner-services',
  msp: 'partner-services',
  managedservices: 'partner-services',
  software: 'software-licences',
  licences: 'software-licences',
  licenses: 'software-licences',
  softwarelicenses: 'software-licences',
  softwareandlicences: 'software-licences',
  softwareandlicenses: 'software-licences',
  project: 'projects',
};

/** Lowercase letters and digits only, so "Software & Licences" and "software-licences" compare equal. */
export function normaliseKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** The category a text names (its key, its label or a common alias), or null. */
export function matchCategory(text: string): BudgetCategory | null {
  const key = normaliseKey(text);
  if (key === '') return null;
  for (const c of BUDGET_CATEGORIES) {
    if (normaliseKey(c) === key || normaliseKey(BUDGET_CATEGORY_LABELS[c]) === key) return c;
  }
  return ALIASES[key] ?? null;
}
