/**
 * `quarterdeck kpis --tickets FILE …`: imports a ticket export with the same shared/ code as the app
 * and prints the SPEC §3.6 KPIs per month or quarter, overall and split by priority and party.
 * `--json` prints unrounded numbers; otherwise an aligned table. Bad input: one line naming the file,
 * row, field and reason, and a non-zero exit code.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  computeTicketKpisFromColumns,
  contactFcr,
  kpiValues,
  ticketKpisToJson,
  type TicketKpiResult,
  type TicketKpiValues,
} from '../../shared/domain/kpis/ticket-kpis';
import type { PartyRuleLike } from '../../shared/domain/tickets/party-rules';
import { parseDateFormatOption, type DateOrder } from '../../shared/import/dates';
import { isPresetName, isTicketField, PRESET_NAMES, type TicketField } from '../../shared/import/presets';
import {
  createTicketImporter,
  TicketImportError,
  type TicketImportOptions,
  type TicketImportResult,
} from '../../shared/import/ticket-importer';
import { CliError, type CliCommand, type CliIo } from '../io';

/** SEC-12: ticket exports above this size are refused before reading. */
export const MAX_TICKET_FILE_BYTES = 100 * 1024 * 1024;

const USAGE = `Usage: quarterdeck kpis --tickets FILE [options]

Imports a ticket export (CSV) and prints the ticket KPIs of SPEC §3.6 per period.

Options:
  --tickets FILE          the ticket export (CSV, up to 100 MB)
  --preset P              ${PRESET_NAMES.join('|')}|auto (default auto)
  --map field=Column      map a ticket field to a column by hand (repeatable); fields: ticketId,
                          openedAt, resolvedAt, closedAt, updatedAt, reopenedAt, priority, status,
                          category, assignmentGroup, slaMet, firstContactResolved, reopenCount
  --date-format F         dmy | mdy | iso, or a pattern such as dd/mm/yyyy or m/d/yyyy h:mm AM/PM
  --delimiter D           , | ; | tab (default: detected)
  --decimal S             auto | . | , — decimal separator of number cells (default auto: 1.5 and 1,5
                          both read); forced, a value only readable with the other one rejects its row
  --period month|quarter  default quarter
  --fiscal-start M        first month (1-12) of the fiscal year: fiscal quarters (default 1 = calendar)
  --interactions FILE     service-desk contacts with a first-contact flag (e.g. HP SM interactions):
                          first-contact resolution is computed from them
  --party-rule P=PARTY    assignment groups containing P (case-insensitive) belong to PARTY (repeatable,
                          tried in order)
  --strict                exit 1 when any row is rejected
  --json                  print JSON (unrounded numbers)`;

type Parsed = {
  tickets: string;
  interactions: string | null;
  options: TicketImportOptions;
  period: 'month' | 'quarter';
  fiscalStart: number;
  json: boolean;
  strict: boolean;
  dateOrderGiven: boolean;
};

function parse(argv: string[]): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        tickets: { type: 'string' },
        preset: { type: 'string' },
        map: { type: 'string', multiple: true },
        'date-format': { type: 'string' },
        delimiter: { type: 'string' },
        decimal: { type: 'string' },
        period: { type: 'string' },
        'fiscal-start': { type: 'string' },
        interactions: { type: 'string' },
        'party-rule': { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}. Run quarterdeck kpis --help.`, 2);
  }
  if (!values.tickets) throw new CliError('--tickets FILE is required. Run quarterdeck kpis --help.', 2);
  const preset = values.preset ?? 'auto';
  if (preset !== 'auto' && !isPresetName(preset)) {
    throw new CliError(`--preset must be one of ${PRESET_NAMES.join(', ')} or auto, not "${preset}"`, 2);
  }
  const map: Partial<Record<TicketField, string>> = {};
  for (const m of values.map ?? []) {
    const eq = m.indexOf('=');
    const field = eq > 0 ? m.slice(0, eq).trim() : '';
    if (!isTicketField(field)) {
      throw new CliError(`--map expects field=Column with a known field (e.g. openedAt=Created), not "${m}"`, 2);
    }
    map[field] = m.slice(eq + 1).trim();
  }
  let dateOrder: DateOrder | undefined;
  if (values['date-format'] !== undefined) {
    const o = parseDateFormatOption(values['date-format']);
    if (!o)
      throw new CliError(`--date-format "${values['date-format']}" does not say the order of day, month and year`, 2);
    dateOrder = o;
  }
  let delimiter: TicketImportOptions['delimiter'] = 'auto';
  if (values.delimiter !== undefined) {
    const d = values.delimiter;
    if (d === ',' || d === 'comma') delimiter = ',';
    else if (d === ';' || d === 'semicolon') delimiter = ';';
    else if (d === '\t' || d === 'tab' || d === '\\t') delimiter = '\t';
    else throw new CliError(`--delimiter must be , ; or tab, not "${d}"`, 2);
  }
  let decimalSeparator: TicketImportOptions['decimalSeparator'] = 'auto';
  if (values.decimal !== undefined) {
    const d = values.decimal;
    if (d === 'auto') decimalSeparator = 'auto';
    else if (d === '.' || d === 'point' || d === 'dot') decimalSeparator = '.';
    else if (d === ',' || d === 'comma') decimalSeparator = ',';
    else throw new CliError(`--decimal must be auto, . or , (point or comma), not "${d}"`, 2);
  }
  const period = values.period ?? 'quarter';
  if (period !== 'month' && period !== 'quarter')
    throw new CliError(`--period must be month or quarter, not "${period}"`, 2);
  const fs = values['fiscal-start'] === undefined ? 1 : Number(values['fiscal-start']);
  if (!Number.isInteger(fs) || fs < 1 || fs > 12) {
    throw new CliError(`--fiscal-start must be a month number 1-12, not "${values['fiscal-start']}"`, 2);
  }
  const partyRules: PartyRuleLike[] = (values['party-rule'] ?? []).map((r, i) => {
    const eq = r.lastIndexOf('=');
    if (eq <= 0 || eq === r.length - 1) throw new CliError(`--party-rule expects PATTERN=PARTY, not "${r}"`, 2);
    return { pattern: r.slice(0, eq), partyId: r.slice(eq + 1), order: i };
  });
  return {
    tickets: values.tickets,
    interactions: values.interactions ?? null,
    options: { preset, map, delimiter, decimalSeparator, dateOrder, partyRules },
    period,
    fiscalStart: fs,
    json: values.json === true,
    strict: values.strict === true,
    dateOrderGiven: dateOrder !== undefined,
  };
}

/** Size check before reading (SEC-12); returns the absolute path. */
function checkFile(file: string, io: CliIo): string {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    throw new CliError(
      `${file}: cannot read the file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`,
    );
  }
  if (size > MAX_TICKET_FILE_BYTES) {
    throw new CliError(
      `${file}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; ticket exports are limited to 100 MB — export a shorter date range`,
    );
  }
  return path;
}

async function runImport(path: string, options: TicketImportOptions): Promise<TicketImportResult> {
  const importer = createTicketImporter(options);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) importer.push(chunk as Uint8Array);
  return importer.finish();
}

/** Imports one file; when the first rows leave day/month ambiguous, reads the whole file to decide. */
async function importFile(
  file: string,
  path: string,
  options: TicketImportOptions,
  orderGiven: boolean,
): Promise<TicketImportResult> {
  try {
    try {
      return await runImport(path, options);
    } catch (e) {
      if (!(e instanceof TicketImportError) || e.code !== 'ambiguous-dates' || orderGiven) throw e;
      const scan = await runImport(path, { ...options, scanOnly: true });
      const orders = Object.values(scan.settings.dateFormats).map((f) => f.order);
      const order = orders.find((o) => o !== 'ymd');
      return await runImport(path, { ...options, dateOrder: order });
    }
  } catch (e) {
    if (e instanceof TicketImportError) {
      const where = [e.row !== null ? `row ${e.row}` : '', e.field ? `field ${e.field}` : '']
        .filter(Boolean)
        .join(', ');
      throw new CliError(`${file}: ${where ? `${where}: ` : ''}${e.reason}`);
    }
    throw e;
  }
}

function fmt(v: number | null, digits: number): string {
  return v === null ? '—' : v.toFixed(digits);
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function kpiRow(label: string, v: TicketKpiValues): string[] {
  return [
    label,
    String(v.tickets_opened),
    String(v.tickets_resolved),
    String(v.backlog),
    fmt(v.mttr_hours, 1),
    fmt(v.median_ttr_hours, 1),
    fmt(v.sla_attainment, 1),
    fmt(v.fcr, 1),
    fmt(v.reopen_rate, 1),
  ];
}

const KPI_HEADERS = ['period', 'opened', 'resolved', 'backlog', 'MTTR h', 'median h', 'SLA %', 'FCR %', 'reopen %'];

/** A segment split as a compact table: one row per period, one column per segment, for one KPI. */
function splitTable(
  kpis: TicketKpiResult,
  by: 'byPriority' | 'byParty',
  key: keyof TicketKpiValues,
  digits: number,
): string {
  const segs = new Set<string>();
  for (const p of kpis.periods.values()) for (const k of p[by].keys()) segs.add(k);
  const cols = [...segs].sort();
  const rows = [...kpis.periods.entries()].map(([period, p]) => [
    period,
    ...cols.map((c) => {
      const s = p[by].get(c);
      return s ? fmt(s[key], digits) : '—';
    }),
  ]);
  return table(['period', ...cols], rows);
}

function readable(
  file: string,
  imp: TicketImportResult,
  kpis: TicketKpiResult,
  contacts: { file: string; result: TicketImportResult; fcr: ReturnType<typeof contactFcr> } | null,
): string {
  const s = imp.settings;
  const out: string[] = [];
  out.push(
    `${basename(file)}: ${imp.ticketCount.toLocaleString('en-US')} tickets from ${imp.rowsRead.toLocaleString('en-US')} rows` +
      (imp.rejectedRows ? `, ${imp.rejectedRows.toLocaleString('en-US')} rejected` : ''),
  );
  const formats = [...new Set(Object.values(s.dateFormats).map((f) => f.label))].join(', ');
  out.push(
    `preset ${s.preset} · ${s.encoding}${s.bom ? ' (BOM)' : ''} · delimiter ${s.delimiter === '\t' ? 'tab' : `"${s.delimiter}"`}` +
      `${s.decimalComma ? ' · decimal comma' : ''} · dates ${formats || 'none'}`,
  );
  const issues = Object.entries(imp.dataIssues);
  if (issues.length) out.push(`data issues: ${issues.map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
  if (contacts) {
    out.push(
      `${basename(contacts.file)}: ${contacts.result.ticketCount.toLocaleString('en-US')} contacts, first-contact resolution ` +
        `${contacts.fcr.yes.toLocaleString('en-US')} / ${contacts.fcr.flagged.toLocaleString('en-US')} = ${fmt(contacts.fcr.fcr, 2)} %`,
    );
  }
  out.push('');
  out.push(
    table(
      KPI_HEADERS,
      [...kpis.periods.entries()].map(([k, v]) => kpiRow(k, kpiValues(v))),
    ),
  );
  out.push('', 'Tickets resolved by priority', splitTable(kpis, 'byPriority', 'tickets_resolved', 0));
  out.push('', 'MTTR hours by priority', splitTable(kpis, 'byPriority', 'mttr_hours', 1));
  const hasParty = [...kpis.periods.values()].some((p) => p.byParty.size > 0);
  if (hasParty) {
    out.push('', 'Tickets resolved by party', splitTable(kpis, 'byParty', 'tickets_resolved', 0));
    out.push('', 'MTTR hours by party', splitTable(kpis, 'byParty', 'mttr_hours', 1));
  }
  return out.join('\n');
}

export const command: CliCommand = {
  summary: 'ticket KPIs from a ticket export',
  usage: USAGE,
  async run(argv, io) {
    const args = parse(argv);
    const ticketsPath = checkFile(args.tickets, io);
    const contactsPath = args.interactions ? checkFile(args.interactions, io) : null;
    const imp = await importFile(args.tickets, ticketsPath, args.options, args.dateOrderGiven);
    let contacts: { file: string; result: TicketImportResult; fcr: ReturnType<typeof contactFcr> } | null = null;
    if (args.interactions && contactsPath) {
      const result = await importFile(
        args.interactions,
        contactsPath,
        { partyRules: args.options.partyRules, dateOrder: args.options.dateOrder },
        args.dateOrderGiven,
      );
      const fcr = contactFcr(Array.from(result.columns.fcr, (f) => ({ firstContactResolved: f < 0 ? null : f === 1 })));
      if (fcr.flagged === 0) {
        throw new CliError(
          `${args.interactions}: no first-contact flag found (mapped columns: ${Object.values(result.settings.mapping).join(', ')})`,
        );
      }
      contacts = { file: args.interactions, result, fcr };
    }
    const kpis = computeTicketKpisFromColumns(imp.columns, {
      period: args.period,
      fiscalStartMonth: args.fiscalStart,
      contacts: contacts ? contacts.result.columns : undefined,
    });
    for (const r of imp.rejected.slice(0, args.json ? 0 : 5)) {
      io.err(`${args.tickets}: row ${r.row}, field ${r.field}${r.column ? ` (${r.column})` : ''}: ${r.reason}`);
    }
    if (imp.rejectedRows > 5 && !args.json) io.err(`${args.tickets}: … ${imp.rejectedRows - 5} more rejected rows`);
    if (args.json) {
      const out = {
        file: basename(args.tickets),
        settings: {
          preset: imp.settings.preset,
          encoding: imp.settings.encoding,
          bom: imp.settings.bom,
          delimiter: imp.settings.delimiter,
          decimalComma: imp.settings.decimalComma,
          decimalSeparator: imp.settings.decimalSeparator,
          mapping: imp.settings.mapping,
          dateFormats: imp.settings.dateFormats,
          headerWarnings: imp.settings.headerWarnings,
        },
        tickets: imp.ticketCount,
        rows: imp.rowsRead,
        rejectedRows: imp.rejectedRows,
        rejected: imp.rejected.slice(0, 20),
        shortRows: imp.shortRows.count,
        dataIssues: imp.dataIssues,
        period: args.period,
        fiscalStartMonth: args.fiscalStart,
        interactions: contacts
          ? {
              file: basename(contacts.file),
              rows: contacts.result.rowsRead,
              contacts: contacts.result.ticketCount,
              rejectedRows: contacts.result.rejectedRows,
              fcrFlagged: contacts.fcr.flagged,
              fcrYes: contacts.fcr.yes,
              fcr: contacts.fcr.fcr,
            }
          : null,
        periods: ticketKpisToJson(kpis),
      };
      io.out(JSON.stringify(out, null, 2));
    } else {
      io.out(readable(args.tickets, imp, kpis, contacts));
    }
    if (args.strict && imp.rejectedRows > 0) {
      const r = imp.rejected[0]!;
      io.err(
        `${args.tickets}: row ${r.row}, field ${r.field}: ${r.reason} (--strict: ${imp.rejectedRows} rejected rows)`,
      );
      return 1;
    }
    return 0;
  },
};
