/**
 * The deck cut of Roboto (resources/fonts/deck, built by scripts/build-deck-fonts.mjs): current,
 * well-formed, and spacing text exactly as pdfmake's Roboto does (minus the fi/fl ligatures).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckFontDir, robotoDir, robotoFontFiles } from '../../../cli/adapters/fonts';
import { SECTION_TITLES } from '../../../shared/deck/sections';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);

type Glyph = { id: number; advanceWidth: number };
type Run = { glyphs: Glyph[]; positions: { xAdvance: number }[]; advanceWidth: number };
type Font = {
  layout(text: string, features?: Record<string, boolean>): Run;
  directory: { tables: Record<string, unknown> };
  kern?: unknown;
};
const fontkit = require('fontkit') as { create(b: Buffer): Font };

const STYLES = ['Regular', 'Medium', 'Italic', 'MediumItalic'] as const;

function open(dir: string, style: string): Font {
  return fontkit.create(readFileSync(join(dir, `Roboto-${style}.ttf`)));
}

/** Every word the sample workspace can put on a page, the section titles and some hard pairs. */
function words(): string[] {
  const out = new Set<string>([
    'AVAY',
    'Tyre',
    'Wa.',
    '“Quoted,”',
    '€1,234.56',
    '−12%',
    'L’Oréal',
    'Ŧest',
    'ff',
    'ffi',
  ]);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const w of v.split(/\s+/)) if (w) out.add(w);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'resources', 'sample-workspace.json'), 'utf8')));
  walk(Object.values(SECTION_TITLES));
  return [...out];
}

function sfntChecksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i + 4 <= b.length; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('deck fonts (Roboto, deck cut)', () => {
  it('are what scripts/build-deck-fonts.mjs builds from pdfmake’s Roboto today', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-deck-fonts.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stdout).not.toMatch(/STALE/);
    expect(r.status).toBe(0);
  }, 60_000);

  it('hold a kern table instead of the OpenType layout tables, with a valid whole-file checksum', () => {
    for (const style of STYLES) {
      const bytes = readFileSync(join(deckFontDir(), `Roboto-${style}.ttf`));
      const tables = Object.keys(open(deckFontDir(), style).directory.tables);
      expect(tables).toContain('kern');
      for (const t of ['GSUB', 'GPOS', 'GDEF']) expect(tables).not.toContain(t);
      for (const t of ['glyf', 'hmtx', 'cmap', 'name', 'OS/2']) expect(tables).toContain(t);
      // A well-formed sfnt sums to 0xB1B0AFBA once head.checkSumAdjustment is in.
      expect(sfntChecksum(bytes)).toBe(0xb1b0afba);
    }
  });

  it('space every word of the sample exactly like the original (ligatures off), kerning included', () => {
    const all = words();
    expect(all.length).toBeGreaterThan(500);
    let kerned = 0;
    for (const style of STYLES) {
      const original = open(robotoDir(), style);
      const cut = open(deckFontDir(), style);
      for (const w of all) {
        const a = original.layout(w, { liga: false, clig: false });
        const b = cut.layout(w);
        expect(
          b.glyphs.map((g) => g.id),
          `${style} "${w}" glyphs`,
        ).toEqual(a.glyphs.map((g) => g.id));
        expect(
          b.positions.map((p) => p.xAdvance),
          `${style} "${w}" advances`,
        ).toEqual(a.positions.map((p) => p.xAdvance));
        if (b.positions.some((p, i) => p.xAdvance !== (b.glyphs[i] as Glyph).advanceWidth)) kerned++;
      }
    }
    // Kerning really happens (a cut without it would pass the equality only for unkerned words).
    expect(kerned).toBeGreaterThan(100);
  });

  it('are the fonts the CLI hands pdfmake', () => {
    const files = robotoFontFiles().Roboto;
    expect(files?.normal).toBe(join(deckFontDir(), 'Roboto-Regular.ttf'));
    expect(files?.bolditalics).toBe(join(deckFontDir(), 'Roboto-MediumItalic.ttf'));
  });
});
