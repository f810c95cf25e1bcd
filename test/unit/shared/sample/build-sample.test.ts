import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, validateWorkspaceData } from '../../../../shared/backup/format';
import { planFindings } from '../../../../shared/domain/findings';
import { validateRaci } from '../../../../shared/domain/governance/raci';
import { BUILT_IN_KPIS } from '../../../../shared/domain/kpis/dictionary';
import { monthRange } from '../../../../shared/domain/periods';
import { BUCKETS, DOMAINS } from '../../../../shared/domain/roadmap/schema';
import { BUDGET_CATEGORIES } from '../../../../shared/domain/budget/schema';
import { buildSampleWorkspace } from '../../../../shared/sample/build-sample';
import { PARTY, SAMPLE_EXPORTED_AT } from '../../../../shared/sample/constants';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { sha256Hex } from '../../../../shared/util/sha256';

const sample = buildSampleWorkspace();
const t = sample.tables;
const months = monthRange('2024-10', '2026-09');
const overall = (key: string) => t.kpiSnapshots.filter((s) => s.kpiKey === key && s.segment === '');
const valueOf = (key: string, period: string, segment = '') =>
  t.kpiSnapshots.find((s) => s.kpiKey === key && s.period === period && s.segment === segment);
const sumCents = (xs: readonly (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

describe('the sample workspace: build and file', () => {
  it('is deterministic', () => {
    expect(canonicalJson(buildSampleWorkspace())).toBe(canonicalJson(sample));
  });

  it('passes every backup check and survives a backup round trip unchanged', () => {
    expect(validateWorkspaceData(sample)).toEqual([]);
    const r = parseBackup(serializeBackup(sample, SAMPLE_EXPORTED_AT));
    expect(r.ok && r.data).toEqual(sample);
  });

  it('resources/sample-workspace.json is exactly a fresh build (run scripts/build-sample.ts after changes)', () => {
    const committed = readFileSync(new URL('../../../../resources/sample-workspace.json', import.meta.url), 'utf8');
    expect(committed === serializeBackup(sample, SAMPLE_EXPORTED_AT)).toBe(true);
    const r = parseBackup(committed);
    expect(r.ok && r.exportedAt).toBe('2026-10-01T09:00:00.000Z');
  });
});

describe('the sample workspace: headline figures', () => {
  it('is a 1,900-user, 2,400-endpoint manufacturer in USD with a calendar fiscal year', () => {
    expect(sample.workspace).toMatchObject({
      name: 'Northwind Precision Manufacturing',
      currency: 'USD',
      locale: 'en-US',
      fiscalYearStartMonth: 1,
      userCount: 1900,
      endpointCount: 2400,
      serverCount: 180,
      partnerName: 'Harborline Managed Services',
    });
    expect(t.parties.map((p) => p.kind)).toEqual(['internal', 'partner', 'business']);
  });

  it('has a 9-person team of 8.5 FTE with cost profiles that cite their sources', () => {
    expect(t.people).toHaveLength(9);
    expect(t.people.reduce((s, p) => s + p.fte, 0)).toBe(8.5);
    expect(t.people.filter((p) => p.fte === 0.5)).toHaveLength(1);
    expect(t.skillAreas).toHaveLength(12);
    for (const c of t.costProfiles) expect(c.sources.map((s) => s.field)).toContain('baseSalary');
    const plan = Object.fromEntries(t.skillAreas.map((a) => [a.key, a.plan]));
    expect(plan).toMatchObject({
      'siem-soc': 'co-manage',
      'noc-monitoring': 'co-manage',
      'cloud-architecture': 'hire',
    });
    const model = Object.fromEntries(t.skillAreas.map((a) => [a.key, a.coverageModel]));
    expect(model).toMatchObject({ 'siem-soc': '24x7', 'noc-monitoring': '24x7', 'service-desk': '12x5' });
  });

  it('prices the co-managed contract at $78,100 a month plus 400 project hours at $165', () => {
    const c = t.partnerContracts.find((x) => x.kind === 'co-managed')!;
    // 1,900 × $35 + 2,400 × $4 + $2,000 = $66,500 + $9,600 + $2,000 = $78,100; onboarding 40 % = $31,240.
    expect([c.perUserMonthly, c.perEndpointMonthly, c.fixedMonthly]).toEqual([3_500, 400, 200_000]);
    expect(c.perUserMonthly * 1900 + c.perEndpointMonthly * 2400 + c.fixedMonthly).toBe(7_810_000);
    expect(c.projectHoursPerYear * c.hourlyRate).toBe(6_600_000);
    expect(c.onboardingFee).toBe(3_124_000);
    expect(c.escalatorPct).toBe(4);
    expect(c.coveredAreas.map((a) => [a.skillAreaId.split(':').pop(), a.coverageModel])).toEqual([
      ['noc-monitoring', '24x7'],
      ['siem-soc', '24x7'],
      ['patching', '8x5'],
      ['service-desk', '12x5'],
      ['backup-dr', '8x5'],
    ]);
    expect(t.partnerContracts.filter((x) => x.kind === 'fully-managed')).toHaveLength(1);
  });

  it('prices both contracts against the cost-benchmarks.md ranges', () => {
    const annual = (kind: string) => {
      const c = t.partnerContracts.find((x) => x.kind === kind)!;
      return (
        12 * (c.perUserMonthly * 1900 + c.perEndpointMonthly * 2400 + c.fixedMonthly) +
        c.projectHoursPerYear * c.hourlyRate
      );
    };
    // Co-managed: 12 × $78,100 + $66,000 = $1,003,200 a year. Fully managed: 1,900 × $102 + 2,400 × $9 +
    // $6,000 = $221,400 a month; 12 × $221,400 + 800 h × $160 = $2,784,800 a year.
    expect(annual('co-managed')).toBe(100_320_000);
    expect(annual('fully-managed')).toBe(278_480_000);
    const fm = t.partnerContracts.find((x) => x.kind === 'fully-managed')!;
    expect(fm.onboardingFee).toBe(8_856_000); // 40 % of $221,400
    // All-in per user per month: $2,784,800 / 12 / 1,900 = $122.14, inside the $120–250 fully managed range;
    // co-managed $1,003,200 / 12 / 1,900 = $44.00, 36 % of it; per endpoint $34.83, inside $16–60.
    const perUserMonth = (kind: string) => annual(kind) / 12 / 1900 / 100;
    expect(perUserMonth('fully-managed')).toBeCloseTo(122.14, 2);
    expect(perUserMonth('co-managed')).toBeCloseTo(44.0, 2);
    expect(annual('co-managed') / 12 / 2400 / 100).toBeCloseTo(34.83, 2);
  });

  it('compares four scenarios over 5 years at 8 % discount, 3 % wage inflation, 1,800 hours', () => {
    expect(t.scenarios.map((s) => s.kind)).toEqual(['in-house', 'co-managed', 'hybrid', 'fully-outsourced']);
    for (const s of t.scenarios) {
      expect([s.horizonYears, s.discountRatePct, s.wageInflationPct, s.productiveHoursPerFte]).toEqual([5, 8, 3, 1800]);
    }
  });

  it('has a roadmap of 26 items over every domain and bucket, 2025-07 to 2028-06', () => {
    const items = t.roadmapItems;
    expect(items).toHaveLength(26);
    expect(new Set(items.map((i) => i.domain))).toEqual(new Set(DOMAINS));
    expect(new Set(items.map((i) => i.bucket))).toEqual(new Set(BUCKETS));
    const count = (status: string) => items.filter((i) => i.status === status).length;
    expect({
      done: count('done'),
      'in-progress': count('in-progress'),
      blocked: count('blocked'),
      approved: count('approved'),
      proposed: count('proposed'),
      cancelled: count('cancelled'),
    }).toEqual({ done: 7, 'in-progress': 5, blocked: 1, approved: 2, proposed: 10, cancelled: 1 });
    expect(items.filter((i) => i.status === 'done' && i.endMonth >= '2026-07' && i.endMonth <= '2026-09')).toHaveLength(
      3,
    );
    expect(items.map((i) => i.startMonth).sort()[0]).toBe('2025-07');
    expect(
      items
        .map((i) => i.endMonth)
        .sort()
        .pop(),
    ).toBe('2028-06');
    expect(new Set(items.map((i) => i.health))).toEqual(new Set(['green', 'amber', 'red']));
    const cloud = items.filter((i) => i.title === 'Cloud migration');
    expect(cloud).toHaveLength(1);
    expect(cloud[0]).toMatchObject({ domain: 'cloud', bucket: 'transform' });
    const needing = items.filter((i) => i.needsDecision);
    expect(needing).toHaveLength(3);
    for (const i of needing) {
      expect(i.decisionText.length).toBeGreaterThan(20);
      expect(i.recommendedOption.length).toBeGreaterThan(20);
    }
  });

  it('has FY2026 lines over every category, actuals January–September, and FY2025 with 12 actuals', () => {
    const fy26 = t.budgetLines.filter((l) => l.fiscalYear === 2026);
    const fy25 = t.budgetLines.filter((l) => l.fiscalYear === 2025);
    expect(fy26).toHaveLength(29);
    expect(fy25).toHaveLength(26);
    expect(new Set(fy26.map((l) => l.category))).toEqual(new Set(BUDGET_CATEGORIES));
    expect(new Set(fy26.map((l) => l.kind))).toEqual(new Set(['capex', 'opex']));
    for (const l of fy26) {
      expect(l.actual.slice(9), l.name).toEqual([null, null, null]);
      if (l.name !== 'Zero-trust access set-up')
        expect(
          l.actual.slice(0, 9).every((a) => a !== null),
          l.name,
        ).toBe(true);
    }
    for (const l of fy25)
      expect(
        l.actual.every((a) => a !== null),
        l.name,
      ).toBe(true);
    expect(fy26.filter((l) => l.roadmapItemId !== null).length).toBeGreaterThanOrEqual(8);
    expect(fy26.filter((l) => l.recurring && l.renewalDate !== null && l.escalatorPct > 0).length).toBeGreaterThan(8);
    const noted = fy26.filter((l) => Object.values(l.varianceNotes).some((n) => n !== ''));
    expect(noted.length).toBeGreaterThanOrEqual(8);
  });

  it('plans partner services at the contract fee and personnel at the team cost profiles', () => {
    const fy26 = t.budgetLines.filter((l) => l.fiscalYear === 2026);
    const plan = (cat: string) => sumCents(fy26.filter((l) => l.category === cat).flatMap((l) => l.plan));
    // 12 × $78,100 + 400 h × $165 = $1,003,200, the contract's annual fee.
    expect(plan('partner-services')).toBe(100_320_000);
    // FY2025 at the signing prices (4 % lower): 12 × round($78,100 / 1.04) = 12 × $75,096.15 = $901,153.80,
    // onboarding 40 % = $30,038.46, 400 h × round($165 / 1.04) = 400 × $158.65 = $63,460.
    const fy25 = t.budgetLines.filter((l) => l.fiscalYear === 2025 && l.category === 'partner-services');
    expect(sumCents(fy25.flatMap((l) => l.plan))).toBe(90_115_380 + 3_003_846 + 6_346_000);
    // Salaries: 2 × 96,800 + 124,910 + 130,390 + 103,790 + 2 × 60,340 + 100,750 + 0.5 × 104,620 = $826,430;
    // benefits 42 % = $347,100.60; on-call 12 × $1,500 = $18,000.
    expect(plan('personnel')).toBe(82_643_000 + 34_710_060 + 1_800_000);
  });
});

describe('the sample workspace: KPI history holds together', () => {
  it('has 24 monthly values (Oct 2024 – Sep 2026) for each of the 17 built-in KPIs', () => {
    expect(t.kpiDefinitions.map((d) => d.key)).toEqual(BUILT_IN_KPIS.map((k) => k.key));
    for (const k of BUILT_IN_KPIS)
      expect(
        overall(k.key).map((s) => s.period),
        k.key,
      ).toEqual(months);
  });

  it('resolved = opened + previous backlog − backlog, and the party splits add up', () => {
    for (let i = 1; i < months.length; i++) {
      const m = months[i]!;
      const opened = valueOf('tickets_opened', m)!.value;
      const resolved = valueOf('tickets_resolved', m)!.value;
      const backlog = valueOf('backlog', m)!.value;
      const prev = valueOf('backlog', months[i - 1]!)!.value;
      expect(resolved, m).toBe(opened + prev - backlog);
      expect(valueOf('tickets_per_endpoint', m)!.value).toBeCloseTo(opened / 2400, 3);
      expect(valueOf('mttr_hours', m)!.weight).toBe(resolved);
      if (m >= '2025-01') {
        const parts = [PARTY.partner, PARTY.internal].map((p) => valueOf('tickets_resolved', m, `party:${p}`)!.value);
        expect(parts[0]! + parts[1]!, m).toBe(resolved);
        for (const key of ['sla_attainment', 'mttr_hours']) {
          const segs = [PARTY.partner, PARTY.internal].map((p) => valueOf(key, m, `party:${p}`)!);
          const weighted = segs.reduce((s, x) => s + x.value * x.weight!, 0) / resolved;
          expect(valueOf(key, m)!.value, `${key} ${m}`).toBe(Math.round(weighted * 10) / 10);
        }
      }
    }
  });

  it('tells the improvement story: MTTR 22 → 15 h, SLA 88 → 95 %, EDR 91 → 99 %, MFA 82 → 97 %', () => {
    const first = (k: string) => overall(k)[0]!.value;
    const last = (k: string) => overall(k)[23]!.value;
    expect(first('mttr_hours')).toBeGreaterThan(21);
    expect(last('mttr_hours')).toBeLessThan(16);
    expect(first('sla_attainment')).toBeLessThan(89);
    expect(last('sla_attainment')).toBeGreaterThan(94.5);
    expect(first('edr_coverage')).toBeLessThan(92);
    expect(last('edr_coverage')).toBeGreaterThan(98.5);
    expect(first('mfa_coverage')).toBeLessThan(83);
    expect(last('mfa_coverage')).toBeGreaterThan(96.5);
    const fcr = overall('fcr').map((s) => s.value);
    expect(Math.min(...fcr)).toBeGreaterThan(63);
    expect(Math.max(...fcr)).toBeLessThan(71);
  });

  it('project throughput counts the roadmap items finished in the month', () => {
    for (const m of monthRange('2025-07', '2026-09')) {
      const done = t.roadmapItems.filter((i) => i.status === 'done' && i.endMonth === m).length;
      expect(valueOf('project_throughput', m)!.value, m).toBe(done);
    }
  });

  it('cost per endpoint is the month’s budget actuals divided by 2,400 endpoints', () => {
    for (const m of monthRange('2025-01', '2026-09')) {
      const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5))];
      const total = sumCents(t.budgetLines.filter((l) => l.fiscalYear === y).map((l) => l.actual[mm - 1] ?? null));
      expect(valueOf('cost_per_endpoint', m)!.value, m).toBe(Math.round(total / 2400));
    }
  });
});

describe('the sample workspace: governance and QBRs', () => {
  it('shows exactly the intended findings: one RACI collision, three SPOFs, one dependency conflict', () => {
    const findings = planFindings(sample);
    const by = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.subject);
    expect(by('raci-collision')).toEqual(['Endpoint security']);
    expect(by('raci-gap')).toEqual([]);
    expect(by('raci-accountable')).toEqual([]);
    expect(by('single-point-of-failure')).toEqual(['Cloud architecture', 'Network engineering', 'Compliance']);
    expect(by('dependency-conflict')).toEqual(['Zero-trust remote access (replace VPN)']);
    expect(by('escalation-gap')).toEqual([]);
    expect(by('sla-missing')).toEqual([]);
    expect(by('budget-unlinked')).toEqual([]);
    expect(by('action-overdue')).toHaveLength(2);
  });

  it('has one A per lane, a written split where two parties are R, and a ladder of 3–4 steps', () => {
    const v = validateRaci(t.raciActivities, t.raciAssignments, t.parties);
    expect(v.issues.map((i) => i.kind)).toEqual(['raci-collision']);
    const patching = t.raciActivities.find((a) => a.name === 'Patching')!;
    expect(patching.splitNote).not.toBe('');
    for (const sev of ['P1', 'P2', 'P3', 'P4']) {
      const steps = t.escalationSteps.filter((s) => s.severity === sev).length;
      expect(steps, sev).toBeGreaterThanOrEqual(3);
      expect(steps, sev).toBeLessThanOrEqual(4);
    }
    expect(t.slaTargets.filter((s) => s.partyId === PARTY.partner)).toHaveLength(8);
  });

  it('has risks, decisions linked to the items that need them, actions and both scorecards', () => {
    expect(t.risks.length).toBeGreaterThanOrEqual(8);
    const requested = t.decisions.filter((d) => d.status === 'requested');
    expect(requested).toHaveLength(3);
    const needing = new Set(t.roadmapItems.filter((i) => i.needsDecision).map((i) => i.id));
    expect(new Set(requested.flatMap((d) => d.linkedItemIds))).toEqual(needing);
    expect(t.actionItems.filter((a) => a.status === 'done').length).toBeGreaterThan(3);
    expect(t.actionItems.filter((a) => a.status !== 'done' && a.carriedOver > 0).length).toBeGreaterThan(1);
    const [q2, q3] = t.partnerScorecards;
    expect(q2!.quarter).toBe('2026-Q2');
    expect(q2!.grades.every((g) => g.grade !== null)).toBe(true);
    expect(q3!.quarter).toBe('2026-Q3');
    expect(q3!.grades.some((g) => g.grade === null)).toBe(true);
  });

  it('has the closed 2026-Q2 QBR with a hashed snapshot and the draft 2026-Q3 QBR', () => {
    const [q2, q3] = t.qbrs;
    expect(q2).toMatchObject({ quarter: '2026-Q2', status: 'closed' });
    expect(q3).toMatchObject({ quarter: '2026-Q3', status: 'draft', date: '2026-10-15', preset: 'full' });
    expect(q3!.sections.every((s) => s.enabled)).toBe(true);
    expect(new Set(q3!.attendees.map((a) => a.partyId))).toContain(PARTY.partner);
    expect(new Set(q3!.attendees.map((a) => a.partyId))).toContain(PARTY.internal);
    expect(q3!.agenda.reduce((s, a) => s + a.minutes, 0)).toBe(90);
    const requested = t.decisions.filter((d) => d.status === 'requested').map((d) => d.id);
    expect(q3!.decisionIds).toEqual(requested);

    const snap = t.qbrSnapshots[0]!;
    expect(snap.qbrId).toBe(q2!.id);
    expect(snap.sha256).toBe(sha256Hex(canonicalJson(snap.data)));
  });
});
