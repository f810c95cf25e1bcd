/**
 * Import budget actuals from CSV (SPEC §3.4, §6; issue 3 item 5). Two steps, so nothing is ever
 * half-written: `parseActualsCsv` reads and checks EVERY row and returns a preview of the changes
 * plus every problem (row, field, reason); `applyActuals` returns updated lines only when there
 * are no problems at all.
 *
 * The file: a header row naming the columns — `month`, `amount`, and `line` and/or `category`
 * (or one `line or category` column); aliases listed in HEADER_ALIASES — or no header and exactly
 * the columns month, line or category, amount. Comma, semicolon or tab delimited; amounts with a
 * decimal comma or point (detected over the whole file), thousands separators and currency signs.
 *
 * Rules:
 * - The month must fall in the fiscal year being imported.
 * - A line is named by its id or its name (case-insensitive); a name shared by two lines of the
 *   year is refused as ambiguous. With a single "line or category" column, a text that names both
 *   a line and a category is refused as ambiguous.
 * - A category-level amount is shared among that category's lines of the year in proportion to
 *   their plan for that month (largest remainder, so the shares add up to the cent). With only one
 *   line in the category it all goes there; with several and no positive plan that month it is
 *   refused: there is no fair share, the user must name the line.
 * - A month may give amounts for a category's lines or one amount for the category, not both.
 * - The import SETS actuals: a line-month's actual becomes the sum of the file's amounts for it
 *   (several invoices may share a line and month). Re-importing the same file changes nothing.
 *   Months and lines the file does not mention keep their actuals.
 */
import { parseCsvText, type CsvDelimiter } from '../../import/csv';
import { calendarMonthOf, fiscalMonthIndex, fiscalYearMonths, fiscalYearOf } from '../periods';
import { detectDecimalSeparator, parseAmount, type DecimalSeparator } from './amounts';
import { BUDGET_CATEGORY_LABELS, matchCategory, normaliseKey } from './categories';
import type { BudgetCategory, BudgetLine } from './schema';

/** Largest accepted file: an actuals file has one row per line and month, so this is generous. */
export const ACTUALS_CSV_MAX_CHARS = 10 * 1024 * 1024;

export type ActualsField = 'file' | 'header' | 'row' | 'month' | 'line' | 'category' | 'amount';

export type ActualsProblem = {
  /** Line number in the file (1 = first line); 0 for a problem with the whole file. */
  row: number;
  field: ActualsField;
  reason: string;
  /** "row 7, amount: …" — ready to show. */
  message: string;
};

export type ActualsRow = {
  row: number;
  month: string;
  /** Set when the row names a line. */
  lineId: string | null;
  /** Set when the row names a category (shared among its lines). */
  category: BudgetCategory | null;
  amount: number;
};

export type ActualChange = {
  lineId: string;
  lineName: string;
  category: BudgetCategory;
  month: string;
  /** Fiscal month index 0–11 in the line's `actual` array. */
  index: number;
  previous: number | null;
  next: number;
  /** File rows that contributed. */
  rows: number[];
  /** True when some of the amount came from a category-level row. */
  allocated: boolean;
};

export type ParsedActuals = {
  fiscalYear: number;
  delimiter: CsvDelimiter | null;
  decimalSeparator: DecimalSeparator | null;
  /** Data rows read (blank lines not counted). */
  rowCount: number;
  rows: ActualsRow[];
  /** The changes that applying would make, by line (in the lines' order) then month. */
  changes: ActualChange[];
  problems: ActualsProblem[];
};

export type ActualsImportOptions = {
  fiscalYear: number;
  fiscalStartMonth: number;
  /** Minor-unit digits of the workspace currency (2 for most; 0 for JPY). */
  currencyDigits?: number;
  delimiter?: CsvDelimiter | 'auto';
  decimalSeparator?: DecimalSeparator | 'auto';
};

type Role = 'month' | 'line' | 'category' | 'lineOrCategory' | 'amount';

/** Accepted header names per column (compared lowercase with letters and digits only). */
export const HEADER_ALIASES: Record<Role, string[]> = {
  month: ['month', 'period', 'date', 'postingmonth', 'fiscalmonth'],
  line: ['line', 'budgetline', 'linename', 'lineid', 'budgetlineid', 'budgetlinename', 'name'],
  category: ['category', 'budgetcategory', 'costcategory'],
  lineOrCategory: ['lineorcategory', 'budgetlineorcategory'],
  amount: ['amount', 'actual', 'actuals', 'value', 'cost', 'spend', 'total'],
};

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A month cell as `YYYY-MM`: accepts 2026-03, 2026-3, 2026/03, 2026-03-15, 03/2026, 3.2026,
 * 202603, Mar 2026, March-2026, Mar-26. Null when it is none of these.
 */
export function parseMonthCell(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2}(?:[T ].*)?)?$/.exec(t))) {
    y = Number(r[1]);
    m = Number(r[2]);
  } else if ((r = /^(\d{1,2})[-/.](\d{4})$/.exec(t))) {
    y = Number(r[2]);
    m = Number(r[1]);
  } else if ((r = /^(\d{4})(\d{2})$/.exec(t))) {
    y = Number(r[1]);
    m = Number(r[2]);
  } else if ((r = /^([A-Za-z]{3,9})\.?[\s\-'/]*(\d{4}|\d{2})$/.exec(t))) {
    const name = (r[1] ?? '').toLowerCase();
    const k = MONTH_NAMES.findIndex(
      (n) => name.startsWith(n) && (name.length === 3 || fullMonthName(n).startsWith(name)),
    );
    if (k < 0) return null;
    const yy = r[2] ?? '';
    y = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
    m = k + 1;
  } else {
    return null;
  }
  if (m < 1 || m > 12 || y < 1990 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}

function fullMonthName(abbr: string): string {
  const full: Record<string, string> = {
    jan: 'january',
    feb: 'february',
    mar: 'march',
    apr: 'april',
    may: 'may',
    jun: 'june',
    jul: 'july',
    aug: 'august',
    sep: 'september',
    oct: 'october',
    nov: 'november',
    dec: 'december',
  };
  return full[abbr] ?? abbr;
}

/** Reads and checks the whole file against the fiscal year's lines; never throws, never writes. */
export function parseActualsCsv(
  text: string,
  lines: readonly BudgetLine[],
  options: ActualsImportOptions,
): ParsedActuals {
  const { fiscalYear, fiscalStartMonth } = options;
  const digits = options.currencyDigits ?? 2;
  const problems: ActualsProblem[] = [];
  const problem = (row: number, field: ActualsField, reason: string): void => {
    const where = row === 0 ? 'file' : `row ${row}`;
    problems.push({ row, field, reason, message: `${where}, ${field}: ${reason}` });
  };
  const result = (extra: Partial<ParsedActuals> = {}): ParsedActuals => ({
    fiscalYear,
    delimiter: null,
    decimalSeparator: null,
    rowCount: 0,
    rows: [],
    changes: [],
    problems,
    ...extra,
  });

  if (text.length > ACTUALS_CSV_MAX_CHARS) {
    problem(
      0,
      'file',
      `is larger than ${ACTUALS_CSV_MAX_CHARS / 1024 / 1024} MB; an actuals file has one row per line and month`,
    );
    return result();
  }
  const csv = parseCsvText(text, { delimiter: options.delimiter ?? 'auto' });
  if (!csv.ok) {
    problem(csv.error.line, 'file', csv.error.reason);
    return result();
  }
  const records = csv.rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length === 0) {
    problem(0, 'file', 'is empty');
    return result({ delimiter: csv.delimiter });
  }

  // Header or not: a first row whose first cell is a month is data in the default column order.
  const first = records[0];
  let columns: Partial<Record<Role, number>>;
  let data = records;
  if (first && parseMonthCell(first.fields[0] ?? '') !== null) {
    columns = { month: 0, lineOrCategory: 1, amount: 2 };
  } else if (first) {
    data = records.slice(1);
    columns = {};
    let headerOk = true;
    first.fields.forEach((cell, i) => {
      const raw = cell.trim();
      if (raw === '__proto__' || raw === 'constructor' || raw === 'prototype') {
        problem(first.line, 'header', `column "${raw}" is not allowed`);
        headerOk = false;
        return;
      }
      const key = normaliseKey(raw);
      const role = (Object.keys(HEADER_ALIASES) as Role[]).find((r) => HEADER_ALIASES[r].includes(key));
      if (!role) return; // Extra columns (a description, a vendor) are ignored.
      if (columns[role] !== undefined) {
        problem(
          first.line,
          'header',
          `two columns mean "${role}" ("${first.fields[columns[role] ?? 0] ?? ''}" and "${raw}")`,
        );
        headerOk = false;
        return;
      }
      columns[role] = i;
    });
    const missing: string[] = [];
    if (columns.month === undefined) missing.push('month');
    if (columns.amount === undefined) missing.push('amount');
    if (columns.line === undefined && columns.category === undefined && columns.lineOrCategory === undefined) {
      missing.push('line or category');
    }
    if (missing.length > 0) {
      problem(
        first.line,
        'header',
        `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; expected a header such as month,line,amount`,
      );
      headerOk = false;
    }
    if (!headerOk) return result({ delimiter: csv.delimiter });
  } else {
    return result();
  }

  // Decimal separator: one decision for the whole file.
  const amountCol = columns.amount ?? 2;
  let decimal: DecimalSeparator;
  if (options.decimalSeparator && options.decimalSeparator !== 'auto') {
    decimal = options.decimalSeparator;
  } else {
    const d = detectDecimalSeparator(
      data.map((r) => r.fields[amountCol] ?? ''),
      csv.delimiter,
    );
    if (d.separator === null) {
      problem(
        0,
        'amount',
        `amounts mix decimal commas ("${d.commaExample}") and decimal points ("${d.pointExample}"); use one style`,
      );
      return result({ delimiter: csv.delimiter, rowCount: data.length });
    }
    decimal = d.separator;
  }

  const yearLines = lines.filter((l) => l.fiscalYear === fiscalYear);
  const byId = new Map(yearLines.map((l) => [l.id, l]));
  const byName = new Map<string, BudgetLine[]>();
  for (const l of yearLines) {
    const k = l.name.trim().toLowerCase();
    byName.set(k, [...(byName.get(k) ?? []), l]);
  }
  const yearMonths = fiscalYearMonths(fiscalYear, fiscalStartMonth);
  const yearRange = `${yearMonths[0]} … ${yearMonths[11]}`;
  const needed = Math.max(...Object.values(columns).map((c) => c ?? 0)) + 1;

  const findLine = (text: string): { line: BudgetLine | null; ambiguous: number } => {
    const exact = byId.get(text.trim());
    if (exact) return { line: exact, ambiguous: 0 };
    const named = byName.get(text.trim().toLowerCase()) ?? [];
    return named.length === 1 ? { line: named[0] ?? null, ambiguous: 0 } : { line: null, ambiguous: named.length };
  };

  const rows: ActualsRow[] = [];
  for (const rec of data) {
    const rowNo = rec.line;
    const f = rec.fields;
    if (f.length < needed) {
      problem(rowNo, 'row', `has ${f.length} column${f.length === 1 ? '' : 's'}, expected at least ${needed}`);
      continue;
    }
    let ok = true;
    const monthText = (f[columns.month ?? 0] ?? '').trim();
    const month = parseMonthCell(monthText);
    if (month === null) {
      problem(rowNo, 'month', monthText === '' ? 'is empty' : `"${monthText}" is not a month (use YYYY-MM)`);
      ok = false;
    } else if (fiscalYearOf(month, fiscalStartMonth) !== fiscalYear) {
      problem(rowNo, 'month', `${month} is outside FY${fiscalYear} (${yearRange})`);
      ok = false;
    }

    let lineId: string | null = null;
    let category: BudgetCategory | null = null;
    const lineText = columns.line !== undefined ? (f[columns.line] ?? '').trim() : '';
    const catText = columns.category !== undefined ? (f[columns.category] ?? '').trim() : '';
    const eitherText = columns.lineOrCategory !== undefined ? (f[columns.lineOrCategory] ?? '').trim() : '';
    if (lineText !== '') {
      const found = findLine(lineText);
      if (found.line) {
        lineId = found.line.id;
        const cat = catText === '' ? null : matchCategory(catText);
        if (catText !== '' && cat !== found.line.category) {
          problem(
            rowNo,
            'category',
            `"${catText}" does not match line "${found.line.name}" (${BUDGET_CATEGORY_LABELS[found.line.category]})`,
          );
          ok = false;
        }
      } else {
        problem(rowNo, 'line', lineProblem(lineText, found.ambiguous, fiscalYear));
        ok = false;
      }
    } else if (catText !== '') {
      category = matchCategory(catText);
      if (category === null) {
        problem(rowNo, 'category', `"${catText}" is not a category (${categoryList()})`);
        ok = false;
      }
    } else if (eitherText !== '') {
      const found = findLine(eitherText);
      const cat = matchCategory(eitherText);
      if (found.line && cat) {
        problem(
          rowNo,
          'line',
          `"${eitherText}" names both a budget line and a category; use the line id, or a separate category column`,
        );
        ok = false;
      } else if (found.line) {
        lineId = found.line.id;
      } else if (cat) {
        category = cat;
      } else {
        problem(
          rowNo,
          'line',
          found.ambiguous > 1
            ? lineProblem(eitherText, found.ambiguous, fiscalYear)
            : `"${eitherText}" is neither a budget line of FY${fiscalYear} nor a category`,
        );
        ok = false;
      }
    } else {
      problem(rowNo, columns.category !== undefined && columns.line === undefined ? 'category' : 'line', 'is empty');
      ok = false;
    }
    if (category !== null && !yearLines.some((l) => l.category === category)) {
      problem(rowNo, 'category', `FY${fiscalYear} has no budget line in ${BUDGET_CATEGORY_LABELS[category]}`);
      ok = false;
    }

    const amountText = f[amountCol] ?? '';
    const amount = parseAmount(amountText, decimal, digits);
    if (!amount.ok) {
      problem(rowNo, 'amount', amount.reason);
      ok = false;
    }
    if (ok && month !== null && amount.ok) rows.push({ row: rowNo, month, lineId, category, amount: amount.minor });
  }

  // Sum per line-month, then share category amounts.
  type Acc = { amount: number; rows: number[]; allocated: boolean };
  const acc = new Map<string, Acc>();
  const addTo = (
    lineId: string,
    month: string,
    amount: number,
    fromRows: readonly number[],
    allocated: boolean,
  ): void => {
    const key = `${lineId}\u0000${month}`;
    const a = acc.get(key) ?? { amount: 0, rows: [], allocated: false };
    a.amount += amount;
    for (const row of fromRows) if (!a.rows.includes(row)) a.rows.push(row);
    a.allocated ||= allocated;
    acc.set(key, a);
  };
  const categoryTotals = new Map<string, { category: BudgetCategory; month: string; amount: number; rows: number[] }>();
  for (const r of rows) {
    if (r.lineId !== null) addTo(r.lineId, r.month, r.amount, [r.row], false);
    else if (r.category !== null) {
      const key = `${r.category}\u0000${r.month}`;
      const t = categoryTotals.get(key) ?? { category: r.category, month: r.month, amount: 0, rows: [] };
      t.amount += r.amount;
      t.rows.push(r.row);
      categoryTotals.set(key, t);
    }
  }
  for (const t of categoryTotals.values()) {
    const candidates = yearLines.filter((l) => l.category === t.category);
    const label = BUDGET_CATEGORY_LABELS[t.category];
    // A line amount and a category amount for the same category and month would leave it unclear
    // whether the category amount includes the line's: refuse rather than guess.
    const clash = candidates.map((l) => acc.get(`${l.id}\u0000${t.month}`)).find((a) => a !== undefined);
    if (clash) {
      for (const row of t.rows) {
        problem(
          row,
          'category',
          `row ${clash.rows[0] ?? 0} already gives a ${label} line for ${t.month}; give either line amounts or one category amount for a month`,
        );
      }
      continue;
    }
    const index = fiscalMonthIndex(t.month, fiscalStartMonth);
    const shares = shareByPlan(
      t.amount,
      candidates.map((l) => l.plan[index] ?? 0),
    );
    if (shares === null) {
      for (const row of t.rows) {
        problem(
          row,
          'category',
          `${label} has ${candidates.length} lines and none has a plan for ${t.month} to share the amount by; name the budget line instead`,
        );
      }
      continue;
    }
    candidates.forEach((l, k) => addTo(l.id, t.month, shares[k] ?? 0, t.rows, true));
  }

  const changes: ActualChange[] = [];
  for (const line of yearLines) {
    for (let i = 0; i < 12; i++) {
      const month = calendarMonthOf(fiscalYear, i, fiscalStartMonth);
      const a = acc.get(`${line.id}\u0000${month}`);
      if (!a) continue;
      if (Math.abs(a.amount) > 1e15) {
        problem(
          a.rows[0] ?? 0,
          'amount',
          `the amounts for "${line.name}" in ${month} add up to more than the largest amount allowed`,
        );
        continue;
      }
      changes.push({
        lineId: line.id,
        lineName: line.name,
        category: line.category,
        month,
        index: i,
        previous: line.actual[i] ?? null,
        next: a.amount,
        rows: [...a.rows].sort((x, y) => x - y),
        allocated: a.allocated,
      });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    fiscalYear,
    delimiter: csv.delimiter,
    decimalSeparator: decimal,
    rowCount: data.length,
    rows,
    changes,
    problems,
  };
}

/**
 * Splits `amount` in proportion to `weights` (only positive weights take a share), with the
 * largest-remainder method so the parts add up exactly; ties go to the earlier line. A single
 * candidate takes everything. Null when several candidates have no positive weight.
 */
export function shareByPlan(amount: number, weights: readonly number[]): number[] | null {
  if (weights.length === 1) return [amount];
  const positive = weights.map((w) => (w > 0 ? w : 0));
  const total = positive.reduce((s, w) => s + w, 0);
  if (total === 0) return null;
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  const exact = positive.map((w) => (abs * w) / total);
  const floors = exact.map(Math.floor);
  let left = abs - floors.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if ((positive[i] ?? 0) === 0) continue;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors.map((x) => (x === 0 ? 0 : sign * x));
}

export type ApplyActualsResult =
  { ok: true; lines: BudgetLine[]; changedLineIds: string[] } | { ok: false; problems: ActualsProblem[] };

/**
 * The lines with the parsed actuals written in — all or nothing: any problem in the parse (or a
 * change whose line is gone) returns the problems and no lines. Input lines are not mutated.
 */
export function applyActuals(lines: readonly BudgetLine[], parsed: ParsedActuals): ApplyActualsResult {
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const byId = new Map(lines.map((l) => [l.id, l]));
  const stale = parsed.changes.filter((c) => byId.get(c.lineId)?.fiscalYear !== parsed.fiscalYear);
  if (stale.length > 0) {
    return {
      ok: false,
      problems: stale.map((c) => ({
        row: c.rows[0] ?? 0,
        field: 'line' as const,
        reason: `budget line "${c.lineName}" no longer exists in FY${parsed.fiscalYear}; read the file again`,
        message: `row ${c.rows[0] ?? 0}, line: budget line "${c.lineName}" no longer exists in FY${parsed.fiscalYear}; read the file again`,
      })),
    };
  }
  const updates = new Map<string, (number | null)[]>();
  for (const c of parsed.changes) {
    const actual = updates.get(c.lineId) ?? [...(byId.get(c.lineId)?.actual ?? [])];
    actual[c.index] = c.next;
    updates.set(c.lineId, actual);
  }
  return {
    ok: true,
    lines: lines.map((l) => {
      const actual = updates.get(l.id);
      return actual ? { ...l, actual } : l;
    }),
    changedLineIds: [...updates.keys()],
  };
}

function lineProblem(text: string, ambiguous: number, fiscalYear: number): string {
  return ambiguous > 1
    ? `${ambiguous} budget lines of FY${fiscalYear} are named "${text}"; use the line id`
    : `no budget line of FY${fiscalYear} is named "${text}"`;
}

function categoryList(): string {
  return Object.values(BUDGET_CATEGORY_LABELS).join(', ');
}
