/** Test set-up for the roadmap page: a fresh database with a small workspace, injected services. */
import { render } from '@testing-library/react';
import { ServicesContext, type AppServices } from '../../../../renderer/src/app/services';
import { importWorkspace, newWorkspaceData } from '../../../../renderer/src/db/repos/workspaces';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { RoadmapPage } from '../../../../renderer/src/features/roadmap/roadmap-page';
import { useUi } from '../../../../renderer/src/state/store';
import type { RoadmapItem } from '../../../../shared/domain/roadmap/schema';
import { makeFakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

// The test clock is 2026-03-15 and there is no KPI data, so the quarter in focus is today's:
// with a July fiscal start that is Q3 FY2026 (Jan–Mar 2026); "this" year FY2026 = Jul 2025 – Jun 2026.
/** A July-fiscal-year workspace with two items, the roadmap page rendered at `hash`. */
export async function renderRoadmap(hash: string, readOnlyReason: string | null = null) {
  const { db } = await makeTestDb();
  const ctx = testContext('t');
  const data = newWorkspaceData({ name: 'Contoso', currency: 'USD', locale: 'en-US', fiscalYearStartMonth: 7 }, ctx);
  const owner = data.tables.parties.find((p) => p.kind === 'internal')?.id ?? '';
  const partner = data.tables.parties.find((p) => p.kind === 'partner')?.id ?? '';
  const base: Omit<RoadmapItem, 'id' | 'title' | 'domain' | 'startMonth' | 'endMonth' | 'capex'> = {
    workspaceId: data.workspace.id,
    description: '',
    bucket: 'transform',
    status: 'in-progress',
    health: 'amber',
    priority: 2,
    progressPct: 10,
    ownerPartyId: owner,
    skills: [],
    opexMonthly: 0,
    opexStartMonth: null,
    opexEndMonth: null,
    dependsOn: [],
    linkedKpis: [],
    needsDecision: false,
    decisionText: '',
    recommendedOption: '',
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  };
  // Cloud migration: capex 10,000.00 in its start month, May 2026 (FY2026).
  data.tables.roadmapItems.push(
    {
      ...base,
      id: 'cloud',
      title: 'Cloud migration',
      domain: 'cloud',
      startMonth: '2026-05',
      endMonth: '2026-08',
      capex: 1_000_000,
    },
    {
      ...base,
      id: 'backup',
      title: 'Backup refresh',
      domain: 'data',
      bucket: 'protect',
      status: 'approved',
      health: 'red',
      ownerPartyId: partner,
      startMonth: '2026-01',
      endMonth: '2026-03',
      capex: 0,
      // 500.00 a month, Jan – Mar 2026; needs a decision.
      opexMonthly: 50_000,
      needsDecision: true,
      decisionText: 'Tape or cloud object storage?',
      recommendedOption: 'Cloud object storage',
      dependsOn: ['cloud'],
    },
  );
  await importWorkspace(db, data, 'fixture');
  const services: AppServices = {
    db,
    bridge: makeFakeBridge(),
    history: new UndoHistory(),
    ctx,
    readOnlyReason,
    persisted: null,
  };
  useUi.setState({ workspaceId: data.workspace.id, route: 'roadmap', dialog: { kind: 'none' }, toasts: [] });
  location.hash = hash;
  render(
    <ServicesContext.Provider value={services}>
      <RoadmapPage />
    </ServicesContext.Provider>,
  );
  return { db, services };
}
