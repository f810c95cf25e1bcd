/** Operations pages: service performance, security posture, risks, roadmap. */
import { RISK_BAND_STYLE } from '../charts/risk-heatmap';
import { quarterLabel } from '../domain/periods';
import type { KpiRow, ModelDelta, RoadmapRow } from './model';
import { chartImage, securityChartKpis, securityKpis, serviceChartKpis, serviceKpis, type RenderCtx } from './context';
import { CHART_IDS, CHART_SIZE } from './deck-charts';
import { bandWord, executiveKpis, titled, type Page } from './pages-front';
import { SECTION_TITLES, type DeckPreset } from './sections';
import {
  callout,
  calloutRow,
  COLORS,
  dataTable,
  emptyState,
  GUTTER,
  h2,
  note,
  ragChip,
  TYPE,
  type DocNode,
} from './theme';

// ---------------------------------------------------------------------------------------------
// KPI table cells

/** "+0.9 pts better" with the verdict in words and colour. */
export function deltaCell(ctx: RenderCtx, d: ModelDelta | null, unit: KpiRow['unit']): DocNode {
  if (!d) return { text: '—', color: COLORS.faint };
  const word = d.verdict === 'same' ? 'no change' : d.verdict;
  const color = d.verdict === 'better' ? COLORS.better : d.verdict === 'worse' ? COLORS.worse : COLORS.muted;
  return {
    text: [
      { text: d.verdict === 'same' ? '' : ctx.fmt.kpiDelta(d.delta, unit), color: COLORS.body },
      { text: d.verdict === 'same' ? word : `  ${word}`, color, fontSize: TYPE.small },
    ],
  };
}

function kpiRows(ctx: RenderCtx, kpis: readonly KpiRow[]): DocNode[][] {
  return kpis.map((k) => [
    { text: k.name, color: COLORS.ink },
    { text: ctx.fmt.kpi(k.value, k.unit), bold: true, color: COLORS.ink },
    ctx.fmt.kpi(k.target, k.unit),
    ragChip(k.rag, k.ragLabel),
    deltaCell(ctx, k.vsPrevious, k.unit),
    deltaCell(ctx, k.vsLastYear, k.unit),
  ]);
}

/** The KPI table: value, target, status (word + dot), vs last quarter, vs last year. */
export function kpiTable(ctx: RenderCtx, kpis: readonly KpiRow[], fontSize?: number, dense = false): DocNode {
  return dataTable(
    [
      { header: 'KPI', width: '*' },
      { header: 'This quarter', width: 90, align: 'right' },
      { header: 'Target', width: 80, align: 'right' },
      { header: 'Status', width: 110 },
      { header: 'vs last quarter', width: 130, align: 'right' },
      { header: 'vs last year', width: 130, align: 'right' },
    ],
    kpiRows(ctx, kpis),
    { ...(fontSize === undefined ? {} : { fontSize }), dense },
  );
}

function ragSummary(kpis: readonly KpiRow[]): { green: number; amber: number; red: number; none: number } {
  const c = { green: 0, amber: 0, red: 0, none: 0 };
  for (const k of kpis) c[k.rag] += 1;
  return c;
}

const EXEC_MAX_KPIS = 13;

/** Service performance: every KPI against target, last quarter and last year; trend charts. */
export function servicePages(ctx: RenderCtx, preset: DeckPreset): Page[] {
  const m = ctx.model;
  // Executive: the KPIs with a target (what the board steers by), security included, on one page.
  const all = preset === 'executive' ? executiveKpis(ctx) : serviceKpis(m);
  const kpis = preset === 'executive' ? all.filter((k) => k.target !== null).slice(0, EXEC_MAX_KPIS) : all;
  if (kpis.length === 0) {
    return [
      titled(ctx, SECTION_TITLES['service-performance'], [
        emptyState('No KPI values yet. Import tickets or enter KPI values to fill this page.'),
      ]),
    ];
  }
  const c = ragSummary(kpis);
  const through = m.meta.kpiDataThrough ? `Data through ${m.meta.kpiDataThrough}.` : '';
  const first: Page = titled(ctx, SECTION_TITLES['service-performance'], [
    calloutRow(
      [
        callout(String(c.green), 'On target', ctx.accent, { text: '\u25CF green', color: COLORS.rag.green }),
        callout(String(c.amber), 'Near target', ctx.accent, { text: '\u25CF amber', color: COLORS.rag.amber }),
        callout(String(c.red), 'Off target', ctx.accent, { text: '\u25CF red', color: COLORS.rag.red }),
        callout(String(c.none), 'No target set', ctx.accent, { text: 'volume measures' }),
      ],
      12,
    ),
    kpiTable(ctx, kpis, kpis.length > 11 ? 8.5 : undefined, kpis.length > 11),
    note(
      `${preset === 'executive' && all.length > kpis.length ? `KPIs with a target; ${all.length - kpis.length} volume measures are in the full deck. ` : ''}Quarter values aggregate the months by each KPI's rule. "Better" and "worse" follow each KPI's direction; percentage KPIs move in points. ${through}`,
    ),
  ]);
  if (preset === 'executive') return [first];
  const charted = serviceChartKpis(m);
  if (charted.length === 0) return [first];
  const cell = (k: KpiRow | undefined): DocNode =>
    k
      ? {
          stack: [
            {
              text: [
                { text: k.name, bold: true, color: COLORS.ink },
                {
                  text: `   ${ctx.fmt.kpi(k.value, k.unit)} \u00B7 target ${ctx.fmt.kpi(k.target, k.unit)}`,
                  color: COLORS.muted,
                  fontSize: TYPE.small,
                },
              ],
              fontSize: TYPE.body,
              margin: [0, 0, 0, 4],
            },
            chartImage(ctx, CHART_IDS.kpi(k.key), CHART_SIZE.kpi.width, CHART_SIZE.kpi.height, `${k.name} trend`),
          ],
        }
      : { text: '' };
  const grid: DocNode[] = [];
  for (let i = 0; i < charted.length; i += 2) {
    grid.push({ columns: [cell(charted[i]), cell(charted[i + 1])], columnGap: GUTTER, margin: [0, 0, 0, 14] });
  }
  return [
    first,
    titled(
      ctx,
      'Service performance: trends',
      [
        ...grid,
        note(
          'Last eight quarters. Dashed line: target; shaded band: amber zone between the amber threshold and the target.',
        ),
      ],
      false,
    ),
  ];
}

/** Security posture: patch, EDR, MFA and backup tests as tiles, plus the two furthest from target. */
export function securityPages(ctx: RenderCtx): Page[] {
  const m = ctx.model;
  const kpis = securityKpis(m);
  if (kpis.length === 0) {
    return [
      titled(ctx, SECTION_TITLES['security-posture'], [
        emptyState(
          'No security KPI values yet (patch compliance, EDR, MFA, restore tests). Enter them on the KPIs screen.',
        ),
      ]),
    ];
  }
  const tiles = kpis.slice(0, 4).map((k) =>
    callout(ctx.fmt.kpi(k.value, k.unit), k.name, ctx.accent, {
      text: `${k.rag === 'none' ? '' : '\u25CF '}${k.ragLabel} \u00B7 target ${ctx.fmt.kpi(k.target, k.unit)}`,
      color: COLORS.rag[k.rag],
    }),
  );
  const charted = securityChartKpis(m);
  return [
    titled(ctx, SECTION_TITLES['security-posture'], [
      calloutRow(tiles, 12),
      kpiTable(ctx, kpis),
      ...(charted.length > 0
        ? [
            {
              columns: charted.map((k) => ({
                width: CHART_SIZE.security.width,
                stack: [
                  {
                    text: `${k.name} by quarter`,
                    bold: true,
                    fontSize: TYPE.body,
                    color: COLORS.ink,
                    margin: [0, 12, 0, 4],
                  },
                  chartImage(
                    ctx,
                    CHART_IDS.security(k.key),
                    CHART_SIZE.security.width,
                    CHART_SIZE.security.height,
                    `${k.name} trend`,
                  ),
                ],
              })),
              columnGap: GUTTER,
            },
          ]
        : []),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Risks: the 5×5 heat map as a table (counts in cells, bands by tint and word) and the top risks. */
export function riskPages(ctx: RenderCtx): Page[] {
  const r = ctx.model.risks;
  const cellSize = 44;
  const heat: DocNode[][] = r.grid.map((row) => [
    { text: String(row[0]?.likelihood ?? ''), style: 'th', alignment: 'right', margin: [0, cellSize / 2 - 6, 4, 0] },
    ...row.map((c) => {
      const st = RISK_BAND_STYLE[c.band];
      return {
        text: c.count > 0 ? String(c.count) : '',
        fillColor: st.tint,
        color: st.text,
        bold: true,
        fontSize: 13,
        alignment: 'center',
        margin: [0, cellSize / 2 - 9, 0, 0],
      };
    }),
  ]);
  const axis: DocNode[] = [
    { text: '' },
    ...[1, 2, 3, 4, 5].map((i) => ({ text: String(i), style: 'th', alignment: 'center' })),
  ];
  const heatTable: DocNode = {
    table: {
      dontBreakRows: true,
      widths: [18, cellSize, cellSize, cellSize, cellSize, cellSize],
      heights: (i: number) => (i < 5 ? cellSize : 12),
      body: [...heat, axis],
    },
    layout: {
      hLineWidth: (i: number) => (i < 6 ? 2 : 0),
      vLineWidth: (i: number) => (i >= 1 ? 2 : 0),
      hLineColor: () => COLORS.white,
      vLineColor: () => COLORS.white,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
  const legend: DocNode = {
    text: (['critical', 'high', 'medium', 'low'] as const).flatMap((b) => [
      { text: '\u25A0 ', color: RISK_BAND_STYLE[b].color, fontSize: 10 },
      { text: `${RISK_BAND_STYLE[b].label} ${r.byBand[b]}    `, color: COLORS.body },
    ]),
    fontSize: TYPE.small,
    margin: [0, 8, 0, 0],
  };
  return [
    titled(ctx, SECTION_TITLES.risks, [
      {
        columns: [
          {
            width: 270,
            stack: [
              h2('Heat map'),
              { text: 'ROWS: LIKELIHOOD  \u00B7  COLUMNS: IMPACT', style: 'th', fontSize: 7, margin: [18, 0, 0, 4] },
              heatTable,
              legend,
              note(`${r.openCount} live risks (closed risks leave the map). Score = likelihood × impact.`),
            ],
          },
          {
            width: '*',
            stack: [
              h2('Top risks'),
              r.top.length > 0
                ? dataTable(
                    [
                      { header: 'Risk', width: 150 },
                      { header: 'L × I', width: 40, align: 'center' },
                      { header: 'Score', width: 62 },
                      { header: 'Owner', width: 70 },
                      { header: 'Mitigation', width: '*' },
                      { header: 'Due', width: 62 },
                    ],
                    r.top.map((x) => [
                      { text: x.title, bold: true, color: COLORS.ink },
                      `${x.likelihood} × ${x.impact}`,
                      {
                        text: [
                          { text: '\u25A0 ', color: RISK_BAND_STYLE[x.band].color },
                          { text: `${x.score} ${bandWord(x.band)}` },
                        ],
                      },
                      x.owner || '—',
                      x.mitigation || { text: 'No mitigation recorded', color: COLORS.worse },
                      ctx.fmt.date(x.dueDate),
                    ]),
                  )
                : emptyState('No open risks in the register.'),
            ],
          },
        ],
        columnGap: 36,
      },
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

const STATUS_TEXT: Record<string, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  cancelled: 'Cancelled',
};

function roadmapTable(ctx: RenderCtx, rows: readonly RoadmapRow[], kind: 'done' | 'next', max: number): DocNode {
  const shown = rows.slice(0, max);
  const table = dataTable(
    kind === 'done'
      ? [
          { header: 'Item', width: '*' },
          { header: 'Domain', width: 70 },
          { header: 'Finished', width: 58 },
          { header: 'Owner', width: 80 },
        ]
      : [
          { header: 'Item', width: '*' },
          { header: 'Status', width: 76 },
          { header: 'Health', width: 60 },
          { header: 'Ends', width: 54 },
          { header: 'Progress', width: 46, align: 'right' },
        ],
    shown.map((r) =>
      kind === 'done'
        ? [{ text: r.title, color: COLORS.ink }, cap(r.domain), ctx.fmt.month(r.endMonth), r.owner || '—']
        : [
            { text: r.title, color: COLORS.ink },
            STATUS_TEXT[r.status] ?? r.status,
            ragChip(r.health, cap(r.health)),
            ctx.fmt.month(r.endMonth),
            `${Math.round(r.progressPct)}%`,
          ],
    ),
  );
  return rows.length > max ? { stack: [table, note(`+ ${rows.length - max} more in the app's roadmap view.`)] } : table;
}

function cap(s: string): string {
  return s.length > 0 ? s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' ') : s;
}

/** Roadmap: done this quarter, next 90 days, and the next four quarters as a timeline. */
export function roadmapPages(ctx: RenderCtx, preset: DeckPreset): Page[] {
  const r = ctx.model.roadmap;
  const sc = r.statusCounts;
  const decisions = ctx.model.decisions.filter((d) => d.source === 'roadmap' || d.linkedItems.length > 0).length;
  const max = preset === 'executive' ? 9 : 11;
  const first = titled(ctx, SECTION_TITLES.roadmap, [
    calloutRow([
      callout(String(r.doneThisQuarter.length), 'Done this quarter', ctx.accent),
      callout(String(sc['in-progress'] ?? 0), 'In progress', ctx.accent),
      callout(String(sc.blocked ?? 0), 'Blocked', ctx.accent, {
        text: (sc.blocked ?? 0) > 0 ? 'needs attention' : 'none blocked',
        color: (sc.blocked ?? 0) > 0 ? COLORS.worse : COLORS.muted,
      }),
      callout(String(decisions), 'Awaiting a decision', ctx.accent),
    ]),
    {
      columns: [
        {
          width: '*',
          stack: [
            h2('Done this quarter'),
            r.doneThisQuarter.length > 0
              ? roadmapTable(ctx, r.doneThisQuarter, 'done', max)
              : emptyState('Nothing finished this quarter.'),
          ],
        },
        {
          width: '*',
          stack: [
            h2('Next 90 days'),
            r.next90Days.length > 0
              ? roadmapTable(ctx, r.next90Days, 'next', max)
              : emptyState('Nothing scheduled for the next quarter.'),
          ],
        },
      ],
      columnGap: 30,
    },
  ]);
  if (preset === 'executive' || r.timeline.length === 0) return [first];
  return [
    first,
    titled(
      ctx,
      'Roadmap: next four quarters',
      [
        chartImage(ctx, CHART_IDS.timeline, CHART_SIZE.timeline.width, CHART_SIZE.timeline.height, 'Roadmap timeline'),
        note(
          `Items running from ${quarterLabel(r.timelineQuarters[0] ?? '')} to ${quarterLabel(r.timelineQuarters[r.timelineQuarters.length - 1] ?? '')}, coloured by status. Cancelled items, and items finished before this quarter, are left out.`,
        ),
      ],
      false,
    ),
  ];
}
