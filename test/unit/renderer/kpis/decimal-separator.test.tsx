/**
 * The wizard's "Decimal separator" choice: the first-rows analysis reads the file as chosen, changing
 * the choice re-reads the file (and asks for the dates again), the worker gets the choice, and in the
 * rendered wizard the control is a labelled select whose change shows in the preview and reaches the
 * worker's start message.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicesContext, type AppServices } from '../../../../renderer/src/app/services';
import type { QuarterdeckDb } from '../../../../renderer/src/db/database';
import { UndoHistory } from '../../../../renderer/src/db/undo';
import { analyseTicketBytes, DEFAULT_OPTIONS } from '../../../../renderer/src/features/kpis/import-analysis';
import { initialWizardState, wizardReducer } from '../../../../renderer/src/features/kpis/import-wizard-state';
import { TicketImportWizard } from '../../../../renderer/src/features/kpis/ticket-import-wizard';
import type { WorkerLike } from '../../../../renderer/src/workers/run-ticket-import';
import {
  createImportWorkerHandler,
  type WorkerRequest,
  type WorkerResponse,
} from '../../../../renderer/src/workers/ticket-import-protocol';
import { makeFakeBridge, type FakeBridge } from '../../../helpers/fake-bridge';
import { makeTestDb, testContext } from '../../../helpers/test-db';

// Semicolons and a decimal comma (1,0); 1.000 is "one thousand" in such a file, but 'auto' reads a
// point first (today's behaviour), so only forcing the comma reads it as 1000.
const TEXT = [
  'Number;Opened;Resolved;Reopen count',
  'INC1;2026-01-05 09:00:00;2026-01-05 11:00:00;0',
  'INC2;2026-01-06 09:00:00;2026-01-06 12:00:00;1,0',
  'INC3;2026-01-07 09:00:00;2026-01-07 10:00:00;1.000',
].join('\n');
const BYTES = new TextEncoder().encode(TEXT);
const POINT_REASON =
  '"1,0" reads as a number only with a decimal comma (","), but the decimal separator is set to point (".")';

describe('analyseTicketBytes with a decimal separator', () => {
  it.each([
    ['auto', { INC1: 0, INC2: 1, INC3: 1 }, []],
    [',', { INC1: 0, INC2: 1, INC3: 1000 }, []],
    ['.', { INC1: 0, INC3: 1 }, [{ row: 3, field: 'reopenCount', column: 'Reopen count', reason: POINT_REASON }]],
  ] as const)('%s', (decimalSeparator, counts, rejected) => {
    const a = analyseTicketBytes(BYTES, { ...DEFAULT_OPTIONS, decimalSeparator });
    if (!a.ok) throw new Error(a.message);
    expect(a.settings.delimiter).toBe(';');
    expect(a.settings.detectedDecimalComma).toBe(true);
    expect(a.settings.decimalSeparator).toBe(decimalSeparator);
    expect(Object.fromEntries(a.preview.map((t) => [t.ticketId, t.reopenCount]))).toEqual(counts);
    expect(a.rejected).toEqual(rejected);
  });
});

describe('wizardReducer and the decimal separator', () => {
  it('defaults to auto; a change keeps the choice, re-reads the file and needs the dates confirmed again', () => {
    let s = wizardReducer(initialWizardState, { type: 'file-chosen', name: 'x.csv', size: BYTES.length });
    expect(s.options.decimalSeparator).toBe('auto');
    s = wizardReducer(s, { type: 'analysed', analysis: analyseTicketBytes(BYTES, s.options) });
    s = { ...s, step: 'dates', datesConfirmed: true };
    s = wizardReducer(s, { type: 'set-options', patch: { decimalSeparator: ',' } });
    expect(s.options.decimalSeparator).toBe(',');
    expect(s.analysis).toBeNull();
    expect(s.datesConfirmed).toBe(false);
    // A new file starts from auto again.
    s = wizardReducer(s, { type: 'file-chosen', name: 'y.csv', size: 10 });
    expect(s.options.decimalSeparator).toBe('auto');
  });
});

describe('worker handler and the decimal separator', () => {
  it('imports with the separator it is given', () => {
    for (const [sep, reopenCounts, rejected] of [
      [',', [0, 1, 1000], 0],
      ['.', [0, 1], 1],
    ] as const) {
      const out: WorkerResponse[] = [];
      const handle = createImportWorkerHandler((m) => out.push(m));
      handle({ type: 'start', options: { decimalSeparator: sep }, fiscalStartMonth: 1 });
      handle({ type: 'chunk', bytes: BYTES });
      handle({ type: 'finish' });
      const last = out.at(-1);
      if (last?.type !== 'done') throw new Error(JSON.stringify(last));
      expect(last.result.tickets.map((t) => t.reopenCount)).toEqual(reopenCounts);
      expect(last.result.rejectedRows).toBe(rejected);
      expect(last.result.settings.decimalSeparator).toBe(sep);
    }
  });
});

describe('the rendered wizard', () => {
  let db: QuarterdeckDb;
  let bridge: FakeBridge;
  let services: AppServices;

  beforeEach(async () => {
    db = (await makeTestDb()).db;
    bridge = makeFakeBridge();
    services = {
      db,
      bridge,
      history: new UndoHistory(),
      ctx: testContext('ds', '2026-03-15T10:00:00.000Z'),
      readOnlyReason: null,
      persisted: null,
    };
  });

  afterEach(() => {
    cleanup();
    db.close();
  });

  it('offers Detect (…) / Point / Comma, shows the change in the preview and sends it to the worker', async () => {
    const sent: WorkerRequest[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => sent.push(m),
      terminate: () => {},
      onmessage: null,
      onerror: null,
    };
    bridge.openQueue.push({ canceled: false, name: 'semi.csv', size: BYTES.length, bytes: BYTES });
    render(
      <ServicesContext.Provider value={services}>
        <TicketImportWizard
          workspaceId="ws-1"
          fiscalStartMonth={1}
          parties={[]}
          partyRules={[]}
          mappings={[]}
          onClose={() => {}}
          createWorker={() => worker}
        />
      </ServicesContext.Provider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Import tickets' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Choose a file…' })));
    const select = await within(dialog).findByLabelText('Decimal separator');
    await waitFor(() =>
      expect(within(select).getByRole('option', { selected: true })).toHaveProperty('textContent', 'Detect (Comma)'),
    );
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Detect (Comma)', 'Point (1.5)', 'Comma (1,5)']);

    const toPreview = async (): Promise<HTMLElement> => {
      await waitFor(() => expect(within(dialog).queryByText('Reading the first rows…')).toBeNull());
      fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
      fireEvent.click(await within(dialog).findByLabelText('These dates read correctly'));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
      return within(dialog).findByRole('table', { name: /First tickets/ });
    };
    const reopensOf = (table: HTMLElement, id: string): string => {
      const row = within(table).getByRole('row', { name: new RegExp(id) });
      const cells = within(row).getAllByRole('cell');
      return cells[cells.length - 1]!.textContent ?? '';
    };

    let table = await toPreview();
    expect(within(table).getByRole('columnheader', { name: 'Reopens' })).toBeTruthy();
    expect(reopensOf(table, 'INC3')).toBe('1');

    // Back to the columns step, force the comma: the preview re-reads 1.000 as one thousand.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back' }));
    fireEvent.change(within(dialog).getByLabelText('Decimal separator'), { target: { value: ',' } });
    table = await toPreview();
    expect(reopensOf(table, 'INC3')).toBe((1000).toLocaleString());
    expect(within(dialog).getByText('None in the rows read.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start import' }));
    const start = sent.find((m) => m.type === 'start');
    expect(start?.type === 'start' ? start.options.decimalSeparator : null).toBe(',');
  });
});
