/**
 * Table rows of the RACI matrix, escalation ladder and SLA targets — the partner-contract appendix
 * (issue 6, item 7) — and their CSV text. The rows are plain cells so the PDF appendix and the CSV
 * show the same content; CSV text goes through toCsv, which neutralises formula cells (SEC-14).
 */
import { toCsv, type CsvCell, type CsvWriteOptions } from '../../csv/write';
import type { WorkspaceData } from '../tables';
import { escalationLadders } from './escalation';
import { formatRaciLetters, raciCells, sortActivities, sortParties } from './raci';
import { SEVERITIES } from './schema';

export type TableRows = CsvCell[][];

/** The RACI matrix: one row per lane, one column per party (letters like "R/A"), then the split note. */
export function raciRows(data: WorkspaceData): TableRows {
  const parties = sortParties(data.tables.parties);
  const cells = raciCells(data.tables.raciAssignments);
  const rows: TableRows = [['Service lane', ...parties.map((p) => p.name), 'Split of responsibility']];
  for (const a of sortActivities(data.tables.raciActivities)) {
    const row = cells.get(a.id);
    rows.push([a.name, ...parties.map((p) => formatRaciLetters(row?.get(p.id) ?? [])), a.splitNote]);
  }
  return rows;
}

/** The escalation ladder: severity P1–P4, then step order. */
export function escalationRows(data: WorkspaceData): TableRows {
  const rows: TableRows = [['Severity', 'Step', 'Party', 'Contact role', 'Response target (minutes)']];
  for (const ladder of escalationLadders(data.tables.escalationSteps, data.tables.parties)) {
    for (const s of ladder.steps) rows.push([s.severity, s.step, s.partyName, s.contactRole, s.responseMinutes]);
  }
  return rows;
}

/** SLA targets: by party (matrix order), priority, then response before resolution. */
export function slaTargetRows(data: WorkspaceData): TableRows {
  const rows: TableRows = [['Party', 'Priority', 'Metric', 'Target (minutes)', 'Target attainment %']];
  const names = new Map(data.tables.parties.map((p) => [p.id, p.name]));
  const order = new Map(sortParties(data.tables.parties).map((p, i) => [p.id, i]));
  const metricOrder = { response: 0, resolution: 1 } as const;
  const sorted = [...data.tables.slaTargets].sort(
    (a, b) =>
      (order.get(a.partyId) ?? Infinity) - (order.get(b.partyId) ?? Infinity) ||
      SEVERITIES.indexOf(a.priority) - SEVERITIES.indexOf(b.priority) ||
      metricOrder[a.metric] - metricOrder[b.metric] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const s of sorted) {
    rows.push([names.get(s.partyId) ?? 'Unknown party', s.priority, s.metric, s.targetMinutes, s.targetAttainmentPct]);
  }
  return rows;
}

export type GovernanceExport = 'raci' | 'escalation' | 'sla-targets';

/** CSV text of one governance table (SEC-14 safe through toCsv). */
export function governanceCsv(data: WorkspaceData, which: GovernanceExport, options: CsvWriteOptions = {}): string {
  const rows = which === 'raci' ? raciRows(data) : which === 'escalation' ? escalationRows(data) : slaTargetRows(data);
  return toCsv(rows, options);
}
