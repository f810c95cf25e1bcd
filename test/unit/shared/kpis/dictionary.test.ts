import { describe, expect, it } from 'vitest';
import { BUILT_IN_KPIS, builtInKpiDefinitions } from '../../../../shared/domain/kpis/dictionary';
import { KpiDefinition } from '../../../../shared/domain/kpis/schema';

// The SPEC §3.6 table, copied by hand: key → unit, better, aggregation.
const SPEC_TABLE: [string, string, 'higher' | 'lower', string][] = [
  ['mttr_hours', 'hours', 'lower', 'weighted-mean'],
  ['median_ttr_hours', 'hours', 'lower', 'recompute'],
  ['tickets_opened', 'count', 'lower', 'sum'],
  ['tickets_resolved', 'count', 'higher', 'sum'],
  ['backlog', 'count', 'lower', 'last'],
  ['sla_attainment', 'percent', 'higher', 'weighted-mean'],
  ['fcr', 'percent', 'higher', 'weighted-mean'],
  ['reopen_rate', 'percent', 'lower', 'weighted-mean'],
  ['tickets_per_endpoint', 'ratio', 'lower', 'mean'],
  ['patch_compliance', 'percent', 'higher', 'last'],
  ['edr_coverage', 'percent', 'higher', 'last'],
  ['mfa_coverage', 'percent', 'higher', 'last'],
  ['backup_test_success', 'percent', 'higher', 'weighted-mean'],
  ['project_throughput', 'count', 'higher', 'sum'],
  ['staff_retention', 'percent', 'higher', 'last'],
  ['cost_per_endpoint', 'currency', 'lower', 'mean'],
  ['csat', 'score', 'higher', 'weighted-mean'],
];

describe('built-in KPI dictionary', () => {
  it('has the 17 KPIs of SPEC §3.6 in order with unit, direction and aggregation', () => {
    expect(BUILT_IN_KPIS.map((k) => [k.key, k.unit, k.direction, k.aggregation])).toEqual(SPEC_TABLE);
  });

  it('produces definitions that pass the KpiDefinition schema', () => {
    const defs = builtInKpiDefinitions('ws-1');
    expect(defs).toHaveLength(17);
    for (const d of defs) {
      const r = KpiDefinition.safeParse(d);
      expect(r.success, `${d.key}: ${r.success ? '' : r.error.message}`).toBe(true);
      expect(d.id).toBe(`kpi-${d.key}`);
      expect(d.workspaceId).toBe('ws-1');
      expect(d.builtIn).toBe(true);
    }
  });

  it('puts the amber threshold on the worse side of the target', () => {
    for (const k of BUILT_IN_KPIS) {
      if (k.target === null || k.amberThreshold === null) continue;
      if (k.direction === 'higher') expect(k.amberThreshold, k.key).toBeLessThan(k.target);
      else expect(k.amberThreshold, k.key).toBeGreaterThan(k.target);
    }
  });

  it('cites a source for every benchmark and uses the public FCR figure', () => {
    for (const k of BUILT_IN_KPIS) if (k.benchmark) expect(k.benchmark.source.length, k.key).toBeGreaterThan(5);
    expect(BUILT_IN_KPIS.find((k) => k.key === 'fcr')?.benchmark?.value).toBe(66);
  });

  it('returns fresh copies so one workspace cannot edit another', () => {
    const a = builtInKpiDefinitions('a');
    const b = builtInKpiDefinitions('b');
    a[0]!.target = 1;
    expect(b[0]!.target).toBe(24);
  });
});
