/**
 * Plan health findings: warnings about a valid workspace (RACI collisions and gaps, single points
 * of failure, dependency conflicts…). Shown on Governance and Dashboard and by `quarterdeck validate`.
 * Findings are warnings, never errors: a workspace with findings is still valid.
 */
import { isCommitted } from './budget/summary';
import { overdueActions } from './governance/actions';
import { validateEscalation } from './governance/escalation';
import { sortParties, validateRaci } from './governance/raci';
import { SEVERITIES } from './governance/schema';
import { dependencyConflicts, type DependencyConflict } from './roadmap/dependencies';
import { singlePointsOfFailure } from './staffing/coverage';
import type { WorkspaceData } from './tables';

export type FindingKind =
  | 'raci-collision'
  | 'raci-gap'
  | 'raci-accountable'
  | 'single-point-of-failure'
  | 'dependency-conflict'
  | 'escalation-gap'
  | 'sla-missing'
  | 'action-overdue'
  | 'budget-unlinked';

export type Finding = { kind: FindingKind; subject: string; message: string; recordId?: string };

export type PlanFindingsOptions = {
  /** The day actions are judged overdue against, `YYYY-MM-DD`; default: findingsDate(data). */
  asOf?: string;
};

/**
 * The default "as of" day for overdue actions: the date of the latest QBR (what will be overdue by
 * that meeting), else the day the workspace was last updated. Derived from the data because
 * shared/ has no clock; the app passes today's date explicitly.
 */
export function findingsDate(data: WorkspaceData): string {
  let latest = '';
  for (const q of data.tables.qbrs) if (q.date > latest) latest = q.date;
  return latest || data.workspace.updatedAt.slice(0, 10);
}

/** What the director should do about each kind of dependency problem. */
function dependencyAdvice(c: DependencyConflict): string {
  switch (c.kind) {
    case 'starts-before-dependency-ends':
      return `Move it to start in ${c.earliestStart ?? 'a later month'} or later, or re-plan the dependency.`;
    case 'missing-dependency':
      return 'Remove the dependency or link the right item.';
    case 'cancelled-dependency':
      return 'Remove the dependency or re-plan the item without it.';
    case 'self-dependency':
      return 'Remove the dependency on itself.';
    case 'cycle':
      return 'Remove one of the dependencies to break the loop.';
  }
}

const clip = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Every finding for a workspace, in a stable order: RACI collisions, gaps and accountability (lane
 * order), single points of failure, dependency conflicts, escalation gaps, missing SLA targets,
 * overdue actions (as of `options.asOf`, default findingsDate(data)), unbudgeted roadmap items.
 */
export function planFindings(data: WorkspaceData, options: PlanFindingsOptions = {}): Finding[] {
  const t = data.tables;
  const out: Finding[] = [];

  const raci = validateRaci(t.raciActivities, t.raciAssignments, t.parties);
  for (const kind of ['raci-collision', 'raci-gap', 'raci-accountable'] as const) {
    for (const issue of raci.issues) {
      if (issue.kind === kind)
        out.push({ kind, subject: issue.lane, message: issue.message, recordId: issue.activityId });
    }
  }

  for (const spof of singlePointsOfFailure(data)) {
    out.push({
      kind: 'single-point-of-failure',
      subject: spof.name,
      message: `${spof.reason}: train or hire a second person, or have the partner cover it.`,
      recordId: spof.areaId,
    });
  }

  const titles = new Map(t.roadmapItems.map((i) => [i.id, i.title]));
  for (const c of dependencyConflicts(t.roadmapItems)) {
    out.push({
      kind: 'dependency-conflict',
      subject: titles.get(c.itemId) ?? c.itemId,
      message: `${c.message} ${dependencyAdvice(c)}`,
      recordId: c.itemId,
    });
  }

  out.push(...validateEscalation(t.escalationSteps));

  // Every partner, and any other party that has some SLA targets, needs a target for each priority.
  const withTargets = new Set(t.slaTargets.map((s) => s.partyId));
  for (const party of sortParties(t.parties)) {
    if (party.kind !== 'partner' && !withTargets.has(party.id)) continue;
    const covered = new Set(t.slaTargets.filter((s) => s.partyId === party.id).map((s) => s.priority));
    const missing = SEVERITIES.filter((p) => !covered.has(p));
    if (missing.length === 0) continue;
    const list =
      missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    out.push({
      kind: 'sla-missing',
      subject: `SLA targets: ${party.name}`,
      message: `${party.name} has no SLA target for ${list}: add response and resolution targets from the contract.`,
      recordId: party.id,
    });
  }

  const asOf = options.asOf ?? findingsDate(data);
  for (const a of overdueActions(t.actionItems, asOf)) {
    const owner = a.owner.trim() ? ` (owner: ${a.owner.trim()})` : '';
    const days = a.daysOverdue === 1 ? '1 day' : `${a.daysOverdue} days`;
    out.push({
      kind: 'action-overdue',
      subject: clip(a.text),
      message: `"${clip(a.text)}"${owner} was due ${a.dueDate ?? ''}, ${days} before ${asOf}: finish it, give it a new date, or drop it.`,
      recordId: a.id,
    });
  }

  // A committed item's costs enter the budget forecast (budget/summary.ts) even with no budget line,
  // so without a linked line the forecast outruns the plan with nothing in the plan to explain it.
  const linked = new Set(t.budgetLines.map((l) => l.roadmapItemId).filter((id): id is string => id !== null));
  for (const item of t.roadmapItems) {
    if (!isCommitted(item) || item.status === 'done' || linked.has(item.id)) continue;
    if (item.capex <= 0 && item.opexMonthly <= 0) continue;
    out.push({
      kind: 'budget-unlinked',
      subject: item.title,
      message: `"${item.title}" has costs but no budget line is linked to it, so its spend is in the forecast and not in the plan: add a budget line for it or link an existing one.`,
      recordId: item.id,
    });
  }
  return out;
}
