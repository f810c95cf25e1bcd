import { describe, expect, it } from 'vitest';
import { buildDefaultEscalationSteps } from '../../../../shared/domain/governance/defaults';
import {
  escalationLadders,
  formatResponseMinutes,
  validateEscalation,
} from '../../../../shared/domain/governance/escalation';
import type { EscalationStep } from '../../../../shared/domain/governance/schema';

const step = (severity: EscalationStep['severity'], n: number, minutes: number, role = `role${n}`): EscalationStep => ({
  id: `${severity}-${n}-${minutes}`,
  workspaceId: 'ws',
  severity,
  step: n,
  partyId: 'p-msp',
  contactRole: role,
  responseMinutes: minutes,
});
const full = (s: EscalationStep['severity']) => [step(s, 1, 15), step(s, 2, 60)];

describe('escalation ladders', () => {
  it('groups by severity in P1–P4 order and sorts by step', () => {
    const l = escalationLadders(
      [step('P2', 2, 60), step('P2', 1, 30), step('P1', 1, 15)],
      [{ id: 'p-msp', workspaceId: 'ws', name: 'Harborline', kind: 'partner', shortName: 'MSP' }],
    );
    expect(l.map((x) => [x.severity, x.steps.map((s) => s.step)])).toEqual([
      ['P1', [1]],
      ['P2', [1, 2]],
      ['P3', []],
      ['P4', []],
    ]);
    expect(l[0]?.steps[0]?.partyName).toBe('Harborline');
  });

  it('the default ladder passes', () => {
    expect(
      validateEscalation(buildDefaultEscalationSteps({ workspaceId: 'w', internalPartyId: 'i', partnerPartyId: 'p' })),
    ).toEqual([]);
  });

  it.each([
    {
      name: 'missing severity',
      steps: [...full('P1'), ...full('P2'), ...full('P3')],
      messages: ['P4 has no escalation steps: add at least who answers first and their response target.'],
    },
    {
      name: 'starts at 2',
      steps: [...full('P1'), ...full('P2'), ...full('P3'), step('P4', 2, 60)],
      messages: ['The P4 ladder starts at step 2: add step 1 or renumber the steps from 1.'],
    },
    {
      name: 'jumps a step',
      steps: [...full('P1'), step('P2', 1, 30), step('P2', 3, 120), ...full('P3'), ...full('P4')],
      messages: ['The P2 ladder jumps from step 1 to step 3: add the missing step or renumber.'],
    },
    {
      name: 'duplicate step',
      steps: [...full('P1'), ...full('P2'), step('P3', 1, 30, 'NOC'), step('P3', 1, 45, 'SDM'), ...full('P4')],
      messages: ['P3 has two entries for step 1 (NOC and SDM): give each step its own number.'],
    },
    {
      name: 'response not increasing (equal counts too)',
      steps: [
        step('P1', 1, 60, 'NOC'),
        step('P1', 2, 60, 'SDM'),
        step('P1', 3, 30, 'CIO'),
        ...full('P2'),
        ...full('P3'),
        ...full('P4'),
      ],
      messages: [
        'P1 step 2 (SDM, 1 h) is not later than step 1 (NOC, 1 h): give each step a longer response target than the one before.',
        'P1 step 3 (CIO, 30 min) is not later than step 2 (SDM, 1 h): give each step a longer response target than the one before.',
      ],
    },
  ])('$name', ({ steps, messages }) => {
    const f = validateEscalation(steps);
    expect(f.map((x) => x.message)).toEqual(messages);
    expect(f.every((x) => x.kind === 'escalation-gap')).toBe(true);
  });

  it('an empty ladder is one finding, not four', () => {
    expect(validateEscalation([]).map((f) => f.message)).toEqual([
      'There is no escalation ladder: add steps for P1–P4, or start from the default ladder.',
    ]);
  });

  it('formats minutes', () => {
    expect([15, 120, 4320, 90, 0].map(formatResponseMinutes)).toEqual(['15 min', '2 h', '3 d', '90 min', '0 min']);
  });
});
