import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT_VERSION,
  parseBackup,
  serializeBackup,
  upgradeToLatest,
  upgradeWith,
  validateWorkspaceData,
  type BackupUpgrade,
  type Problem,
} from '../../../../shared/backup/format';
import { REFERENCES, referencesAt, rewriteAt } from '../../../../shared/backup/references';
import { TABLE_NAMES, type WorkspaceData } from '../../../../shared/domain/tables';
import { makeFullWorkspace } from './make-workspace';

const AT = '2026-10-01T09:00:00.000Z';

function problemsOf(text: string, opts?: Parameters<typeof parseBackup>[1]): Problem[] {
  const r = parseBackup(text, opts);
  if (r.ok) throw new Error('expected problems, got a valid backup');
  return r.problems;
}

/** The full workspace as a backup document, with a change applied to the raw JSON. */
function mutated(change: (doc: { workspace: Record<string, unknown>; tables: Record<string, unknown[]> }) => void) {
  const doc = JSON.parse(serializeBackup(makeFullWorkspace(), AT)) as {
    workspace: Record<string, unknown>;
    tables: Record<string, unknown[]>;
  };
  change(doc);
  return JSON.stringify(doc);
}

function row(doc: { tables: Record<string, unknown[]> }, table: string, i: number): Record<string, unknown> {
  return doc.tables[table]![i] as Record<string, unknown>;
}

describe('serializeBackup / parseBackup round trip (REL-05)', () => {
  it('every table, unicode and emoji, 10,000 tickets and 10,000 snapshots come back deep-equal', () => {
    const data = makeFullWorkspace({ extraTickets: 10_000, extraSnapshots: 10_000 });
    for (const name of TABLE_NAMES) expect(data.tables[name].length, name).toBeGreaterThan(0);
    const text = serializeBackup(data, AT);
    const r = parseBackup(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.data).toEqual(data);
    expect(r.data.tables.tickets).toHaveLength(10_001);
    expect(r.data.tables.kpiSnapshots).toHaveLength(10_001);
    expect(r.formatVersion).toBe(1);
    expect(r.exportedAt).toBe(AT);
  });

  it('writes the documented envelope with every table, one record per line', () => {
    const text = serializeBackup(makeFullWorkspace(), AT);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['formatVersion', 'app', 'exportedAt', 'workspace', 'tables']);
    expect(doc.formatVersion).toBe(1);
    expect(doc.app).toBe('quarterdeck');
    expect(Object.keys(doc.tables as object)).toEqual(TABLE_NAMES);
    expect(text).toContain('\n      {"id":"p-msp","workspaceId":"ws-test","name":"Harborline Managed Services"');
  });

  it('refuses to write NaN or Infinity instead of silently writing null', () => {
    const data = makeFullWorkspace();
    data.tables.kpiSnapshots[0]!.value = Number.NaN;
    expect(() => serializeBackup(data, AT)).toThrow('"value" is NaN');
  });

  it('accepts a UTF-8 byte order mark', () => {
    const r = parseBackup('\ufeff' + serializeBackup(makeFullWorkspace(), AT));
    expect(r.ok).toBe(true);
  });

  it('the full test workspace has no problems in memory either', () => {
    expect(validateWorkspaceData(makeFullWorkspace())).toEqual([]);
  });
});

describe('parseBackup: file-level problems', () => {
  it('refuses a file over the size cap before parsing it', () => {
    // Not JSON at all: the size check must come first.
    const text = 'x'.repeat(2048);
    expect(problemsOf(text, { maxBytes: 1024 })).toEqual([
      { record: 'file', field: '', reason: 'the file is 2.0 KB; the limit for a workspace backup is 1 KB' },
    ]);
  });

  it('counts UTF-8 bytes, not characters, against the cap', () => {
    const text = '"' + '€'.repeat(400) + '"'; // 402 chars, 1,202 bytes
    expect(problemsOf(text, { maxBytes: 1024 })[0]!.reason).toBe(
      'the file is 1.2 KB; the limit for a workspace backup is 1 KB',
    );
  });

  it('has a 50 MB default cap', () => {
    const problems = problemsOf(' '.repeat(50 * 1024 * 1024 + 1));
    expect(problems[0]!.reason).toBe('the file is 50.0 MB; the limit for a workspace backup is 50 MB');
  });

  it.each([
    ['', 'the file is empty'],
    ['  \n\t ', 'the file is empty'],
    ['\ufeff', 'the file is empty'],
    [
      'PK\u0003\u0004\u0000\u0000binary',
      'the file is not text (binary content); expected a Quarterdeck backup (.json)',
    ],
    ['[1, 2]', 'expected a JSON object (a Quarterdeck backup), found a list'],
    ['"hello"', 'expected a JSON object (a Quarterdeck backup), found a string'],
    ['{"formatVersion": 1}', 'not a Quarterdeck backup (no "app" field)'],
    ['{"formatVersion": 1, "app": "excel"}', 'not a Quarterdeck backup (app is "excel")'],
    ['{"app": "quarterdeck"}', 'expected a whole number of at least 1, found nothing'],
    ['{"app": "quarterdeck", "formatVersion": "1"}', 'expected a whole number of at least 1, found "1"'],
    ['{"app": "quarterdeck", "formatVersion": 0}', 'expected a whole number of at least 1, found 0'],
    [
      '{"app": "quarterdeck", "formatVersion": 2}',
      'written by a newer Quarterdeck (backup format version 2; this version reads up to 1); update Quarterdeck to open it',
    ],
  ])('%j → %s', (text, reason) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toBe(reason);
  });

  it('reports truncated JSON with the line and column where it ends', () => {
    const text = '{\n  "formatVersion": 1,\n  "app": "quar';
    expect(problemsOf(text)).toEqual([
      {
        record: 'file',
        field: '',
        reason:
          'invalid JSON at line 3, column 15: the text ends before the JSON is complete (truncated?) (the file looks truncated)',
      },
    ]);
  });

  it('reports a real backup cut in half as truncated', () => {
    const full = serializeBackup(makeFullWorkspace(), AT);
    const [p] = problemsOf(full.slice(0, Math.floor(full.length / 2)));
    expect(p!.reason).toMatch(/^invalid JSON at line \d+, column \d+: .*truncated/);
  });

  it('reports a syntax error with line, column and what was expected', () => {
    expect(problemsOf('{\n  "app": "quarterdeck",\n}')[0]!.reason).toBe(
      'invalid JSON at line 3, column 1: unexpected character "}", expected a property name in double quotes',
    );
  });

  it('refuses nesting deeper than 64 levels with a message instead of crashing', () => {
    const depth = 100_000;
    const text = `{"app":"quarterdeck","formatVersion":1,"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.record).toBe('file');
    expect(problems[0]!.reason).toBe('nested more than 64 levels deep; refused');
    expect(problems[0]!.field.startsWith('deep[0][0]')).toBe(true);
  });

  it('lists an unknown table and reads a missing table as empty', () => {
    const text = mutated((doc) => {
      doc.tables.roadmapItemz = [];
    });
    expect(problemsOf(text)).toEqual([
      { record: 'file', field: 'tables.roadmapItemz', reason: 'unknown table "roadmapItemz"' },
    ]);

    const minimal = JSON.stringify({
      formatVersion: 1,
      app: 'quarterdeck',
      exportedAt: AT,
      workspace: makeFullWorkspace().workspace,
      tables: {},
    });
    const r = parseBackup(minimal);
    expect(r.ok && r.data.tables.roadmapItems).toEqual([]);
  });
});

describe('parseBackup: prototype keys (SEC-11)', () => {
  /** An own enumerable property even for "__proto__" (plain assignment would set the prototype). */
  const setOwn = (obj: unknown, key: string, value: unknown) =>
    Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  type Doc = { workspace: Record<string, unknown>; tables: Record<string, unknown[]> };

  it.each([
    [
      'a record',
      (d: Doc) => setOwn(row(d, 'roadmapItems', 0), '__proto__', { polluted: true }),
      { record: 'roadmapItems[0] "Cloud migration"', field: '__proto__' },
    ],
    [
      'a nested array element',
      (d: Doc) => setOwn((row(d, 'people', 0).skills as unknown[])[1], 'constructor', { prototype: { polluted: 1 } }),
      { record: 'people[0] "Zoë Ångström"', field: 'skills[1].constructor' },
    ],
    ['the workspace', (d: Doc) => setOwn(d.workspace, 'prototype', {}), { record: 'workspace', field: 'prototype' }],
    [
      'frozen snapshot data',
      (d: Doc) =>
        setOwn((row(d, 'qbrSnapshots', 0).data as Record<string, unknown>).kpis, '__proto__', { polluted: 1 }),
      { record: 'qbrSnapshots[0] "qs-1"', field: 'data.kpis.__proto__' },
    ],
  ])('refuses the key in %s and leaves Object.prototype untouched', (_, change, where) => {
    const text = mutated(change);
    expect(text).toContain(`"${where.field.split('.').pop()!}":`);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(where);
    expect(problems[0]!.reason).toMatch(/is not allowed in a backup/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('refuses a top-level "__proto__" written as raw JSON text', () => {
    const text = serializeBackup(makeFullWorkspace(), AT).replace('{\n', '{\n  "__proto__": {"polluted": true},\n');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        record: 'file',
        field: '__proto__',
        reason: 'the key "__proto__" is not allowed in a backup (it could alter object prototypes)',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseBackup: record problems', () => {
  it('names record, field and reason for wrong types and missing fields', () => {
    const text = mutated((d) => {
      row(d, 'roadmapItems', 0).priority = 'high';
      delete row(d, 'budgetLines', 0).vendor;
      (row(d, 'budgetLines', 0).plan as unknown[]).pop();
      row(d, 'people', 0).fte = 1.5;
    });
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        record: 'roadmapItems[0] "Cloud migration"',
        field: 'priority',
        reason: 'Invalid input: expected number, received string',
      },
      { record: 'budgetLines[0] "Azure consumption"', field: 'vendor', reason: 'missing (expected string)' },
      { record: 'budgetLines[0] "Azure consumption"', field: 'plan', reason: 'expected 12 monthly amounts' },
      { record: 'people[0] "Zoë Ångström"', field: 'fte', reason: 'Too big: expected number to be <=1' },
    ]);
  });

  it('reports an invalid workspace record', () => {
    const problems = problemsOf(mutated((d) => (d.workspace.currency = 'dollars')));
    expect(problems).toEqual([
      { record: 'workspace', field: 'currency', reason: 'expected an ISO 4217 code such as USD' },
    ]);
  });

  it('reports a record that belongs to another workspace', () => {
    const problems = problemsOf(mutated((d) => (row(d, 'risks', 0).workspaceId = 'other-ws')));
    expect(problems).toEqual([
      {
        record: 'risks[0] "Single NOC engineer"',
        field: 'workspaceId',
        reason: 'belongs to workspace "other-ws", not to this workspace "ws-test"',
      },
    ]);
  });

  it('reports duplicate ids within a table and duplicate KPI keys', () => {
    const problems = problemsOf(
      mutated((d) => {
        d.tables.risks!.push({ ...row(d, 'risks', 0), title: 'Copy' });
        d.tables.kpiDefinitions!.push({ ...row(d, 'kpiDefinitions', 0), id: 'kd-2' });
      }),
    );
    expect(problems).toEqual([
      { record: 'risks[1] "Copy"', field: 'id', reason: 'duplicate id "rk-1" (also risks[0])' },
      {
        record: 'kpiDefinitions[1] "Mean time to resolve"',
        field: 'key',
        reason: 'duplicate key "mttr_hours" (also kpiDefinitions[0])',
      },
    ]);
  });

  it('an id may repeat across different tables', () => {
    const text = mutated((d) => (row(d, 'risks', 0).id = 'p-int'));
    expect(parseBackup(text).ok).toBe(true);
  });

  it.each([
    ['roadmapItems', 'dependsOn.*', 'roadmapItems[1] "Décommission datacentre 🏢"', 'dependsOn[0]', 'roadmap item'],
    ['people', 'costProfileId', 'people[0] "Zoë Ångström"', 'costProfileId', 'cost profile'],
    ['scenarios', 'retainedPersonIds.*', 'scenarios[0] "Co-managed"', 'retainedPersonIds[0]', 'person'],
    ['qbrs', 'attendees.*.partyId', 'qbrs[0] "QBR 2026-Q2"', 'attendees[0].partyId', 'party'],
  ])('a dangling %s %s is named with record, field and reason', (table, path, record, field, noun) => {
    const text = mutated((d) => {
      const rows = d.tables[table]!;
      const i = rows.findIndex((r) => referencesAt(r, path).length > 0);
      rows[i] = rewriteAt(rows[i], path, () => 'ghost');
    });
    expect(problemsOf(text)).toEqual([
      { record, field, reason: `refers to ${noun} "ghost", which is not in this backup` },
    ]);
  });

  it.each(REFERENCES.map((r) => [r.table, r.path, r.target] as const))(
    'checks the reference %s.%s → %s',
    (table, path) => {
      const data = makeFullWorkspace();
      const rows = data.tables[table] as unknown[];
      const i = rows.findIndex((r) => referencesAt(r, path).length > 0);
      expect(i, 'the test workspace must use this reference').toBeGreaterThanOrEqual(0);
      rows[i] = rewriteAt(rows[i], path, () => 'ghost');
      const problems = validateWorkspaceData(data);
      const expectedFields = referencesAt(rows[i], path).map((f) => f.field);
      expect(problems.map((p) => p.field)).toEqual(expectedFields);
      for (const p of problems) expect(p.reason).toMatch(/^refers to .+ "ghost", which is not in this backup$/);
    },
  );

  it('lists the first 200 problems and summarises the rest', () => {
    const data = makeFullWorkspace({ extraTickets: 300 });
    for (const t of data.tables.tickets) t.importId = 'missing-import';
    const problems = validateWorkspaceData(data);
    expect(problems).toHaveLength(201);
    expect(problems[200]).toEqual({ record: 'file', field: '', reason: 'and 101 more problems not listed' });
  });

  it('never returns a partial workspace: one bad row among 10,000 fails the whole file', () => {
    const data = makeFullWorkspace({ extraTickets: 10_000 });
    data.tables.tickets[5_000]!.openedAt = '01/09/2026 10:00';
    const r = parseBackup(serializeBackup(data, AT));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      {
        record: 'tickets[5000] "INC104999"',
        field: 'openedAt',
        reason: expect.stringMatching(/^Invalid string: must match pattern/) as unknown as string,
      },
    ]);
  });
});

describe('format versions', () => {
  it('the frozen v1 fixture keeps importing', () => {
    const text = readFileSync(new URL('../../../fixtures/backups/v1-minimal.json', import.meta.url), 'utf8');
    const r = parseBackup(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.formatVersion).toBe(1);
    expect(r.data.workspace.name).toBe('Test Manufacturing 🏭 GmbH');
    expect(r.data.workspace.fiscalYearStartMonth).toBe(7);
    for (const name of TABLE_NAMES) expect(r.data.tables[name].length, name).toBeGreaterThan(0);
    expect(r.data.tables.roadmapItems.map((i) => i.title)).toEqual(['Cloud migration', 'Décommission datacentre 🏢']);
    expect(r.data.tables.budgetLines[0]!.actual.slice(0, 4)).toEqual([990_000, 1_010_000, 1_000_500, null]);
    expect(r.data.tables.kpiSnapshots[0]!.provenance?.dataIssues).toEqual({ 'negative-duration': 1 });
  });

  it('upgradeToLatest passes a current document through unchanged', () => {
    const doc = JSON.parse(serializeBackup(makeFullWorkspace(), AT)) as Record<string, unknown>;
    const r = upgradeToLatest(doc);
    expect(r.ok && r.fromVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(r.ok && r.document).toEqual(doc);
  });

  it('runs a chain of named upgrades in order (how v2 will plug in)', () => {
    const calls: string[] = [];
    const chain: BackupUpgrade[] = [
      {
        from: 2,
        name: 'v2ToV3',
        upgrade: (d) => (calls.push('v2ToV3'), { ...d, renamed: d.legacy, legacy: undefined }),
      },
      { from: 1, name: 'v1ToV2', upgrade: (d) => (calls.push('v1ToV2'), { ...d, legacy: 'from v1' }) },
    ];
    const r = upgradeWith({ app: 'quarterdeck', formatVersion: 1 }, chain, 3);
    expect(calls).toEqual(['v1ToV2', 'v2ToV3']);
    expect(r).toEqual({
      ok: true,
      fromVersion: 1,
      document: { app: 'quarterdeck', formatVersion: 3, renamed: 'from v1', legacy: undefined },
    });
    const gap = upgradeWith({ app: 'quarterdeck', formatVersion: 1 }, [chain[0]!], 3);
    expect(gap).toEqual({
      ok: false,
      problems: [{ record: 'file', field: 'formatVersion', reason: 'no upgrade from backup format version 1' }],
    });
  });
});

describe('validateWorkspaceData', () => {
  it('accepts data that parseBackup produced', () => {
    const r = parseBackup(serializeBackup(makeFullWorkspace(), AT));
    expect(r.ok && validateWorkspaceData(r.data as WorkspaceData)).toEqual([]);
  });
});
