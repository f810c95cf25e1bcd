/**
 * `quarterdeck scenario --workspace FILE | --sample [--json]`: the SPEC §4 sourcing comparison of a
 * workspace, as JSON in major currency units (minor / 100 for USD, not rounded for display) or as
 * a readable table. Same engine as the app.
 */
import { compareScenarios, type ScenarioComparison, type ScenarioResult } from '../../shared/domain/scenarios/engine';
import { standardScenarios } from '../../shared/domain/scenarios/defaults';
import { currencyDigits, toMajor } from '../../shared/domain/scenarios/rounding';
import { comparisonSentence } from '../../shared/domain/scenarios/summary';
import type { WorkspaceData } from '../../shared/domain/tables';
import { CliError, type CliCommand, type CliIo } from '../io';
import { loadWorkspaceArg, workspaceSourceArg } from '../workspace-file';

const USAGE = [
  'Usage: quarterdeck scenario --workspace FILE | --sample [--json]',
  '',
  'Costs every sourcing scenario of the workspace (SPEC §4): per year current staff, new hires,',
  'one-time hiring, partner and total; cumulative; NPV; cost per endpoint per month; coverage and',
  'hires per skill area; break-even of every pair; the ±20 % sensitivity.',
  '',
  '  --workspace FILE  a workspace backup file (.json)',
  '  --sample          the built-in sample workspace',
  '  --json            machine-readable output in major currency units (e.g. dollars, unrounded)',
].join('\n');

/** One year in the JSON output (major units). */
export type ScenarioYearJson = {
  year: number;
  currentStaff: number;
  newHires: number;
  hiringOneTime: number;
  partner: number;
  total: number;
};

/** The JSON shape of issue 4, item 5. */
export type ScenarioJson = {
  scenarios: {
    name: string;
    kind: string;
    hires: Record<string, number>;
    years: ScenarioYearJson[];
    cumulative: number[];
    npv: number;
    costPerEndpointMonth: (number | null)[];
    coverage: Record<string, number>;
  }[];
  breakEven: { a: string; b: string; year: number | null }[];
  sensitivity: { input: string; low: number; high: number }[];
};

function byAreaKey(
  result: ScenarioResult,
  value: (a: ScenarioResult['areas'][number]) => number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of result.areas) out[a.key] = value(a);
  return out;
}

/** Converts a comparison to the CLI JSON: money to major units, areas keyed by skill-area key. */
export function scenarioJson(data: WorkspaceData, cmp: ScenarioComparison): ScenarioJson {
  const cur = data.workspace.currency;
  const major = (minor: number): number => toMajor(minor, cur);
  return {
    scenarios: cmp.scenarios.map((s) => ({
      name: s.name,
      kind: s.kind,
      hires: byAreaKey(s, (a) => a.hires),
      years: s.years.map((y) => ({
        year: y.year,
        currentStaff: major(y.currentStaff),
        newHires: major(y.newHires),
        hiringOneTime: major(y.hiringOneTime),
        partner: major(y.partner),
        total: major(y.total),
      })),
      cumulative: s.cumulative.map(major),
      npv: major(s.npv),
      costPerEndpointMonth: s.costPerEndpointMonth.map((v) => (v === null ? null : major(v))),
      coverage: byAreaKey(s, (a) => a.coverage),
    })),
    breakEven: cmp.breakEven.map((b) => ({ a: b.a, b: b.b, year: b.year })),
    sensitivity: cmp.sensitivity.map((r) => ({ input: r.input, low: major(r.low), high: major(r.high) })),
  };
}

/** Checks the options this command knows; `--workspace`/`--sample` are read by loadWorkspaceArg. */
function parseArgs(argv: readonly string[]): { json: boolean } {
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--workspace') i++;
    else if (a !== '--sample' && !a.startsWith('--workspace=')) {
      throw new CliError(`unknown option "${a}". Run quarterdeck scenario --help.`, 2);
    }
  }
  return { json };
}

/** Skill-area keys name the JSON fields, so two areas with one key would silently merge. */
function checkAreaKeys(data: WorkspaceData, source: string): void {
  const seen = new Map<string, string>();
  for (const a of data.tables.skillAreas) {
    const other = seen.get(a.key);
    if (other !== undefined) {
      throw new CliError(`${source}: skillAreas/${a.id}: key: "${a.key}" is also the key of skillAreas/${other}`);
    }
    seen.set(a.key, a.id);
  }
}

function pad(s: string, n: number, right = true): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(rows: string[][], rightFrom = 1): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => pad(c, widths[i] ?? 0, i >= rightFrom))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The readable report: one table per scenario, then break-even, sensitivity and the sentence. */
export function scenarioText(data: WorkspaceData, cmp: ScenarioComparison): string {
  const { currency, locale } = data.workspace;
  const digits = currencyDigits(currency);
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits });
  } catch {
    nf = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits });
  }
  const money = (minor: number): string => nf.format(toMajor(minor, currency));
  const out: string[] = [`${data.workspace.name} — sourcing scenarios (${currency})`, ''];
  for (const s of cmp.scenarios) {
    out.push(`${s.name} (${s.kind})${s.contractName ? ` — pays ${s.contractName}` : ''}`);
    const rows = [
      ['Year', 'Current staff', 'New hires', 'One-time hiring', 'Partner', 'Total', 'Cumulative', 'Per endpoint/month'],
    ];
    s.years.forEach((y, i) => {
      const pe = s.costPerEndpointMonth[i];
      rows.push([
        String(y.year),
        money(y.currentStaff),
        money(y.newHires),
        money(y.hiringOneTime),
        money(y.partner),
        money(y.total),
        money(s.cumulative[i] ?? 0),
        pe === null || pe === undefined ? 'n/a' : nf.format(toMajor(pe, currency)),
      ]);
    });
    out.push(table(rows));
    out.push(`NPV: ${money(s.npv)}    hires: ${s.totalHires}`);
    const areaRows = [['Area', 'Choice', 'Required FTE', 'Internal FTE', 'Hires', 'Coverage']];
    for (const a of s.areas) {
      areaRows.push([
        a.name,
        a.choice,
        a.requiredFte.toFixed(2),
        a.internalFte.toFixed(2),
        String(a.hires),
        `${Math.round(a.coverage * 100)} %${a.partnerCovered ? ' (partner)' : ''}`,
      ]);
    }
    out.push(table(areaRows, 2), '');
  }
  if (cmp.breakEven.length > 0) {
    out.push('Break-even (first year the cumulative cost of A is below B)');
    out.push(
      table(
        [['A', 'B', 'Year'], ...cmp.breakEven.map((b) => [b.a, b.b, b.year === null ? 'never' : String(b.year)])],
        2,
      ),
      '',
    );
  }
  if (cmp.sensitivity.length > 0) {
    out.push('Sensitivity: change in NPV(co-managed) − NPV(in-house) when one input moves −20 % / +20 %');
    out.push(
      table([['Input', '−20 %', '+20 %'], ...cmp.sensitivity.map((r) => [r.label, money(r.low), money(r.high)])]),
      '',
    );
  }
  const sentence = comparisonSentence(data, cmp);
  if (sentence) out.push(sentence);
  return out.join('\n').trimEnd();
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const source = workspaceSourceArg(argv, io).label;
  const data = await loadWorkspaceArg(argv, io);
  checkAreaKeys(data, source);
  let scenarios = data.tables.scenarios;
  if (scenarios.length === 0) {
    scenarios = standardScenarios(data.workspace.id, data.tables.partnerContracts);
    io.err(
      `quarterdeck scenario: ${source} has no scenarios; using the standard set (${scenarios.map((s) => s.name).join(', ')}).`,
    );
  }
  const cmp = compareScenarios(data, scenarios);
  const first = cmp.problems[0];
  if (first) {
    const more = cmp.problems.length > 1 ? ` (and ${cmp.problems.length - 1} more)` : '';
    throw new CliError(`${source}: ${first.record}: ${first.field}: ${first.reason}${more}`);
  }
  io.out(args.json ? JSON.stringify(scenarioJson(data, cmp), null, 2) : scenarioText(data, cmp));
  return 0;
}

export const command: CliCommand = {
  summary: 'compare hire, co-managed, hybrid and fully outsourced sourcing (SPEC §4)',
  usage: USAGE,
  run,
};
