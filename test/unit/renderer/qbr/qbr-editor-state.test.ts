import { describe, expect, it } from 'vitest';
import { DECK_SECTIONS, type Qbr } from '../../../../shared/domain/qbr/schema';
import {
  agendaTimings,
  applyPreset,
  draftFromQbr,
  formatMinutes,
  imageAssetFromBytes,
  isDirty,
  MAX_LOGO_BYTES,
  moveAt,
  normalizeSections,
  removeAt,
} from '../../../../renderer/src/features/qbr/qbr-editor-state';
import { pageCountOf, previewPages } from '../../../../renderer/src/pdf/deck-preview';
import { deckFileName } from '../../../../renderer/src/pdf/deck-pdf';
import type { DeckDocument } from '../../../../shared/deck/build-deck';

function qbr(patch: Partial<Qbr> = {}): Qbr {
  return {
    id: 'q1',
    workspaceId: 'w1',
    quarter: '2026-Q3',
    title: 'QBR',
    date: '2026-10-15',
    attendees: [],
    agenda: [],
    executiveSummary: '',
    wins: [],
    pains: [],
    decisionIds: [],
    // Reversed order, with a duplicate and missing keys, as an older or hand-edited row could be.
    sections: [
      { key: 'appendix', enabled: false },
      { key: 'budget', enabled: true },
      { key: 'appendix', enabled: true },
    ],
    preset: 'full',
    theme: { accentColor: '#1F4E79', orgLogo: null, partnerLogo: null },
    nextQbrDate: null,
    status: 'draft',
    closedAt: null,
    ...patch,
  };
}

describe('sections and presets', () => {
  it('normalises to each of the 15 sections once, keeping the stored order first', () => {
    const s = normalizeSections(qbr().sections);
    expect(s).toHaveLength(15);
    expect(s.slice(0, 3)).toEqual([
      { key: 'appendix', enabled: false },
      { key: 'budget', enabled: true },
      { key: 'cover', enabled: true },
    ]);
    expect(new Set(s.map((x) => x.key)).size).toBe(DECK_SECTIONS.length);
  });

  it('Executive enables exactly its 8 one-page sections and keeps the order; Full enables all 15', () => {
    const exec = applyPreset(draftFromQbr(qbr()), 'executive');
    expect(exec.preset).toBe('executive');
    expect(exec.sections.filter((s) => s.enabled).map((s) => s.key)).toEqual([
      'budget',
      'cover',
      'agenda',
      'decisions',
      'executive-summary',
      'service-performance',
      'roadmap',
      'next-steps',
    ]);
    expect(exec.sections.map((s) => s.key).slice(0, 2)).toEqual(['appendix', 'budget']);
    const full = applyPreset(exec, 'full');
    expect(full.sections.every((s) => s.enabled)).toBe(true);
    expect(full.sections.map((s) => s.key)).toEqual(exec.sections.map((s) => s.key));
  });

  it('a preset change makes the draft dirty; the untouched draft is clean', () => {
    const q = qbr({ sections: DECK_SECTIONS.map((key) => ({ key, enabled: true })) });
    expect(isDirty(draftFromQbr(q), q)).toBe(false);
    expect(isDirty(applyPreset(draftFromQbr(q), 'executive'), q)).toBe(true);
  });
});

describe('reorder', () => {
  it.each([
    { list: ['a', 'b', 'c'], index: 1, delta: -1 as const, want: ['b', 'a', 'c'] },
    { list: ['a', 'b', 'c'], index: 1, delta: 1 as const, want: ['a', 'c', 'b'] },
    { list: ['a', 'b', 'c'], index: 0, delta: -1 as const, want: ['a', 'b', 'c'] },
    { list: ['a', 'b', 'c'], index: 2, delta: 1 as const, want: ['a', 'b', 'c'] },
    { list: ['a', 'b', 'c'], index: 5, delta: -1 as const, want: ['a', 'b', 'c'] },
  ])('moveAt($list, $index, $delta) → $want', ({ list, index, delta, want }) => {
    expect(moveAt(list, index, delta)).toEqual(want);
  });

  it('removeAt drops exactly one row', () => {
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('agenda timings', () => {
  it('sums minutes and gives each item its start: 5 + 15 + 20 + 50 = 90', () => {
    expect(agendaTimings([{ minutes: 5 }, { minutes: 15 }, { minutes: 20 }, { minutes: 50 }])).toEqual({
      total: 90,
      starts: [0, 5, 20, 40],
    });
  });
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
  ])('formatMinutes(%i) = %s', (n, s) => expect(formatMinutes(n)).toBe(s));
});

describe('logos from image bytes', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
  it('a PNG signature gives a base64 PNG data URL', () => {
    // 89 50 4E 47 0D 0A 1A 0A 00 in base64 is "iVBORw0KGgoA".
    expect(imageAssetFromBytes('logo.png', png)).toEqual({
      ok: true,
      asset: { mime: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgoA' },
    });
  });
  it('JPEG is recognised by its bytes even with a wrong extension', () => {
    const r = imageAssetFromBytes('logo.png', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]));
    expect(r.ok && r.asset.mime).toBe('image/jpeg');
  });
  it('refuses other formats and files above the cap, naming the file', () => {
    const gif = imageAssetFromBytes('anim.gif', new TextEncoder().encode('GIF89a....'));
    expect(gif).toEqual({ ok: false, reason: 'anim.gif is not a PNG or JPEG image.' });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    const r = imageAssetFromBytes('big.png', big);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^big\.png is 1\.0 MB; logos can be at most 1 MB/);
  });
});

describe('deck preview and file name', () => {
  it('one preview per content page: cover, titled pages, continuations, chart images', () => {
    const doc = {
      images: { 'kpi-csat': 'data:image/png;base64,AAAA' },
      content: [
        { stack: [{ text: 'Northwind', fontSize: 30 }] },
        {
          stack: [
            {
              absolutePosition: { x: 0, y: 0 },
              stack: [
                { text: 'Q3', style: 'kicker' },
                { text: 'Budget', style: 'title' },
              ],
            },
            { image: 'kpi-csat', width: 100, height: 50 },
            { text: ['Plan ', { text: '$1,000' }] },
          ],
          pageBreak: 'before',
        },
        { stack: [{ text: 'More rows' }], pageBreak: 'before' },
      ],
    } as unknown as DeckDocument;
    expect(previewPages(doc)).toEqual([
      { index: 0, title: 'Quarterly business review', continued: false, images: [], lines: ['Northwind'] },
      {
        index: 1,
        title: 'Budget',
        continued: false,
        images: [{ id: 'kpi-csat', dataUrl: 'data:image/png;base64,AAAA' }],
        lines: ['Plan $1,000'],
      },
      { index: 2, title: 'Budget', continued: true, images: [], lines: ['More rows'] },
    ]);
  });

  it('counts page objects, not the page tree', () => {
    const pdf = new TextEncoder().encode('<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>');
    expect(pageCountOf(pdf)).toBe(2);
  });

  it.each([
    ['Northwind Precision Manufacturing', '2026-Q3', 'Northwind-Precision-Manufacturing-QBR-2026-Q3.pdf'],
    ['Zürich Präzision AG 🏭', '2027-Q1', 'Zurich-Prazision-AG-QBR-2027-Q1.pdf'],
    ['<>:"/\\|?*', '2026-Q4', 'Quarterdeck-QBR-2026-Q4.pdf'],
  ])('deckFileName(%s, %s) = %s', (org, q, want) => expect(deckFileName(org, q)).toBe(want));
});
