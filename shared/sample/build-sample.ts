/**
 * The sample workspace every user sees first (SPEC §3.1): Northwind Precision Manufacturing, a
 * fictional 1,900-user, 2,400-endpoint manufacturer with a 9-person IT team co-managed with
 * Harborline Managed Services. Data runs through September 2026; the 2026-Q3 QBR is in
 * preparation. Pure and deterministic: a seeded PRNG and fixed timestamps, no clock.
 */
import { raciSnapshotCells } from '../domain/governance/raci';
import type { RaciVersion } from '../domain/governance/schema';
import { quarterlyValues } from '../domain/kpis/aggregate';
import { emptyTables, type WorkspaceData } from '../domain/tables';
import { budgetFy2025, budgetFy2026 } from './budget';
import {
  SAMPLE_CREATED_AT,
  SAMPLE_NAME,
  SAMPLE_PARTNER_NAME,
  SAMPLE_UPDATED_AT,
  SAMPLE_WORKSPACE_ID,
  PARTY,
  sampleId,
} from './constants';
import {
  sampleActionItems,
  sampleDecisions,
  sampleEscalation,
  samplePartyRules,
  sampleRaci,
  sampleRisks,
  sampleScorecards,
  sampleSlaTargets,
} from './governance';
import { sampleKpiDefinitions, sampleKpiSnapshots } from './kpis';
import { seededRandom } from './prng';
import { sampleQ2Snapshot } from './q2-close';
import { sampleQbrs } from './qbr';
import { sampleRoadmap } from './roadmap';
import { buildSnapshotSummary } from './snapshot-summary';
import {
  ENDPOINT_COUNT,
  SERVER_COUNT,
  USER_COUNT,
  sampleContracts,
  sampleCostProfiles,
  samplePeople,
  sampleParties,
  sampleScenarios,
  sampleSkillAreas,
} from './staffing';

const SEED = 20_261_001;

/** Builds the sample workspace; the same result on every call. */
export function buildSampleWorkspace(): WorkspaceData {
  const rnd = seededRandom(SEED);
  const t = emptyTables();

  t.parties = sampleParties();
  t.partyRules = samplePartyRules();
  t.costProfiles = sampleCostProfiles();
  t.skillAreas = sampleSkillAreas(t.costProfiles);
  t.people = samplePeople(t.costProfiles, t.skillAreas);
  t.partnerContracts = sampleContracts();
  t.scenarios = sampleScenarios();
  t.roadmapItems = sampleRoadmap();
  t.budgetLines = [...budgetFy2025(rnd, t.people, t.costProfiles), ...budgetFy2026(rnd, t.people, t.costProfiles)];
  t.kpiDefinitions = sampleKpiDefinitions();
  t.kpiSnapshots = sampleKpiSnapshots(rnd, t.roadmapItems, t.budgetLines);

  const raci = sampleRaci();
  t.raciActivities = raci.activities;
  t.raciAssignments = raci.assignments;
  const q2Cells = raciSnapshotCells(raci.activities, raci.assignmentsAtQ2, t.parties);
  const q2Version: RaciVersion = {
    id: sampleId('raci-version', '2026-q2'),
    workspaceId: SAMPLE_WORKSPACE_ID,
    quarter: '2026-Q2',
    savedAt: '2026-07-16T16:00:00.000Z',
    cells: q2Cells,
  };
  t.raciVersions = [q2Version];
  t.escalationSteps = sampleEscalation();
  t.slaTargets = sampleSlaTargets();
  t.risks = sampleRisks();
  t.decisions = sampleDecisions(t.roadmapItems);
  t.actionItems = sampleActionItems();

  const data: WorkspaceData = {
    workspace: {
      id: SAMPLE_WORKSPACE_ID,
      name: SAMPLE_NAME,
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 1,
      userCount: USER_COUNT,
      endpointCount: ENDPOINT_COUNT,
      serverCount: SERVER_COUNT,
      logo: null,
      partnerName: SAMPLE_PARTNER_NAME,
      createdAt: SAMPLE_CREATED_AT,
      updatedAt: SAMPLE_UPDATED_AT,
    },
    tables: t,
  };

  // Scorecard evidence and QBR text are read off the data built so far.
  const quarterly = (key: string, segment = '') => {
    const def = t.kpiDefinitions.find((d) => d.key === key)!;
    return quarterlyValues(def, t.kpiSnapshots, 1, segment);
  };
  const value = (key: string, quarter: string, segment = '') => quarterly(key, segment).get(quarter)?.value ?? 0;
  const partnerSegment = `party:${PARTY.partner}`;
  const partnerCost = (months: number[]) => {
    let total = 0;
    for (const l of t.budgetLines) {
      if (l.fiscalYear === 2026 && l.category === 'partner-services') for (const i of months) total += l.actual[i] ?? 0;
    }
    return Math.round(total / ENDPOINT_COUNT / months.length);
  };
  t.partnerScorecards = sampleScorecards({
    partnerSlaQ2: value('sla_attainment', '2026-Q2', partnerSegment),
    partnerSlaQ3: value('sla_attainment', '2026-Q3', partnerSegment),
    costPerEndpointQ2: partnerCost([3, 4, 5]),
    costPerEndpointQ3: partnerCost([6, 7, 8]),
  });

  const q3 = buildSnapshotSummary(data, '2026-Q3');
  t.qbrs = sampleQbrs({
    slaPct: value('sla_attainment', '2026-Q3'),
    slaLastYearPct: value('sla_attainment', '2025-Q3'),
    mttrHours: value('mttr_hours', '2026-Q3'),
    mttrLastYearHours: value('mttr_hours', '2025-Q3'),
    mfaPct: value('mfa_coverage', '2026-Q3'),
    ytdActual: q3.budget.ytdActual,
    ytdPlan: q3.budget.ytdPlan,
    doneInQuarter: t.roadmapItems
      .filter((i) => i.status === 'done' && i.endMonth >= '2026-07' && i.endMonth <= '2026-09')
      .map((i) => i.title),
  });

  // The closed Q2 QBR keeps the deck model frozen from the data as it stood on closing day.
  t.qbrSnapshots = [sampleQ2Snapshot(data, raci.assignmentsAtQ2)];
  return data;
}
