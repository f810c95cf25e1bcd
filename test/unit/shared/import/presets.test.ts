import { describe, expect, it } from 'vitest';
import { choosePreset, readHeader } from '../../../../shared/import/presets';
import { normalisePriority } from '../../../../shared/import/ticket-importer';
import { fixture, importBytes } from './helpers';

// One small export per system, in the column names and date formats that system writes.
// `auto` must recognise each, and the first ticket must read as written.
describe.each([
  {
    file: 'servicenow-list.csv',
    preset: 'servicenow',
    order: 'mdy',
    first: {
      ticketId: 'INC0010001',
      openedAt: '2026-01-15T09:00:00',
      resolvedAt: '2026-01-15T11:30:00',
      priority: 'P3',
      assignmentGroup: 'Service Desk',
      slaMet: true,
      reopenCount: 0,
    },
  },
  {
    file: 'jira.csv',
    preset: 'jira',
    order: 'dmy',
    first: {
      ticketId: 'ITSM-101',
      openedAt: '2026-01-15T09:05:00',
      resolvedAt: '2026-01-16T15:55:00',
      priority: 'High',
      category: 'Get IT help',
    },
  },
  {
    file: 'zendesk.csv',
    preset: 'zendesk',
    order: 'ymd',
    first: {
      ticketId: '4501',
      openedAt: '2026-01-15T09:05:00',
      resolvedAt: '2026-01-15T10:35:00',
      assignmentGroup: 'Service Desk',
      reopenCount: 0,
      category: 'Incident',
    },
  },
  {
    file: 'freshservice.csv',
    preset: 'freshservice',
    order: 'ymd',
    first: {
      ticketId: 'SR-77',
      resolvedAt: '2026-01-15T17:05:00',
      closedAt: '2026-01-17T09:00:00',
      slaMet: true,
      assignmentGroup: 'Hardware Team',
    },
  },
  {
    file: 'connectwise.csv',
    preset: 'connectwise',
    order: 'mdy',
    first: {
      ticketId: '220301',
      openedAt: '2026-01-15T09:05:00',
      resolvedAt: '2026-01-15T10:05:00',
      priority: 'P1',
      assignmentGroup: 'MSP NOC',
    },
  },
  {
    file: 'autotask.csv',
    preset: 'autotask',
    order: 'dmy',
    first: {
      ticketId: 'T20260115.0001',
      openedAt: '2026-01-15T09:05:00',
      resolvedAt: '2026-01-15T13:05:00',
      slaMet: true,
      assignmentGroup: 'MSP Security',
    },
  },
  {
    file: 'halopsa.csv',
    preset: 'halopsa',
    order: 'dmy',
    first: {
      ticketId: '90001',
      openedAt: '2026-01-15T09:05:00',
      closedAt: '2026-01-15T10:20:00',
      priority: 'P1',
      slaMet: true,
    },
  },
  {
    file: 'generic.tsv',
    preset: 'generic',
    order: 'ymd',
    first: {
      ticketId: 'CASE-1',
      openedAt: '2026-01-15T09:05:00',
      resolvedAt: '2026-01-15T12:35:00',
      priority: 'Sev 2',
      assignmentGroup: 'Desk',
    },
  },
])('$file', ({ file, preset, order, first }) => {
  const r = importBytes(fixture(`presets/${file}`));
  it(`is recognised as ${preset}`, () => {
    expect(r.settings.preset).toBe(preset);
    expect(r.settings.dateFormats.openedAt?.order).toBe(order);
    expect(r.ticketCount).toBe(2);
    expect(r.rejectedRows).toBe(0);
  });
  it('reads the first ticket as written', () => {
    expect(r.records[0]).toMatchObject(first);
  });
  it('gives the same result when the preset is named', () => {
    const named = importBytes(fixture(`presets/${file}`), { preset: r.settings.preset });
    expect(named.records).toEqual(r.records);
  });
});

describe('presets', () => {
  it('reads the HaloPSA null date as empty', () => {
    const r = importBytes(fixture('presets/halopsa.csv'));
    expect(r.records[1]).toMatchObject({ closedAt: null, slaMet: false });
  });

  it('recognises ServiceNow field names with _at and _on suffixes alike', () => {
    for (const cols of [
      ['number', 'opened_at', 'resolved_at', 'closed_at', 'sys_updated_on'],
      ['number', 'opened_on', 'resolved_on', 'closed_on', 'updated_at'],
      ['Number', 'Opened', 'Resolved', 'Closed', 'Updated'],
    ]) {
      const c = choosePreset(readHeader(cols));
      expect(c.preset.name).toBe('servicenow');
      expect(c.mapping).toEqual({ ticketId: 0, openedAt: 1, resolvedAt: 2, closedAt: 3, updatedAt: 4 });
    }
  });

  it('recognises the HP Service Manager files of the BPI 2014 data', () => {
    expect(
      choosePreset(readHeader(['Incident ID', 'Open Time', 'Resolved Time', 'Close Time', 'Reopen Time'])).preset.name,
    ).toBe('hpsm');
    expect(
      choosePreset(readHeader(['Interaction ID', 'Open Time (First Touch)', 'Close Time', 'First Call Resolution']))
        .preset.name,
    ).toBe('hpsm-interactions');
  });

  it.each([
    ['1', 'P1'],
    ['P2', 'P2'],
    ['3 - Moderate', 'P3'],
    ['Priority 1 - Emergency Response', 'P1'],
    ['p4', 'P4'],
    ['High', 'High'],
    ['Sev 2', 'Sev 2'],
    ['', ''],
  ])('normalisePriority(%j) → %j', (text, expected) => {
    expect(normalisePriority(text)).toBe(expected);
  });
});
