/**
 * `quarterdeck deck` end to end: the CLI runs in its own process on the committed sample, and the
 * PDF is checked with poppler-utils and qpdf (installed by .ci/run). Key numbers are computed here
 * straight from resources/sample-workspace.json, without the app's code. Every page is rendered to
 * test-results/deck/ for review by eye.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(ROOT, 'test-results', 'deck');
// The PDFs are made in a private folder: Playwright empties test-results/ when an e2e run starts,
// which may happen while these tests run. Copies and page PNGs go to test-results/deck for review.
const WORK = mkdtempSync(join(tmpdir(), 'qd-deck-test-'));
const require = createRequire(import.meta.url);
const TOOLS = ['pdfinfo', 'pdftotext', 'pdffonts', 'pdftoppm', 'qpdf'];

function requireTool(tool: string): void {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(
      `${tool} is not installed: the deck checks need poppler-utils and qpdf (apt-get install -y poppler-utils qpdf; .ci/run does this)`,
    );
  }
}

function runCli(args: string[]) {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function tool(name: string, args: string[]): string {
  return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

// ---------------------------------------------------------------------------------------------
// Expected numbers, worked from the raw sample JSON.

type Raw = {
  workspace: { fiscalYearStartMonth: number; currency: string; locale: string; name: string; partnerName: string };
  tables: {
    kpiSnapshots: { kpiKey: string; period: string; value: number; weight: number | null; segment: string }[];
    budgetLines: { fiscalYear: number; actual: (number | null)[] }[];
    roadmapItems: { title: string; status: string; endMonth: string }[];
  };
};
const sample = JSON.parse(readFileSync(join(ROOT, 'resources', 'sample-workspace.json'), 'utf8')) as Raw;
const fsm = sample.workspace.fiscalYearStartMonth;

/** Fiscal year and 0-based fiscal quarter of a calendar month `YYYY-MM`. */
function fiscalOf(month: string): { fy: number; q: number; fm: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const fm = (m - fsm + 12) % 12;
  const fy = fsm === 1 ? y : m >= fsm ? y + 1 : y;
  return { fy, q: Math.floor(fm / 3), fm };
}
function monthOf(fy: number, fm: number): string {
  const start = (fsm === 1 ? fy : fy - 1) * 12 + (fsm - 1) + fm;
  return `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`;
}

// Latest quarter with KPI values or budget actuals (the CLI's default quarter).
const dataMonths = [
  ...sample.tables.kpiSnapshots.filter((s) => /^\d{4}-\d{2}$/.test(s.period)).map((s) => s.period),
  ...sample.tables.budgetLines.flatMap((l) =>
    l.actual.flatMap((a, i) => (a === null ? [] : [monthOf(l.fiscalYear, i)])),
  ),
].sort();
const latest = fiscalOf(dataMonths[dataMonths.length - 1]!);
const quarterMonthsList = [0, 1, 2].map((k) => monthOf(latest.fy, latest.q * 3 + k));
const quarterKey = `${latest.fy}-Q${latest.q + 1}`;

const money = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(cents / 100);

// Budget actual year to date: every actual of the fiscal year up to the quarter's last month.
const ytdActual = sample.tables.budgetLines
  .filter((l) => l.fiscalYear === latest.fy)
  .reduce((s, l) => s + l.actual.slice(0, (latest.q + 1) * 3).reduce<number>((a, v) => a + (v ?? 0), 0), 0);

// SLA attainment for the quarter: weighted mean of the three monthly values.
const slaMonths = sample.tables.kpiSnapshots.filter(
  (s) => s.kpiKey === 'sla_attainment' && s.segment === '' && quarterMonthsList.includes(s.period),
);
const slaValue =
  slaMonths.reduce((s, m) => s + m.value * (m.weight ?? 0), 0) / slaMonths.reduce((s, m) => s + (m.weight ?? 0), 0);

// Roadmap items done in the quarter.
const doneInQuarter = sample.tables.roadmapItems.filter(
  (i) => i.status === 'done' && quarterMonthsList.includes(i.endMonth),
);

const SECTION_TITLES = [
  'Agenda',
  'Decisions requested',
  'Executive summary',
  'Action items',
  'Service performance',
  'Security posture',
  'Risks',
  'Roadmap',
  'Budget',
  'Staffing and sourcing',
  'Governance',
  'What changed since last QBR',
  'Next steps',
  'Appendix',
];

const EXEC_TITLES = [
  'Agenda',
  'Decisions requested',
  'Executive summary',
  'Service performance',
  'Roadmap',
  'Budget',
  'Next steps',
];

// ---------------------------------------------------------------------------------------------

const runs: Record<'full' | 'executive', { pdf: string; stdout: string; status: number | null; stderr: string }> = {
  full: { pdf: join(WORK, 'sample-full.pdf'), stdout: '', status: null, stderr: '' },
  executive: { pdf: join(WORK, 'sample-executive.pdf'), stdout: '', status: null, stderr: '' },
};

beforeAll(() => {
  for (const t of TOOLS) requireTool(t);
  for (const preset of ['full', 'executive'] as const) {
    rmSync(runs[preset].pdf, { force: true });
    const r = runCli(['deck', '--sample', '--preset', preset, '--out', runs[preset].pdf]);
    runs[preset].stdout = r.stdout;
    runs[preset].stderr = r.stderr;
    runs[preset].status = r.status;
  }
}, 240_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function info(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of tool('pdfinfo', [pdf]).split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** Text with layout whitespace collapsed, so numbers and titles can be searched for. */
function text(pdf: string): string {
  return tool('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
}

describe.each([
  ['full', 12, 20, SECTION_TITLES],
  ['executive', 1, 8, EXEC_TITLES],
] as const)('quarterdeck deck --sample --preset %s', (preset, minPages, maxPages, titles) => {
  it('exits 0 and reports pages, size and time', () => {
    const r = runs[preset];
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .+\.pdf: \d+ pages, \d+ KB, \d+\.\d\d s \(/);
  });

  it('pdfinfo: page count within the preset, 16:9 pages, title, author, subject', () => {
    const i = info(runs[preset].pdf);
    const pages = Number(i.Pages);
    expect(pages).toBeGreaterThanOrEqual(minPages);
    expect(pages).toBeLessThanOrEqual(maxPages);
    const m = /^([\d.]+) x ([\d.]+) pts/.exec(i['Page size'] ?? '');
    expect(m).not.toBeNull();
    expect(Number(m![1]) / Number(m![2])).toBeCloseTo(16 / 9, 3);
    expect(i.Title).toBe(`${sample.workspace.name} — QBR Q${latest.q + 1} FY${latest.fy}`);
    expect(i.Author).toBe(sample.workspace.name);
    expect(i.Subject).toContain(`Quarterly business review Q${latest.q + 1} FY${latest.fy}`);
    expect(i.Subject).toContain(sample.workspace.partnerName);
    // The reported page count matches the file.
    expect(runs[preset].stdout).toContain(`: ${pages} pages,`);
  });

  it('qpdf --check finds no errors', () => {
    expect(tool('qpdf', ['--check', runs[preset].pdf])).toMatch(/No syntax or stream encoding errors found/);
  });

  it('pdffonts: every font is embedded', () => {
    const rows = tool('pdffonts', [runs[preset].pdf])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // Columns: name type encoding emb sub uni object ID — "emb" is the 4th field from the end + 1.
      const f = row.trim().split(/\s+/);
      expect(f[f.length - 5], row).toBe('yes');
    }
  });

  it('pdftotext: every section title and the key numbers worked from the sample JSON', () => {
    const t = text(runs[preset].pdf);
    for (const title of titles) expect(t, title).toContain(title);
    expect(t).toContain(money(ytdActual));
    expect(t).toContain(`${slaValue.toFixed(1)}%`);
    if (preset === 'full') {
      expect(doneInQuarter.length).toBeGreaterThan(0);
      for (const item of doneInQuarter) expect(t).toContain(item.title);
      expect(t).toMatch(new RegExp(`DONE THIS QUARTER ${doneInQuarter.length} `));
    }
  });

  it('every page renders to PNG (for review by eye)', () => {
    const dir = join(WORK, 'png');
    mkdirSync(dir, { recursive: true });
    tool('pdftoppm', ['-png', '-r', '60', runs[preset].pdf, join(dir, preset)]);
    const pages = Number(info(runs[preset].pdf).Pages);
    const names = readdirSync(dir).filter((n) => n.startsWith(`${preset}-`) && n.endsWith('.png'));
    expect(names).toHaveLength(pages);
    for (const n of names) expect(readFileSync(join(dir, n)).subarray(1, 4).toString('latin1')).toBe('PNG');
    // Copies for review; the folder is made right before each copy because a concurrent e2e run
    // may empty test-results/ at any moment.
    for (const n of [...names, `sample-${preset}.pdf`]) {
      mkdirSync(OUT, { recursive: true });
      copyFileSync(n.endsWith('.pdf') ? runs[preset].pdf : join(dir, n), join(OUT, n));
    }
  });
});

describe('quarterdeck deck: bookmarks and bad input', () => {
  it('has one bookmark per section', () => {
    // qpdf's JSON view lists the outline items with their titles.
    const json = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', runs.full.pdf])) as {
      outlines: { title: string }[];
    };
    expect(json.outlines.map((o) => o.title)).toEqual(['Cover', ...SECTION_TITLES]);
  });

  it.each([
    [['deck', '--sample'], /--out FILE\.pdf is required/, 2],
    [['deck', '--sample', '--quarter', '2026-5', '--out', 'x.pdf'], /not a quarter like 2026-Q3/, 2],
    [['deck', '--sample', '--preset', 'board', '--out', 'x.pdf'], /not executive or full/, 2],
    [['deck', '--workspace', 'no-such-file.json', '--out', 'x.pdf'], /no-such-file\.json: no such file/, 1],
    [['deck', '--sample', '--out', '/no/such/dir/deck.pdf'], /cannot write .*: the folder does not exist/, 1],
  ])('%j fails with one line', (args, message, code) => {
    const r = runCli(args);
    expect(r.status).toBe(code);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('--quarter picks that quarter (a draft is made when it has no QBR)', () => {
    const pdf = join(WORK, 'sample-2026-Q1.pdf');
    const r = runCli(['deck', '--sample', '--quarter', '2026-Q1', '--preset', 'executive', '--out', pdf]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Q1 FY2026, draft made for this run');
    expect(info(pdf).Title).toBe(`${sample.workspace.name} — QBR Q1 FY2026`);
    expect(quarterKey).not.toBe('2026-Q1');
  });
});

describe('Node adapters', () => {
  it('encodes opaque RGB PNGs that decode to the same pixels', async () => {
    const { encodeRgbPng } = await import('../../../cli/adapters/png-rgb');
    const { Image } = await import('@napi-rs/canvas');
    const { createCanvas } = await import('@napi-rs/canvas');
    // 3×2 pixels: red, green, blue / white, half-transparent black (→ grey on white), black.
    const rgba = new Uint8ClampedArray([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 128, 0, 0, 0, 255,
    ]);
    const png = await encodeRgbPng(rgba, 3, 2);
    expect(png[25]).toBe(2); // colour type 2: RGB, no alpha
    const img = new Image();
    img.src = png;
    const c = createCanvas(3, 2);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const back = Array.from(ctx.getImageData(0, 0, 3, 2).data);
    // 255 × (1 − 128/255) = 127 for the composited pixel.
    expect(back).toEqual([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 127, 127, 127, 255, 0, 0, 0, 255,
    ]);
  });

  it('renders a chart at 2× density as an RGB PNG data URL', async () => {
    const { renderChartPng } = await import('../../../cli/adapters/chart-renderer');
    const { planVsActualChart } = await import('../../../shared/charts');
    const url = await renderChartPng(planVsActualChart({ labels: ['Q1'], plan: [1], actual: [2] }), 300, 120);
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect(png.readUInt32BE(16)).toBe(600);
    expect(png.readUInt32BE(20)).toBe(240);
    expect(png[25]).toBe(2);
  });

  it('pdfmake may read only the bundled fonts and never fetches a remote image', async () => {
    const { localAccessAllowed, renderPdf } = await import('../../../cli/adapters/pdf');
    const { deckFontDir } = await import('../../../cli/adapters/fonts');
    expect(localAccessAllowed(`${deckFontDir()}Roboto-Regular.ttf`)).toBe(true);
    expect(localAccessAllowed('/etc/passwd')).toBe(false);
    expect(localAccessAllowed(`${deckFontDir()}../../package.json`)).toBe(false);
    await expect(
      renderPdf({ content: [{ image: 'x', width: 10 }], images: { x: 'https://example.invalid/logo.png' } }),
    ).rejects.toThrow(/denied/i);
    await expect(renderPdf({ content: [{ image: '/etc/hosts', width: 10 }] })).rejects.toThrow(/denied/i);
  });
});
