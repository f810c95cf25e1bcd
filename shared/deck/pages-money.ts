/** Money pages: budget (plan vs actual, forecast, capex/opex, categories, multi-year) and sourcing. */
import { chartImage, type RenderCtx } from './context';
import { categoryLabel, CHART_IDS, CHART_SIZE } from './deck-charts';
import { titled, type Page } from './pages-front';
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

function varianceText(ctx: RenderCtx, amount: number, pct: number | null): DocNode {
  const color = amount > 0 ? COLORS.worse : amount < 0 ? COLORS.better : COLORS.body;
  return {
    text: [
      { text: ctx.fmt.moneySigned(amount), color },
      { text: pct === null ? '' : `  ${ctx.fmt.signedPct(pct)}`, color: COLORS.muted, fontSize: TYPE.small },
    ],
  };
}

/** Budget: YTD plan vs actual with variance notes, forecast, capex/opex; categories and multi-year. */
export function budgetPages(ctx: RenderCtx, preset: DeckPreset): Page[] {
  const b = ctx.model.budget;
  const f = ctx.fmt;
  if (!b.available) {
    return [
      titled(ctx, SECTION_TITLES.budget, [
        emptyState(`No budget lines for FY${b.fiscalYear}. Add them on the Budget screen or import actuals from CSV.`),
      ]),
    ];
  }
  const over = b.ytd.variance > 0;
  const quarterRows = b.quarters.map((q) => [
    { text: q.quarter.slice(5), color: COLORS.ink },
    f.money(q.plan),
    q.actual === null ? { text: 'open', color: COLORS.faint } : f.money(q.actual),
    q.actual === null ? { text: '—', color: COLORS.faint } : varianceText(ctx, q.variance, q.variancePct),
    f.money(q.forecast),
  ]);
  const totalRow = [
    { text: `FY${b.fiscalYear}`, bold: true, color: COLORS.ink },
    { text: f.money(b.year.plan), bold: true },
    { text: f.money(b.ytd.actual), bold: true },
    varianceText(ctx, b.ytd.variance, b.ytd.variancePct),
    { text: f.money(b.year.forecast), bold: true },
  ];
  const first = titled(ctx, SECTION_TITLES.budget, [
    calloutRow([
      callout(f.money(b.ytd.plan), `Plan YTD (through ${b.ytd.throughQuarter.slice(5)})`, ctx.accent),
      callout(f.money(b.ytd.actual), 'Actual YTD', ctx.accent, {
        text: ctx.model.meta.actualsThrough
          ? `actuals through ${f.month(ctx.model.meta.actualsThrough)}`
          : 'no actuals yet',
      }),
      callout(f.moneySigned(b.ytd.variance), 'Variance YTD', ctx.accent, {
        text:
          b.ytd.variancePct === null
            ? 'vs plan of the same months'
            : `${f.signedPct(b.ytd.variancePct)} ${over ? 'over' : b.ytd.variance < 0 ? 'under' : 'on'} plan`,
        color: over ? COLORS.worse : COLORS.better,
      }),
      callout(f.money(b.year.forecast), `Forecast FY${b.fiscalYear}`, ctx.accent, {
        text: `${f.moneySigned(b.year.forecastVsPlan)} vs plan of ${f.money(b.year.plan)}`,
        color: b.year.forecastVsPlan > 0 ? COLORS.worse : COLORS.muted,
      }),
    ]),
    {
      columns: [
        {
          width: CHART_SIZE.budgetPva.width,
          stack: [
            h2('Plan vs actual by quarter'),
            chartImage(
              ctx,
              CHART_IDS.budgetPva,
              CHART_SIZE.budgetPva.width,
              CHART_SIZE.budgetPva.height,
              'Plan vs actual',
            ),
            note('Open quarters show the forecast: remaining plan, with committed roadmap items on their schedule.'),
          ],
        },
        {
          width: '*',
          stack: [
            h2('By quarter'),
            dataTable(
              [
                { header: 'Qtr', width: 30 },
                { header: 'Plan', width: '*', align: 'right' },
                { header: 'Actual', width: '*', align: 'right' },
                { header: 'Variance', width: 78, align: 'right' },
                { header: 'Forecast', width: '*', align: 'right' },
              ],
              [...quarterRows, totalRow],
              { fontSize: 8.5 },
            ),
            h2('Capex and opex', [0, 12, 0, 6]),
            dataTable(
              [
                { header: '', width: 40 },
                { header: 'Plan', width: '*', align: 'right' },
                { header: 'Actual YTD', width: '*', align: 'right' },
                { header: 'Forecast', width: '*', align: 'right' },
              ],
              (['capex', 'opex'] as const).map((k) => [
                { text: k === 'capex' ? 'Capex' : 'Opex', color: COLORS.ink },
                f.money(b.split[k].plan),
                f.money(b.split[k].actual),
                f.money(b.split[k].forecast),
              ]),
              { fontSize: 8.5 },
            ),
            note(
              [
                b.costPerUserMonth !== null ? `${f.money(b.costPerUserMonth)} per user per month` : '',
                b.costPerEndpointMonth !== null ? `${f.money(b.costPerEndpointMonth)} per endpoint per month` : '',
              ]
                .filter((x) => x !== '')
                .join('  \u00B7  ') + (b.costPerUserMonth !== null ? ' (forecast)' : ''),
              [0, 6, 0, 0],
            ),
          ],
        },
      ],
      columnGap: GUTTER + 6,
    },
  ]);
  if (preset === 'executive') return [first];

  const cats = b.byCategory;
  const MAX_NOTES = 4;
  const notes = b.varianceNotes.slice(-MAX_NOTES);
  const second = titled(
    ctx,
    'Budget: categories, variance notes and outlook',
    [
      {
        columns: [
          {
            width: '*',
            stack: [
              h2('By category'),
              dataTable(
                [
                  { header: 'Category', width: '*' },
                  { header: 'Plan FY', width: 80, align: 'right' },
                  { header: 'Actual YTD', width: 80, align: 'right' },
                  { header: 'Used', width: 50, align: 'right' },
                ],
                cats.map((c) => [
                  { text: categoryLabel(c.category), color: COLORS.ink },
                  f.money(c.plan),
                  f.money(c.actual),
                  c.plan !== 0 ? f.pct((100 * c.actual) / c.plan, 0) : '—',
                ]),
                { fontSize: 8.5 },
              ),
              h2('Variance notes', [0, 12, 0, 6]),
              notes.length > 0
                ? dataTable(
                    [
                      { header: 'Qtr', width: 30 },
                      { header: 'Line', width: 120 },
                      { header: 'Note', width: '*' },
                    ],
                    notes.map((n) => [n.quarter.slice(5), { text: n.line, color: COLORS.ink }, n.note]),
                    { fontSize: 8.5 },
                  )
                : emptyState('No variance notes this year.'),
              ...(b.varianceNotes.length > MAX_NOTES
                ? [note(`Latest ${MAX_NOTES} of ${b.varianceNotes.length} variance notes; all are in the app.`)]
                : []),
            ],
          },
          {
            width: CHART_SIZE.budgetCategories.width,
            stack: [
              h2(`Plan by category, FY${b.fiscalYear}`),
              chartImage(
                ctx,
                CHART_IDS.budgetCategories,
                CHART_SIZE.budgetCategories.width,
                CHART_SIZE.budgetCategories.height,
                'Budget by category',
              ),
              ...(b.multiYear.years.length > 0
                ? [
                    h2('Multi-year outlook', [0, 10, 0, 4]),
                    chartImage(
                      ctx,
                      CHART_IDS.multiYear,
                      CHART_SIZE.multiYear.width,
                      CHART_SIZE.multiYear.height,
                      'Multi-year projection',
                    ),
                  ]
                : [note('Multi-year projection: not available for this workspace yet.', [0, 10, 0, 0])]),
            ],
          },
        ],
        columnGap: GUTTER + 6,
      },
    ],
    false,
  );
  return [first, second];
}

// ---------------------------------------------------------------------------------------------

const MODEL_TEXT: Record<string, string> = { '8x5': '8×5', '12x5': '12×5', '24x7': '24×7', 'on-demand': 'On demand' };

/** Staffing and sourcing: coverage and single points of failure; the scenario comparison. */
export function staffingPages(ctx: RenderCtx): Page[] {
  const s = ctx.model.staffing;
  const f = ctx.fmt;
  const covered = s.coverage.filter((a) => a.coveredPct >= 99.95).length;
  const inHouse = s.scenarios.find((x) => x.kind === 'in-house');
  const coverRows = s.coverage.map((a) => [
    { text: a.name, color: COLORS.ink },
    MODEL_TEXT[a.coverageModel] ?? a.coverageModel,
    f.num(a.requiredFte, 1),
    f.num(a.internalFte, 1),
    `${Math.round(a.coveredPct)}%`,
    a.partner ? 'Partner' : '—',
    a.singlePointOfFailure
      ? ragChip('red', `Yes (${a.people} of ${a.minimumDepth})`)
      : { text: 'No', color: COLORS.muted },
  ]);
  const first = titled(ctx, SECTION_TITLES['staffing-sourcing'], [
    calloutRow(
      [
        callout(`${covered} of ${s.coverage.length}`, 'Skill areas fully covered', ctx.accent),
        callout(String(s.singlePointsOfFailure.length), 'Single points of failure', ctx.accent, {
          text: s.singlePointsOfFailure.length > 0 ? 'areas that rest on too few people' : 'none',
          color: s.singlePointsOfFailure.length > 0 ? COLORS.worse : COLORS.muted,
        }),
        callout(inHouse ? String(inHouse.hires) : '—', 'Hires to do it all in-house', ctx.accent),
      ],
      12,
    ),
    s.coverage.length > 0
      ? dataTable(
          [
            { header: 'Skill area', width: '*' },
            { header: 'Coverage', width: 64 },
            { header: 'Needed FTE', width: 64, align: 'right' },
            { header: 'Internal FTE', width: 68, align: 'right' },
            { header: 'Covered', width: 54, align: 'right' },
            { header: 'Partner', width: 56 },
            { header: 'Single point of failure', width: 150 },
          ],
          coverRows,
          { fontSize: s.coverage.length > 12 ? 8 : 8.5 },
        )
      : emptyState('No skill areas defined. Add them on the Staffing screen.'),
    note(
      'Internal FTE counts people with working proficiency (level 2+). Needed FTE = coverage hours ÷ 1,800 productive hours.',
    ),
  ]);
  if (s.scenarios.length === 0) return [first];
  const years = s.scenarios[0]?.cumulative.length ?? 0;
  const scenarioRows = s.scenarios.map((x) => [
    { text: x.name, bold: true, color: COLORS.ink },
    f.money(x.years[0]?.total ?? 0),
    f.money(x.cumulative[x.cumulative.length - 1] ?? 0),
    f.money(x.npv),
    x.costPerEndpointMonthY1 === null ? '—' : f.money(x.costPerEndpointMonthY1),
    `${Math.round(x.coveragePct)}%`,
    String(x.hires),
  ]);
  const second = titled(
    ctx,
    'Sourcing scenarios',
    [
      dataTable(
        [
          { header: 'Scenario', width: '*' },
          { header: 'First year (Y0)', width: 90, align: 'right' },
          { header: `${years}-year total`, width: 100, align: 'right' },
          { header: 'NPV', width: 100, align: 'right' },
          { header: 'Per endpoint / month', width: 110, align: 'right' },
          { header: 'Coverage', width: 60, align: 'right' },
          { header: 'Hires', width: 44, align: 'right' },
        ],
        scenarioRows,
      ),
      ...(s.sentence
        ? [{ text: s.sentence, style: 'body', bold: true, color: COLORS.ink, margin: [0, 8, 0, 10] }]
        : []),
      {
        columns: [
          {
            width: CHART_SIZE.scenarioCumulative.width,
            stack: [
              { text: 'Cumulative cost', bold: true, fontSize: TYPE.body, color: COLORS.ink, margin: [0, 0, 0, 4] },
              chartImage(
                ctx,
                CHART_IDS.scenarioCumulative,
                CHART_SIZE.scenarioCumulative.width,
                CHART_SIZE.scenarioCumulative.height,
                'Cumulative cost',
              ),
            ],
          },
          {
            width: CHART_SIZE.tornado.width,
            stack: [
              {
                text: 'What moves the answer (NPV co-managed − in-house)',
                bold: true,
                fontSize: TYPE.body,
                color: COLORS.ink,
                margin: [0, 0, 0, 4],
              },
              s.sensitivity.length > 0
                ? chartImage(ctx, CHART_IDS.tornado, CHART_SIZE.tornado.width, CHART_SIZE.tornado.height, 'Sensitivity')
                : emptyState('Sensitivity needs an in-house and a co-managed scenario.'),
            ],
          },
        ],
        columnGap: GUTTER,
      },
      ...(s.problems.length > 0 ? [note(`Not costed: ${s.problems.join('; ')}`)] : []),
    ],
    false,
  );
  return [first, second];
}
