import { describe, expect, it } from 'vitest';
import { builtInKpiDefinitions } from '../../../../shared/domain/kpis/dictionary';
import { KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import { importSnapshotCsv } from '../../../../shared/domain/kpis/snapshot-csv';

function run(text: string) {
  let n = 0;
  return importSnapshotCsv(text, {
    fileName: 'kpis.csv',
    workspaceId: 'ws',
    definitions: builtInKpiDefinitions('ws'),
    importedAt: '2026-04-02T09:00:00Z',
    newId: () => `s${++n}`,
  });
}

describe('importSnapshotCsv', () => {
  it('imports a semicolon file with decimal commas, names or keys, and notes', () => {
    const r = run('Period;KPI;Value;Note\r\n2026-01;fcr;63,9;from HDI\r\n2026-Q1;Mean time to resolve;"21,25";\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshots.map((s) => [s.kpiKey, s.period, s.value, s.note])).toEqual([
      ['fcr', '2026-01', 63.9, 'from HDI'],
      ['mttr_hours', '2026-Q1', 21.25, ''],
    ]);
    for (const s of r.snapshots) expect(KpiSnapshot.safeParse(s).success).toBe(true);
    expect(r.snapshots[0]?.provenance).toMatchObject({ fileName: 'kpis.csv', rowsRead: 2 });
  });

  it('checks every row first and returns all problems, writing nothing', () => {
    const r = run(
      [
        'period,kpi,value',
        '2026-13,fcr,50',
        '2026-02,nope,1',
        '2026-02,fcr,abc',
        '2026-02,fcr,101',
        '2026-03,backlog,2.5',
        '2026-02,csat,4',
        '2026-02,csat,4.2',
      ].join('\n'),
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { row: 2, field: 'period', reason: '"2026-13" is not a month YYYY-MM or a quarter YYYY-Qn' },
        { row: 3, field: 'kpi', reason: 'unknown KPI "nope"' },
        { row: 4, field: 'value', reason: '"abc" is not a number' },
        { row: 5, field: 'value', reason: '101 is outside 0–100 for a percentage' },
        { row: 6, field: 'value', reason: '2.5 is not a whole number ≥ 0 for a count' },
        { row: 8, field: 'period', reason: 'csat 2026-02 already given on row 7' },
      ],
    });
  });

  it('refuses a __proto__ header and reports missing columns', () => {
    const r = run('period,__proto__,value\n2026-01,fcr,1\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toEqual({ row: 1, field: '__proto__', reason: 'header "__proto__" is not allowed' });
      expect(r.problems[1]?.reason).toContain('missing column "kpi"');
    }
  });

  it('reports an unclosed quote with its row', () => {
    const r = run('period,kpi,value\n2026-01,fcr,"5\n');
    expect(r).toEqual({
      ok: false,
      problems: [{ row: 2, field: '', reason: 'a quoted field is never closed (unclosed quote)' }],
    });
  });
});
