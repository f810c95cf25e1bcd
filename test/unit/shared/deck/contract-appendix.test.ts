import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../cli/adapters/pdf';
import {
  APPENDIX_TITLES,
  buildContractAppendix,
  contractAppendixFileName,
  type ContractAppendixDocument,
} from '../../../../shared/deck/contract-appendix';
import { buildSampleWorkspace } from '../../../../shared/sample/build-sample';
import { emptyTables, type WorkspaceData } from '../../../../shared/domain/tables';

const GENERATED = '2026-10-20T09:30:00.000Z';
type Node = { [k: string]: unknown };

function nodes(tree: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(tree)) for (const t of tree) nodes(t, out);
  else if (tree !== null && typeof tree === 'object') {
    out.push(tree as Node);
    for (const v of Object.values(tree as Node)) if (typeof v === 'object') nodes(v, out);
  }
  return out;
}

function textOf(n: unknown): string {
  if (typeof n === 'string') return n;
  if (Array.isArray(n)) return n.map(textOf).join('');
  if (n && typeof n === 'object') {
    const o = n as Node;
    if ('text' in o) return textOf(o.text);
    if ('stack' in o) return textOf(o.stack);
  }
  return '';
}

type Table = { headerRows?: number; dontBreakRows?: boolean; widths: unknown[]; body: unknown[][] };
function tables(doc: ContractAppendixDocument): Table[] {
  return nodes(doc.content)
    .filter((n) => n.table !== undefined)
    .map((n) => n.table as Table);
}
const rowText = (t: Table) => t.body.map((r) => r.map(textOf));

/** The document with its page callbacks evaluated, as plain data. */
function materialize(doc: ContractAppendixDocument, pages = 4) {
  const { header, footer, background, ...rest } = doc;
  const per = Array.from({ length: pages }, (_, i) => ({
    header: header(i + 1, pages),
    footer: footer(i + 1, pages),
    background: background(i + 1, { width: 960, height: 540 }),
  }));
  return { ...rest, per };
}

const sample = buildSampleWorkspace();

describe('contract appendix document', () => {
  const doc = buildContractAppendix(sample, { generatedAt: GENERATED });

  it('has the three sections as bookmarked titles, one per page, and document metadata', () => {
    const titled = nodes(doc.content).filter((n) => n.outline === true);
    expect(titled.map((n) => n.outlineText)).toEqual([
      APPENDIX_TITLES.raci,
      APPENDIX_TITLES.escalation,
      APPENDIX_TITLES.sla,
    ]);
    expect(doc.content.map((c) => (c as Node).pageBreak ?? null)).toEqual([null, 'before', 'before']);
    expect(doc.info.title).toBe(
      'Northwind Precision Manufacturing \u2014 Contract appendix: RACI, escalation and service levels',
    );
    expect(doc.info.subject).toContain('agreed with Harborline Managed Services, as of');
    expect(doc.info.creationDate.toISOString()).toBe(GENERATED);
    expect(doc.language).toBe('en-US');
    expect(doc.pageSize).toEqual({ width: 960, height: 540 });
  });

  it('every table repeats its header row and never splits a row', () => {
    const all = tables(doc);
    expect(all).toHaveLength(3);
    for (const t of all) {
      expect(t.headerRows).toBe(1);
      expect(t.dontBreakRows).toBe(true);
      for (const row of t.body) expect(row).toHaveLength(t.widths.length);
    }
  });

  it('RACI table: lanes × the three parties in matrix order with the written split', () => {
    const [raci] = tables(doc);
    if (!raci) throw new Error('no RACI table');
    const rows = rowText(raci);
    expect(rows[0]).toEqual([
      'SERVICE LANE',
      'INTERNAL IT',
      'HARBORLINE MANAGED SERVICES',
      'NORTHWIND OPERATIONS',
      'SPLIT OF RESPONSIBILITY',
    ]);
    expect(rows).toHaveLength(1 + sample.tables.raciActivities.length); // 16 lanes
    expect(rows.find((r) => r[0] === 'Patching')).toEqual([
      'Patching',
      'R/A',
      'R',
      '\u2014',
      'Partner patches servers and network devices; Internal IT patches endpoints and business applications.',
    ]);
    expect(rows[1]?.[0]).toBe('Service desk L1');
  });

  it('escalation table: 14 steps by severity then step, targets as durations, severity shown once', () => {
    const esc = tables(doc)[1];
    if (!esc) throw new Error('no escalation table');
    const rows = rowText(esc);
    expect(rows).toHaveLength(1 + 14);
    expect(rows[1]).toEqual(['P1', '1', 'Harborline Managed Services', 'NOC on-call engineer', '15 min']);
    expect(rows[2]).toEqual(['', '2', 'Harborline Managed Services', 'Service delivery manager', '30 min']);
    expect(rows[4]).toEqual(['', '4', 'Internal IT', 'IT director', '2 h']);
    // P3 step 3 of the sample: 2,880 min = 2 days; P4 step 3: 4,800 min = 80 hours.
    expect(rows.find((r) => r[0] === 'P3')).toEqual(['P3', '1', 'Internal IT', 'Service desk lead', '4 h']);
    expect(rows.filter((r) => r[3] === 'Infrastructure Lead').map((r) => r[4])).toEqual(['2 d', '80 h']);
  });

  it('SLA table: one row per party and priority, response and resolution paired', () => {
    const sla = tables(doc)[2];
    if (!sla) throw new Error('no SLA table');
    const rows = rowText(sla);
    // 16 records = 2 parties × 4 priorities × 2 metrics → 8 rows.
    expect(rows).toHaveLength(1 + 8);
    expect(rows[1]).toEqual(['Internal IT', 'P1', '15 min', '4 h', '95%']);
    expect(rows[4]).toEqual(['', 'P4', '8 h', '5 d', '90%']);
    expect(rows[5]).toEqual(['Harborline Managed Services', 'P1', '15 min', '4 h', '95%']);
    expect(rows[7]).toEqual(['', 'P3', '4 h', '3 d', '90%']);
  });

  it('never references a remote resource and embeds no images', () => {
    const text = JSON.stringify(materialize(doc));
    expect(text).not.toMatch(/https?:\/\//i);
    expect(text).not.toMatch(/"image"/);
    expect(doc).not.toHaveProperty('images');
  });

  it('page furniture: org line, "n / N" and the as-of date', () => {
    const m = materialize(doc, 3);
    expect(textOf(m.per[0]?.header)).toBe('Northwind Precision Manufacturing  \u00D7  Harborline Managed Services');
    expect(textOf((m.per[2]?.footer as Node).columns)).toContain('3 / 3');
    expect(textOf((m.per[0]?.footer as Node).columns)).toContain('as of Oct 20, 2026');
  });

  it('lists open RACI points with who must own the lane', () => {
    const flagged: WorkspaceData = structuredClone(sample);
    const cell = flagged.tables.raciAssignments.find((a) => a.id === 'northwind-sample:gov:raci-patching-partner');
    if (!cell) throw new Error('sample changed: no partner cell on Patching');
    cell.roles = ['R', 'A'];
    const all = nodes(buildContractAppendix(flagged, { generatedAt: GENERATED }).content).map(textOf);
    expect(all).toContain(
      'Choose one accountable party for Patching: Internal IT and Harborline Managed Services are both A; Internal IT should own it and the others become C or I.',
    );
    expect(nodes(doc.content).map(textOf)).not.toContain(expect.stringContaining('Choose one accountable'));
  });

  it('an empty workspace gets an empty state per section, not empty tables', () => {
    const empty: WorkspaceData = { workspace: { ...sample.workspace, partnerName: '' }, tables: emptyTables() };
    const d = buildContractAppendix(empty, { generatedAt: 'not a date' });
    expect(tables(d)).toHaveLength(0);
    const texts = nodes(d.content).map(textOf);
    expect(texts).toContain('No service lanes are defined yet.');
    expect(texts).toContain('No escalation ladder is defined yet.');
    expect(texts).toContain('No SLA targets are defined yet.');
    expect(d.info.subject).toContain('agreed with the partner');
    expect(d.info.creationDate.getTime()).toBe(0);
  });

  it('file name is safe and dated', () => {
    expect(contractAppendixFileName('Zürich Präzision AG / <b>', GENERATED)).toBe(
      'Zurich-Prazision-AG-b-contract-appendix-2026-10-20.pdf',
    );
  });
});

describe('contract appendix rendered by pdfmake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qd-appendix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays out as a valid PDF whose text holds the matrix rows', async () => {
    const bytes = await renderPdf(buildContractAppendix(sample, { generatedAt: GENERATED }));
    const file = join(dir, 'appendix.pdf');
    writeFileSync(file, bytes);
    expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (process.env.KEEP_APPENDIX) writeFileSync(process.env.KEEP_APPENDIX, bytes);
    expect(text).toMatch(/Patching\s+R\/A\s+R\s+—\s+Partner patches servers/);
    expect(text).toMatch(/Service desk L1\s+R\/A\s+C\s+I/);
    expect(text).toContain('Escalation ladder');
    expect(text).toMatch(/Harborline Managed Services\s+P1\s+15 min\s+4\s?h\s+95%/);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+3\b/);
    expect(info).toMatch(/Title:\s+Northwind Precision Manufacturing/);
  }, 30_000);
});
