/** Front of the deck: cover, agenda, decisions requested, executive summary, action items. */
import type { ActionRow } from './model';
import { chartImage, logoImage, serviceKpis, securityKpis, type RenderCtx } from './context';
import { CHART_IDS, CHART_SIZE } from './deck-charts';
import { SECTION_TITLES, type DeckPreset } from './sections';
import {
  callout,
  calloutRow,
  COLORS,
  CONTENT_WIDTH,
  dataTable,
  emptyState,
  GUTTER,
  h2,
  MARGIN,
  note,
  onAccent,
  PAGE,
  ragChip,
  ragColor,
  sectionTitle,
  TYPE,
  type DocNode,
} from './theme';
import type { DeckSectionKey } from '../domain/qbr/schema';

export type Page = DocNode[];

/** The first page of a section: title in the band, bookmarked. */
export function titled(ctx: RenderCtx, title: string, nodes: DocNode[], outline = true): Page {
  const kicker = `${ctx.model.meta.quarterLabel}  \u00B7  ${ctx.model.meta.quarterSpan}`;
  return [sectionTitle(title, kicker, { outline }), ...nodes];
}

const RAG_WORD = { green: 'Green', amber: 'Amber', red: 'Red', none: 'No rating' } as const;

// ---------------------------------------------------------------------------------------------

/** Cover: organisation, partner, quarter, meeting date, attendees by party, logos. */
export function coverPages(ctx: RenderCtx): Page[] {
  const m = ctx.model;
  const ink = onAccent(ctx.accent);
  const org = logoImage(ctx, 'orgLogo', [150, 56]);
  const partner = logoImage(ctx, 'partnerLogo', [150, 56]);
  const logos: DocNode[] = [];
  for (const l of [org, partner]) {
    if (!l) continue;
    logos.push({
      table: {
        dontBreakRows: true,
        widths: [160],
        heights: [62],
        body: [[{ stack: [l], alignment: 'center', fillColor: COLORS.white }]],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    });
  }
  const byParty = new Map<string, { name: string; role: string }[]>();
  for (const a of m.qbr.attendees) {
    const list = byParty.get(a.party) ?? [];
    list.push({ name: a.name, role: a.role });
    byParty.set(a.party, list);
  }
  const status =
    m.qbr.status === 'closed'
      ? `Closed ${ctx.fmt.date(m.qbr.closedAt ? m.qbr.closedAt.slice(0, 10) : null)} \u00B7 figures frozen in the quarter's snapshot`
      : 'Draft \u00B7 figures as of the data in the workspace';
  const attendeeColumns: DocNode[] = [...byParty.entries()].slice(0, 4).map(([party, people]) => ({
    width: '*',
    stack: [
      { text: party.toUpperCase(), style: 'th', margin: [0, 0, 0, 6] },
      ...people.slice(0, 8).map((p) => ({
        text: [
          { text: p.name, bold: true, color: COLORS.ink },
          { text: p.role ? `  ${p.role}` : '', color: COLORS.muted },
        ],
        fontSize: TYPE.body,
        margin: [0, 0, 0, 3],
      })),
    ],
  }));
  return [
    [
      {
        absolutePosition: { x: MARGIN.left + 8, y: 70 },
        stack: [
          {
            text: 'QUARTERLY BUSINESS REVIEW',
            fontSize: 10,
            characterSpacing: 2,
            color: ink.soft,
            outline: true,
            outlineText: 'Cover',
          },
          {
            text: m.meta.workspaceName,
            fontSize: TYPE.coverTitle,
            bold: true,
            color: ink.strong,
            margin: [0, 10, 0, 0],
          },
          ...(m.meta.partnerName
            ? [{ text: `with ${m.meta.partnerName}`, fontSize: 16, color: ink.soft, margin: [0, 4, 0, 0] }]
            : []),
          {
            text: `${m.meta.quarterLabel}  \u00B7  ${m.meta.quarterSpan}`,
            fontSize: 15,
            bold: true,
            color: ink.strong,
            margin: [0, 28, 0, 0],
          },
          { text: `Meeting on ${ctx.fmt.date(m.qbr.date)}`, fontSize: 11, color: ink.soft, margin: [0, 4, 0, 0] },
          { text: m.qbr.title, fontSize: 11, color: ink.soft, margin: [0, 2, 0, 0] },
        ],
      },
      ...(logos.length > 0 ? [{ absolutePosition: { x: PAGE.width - MARGIN.right - 160, y: 64 }, stack: logos }] : []),
      {
        absolutePosition: { x: MARGIN.left + 8, y: 352 },
        stack: [
          { text: 'ATTENDEES', style: 'th', color: ctx.accentText, margin: [0, 0, 0, 10] },
          attendeeColumns.length > 0
            ? { columns: attendeeColumns, columnGap: GUTTER, width: CONTENT_WIDTH - 16 }
            : emptyState('Add attendees in the QBR editor.'),
          { text: status, style: 'small', margin: [0, 18, 0, 0] },
        ],
      },
    ],
  ];
}

// ---------------------------------------------------------------------------------------------

function clock(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
}

/** Agenda with timings, or the deck's own section list when the QBR has no agenda yet. */
export function agendaPages(ctx: RenderCtx, sections: readonly DeckSectionKey[]): Page[] {
  const m = ctx.model;
  const items =
    m.qbr.agenda.length > 0
      ? m.qbr.agenda.map((a) => ({
          title: a.title,
          time: `${clock(a.startsAtMinute)}\u2013${clock(a.startsAtMinute + a.minutes)}`,
          minutes: `${a.minutes} min`,
        }))
      : sections
          .filter((k) => k !== 'cover' && k !== 'agenda')
          .map((k) => ({ title: SECTION_TITLES[k], time: '', minutes: '' }));
  const total = m.qbr.agenda.reduce((s, a) => s + a.minutes, 0);
  const rows: DocNode[] = items.map((it, i) => ({
    columns: [
      { width: 34, text: String(i + 1).padStart(2, '0'), fontSize: 15, bold: true, color: ctx.accentText },
      { width: '*', text: it.title, fontSize: 13, color: COLORS.ink, margin: [0, 1, 0, 0] },
      { width: 90, text: it.time, fontSize: TYPE.body, color: COLORS.muted, alignment: 'right', margin: [0, 3, 0, 0] },
      {
        width: 60,
        text: it.minutes,
        fontSize: TYPE.body,
        color: COLORS.muted,
        alignment: 'right',
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [0, 0, 0, items.length > 10 ? 6 : 11],
  }));
  const glanceValue = (v: string, label: string) => callout(v, label, ctx.accent);
  const doneQ = m.roadmap.doneThisQuarter.length;
  return [
    titled(ctx, SECTION_TITLES.agenda, [
      {
        columns: [
          {
            width: '*',
            stack: [
              ...rows,
              ...(total > 0 ? [note(`Total ${total} minutes`, [34, 4, 0, 0])] : []),
              ...(m.qbr.agenda.length === 0 ? [note('Agenda timings are set in the QBR editor.', [34, 4, 0, 0])] : []),
            ],
          },
          {
            width: 250,
            stack: [
              { text: 'AT A GLANCE', style: 'th', margin: [0, 0, 0, 8] },
              glanceValue(RAG_WORD[m.health.overall], 'Overall health'),
              { text: '', margin: [0, 0, 0, 10] },
              glanceValue(String(m.decisions.length), 'Decisions requested'),
              { text: '', margin: [0, 0, 0, 10] },
              glanceValue(String(doneQ), 'Roadmap items done this quarter'),
            ],
          },
        ],
        columnGap: 48,
        margin: [0, 10, 0, 0],
      },
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Decisions requested: what the board is asked, the recommendation and why. */
export function decisionPages(ctx: RenderCtx): Page[] {
  const ds = ctx.model.decisions;
  if (ds.length === 0) {
    return [
      titled(ctx, SECTION_TITLES.decisions, [
        emptyState('No decisions are requested this quarter. Flag roadmap items "needs decision" to list them here.'),
      ]),
    ];
  }
  const cards = ds.slice(0, 3).map((d, i) => {
    const others = d.options.filter((o) => o !== d.recommendedOption);
    return {
      table: {
        dontBreakRows: true,
        widths: [36, '*', 300],
        body: [
          [
            { text: String(i + 1), fontSize: 20, bold: true, color: ctx.accentText, margin: [0, 2, 0, 0] },
            {
              stack: [
                { text: d.text, fontSize: 13, bold: true, color: COLORS.ink, lineHeight: 1.15 },
                ...(d.rationale ? [{ text: d.rationale, style: 'body', margin: [0, 5, 0, 0] }] : []),
                {
                  text: [
                    ...(d.linkedItems.length > 0 ? [{ text: `Roadmap: ${d.linkedItems.join(', ')}` }] : []),
                    ...(d.date
                      ? [{ text: `${d.linkedItems.length > 0 ? '   \u00B7   ' : ''}Requested ${ctx.fmt.date(d.date)}` }]
                      : []),
                  ],
                  style: 'small',
                  margin: [0, 6, 0, 0],
                },
              ],
            },
            {
              stack: [
                { text: 'RECOMMENDATION', style: 'th', color: ctx.accentText },
                {
                  text: d.recommendedOption || 'No recommendation recorded',
                  fontSize: 11.5,
                  bold: true,
                  color: COLORS.ink,
                  margin: [0, 3, 0, 0],
                },
                ...(others.length > 0
                  ? [
                      { text: 'OTHER OPTIONS', style: 'th', margin: [0, 8, 0, 2] },
                      { ul: others, fontSize: TYPE.table, color: COLORS.body, markerColor: COLORS.faint },
                    ]
                  : []),
              ],
              fillColor: COLORS.panel,
            },
          ],
        ],
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: (c: number) => (c === 2 ? 12 : 0),
        paddingRight: (c: number) => (c === 1 ? 18 : 10),
        paddingTop: () => 10,
        paddingBottom: () => 10,
      },
      margin: [0, 0, 0, 10],
    };
  });
  const rest = ds.slice(3);
  const extra: DocNode[] =
    rest.length > 0
      ? [
          h2('Also requested', [0, 4, 0, 4]),
          dataTable(
            [
              { header: '#', width: 20 },
              { header: 'Decision', width: '*' },
              { header: 'Recommendation', width: 260 },
            ],
            rest.map((d, i) => [String(i + 4), d.text, d.recommendedOption || '—']),
          ),
        ]
      : [];
  return [titled(ctx, SECTION_TITLES.decisions, [...cards, ...extra])];
}

// ---------------------------------------------------------------------------------------------

function bulletList(items: readonly string[], empty: string, max = 5): DocNode {
  if (items.length === 0) return emptyState(empty);
  return {
    ul: items.slice(0, max).map((t) => ({ text: t, margin: [0, 0, 0, 3] })),
    style: 'body',
    markerColor: COLORS.faint,
  };
}

/** Executive summary: overall health, key numbers, the director's summary, wins, pains, top risks. */
export function summaryPages(ctx: RenderCtx): Page[] {
  const m = ctx.model;
  const f = ctx.fmt;
  const voting = m.health.counts.green + m.health.counts.amber + m.health.counts.red;
  const b = m.budget;
  const budgetCallout = b.available
    ? callout(f.moneySigned(b.ytd.variance), 'Budget variance YTD', ctx.accent, {
        text:
          b.ytd.variancePct === null
            ? 'no actuals yet'
            : `${f.signedPct(b.ytd.variancePct)} vs plan (${b.ytd.variance > 0 ? 'over' : b.ytd.variance < 0 ? 'under' : 'on'} budget)`,
      })
    : callout('—', 'Budget variance YTD', ctx.accent, { text: 'no budget for this year' });
  const topRisk = m.risks.top[0];
  const risksTop = m.risks.top.slice(0, 3);
  return [
    titled(ctx, SECTION_TITLES['executive-summary'], [
      calloutRow([
        callout(RAG_WORD[m.health.overall], 'Overall health', ctx.accent, {
          text: '\u25CF ' + (m.health.overall === 'none' ? 'no KPI targets' : 'from KPI status'),
          color: ragColor(m.health.overall),
        }),
        callout(`${m.health.counts.green} of ${voting}`, 'KPIs on target', ctx.accent, {
          text: `${m.health.counts.amber} near target, ${m.health.counts.red} off target`,
        }),
        budgetCallout,
        callout(String(m.roadmap.doneThisQuarter.length), 'Roadmap items done', ctx.accent, {
          text: `${m.roadmap.next90Days.length} in the next 90 days`,
        }),
        callout(String(m.risks.byBand.critical + m.risks.byBand.high), 'High or critical risks', ctx.accent, {
          text: topRisk ? `top: ${topRisk.title}` : 'no open risks',
        }),
      ]),
      {
        columns: [
          {
            width: '*',
            stack: [
              h2('Summary'),
              m.qbr.executiveSummary
                ? { text: m.qbr.executiveSummary, style: 'body', margin: [0, 0, 0, 10] }
                : emptyState('Write the executive summary in the QBR editor.'),
              {
                columns: [
                  { width: '*', stack: [h2('Wins'), bulletList(m.qbr.wins, 'No wins recorded yet.')] },
                  { width: '*', stack: [h2('Pains'), bulletList(m.qbr.pains, 'No pains recorded yet.')] },
                ],
                columnGap: GUTTER,
              },
            ],
          },
          {
            width: CHART_SIZE.healthTrend.width,
            stack: [
              h2('Health trend'),
              chartImage(
                ctx,
                CHART_IDS.healthTrend,
                CHART_SIZE.healthTrend.width,
                CHART_SIZE.healthTrend.height,
                'KPIs on target by quarter',
              ),
              note('Share of KPIs with a target that met it, per quarter.', [0, 2, 0, 8]),
              h2('Top risks'),
              risksTop.length > 0
                ? dataTable(
                    [
                      { header: 'Risk', width: '*' },
                      { header: 'Score', width: 52, align: 'right' },
                      { header: 'Owner', width: 80 },
                    ],
                    risksTop.map((r) => [r.title, `${r.score} ${bandWord(r.band)}`, r.owner || '—']),
                  )
                : emptyState('No open risks.'),
            ],
          },
        ],
        columnGap: 36,
      },
    ]),
  ];
}

export function bandWord(band: string): string {
  return band.charAt(0).toUpperCase() + band.slice(1);
}

// ---------------------------------------------------------------------------------------------

const STATUS_WORD: Record<ActionRow['status'], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export function actionStatus(a: ActionRow): DocNode {
  if (a.status === 'done') return ragChip('green', 'Done');
  if (a.overdue) return ragChip('red', `${STATUS_WORD[a.status]}, overdue`);
  return ragChip(a.status === 'in-progress' ? 'amber' : 'none', STATUS_WORD[a.status]);
}

/** Last QBR's action items: done, outstanding (carried over), and new this QBR. */
export function actionPages(ctx: RenderCtx): Page[] {
  const a = ctx.model.actions;
  const overdue = a.outstanding.filter((x) => x.overdue).length;
  // One page: at most MAX_ROWS action rows, shared between the groups in order of need (new and
  // outstanding first: they are what the meeting acts on); the rest are counted, not dropped silently.
  const MAX_ROWS = 8;
  const budget = { left: MAX_ROWS };
  const take = (list: ActionRow[], min: number) => {
    const n = Math.min(list.length, Math.max(min, budget.left));
    budget.left -= n;
    return n;
  };
  const nNew = take(a.new, 3);
  const nOut = take(a.outstanding, 4);
  const nDone = take(a.done, 2);
  const group = (label: string, list: ActionRow[], n: number): DocNode[][] => [
    [
      {
        text: [
          { text: label.toUpperCase() },
          { text: list.length === 0 ? '   none' : '', color: COLORS.faint, bold: false },
        ],
        style: 'th',
        color: ctx.accentText,
        colSpan: 5,
        margin: [0, 4, 0, 0],
      },
      '',
      '',
      '',
      '',
    ],
    ...list
      .slice(0, n)
      .map((x) => [
        x.text,
        x.owner || '—',
        ctx.fmt.date(x.dueDate),
        actionStatus(x),
        x.carriedOver > 0 ? `${x.carriedOver}×` : '—',
      ]),
    ...(list.length > n
      ? [[{ text: `+ ${list.length - n} more in the app`, style: 'small', colSpan: 5 }, '', '', '', '']]
      : []),
  ];
  const rows = [
    ...group('Done since last QBR', a.done, nDone),
    ...group('Outstanding', a.outstanding, nOut),
    ...group('New this QBR', a.new, nNew),
  ];
  return [
    titled(ctx, SECTION_TITLES['action-items'], [
      calloutRow([
        callout(String(a.done.length), 'Done since last QBR', ctx.accent),
        callout(String(a.outstanding.length), 'Outstanding', ctx.accent, {
          text: overdue > 0 ? `${overdue} overdue` : 'none overdue',
          color: overdue > 0 ? COLORS.worse : COLORS.muted,
        }),
        callout(String(a.new.length), 'New this QBR', ctx.accent),
      ]),
      dataTable(
        [
          { header: 'Action', width: '*' },
          { header: 'Owner', width: 150 },
          { header: 'Due', width: 90 },
          { header: 'Status', width: 130 },
          { header: 'Carried over', width: 70, align: 'right' },
        ],
        rows,
      ),
    ]),
  ];
}

/** KPIs shown in the Executive preset's single service page: security ones folded in. */
export function executiveKpis(ctx: RenderCtx) {
  return [...serviceKpis(ctx.model), ...securityKpis(ctx.model)];
}

export type SectionRenderer = (ctx: RenderCtx, sections: readonly DeckSectionKey[], preset: DeckPreset) => Page[];
