/**
 * A tiny stand-in used only when a build has no resources/sample-workspace.json: the defaults of
 * a new workspace plus one roadmap item, so "Open the sample workspace" still shows something real.
 */
import type { WorkspaceData } from '../../../shared/domain/tables';
import { newWorkspaceData } from '../db/repos/workspaces';

/** The stand-in sample workspace. */
export function fallbackSample(now: string): WorkspaceData {
  let n = 0;
  const data = newWorkspaceData(
    {
      name: 'Northwind Manufacturing (sample)',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 1,
      partnerName: 'Harbor Managed Services',
      userCount: 1900,
      endpointCount: 2400,
      serverCount: 180,
    },
    { now: () => now, newId: () => `sample-${++n}` },
  );
  const owner = data.tables.parties[0];
  if (owner) {
    data.tables.roadmapItems.push({
      id: `sample-${++n}`,
      workspaceId: data.workspace.id,
      title: 'Cloud migration',
      description: 'Move the remaining on-premises line-of-business apps to the cloud.',
      domain: 'cloud',
      bucket: 'transform',
      status: 'in-progress',
      health: 'amber',
      priority: 2,
      startMonth: now.slice(0, 7),
      endMonth: now.slice(0, 7),
      progressPct: 40,
      ownerPartyId: owner.id,
      skills: [],
      capex: 12_000_000,
      opexMonthly: 450_000,
      opexStartMonth: null,
      opexEndMonth: null,
      dependsOn: [],
      linkedKpis: [],
      needsDecision: false,
      decisionText: '',
      recommendedOption: '',
      createdAt: now,
      updatedAt: now,
    });
  }
  return data;
}
