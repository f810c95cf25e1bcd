import { describe, expect, it } from 'vitest';
import { Provenance } from '../../../../shared/domain/kpis/schema';
import { Ticket, TicketImport } from '../../../../shared/domain/tickets/schema';
import { importProvenance, ticketImportRecord, ticketRecords } from '../../../../shared/import/records';
import { fixture, importBytes } from './helpers';

describe('records from an import', () => {
  const r = importBytes(fixture('servicenow-event-log.csv'));
  const ctx = { workspaceId: 'ws', fileName: 'export.csv', importedAt: '2026-04-01T09:00:00Z' };

  it('builds valid Ticket records in batches with fresh ids', () => {
    let n = 0;
    const newId = () => `t${++n}`;
    const first = ticketRecords(r, { workspaceId: 'ws', importId: 'imp1', newId }, 0, 4);
    const rest = ticketRecords(r, { workspaceId: 'ws', importId: 'imp1', newId }, 4);
    expect(first.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect([...first, ...rest].map((t) => t.ticketId)).toEqual(r.records.map((t) => t.ticketId));
    for (const t of [...first, ...rest]) expect(Ticket.safeParse(t).success).toBe(true);
  });

  it('builds the TicketImport record and the snapshot provenance', () => {
    const rec = ticketImportRecord(r, { ...ctx, id: 'imp1' });
    expect(TicketImport.safeParse(rec).success).toBe(true);
    expect(rec).toMatchObject({ preset: 'servicenow', rowsRead: 14, tickets: 7, rowsRejected: 0 });
    const prov = importProvenance(r, ctx);
    expect(Provenance.safeParse(prov).success).toBe(true);
    expect(prov.dataIssues).toEqual(r.dataIssues);
  });
});
