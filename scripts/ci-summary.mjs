// Sums vitest's and Playwright's JSON reports into the line CI reads: "N passed, N failed".
// A missing report counts as one failure (that runner did not finish).
import { existsSync, readFileSync } from 'node:fs';

const [unitPath, e2ePath] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (unitPath && existsSync(unitPath)) {
  const r = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.success === false && (r.numFailedTests ?? 0) === 0) failed += 1; // e.g. a suite failed to load
} else {
  console.log('unit report missing: the unit run did not finish');
  failed += 1;
}

if (e2ePath && existsSync(e2ePath)) {
  const r = JSON.parse(readFileSync(e2ePath, 'utf8'));
  const s = r.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((r.errors ?? []).length > 0) failed += r.errors.length;
} else {
  console.log('e2e report missing: the e2e run did not finish (or the unit run failed first)');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
