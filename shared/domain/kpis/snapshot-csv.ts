/**
 * Import of KPI snapshots from a small CSV: `period,kpi,value[,note]` (optional `segment`, `weight`
 * columns; any order; headers case-insensitive). `,` `;` or tab, decimal point or comma. Everything
 * is validated first; on any problem nothing is returned to write, only the problems with their row,
 * field and reason (SPEC §6).
 */
import { parseCsvText } from '../../import/csv';
import { detectDecimalComma, parseDecimal } from '../../import/numbers';
import { MONTH_RE, QUARTER_RE } from '../common';
import type { KpiDefinition, KpiSnapshot } from './schema';

export type SnapshotCsvProblem = { row: number; field: string; reason: string };
export type SnapshotCsvResult =
  { ok: true; snapshots: KpiSnapshot[]; rowsRead: number } | { ok: false; problems: SnapshotCsvProblem[] };

export type SnapshotCsvOptions = {
  fileName: string;
  workspaceId: string;
  /** KPIs the file may name (by key, or by name case-insensitively). */
  definitions: readonly Pick<KpiDefinition, 'key' | 'name' | 'unit'>[];
  importedAt: string;
  newId: () => string;
  /** Stop listing problems after this many (all rows are still checked). */
  maxProblems?: number;
};

const KNOWN = ['period', 'kpi', 'value', 'note', 'segment', 'weight'] as const;
type Column = (typeof KNOWN)[number];

/** Validates and converts a snapshot CSV; all-or-nothing. */
export function importSnapshotCsv(text: string, opts: SnapshotCsvOptions): SnapshotCsvResult {
  const max = opts.maxProblems ?? 100;
  const problems: SnapshotCsvProblem[] = [];
  const add = (p: SnapshotCsvProblem): void => {
    if (problems.length < max) problems.push(p);
  };
  const parsed = parseCsvText(text);
  if (!parsed.ok) return { ok: false, problems: [{ row: parsed.error.row, field: '', reason: parsed.error.reason }] };
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, problems: [{ row: 1, field: '', reason: 'the file is empty' }] };

  const col = new Map<Column, number>();
  header.fields.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') {
      add({ row: header.line, field: h, reason: `header "${h}" is not allowed` });
      return;
    }
    const known = KNOWN.find((k) => k === name);
    if (!known) return;
    if (col.has(known)) add({ row: header.line, field: h, reason: `column "${h}" appears twice` });
    else col.set(known, i);
  });
  for (const req of ['period', 'kpi', 'value'] as const) {
    if (!col.has(req))
      add({ row: header.line, field: req, reason: `missing column "${req}" (expected period,kpi,value[,note])` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const byKey = new Map<string, Pick<KpiDefinition, 'key' | 'name' | 'unit'>>();
  for (const d of opts.definitions) {
    byKey.set(d.key.toLowerCase(), d);
    byKey.set(d.name.trim().toLowerCase(), d);
  }
  const cell = (fields: string[], c: Column): string => {
    const i = col.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const valueIdx = col.get('value') ?? 0;
  const decimalComma =
    parsed.delimiter !== ',' && detectDecimalComma(rows.map((r) => (r.fields[valueIdx] ?? '').trim()));

  const seen = new Map<string, number>();
  const out: KpiSnapshot[] = [];
  let problemCount = problems.length;
  const fail = (p: SnapshotCsvProblem): void => {
    problemCount++;
    add(p);
  };
  for (const r of rows) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    const period = cell(r.fields, 'period');
    const kpiText = cell(r.fields, 'kpi');
    const valueText = cell(r.fields, 'value');
    const segment = cell(r.fields, 'segment');
    const weightText = cell(r.fields, 'weight');
    let ok = true;
    if (!MONTH_RE.test(period) && !QUARTER_RE.test(period)) {
      fail({ row: r.line, field: 'period', reason: `"${period}" is not a month YYYY-MM or a quarter YYYY-Qn` });
      ok = false;
    }
    const def = byKey.get(kpiText.toLowerCase());
    if (!def) {
      fail({ row: r.line, field: 'kpi', reason: `unknown KPI "${kpiText}"` });
      ok = false;
    }
    const value = parseDecimal(valueText, decimalComma);
    if (value === null) {
      fail({
        row: r.line,
        field: 'value',
        reason: valueText === '' ? 'value is empty' : `"${valueText}" is not a number`,
      });
      ok = false;
    } else if (def && def.unit === 'percent' && (value < 0 || value > 100)) {
      fail({ row: r.line, field: 'value', reason: `${value} is outside 0–100 for a percentage` });
      ok = false;
    } else if (def && def.unit === 'count' && (value < 0 || !Number.isInteger(value))) {
      fail({ row: r.line, field: 'value', reason: `${value} is not a whole number ≥ 0 for a count` });
      ok = false;
    }
    let weight: number | null = null;
    if (weightText !== '') {
      weight = parseDecimal(weightText, decimalComma);
      if (weight === null || weight < 0) {
        fail({ row: r.line, field: 'weight', reason: `"${weightText}" is not a number ≥ 0` });
        ok = false;
      }
    }
    if (segment.length > 100) {
      fail({ row: r.line, field: 'segment', reason: 'segment is longer than 100 characters' });
      ok = false;
    }
    if (!ok || !def || value === null) continue;
    const dupKey = `${def.key}\u0000${period}\u0000${segment}`;
    const firstRow = seen.get(dupKey);
    if (firstRow !== undefined) {
      fail({ row: r.line, field: 'period', reason: `${def.key} ${period} already given on row ${firstRow}` });
      continue;
    }
    seen.set(dupKey, r.line);
    out.push({
      id: opts.newId(),
      workspaceId: opts.workspaceId,
      kpiKey: def.key,
      period,
      value,
      weight,
      segment,
      source: 'csv',
      provenance: null,
      note: cell(r.fields, 'note').slice(0, 20_000),
    });
  }
  if (problemCount > 0) return { ok: false, problems };
  const provenance = {
    fileName: opts.fileName.slice(0, 500),
    importedAt: opts.importedAt,
    rowsRead: out.length,
    tickets: 0,
    rowsRejected: 0,
    dataIssues: {},
  };
  return { ok: true, rowsRead: out.length, snapshots: out.map((s) => ({ ...s, provenance })) };
}
