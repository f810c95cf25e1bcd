/**
 * Plan health findings: warnings about a valid workspace (RACI collisions and gaps, single points
 * of failure, dependency conflicts…). Shown on Governance and Dashboard and by `quarterdeck validate`.
 */
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

/** Every finding for a workspace, in a stable order. Filled in by the governance rules (issue 6). */
export function planFindings(_data: WorkspaceData): Finding[] {
  return [];
}
