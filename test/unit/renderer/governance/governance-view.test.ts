import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/domain/findings';
import type { RaciVersion } from '../../../../shared/domain/governance/schema';
import type { SlaAttainmentRow } from '../../../../shared/domain/governance/sla';
import {
  defaultCompareVersion,
  durationMinutes,
  durationParts,
  findingTarget,
  governanceHref,
  parseGovernanceHash,
} from '../../../../renderer/src/features/governance/governance-view';
import {
  slaAttainmentSpec,
  slaAttainmentTable,
  slaSeries,
} from '../../../../renderer/src/features/governance/sla-chart';

describe('governance deep links', () => {
  it('round-trips section and record id, including characters that need escaping', () => {
    const href = governanceHref('raci', 'northwind:gov/raci patching');
    expect(href).toBe('#/governance/raci/northwind%3Agov%2Fraci%20patching');
    expect(parseGovernanceHash(href)).toEqual({ section: 'raci', id: 'northwind:gov/raci patching' });
    expect(parseGovernanceHash('#/governance/risks')).toEqual({ section: 'risks', id: null });
    expect(parseGovernanceHash('#/governance')).toBeNull();
    expect(parseGovernanceHash('#/governance/nope/1')).toBeNull();
    expect(parseGovernanceHash('#/roadmap')).toBeNull();
    expect(parseGovernanceHash('#/governance/raci/%E0%A4%A')).toEqual({ section: 'raci', id: null });
  });

  it.each<[Finding['kind'], string, string]>([
    ['raci-accountable', '#/governance/raci/lane-1', 'Fix Patching in the RACI matrix'],
    ['raci-collision', '#/governance/raci/lane-1', 'Fix Patching in the RACI matrix'],
    ['raci-gap', '#/governance/raci/lane-1', 'Fix Patching in the RACI matrix'],
    ['escalation-gap', '#/governance/escalation/lane-1', 'Fix in the escalation ladder'],
    ['sla-missing', '#/governance/sla/lane-1', 'Add the SLA targets'],
    ['action-overdue', '#/governance/actions/lane-1', 'Open the action'],
    ['single-point-of-failure', '#/staffing', 'Open Staffing & Sourcing'],
    ['dependency-conflict', '#/roadmap', 'Open the roadmap'],
    ['budget-unlinked', '#/budget', 'Open the budget'],
  ])('a %s finding links to %s', (kind, href, label) => {
    expect(findingTarget({ kind, subject: 'Patching', message: '', recordId: 'lane-1' })).toEqual({ href, label });
  });
});

describe('RACI version to compare with', () => {
  const v = (quarter: string, savedAt: string): RaciVersion => ({
    id: `${quarter}-${savedAt}`,
    workspaceId: 'w',
    quarter,
    savedAt,
    cells: [],
  });
  it('takes the newest version before the quarter in focus, else the newest at all', () => {
    const versions = [v('2026-Q1', '2026-01-10'), v('2026-Q2', '2026-04-10'), v('2026-Q3', '2026-07-10')];
    expect(defaultCompareVersion(versions, '2026-Q3')?.quarter).toBe('2026-Q2');
    expect(defaultCompareVersion(versions, '2027-Q1')?.quarter).toBe('2026-Q3');
    expect(defaultCompareVersion(versions, '2026-Q1')?.quarter).toBe('2026-Q3');
    expect(defaultCompareVersion([], '2026-Q1')).toBeNull();
  });
});

describe('response-target durations', () => {
  it.each([
    [15, { value: '15', unit: 'min' }],
    [90, { value: '90', unit: 'min' }],
    [480, { value: '8', unit: 'h' }],
    [2880, { value: '2', unit: 'd' }],
    [0, { value: '0', unit: 'min' }],
  ])('%i minutes shows as %o', (m, parts) => {
    expect(durationParts(m)).toEqual(parts);
    expect(durationMinutes(parts.value, parts.unit as 'min' | 'h' | 'd')).toBe(m);
  });

  it('reads decimals and decimal commas, refuses what is not whole minutes', () => {
    expect(durationMinutes('1.5', 'h')).toBe(90);
    expect(durationMinutes('0,25', 'd')).toBe(360);
    expect(durationMinutes(' 45 ', 'min')).toBe(45);
    expect(durationMinutes('0.5', 'min')).toBeNull();
    expect(durationMinutes('-5', 'min')).toBeNull();
    expect(durationMinutes('4h', 'h')).toBeNull();
    expect(durationMinutes('', 'h')).toBeNull();
  });
});

describe('SLA attainment chart', () => {
  const row = (partyId: string | null, partyName: string, quarter: string, pct: number | null, target: number | null) =>
    ({
      partyId,
      partyName,
      quarter,
      tickets: 10,
      met: 9,
      attainmentPct: pct,
      targetPct: target,
      status: 'met',
      byPriority: [],
      source: 'tickets',
    }) satisfies SlaAttainmentRow;
  const quarters = ['2026-Q1', '2026-Q2', '2026-Q3'];
  const rows = [
    row('it', 'Internal IT', '2026-Q1', 91, 92.5),
    row('it', 'Internal IT', '2026-Q3', 93.9, 92.5),
    row('msp', 'Harborline', '2026-Q2', 97.2, null),
    row('biz', 'Business', '2026-Q2', null, 90),
  ];

  it('groups by party over the quarters, gaps as null, parties without any value dropped', () => {
    expect(slaSeries(rows, quarters)).toEqual([
      { partyName: 'Internal IT', values: [91, null, 93.9], targets: [92.5, null, 92.5] },
      { partyName: 'Harborline', values: [null, 97.2, null], targets: [null, null, null] },
    ]);
  });

  it('draws bars per party and a dashed target line only where a party has a target', () => {
    const series = slaSeries(rows, quarters);
    const spec = slaAttainmentSpec(series, quarters);
    const datasets = spec.config.data.datasets as { type: string; label: string; borderDash?: number[] }[];
    expect(datasets.map((d) => [d.type, d.label])).toEqual([
      ['bar', 'Internal IT'],
      ['line', 'Internal IT target'],
      ['bar', 'Harborline'],
    ]);
    expect(datasets[1]?.borderDash).toEqual([6, 4]);
    expect(spec.config.data.labels).toEqual(['Q1 FY2026', 'Q2 FY2026', 'Q3 FY2026']);
    // The axis starts at 80 or, for lower values, 5 points below them on a 5-point step.
    const y = (spec.config.options as { scales: { y: { min: number; max: number } } }).scales.y;
    expect([y.min, y.max]).toEqual([80, 100]);
    expect(spec.title).toBe('SLA attainment by party, Q1 FY2026 to Q3 FY2026');
  });

  it('the table alternative has the same numbers', () => {
    const series = slaSeries(rows, quarters);
    expect(slaAttainmentTable(series, quarters)).toEqual({
      columns: ['Quarter', 'Internal IT attained', 'Internal IT target', 'Harborline attained', 'Harborline target'],
      rows: [
        ['Q1 FY2026', '91%', '92.5%', null, null],
        ['Q2 FY2026', null, null, '97.2%', null],
        ['Q3 FY2026', '93.9%', '92.5%', null, null],
      ],
    });
  });
});
