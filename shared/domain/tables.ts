/**
 * The list of workspace-scoped tables: one name, one schema, one place. The Dexie schema, the
 * backup format and the validators all derive from this list, so adding an entity is one line here.
 */
import type { z } from 'zod';
import { BudgetLine } from './budget/schema';
import {
  ActionItem,
  Decision,
  EscalationStep,
  PartnerScorecard,
  RaciActivity,
  RaciAssignment,
  RaciVersion,
  Risk,
  SlaTarget,
} from './governance/schema';
import { KpiDefinition, KpiSnapshot } from './kpis/schema';
import { Qbr, QbrSnapshot } from './qbr/schema';
import { RoadmapItem } from './roadmap/schema';
import { PartnerContract, Scenario } from './scenarios/schema';
import { CostProfile, Person, SkillArea } from './staffing/schema';
import { ImportMapping, Ticket, TicketImport } from './tickets/schema';
import { Party, PartyRule } from './workspace/schema';

export const TABLE_SCHEMAS = {
  parties: Party,
  partyRules: PartyRule,
  roadmapItems: RoadmapItem,
  budgetLines: BudgetLine,
  people: Person,
  skillAreas: SkillArea,
  costProfiles: CostProfile,
  partnerContracts: PartnerContract,
  scenarios: Scenario,
  kpiDefinitions: KpiDefinition,
  kpiSnapshots: KpiSnapshot,
  tickets: Ticket,
  ticketImports: TicketImport,
  importMappings: ImportMapping,
  raciActivities: RaciActivity,
  raciAssignments: RaciAssignment,
  raciVersions: RaciVersion,
  escalationSteps: EscalationStep,
  slaTargets: SlaTarget,
  partnerScorecards: PartnerScorecard,
  risks: Risk,
  decisions: Decision,
  actionItems: ActionItem,
  qbrs: Qbr,
  qbrSnapshots: QbrSnapshot,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];
export type TableRecord<T extends TableName> = z.infer<(typeof TABLE_SCHEMAS)[T]>;

/** All rows of one workspace, table by table: the in-memory shape of a workspace everywhere. */
export type WorkspaceTables = { [T in TableName]: TableRecord<T>[] };

/** Empty tables, for a new workspace or a builder. */
export function emptyTables(): WorkspaceTables {
  const out = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) out[name] = [];
  return out as WorkspaceTables;
}

/** One workspace with all its rows: what the app loads, the CLI reads and a backup holds. */
export type WorkspaceData = { workspace: import('./workspace/schema').Workspace; tables: WorkspaceTables };
