/**
 * Contract appendix (issue 6, item 7): the RACI matrix, escalation ladder and SLA targets agreed
 * with the partner, as a pdfmake document definition (pure) in the deck's look — same 16:9 page,
 * accent band, type scale and tables (header repeated on every page, rows never split). The
 * tables carry the same content as the governance CSV exports (shared/domain/governance/export).
 */
import type { DeckDocument } from './build-deck';
import { formatResponseMinutes } from '../domain/governance/escalation';
import { raciRows, escalationRows } from '../domain/governance/export';
import { sortParties, validateRaci } from '../domain/governance/raci';
import { SEVERITIES } from '../domain/governance/schema';
import type { WorkspaceData } from '../domain/tables';
import { formatters } from './format';
import {
  BAND_HEIGHT,
  COLORS,
  CONTENT_WIDTH,
  dataTable,
  deckStyles,
  emptyState,
  MARGIN,
  note,
  onAccent,
  PAGE,
  printable,
  printableTree,
  safeAccent,
  sectionTitle,
  TYPE,
  type Column,
  type DocNode,
} from './theme';

export const APPENDIX_TITLES = {
  raci: 'Responsibilities (RACI matrix)',
  escalation: 'Escalation ladder',
  sla: 'Service level targets',
} as const;

export type ContractAppendixOptions = {
  /** ISO timestamp of generation: the "as of" date and the PDF's creation date. */
  generatedAt: string;
  /** Accent colour (#RRGGBB); default: the latest QBR's theme colour, else the deck's navy. */
  accentColor?: string;
};

/** A pdfmake document definition: the deck's shape, without chart images. */
export type ContractAppendixDocument = Omit<DeckDocument, 'images'>;

const LETTER_WORDS: Record<string, string> = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed' };

/** The partner's name: the workspace's partner, else the first partner party, else "the partner". */
function partnerNameOf(data: WorkspaceData): string {
  const fromParties = sortParties(data.tables.parties).find((p) => p.kind === 'partner')?.name;
  return data.workspace.partnerName.trim() || fromParties || 'the partner';
}

function accentOf(data: WorkspaceData, explicit: string | undefined): string {
  if (explicit) return safeAccent(explicit);
  const latest = [...data.tables.qbrs].sort((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0))[0];
  return safeAccent(latest?.theme.accentColor ?? '');
}

const pct = (fmt: ReturnType<typeof formatters>, v: number) => fmt.pct(v, Number.isInteger(v) ? 0 : 1);

/** RACI page: lanes × parties with the written split, a legend and the check result. */
function raciSection(data: WorkspaceData): DocNode[] {
  const [head, ...rows] = raciRows(data);
  const partyNames = (head ?? []).slice(1, -1).map(String);
  if (rows.length === 0) return [emptyState('No service lanes are defined yet.')];
  // Party columns share what the lane and split columns leave, within 60–90 pt each.
  const partyWidth = Math.max(
    60,
    Math.min(90, Math.floor((CONTENT_WIDTH - 150 - 300) / Math.max(1, partyNames.length))),
  );
  const columns: Column[] = [
    { header: 'Service lane', width: 150 },
    ...partyNames.map((name) => ({ header: name, width: partyWidth, align: 'center' as const })),
    { header: 'Split of responsibility', width: '*' },
  ];
  const body: DocNode[][] = rows.map((r) => [
    { text: String(r[0] ?? ''), color: COLORS.ink, bold: true },
    ...r
      .slice(1, -1)
      .map((c) =>
        c === '' ? { text: '\u2014', color: COLORS.faint } : { text: String(c), bold: true, color: COLORS.ink },
      ),
    r[r.length - 1] ? String(r[r.length - 1]) : { text: '\u2014', color: COLORS.faint },
  ]);
  const check = validateRaci(data.tables.raciActivities, data.tables.raciAssignments, data.tables.parties);
  const legend = Object.entries(LETTER_WORDS)
    .map(([l, w]) => `${l} = ${w}`)
    .join('   ');
  return [
    note(
      'Who is Responsible (does the work), Accountable (owns the outcome; exactly one per lane), Consulted and Informed for each service lane. Where two parties are Responsible, the split says who does what.',
      [0, 0, 0, 8],
    ),
    dataTable(columns, body, { fontSize: 8.5, dense: true }),
    note(legend, [0, 6, 0, 0]),
    check.issues.length === 0
      ? note(
          `Checked: all ${check.summary.lanes} lanes have exactly one Accountable and at least one Responsible party.`,
        )
      : {
          stack: [
            {
              text: `${check.issues.length} open ${check.issues.length === 1 ? 'point' : 'points'} to settle before signing:`,
              style: 'small',
              bold: true,
              color: COLORS.worse,
              margin: [0, 6, 0, 2],
            },
            { ul: check.issues.map((i) => ({ text: i.message, style: 'small' })) },
          ],
        },
  ];
}

/** Escalation page: each severity's steps with party, contact role and response target. */
function escalationSection(data: WorkspaceData): DocNode[] {
  const [, ...rows] = escalationRows(data);
  if (rows.length === 0) return [emptyState('No escalation ladder is defined yet.')];
  let previous = '';
  const body: DocNode[][] = rows.map((r) => {
    const severity = String(r[0]);
    const first = severity !== previous;
    previous = severity;
    return [
      first ? { text: severity, bold: true, color: COLORS.ink } : '',
      String(r[1]),
      String(r[2]),
      { text: String(r[3]), color: COLORS.ink },
      formatResponseMinutes(Number(r[4])),
    ];
  });
  return [
    note(
      'Who is called, in which order, for each severity. Response targets count from when the incident is raised; each step is called when the one before has not responded in its time.',
      [0, 0, 0, 8],
    ),
    dataTable(
      [
        { header: 'Severity', width: 70 },
        { header: 'Step', width: 40, align: 'right' },
        { header: 'Party', width: 220 },
        { header: 'Contact role', width: '*' },
        { header: 'Response target', width: 110, align: 'right' },
      ],
      body,
      { fontSize: 9 },
    ),
  ];
}

/** SLA page: response and resolution targets and the attainment goal per party and priority. */
function slaSection(data: WorkspaceData): DocNode[] {
  const fmt = formatters('USD', data.workspace.locale || 'en-US');
  const parties = sortParties(data.tables.parties);
  const order = new Map(parties.map((p, i) => [p.id, i]));
  const names = new Map(parties.map((p) => [p.id, p.name]));
  type Row = { partyId: string; priority: string; response: number[]; resolution: number[]; goals: number[] };
  const grouped = new Map<string, Row>();
  for (const t of data.tables.slaTargets) {
    const key = `${t.partyId}\u0000${t.priority}`;
    const row = grouped.get(key) ?? {
      partyId: t.partyId,
      priority: t.priority,
      response: [],
      resolution: [],
      goals: [],
    };
    row[t.metric].push(t.targetMinutes);
    if (!row.goals.includes(t.targetAttainmentPct)) row.goals.push(t.targetAttainmentPct);
    grouped.set(key, row);
  }
  const rows = [...grouped.values()].sort(
    (a, b) =>
      (order.get(a.partyId) ?? Infinity) - (order.get(b.partyId) ?? Infinity) ||
      SEVERITIES.indexOf(a.priority as (typeof SEVERITIES)[number]) -
        SEVERITIES.indexOf(b.priority as (typeof SEVERITIES)[number]),
  );
  if (rows.length === 0) return [emptyState('No SLA targets are defined yet.')];
  // Two targets for one metric: the stricter (shorter) one is the commitment.
  const minutes = (list: number[]) =>
    list.length === 0 ? { text: 'not set', color: COLORS.faint } : formatResponseMinutes(Math.min(...list));
  let previous = '';
  const body: DocNode[][] = rows.map((r) => {
    const first = r.partyId !== previous;
    previous = r.partyId;
    return [
      first ? { text: names.get(r.partyId) ?? 'Unknown party', bold: true, color: COLORS.ink } : '',
      { text: r.priority, color: COLORS.ink },
      minutes(r.response),
      minutes(r.resolution),
      [...r.goals]
        .sort((a, b) => b - a)
        .map((g) => pct(fmt, g))
        .join(' / '),
    ];
  });
  return [
    note(
      'Targets per ticket priority, in wall-clock time from when the ticket is opened. The attainment goal is the share of tickets in a quarter that must meet the resolution target.',
      [0, 0, 0, 8],
    ),
    dataTable(
      [
        { header: 'Party', width: 260 },
        { header: 'Priority', width: 70 },
        { header: 'First response', width: 130, align: 'right' },
        { header: 'Resolution', width: 130, align: 'right' },
        { header: 'Attainment goal', width: '*', align: 'right' },
      ],
      body,
      { fontSize: 9 },
    ),
  ];
}

/** The contract appendix as a pdfmake document definition (pure; no images, no remote resources). */
export function buildContractAppendix(data: WorkspaceData, opts: ContractAppendixOptions): ContractAppendixDocument {
  const accent = accentOf(data, opts.accentColor);
  const ws = data.workspace;
  const partner = partnerNameOf(data);
  const generated = new Date(opts.generatedAt);
  const valid = !Number.isNaN(generated.getTime());
  const asOf = formatters('USD', ws.locale || 'en-US').date(valid ? opts.generatedAt.slice(0, 10) : null);
  // The names are in the header line on the right; the kicker stays short so the two never meet.
  const kicker = `Contract appendix  \u00B7  as of ${asOf}`;
  const pages: DocNode[][] = [
    [sectionTitle(APPENDIX_TITLES.raci, kicker, { outline: true }), ...raciSection(data)],
    [sectionTitle(APPENDIX_TITLES.escalation, kicker, { outline: true }), ...escalationSection(data)],
    [sectionTitle(APPENDIX_TITLES.sla, kicker, { outline: true }), ...slaSection(data)],
  ];
  const content: DocNode[] = printableTree(
    pages.map((nodes, i) => (i === 0 ? { stack: nodes } : { stack: nodes, pageBreak: 'before' })),
  );
  const ink = onAccent(accent);
  const orgLine = printable(`${ws.name}  \u00D7  ${partner}`);
  return {
    pageSize: { width: PAGE.width, height: PAGE.height },
    pageOrientation: 'landscape',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: {
      title: printable(`${ws.name} \u2014 Contract appendix: RACI, escalation and service levels`),
      author: printable(ws.name),
      subject: printable(`Responsibilities, escalation ladder and SLA targets agreed with ${partner}, as of ${asOf}`),
      creator: 'Quarterdeck',
      producer: 'Quarterdeck (pdfmake)',
      keywords: printable(['contract appendix', 'RACI', 'escalation', 'SLA', ws.name, partner].join(', ')),
      creationDate: valid ? generated : new Date(0),
    },
    language: ws.locale || 'en-US',
    defaultStyle: { font: 'Roboto', fontSize: TYPE.body, color: COLORS.body, lineHeight: 1.15 },
    styles: deckStyles(accent),
    content,
    background: () => ({ canvas: [{ type: 'rect', x: 0, y: 0, w: PAGE.width, h: BAND_HEIGHT, color: accent }] }),
    header: () => ({
      text: orgLine,
      alignment: 'right',
      fontSize: TYPE.small,
      color: ink.soft,
      margin: [MARGIN.left, 17, MARGIN.right, 0],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN.left, 14, MARGIN.right, 0],
      columns: [
        {
          text: printable(`Contract appendix \u00B7 ${ws.name} \u00B7 as of ${asOf} \u00B7 Confidential`),
          fontSize: TYPE.small - 0.5,
          color: COLORS.faint,
        },
        {
          text: `${currentPage} / ${pageCount}`,
          alignment: 'right',
          fontSize: TYPE.small,
          color: COLORS.muted,
          width: 80,
        },
      ],
    }),
  };
}

/** `<org>-contract-appendix-<YYYY-MM-DD>.pdf`, safe for file systems. */
export function contractAppendixFileName(workspaceName: string, generatedAt: string): string {
  const safe =
    workspaceName
      .normalize('NFKD')
      .replace(/[^\w\s.-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'Quarterdeck';
  return `${safe}-contract-appendix-${generatedAt.slice(0, 10)}.pdf`;
}
