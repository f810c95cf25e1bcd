import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { command, scenarioJson, scenarioText, type ScenarioJson } from '../../../cli/commands/scenario';
import type { CliIo } from '../../../cli/io';
import { parseBackup, serializeBackup } from '../../../shared/backup/format';
import { compareScenarios } from '../../../shared/domain/scenarios/engine';
import type { WorkspaceData } from '../../../shared/domain/tables';
import { area, contract, person, scenario, workspace } from '../shared/scenarios/fixtures';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

/**
 * SOC (24x7, co-manage, partner covers 24x7) and network (8x5, hire, Ann knows it) with
 * profile P, contract C, w = 0 and escalator 0, H = 2, d = 10 %.
 */
function fixture(): WorkspaceData {
  const d = workspace({
    areas: [
      area({ id: 'area-soc', key: 'siem-soc', name: 'SIEM / SOC', coverageModel: '24x7', plan: 'co-manage' }),
      area({ id: 'area-net', key: 'network-engineering', name: 'Network engineering', plan: 'hire', order: 1 }),
    ],
    people: [person('ann', { 'area-net': 3 }, { name: 'Ann' })],
    contracts: [contract({ escalatorPct: 0, coveredAreas: [{ skillAreaId: 'area-soc', coverageModel: '24x7' }] })],
    scenarios: [
      scenario({ id: 'ih', name: 'In-house', kind: 'in-house', horizonYears: 2, wageInflationPct: 0 }),
      scenario({ id: 'cm', name: 'Co-managed', kind: 'co-managed', horizonYears: 2, wageInflationPct: 0, order: 1 }),
      scenario({ id: 'hy', name: 'Hybrid', kind: 'hybrid', horizonYears: 2, wageInflationPct: 0, order: 2 }),
    ],
  });
  d.tables.parties = [{ id: 'partner', workspaceId: d.workspace.id, name: 'MSP', kind: 'partner', shortName: 'MSP' }];
  return d;
}

describe('scenario JSON (major units, keyed by skill-area key)', () => {
  const data = fixture();
  const json = scenarioJson(data, compareScenarios(data));
  const [ih, cm, hy] = json.scenarios;

  it('has the hires and coverage per area key', () => {
    // In-house: SOC ceil(4.867) = 5 hires; network ceil(1.156 − 1) = 1 hire (plan hire).
    expect(ih?.hires).toEqual({ 'siem-soc': 5, 'network-engineering': 1 });
    // Co-managed: no hires; SOC covered by the partner → 1; network 1,800 / 2,080 = 0.865.
    expect(cm?.hires).toEqual({ 'siem-soc': 0, 'network-engineering': 0 });
    expect(cm?.coverage).toEqual({ 'siem-soc': 1, 'network-engineering': 1800 / 2080 });
    // Hybrid: hires only where the plan is "hire" (network), pays the partner for SOC.
    expect(hy?.hires).toEqual({ 'siem-soc': 0, 'network-engineering': 1 });
    expect(hy?.coverage).toEqual({ 'siem-soc': 1, 'network-engineering': 1 });
  });

  it('gives money in dollars, unrounded for display', () => {
    // In-house y0: Ann 143,750.00; 6 hires × 143,750 = 862,500; one-time 6 × 17,500 = 105,000;
    // total 1,111,250. y1 (w = 0): 143,750 + 862,500 = 1,006,250. NPV = 1,111,250 + 1,006,250 / 1.1
    // = 1,111,250 + 914,772.727… = 2,026,022.73 (to the cent: 202,602,272.7 cents → 202,602,273).
    expect(ih?.years).toEqual([
      { year: 0, currentStaff: 143_750, newHires: 862_500, hiringOneTime: 105_000, partner: 0, total: 1_111_250 },
      { year: 1, currentStaff: 143_750, newHires: 862_500, hiringOneTime: 0, partner: 0, total: 1_006_250 },
    ]);
    expect(ih?.cumulative).toEqual([1_111_250, 2_117_500]);
    expect(ih?.npv).toBe(2_026_022.73);
    // Co-managed y0: Ann 143,750 + partner 162,000 = 305,750 → per endpoint-month 305,750 / 200 / 12.
    expect(cm?.years[0]).toEqual({
      year: 0,
      currentStaff: 143_750,
      newHires: 0,
      hiringOneTime: 0,
      partner: 162_000,
      total: 305_750,
    });
    expect(cm?.costPerEndpointMonth[0]).toBeCloseTo(305_750 / 200 / 12, 9);
  });

  it('lists break-even for every ordered pair and the sensitivity rows', () => {
    expect(json.breakEven).toHaveLength(6);
    expect(json.breakEven).toContainEqual({ a: 'Co-managed', b: 'In-house', year: 0 });
    expect(json.breakEven).toContainEqual({ a: 'In-house', b: 'Co-managed', year: null });
    // Productive hours −20 % (1,440 h) adds 2 SOC hires, +20 % (2,160 h) drops the network hire:
    // 3 hires × (14,375,000 × (1 + 1/1.1) + 1,750,000) ≈ 87.6 M cents swing, above salary's
    // ≈ 67.7 M (6 more FTE in-house × 2,825,000 a year ± one-time 250,000 per hire).
    expect(json.sensitivity.map((r) => r.input).slice(0, 2)).toEqual(['productiveHours', 'salary']);
    for (const r of json.sensitivity) expect(Object.keys(r)).toEqual(['input', 'low', 'high']);
  });

  it('prints a readable table with the sentence', () => {
    const text = scenarioText(data, compareScenarios(data));
    expect(text).toContain('In-house (in-house)');
    expect(text).toContain('$1,111,250.00');
    expect(text).toMatch(/NPV: \$2,026,022\.73 {4}hires: 6/);
    expect(text).toContain('doing it in-house needs 6 hires.');
  });
});

function fakeIo(cwd: string): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), cwd }, out, err };
}

// Each spawn starts tsx (2–4 s on a busy 2-core machine): generous per-test timeouts.
describe('quarterdeck scenario (process)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'qd-scenario-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'ws.json');
  writeFileSync(file, serializeBackup(fixture(), '2026-01-01T00:00:00.000Z'));

  it('prints the same JSON as the engine for a workspace file', async () => {
    const { stdout } = await run(TSX, ['cli/main.ts', 'scenario', '--workspace', file, '--json'], { cwd: ROOT });
    const data = fixture();
    expect(JSON.parse(stdout) as ScenarioJson).toEqual(scenarioJson(data, compareScenarios(data)));
  });

  it('runs on the sample workspace: totals add up and areas are the sample keys', async () => {
    const { stdout } = await run(TSX, ['cli/main.ts', 'scenario', '--sample', '--json'], { cwd: ROOT });
    const json = JSON.parse(stdout) as ScenarioJson;
    // The process agrees with the engine run in-process on the committed sample file.
    const parsed = parseBackup(readFileSync(join(ROOT, 'resources/sample-workspace.json'), 'utf8'));
    if (!parsed.ok) throw new Error(`sample does not parse: ${JSON.stringify(parsed.problems[0])}`);
    expect(json).toEqual(scenarioJson(parsed.data, compareScenarios(parsed.data)));
    const keys = [...parsed.data.tables.skillAreas].sort((a, b) => a.order - b.order).map((a) => a.key);
    expect(json.scenarios.length).toBeGreaterThanOrEqual(2);
    const kinds = json.scenarios.map((s) => s.kind);
    expect(kinds).toContain('in-house');
    expect(kinds).toContain('co-managed');
    for (const s of json.scenarios) {
      let run = 0;
      s.years.forEach((y, i) => {
        // Components are whole cents; the total is their sum.
        for (const v of [y.currentStaff, y.newHires, y.hiringOneTime, y.partner]) {
          expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-6);
        }
        expect(y.total).toBeCloseTo(y.currentStaff + y.newHires + y.hiringOneTime + y.partner, 6);
        run += y.total;
        expect(s.cumulative[i]).toBeCloseTo(run, 6);
      });
      for (const c of Object.values(s.coverage)) expect(c).toBeGreaterThanOrEqual(0);
      expect(Object.keys(s.hires)).toEqual(keys);
      expect(Object.keys(s.coverage)).toEqual(keys);
    }
    expect(json.sensitivity.length).toBeGreaterThan(0);
    const swings = json.sensitivity.map((r) => Math.abs(r.high - r.low));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });

  it('prints a table without --json', async () => {
    const { stdout } = await run(TSX, ['cli/main.ts', 'scenario', '--workspace', file], { cwd: ROOT });
    expect(stdout).toContain('Break-even');
    expect(stdout).toContain('Sensitivity');
  });

  it('rejects an unknown option with exit 2', async () => {
    const { io, err } = fakeIo(dir);
    await expect(command.run(['--sample', '--frobnicate'], io)).rejects.toThrow(/unknown option "--frobnicate"/);
    expect(err).toEqual([]);
    const p = run(TSX, ['cli/main.ts', 'scenario', '--sample', '--frobnicate'], { cwd: ROOT });
    await expect(p).rejects.toMatchObject({ code: 2 });
  });

  it('names the record and field when a scenario cannot be costed', async () => {
    const bad = fixture();
    bad.tables.scenarios.push(scenario({ id: 'fo', name: 'Outsourced', kind: 'fully-outsourced', order: 9 }));
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, serializeBackup(bad, '2026-01-01T00:00:00.000Z'));
    const p = run(TSX, ['cli/main.ts', 'scenario', '--workspace', badFile, '--json'], { cwd: ROOT });
    await expect(p).rejects.toMatchObject({ code: 1 });
    const e = (await p.catch((x: unknown) => x)) as { stderr: string; stdout: string };
    expect(e.stdout).toBe('');
    expect(e.stderr.trim().split('\n')).toHaveLength(1);
    expect(e.stderr).toContain(
      'scenarios/fo (Outsourced): contractId: a fully-outsourced scenario needs a fully-managed',
    );
  });
});
