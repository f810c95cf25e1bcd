/**
 * Seeded generator of a ServiceNow-style incident event log (the shape of the public 141,712-row
 * "incident_event_log" export: 36 columns, several rows per incident as it moves New → Active →
 * Resolved → Closed, `d/m/yyyy HH:MM` dates, `?` for empty). Same seed → same bytes.
 *
 * It also writes a few things real logs contain, so the benchmark exercises them: update-time ties
 * (two rows of one incident with the same sys_updated_at), rows out of time order, incidents still
 * open at the end, and a few resolved-before-opened mistakes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SERVICENOW_COLUMNS = [
  'number',
  'incident_state',
  'active',
  'reassignment_count',
  'reopen_count',
  'sys_mod_count',
  'made_sla',
  'caller_id',
  'opened_by',
  'opened_at',
  'sys_created_by',
  'sys_created_at',
  'sys_updated_by',
  'sys_updated_at',
  'contact_type',
  'location',
  'category',
  'subcategory',
  'u_symptom',
  'cmdb_ci',
  'impact',
  'urgency',
  'priority',
  'assignment_group',
  'assigned_to',
  'knowledge',
  'u_priority_confirmation',
  'notify',
  'problem_id',
  'rfc',
  'vendor',
  'caused_by',
  'closed_code',
  'resolved_by',
  'resolved_at',
  'closed_at',
] as const;

/** Small, fast, seedable PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low'];
const PRIORITY_WEIGHTS = [0.02, 0.05, 0.9, 0.03];
const GROUPS = Array.from({ length: 70 }, (_, i) => `Group ${i + 1}`);
const BASE = Date.UTC(2016, 1, 29, 0, 0); // 29 Feb 2016, as the public log starts

function fmt(ms: number): string {
  const d = new Date(ms);
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const hh = String(d.getUTCHours()).padStart(2, '0');
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${hh}:${mm}`;
}

/** Generates the CSV text of an event log with at least `rows` data rows. */
export function generateServiceNowLog(rows: number, seed = 20160229): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lines: string[] = [SERVICENOW_COLUMNS.join(',')];
  let n = 0;
  let inc = 0;
  while (n < rows) {
    inc++;
    const id = `INC${String(inc).padStart(7, '0')}`;
    const openedMs = BASE + Math.floor(rnd() * 365 * 86400_000);
    const u = rnd();
    let acc = 0;
    let pi = 0;
    for (; pi < PRIORITIES.length - 1; pi++) {
      acc += PRIORITY_WEIGHTS[pi]!;
      if (u < acc) break;
    }
    const priority = PRIORITIES[pi]!;
    const group = pick(GROUPS);
    const events = 1 + Math.floor(rnd() * 10); // 1–10, mean 5.5
    const stillOpen = rnd() < 0.03;
    // Resolution after a long-tailed time: median ≈ 1 day.
    const ttrMs = Math.floor(Math.exp(rnd() * 6 - 1) * 3600_000 * 4);
    const resolvedMs = rnd() < 0.002 ? openedMs - 3600_000 : openedMs + ttrMs; // a few negative
    const closedMs = resolvedMs + 5 * 86400_000;
    const madeSla = rnd() < 0.63 ? 'true' : 'false';
    const reopen = rnd() < 0.05 ? 1 : 0;
    const callers = `Caller ${1 + Math.floor(rnd() * 5000)}`;
    let updMs = openedMs;
    const out: string[] = [];
    for (let e = 0; e < events; e++) {
      const last = e === events - 1;
      if (e > 0 && rnd() > 0.1) updMs += Math.floor((rnd() * Math.max(ttrMs, 60_000)) / events); // else: a tie
      const resolvedNow = !stillOpen && last && events > 1;
      const state = resolvedNow ? 'Closed' : e === 0 ? 'New' : e === events - 2 && !stillOpen ? 'Resolved' : 'Active';
      const showResolved = !stillOpen && (resolvedNow || state === 'Resolved');
      const row = [
        id,
        state,
        resolvedNow ? 'false' : 'true',
        String(Math.min(e, 3)),
        String(reopen),
        String(e),
        madeSla,
        callers,
        `Opened by ${1 + (inc % 200)}`,
        fmt(openedMs),
        `Created by ${1 + (inc % 100)}`,
        fmt(openedMs),
        `Updated by ${1 + Math.floor(rnd() * 300)}`,
        fmt(resolvedNow ? Math.max(updMs, closedMs) : updMs),
        pick(['Phone', 'Email', 'Self service', 'Walk in']),
        `Location ${1 + (inc % 225)}`,
        `Category ${1 + (inc % 58)}`,
        `Subcategory ${1 + (inc % 254)}`,
        `Symptom ${1 + (inc % 525)}`,
        '?',
        '2 - Medium',
        '2 - Medium',
        priority,
        group,
        `Resolver ${1 + Math.floor(rnd() * 230)}`,
        'false',
        'false',
        'Do Not Notify',
        '?',
        '?',
        '?',
        '?',
        showResolved ? `code ${1 + (inc % 17)}` : '?',
        showResolved ? `Resolved by ${1 + (inc % 216)}` : '?',
        showResolved ? fmt(resolvedMs) : '?',
        resolvedNow ? fmt(closedMs) : '?',
      ];
      out.push(row.join(','));
    }
    // Now and then two rows of an incident come out of time order.
    if (out.length > 2 && rnd() < 0.05) {
      const t = out[0]!;
      out[0] = out[1]!;
      out[1] = t;
    }
    for (const l of out) lines.push(l);
    n += out.length;
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes the generated log to `file` (creating its folder). */
export function writeServiceNowLog(file: string, rows: number, seed?: number): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generateServiceNowLog(rows, seed));
}
