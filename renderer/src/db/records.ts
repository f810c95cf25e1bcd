/**
 * Stored row types. Each `XxxRecord` is the shared domain type as it lives in IndexedDB; keeping
 * the alias here means a later storage-only field (e.g. a sync marker) changes one line.
 */
import type {
  ActionItem,
  BudgetLine,
  CostProfile,
  Decision,
  EscalationStep,
  ImportMapping,
  KpiDefinition,
  KpiSnapshot,
  PartnerContract,
  PartnerScorecard,
  Party,
  PartyRule,
  Person,
  Qbr,
  QbrSnapshot,
  RaciActivity,
  RaciAssignment,
  RaciVersion,
  Risk,
  RoadmapItem,
  Scenario,
  SkillArea,
  SlaTarget,
  Ticket,
  TicketImport,
  Workspace,
} from '../../../shared/domain';

export type WorkspaceRecord = Workspace;
export type PartyRecord = Party;
export type PartyRuleRecord = PartyRule;
export type RoadmapItemRecord = RoadmapItem;
export type BudgetLineRecord = BudgetLine;
export type PersonRecord = Person;
export type SkillAreaRecord = SkillArea;
export type CostProfileRecord = CostProfile;
export type PartnerContractRecord = PartnerContract;
export type ScenarioRecord = Scenario;
export type KpiDefinitionRecord = KpiDefinition;
export type KpiSnapshotRecord = KpiSnapshot;
export type TicketRecord = Ticket;
export type TicketImportRecord = TicketImport;
export type ImportMappingRecord = ImportMapping;
export type RaciActivityRecord = RaciActivity;
export type RaciAssignmentRecord = RaciAssignment;
export type RaciVersionRecord = RaciVersion;
export type EscalationStepRecord = EscalationStep;
export type SlaTargetRecord = SlaTarget;
export type PartnerScorecardRecord = PartnerScorecard;
export type RiskRecord = Risk;
export type DecisionRecord = Decision;
export type ActionItemRecord = ActionItem;
export type QbrRecord = Qbr;
export type QbrSnapshotRecord = QbrSnapshot;

/** App-level facts about the database itself (schema version, who wrote it). */
export type MetaRecord = { key: string; value: string | number | boolean | null };
