/**
 * The import wizard's state machine and its first-rows analysis: steps only advance when allowed
 * (file chosen, dates confirmed, ambiguity decided), option changes re-read the file and need the
 * dates confirmed again, the run phases (cancel, retry, complete), and what the analysis detects.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseTicketBytes,
  DEFAULT_OPTIONS,
  type Analysis,
} from '../../../../renderer/src/features/kpis/import-analysis';
import {
  initialWizardState,
  nextBlocker,
  wizardReducer,
  type WizardEvent,
  type WizardState,
} from '../../../../renderer/src/features/kpis/import-wizard-state';
import { savedOptionsFor } from '../../../../renderer/src/features/kpis/ticket-import-wizard';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// No day above 12: day/month order cannot be told from the data.
const AMBIGUOUS = enc(
  'number,opened_at,resolved_at\nINC1,01/02/2026 09:00,03/02/2026 09:00\nINC2,05/06/2026 10:00,06/06/2026 10:00\n',
);
// 25/02 settles it: day first.
const DMY = enc('number;opened_at;resolved_at\nINC1;25/02/2026 09:00;26/02/2026 11:30\nINC2;03/03/2026 10:00;\n');

function play(events: WizardEvent[], from: WizardState = initialWizardState): WizardState {
  return events.reduce(wizardReducer, from);
}

const okAnalysis = (): Analysis => analyseTicketBytes(DMY, DEFAULT_OPTIONS);

describe('analyseTicketBytes', () => {
  it('detects delimiter, preset, day-first dates and shows a parsed sample', () => {
    const a = analyseTicketBytes(DMY, DEFAULT_OPTIONS);
    if (!a.ok) throw new Error(a.message);
    expect(a.settings.delimiter).toBe(';');
    expect(a.settings.preset).toBe('servicenow');
    expect(a.columns).toEqual(['number', 'opened_at', 'resolved_at']);
    expect(a.rowsRead).toBe(2);
    const opened = a.dates.find((d) => d.field === 'openedAt');
    expect(opened).toMatchObject({ column: 'opened_at', raw: '25/02/2026 09:00', parsed: '2026-02-25 09:00:00' });
    expect(opened?.label).toMatch(/^dd\/mm\/yyyy/);
    expect(a.preview.map((t) => t.ticketId)).toEqual(['INC1', 'INC2']);
  });

  it('reports ambiguous day/month order with both readings, and reads as chosen', () => {
    const a = analyseTicketBytes(AMBIGUOUS, DEFAULT_OPTIONS);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.code).toBe('ambiguous-dates');
    expect(a.ambiguous).toMatchObject({ column: 'opened_at', sample: '01/02/2026 09:00' });
    const mdy = analyseTicketBytes(AMBIGUOUS, { ...DEFAULT_OPTIONS, dateOrder: 'mdy' });
    const dmy = analyseTicketBytes(AMBIGUOUS, { ...DEFAULT_OPTIONS, dateOrder: 'dmy' });
    if (!mdy.ok || !dmy.ok) throw new Error('expected both readings to work');
    expect(mdy.preview[0]?.openedAt).toBe('2026-01-02T09:00:00');
    expect(dmy.preview[0]?.openedAt).toBe('2026-02-01T09:00:00');
  });

  it('names the problem when the id column is missing, and hand mapping fixes it', () => {
    const bytes = enc('ref,opened_at\nA-1,2026-01-05 09:00\n');
    const a = analyseTicketBytes(bytes, { ...DEFAULT_OPTIONS, preset: 'servicenow' });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.message).toMatch(/ticketId|id/i);
    const fixed = analyseTicketBytes(bytes, { ...DEFAULT_OPTIONS, preset: 'servicenow', map: { ticketId: 'ref' } });
    expect(fixed.ok).toBe(true);
    if (fixed.ok) expect(fixed.preview[0]?.ticketId).toBe('A-1');
  });
});

describe('wizardReducer', () => {
  it('walks file → columns → dates → preview → import only when each step allows it', () => {
    let s = play([{ type: 'next' }]);
    expect(s.step).toBe('file');
    expect(nextBlocker(s)).toBe('Choose a file first.');

    s = play([{ type: 'file-chosen', name: 'x.csv', size: 99 }], s);
    expect(s).toMatchObject({ step: 'settings', file: { name: 'x.csv', size: 99 }, analysis: null });
    expect(play([{ type: 'next' }], s).step).toBe('settings'); // still reading

    s = play([{ type: 'analysed', analysis: okAnalysis() }, { type: 'next' }], s);
    expect(s.step).toBe('dates');
    expect(nextBlocker(s)).toBe('Confirm the date format first.');
    expect(play([{ type: 'next' }], s).step).toBe('dates');

    s = play([{ type: 'confirm-dates', confirmed: true }, { type: 'next' }, { type: 'next' }], s);
    expect(s.step).toBe('import');
    expect(play([{ type: 'next' }], s).step).toBe('import');
  });

  it('needs the day/month order chosen when ambiguous; changing options needs a new confirmation', () => {
    const ambiguous = analyseTicketBytes(AMBIGUOUS, DEFAULT_OPTIONS);
    let s = play([
      { type: 'file-chosen', name: 'x.csv', size: 1 },
      { type: 'analysed', analysis: ambiguous },
      { type: 'next' },
    ]);
    expect(s.step).toBe('dates');
    expect(nextBlocker(s)).toMatch(/day\/month or month\/day/);
    s = play([{ type: 'confirm-dates', confirmed: true }], s);
    expect(s.datesConfirmed).toBe(false); // nothing to confirm yet

    s = play([{ type: 'set-options', patch: { dateOrder: 'mdy' } }], s);
    expect(s).toMatchObject({ analysis: null, options: { dateOrder: 'mdy' } });
    s = play(
      [
        { type: 'analysed', analysis: analyseTicketBytes(AMBIGUOUS, s.options) },
        { type: 'confirm-dates', confirmed: true },
      ],
      s,
    );
    expect(nextBlocker(s)).toBeNull();
    // Going back and changing the delimiter drops the confirmation.
    s = play([{ type: 'back' }, { type: 'set-options', patch: { delimiter: ';' } }], s);
    expect(s).toMatchObject({ step: 'settings', datesConfirmed: false, analysis: null });
  });

  it('runs, cancels, retries and completes; nothing moves while running', () => {
    const ready = play([
      { type: 'file-chosen', name: 'x.csv', size: 1000 },
      { type: 'analysed', analysis: okAnalysis() },
      { type: 'next' },
      { type: 'confirm-dates', confirmed: true },
      { type: 'next' },
      { type: 'next' },
    ]);
    expect(ready).toMatchObject({ step: 'import', phase: 'idle' });
    let s = play([{ type: 'start' }], ready);
    expect(s).toMatchObject({ phase: 'reading', progress: { bytesRead: 0, totalBytes: 1000 } });
    const p = { bytesRead: 500, totalBytes: 1000, rowsRead: 10, tickets: 4 };
    s = play([{ type: 'progress', progress: p }], s);
    expect(s.progress).toEqual(p);
    // Neither back, a new file, nor new options while running.
    expect(
      play(
        [
          { type: 'back' },
          { type: 'file-chosen', name: 'y', size: 1 },
          { type: 'set-options', patch: { preset: 'jira' } },
        ],
        s,
      ),
    ).toBe(s);

    s = play([{ type: 'cancelled' }], s);
    expect(s).toMatchObject({ phase: 'cancelled', progress: null, summary: null });
    expect(play([{ type: 'completed', summary: summary() }], s).phase).toBe('cancelled');

    s = play([{ type: 'retry' }, { type: 'start' }, { type: 'saving' }], s);
    expect(s.phase).toBe('saving');
    expect(play([{ type: 'progress', progress: p }], s).progress).not.toEqual(p);
    s = play([{ type: 'completed', summary: summary() }], s);
    expect(s).toMatchObject({ phase: 'done', summary: { tickets: 2 } });
    expect(play([{ type: 'back' }, { type: 'start' }], s)).toBe(s);
  });

  it('a failure keeps the reason and allows a retry', () => {
    let s = play([
      { type: 'file-chosen', name: 'x.csv', size: 10 },
      { type: 'analysed', analysis: okAnalysis() },
      { type: 'next' },
      { type: 'confirm-dates', confirmed: true },
      { type: 'next' },
      { type: 'next' },
      { type: 'start' },
      { type: 'failed', message: 'Nothing was saved: disk full' },
    ]);
    expect(s).toMatchObject({ phase: 'failed', error: 'Nothing was saved: disk full' });
    s = play([{ type: 'retry' }], s);
    expect(s).toMatchObject({ phase: 'idle', error: null });
  });

  it('a rejected file shows its reason on the first step', () => {
    const s = play([{ type: 'file-rejected', message: '“a.csv” is 120.0 MB; the limit is 100.0 MB.' }]);
    expect(s).toMatchObject({ step: 'file', file: null, fileError: '“a.csv” is 120.0 MB; the limit is 100.0 MB.' });
  });
});

describe('savedOptionsFor', () => {
  const mapping = {
    id: 'm',
    workspaceId: 'w',
    name: 'Last ticket import',
    preset: 'servicenow',
    columns: { ticketId: 'number', openedAt: 'opened_at', priority: 'prio', bogus: 'x' },
    dateFormat: null,
    delimiter: ',' as const,
  };
  it.each([
    [['number', 'opened_at', 'prio'], { map: { ticketId: 'number', openedAt: 'opened_at', priority: 'prio' } }],
    [['number', 'opened_at'], { map: { ticketId: 'number', openedAt: 'opened_at' } }],
    [['key', 'created'], {}],
  ])('applies the saved mapping to a file with columns %j', (columns, expected) => {
    expect(savedOptionsFor(mapping, columns)).toEqual(expected);
  });
});

function summary() {
  return {
    fileName: 'x.csv',
    rowsRead: 3,
    tickets: 2,
    rejectedRows: 1,
    dataIssues: {},
    snapshotsAdded: 10,
    snapshotsReplaced: 0,
    quarters: ['2026-Q1'],
  };
}
