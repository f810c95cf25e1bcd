import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/io';
import { main } from '../../../cli/main';
import { serializeBackup } from '../../../shared/backup/format';
import { makeFullWorkspace } from '../shared/backup/make-workspace';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
let dir = '';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(...t.split('\n')), err: (t) => err.push(...t.split('\n')), cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The real process through the package bin, as a user runs it: exit code, stdout, stderr. */
function spawnCli(...argv: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, 'cli/bin/quarterdeck.mjs'), ...argv], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return name;
}

const valid = () => serializeBackup(makeFullWorkspace(), '2026-10-01T09:00:00.000Z');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qd-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quarterdeck validate (in process)', () => {
  it('the sample is valid: exit 0 and its findings listed as warnings', async () => {
    const r = await cli('validate', '--sample');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(
      'sample workspace: valid workspace backup "Northwind Precision Manufacturing" (9 people, 26 roadmap items, 55 budget lines, 534 KPI snapshots, 2 QBRs).',
    );
    expect(r.out[1]).toBe('7 findings (warnings):');
    expect(r.out[2]).toMatch(/^ {2}raci-collision · Endpoint security · /);
    expect(r.err).toEqual([]);
  });

  it('--json prints valid, errors and the plan findings', async () => {
    const r = await cli('validate', '--sample', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.join('\n')) as { valid: boolean; errors: unknown[]; findings: { kind: string }[] };
    expect(json.valid).toBe(true);
    expect(json.errors).toEqual([]);
    expect(json.findings.map((f) => f.kind)).toEqual([
      'raci-collision',
      'single-point-of-failure',
      'single-point-of-failure',
      'single-point-of-failure',
      'dependency-conflict',
      'action-overdue',
      'action-overdue',
    ]);
  });

  it('a valid backup file: exit 0', async () => {
    const r = await cli('validate', '--workspace', file('ok.json', valid()));
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^ok\.json: valid workspace backup "Test Manufacturing 🏭 GmbH"/);
  });

  it.each([
    ['empty.json', '', ['file · the file is empty']],
    ['spaces.json', '   \n', ['file · the file is empty']],
    [
      'truncated.json',
      '{\n  "formatVersion": 1,\n  "app": "quar',
      [
        'file · invalid JSON at line 3, column 15: the text ends before the JSON is complete (truncated?) (the file looks truncated)',
      ],
    ],
    [
      'newer.json',
      '{"app":"quarterdeck","formatVersion":7}',
      [
        'file · formatVersion · written by a newer Quarterdeck (backup format version 7; this version reads up to 1); update Quarterdeck to open it',
      ],
    ],
    [
      'csv.json',
      'month,amount\n2026-01,5\n',
      ['file · invalid JSON at line 1, column 1: unexpected character "m", expected a value'],
    ],
  ])('%s: exit 1 with one line per problem', async (name, content, lines) => {
    const r = await cli('validate', '--workspace', file(name, content));
    expect(r.code).toBe(1);
    expect(r.out).toEqual(lines);
    expect(r.err).toEqual([`quarterdeck validate: ${name} is not a valid workspace backup (1 problem).`]);
  });

  it('wrong types and dangling references: record · field · reason', async () => {
    const doc = JSON.parse(valid()) as { tables: Record<string, Record<string, unknown>[]> };
    doc.tables.roadmapItems![0]!.priority = 'urgent';
    doc.tables.budgetLines![0]!.roadmapItemId = 'rm-gone';
    const r = await cli('validate', '--workspace', file('types.json', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'roadmapItems[0] "Cloud migration" · priority · Invalid input: expected number, received string',
      'budgetLines[0] "Azure consumption" · roadmapItemId · refers to roadmap item "rm-gone", which is not in this backup',
    ]);
  });

  it('__proto__ keys: refused, and Object.prototype stays clean', async () => {
    const text = valid().replace('"name":"Zoë Ångström"', '"name":"Zoë Ångström","__proto__":{"isAdmin":true}');
    const r = await cli('validate', '--workspace', file('proto.json', text));
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'people[0] "Zoë Ångström" · __proto__ · the key "__proto__" is not allowed in a backup (it could alter object prototypes)',
    ]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a binary file and a UTF-16 file are named as such', async () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x10]);
    let r = await cli('validate', '--workspace', file('archive.zip', binary));
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['file · the file is not text (binary content); expected a Quarterdeck backup (.json)']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid(), 'utf16le')]);
    r = await cli('validate', '--workspace', file('utf16.json', utf16));
    expect(r.out).toEqual(['file · the file is UTF-16 text; save it as UTF-8 and try again']);
  });

  it('deep nesting gets a message, not a crash', async () => {
    const n = 50_000;
    const text = `{"app":"quarterdeck","formatVersion":1,"x":${'['.repeat(n)}${']'.repeat(n)}}`;
    const r = await cli('validate', '--workspace', file('deep.json', text));
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/^file · x\[0\]\[0\].* · nested more than 64 levels deep; refused$/);
  });

  it('a 1 GB sparse file is refused by its size before any reading', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '{');
    truncateSync(path, 1024 ** 3);
    const r = await cli('validate', '--workspace', 'huge.json');
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual(['quarterdeck validate: huge.json is 1.0 GB; the limit for a workspace backup is 50 MB']);
  });

  it.each([
    [['--workspace', 'missing.json'], 'quarterdeck validate: missing.json: no such file'],
    [['--workspace', '.'], 'quarterdeck validate: . is a folder, not a workspace backup file'],
  ])('%j: one line, exit 1', async (args, message) => {
    const r = await cli('validate', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([message]);
  });

  it('a named pipe is refused instead of hanging', async () => {
    const fifo = join(dir, 'pipe.json');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) throw new Error('mkfifo is needed for this test');
    const r = await cli('validate', '--workspace', 'pipe.json');
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['quarterdeck validate: pipe.json is not a regular file (a device, pipe or socket)']);
  });

  it('--json reports unreadable and invalid files as JSON too', async () => {
    let r = await cli('validate', '--workspace', 'missing.json', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out.join('\n'))).toEqual({
      valid: false,
      errors: [{ record: 'file', field: '', reason: 'no such file' }],
      findings: [],
    });
    r = await cli('validate', '--workspace', file('bad.json', '{"app":"quarterdeck"}'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out.join('\n'))).toEqual({
      valid: false,
      errors: [
        { record: 'file', field: 'formatVersion', reason: 'expected a whole number of at least 1, found nothing' },
      ],
      findings: [],
    });
  });

  it.each([
    [[], 'quarterdeck validate: give --workspace FILE (a workspace backup) or --sample'],
    [['--sample', '--workspace', 'x.json'], 'quarterdeck validate: give either --workspace FILE or --sample, not both'],
    [['--workspace'], 'quarterdeck validate: --workspace needs a file name'],
    [
      ['--sample', '--verbose'],
      'quarterdeck validate: unknown argument "--verbose". Usage: quarterdeck validate --workspace FILE | --sample [--json]',
    ],
  ])('usage error %j: exit 2', async (args, message) => {
    const r = await cli('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([message]);
  });

  it('resolves a relative path against the working directory', async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'in-sub.json'), valid());
    const r = await cli('validate', '--workspace', 'sub/in-sub.json');
    expect(r.code).toBe(0);
  });
});

describe('quarterdeck validate (real process: exit codes, no stack traces)', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

  it('--sample exits 0', () => {
    const r = spawnCli('validate', '--sample');
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid workspace backup "Northwind Precision Manufacturing"');
    noStack(r.err);
  });

  it('truncated JSON, __proto__ keys and a 1 GB file exit 1 with one-line reasons', () => {
    const truncated = file('cut.json', valid().slice(0, 3000));
    const proto = file('proto2.json', valid().replace('{\n', '{\n  "__proto__": {"x": 1},\n'));
    const huge = join(dir, 'huge2.json');
    writeFileSync(huge, '');
    truncateSync(huge, 1024 ** 3);

    let r = spawnCli('validate', '--workspace', truncated);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^file · invalid JSON at line \d+, column \d+: .*truncated/);
    noStack(r.err);

    r = spawnCli('validate', '--workspace', proto);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(
      'file · __proto__ · the key "__proto__" is not allowed in a backup (it could alter object prototypes)',
    );
    noStack(r.err);

    r = spawnCli('validate', '--workspace', 'huge2.json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('quarterdeck validate: huge2.json is 1.0 GB; the limit for a workspace backup is 50 MB\n');
  });

  it('a usage error exits 2', () => {
    const r = spawnCli('validate');
    expect(r.code).toBe(2);
    expect(r.err).toBe('quarterdeck validate: give --workspace FILE (a workspace backup) or --sample\n');
  });

  it('reads the sample relative to the repository, not the working directory', () => {
    const r = spawnCli('validate', '--sample', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { valid: boolean }).valid).toBe(true);
    expect(readFileSync(join(REPO, 'resources/sample-workspace.json'), 'utf8').length).toBeGreaterThan(100_000);
  });
});
