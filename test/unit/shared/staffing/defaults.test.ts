import { describe, expect, it } from 'vitest';
import { CostProfile, SkillArea } from '../../../../shared/domain/staffing/schema';
import {
  DEFAULT_COST_PROFILES,
  DEFAULT_SKILL_AREAS,
  costProfileIdsByRole,
  defaultCostProfiles,
  defaultSkillAreas,
} from '../../../../shared/domain/staffing/defaults';

describe('default skill areas', () => {
  it('are the 12 areas of SPEC §2 with minimum depth 2', () => {
    expect(DEFAULT_SKILL_AREAS.map((a) => a.key)).toEqual([
      'service-desk',
      'noc-monitoring',
      'patching',
      'endpoint-security',
      'siem-soc',
      'cloud-architecture',
      'network-engineering',
      'identity',
      'backup-dr',
      'automation',
      'project-management',
      'compliance',
    ]);
    for (const a of DEFAULT_SKILL_AREAS) expect(a.minimumDepth).toBe(2);
  });

  it('bind to a workspace as schema-valid records pointing at existing profiles', () => {
    const profiles = defaultCostProfiles('ws1');
    const areas = defaultSkillAreas('ws1', costProfileIdsByRole(profiles));
    for (const p of profiles) expect(CostProfile.safeParse(p).success).toBe(true);
    for (const a of areas) expect(SkillArea.safeParse(a).success).toBe(true);
    const ids = new Set(profiles.map((p) => p.id));
    for (const a of areas) expect(ids.has(a.costProfileId)).toBe(true);
    expect(new Set(areas.map((a) => a.id)).size).toBe(12);
    const soc = areas.find((a) => a.key === 'siem-soc');
    expect(profiles.find((p) => p.id === soc?.costProfileId)?.role).toBe('Information Security Analyst');
  });

  it('refuses to bind without any cost profile id', () => {
    expect(() => defaultSkillAreas('ws1', {})).toThrow(/no cost profile id/);
  });
});

describe('default cost profiles', () => {
  // BLS OEWS May 2024 medians (cost-benchmarks.md), in cents.
  it.each([
    ['Information Security Analyst', 12_491_000],
    ['Network and Computer Systems Administrator', 9_680_000],
    ['Computer Network Architect', 13_039_000],
    ['Computer Systems Analyst', 10_379_000],
    ['Computer User Support Specialist', 6_034_000],
    ['Database Administrator', 10_462_000],
    ['Project Management Specialist', 10_075_000],
  ])('%s earns %i cents with the cited loads', (role, cents) => {
    const p = DEFAULT_COST_PROFILES.find((x) => x.role === role);
    expect(p?.baseSalary).toBe(cents);
    expect(p?.benefitsLoadPct).toBe(42);
    expect(p?.costPerHire).toBe(470_000);
    expect(p?.turnoverPct).toBe(19);
  });

  it('cite a source and year for every numeric default', () => {
    for (const p of DEFAULT_COST_PROFILES) {
      const fields = p.sources.map((s) => s.field).sort();
      expect(fields).toEqual(
        ['baseSalary', 'benefitsLoadPct', 'costPerHire', 'rampUpMonths', 'toolsTrainingPerYear', 'turnoverPct'].sort(),
      );
      const bySource = Object.fromEntries(p.sources.map((s) => [s.field, s]));
      expect(bySource['baseSalary']?.year).toBe(2024);
      expect(bySource['baseSalary']?.source).toMatch(/BLS/);
      expect(bySource['benefitsLoadPct']?.source).toMatch(/Employer Costs for Employee Compensation, Dec 2024/);
      expect(bySource['costPerHire']?.year).toBe(2022);
      expect(bySource['turnoverPct']?.year).toBe(2016);
      expect(bySource['rampUpMonths']?.source).toMatch(/assumption/);
      expect(bySource['toolsTrainingPerYear']?.source).toMatch(/assumption/);
    }
  });
});
