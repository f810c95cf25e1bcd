/**
 * Roadmap item editor validation: one plain-language message per field, from the schema plus the
 * checks a single record cannot make (known owner party, existing dependencies, no cycles).
 */
import { MONTH_RE } from '../common';
import { dependencyCycles } from './dependencies';
import { RoadmapItem } from './schema';

export type FieldErrors = Partial<Record<keyof RoadmapItem | 'form', string>>;

export type ValidationContext = {
  /** Other items of the workspace (the edited item itself may be included; it is skipped). */
  items: readonly Pick<RoadmapItem, 'id' | 'title' | 'dependsOn'>[];
  /** Known party ids; when given, the owner must be one of them. */
  partyIds?: readonly string[];
};

// Messages the editor shows, better than the schema's generic ones for the fields people type in.
const FIELD_MESSAGES: Partial<Record<keyof RoadmapItem, string>> = {
  title: 'Enter a title (at most 500 characters).',
  priority: 'Priority is a whole number from 1 (highest) to 5.',
  startMonth: 'Enter the start month as YYYY-MM.',
  endMonth: 'Enter the end month as YYYY-MM.',
  progressPct: 'Progress is a percentage from 0 to 100.',
  capex: 'One-time cost is an amount of zero or more.',
  opexMonthly: 'Monthly cost is an amount of zero or more.',
  opexStartMonth: 'Enter the month the recurring cost starts as YYYY-MM, or leave it empty.',
  opexEndMonth: 'Enter the month the recurring cost ends as YYYY-MM, or leave it empty.',
  ownerPartyId: 'Choose the owner party.',
};

/** Per-field messages for an item draft; an empty object means the item can be saved. */
export function validateRoadmapItem(draft: unknown, ctx: ValidationContext): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: keyof FieldErrors, message: string): void => {
    // First message per field wins: it is the most basic problem.
    if (errors[field] === undefined) errors[field] = message;
  };
  const parsed = RoadmapItem.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const head = issue.path[0];
      if (typeof head !== 'string') {
        set('form', issue.message);
        continue;
      }
      const field = head as keyof RoadmapItem;
      if (field === 'endMonth' && issue.code === 'custom') set(field, 'The end month is before the start month.');
      else set(field, FIELD_MESSAGES[field] ?? issue.message);
    }
  }
  if (!isRecord(draft)) return errors;

  const id = typeof draft.id === 'string' ? draft.id : '';
  const opexStart = draft.opexStartMonth;
  const opexEnd = draft.opexEndMonth;
  const start = draft.startMonth;
  if (isMonth(opexStart) && isMonth(opexEnd) && opexEnd < opexStart) {
    set('opexEndMonth', 'The recurring cost ends before it starts.');
  } else if (opexStart === null && isMonth(opexEnd) && isMonth(start) && opexEnd < start) {
    set('opexEndMonth', 'The recurring cost ends before the item starts.');
  }

  if (ctx.partyIds && typeof draft.ownerPartyId === 'string' && !ctx.partyIds.includes(draft.ownerPartyId)) {
    set('ownerPartyId', FIELD_MESSAGES.ownerPartyId ?? '');
  }

  if (Array.isArray(draft.dependsOn)) {
    const deps = draft.dependsOn.filter((d): d is string => typeof d === 'string');
    const others = ctx.items.filter((i) => i.id !== id);
    const known = new Set(others.map((i) => i.id));
    if (deps.includes(id) && id !== '') set('dependsOn', 'An item cannot depend on itself.');
    const unknown = deps.filter((d) => d !== id && !known.has(d));
    if (unknown.length > 0) set('dependsOn', `Unknown dependency: ${unknown.join(', ')}.`);
    const cycle = dependencyCycles([...others, { id, dependsOn: deps }]).find((c) => c.includes(id));
    if (cycle) {
      const titles = new Map(others.map((i) => [i.id, i.title]));
      const names = cycle.filter((c) => c !== id).map((c) => `"${titles.get(c) ?? c}"`);
      set('dependsOn', `This would make a circular dependency with ${names.join(', ')}.`);
    }
  }

  if (draft.needsDecision === true && typeof draft.decisionText === 'string' && draft.decisionText.trim() === '') {
    set('decisionText', 'Say what needs deciding.');
  }
  return errors;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMonth(v: unknown): v is string {
  return typeof v === 'string' && MONTH_RE.test(v);
}
