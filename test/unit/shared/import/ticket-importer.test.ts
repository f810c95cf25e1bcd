import { describe, expect, it } from 'vitest';
import { Ticket } from '../../../../shared/domain/tickets/schema';
import { TicketImportError } from '../../../../shared/import/ticket-importer';
import { fixture, importBytes, importError, importLines, utf8 } from './helpers';

describe('event-log collapse (SPEC §3.6)', () => {
  const r = importBytes(fixture('servicenow-event-log.csv'));
  const byId = new Map(r.records.map((t) => [t.ticketId, t]));

  it('detects the ServiceNow preset, comma, ISO dates and keeps one ticket per id', () => {
    expect(r.settings).toMatchObject({ preset: 'servicenow', delimiter: ',', encoding: 'ascii', bom: false });
    expect(r.settings.mapping).toMatchObject({ ticketId: 'number', updatedAt: 'sys_updated_on', slaMet: 'made_sla' });
    expect(r.settings.dateFormats.openedAt?.order).toBe('ymd');
    expect(r.rowsRead).toBe(14);
    expect(r.ticketCount).toBe(7);
    expect(r.rejectedRows).toBe(0);
    // 14 rows − 7 tickets: every later row of an id is a collapse
    expect(r.dataIssues).toMatchObject({ collapsedRows: 7, closedUsedAsResolved: 1, negativeDurations: 1 });
  });

  it('takes the whole row with the latest update time', () => {
    expect(byId.get('INC001')).toMatchObject({
      status: 'Closed',
      resolvedAt: '2026-01-05T21:00:00',
      closedAt: '2026-01-08T09:00:00',
    });
  });

  it('breaks an update-time tie by the later row in the file', () => {
    // INC002 has two rows updated at 2026-01-12 08:00: the second (P1, SLA met) wins whole.
    expect(byId.get('INC002')).toMatchObject({ priority: 'P1', slaMet: true, assignmentGroup: 'MSP NOC' });
  });

  it('keeps an earlier row that has a later update time than a row after it', () => {
    // INC003: the Closed row (updated 20 Feb) comes first in the file, the Active row (2 Feb) after it.
    expect(byId.get('INC003')).toMatchObject({ status: 'Closed', resolvedAt: '2026-02-03T12:00:00', reopenCount: 1 });
  });

  it('produces records that pass the Ticket schema once ids are added', () => {
    for (const t of r.records) {
      const rec = { ...t, id: `t-${t.ticketId}`, workspaceId: 'ws', importId: 'imp' };
      expect(Ticket.safeParse(rec).success, t.ticketId).toBe(true);
    }
    expect(byId.get('INC006')).toMatchObject({ resolvedAt: null, closedAt: null, reopenCount: null, slaMet: null });
  });

  it('gives the same result whatever the chunk size', () => {
    const bytes = fixture('servicenow-event-log.csv');
    for (const size of [1, 7, 64]) {
      const c = importBytes(bytes, {}, size);
      expect(c.records).toEqual(r.records);
      expect(c.dataIssues).toEqual(r.dataIssues);
    }
  });

  it('lets the last row win when there is no updated-at column', () => {
    const l = importLines(
      [
        'number,opened_at,state,priority',
        'INC1,2026-01-01 08:00,New,3',
        'INC1,2026-01-01 08:00,Closed,2',
        'INC2,2026-01-02 08:00,New,4',
        'INC1,2026-01-01 08:00,Active,1',
      ],
      { preset: 'servicenow' },
    );
    expect(l.records.map((t) => [t.ticketId, t.status, t.priority])).toEqual([
      ['INC1', 'Active', 'P1'],
      ['INC2', 'New', 'P4'],
    ]);
  });

  it('lets a row with an update time beat one without', () => {
    const l = importLines([
      'number,opened_at,sys_updated_on,state',
      'INC1,2026-01-01 08:00,2026-01-03 08:00,Resolved',
      'INC1,2026-01-01 08:00,,Broken',
    ]);
    expect(l.records[0]?.status).toBe('Resolved');
  });
});

describe('real-export quirks', () => {
  it('reads a semicolon file with decimal commas and HP SM placeholders', () => {
    const r = importLines([
      'Incident ID;Status;Priority;Category;Open Time;Reopen Time;Resolved Time;Close Time;Handle Time (Hours);;;',
      'IM1;Closed;4;incident;05/02/2012 13:32:57;;04/11/2013 13:50:27;04/11/2013 13:51:17;3871,691111;;;',
      'IM2;Closed;#N/B;#MULTIVALUE;25/01/2014 08:00:00;26/01/2014 09:00:00;;27/01/2014 10:00:00;1,5;;;',
      ';;;;;;;;;;;',
    ]);
    expect(r.settings).toMatchObject({ preset: 'hpsm', delimiter: ';', decimalComma: true });
    expect(r.settings.dateFormats.openedAt).toEqual({ order: 'dmy', label: 'dd/mm/yyyy HH:MM:SS' });
    expect(r.settings.headerWarnings).toContain('3 column(s) without a name are ignored');
    expect(r.records).toEqual([
      expect.objectContaining({ ticketId: 'IM1', priority: 'P4', openedAt: '2012-02-05T13:32:57', reopenCount: 0 }),
      // #N/B and #MULTIVALUE are empty values; a reopen time makes the ticket reopened once
      expect.objectContaining({ ticketId: 'IM2', priority: '', category: '', resolvedAt: null, reopenCount: 1 }),
    ]);
    expect(r.dataIssues).toMatchObject({ placeholderValues: 2, emptyRows: 1 });
  });

  it('reads a tab-separated file', () => {
    const r = importLines(['Ticket ID\tCreated\tClosed\tPriority', 'T-1\t2026-03-01 10:00\t2026-03-01 12:30\tHigh']);
    expect(r.settings.delimiter).toBe('\t');
    expect(r.records[0]).toMatchObject({ ticketId: 'T-1', closedAt: '2026-03-01T12:30:00', priority: 'High' });
  });

  it('drops a UTF-8 BOM and keeps non-ASCII text', () => {
    const r = importBytes(utf8('\uFEFFnumber,opened_at,assignment_group\nINC1,2026-01-01 08:00,Équipe Réseau\n'));
    expect(r.settings).toMatchObject({ encoding: 'utf-8', bom: true, preset: 'servicenow' });
    expect(r.records[0]?.assignmentGroup).toBe('Équipe Réseau');
  });

  it('decodes Latin-1 bytes', () => {
    const head = utf8('Ticket ID;Created;Group\r\nT1;13-02-2026 10:00;');
    const bytes = new Uint8Array([...head, 0x53, 0xe9, 0x72, 0x76, 0x69, 0x63, 0x65, 0x20, 0x80, 0x0d, 0x0a]);
    const r = importBytes(bytes, { preset: 'generic' });
    expect(r.settings.encoding).toBe('windows-1252');
    expect(r.records[0]?.assignmentGroup).toBe('Sérvice €');
  });

  it('treats the HaloPSA null date 1899-12-30 as empty', () => {
    const r = importLines([
      'Ticket ID,Date Logged,Date Cleared,Team,Priority',
      '101,2026-02-01T09:00:00,1899-12-30T00:00:00,Service Desk,1',
      '102,2026-02-02T09:00:00,2026-02-02T17:00:00,MSP,2',
    ]);
    expect(r.settings.preset).toBe('halopsa');
    expect(r.records.map((t) => t.closedAt)).toEqual([null, '2026-02-02T17:00:00']);
    expect(r.dataIssues.nullDatePlaceholders).toBe(1);
  });
});

describe('date formats', () => {
  const ambiguous = ['Ticket ID,Created,Resolved', 'T1,01/02/2026 10:00,03/02/2026 10:00', 'T2,05/06/2026 09:00,'];

  it('refuses to guess an ambiguous day/month order and says how to choose', () => {
    const e = importError(utf8(ambiguous.join('\n')), { preset: 'generic' });
    expect(e).toBeInstanceOf(TicketImportError);
    const err = e as TicketImportError;
    expect(err.code).toBe('ambiguous-dates');
    expect(err.reason).toContain('--date-format dmy (dd/mm/yyyy HH:MM)');
    expect(err.reason).toContain('--date-format mdy (mm/dd/yyyy HH:MM)');
    expect(err.detections.openedAt?.status).toBe('ambiguous');
  });

  it('reads the same file either way when the order is given', () => {
    const dmy = importBytes(utf8(ambiguous.join('\n')), { preset: 'generic', dateOrder: 'dmy' });
    const mdy = importBytes(utf8(ambiguous.join('\n')), { preset: 'generic', dateOrder: 'mdy' });
    expect(dmy.records[0]?.openedAt).toBe('2026-02-01T10:00:00');
    expect(mdy.records[0]?.openedAt).toBe('2026-01-02T10:00:00');
  });

  it('decides the order from a value above 12, in any date column', () => {
    const r = importLines([...ambiguous, 'T3,07/08/2026 10:00,07/13/2026 11:00'], { preset: 'generic' });
    // 13 can only be a day in the second position: month/day.
    expect(r.settings.dateFormats.openedAt?.order).toBe('mdy');
    expect(r.settings.dateFormats.resolvedAt?.order).toBe('mdy');
    expect(r.records[2]?.resolvedAt).toBe('2026-07-13T11:00:00');
  });

  it('reads Jira dd/MMM/yy h:mm AM/PM dates', () => {
    const r = importLines([
      'Issue key,Summary,Status,Priority,Created,Updated,Resolved',
      'ITSM-1,VPN down,Done,High,05/Jan/26 3:45 PM,06/Jan/26 9:00 AM,06/Jan/26 8:59 AM',
      'ITSM-2,"Printer, 2nd floor",Open,Low,12/Jan/26 12:05 AM,12/Jan/26 12:05 PM,',
    ]);
    expect(r.settings.preset).toBe('jira');
    expect(r.settings.dateFormats.openedAt?.label).toBe('dd/MMM/yy h:mm AM/PM');
    expect(r.records.map((t) => [t.openedAt, t.resolvedAt])).toEqual([
      ['2026-01-05T15:45:00', '2026-01-06T08:59:00'],
      ['2026-01-12T00:05:00', null],
    ]);
  });

  it('rejects a row whose date does not parse, naming row, field and column', () => {
    const good = Array.from({ length: 10 }, (_, i) => `INC${i},2026-01-0${(i % 9) + 1} 08:00,2026-01-10 08:00`);
    const r = importLines(['number,opened_at,resolved_at', ...good, 'INC99,2026-01-02 08:00,soon']);
    expect(r.ticketCount).toBe(10);
    expect(r.rejected).toEqual([
      {
        row: 12,
        field: 'resolvedAt',
        column: 'resolved_at',
        reason: '"soon" is not a date in the format ISO 8601 (yyyy-mm-dd HH:MM:SS)',
      },
    ]);
    expect(r.dataIssues.unparseableDates).toBe(1);
  });
});

describe('bad input (SEC-12/13)', () => {
  it('reports an unclosed quote with its row number', () => {
    const e = importError(
      utf8(
        'number,opened_at,short_description\nINC1,2026-01-01 08:00,"fine"\nINC2,2026-01-02 08:00,"oops\nINC3,2026-01-03 08:00,x\n',
      ),
    );
    expect(e).toMatchObject({ code: 'syntax', row: 3 });
    expect((e as Error).message).toContain('unclosed quote');
  });

  it('lists short rows and rejects those missing a mapped column', () => {
    const r = importLines([
      'number,opened_at,priority,assignment_group,extra',
      'INC1,2026-01-01 08:00,1,Desk,x',
      'INC2,2026-01-02 08:00,2,Desk', // short but every mapped column is there
      'INC3,2026-01-03 08:00', // short and missing priority and group
    ]);
    expect(r.shortRows).toEqual({ count: 2, rows: [3, 4] });
    expect(r.records.map((t) => t.ticketId)).toEqual(['INC1', 'INC2']);
    expect(r.rejected).toEqual([{ row: 4, field: '', column: '', reason: 'short row: 2 field(s), the header has 5' }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s header', (h) => {
    const e = importError(utf8(`number,opened_at,${h}\nINC1,2026-01-01 08:00,x\n`));
    expect(e).toMatchObject({ code: 'header', row: 1, field: h });
    expect((e as Error).message).toContain('not allowed');
  });

  it('explains a file without a usable date column instead of crashing', () => {
    const noColumn = importError(utf8('id,title\n1,hello\n'));
    expect(noColumn).toMatchObject({ code: 'no-date-column', field: 'openedAt' });
    expect((noColumn as Error).message).toContain('no usable date column');
    const notDates = importError(utf8('number,opened_at\nINC1,yesterday\nINC2,last week\n'));
    expect(notDates).toMatchObject({ code: 'no-date-column' });
    expect((notDates as Error).message).toContain('"opened_at" (mapped to openedAt) does not hold dates');
  });

  it('unmaps a non-date column matched by name only for other date fields', () => {
    const r = importLines(['id,created,closed', '1,2026-01-01 10:00,yes', '2,2026-01-02 10:00,no']);
    expect(r.settings.mapping.closedAt).toBeUndefined();
    expect(r.settings.headerWarnings.some((w) => w.includes('"closed" does not hold dates'))).toBe(true);
    expect(r.ticketCount).toBe(2);
  });

  it('rejects rows without an id and reports an empty file', () => {
    const r = importLines(['number,opened_at', ',2026-01-01 08:00', 'INC2,2026-01-02 08:00']);
    expect(r.rejected).toEqual([{ row: 2, field: 'ticketId', column: 'number', reason: 'the ticket id is empty' }]);
    expect(importError(new Uint8Array(0))).toMatchObject({ code: 'empty' });
  });

  it('stores data-derived keys safely (a __proto__ priority is just a value)', () => {
    const r = importLines(['number,opened_at,priority', 'INC1,2026-01-01 08:00,__proto__']);
    expect(r.records[0]?.priority).toBe('__proto__');
  });
});

describe('mapping', () => {
  it('applies field=Column overrides over the preset', () => {
    const r = importLines(['Ref,Logged on,Fixed on,Prio', 'A1,2026-01-01 08:00,2026-01-01 09:30,2'], {
      map: { ticketId: 'Ref', openedAt: 'logged on', resolvedAt: '#3', priority: 'Prio' },
    });
    expect(r.records[0]).toMatchObject({ ticketId: 'A1', resolvedAt: '2026-01-01T09:30:00', priority: 'P2' });
  });

  it('names an override column that does not exist', () => {
    const e = importError(utf8('number,opened_at\nINC1,2026-01-01 08:00\n'), { map: { resolvedAt: 'Nope' } });
    expect(e).toMatchObject({ code: 'mapping' });
    expect((e as Error).message).toContain('no column named "Nope"');
  });
});

describe('worker use', () => {
  it('reports progress while streaming and stops early for a preview', async () => {
    const { createTicketImporter } = await import('../../../../shared/import/ticket-importer');
    const bytes = fixture('servicenow-event-log.csv');
    const imp = createTicketImporter({ maxRows: 3 });
    imp.push(bytes.subarray(0, 100));
    expect(imp.progress.bytesRead).toBe(100);
    imp.push(bytes.subarray(100));
    const r = imp.finish();
    expect(r.rowsRead).toBe(3);
    expect(r.ticketCount).toBe(2); // INC007 and INC001 in the first three rows
  });
});
