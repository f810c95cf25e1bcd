import { describe, expect, it } from 'vitest';
import {
  areaCoverage,
  coverageHours,
  coverModelSatisfies,
  internalFte,
  requiredFte,
  singlePointsOfFailure,
  skillsMatrix,
  withSkillLevel,
} from '../../../../shared/domain/staffing/coverage';
import { area, contract, person, workspace } from '../scenarios/fixtures';

describe('coverage hours and required FTE (SPEC §4)', () => {
  it.each([
    // model, on-demand hours, hours, required FTE at 1,800 h
    ['8x5', null, 2080, 2080 / 1800], // 1.156
    ['12x5', null, 3120, 3120 / 1800], // 1.733
    ['24x7', null, 8760, 8760 / 1800], // 4.867
    ['on-demand', 900, 900, 0.5],
    ['on-demand', null, 0, 0],
  ] as const)('%s (%s h) = %i h', (coverageModel, onDemandHours, hours, fte) => {
    const a = area({ id: 'a', coverageModel, onDemandHours });
    expect(coverageHours(a)).toBe(hours);
    expect(requiredFte(a, 1800)).toBeCloseTo(fte, 12);
  });

  it('a 24x7 area needs 4.867 FTE at 1,800 productive hours', () => {
    expect(requiredFte(area({ id: 'a', coverageModel: '24x7' }))).toBeCloseTo(4.8667, 4);
  });
});

describe('internal FTE', () => {
  it('sums FTE of people at level ≥ 2, each counting fully in every area they know', () => {
    const people = [
      person('ann', { soc: 3, noc: 2 }), // counts 1 in both
      person('bob', { soc: 2 }, { fte: 0.5 }), // counts 0.5 in soc
      person('cat', { soc: 1, noc: 4 }, { fte: 0.8 }), // learning in soc: not counted; 0.8 in noc
    ];
    expect(internalFte(people, 'soc')).toBeCloseTo(1.5, 12);
    expect(internalFte(people, 'noc')).toBeCloseTo(1.8, 12);
    expect(internalFte(people, 'none')).toBe(0);
  });
});

describe('partner cover model', () => {
  it.each([
    ['24x7', '24x7', null, true],
    ['24x7', '8x5', null, true],
    ['12x5', '24x7', null, false],
    ['8x5', '12x5', null, false],
    ['on-demand', 'on-demand', 500, true],
    ['on-demand', '8x5', null, false],
    ['8x5', 'on-demand', 2000, true], // 2,080 ≥ 2,000
    ['8x5', 'on-demand', 3000, false],
  ] as const)('partner %s covers an area of %s (%s h): %s', (partner, model, hours, expected) => {
    expect(coverModelSatisfies(partner, area({ id: 'a', coverageModel: model, onDemandHours: hours }))).toBe(expected);
  });
});

describe('areaCoverage', () => {
  const data = workspace({
    areas: [
      area({ id: 'soc', coverageModel: '24x7', order: 0 }),
      area({ id: 'noc', coverageModel: '24x7', order: 1 }),
      area({ id: 'net', coverageModel: '8x5', order: 2 }),
    ],
    people: [person('ann', { soc: 2, net: 3 }), person('bob', { net: 2 }, { fte: 0.5 })],
    contracts: [
      contract({
        coveredAreas: [
          { skillAreaId: 'soc', coverageModel: '24x7' },
          { skillAreaId: 'noc', coverageModel: '12x5' }, // less than the area's 24x7: no cover
        ],
      }),
    ],
  });

  it('gives required vs internal hours, partner cover and the covered fraction', () => {
    const rows = areaCoverage(data);
    expect(rows.map((r) => r.key)).toEqual(['soc', 'noc', 'net']);
    const [soc, noc, net] = rows;
    // soc: partner covers 24x7 → 1 even though internal is 1 FTE = 1,800 of 8,760 h.
    expect(soc?.partnerCover?.coverageModel).toBe('24x7');
    expect(soc?.coveredFraction).toBe(1);
    expect(soc?.internalHours).toBe(1800);
    expect(soc?.requiredHours).toBe(8760);
    // noc: nobody, 12x5 cover is not enough for 24x7 → 0.
    expect(noc?.partnerCover).toBeNull();
    expect(noc?.coveredFraction).toBe(0);
    // net: 1.5 FTE × 1,800 = 2,700 h ≥ 2,080 → 1; gap 0.
    expect(net?.internalFte).toBeCloseTo(1.5, 12);
    expect(net?.coveredFraction).toBe(1);
    expect(net?.gapFte).toBe(0);
    expect(net?.people.map((p) => p.name)).toEqual(['ann', 'bob']); // level 3 before level 2
  });

  it('gives a fraction without partner cover: 0.5 FTE in a 24x7 area = 900 / 8,760', () => {
    const d = workspace({
      areas: [area({ id: 'soc', coverageModel: '24x7' })],
      people: [person('bob', { soc: 2 }, { fte: 0.5 })],
    });
    expect(areaCoverage(d)[0]?.coveredFraction).toBeCloseTo(900 / 8760, 12); // 0.10274
  });

  it('flags single points of failure: too few people and no partner cover', () => {
    const spof = singlePointsOfFailure(data);
    // soc has 1 person but partner cover → not a SPOF; noc has nobody and weak cover → SPOF;
    // net has 2 people (ann 3, bob 2) = minimum depth 2 → not a SPOF.
    expect(spof.map((s) => s.key)).toEqual(['noc']);
    expect(spof[0]).toMatchObject({ peopleCount: 0, names: [], minimumDepth: 2 });
    expect(spof[0]?.reason).toMatch(/nobody has working proficiency/);
  });

  it('names the one person an area depends on', () => {
    const d = workspace({
      areas: [area({ id: 'idm', name: 'Identity' })],
      people: [person('Dana', { idm: 4 }), person('Eli', { idm: 1 })],
    });
    const [s] = singlePointsOfFailure(d);
    expect(s).toMatchObject({ key: 'idm', peopleCount: 1, names: ['Dana'] });
    expect(s?.reason).toBe(
      'Identity: only Dana has working proficiency (level 2+), minimum depth is 2, and the partner does not cover it',
    );
  });

  it('does not count fully-managed contracts as cover today', () => {
    const d = workspace({
      areas: [area({ id: 'noc', coverageModel: '24x7' })],
      contracts: [contract({ kind: 'fully-managed', coveredAreas: [{ skillAreaId: 'noc', coverageModel: '24x7' }] })],
    });
    expect(singlePointsOfFailure(d).map((s) => s.key)).toEqual(['noc']);
  });
});

describe('skills matrix', () => {
  it('lists people × areas with level 0 where not listed and the depth per area', () => {
    const d = workspace({
      areas: [area({ id: 'b', order: 1 }), area({ id: 'a', order: 0 })],
      people: [person('zed', { a: 2, b: 4 }), person('amy', { b: 1 })],
    });
    const m = skillsMatrix(d);
    expect(m.areas.map((a) => a.key)).toEqual(['a', 'b']);
    expect(m.rows.map((r) => [r.name, r.levels])).toEqual([
      ['amy', [0, 1]],
      ['zed', [2, 4]],
    ]);
    expect(m.depth).toEqual([1, 1]);
  });

  it('sets, clamps and clears a level without touching other areas', () => {
    const p = person('x', { a: 2, b: 3 });
    expect(withSkillLevel(p, 'a', 4).skills).toEqual([
      { skillAreaId: 'b', level: 3 },
      { skillAreaId: 'a', level: 4 },
    ]);
    expect(withSkillLevel(p, 'a', 9).skills.find((s) => s.skillAreaId === 'a')?.level).toBe(4);
    expect(withSkillLevel(p, 'b', 0).skills).toEqual([{ skillAreaId: 'a', level: 2 }]);
    expect(p.skills).toHaveLength(2); // the original is unchanged
  });
});
