/**
 * Escalation ladder per severity (SPEC §3.7) and its checks. Escalation confusion is the second
 * way co-managed IT fails, so every severity must have a ladder numbered 1, 2, 3 … without holes,
 * and each step's response target (minutes from when the incident is raised) must come later than
 * the step before it — otherwise the "escalation" is a parallel call, or a step can never be reached.
 */
import type { Finding } from '../findings';
import type { Party } from '../workspace/schema';
import { SEVERITIES, type EscalationStep } from './schema';

export type Severity = (typeof SEVERITIES)[number];

export type EscalationLadderRow = EscalationStep & { partyName: string };
export type EscalationLadder = { severity: Severity; steps: EscalationLadderRow[] };

/** Steps grouped by severity P1–P4, each ordered by step number (then id); every severity listed. */
export function escalationLadders(
  steps: readonly EscalationStep[],
  parties: readonly Party[] = [],
): EscalationLadder[] {
  const names = new Map(parties.map((p) => [p.id, p.name]));
  return SEVERITIES.map((severity) => ({
    severity,
    steps: steps
      .filter((s) => s.severity === severity)
      .sort((a, b) => a.step - b.step || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((s) => ({ ...s, partyName: names.get(s.partyId) ?? 'Unknown party' })),
  }));
}

const fmtMinutes = (m: number): string =>
  m % 1440 === 0 && m > 0 ? `${m / 1440} d` : m % 60 === 0 && m > 0 ? `${m / 60} h` : `${m} min`;

/**
 * Findings ('escalation-gap') for the ladder: a severity with no steps, a ladder that does not
 * start at step 1 or skips a number, a step number used twice, and a response target that is not
 * later than the previous step's. Ordered by severity, then by step; one finding when there is no ladder.
 */
export function validateEscalation(steps: readonly EscalationStep[]): Finding[] {
  const out: Finding[] = [];
  if (steps.length === 0) {
    // One finding, not four, for a workspace that has no ladder at all yet.
    return [
      {
        kind: 'escalation-gap',
        subject: 'Escalation ladder',
        message: 'There is no escalation ladder: add steps for P1–P4, or start from the default ladder.',
      },
    ];
  }
  for (const { severity, steps: ladder } of escalationLadders(steps)) {
    const subject = `Escalation ${severity}`;
    const first = ladder[0];
    if (!first) {
      out.push({
        kind: 'escalation-gap',
        subject,
        message: `${severity} has no escalation steps: add at least who answers first and their response target.`,
      });
      continue;
    }
    if (first.step !== 1) {
      out.push({
        kind: 'escalation-gap',
        subject,
        recordId: first.id,
        message: `The ${severity} ladder starts at step ${first.step}: add step 1 or renumber the steps from 1.`,
      });
    }
    for (let i = 1; i < ladder.length; i++) {
      const prev = ladder[i - 1];
      const cur = ladder[i];
      if (!prev || !cur) continue;
      if (cur.step === prev.step) {
        out.push({
          kind: 'escalation-gap',
          subject,
          recordId: cur.id,
          message: `${severity} has two entries for step ${cur.step} (${prev.contactRole} and ${cur.contactRole}): give each step its own number.`,
        });
      } else if (cur.step > prev.step + 1) {
        out.push({
          kind: 'escalation-gap',
          subject,
          recordId: cur.id,
          message: `The ${severity} ladder jumps from step ${prev.step} to step ${cur.step}: add the missing step or renumber.`,
        });
      }
      if (cur.step !== prev.step && cur.responseMinutes <= prev.responseMinutes) {
        out.push({
          kind: 'escalation-gap',
          subject,
          recordId: cur.id,
          message:
            `${severity} step ${cur.step} (${cur.contactRole}, ${fmtMinutes(cur.responseMinutes)}) is not later than ` +
            `step ${prev.step} (${prev.contactRole}, ${fmtMinutes(prev.responseMinutes)}): give each step a longer response target than the one before.`,
        });
      }
    }
  }
  return out;
}

/** "15 min", "4 h", "3 d" for a response target, as shown in the ladder and the appendix. */
export function formatResponseMinutes(minutes: number): string {
  return fmtMinutes(minutes);
}
