import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBenches, median, resultFromStdout, summaryLine } from '../../../bench/run';
import { bareParse, importAndKpis, scanOnly } from '../../../bench/ticket-import/bench';
import { generateServiceNowLog, mulberry32, SERVICENOW_COLUMNS } from '../../../bench/ticket-import/generate';
import { parseCsvText } from '../../../shared/import/csv';

describe('bench runner helpers', () => {
  it('takes medians', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('finds the result line among other output', () => {
    expect(resultFromStdout('generating …\n{"name":"x","ratio":1.2}\n')).toEqual({ name: 'x', ratio: 1.2 });
    expect(resultFromStdout('{"a":1}\nno json\n{broken\n')).toEqual({ a: 1 });
    expect(resultFromStdout('[1,2]\n')).toBeNull();
    expect(summaryLine('x', { summary: 'PASS 1.2×' })).toBe('x: PASS 1.2×');
    expect(summaryLine('x', { ratio: 1.234 })).toBe('x: ratio 1.23');
  });

  it('lists folders that hold a bench.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-bench-'));
    for (const d of ['b', 'a', '.data', 'results', 'no-bench']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'a', 'bench.ts'), '');
    writeFileSync(join(dir, 'b', 'bench.ts'), '');
    writeFileSync(join(dir, '.data', 'bench.ts'), '');
    expect(listBenches(dir)).toEqual(['a', 'b']);
  });
});

describe('ServiceNow event-log generator', () => {
  it('is seeded: same seed, same bytes; another seed, other bytes', () => {
    expect(generateServiceNowLog(500, 7)).toBe(generateServiceNowLog(500, 7));
    expect(generateServiceNowLog(500, 8)).not.toBe(generateServiceNowLog(500, 7));
    const r = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => r());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('writes the 36 ServiceNow columns and at least the rows asked for, several per incident', () => {
    const text = generateServiceNowLog(3000, 11);
    const parsed = parseCsvText(text, { delimiter: ',' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [header, ...rows] = parsed.rows;
    expect(header?.fields).toEqual([...SERVICENOW_COLUMNS]);
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(rows.length).toBeLessThan(3010);
    expect(rows.every((r) => r.fields.length === 36)).toBe(true);
    const ids = new Set(rows.map((r) => r.fields[0]));
    expect(rows.length / ids.size).toBeGreaterThan(4);
  });

  it('imports as a ServiceNow event log: one ticket per incident, the measured functions agree', () => {
    const bytes = new TextEncoder().encode(generateServiceNowLog(3000, 11));
    const rows = bareParse(bytes, ',');
    expect(scanOnly(bytes, ',')).toBe(rows);
    const { result, months, quarters } = importAndKpis(bytes);
    expect(result.settings.preset).toBe('servicenow');
    expect(result.settings.dateFormats.openedAt?.label).toBe('d/m/yyyy HH:MM');
    expect(result.rowsRead).toBe(rows - 1);
    expect(result.ticketCount).toBe(new Set(result.table.ids).size);
    expect(result.dataIssues.collapsedRows).toBe(result.rowsRead - result.ticketCount);
    expect(result.rejectedRows).toBe(0);
    // every opened ticket is counted once over the months and once over the quarters
    const opened = (m: Map<string, { tickets_opened: number }>) =>
      [...m.values()].reduce((s, p) => s + p.tickets_opened, 0);
    expect(opened(months.periods)).toBe(result.ticketCount);
    expect(opened(quarters.periods)).toBe(result.ticketCount);
  });
});
