/**
 * The embedded sample workspace (resources/sample-workspace.json, a backup-format file), loaded as
 * its own chunk only when asked for. It goes through the same parseBackup as any user backup.
 */
import { parseBackup } from '../../../shared/backup/format';
import type { WorkspaceData } from '../../../shared/domain/tables';
import { fallbackSample } from './fallback-sample';

// A glob (not a plain import) so the build still works in a checkout without the resource; the
// `?raw` text is its own lazily-loaded chunk.
const SAMPLE_FILES = import.meta.glob<string>('../../../resources/sample-workspace.json', {
  query: '?raw',
  import: 'default',
});

/** The sample's text, or null when this build has no sample resource. */
export async function loadSampleText(): Promise<string | null> {
  const load = Object.values(SAMPLE_FILES)[0];
  return load ? load() : null;
}

/** The sample workspace, validated. Throws with the first problem if the resource is broken. */
export async function loadSample(now: string): Promise<WorkspaceData> {
  const text = await loadSampleText();
  if (text === null) return fallbackSample(now);
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    throw new Error(`The built-in sample is damaged: ${p ? `${p.record} ${p.field}: ${p.reason}` : 'unknown problem'}`);
  }
  return parsed.data;
}
