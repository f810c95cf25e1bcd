#!/usr/bin/env node
/**
 * Builds the deck's cut of Roboto: resources/fonts/deck/Roboto-*.ttf.
 *
 * Why: pdfmake lays text out with fontkit, which runs the full OpenType shaper (GSUB + GPOS) on every
 * word. For Roboto that pipeline was the largest single cost of making a deck in a fresh process
 * (≈ 0.35–0.4 s of ≈ 2 s for the sample's 19 pages). The cut keeps every glyph, metric and hint of
 * pdfmake's Roboto but replaces the OpenType layout tables with what Latin business text needs:
 *   - GSUB, GPOS and GDEF are dropped (Roboto's GSUB only adds fi/fl ligatures to this text, and
 *     optional features — small caps, old-style figures, fractions — the deck never asks for);
 *   - the GPOS pair kerning is kept, flattened into a `kern` table (compact class form, format 3)
 *     for the characters a deck can hold (Latin-1, Latin Extended-A, punctuation, currency, arrows).
 *     Kerning values are read from fontkit's own GPOS result for each pair, so spacing is unchanged.
 * fontkit then skips its shaper and only looks pairs up (three array reads), which is what makes layout
 * cheap. test/unit/cli/deck-fonts.test.ts checks the files are current and that every word of the
 * sample deck advances exactly as with the original font.
 *
 * Roboto: Copyright 2011 Google Inc., Apache License 2.0 (as shipped in pdfmake/fonts/Roboto).
 * The cut is a modified version: the layout tables above are changed; nothing else.
 *
 * Run: `node scripts/build-deck-fonts.mjs` (writes) or `--check` (exits 1 when a file differs).
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
const outDir = join(root, 'resources', 'fonts', 'deck');
export const STYLES = ['Regular', 'Medium', 'Italic', 'MediumItalic'];

/** Code point ranges whose glyph pairs get kerning in the cut. */
export const KERN_RANGES = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x17f], // Latin-1 Supplement, Latin Extended-A
  [0x2010, 0x2044], // dashes, quotes, bullets, ellipsis, per mille, fraction slash
  [0x20ac, 0x20ac], // euro
  [0x2122, 0x2122], // trade mark
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus
];

const DROP = new Set(['GSUB', 'GPOS', 'GDEF']);

/** Parses an sfnt table directory: tag → { offset, length }. */
function tables(buf) {
  const n = buf.readUInt16BE(4);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const o = 12 + i * 16;
    out.set(buf.toString('latin1', o, o + 4), { offset: buf.readUInt32BE(o + 8), length: buf.readUInt32BE(o + 12) });
  }
  return out;
}

function checksum(buf) {
  let sum = 0;
  const padded = buf.length % 4 ? Buffer.concat([buf, Buffer.alloc(4 - (buf.length % 4))]) : buf;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Pair kerning (font units) that fontkit's GPOS applies between every two glyphs of the ranges. */
function kerningPairs(original) {
  // Shape with GSUB hidden so pairs such as f+i stay two glyphs (the cut has no ligatures).
  const bytes = Buffer.from(original);
  for (const [tag, t] of tables(bytes)) {
    if (tag !== 'GSUB') continue;
    const n = bytes.readUInt16BE(4);
    for (let i = 0; i < n; i++) {
      const o = 12 + i * 16;
      if (bytes.readUInt32BE(o + 8) === t.offset) bytes.write('xSUB', o, 'latin1');
    }
  }
  const font = fontkit.create(bytes);
  const ids = new Set();
  for (const [a, b] of KERN_RANGES) {
    for (let c = a; c <= b; c++) if (font.hasGlyphForCodePoint(c)) ids.add(font.glyphForCodePoint(c).id);
  }
  const glyphIds = [...ids].sort((x, y) => x - y);
  const pairs = [];
  for (const l of glyphIds) {
    const left = font.getGlyph(l);
    for (const r of glyphIds) {
      const run = font.layout([left, font.getGlyph(r)]);
      const k = run.positions[0].xAdvance - left.advanceWidth;
      if (k !== 0) pairs.push([l, r, k]);
    }
  }
  return pairs; // sorted by (left, right) already
}

/**
 * A `kern` table in the compact class form (Apple version 1, format 3): a left class and a right
 * class per glyph (one byte each), a class × class index into a list of distinct values. fontkit
 * reads it with three array look-ups per pair and parses it in a few hundred bytes — a flat pair
 * list (format 0) of the same ~7,500 pairs cost more to parse in a fresh process than it saved.
 * Class 0 on either side means "no kerning".
 */
function kernTable(pairs) {
  const glyphCount = Math.max(...pairs.map(([l, r]) => Math.max(l, r))) + 1;
  const values = [0];
  const valueIndex = new Map([[0, 0]]);
  for (const [, , v] of pairs) if (!valueIndex.has(v)) valueIndex.set(v, values.push(v) - 1);
  const lefts = [...new Set(pairs.map(([l]) => l))].sort((a, b) => a - b);
  const rights = [...new Set(pairs.map(([, r]) => r))].sort((a, b) => a - b);
  const cell = new Map(pairs.map(([l, r, v]) => [l * 65536 + r, v]));
  // Glyphs with identical rows (columns) share a class.
  const classesOf = (glyphs, key) => {
    const byKey = new Map();
    const cls = new Map();
    for (const g of glyphs) {
      const k = key(g);
      if (!byKey.has(k)) byKey.set(k, byKey.size + 1);
      cls.set(g, byKey.get(k));
    }
    return { cls, count: byKey.size + 1 };
  };
  const left = classesOf(lefts, (l) => rights.map((r) => cell.get(l * 65536 + r) ?? 0).join());
  const right = classesOf(rights, (r) => lefts.map((l) => cell.get(l * 65536 + r) ?? 0).join());
  if (left.count > 255 || right.count > 255 || values.length > 255) {
    throw new Error(`kerning too rich for format 3: ${left.count}×${right.count} classes, ${values.length} values`);
  }
  const index = new Uint8Array(left.count * right.count);
  for (const [l, r, v] of pairs) index[left.cls.get(l) * right.count + right.cls.get(r)] = valueIndex.get(v);
  const bodyLength = 6 + values.length * 2 + glyphCount * 2 + index.length;
  const sub = Buffer.alloc(8 + bodyLength);
  sub.writeUInt32BE(sub.length, 0);
  sub.writeUInt8(0, 4); // coverage: horizontal, not cross-stream, no variation
  sub.writeUInt8(3, 5); // format 3
  sub.writeUInt16BE(0, 6); // tuple index
  let o = 8;
  sub.writeUInt16BE(glyphCount, o);
  sub.writeUInt8(values.length, o + 2);
  sub.writeUInt8(left.count, o + 3);
  sub.writeUInt8(right.count, o + 4);
  sub.writeUInt8(0, o + 5); // flags
  o += 6;
  for (const v of values) o = sub.writeInt16BE(v, o);
  for (let g = 0; g < glyphCount; g++) sub[o + g] = left.cls.get(g) ?? 0;
  o += glyphCount;
  for (let g = 0; g < glyphCount; g++) sub[o + g] = right.cls.get(g) ?? 0;
  o += glyphCount;
  Buffer.from(index).copy(sub, o);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(0x00010000, 0); // version 1.0
  head.writeUInt32BE(1, 4); // one subtable
  return Buffer.concat([head, sub]);
}

/** The cut of one TTF: layout tables dropped, `kern` added, directory and checksums rebuilt. */
export function cutFont(original) {
  const dir = tables(original);
  const body = new Map();
  for (const [tag, t] of dir)
    if (!DROP.has(tag)) body.set(tag, Buffer.from(original.subarray(t.offset, t.offset + t.length)));
  body.set('kern', kernTable(kerningPairs(original)));
  const head = body.get('head');
  head.writeUInt32BE(0, 8); // checkSumAdjustment is computed over the whole file below
  const tags = [...body.keys()].sort();
  const n = tags.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + n * 16);
  original.copy(header, 0, 0, 4); // sfnt version
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  const parts = [header];
  let offset = header.length;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = body.get(tag);
    const o = 12 + i * 16;
    header.write(tag, o, 'latin1');
    header.writeUInt32BE(checksum(data), o + 4);
    header.writeUInt32BE(offset, o + 8);
    header.writeUInt32BE(data.length, o + 12);
    if (tag === 'head') headOffset = offset;
    const pad = (4 - (data.length % 4)) % 4;
    parts.push(data, Buffer.alloc(pad));
    offset += data.length + pad;
  });
  const font = Buffer.concat(parts);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

export function buildAll() {
  return STYLES.map((style) => {
    const name = `Roboto-${style}.ttf`;
    return { name, path: join(outDir, name), bytes: cutFont(readFileSync(join(srcDir, name))) };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(outDir, { recursive: true });
  for (const f of buildAll()) {
    let current = null;
    try {
      current = readFileSync(f.path);
    } catch {
      current = null;
    }
    const same = current !== null && current.equals(f.bytes);
    if (check) {
      if (!same) stale++;
      console.log(`${same ? 'ok   ' : 'STALE'} ${f.name}`);
    } else {
      writeFileSync(f.path, f.bytes);
      console.log(`wrote ${f.name} (${f.bytes.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}
