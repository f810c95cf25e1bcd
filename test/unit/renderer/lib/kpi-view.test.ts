import { describe, expect, it } from 'vitest';
import type { KpiDefinition, KpiSnapshot } from '../../../../shared/domain/kpis/schema';
import { kpiRows } from '../../../../renderer/src/lib/kpi-view';
import { formatDelta, formatKpiValue } from '../../../../renderer/src/lib/kpi-format';

const def = (p: Partial<KpiDefinition>): KpiDefinition => ({
  id: `k-${p.key}`,
  workspaceId: 'w',
  key: 'mttr_hours',
  name: 'MTTR',
  definition: '',
  unit: 'hours',
  direction: 'lower',
  aggregation: 'weighted-mean',
  target: 24,
  amberThreshold: 36,
  benchmark: null,
  formula: '',
  builtIn: true,
  group: 'service',
  ...p,
});

let n = 0;
const snap = (kpiKey: string, period: string, value: number, weight: number | null = null): KpiSnapshot => ({
  id: `s${++n}`,
  workspaceId: 'w',
  kpiKey,
  period,
  value,
  weight,
  segment: '',
  source: 'manual',
  provenance: null,
  note: '',
});

describe('kpiRows (quarter in focus, vs previous quarter, vs last year)', () => {
  const ws = { locale: 'en-US', currency: 'USD' };

  it('weighted mean by tickets resolved with a July fiscal start, RAG from target and amber edge', () => {
    // FY2026-Q1 = Jul–Sep 2025. Weighted: (20×100 + 30×300 + 40×100) / 500 = 30 h → amber (24 < 30 ≤ 36).
    const snaps = [
      snap('mttr_hours', '2025-07', 20, 100),
      snap('mttr_hours', '2025-08', 30, 300),
      snap('mttr_hours', '2025-09', 40, 100),
      // FY2025-Q4 = Apr–Jun 2025: 22 h; FY2025-Q1 = Jul–Sep 2024: 50 h.
      snap('mttr_hours', '2025-05', 22, 10),
      snap('mttr_hours', '2024-08', 50, 10),
    ];
    const [row] = kpiRows([def({})], snaps, '2026-Q1', 7);
    expect(row?.value).toBe(30);
    expect(row?.months).toBe(3);
    expect(row?.rag).toBe('amber');
    expect(row?.previous).toBe(22);
    expect(row?.lastYear).toBe(50);
    expect(formatDelta(row!.def, row!.value, row!.previous, ws)).toEqual({ text: '▲ 8 h', tone: 'worse' });
    expect(formatDelta(row!.def, row!.value, row!.lastYear, ws)).toEqual({ text: '▼ 20 h', tone: 'better' });
  });

  it.each<[Partial<KpiDefinition>, number[], number | null, string | null]>([
    [{ key: 'tickets_opened', aggregation: 'sum', target: null, unit: 'count' }, [100, 120, 80], 300, null],
    [
      {
        key: 'patch_compliance',
        aggregation: 'last',
        direction: 'higher',
        target: 95,
        amberThreshold: 90,
        unit: 'percent',
      },
      [91, 93, 96],
      96,
      'green',
    ],
    [
      { key: 'csat', aggregation: 'mean', direction: 'higher', target: 4.5, amberThreshold: 4, unit: 'score' },
      [3.5, 3.8, 3.8],
      3.7,
      'red',
    ],
  ])('%o over months %o → %s', (d, values, expected, rag) => {
    const key = d.key ?? 'x';
    const snaps = values.map((v, i) => snap(key, `2026-0${i + 1}`, v));
    const [row] = kpiRows([def(d)], snaps, '2026-Q1', 1);
    expect(row?.value).toBeCloseTo(expected ?? 0, 10);
    expect(row?.rag).toBe(rag);
  });

  it('no data → null value, no RAG', () => {
    const [row] = kpiRows([def({})], [], '2026-Q1', 1);
    expect(row).toMatchObject({ value: null, rag: null, previous: null, lastYear: null });
  });

  it('formats values in their unit; tiny changes read as no change', () => {
    expect(formatKpiValue('percent', 97.25, ws)).toBe('97.3%');
    expect(formatKpiValue('hours', 14.94, ws)).toBe('14.9 h');
    expect(formatKpiValue('currency', 4537, ws)).toBe('$45.37');
    expect(formatKpiValue('count', 3864, ws)).toBe('3,864');
    expect(formatDelta(def({ unit: 'score', direction: 'higher' }), 4.42, 4.4, ws)).toEqual({
      text: 'no change',
      tone: 'same',
    });
    expect(formatDelta(def({ unit: 'percent', direction: 'higher' }), 97, 96.7, ws)).toEqual({
      text: '▲ 0.3 pts',
      tone: 'better',
    });
  });
});
