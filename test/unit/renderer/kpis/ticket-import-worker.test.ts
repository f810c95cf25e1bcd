/**
 * The ticket-import worker protocol, driven through its handler function (no Worker): chunked
 * feeding, progress as ack, the KPIs per month and quarter of a hand-worked event log, errors for
 * bad input and out-of-order messages; the page-side runner with a fake worker, incl. cancel; and
 * the one-transaction save (cancel while saving writes nothing; undo removes everything).
 */
import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../../renderer/src/db/changes';
import { saveTicketImport } from '../../../../renderer/src/db/repos/kpis';
import { importWorkspace } from '../../../../renderer/src/db/repos/workspaces';
import {
  createImportWorkerHandler,
  type WorkerImportResult,
  type WorkerRequest,
  type WorkerResponse,
} from '../../../../renderer/src/workers/ticket-import-protocol';
import {
  ImportCancelledError,
  runTicketImport,
  type WorkerLike,
} from '../../../../renderer/src/workers/run-ticket-import';
import { fixtureWorkspace, makeTestDb, testContext } from '../../../helpers/test-db';

// Three tickets, five rows. INC1: opened 01-05 09:00, resolved 13:00 (4 h, SLA met). INC2: opened
// 01-10 10:00, resolved 01-11 10:00 (24 h, SLA missed), its last row written in February. INC3:
// opened 02-03, never resolved.
const LOG = [
  'number,incident_state,sys_updated_on,opened_at,resolved_at,priority,assignment_group,made_sla',
  'INC1,New,2026-01-05 09:00:00,2026-01-05 09:00:00,,2 - High,Service Desk,',
  'INC2,New,2026-01-10 10:00:00,2026-01-10 10:00:00,,3 - Moderate,Network Team,',
  'INC1,Resolved,2026-01-05 13:00:00,2026-01-05 09:00:00,2026-01-05 13:00:00,2 - High,Service Desk,true',
  'INC2,Resolved,2026-02-01 10:00:00,2026-01-10 10:00:00,2026-01-11 10:00:00,3 - Moderate,Network Team,false',
  'INC3,New,2026-02-03 08:00:00,2026-02-03 08:00:00,,3 - Moderate,Network Team,',
].join('\n');
const BYTES = new TextEncoder().encode(LOG);

function run(messages: WorkerRequest[]): WorkerResponse[] {
  const out: WorkerResponse[] = [];
  const handle = createImportWorkerHandler((m) => out.push(m));
  for (const m of messages) handle(m);
  return out;
}

function chunks(bytes: Uint8Array, size: number): WorkerRequest[] {
  const out: WorkerRequest[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push({ type: 'chunk', bytes: bytes.slice(i, i + size) });
  return out;
}

function doneOf(out: WorkerResponse[]): WorkerImportResult {
  const last = out[out.length - 1];
  if (last?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(last)}`);
  return last.result;
}

const START: WorkerRequest = {
  type: 'start',
  options: { preset: 'auto', partyRules: [{ pattern: 'network', partyId: 'p-net', order: 0 }] },
  fiscalStartMonth: 1,
};

describe('worker handler', () => {
  it('answers every chunk with progress and ends with the hand-worked KPIs', () => {
    const out = run([START, ...chunks(BYTES, 7), { type: 'finish' }]);
    const progress = out.filter((m) => m.type === 'progress');
    // One after start plus one per 7-byte chunk.
    expect(progress).toHaveLength(1 + Math.ceil(BYTES.length / 7));
    const bytesSeen = progress.map((p) => (p.type === 'progress' ? p.bytesRead : -1));
    expect(bytesSeen).toEqual([...bytesSeen].sort((a, b) => a - b));
    expect(bytesSeen[bytesSeen.length - 1]).toBe(BYTES.length);

    const r = doneOf(out);
    expect(r.settings.preset).toBe('servicenow');
    expect(r.rowsRead).toBe(5);
    expect(r.rejectedRows).toBe(0);
    expect(r.tickets.map((t) => t.ticketId)).toEqual(['INC1', 'INC2', 'INC3']);
    const inc2 = r.tickets[1]!;
    expect(inc2).toMatchObject({ resolvedAt: '2026-01-11T10:00:00', slaMet: false, priority: 'P3', partyId: 'p-net' });

    const q1 = r.quarterly.periods.get('2026-Q1')!;
    expect(q1).toMatchObject({
      tickets_opened: 3,
      tickets_resolved: 2,
      backlog: 1,
      mttr_hours: 14, // (4 + 24) / 2
      median_ttr_hours: 14,
      sla_attainment: 50,
    });
    expect(q1.byParty.get('p-net')).toMatchObject({ tickets_opened: 2, tickets_resolved: 1, mttr_hours: 24 });
    expect(q1.byPriority.get('P2')).toMatchObject({ tickets_resolved: 1, mttr_hours: 4, sla_attainment: 100 });
    expect([...r.monthly.periods.keys()]).toEqual(['2026-01', '2026-02']);
    expect(r.monthly.periods.get('2026-01')).toMatchObject({ tickets_opened: 2, tickets_resolved: 2, backlog: 0 });
    expect(r.monthly.periods.get('2026-02')).toMatchObject({
      tickets_opened: 1,
      tickets_resolved: 0,
      backlog: 1,
      mttr_hours: null,
    });
  });

  it.each([
    ['a chunk before start', [{ type: 'chunk', bytes: BYTES } as WorkerRequest], /not started/],
    ['finish before start', [{ type: 'finish' } as WorkerRequest], /not started/],
    ['an empty file', [START, { type: 'finish' } as WorkerRequest], /empty/],
    [
      'a __proto__ header',
      [
        START,
        { type: 'chunk', bytes: new TextEncoder().encode('number,__proto__\nA,1\n') },
        { type: 'finish' },
      ] as WorkerRequest[],
      /__proto__/,
    ],
    [
      'an unclosed quote',
      [
        START,
        { type: 'chunk', bytes: new TextEncoder().encode('number,opened_at\nINC1,"2026-01-05 09:00\n') },
        { type: 'finish' },
      ] as WorkerRequest[],
      /row|quote/i,
    ],
  ])('reports %s as an error, never a crash', (_name, messages, reason) => {
    const out = run(messages);
    const last = out[out.length - 1];
    expect(last?.type).toBe('error');
    expect(last?.type === 'error' ? last.message : '').toMatch(reason);
  });

  it('ignores everything after an error', () => {
    const out = run([{ type: 'finish' }, START, ...chunks(BYTES, 100), { type: 'finish' }]);
    expect(out.map((m) => m.type)).toEqual(['error']);
  });
});

/** A Worker stand-in that runs the real handler asynchronously, as a worker would. */
function fakeWorker(): WorkerLike & { terminated: boolean; posted: number } {
  const w: WorkerLike & { terminated: boolean; posted: number } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    posted: 0,
    postMessage(msg) {
      w.posted++;
      setTimeout(() => {
        if (!w.terminated) handle(msg);
      }, 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  const handle = createImportWorkerHandler((m) => {
    if (!w.terminated) w.onmessage?.({ data: m } as MessageEvent<WorkerResponse>);
  });
  return w;
}

describe('runTicketImport', () => {
  it('feeds the file chunk by chunk and resolves with the result', async () => {
    const w = fakeWorker();
    const seen: number[] = [];
    const { done } = runTicketImport({
      bytes: BYTES,
      options: { preset: 'auto' },
      fiscalStartMonth: 1,
      onProgress: (p) => seen.push(p.bytesRead),
      createWorker: () => w,
      chunkBytes: 64,
    });
    const r = await done;
    expect(r.tickets).toHaveLength(3);
    // start + ceil(n/64) chunks + finish
    expect(w.posted).toBe(2 + Math.ceil(BYTES.length / 64));
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(BYTES.length);
    expect(w.terminated).toBe(true);
  });

  it('cancel terminates the worker and rejects; nothing more is reported', async () => {
    const w = fakeWorker();
    let reports = 0;
    const run = runTicketImport({
      bytes: BYTES,
      options: { preset: 'auto' },
      fiscalStartMonth: 1,
      onProgress: () => {
        reports++;
        if (reports === 2) run.cancel();
      },
      createWorker: () => w,
      chunkBytes: 16,
    });
    await expect(run.done).rejects.toBeInstanceOf(ImportCancelledError);
    await new Promise((r) => setTimeout(r, 20));
    expect(w.terminated).toBe(true);
    expect(reports).toBe(2);
  });

  it('rejects with the importer message on bad input', async () => {
    const run = runTicketImport({
      bytes: new TextEncoder().encode('number,__proto__\nA,1\n'),
      options: { preset: 'auto' },
      fiscalStartMonth: 1,
      onProgress: () => {},
      createWorker: fakeWorker,
    });
    await expect(run.done).rejects.toThrow(/__proto__/);
  });
});

describe('saveTicketImport', () => {
  async function setup() {
    const { db } = await makeTestDb();
    const data = fixtureWorkspace();
    await importWorkspace(db, data);
    const result = doneOf(run([START, ...chunks(BYTES, 4096), { type: 'finish' }]));
    return { db, ws: data.workspace.id, result };
  }
  const mapping = { preset: 'servicenow', columns: { ticketId: 'number' }, dateFormat: null, delimiter: ',' as const };

  it('writes tickets, the import record, snapshots with provenance and the mapping in one change set; undo removes all', async () => {
    const { db, ws, result } = await setup();
    const before = await db.rows('kpiSnapshots').where('workspaceId').equals(ws).count();
    const saved = await saveTicketImport(db, ws, { fileName: 'log.csv', result, mapping }, testContext('imp'));
    expect(await db.rows('tickets').where('workspaceId').equals(ws).count()).toBe(3);
    const imports = await db.rows('ticketImports').where('workspaceId').equals(ws).toArray();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ fileName: 'log.csv', rowsRead: 5, tickets: 3, rowsRejected: 0 });
    const q1 = await db
      .rows('kpiSnapshots')
      .where('[workspaceId+kpiKey+period]')
      .equals([ws, 'mttr_hours', '2026-Q1'])
      .toArray();
    const overall = q1.find((s) => s.segment === '');
    expect(overall).toMatchObject({ value: 14, weight: 2, source: 'ticket-import' });
    expect(overall?.provenance).toMatchObject({ fileName: 'log.csv', rowsRead: 5, tickets: 3, rowsRejected: 0 });
    expect(saved.snapshotsAdded).toBe(
      (await db.rows('kpiSnapshots').where('workspaceId').equals(ws).count()) - before + saved.snapshotsReplaced,
    );
    expect(await db.rows('importMappings').where('workspaceId').equals(ws).count()).toBe(1);

    await applyChangeSet(db, saved.changes, 'undo');
    expect(await db.rows('tickets').where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db.rows('ticketImports').where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db.rows('importMappings').where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db.rows('kpiSnapshots').where('workspaceId').equals(ws).count()).toBe(before);
  });

  it('writes nothing when cancelled while saving', async () => {
    const { db, ws, result } = await setup();
    const before = await db.rows('kpiSnapshots').where('workspaceId').equals(ws).count();
    const abort = new AbortController();
    abort.abort();
    await expect(
      saveTicketImport(db, ws, { fileName: 'log.csv', result, mapping, signal: abort.signal }, testContext('imp')),
    ).rejects.toThrow(/cancelled/);
    expect(await db.rows('tickets').where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db.rows('ticketImports').where('workspaceId').equals(ws).count()).toBe(0);
    expect(await db.rows('kpiSnapshots').where('workspaceId').equals(ws).count()).toBe(before);
  });
});
