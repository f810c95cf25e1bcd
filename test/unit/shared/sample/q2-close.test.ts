import { describe, expect, it } from 'vitest';
import { closeQuarterSnapshot, deckModel, deckSource, modelForQbr, modelHash } from '../../../../shared/deck/snapshot';
import { isDeckModel } from '../../../../shared/deck/model';
import { buildSampleWorkspace } from '../../../../shared/sample/build-sample';
import { QBR } from '../../../../shared/sample/governance';
import { sampleAtQ2Close } from '../../../../shared/sample/q2-close';
import { sampleRaci } from '../../../../shared/sample/governance';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { sha256Hex } from '../../../../shared/util/sha256';

const sample = buildSampleWorkspace();
const t = sample.tables;
const frozen = t.qbrSnapshots[0]!;
const HARBORLINE = 'Harborline Managed Services';

describe('the sample’s closed 2026-Q2 snapshot', () => {
  it('holds the deck model, hashed over its canonical JSON, recorded as closed on closing day', () => {
    expect(t.qbrSnapshots).toHaveLength(1);
    expect(frozen).toMatchObject({ qbrId: QBR.q2, quarter: '2026-Q2', createdAt: '2026-07-16T16:00:00.000Z' });
    expect(isDeckModel(frozen.data)).toBe(true);
    expect(frozen.sha256).toBe(sha256Hex(canonicalJson(frozen.data)));
    if (!isDeckModel(frozen.data)) return;
    expect(frozen.data.qbr).toMatchObject({ status: 'closed', closedAt: '2026-07-16T16:00:00.000Z' });
    expect(frozen.data.meta.quarter).toBe('2026-Q2');
  });

  it('is exactly what closing the quarter on the data as it stood produces', () => {
    const again = closeQuarterSnapshot(sampleAtQ2Close(sample, sampleRaci().assignmentsAtQ2), QBR.q2, {
      id: frozen.id,
      createdAt: frozen.createdAt,
    });
    expect(again).toEqual(frozen);
  });

  it('speaks as of June 2026: no July data, the roadmap and RACI of the Q2 close', () => {
    if (!isDeckModel(frozen.data)) throw new Error('not a deck model');
    const m = frozen.data;
    expect(m.meta.kpiDataThrough).toBe('2026-06');
    expect(m.meta.actualsThrough).toBe('2026-06');
    // Year-to-date actuals = every FY2026 actual of January–June, summed straight from the lines.
    const ytd = t.budgetLines
      .filter((l) => l.fiscalYear === 2026)
      .reduce((s, l) => s + l.actual.slice(0, 6).reduce<number>((a, x) => a + (x ?? 0), 0), 0);
    expect(m.budget.ytd.actual).toBe(ytd);
    expect(m.budget.ytd.throughQuarter).toBe('2026-Q2');
    const item = (title: string) => m.roadmap.items.find((i) => i.title === title);
    expect(item('Self-service portal and knowledge base')?.status).toBe('in-progress');
    expect(item('Microsoft 365 Copilot pilot')).toBeUndefined();
    const endpoint = m.governance.raciCells.find((c) => c.activity === 'Endpoint security' && c.party === HARBORLINE);
    expect(endpoint?.roles).toEqual(['C']);
  });

  it('the Q2 deck regenerates from the snapshot, identical to it', () => {
    expect(deckSource(sample, QBR.q2)).toBe('snapshot');
    const m = modelForQbr(sample, QBR.q2);
    expect(modelHash(m)).toBe(frozen.sha256);
    expect(m).toEqual(frozen.data);
  });

  it('the Q3 deck’s “what changed” compares with the Q2 model', () => {
    if (!isDeckModel(frozen.data)) throw new Error('not a deck model');
    const q2 = frozen.data;
    const wc = deckModel(sample, QBR.q3).whatChanged;
    const q3 = deckModel(sample, QBR.q3);
    expect(wc.baseline).toEqual({ kind: 'snapshot', quarter: '2026-Q2', createdAt: '2026-07-16T16:00:00.000Z' });
    expect(wc.roadmap?.added.map((a) => a.title)).toContain('Microsoft 365 Copilot pilot');
    expect(wc.roadmap?.done.map((a) => a.title)).toContain('Self-service portal and knowledge base');
    expect(wc.budget).toEqual({
      previousVariance: q2.budget.ytd.variance,
      previousVariancePct: q2.budget.ytd.variancePct,
      currentVariance: q3.budget.ytd.variance,
      currentVariancePct: q3.budget.ytd.variancePct,
    });
    const sla = wc.kpis.find((k) => k.key === 'sla_attainment');
    expect(sla?.previous).toBe(q2.kpis.find((k) => k.key === 'sla_attainment')?.value);
    expect(wc.raci?.changed).toContainEqual({
      activity: 'Endpoint security',
      party: HARBORLINE,
      before: ['C'],
      after: expect.arrayContaining(['R']) as unknown as string[],
    });
  });
});
