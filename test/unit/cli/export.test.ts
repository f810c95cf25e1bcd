import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../cli/commands/export';
import type { CliIo } from '../../../cli/io';
import { main } from '../../../cli/main';
import { parseBackup } from '../../../shared/backup/format';
import { buildSampleWorkspace } from '../../../shared/sample/build-sample';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(REPO, 'test/fixtures/backups/v1-minimal.json');
let dir = '';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(...t.split('\n')), err: (t) => err.push(...t.split('\n')), cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qd-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quarterdeck export', () => {
  it('--sample --out writes the sample as a backup that imports to the same workspace', async () => {
    const r = await cli('export', '--sample', '--out', 'northwind.json');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /^wrote northwind\.json: "Northwind Precision Manufacturing", backup format 1, \d+\.\d KB$/,
    );
    const parsed = parseBackup(read('northwind.json'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.data).toEqual(buildSampleWorkspace());
    expect(Date.parse(parsed.exportedAt)).not.toBeNaN();
  });

  it('--workspace IN --out normalises a v1 backup (same data, current format)', async () => {
    const r = await cli('export', '--workspace', FIXTURE, '--out', 'normalised.json');
    expect(r.code).toBe(0);
    const before = parseBackup(readFileSync(FIXTURE, 'utf8'));
    const after = parseBackup(read('normalised.json'));
    expect(after.ok && before.ok && after.data).toEqual(before.ok && before.data);
    expect(JSON.parse(read('normalised.json')).formatVersion).toBe(1);
  });

  it('replaces an existing file and leaves no temporary files behind', async () => {
    writeFileSync(join(dir, 'again.json'), 'old content');
    const r = await cli('export', '--sample', '--out=again.json');
    expect(r.code).toBe(0);
    expect(read('again.json').startsWith('{\n  "formatVersion": 1,')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over a folder', async () => {
    mkdirSync(join(dir, 'folder'));
    const r = await cli('export', '--sample', '--out', 'folder');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `quarterdeck export: folder is a folder; give a file name, e.g. ${join('folder', 'workspace.json')}`,
    ]);
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
  });

  it('says when the target folder does not exist', async () => {
    const r = await cli('export', '--sample', '--out', 'nowhere/x.json');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`quarterdeck export: nowhere/x.json: the folder ${join(dir, 'nowhere')} does not exist`]);
  });

  it('writes nothing when the input is invalid, and an existing output stays as it was', async () => {
    writeFileSync(join(dir, 'bad-in.json'), '{"app":"quarterdeck","formatVersion":1,"workspace":{}}');
    writeFileSync(join(dir, 'keep.json'), 'ORIGINAL');
    const r = await cli('export', '--workspace', 'bad-in.json', '--out', 'keep.json');
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^quarterdeck export: bad-in\.json is not a valid workspace backup \(\d+ problems\):$/);
    expect(r.err).toContain('  file · exportedAt · expected an ISO timestamp such as 2026-10-01T09:00:00.000Z');
    expect(read('keep.json')).toBe('ORIGINAL');
  });

  it.each([
    [['--sample'], 'quarterdeck export: --out FILE is required. Usage: quarterdeck export --sample --out FILE'],
    [['--out', 'x.json'], 'quarterdeck export: give --workspace FILE (a workspace backup) or --sample'],
    [['--sample', '--out'], 'quarterdeck export: --out needs a file name'],
  ])('usage error %j: exit 2', async (args, message) => {
    const r = await cli('export', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([message]);
  });

  it('writeFileAtomic: a failed write changes nothing and says so', async () => {
    // /proc/self accepts no new files, even for root: the temporary file cannot be created, so the
    // existing target must stay exactly as it was.
    const target = '/proc/self/cmdline';
    const before = readFileSync(target);
    await expect(writeFileAtomic(target, 'REPLACED', 'cmdline')).rejects.toThrow(
      /^cmdline: not written \(.+\); nothing was changed$/,
    );
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync('/proc/self').filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('quarterdeck export (real process)', () => {
  it('exits 0 and writes a valid backup; exits 1 without a stack trace over a folder', () => {
    const run = (...argv: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'cli/bin/quarterdeck.mjs'), ...argv], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      });
    let r = run('export', '--sample', '--out', 'spawned.json');
    expect(r.status).toBe(0);
    expect(parseBackup(read('spawned.json')).ok).toBe(true);
    r = run('export', '--sample', '--out', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^quarterdeck export: .* is a folder; give a file name, e\.g\. .*workspace\.json\n$/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
