import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_RACI_LANES,
  buildDefaultEscalationSteps,
  buildDefaultRaci,
  buildDefaultSlaTargets,
} from '../../../../shared/domain/governance/defaults';
import { EscalationStep, RaciActivity, RaciAssignment, SlaTarget } from '../../../../shared/domain/governance/schema';

const opts = { workspaceId: 'ws1', internalPartyId: 'p-it', partnerPartyId: 'p-msp' };

describe('governance defaults', () => {
  it('has the 16 lanes of SPEC §3.7 in order, each with exactly one A and a split note when both are R', () => {
    expect(DEFAULT_RACI_LANES.map((l) => l.name)).toEqual([
      'Service desk L1',
      'Escalations L2/L3',
      'NOC monitoring',
      'Patching',
      'Endpoint security',
      'SOC/SIEM',
      'Backup & DR',
      'Network',
      'Cloud',
      'Identity',
      'Projects',
      'Roadmap & strategy',
      'Budget',
      'Compliance & audit',
      'Vendor management',
      'Documentation',
    ]);
    for (const lane of DEFAULT_RACI_LANES) {
      const a = [lane.internal, lane.partner].filter((r) => r.includes('A')).length;
      const r = [lane.internal, lane.partner].filter((x) => x.includes('R')).length;
      expect(a, lane.name).toBe(1);
      expect(r, lane.name).toBeGreaterThanOrEqual(1);
      expect(r < 2 || lane.splitNote.length > 0, lane.name).toBe(true);
    }
  });

  it('builds schema-valid RACI records with unique ids', () => {
    const { activities, assignments } = buildDefaultRaci(opts);
    expect(activities).toHaveLength(16);
    expect(assignments).toHaveLength(32);
    for (const a of activities) expect(RaciActivity.safeParse(a).success).toBe(true);
    for (const a of assignments) expect(RaciAssignment.safeParse(a).success).toBe(true);
    const ids = [...activities, ...assignments].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(activities.map((a) => a.order)).toEqual([...Array(16).keys()]);
  });

  it('builds escalation steps and SLA targets, and honours makeId', () => {
    const steps = buildDefaultEscalationSteps({ ...opts, makeId: (k) => `x-${k}` });
    expect(steps).toHaveLength(DEFAULT_ESCALATION_LADDER.length);
    for (const s of steps) expect(EscalationStep.safeParse(s).success).toBe(true);
    expect(steps[0]).toMatchObject({ id: 'x-esc-p1-1', partyId: 'p-msp', responseMinutes: 15 });
    const sla = buildDefaultSlaTargets(opts);
    expect(sla).toHaveLength(8);
    for (const s of sla) expect(SlaTarget.safeParse(s).success).toBe(true);
    expect(sla.find((s) => s.priority === 'P1' && s.metric === 'resolution')?.targetMinutes).toBe(240);
    const internal = buildDefaultSlaTargets(opts, 'p-it');
    expect(new Set([...sla, ...internal].map((s) => s.id)).size).toBe(16);
  });
});
