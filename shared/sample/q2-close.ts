/**
 * The sample's closed 2026-Q2 QBR as it was frozen on closing day (2026-07-16): the workspace as it
 * stood then — KPI values and budget actuals through June 2026, the roadmap and RACI at the close of
 * Q2, only the Q2 QBR — and the deck model `closeQuarterSnapshot` freezes from it. So the Q2 deck
 * regenerates from its snapshot, and the 2026-Q3 "What changed since last QBR" compares model to model.
 */
import { closeQuarterSnapshot } from '../deck/snapshot';
import type { RaciAssignment } from '../domain/governance/schema';
import type { QbrSnapshot } from '../domain/qbr/schema';
import type { WorkspaceData } from '../domain/tables';
import { fiscalMonthIndex, fiscalQuarterOf } from '../domain/periods';
import { sampleId } from './constants';
import { QBR } from './governance';
import { roadmapAtQ2Close } from './roadmap';

export const Q2_CLOSE = { quarter: '2026-Q2', lastMonth: '2026-06', closedAt: '2026-07-16T16:00:00.000Z' } as const;

/** The sample workspace as it stood when the 2026-Q2 QBR closed (nothing from July 2026 on). */
export function sampleAtQ2Close(data: WorkspaceData, raciAssignmentsAtQ2: readonly RaciAssignment[]): WorkspaceData {
  const t = data.tables;
  const fsm = data.workspace.fiscalYearStartMonth;
  const q2 = t.qbrs.find((q) => q.id === QBR.q2);
  if (!q2) throw new Error(`sample: the 2026-Q2 QBR (${QBR.q2}) is missing`);
  const closeYear = Number(Q2_CLOSE.quarter.slice(0, 4));
  const lastIndexOf = (fy: number): number =>
    fy < closeYear ? 11 : fy > closeYear ? -1 : fiscalMonthIndex(Q2_CLOSE.lastMonth, fsm);
  return {
    workspace: data.workspace,
    tables: {
      ...t,
      kpiSnapshots: t.kpiSnapshots.filter(
        (s) => (s.period.includes('Q') ? s.period : fiscalQuarterOf(s.period, fsm)) <= Q2_CLOSE.quarter,
      ),
      // Months after June had no actuals yet.
      budgetLines: t.budgetLines.map((l) => ({
        ...l,
        actual: l.actual.map((a, i) => (i <= lastIndexOf(l.fiscalYear) ? a : null)),
      })),
      roadmapItems: roadmapAtQ2Close(t.roadmapItems),
      raciAssignments: [...raciAssignmentsAtQ2],
      raciVersions: t.raciVersions.filter((v) => v.quarter < Q2_CLOSE.quarter),
      // Still a draft on the morning of the meeting; closeQuarterSnapshot records it as closed.
      qbrs: [{ ...q2, status: 'draft', closedAt: null }],
      qbrSnapshots: [],
    },
  };
}

/** The frozen, hashed deck-model snapshot of the closed 2026-Q2 QBR. */
export function sampleQ2Snapshot(data: WorkspaceData, raciAssignmentsAtQ2: readonly RaciAssignment[]): QbrSnapshot {
  return closeQuarterSnapshot(sampleAtQ2Close(data, raciAssignmentsAtQ2), QBR.q2, {
    id: sampleId('qbr-snapshot', '2026-q2'),
    createdAt: Q2_CLOSE.closedAt,
  });
}
