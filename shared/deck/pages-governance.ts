/** Governance, what changed since last QBR, next steps and the appendix. */
import type { RenderCtx } from './context';
import { actionStatus, titled, type Page } from './pages-front';
import { deltaCell } from './pages-ops';
import { SECTION_TITLES } from './sections';
import { callout, calloutRow, COLORS, dataTable, emptyState, h2, note, ragChip, TYPE, type DocNode } from './theme';

function minutes(m: number): string {
  if (m > 0 && m % 1440 === 0) return `${m / 1440} d`;
  if (m > 0 && m % 60 === 0) return `${m / 60} h`;
  return `${m} min`;
}

const CRITERION_TEXT: Record<string, string> = {
  'sla-attainment': 'SLA attainment',
  escalations: 'Escalations',
  'after-hours-response': 'After-hours response',
  'cost-per-endpoint': 'Cost per endpoint',
  'project-delivery': 'Project delivery',
  documentation: 'Documentation',
};

function gradeCell(grade: number | null): DocNode {
  if (grade === null) return { text: 'Not graded', color: COLORS.faint };
  const rag = grade >= 4 ? 'green' : grade === 3 ? 'amber' : 'red';
  return {
    text: [
      { text: '\u25A0'.repeat(grade), color: COLORS.rag[rag] },
      { text: '\u25A0'.repeat(5 - grade), color: COLORS.rule },
      { text: `  ${grade} of 5`, color: COLORS.body },
    ],
  };
}

function roles(r: readonly string[]): string {
  return r.length > 0 ? r.join('/') : '—';
}

/** RACI changes, RACI health, SLA attainment by party, escalation ladder, partner scorecard. */
export function governancePages(ctx: RenderCtx): Page[] {
  const g = ctx.model.governance;
  const f = ctx.fmt;
  const wc = ctx.model.whatChanged;
  const raciChanges = wc.raci
    ? [
        ...wc.raci.changed.map((c) => [c.activity, c.party, `${roles(c.before)} to ${roles(c.after)}`]),
        ...wc.raci.added.map((c) => [c.activity, c.party, `added ${roles(c.roles)}`]),
        ...wc.raci.removed.map((c) => [c.activity, c.party, `removed ${roles(c.roles)}`]),
      ]
    : [];
  const issues = g.raciIssues.length;
  const sla = g.sla;
  const slaRows = sla.map((r) => [
    { text: r.party, color: COLORS.ink },
    r.tickets > 0 ? f.num(r.tickets, 0) : '—',
    r.attainmentPct === null ? '—' : f.pct(r.attainmentPct),
    r.targetPct === null ? '—' : f.pct(r.targetPct),
    r.status === 'met'
      ? ragChip('green', 'Met')
      : r.status === 'missed'
        ? ragChip('red', 'Missed')
        : r.status === 'no-target'
          ? ragChip('none', 'No target')
          : ragChip('none', 'No tickets'),
  ]);
  const ladderRows = g.escalation.map((l) => [
    { text: l.severity, bold: true, color: COLORS.ink },
    l.steps.length > 0
      ? {
          text: l.steps.flatMap((s, i) => [
            ...(i > 0 ? [{ text: '   \u203A   ', color: COLORS.faint }] : []),
            { text: `${s.contactRole}`, color: COLORS.ink },
            { text: ` (${s.party}, ${minutes(s.responseMinutes)})`, color: COLORS.muted },
          ]),
        }
      : { text: 'No ladder defined', color: COLORS.worse },
  ]);
  const card = g.scorecard;
  const graded = card ? card.grades.filter((x) => x.grade !== null) : [];
  const avg = card?.averageGrade ?? null;
  const raciStatus =
    issues > 0
      ? `${issues} RACI ${issues === 1 ? 'issue' : 'issues'} across ${g.raciLanes} lanes: ${g.raciIssues
          .slice(0, 2)
          .map((i) => i.message)
          .join(' ')}${issues > 2 ? ' …' : ''}`
      : `RACI: ${g.raciLanes} service lanes, each with one Accountable and a Responsible party.`;
  const scorecard: DocNode[] = [
    h2(card ? `Partner scorecard: ${card.party}` : 'Partner scorecard', [0, 12, 0, 6]),
    card
      ? dataTable(
          [
            { header: 'Criterion', width: 118 },
            { header: 'Grade', width: 92 },
            { header: 'Evidence from the data', width: '*' },
            { header: 'Comment', width: 250 },
          ],
          card.grades
            .slice(0, 8)
            .map((x) => [
              { text: x.label || CRITERION_TEXT[x.criterion] || x.criterion, color: COLORS.ink },
              gradeCell(x.grade),
              x.evidence && x.evidence !== 'no data' ? x.evidence : { text: 'No data', color: COLORS.faint },
              x.comment || { text: '—', color: COLORS.faint },
            ]),
          { fontSize: 8, dense: true },
        )
      : emptyState('No partner in this workspace to grade.'),
    ...(card && !card.graded
      ? [note('Not graded yet this quarter: evidence only. Grade the partner on the Governance screen.')]
      : avg !== null
        ? [note(`Average ${f.num(avg, 1)} of 5 over ${graded.length} graded criteria.`)]
        : []),
  ];
  return [
    titled(ctx, SECTION_TITLES.governance, [
      {
        columns: [
          {
            width: '*',
            stack: [
              h2('SLA attainment by party'),
              slaRows.length > 0
                ? dataTable(
                    [
                      { header: 'Party', width: '*' },
                      { header: 'Tickets', width: 50, align: 'right' },
                      { header: 'Attained', width: 56, align: 'right' },
                      { header: 'Target', width: 50, align: 'right' },
                      { header: 'Status', width: 80 },
                    ],
                    slaRows.slice(0, 3),
                    { dense: true },
                  )
                : emptyState('No SLA targets or ticket data for this quarter.'),
              h2('RACI changes since last QBR', [0, 10, 0, 6]),
              raciChanges.length > 0
                ? dataTable(
                    [
                      { header: 'Lane', width: '*' },
                      { header: 'Party', width: 120 },
                      { header: 'Change', width: 80 },
                    ],
                    raciChanges.slice(0, 3),
                    { fontSize: 8.5, dense: true },
                  )
                : emptyState(
                    wc.raci ? 'No changes to the responsibility split.' : 'No earlier RACI version to compare with.',
                  ),
              ...(raciChanges.length > 3 ? [note(`+ ${raciChanges.length - 3} more changes in the app.`)] : []),
              note(raciStatus, [0, 6, 0, 0]),
            ],
          },
          {
            width: '*',
            stack: [
              h2('Escalation ladder'),
              ladderRows.length > 0
                ? dataTable(
                    [
                      { header: 'Sev', width: 28 },
                      { header: 'Steps (response target from raise)', width: '*' },
                    ],
                    ladderRows,
                    { fontSize: 8, dense: true },
                  )
                : emptyState('No escalation ladder defined.'),
            ],
          },
        ],
        columnGap: 30,
      },
      ...scorecard,
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

/** What changed since last QBR: roadmap, budget variance, KPI deltas, RACI — from the last snapshot. */
export function changePages(ctx: RenderCtx): Page[] {
  const wc = ctx.model.whatChanged;
  const f = ctx.fmt;
  if (wc.baseline.kind === 'none') {
    return [
      titled(ctx, SECTION_TITLES['what-changed'], [
        emptyState(
          'This is the first QBR with a closed quarter to compare against. Closing this quarter freezes its numbers; the next deck will show what changed.',
        ),
      ]),
    ];
  }
  const rm = wc.roadmap;
  const base = `Compared with the snapshot of ${wc.baseline.quarter ?? 'the previous quarter'}${wc.baseline.createdAt ? `, closed ${f.date(wc.baseline.createdAt.slice(0, 10))}` : ''}.`;
  const kpiRows = wc.kpis
    .slice(0, 12)
    .map((k) => [
      { text: k.name, color: COLORS.ink },
      f.kpi(k.previous, k.unit),
      { text: f.kpi(k.current, k.unit), bold: true },
      deltaCell(ctx, { reference: k.previous, delta: k.delta, deltaPct: null, verdict: k.verdict }, k.unit),
    ]);
  const rmRows: DocNode[][] = rm
    ? [
        ...rm.done.map((i) => [{ text: i.title, color: COLORS.ink }, ragChip('green', 'Done')]),
        ...rm.slipped.map((i) => [
          { text: i.title, color: COLORS.ink },
          ragChip('amber', `Slipped from ${f.month(i.fromMonth)} to ${f.month(i.toMonth)}`),
        ]),
        ...rm.added.map((i) => [
          { text: i.title, color: COLORS.ink },
          ragChip('none', `Added, ends ${f.month(i.endMonth)}`),
        ]),
      ]
    : [];
  const bud = wc.budget;
  return [
    titled(ctx, SECTION_TITLES['what-changed'], [
      calloutRow(
        [
          callout(rm ? String(rm.done.length) : '—', 'Items completed', ctx.accent),
          callout(rm ? String(rm.added.length) : '—', 'Items added', ctx.accent),
          callout(rm ? String(rm.slipped.length) : '—', 'Items slipped', ctx.accent, {
            text: rm && rm.slipped.length > 0 ? 'end date moved later' : 'none slipped',
            color: rm && rm.slipped.length > 0 ? COLORS.worse : COLORS.muted,
          }),
          bud
            ? callout(f.moneySigned(bud.currentVariance - bud.previousVariance), 'Change in YTD variance', ctx.accent, {
                text: `from ${f.moneySigned(bud.previousVariance)} to ${f.moneySigned(bud.currentVariance)}`,
              })
            : callout('—', 'Change in YTD variance', ctx.accent, { text: 'not recorded last time' }),
        ],
        12,
      ),
      {
        columns: [
          {
            width: '*',
            stack: [
              h2('Roadmap'),
              rmRows.length > 0
                ? dataTable(
                    [
                      { header: 'Item', width: '*' },
                      { header: 'Change', width: 190 },
                    ],
                    rmRows.slice(0, 12),
                  )
                : emptyState(rm ? 'No roadmap changes.' : 'The previous snapshot did not record the roadmap.'),
              h2('Responsibilities (RACI)', [0, 12, 0, 6]),
              wc.raci
                ? wc.raci.added.length + wc.raci.removed.length + wc.raci.changed.length > 0
                  ? {
                      ul: [
                        ...wc.raci.changed.map(
                          (c) => `${c.activity}: ${c.party} from ${roles(c.before)} to ${roles(c.after)}`,
                        ),
                        ...wc.raci.added.map((c) => `${c.activity}: ${c.party} now ${roles(c.roles)}`),
                        ...wc.raci.removed.map((c) => `${c.activity}: ${c.party} no longer ${roles(c.roles)}`),
                      ].slice(0, 6),
                      style: 'body',
                      fontSize: TYPE.table,
                      markerColor: COLORS.faint,
                    }
                  : emptyState('No RACI changes.')
                : emptyState('The previous snapshot did not record the RACI.'),
            ],
          },
          {
            width: '*',
            stack: [
              h2('KPIs'),
              kpiRows.length > 0
                ? dataTable(
                    [
                      { header: 'KPI', width: '*' },
                      { header: 'Then', width: 62, align: 'right' },
                      { header: 'Now', width: 62, align: 'right' },
                      { header: 'Change', width: 110, align: 'right' },
                    ],
                    kpiRows,
                    { fontSize: 8.5 },
                  )
                : emptyState('The previous snapshot did not record KPI values.'),
            ],
          },
        ],
        columnGap: 30,
      },
      note(base, [0, 8, 0, 0]),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Next steps: open actions with owners and dates, decisions pending, next QBR date. */
export function nextStepPages(ctx: RenderCtx): Page[] {
  const n = ctx.model.nextSteps;
  const f = ctx.fmt;
  const decisions = ctx.model.decisions;
  // With decisions to record, the page holds fewer actions so both fit.
  const max = decisions.length > 0 ? 6 : 13;
  const maxDecisions = 3;
  const rows = n.actions
    .slice(0, max)
    .map((a) => [{ text: a.text, color: COLORS.ink }, a.owner || '—', f.date(a.dueDate), actionStatus(a)]);
  return [
    titled(ctx, SECTION_TITLES['next-steps'], [
      calloutRow([
        callout(String(n.actions.length), 'Open actions', ctx.accent, {
          text: `${n.actions.filter((a) => a.overdue).length} overdue`,
        }),
        callout(String(n.decisionsPending), 'Decisions requested today', ctx.accent),
        callout(f.date(n.nextQbrDate), 'Next QBR', ctx.accent),
      ]),
      h2('Actions'),
      rows.length > 0
        ? dataTable(
            [
              { header: 'Action', width: '*' },
              { header: 'Owner', width: 160 },
              { header: 'Due', width: 100 },
              { header: 'Status', width: 140 },
            ],
            rows,
          )
        : emptyState('No open actions. Add actions in the QBR editor.'),
      ...(n.actions.length > max ? [note(`+ ${n.actions.length - max} more open actions in the app.`)] : []),
      ...(decisions.length > 0
        ? [
            h2('Decisions to record today', [0, 12, 0, 6]),
            dataTable(
              [
                { header: 'Decision', width: '*' },
                { header: 'Recommended', width: 300 },
                { header: 'Outcome', width: 100 },
              ],
              decisions
                .slice(0, maxDecisions)
                .map((d) => [
                  { text: d.text, color: COLORS.ink },
                  d.recommendedOption || '—',
                  { text: 'approve / reject / defer', color: COLORS.faint },
                ]),
            ),
            ...(decisions.length > maxDecisions
              ? [note(`+ ${decisions.length - maxDecisions} more on the Decisions requested page.`)]
              : []),
          ]
        : []),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

const UNIT_TEXT: Record<string, string> = {
  hours: 'Hours',
  count: 'Count',
  percent: '%',
  ratio: 'Ratio',
  currency: 'Currency',
  score: 'Score',
};

/** Appendix: KPI definitions and where the numbers come from, with "as of" times. */
export function appendixPages(ctx: RenderCtx): Page[] {
  const a = ctx.model.appendix;
  const f = ctx.fmt;
  const unitOf = new Map(ctx.model.kpis.map((k) => [k.name, k.unit]));
  const defs = a.kpiDefinitions.map((d) => [
    { text: d.name, color: COLORS.ink },
    UNIT_TEXT[d.unit] ?? d.unit,
    d.direction.replace(' is better', ''),
    d.aggregation,
    d.target === null ? '—' : f.kpi(d.target, unitOf.get(d.name) ?? 'count'),
    d.benchmark || '—',
  ]);
  return [
    titled(ctx, SECTION_TITLES.appendix, [
      h2('KPI definitions'),
      defs.length > 0
        ? dataTable(
            [
              { header: 'KPI', width: 130 },
              { header: 'Unit', width: 40 },
              { header: 'Better', width: 40 },
              { header: 'Aggregation', width: 80 },
              { header: 'Target', width: 46, align: 'right' },
              { header: 'Benchmark and source', width: '*' },
            ],
            defs,
            { fontSize: 7.5, dense: true },
          )
        : emptyState('No KPIs reported.'),
      h2('Data sources', [0, 8, 0, 4]),
      {
        // Two columns keep the sources on the page with a full KPI dictionary above.
        columns: [0, 1].map((col) => ({
          width: '*',
          stack: a.dataSources
            .filter((_, i) => i % 2 === col)
            .map((s) => ({
              text: [
                { text: s.source, bold: true, color: COLORS.ink },
                { text: `  ${s.detail}`, color: COLORS.body },
                { text: `  \u00B7  as of ${s.asOf}`, color: COLORS.muted },
              ],
              fontSize: 8,
              margin: [0, 0, 0, 2],
            })),
        })),
        columnGap: 24,
      },
    ]),
  ];
}
