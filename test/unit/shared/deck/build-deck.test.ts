import { describe, expect, it } from 'vitest';
import {
  buildDeck,
  closeQuarter,
  closeQuarterSnapshot,
  DeckInputError,
  deckCharts,
  deckModel,
  modelHash,
  orderedSections,
  previousStateOf,
  renderDeck,
  SECTION_TITLES,
  whatChanged,
  type DeckDocument,
} from '../../../../shared/deck';
import { printable } from '../../../../shared/deck/theme';
import { DECK_SECTIONS, type DeckSectionKey } from '../../../../shared/domain/qbr/schema';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { TABLE_SCHEMAS, TABLE_NAMES } from '../../../../shared/domain/tables';
import { CUR_QBR, deckFixture, PREV_QBR } from './fixture';

const OPTS = { preset: 'full' as const, chartImages: {}, generatedAt: '2026-04-02T08:00:00Z' };
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

type Node = { [k: string]: unknown };

/** Every object node in a content tree (depth first). */
function nodes(tree: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(tree)) for (const t of tree) nodes(t, out);
  else if (tree !== null && typeof tree === 'object') {
    out.push(tree as Node);
    for (const v of Object.values(tree as Node)) if (typeof v === 'object') nodes(v, out);
  }
  return out;
}

/** Text of a node (strings and nested text arrays joined). */
function textOf(n: unknown): string {
  if (typeof n === 'string') return n;
  if (Array.isArray(n)) return n.map(textOf).join('');
  if (n && typeof n === 'object' && 'text' in n) return textOf((n as Node).text);
  return '';
}

/** The bookmarked titles in document order. */
function outlineTitles(doc: DeckDocument): string[] {
  return nodes(doc.content)
    .filter((n) => n.outline === true)
    .map((n) => String(n.outlineText ?? textOf(n)));
}

/** Titles as they should be bookmarked for the given section keys. */
function titlesFor(keys: DeckSectionKey[]): string[] {
  return keys.map((k) => (k === 'cover' ? 'Cover' : SECTION_TITLES[k]));
}

/** A document with its page callbacks evaluated for 1…n pages: comparable with toEqual. */
function materialize(doc: DeckDocument, pages = 20) {
  const { header, footer, background, ...rest } = doc;
  const size = { width: 960, height: 540 };
  return {
    ...JSON.parse(JSON.stringify(rest)),
    pages: Array.from({ length: pages }, (_, i) => ({
      header: JSON.parse(JSON.stringify(header(i + 1, pages) ?? null)),
      footer: JSON.parse(JSON.stringify(footer(i + 1, pages) ?? null)),
      background: JSON.parse(JSON.stringify(background(i + 1, size) ?? null)),
    })),
  };
}

function withQbr(data: WorkspaceData, patch: Partial<WorkspaceData['tables']['qbrs'][number]>): WorkspaceData {
  return {
    ...data,
    tables: { ...data.tables, qbrs: data.tables.qbrs.map((q) => (q.id === CUR_QBR ? { ...q, ...patch } : q)) },
  };
}

describe('deck fixture', () => {
  it('is a valid workspace (every row passes its schema)', () => {
    const data = deckFixture();
    for (const name of TABLE_NAMES) {
      for (const row of data.tables[name]) {
        const r = TABLE_SCHEMAS[name].safeParse(row);
        expect(r.success, `${name} ${(row as { id: string }).id}: ${r.success ? '' : r.error.message}`).toBe(true);
      }
    }
  });
});

describe('buildDeck: sections', () => {
  it('full preset: cover, agenda, decisions first, then every section in the default order', () => {
    const doc = buildDeck(deckFixture(), CUR_QBR, OPTS);
    expect(outlineTitles(doc)).toEqual(titlesFor([...DECK_SECTIONS]));
  });

  it('follows the QBR toggles and order, keeping decisions right after the agenda', () => {
    const order: DeckSectionKey[] = [
      'cover',
      'agenda',
      'budget',
      'roadmap',
      'executive-summary',
      'next-steps',
      'decisions',
      'appendix',
    ];
    const sections = [
      ...order.map((key) => ({ key, enabled: true })),
      { key: 'risks' as const, enabled: false },
      { key: 'governance' as const, enabled: false },
    ];
    const data = withQbr(deckFixture(), { sections });
    const doc = buildDeck(data, CUR_QBR, OPTS);
    // Keys the QBR does not list follow in default order, enabled; disabled ones are gone.
    expect(outlineTitles(doc)).toEqual(
      titlesFor([
        'cover',
        'agenda',
        'decisions',
        'budget',
        'roadmap',
        'executive-summary',
        'next-steps',
        'appendix',
        'action-items',
        'service-performance',
        'security-posture',
        'staffing-sourcing',
        'what-changed',
      ]),
    );
  });

  it('executive preset keeps the eight board sections, one page each', () => {
    const doc = buildDeck(deckFixture(), CUR_QBR, { ...OPTS, preset: 'executive' });
    expect(outlineTitles(doc)).toEqual(
      titlesFor([
        'cover',
        'agenda',
        'decisions',
        'executive-summary',
        'service-performance',
        'roadmap',
        'budget',
        'next-steps',
      ]),
    );
    // One page per section: 7 page breaks.
    expect(doc.content.filter((n) => (n as Node).pageBreak === 'before')).toHaveLength(7);
    expect(orderedSections([], 'executive')).toHaveLength(8);
  });

  it('every table keeps rows whole; data tables repeat their header row', () => {
    const doc = buildDeck(deckFixture(), CUR_QBR, OPTS);
    const tables = nodes(doc.content).filter((n) => 'table' in n);
    expect(tables.length).toBeGreaterThan(30);
    for (const t of tables) expect((t.table as Node).dontBreakRows).toBe(true);
    // Data tables: the first row is a header of column names.
    const data = tables.filter((t) =>
      ((t.table as { body: Node[][] }).body[0] ?? []).every((c) => typeof c === 'object' && c.style === 'th'),
    );
    expect(data.length).toBeGreaterThan(15);
    for (const t of data) expect((t.table as Node).headerRows).toBe(1);
  });

  it('is a 16:9 page with metadata, language and a creation date from generatedAt', () => {
    const doc = buildDeck(deckFixture(), CUR_QBR, OPTS);
    expect(doc.pageSize.width / doc.pageSize.height).toBeCloseTo(16 / 9, 6);
    expect(doc.info.title).toBe('Northwind Fabrication — QBR Q3 FY2026');
    expect(doc.info.author).toBe('Northwind Fabrication');
    expect(doc.info.subject).toBe('Quarterly business review Q3 FY2026 (Jan – Mar 2026) with Harbor Managed Services');
    expect(doc.info.creationDate.toISOString()).toBe('2026-04-02T08:00:00.000Z');
    expect(doc.language).toBe('en-US');
  });
});

describe('buildDeck: numbers on the pages', () => {
  const doc = buildDeck(deckFixture(), CUR_QBR, OPTS);
  const rows = nodes(doc.content)
    .filter((n) => 'table' in n)
    .flatMap((t) => (t.table as { body: unknown[][] }).body.map((r) => r.map(textOf)));

  it('a KPI row shows value, target, RAG word, vs last quarter and vs last year', () => {
    // SLA: months Jan–Mar 2026 are 95.4, 95.7, 96.0 (equal weights) → 95.7; Oct–Dec 2025 → 94.8;
    // Jan–Mar 2025 → 92.1. Target 95 (higher is better) → green.
    const sla = rows.find((r) => r[0] === 'Tickets resolved within SLA');
    expect(sla).toEqual([
      'Tickets resolved within SLA',
      '95.7%',
      '95%',
      '\u25CF On target',
      '+0.9 pts  better',
      '+3.6 pts  better',
    ]);
    // MTTR (lower is better): 30 − 0.5 i → Jan–Mar 2026 = 20.5 h; a quarter earlier 22 h; a year earlier 26.5 h.
    const mttr = rows.find((r) => r[0] === 'Mean time to resolve');
    expect(mttr).toEqual([
      'Mean time to resolve',
      '20.5 h',
      '24 h',
      '\u25CF On target',
      '\u22121.5 h  better',
      '\u22126 h  better',
    ]);
  });

  it('budget: YTD actual and variance worked by hand from the fixture lines', () => {
    // Q1 53,150,000 + Q2 54,150,000 + Q3 53,850,000 cents = $1,611,500; plan 3 × $540,000.
    const texts = nodes(doc.content).map((n) => textOf(n));
    expect(texts).toContain('$1,611,500');
    expect(texts).toContain('$1,620,000');
    expect(texts).toContain('\u2212$8,500');
  });

  it('roadmap: the two items finished in the quarter are listed as done', () => {
    const done = rows.filter((r) => r[2] === 'Feb 2026' || r[2] === 'Mar 2026').map((r) => r[0]);
    expect(done).toEqual(['EDR rollout', 'MFA for contractors']);
  });
});

describe('buildDeck: no remote resources', () => {
  function strings(tree: unknown, out: string[] = []): string[] {
    if (typeof tree === 'string') out.push(tree);
    else if (Array.isArray(tree)) for (const t of tree) strings(t, out);
    else if (tree && typeof tree === 'object') for (const v of Object.values(tree)) strings(v, out);
    return out;
  }

  it('never references an http(s) URL, even when a logo or chart image is remote', () => {
    const data = withQbr(deckFixture(), {
      theme: {
        accentColor: '#1F4E79',
        orgLogo: { mime: 'image/png', dataUrl: 'https://evil.example/logo.png' },
        partnerLogo: { mime: 'image/png', dataUrl: PNG },
      },
    });
    const doc = buildDeck(data, CUR_QBR, {
      ...OPTS,
      chartImages: { 'health-trend': 'http://evil.example/chart.png', 'budget-plan-vs-actual': PNG },
    });
    const all = [...strings(doc.content), ...strings(doc.images)];
    expect(all.filter((s) => /https?:/i.test(s))).toEqual([]);
    // The data-URL logo and chart are embedded; the remote ones are refused.
    expect(Object.keys(doc.images).sort()).toEqual(['budget-plan-vs-actual', 'partnerLogo']);
    expect(Object.values(doc.images).every((u) => u.startsWith('data:image/'))).toBe(true);
  });

  it('characters Roboto lacks are replaced before they reach the PDF', () => {
    expect(printable('open \u2192 close \u2713 1\u202F000')).toBe('open \u00BB close \u2022 1\u00A0000');
  });
});

describe('budget outlook', () => {
  it('multi-year: recurring lines escalated, one-offs once, committed roadmap costs, proposed apart', () => {
    const my = deckModel(deckFixture(), CUR_QBR).budget.multiYear;
    expect(my.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    const series = Object.fromEntries(my.series.map((x) => [x.label, x.values.slice(0, 2)]));
    expect(series).toEqual({
      // Opex lines are recurring: (9,000,000 + 4,000,000 + 2,500,000 + 1,500,000) × 12; then +3 %.
      'Recurring run costs': [204_000_000, 210_120_000],
      // The laptop refresh (capex, not recurring) counts in its own year only.
      'One-off': [12_000_000, 0],
      // EDR capex lands in Sep 2025 (FY2026).
      'Roadmap capex': [4_500_000, 0],
      // Managed SIEM: $12,000 a month, Apr–Jun 2026 in FY2026 and Jul–Sep 2026 in FY2027.
      'Roadmap opex': [3_600_000, 3_600_000],
      // The ERP migration is only proposed: shown apart, not in the plan.
      'Proposed (not in plan)': [0, 25_000_000],
    });
  });
});

describe('charts for the deck', () => {
  it('lists the charts the full deck places, each with a size', () => {
    const specs = deckCharts(deckFixture(), CUR_QBR, 'full');
    expect(specs.map((s) => s.id)).toEqual([
      'health-trend',
      'kpi-sla_attainment',
      'kpi-mttr_hours',
      'kpi-csat',
      'kpi-tickets_opened',
      'security-mfa_coverage',
      'security-backup_test_success',
      'roadmap-timeline',
      'budget-plan-vs-actual',
      'budget-categories',
      'budget-multi-year',
      'scenario-cumulative',
      'scenario-sensitivity',
    ]);
    for (const s of specs) expect(s.width / s.height).toBeGreaterThan(1);
    // Every chart placed in the document comes from this list.
    const images = Object.fromEntries(specs.map((s) => [s.id, PNG]));
    const doc = buildDeck(deckFixture(), CUR_QBR, { ...OPTS, chartImages: images });
    expect(Object.keys(doc.images).sort()).toEqual(specs.map((s) => s.id).sort());
  });

  it('executive deck wants only the charts it shows', () => {
    expect(deckCharts(deckFixture(), CUR_QBR, 'executive').map((s) => s.id)).toEqual([
      'health-trend',
      'budget-plan-vs-actual',
    ]);
  });
});

describe('snapshots', () => {
  it('the model hash is stable and changes with the numbers', () => {
    const a = modelHash(deckModel(deckFixture(), CUR_QBR));
    const b = modelHash(deckModel(deckFixture(), CUR_QBR));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    const changed = deckFixture();
    changed.tables.budgetLines[0]!.actual[0] = 9_000_001;
    expect(modelHash(deckModel(changed, CUR_QBR))).not.toBe(a);
  });

  it('a closed quarter regenerates from its snapshot with identical content, whatever the live data does', () => {
    const data = deckFixture();
    const snap = closeQuarterSnapshot(data, CUR_QBR, { id: 'snap-q3', createdAt: '2026-04-10T16:00:00Z' });
    expect(snap.sha256).toBe(modelHash(snap.data as never));
    const closed = withQbr(
      { ...data, tables: { ...data.tables, qbrSnapshots: [snap] } },
      { status: 'closed', closedAt: '2026-04-10T16:00:00Z' },
    );
    const before = buildDeck(closed, CUR_QBR, OPTS);
    // The live data moves on after the close.
    closed.tables.kpiSnapshots = closed.tables.kpiSnapshots.map((s) => ({ ...s, value: s.value + 1 }));
    closed.tables.budgetLines[1]!.actual[8] = 99_000_000;
    closed.tables.roadmapItems = closed.tables.roadmapItems.slice(1);
    const after = buildDeck(closed, CUR_QBR, OPTS);
    expect(materialize(after)).toEqual(materialize(before));
    expect(materialize(renderDeck(snap.data as never, OPTS))).toEqual(materialize(before));
    // …while the live model did change.
    expect(modelHash(deckModel(closed, CUR_QBR))).not.toBe(snap.sha256);
  });

  it('closing writes the snapshot, the closed QBR and the carried-over actions; twice is refused', () => {
    const data = deckFixture();
    const c = closeQuarter(data, CUR_QBR, { snapshotId: 'snap-q3', closedAt: '2026-04-10T16:00:00Z' });
    expect(c.qbr).toMatchObject({ id: CUR_QBR, status: 'closed', closedAt: '2026-04-10T16:00:00Z' });
    expect(c.snapshot).toMatchObject({ id: 'snap-q3', qbrId: CUR_QBR, quarter: '2026-Q3' });
    expect(c.snapshot.sha256).toBe(modelHash(c.snapshot.data as never));
    // ai-2 (from Q2, in progress) was reviewed at this QBR and is still open: carried a second time.
    // ai-3 was created in this QBR: it is reviewed at the next one, so it is not carried yet.
    expect(c.carriedOver.map((a) => [a.id, a.carriedOver])).toEqual([['ai-2', 2]]);
    const closed = withQbr(data, { status: 'closed', closedAt: '2026-04-10T16:00:00Z' });
    expect(() => closeQuarter(closed, CUR_QBR, { snapshotId: 'x', closedAt: '2026-04-11T00:00:00Z' })).toThrow(
      /already closed/,
    );
  });

  it('a snapshot changed after the close is refused', () => {
    const data = deckFixture();
    const snap = closeQuarterSnapshot(data, CUR_QBR, { id: 'snap-q3', createdAt: '2026-04-10T16:00:00Z' });
    const tampered = JSON.parse(JSON.stringify(snap.data)) as { budget: { ytd: { actual: number } } };
    tampered.budget.ytd.actual = 1;
    const closed = withQbr(
      { ...data, tables: { ...data.tables, qbrSnapshots: [{ ...snap, data: tampered }] } },
      { status: 'closed', closedAt: '2026-04-10T16:00:00Z' },
    );
    expect(() => buildDeck(closed, CUR_QBR, OPTS)).toThrow(DeckInputError);
  });
});

describe('what changed since last QBR', () => {
  /** The fixture as it stood when Q2 closed: MFA still running and due in January, backup due in April, no ERP item, a different RACI cell. */
  function closedPreviousQuarter(): WorkspaceData {
    const prev = deckFixture();
    prev.tables.roadmapItems = prev.tables.roadmapItems
      .filter((i) => i.id !== 'rm-erp')
      .map((i) =>
        i.id === 'rm-mfa'
          ? { ...i, status: 'in-progress' as const, endMonth: '2026-01' }
          : i.id === 'rm-backup'
            ? { ...i, endMonth: '2026-04' }
            : i,
      );
    const first = prev.tables.raciAssignments[0]!;
    prev.tables.raciAssignments = [{ ...first, roles: ['R'] }, ...prev.tables.raciAssignments.slice(1)];
    const snap = closeQuarterSnapshot(prev, PREV_QBR, { id: 'snap-q2', createdAt: '2026-01-15T17:00:00Z' });
    const cur = deckFixture();
    cur.tables.qbrSnapshots = [snap];
    return cur;
  }

  it('lists roadmap items done, slipped and added, the budget variance change, KPI deltas and RACI changes', () => {
    const data = closedPreviousQuarter();
    const wc = deckModel(data, CUR_QBR).whatChanged;
    expect(wc.baseline).toEqual({ kind: 'snapshot', quarter: '2026-Q2', createdAt: '2026-01-15T17:00:00Z' });
    expect(wc.roadmap).toEqual({
      added: [{ title: 'ERP cloud migration', endMonth: '2027-06' }],
      done: [{ title: 'MFA for contractors' }],
      slipped: [{ title: 'Backup immutability', fromMonth: '2026-04', toMonth: '2026-05' }],
    });
    // YTD variance: Q1 −850,000 + Q2 +150,000 = −700,000 at Q2; −850,000 with Q3's −150,000.
    expect(wc.budget?.previousVariance).toBe(-700_000);
    expect(wc.budget?.currentVariance).toBe(-850_000);
    const sla = wc.kpis.find((k) => k.key === 'sla_attainment');
    expect(sla?.previous).toBeCloseTo(94.8, 9);
    expect(sla?.current).toBeCloseTo(95.7, 9);
    expect(sla?.verdict).toBe('better');
    const lane = data.tables.raciActivities.find((a) => a.id === data.tables.raciAssignments[0]!.activityId)!;
    expect(wc.raci?.changed).toEqual([
      {
        activity: lane.name,
        party: 'Northwind IT',
        before: ['R'],
        after: data.tables.raciAssignments[0]!.roles,
      },
    ]);
  });

  it('reads the summary shape of the sample’s first snapshot (titles only, YTD plan and actual)', () => {
    const state = previousStateOf({
      quarter: '2026-Q2',
      createdAt: '2026-01-15T17:00:00Z',
      data: {
        summaryVersion: 1,
        kpis: [{ key: 'sla_attainment', value: 90 }],
        roadmap: [{ title: 'Backup immutability', status: 'approved', endMonth: '2026-03' }],
        budget: { ytdPlan: 108_000_000, ytdActual: 109_080_000 },
        raci: [],
      },
    });
    expect(state.budget).toEqual({ variance: 1_080_000, variancePct: 1 });
    const wc = whatChanged(deckModel(deckFixture(), CUR_QBR), state);
    expect(wc.roadmap?.slipped).toEqual([{ title: 'Backup immutability', fromMonth: '2026-03', toMonth: '2026-05' }]);
    expect(wc.kpis.map((k) => [k.key, k.previous])).toEqual([['sla_attainment', 90]]);
    // Six live items were not in that summary: all are "added".
    expect(wc.roadmap?.added).toHaveLength(6);
  });

  it('with no earlier snapshot the page says so instead of inventing a baseline', () => {
    const wc = deckModel(deckFixture(), CUR_QBR).whatChanged;
    expect(wc.baseline.kind).toBe('none');
    expect(wc.roadmap).toBeNull();
  });
});
