import { describe, expect, it } from 'vitest';
import {
  buildDefaultEscalationSteps,
  buildDefaultRaci,
  buildDefaultSlaTargets,
} from '../../../../shared/domain/governance/defaults';
import { escalationRows, governanceCsv, raciRows, slaTargetRows } from '../../../../shared/domain/governance/export';
import { emptyTables, type WorkspaceData } from '../../../../shared/domain/tables';

const ws = 'ws';
const ids = { workspaceId: ws, internalPartyId: 'it', partnerPartyId: 'msp' };

function data(): WorkspaceData {
  const tables = emptyTables();
  tables.parties = [
    { id: 'msp', workspaceId: ws, name: 'Harborline', kind: 'partner', shortName: 'MSP' },
    { id: 'it', workspaceId: ws, name: 'Internal IT', kind: 'internal', shortName: 'IT' },
  ];
  const raci = buildDefaultRaci(ids);
  tables.raciActivities = raci.activities;
  tables.raciAssignments = raci.assignments;
  tables.escalationSteps = buildDefaultEscalationSteps(ids).reverse();
  tables.slaTargets = buildDefaultSlaTargets(ids).reverse();
  return {
    workspace: {
      id: ws,
      name: 'T',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 1,
      userCount: 1,
      endpointCount: 1,
      serverCount: 0,
      logo: null,
      partnerName: 'Harborline',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    },
    tables,
  };
}

describe('governance export rows', () => {
  it('RACI: lanes × parties (internal first) with letters and split', () => {
    const rows = raciRows(data());
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual(['Service lane', 'Internal IT', 'Harborline', 'Split of responsibility']);
    expect(rows[1]).toEqual(['Service desk L1', 'R/A', 'C', '']);
    expect(rows[4]?.slice(0, 3)).toEqual(['Patching', 'R/A', 'R']);
  });

  it('escalation ladder and SLA targets in order regardless of storage order', () => {
    const esc = escalationRows(data());
    expect(esc[1]).toEqual(['P1', 1, 'Harborline', 'NOC on-call engineer', 15]);
    expect(esc.slice(1).map((r) => `${r[0]}.${r[1]}`)).toEqual([
      'P1.1',
      'P1.2',
      'P1.3',
      'P1.4',
      'P2.1',
      'P2.2',
      'P2.3',
      'P2.4',
      'P3.1',
      'P3.2',
      'P4.1',
      'P4.2',
    ]);
    const sla = slaTargetRows(data());
    expect(sla.slice(0, 3)).toEqual([
      ['Party', 'Priority', 'Metric', 'Target (minutes)', 'Target attainment %'],
      ['Harborline', 'P1', 'response', 15, 95],
      ['Harborline', 'P1', 'resolution', 240, 95],
    ]);
  });

  it('CSV text neutralises formula cells (SEC-14)', () => {
    const d = data();
    d.tables.raciActivities = d.tables.raciActivities.map((a, i) => (i === 0 ? { ...a, name: '=HYPERLINK("x")' } : a));
    const csv = governanceCsv(d, 'raci');
    const second = csv.split('\r\n')[1] ?? '';
    expect(second.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(governanceCsv(d, 'escalation', { delimiter: ';' }).split('\r\n')[1]).toBe(
      'P1;1;Harborline;NOC on-call engineer;15',
    );
  });
});
