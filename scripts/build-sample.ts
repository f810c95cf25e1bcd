/**
 * Writes resources/sample-workspace.json from shared/sample/build-sample.ts (a backup file,
 * formatVersion 1, exportedAt fixed). Run after changing the sample: `npx tsx scripts/build-sample.ts`.
 * A unit test fails when the committed JSON and a fresh build differ.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeBackup } from '../shared/backup/format';
import { buildSampleWorkspace } from '../shared/sample/build-sample';
import { SAMPLE_EXPORTED_AT } from '../shared/sample/constants';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sample-workspace.json');
const text = serializeBackup(buildSampleWorkspace(), SAMPLE_EXPORTED_AT);
mkdirSync(dirname(out), { recursive: true });
// Write beside the target and rename, so a reader never sees half a file.
writeFileSync(`${out}.tmp`, text, 'utf8');
renameSync(`${out}.tmp`, out);
process.stdout.write(`wrote ${out} (${text.length} characters)\n`);
