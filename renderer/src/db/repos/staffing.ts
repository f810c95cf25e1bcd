/**
 * Staffing & sourcing repo: people, skill levels, skill areas, cost profiles, partner contracts and
 * scenarios. Form drafts hold text as typed (money in major units, percents as numbers); they are
 * checked field by field, then the stored record is checked against the shared schema, so nothing
 * invalid is written. Every write returns a change set for undo; deletes unhook references in the
 * same transaction so undo restores every touched row.
 */
import type { z } from 'zod';
import { AREA_PLANS, COVERAGE_MODELS, CostProfile, Person, SkillArea } from '../../../../shared/domain/staffing/schema';
import type { AreaPlan, CoverageModel, SourceNote } from '../../../../shared/domain/staffing/schema';
import { PartnerContract, SCENARIO_KINDS, Scenario } from '../../../../shared/domain/scenarios/schema';
import type { ScenarioKind } from '../../../../shared/domain/scenarios/schema';
import { standardScenarios } from '../../../../shared/domain/scenarios/defaults';
import { DATE_RE } from '../../../../shared/domain/common';
import { safeLocale } from '../../lib/format';
import { moneyToInput, parseMoneyInput } from '../../lib/money-input';
import { created, removed, updated, type ChangeSet, type RowChange } from '../changes';
import type { QuarterdeckDb } from '../database';
import type {
  CostProfileRecord,
  PartnerContractRecord,
  PersonRecord,
  ScenarioRecord,
  SkillAreaRecord,
  WorkspaceRecord,
} from '../records';
import { ValidationError, type RepoContext } from './workspaces';

type Ws = Pick<WorkspaceRecord, 'currency' | 'locale'>;
type Errors<T> = Partial<Record<keyof T | 'form', string>>;

const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function throwIfErrors<T>(errors: Errors<T>, record: string): void {
  const problems = Object.entries(errors).map(([field, reason]) => ({ field, reason: String(reason ?? '') }));
  if (problems.length) throw new ValidationError(problems, record);
}

/** Checks a candidate record against its shared schema; throws a ValidationError naming each field. */
function checked<S extends z.ZodType>(schema: S, candidate: z.input<S>, record: string): z.output<S> {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'record', reason: i.message })),
      record,
    );
  }
  return parsed.data;
}

// ---------- Number input ----------

export type NumberParse = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A number typed in the workspace locale ("42", "42.5", "42,5" where comma is the decimal sign,
 * "1,800" where it groups). Empty text is an error unless `emptyAs` is given.
 */
export function parseNumberInput(
  text: string,
  locale: string,
  opts: { min?: number; max?: number; integer?: boolean; emptyAs?: number } = {},
): NumberParse {
  const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let s = text.trim().replace(/[\s\u00a0\u202f%]/g, '');
  if (s === '') {
    return opts.emptyAs !== undefined ? { ok: true, value: opts.emptyAs } : { ok: false, reason: 'enter a number' };
  }
  // "42.5" is a decimal even where the locale writes "42,5"; otherwise strip the locale's groups.
  if (decimal !== '.' && !s.includes(decimal) && /^-?\d+\.\d+$/.test(s) && !/^-?\d{1,3}\.\d{3}$/.test(s)) {
    s = s.replace('.', decimal);
  } else if (group !== decimal) s = s.split(group).join('');
  if (decimal !== '.') s = s.replace(decimal, '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, reason: 'enter a number such as 42 or 42.5' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, reason: 'enter a number such as 42 or 42.5' };
  if (opts.integer && !Number.isInteger(value)) return { ok: false, reason: 'enter a whole number' };
  if (opts.min !== undefined && value < opts.min) return { ok: false, reason: `must be at least ${opts.min}` };
  if (opts.max !== undefined && value > opts.max) return { ok: false, reason: `must be at most ${opts.max}` };
  return { ok: true, value };
}

/** A number as the text an input shows when editing (locale decimal sign, no grouping). */
export function numberToInput(value: number, locale: string): string {
  return new Intl.NumberFormat(safeLocale(locale), { useGrouping: false, maximumFractionDigits: 6 }).format(value);
}

function num(
  errors: Record<string, string>,
  field: string,
  label: string,
  text: string,
  locale: string,
  opts: Parameters<typeof parseNumberInput>[2] = {},
): number {
  const r = parseNumberInput(text, locale, opts);
  if (r.ok) return r.value;
  errors[field] = `${label}: ${r.reason}.`;
  return 0;
}

function money(errors: Record<string, string>, field: string, label: string, text: string, ws: Ws): number {
  const r = parseMoneyInput(text, ws.currency, ws.locale);
  if (r.ok) return r.minor;
  errors[field] = `${label}: ${r.reason}.`;
  return 0;
}

// ---------- People ----------

/** What the person form edits, as typed. */
export type PersonDraft = { name: string; role: string; fte: string; costProfileId: string };
export type PersonErrors = Errors<PersonDraft>;

/** Field-by-field check of a person draft; empty object = valid. */
export function validatePersonDraft(draft: PersonDraft, ws: Ws, profileIds: readonly string[]): PersonErrors {
  const e: Record<string, string> = {};
  if (!draft.name.trim()) e.name = 'Enter a name or a role label.';
  else if (draft.name.trim().length > 500) e.name = 'Keep the name under 500 characters.';
  if (draft.role.length > 500) e.role = 'Keep the role under 500 characters.';
  num(e, 'fte', 'FTE', draft.fte, ws.locale, { min: 0, max: 1 });
  if (!profileIds.includes(draft.costProfileId)) e.costProfileId = 'Choose a cost profile.';
  return e as PersonErrors;
}

/** A draft filled from a stored person. */
export function draftFromPerson(p: PersonRecord, ws: Ws): PersonDraft {
  return { name: p.name, role: p.role, fte: numberToInput(p.fte, ws.locale), costProfileId: p.costProfileId };
}

async function profileIdsOf(db: QuarterdeckDb, workspaceId: string): Promise<string[]> {
  return (await db.rows('costProfiles').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
}

async function workspaceOf(db: QuarterdeckDb, id: string): Promise<WorkspaceRecord> {
  const ws = await db.workspaces.get(id);
  if (!ws) throw new Error(`workspace ${id} no longer exists`);
  return ws;
}

/** Add a person (no skills yet). */
export async function createPerson(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: PersonDraft,
  ctx: RepoContext,
): Promise<{ person: PersonRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.workspaces, db.rows('costProfiles'), db.rows('people'), async () => {
    const ws = await workspaceOf(db, workspaceId);
    const label = `person “${draft.name.trim()}”`;
    throwIfErrors(validatePersonDraft(draft, ws, await profileIdsOf(db, workspaceId)), label);
    const person = checked(
      Person,
      {
        id: ctx.newId(),
        workspaceId,
        name: draft.name.trim(),
        role: draft.role.trim(),
        fte: num({}, 'fte', 'FTE', draft.fte, ws.locale),
        costProfileId: draft.costProfileId,
        skills: [],
      },
      label,
    );
    await db.rows('people').add(person);
    return { person, changes: { label: `Add ${label}`, changes: [created('people', person)] } };
  });
}

/** Replace a person's name, role, FTE and cost profile (skills stay). */
export async function updatePerson(db: QuarterdeckDb, id: string, draft: PersonDraft): Promise<ChangeSet> {
  return db.transaction('rw', db.workspaces, db.rows('costProfiles'), db.rows('people'), async () => {
    const before = await db.rows('people').get(id);
    if (!before) throw new Error(`person ${id} no longer exists`);
    const ws = await workspaceOf(db, before.workspaceId);
    const label = `person “${before.name}”`;
    throwIfErrors(validatePersonDraft(draft, ws, await profileIdsOf(db, before.workspaceId)), label);
    const after = checked(
      Person,
      {
        ...before,
        name: draft.name.trim(),
        role: draft.role.trim(),
        fte: num({}, 'fte', 'FTE', draft.fte, ws.locale),
        costProfileId: draft.costProfileId,
      },
      label,
    );
    await db.rows('people').put(after);
    return { label: `Edit person “${after.name}”`, changes: [updated('people', before, after)] };
  });
}

/** Delete a person and drop them from the retained staff of every scenario. */
export async function deletePerson(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('people'), db.rows('scenarios'), async () => {
    const person = await db.rows('people').get(id);
    if (!person) throw new Error(`person ${id} no longer exists`);
    const changes: RowChange[] = [removed('people', person)];
    const scenarios = await db.rows('scenarios').where('workspaceId').equals(person.workspaceId).toArray();
    for (const s of scenarios) {
      if (!s.retainedPersonIds.includes(id)) continue;
      const next = { ...s, retainedPersonIds: s.retainedPersonIds.filter((p) => p !== id) };
      await db.rows('scenarios').put(next);
      changes.push(updated('scenarios', s, next));
    }
    await db.rows('people').delete(id);
    return { label: `Delete person “${person.name}”`, changes };
  });
}

/** The words of proficiency levels 0–4 (SPEC §2). */
export const LEVEL_WORDS = ['none', 'learning', 'working', 'strong', 'expert'] as const;

/**
 * Set one person's proficiency in one area (0 removes the entry). Returns an empty change set
 * when the level is unchanged, so the undo history only holds real edits.
 */
export async function setSkillLevel(
  db: QuarterdeckDb,
  personId: string,
  skillAreaId: string,
  level: number,
): Promise<ChangeSet> {
  if (!Number.isInteger(level) || level < 0 || level > 4) {
    throw new ValidationError([{ field: 'level', reason: 'proficiency is a whole number from 0 to 4' }], 'skill');
  }
  return db.transaction('rw', db.rows('people'), db.rows('skillAreas'), async () => {
    const before = await db.rows('people').get(personId);
    if (!before) throw new Error(`person ${personId} no longer exists`);
    const area = await db.rows('skillAreas').get(skillAreaId);
    if (!area || area.workspaceId !== before.workspaceId) throw new Error(`skill area ${skillAreaId} no longer exists`);
    const current = before.skills.reduce((m, s) => (s.skillAreaId === skillAreaId ? Math.max(m, s.level) : m), 0);
    const label = `Set ${before.name} · ${area.name} to ${level} (${LEVEL_WORDS[level] ?? ''})`;
    if (current === level && before.skills.filter((s) => s.skillAreaId === skillAreaId).length <= 1) {
      return { label, changes: [] };
    }
    // Keep the area's position in the list so a round trip (3 → 1 → 3) restores the same row.
    const skills: PersonRecord['skills'] = [];
    let placed = false;
    for (const s of before.skills) {
      if (s.skillAreaId !== skillAreaId) skills.push(s);
      else if (!placed) {
        placed = true;
        if (level > 0) skills.push({ skillAreaId, level });
      }
    }
    if (!placed && level > 0) skills.push({ skillAreaId, level });
    const after = checked(Person, { ...before, skills }, `person “${before.name}”`);
    await db.rows('people').put(after);
    return { label, changes: [updated('people', before, after)] };
  });
}

// ---------- Skill areas ----------

/** What the skill-area form edits, as typed. */
export type SkillAreaDraft = {
  name: string;
  coverageModel: CoverageModel;
  onDemandHours: string;
  minimumDepth: string;
  plan: AreaPlan;
  costProfileId: string;
};
export type SkillAreaErrors = Errors<SkillAreaDraft>;

/** Field-by-field check of a skill-area draft. */
export function validateSkillAreaDraft(draft: SkillAreaDraft, ws: Ws, profileIds: readonly string[]): SkillAreaErrors {
  const e: Record<string, string> = {};
  if (!draft.name.trim()) e.name = 'Enter a name.';
  else if (draft.name.trim().length > 500) e.name = 'Keep the name under 500 characters.';
  if (!oneOf(COVERAGE_MODELS, draft.coverageModel)) e.coverageModel = 'Choose a coverage model.';
  if (draft.coverageModel === 'on-demand') {
    num(e, 'onDemandHours', 'Hours per year', draft.onDemandHours, ws.locale, { min: 0, max: 8760 });
  }
  num(e, 'minimumDepth', 'Minimum depth', draft.minimumDepth, ws.locale, { min: 0, max: 50, integer: true });
  if (!oneOf(AREA_PLANS, draft.plan)) e.plan = 'Choose a plan.';
  if (!profileIds.includes(draft.costProfileId)) e.costProfileId = 'Choose the role hired for this area.';
  return e as SkillAreaErrors;
}

/** A draft filled from a stored area. */
export function draftFromSkillArea(a: SkillAreaRecord, ws: Ws): SkillAreaDraft {
  return {
    name: a.name,
    coverageModel: a.coverageModel,
    onDemandHours: a.onDemandHours === null ? '' : numberToInput(a.onDemandHours, ws.locale),
    minimumDepth: String(a.minimumDepth),
    plan: a.plan,
    costProfileId: a.costProfileId,
  };
}

/** A lowercase slug for a new area's key, unique among `taken`. */
export function uniqueAreaKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'area';
  const slug = /^[a-z0-9]/.test(base) ? base : `a-${base}`.slice(0, 36);
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i++) if (!taken.has(`${slug}-${i}`)) return `${slug}-${i}`;
}

function areaFields(draft: SkillAreaDraft, ws: Ws) {
  return {
    name: draft.name.trim(),
    coverageModel: draft.coverageModel,
    onDemandHours: draft.coverageModel === 'on-demand' ? num({}, 'h', 'h', draft.onDemandHours, ws.locale) : null,
    minimumDepth: num({}, 'd', 'd', draft.minimumDepth, ws.locale),
    plan: draft.plan,
    costProfileId: draft.costProfileId,
  };
}

/** Add a skill area at the end of the list; its key is a slug of the name (kept on rename). */
export async function createSkillArea(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: SkillAreaDraft,
  ctx: RepoContext,
): Promise<{ area: SkillAreaRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.workspaces, db.rows('costProfiles'), db.rows('skillAreas'), async () => {
    const ws = await workspaceOf(db, workspaceId);
    const label = `skill area “${draft.name.trim()}”`;
    throwIfErrors(validateSkillAreaDraft(draft, ws, await profileIdsOf(db, workspaceId)), label);
    const siblings = await db.rows('skillAreas').where('workspaceId').equals(workspaceId).toArray();
    const area = checked(
      SkillArea,
      {
        id: ctx.newId(),
        workspaceId,
        key: uniqueAreaKey(draft.name, new Set(siblings.map((a) => a.key))),
        ...areaFields(draft, ws),
        order: siblings.reduce((m, a) => Math.max(m, a.order + 1), 0),
      },
      label,
    );
    await db.rows('skillAreas').add(area);
    return { area, changes: { label: `Add ${label}`, changes: [created('skillAreas', area)] } };
  });
}

/** Replace an area's editable fields. */
export async function updateSkillArea(db: QuarterdeckDb, id: string, draft: SkillAreaDraft): Promise<ChangeSet> {
  return db.transaction('rw', db.workspaces, db.rows('costProfiles'), db.rows('skillAreas'), async () => {
    const before = await db.rows('skillAreas').get(id);
    if (!before) throw new Error(`skill area ${id} no longer exists`);
    const ws = await workspaceOf(db, before.workspaceId);
    const label = `skill area “${before.name}”`;
    throwIfErrors(validateSkillAreaDraft(draft, ws, await profileIdsOf(db, before.workspaceId)), label);
    const after = checked(SkillArea, { ...before, ...areaFields(draft, ws) }, label);
    await db.rows('skillAreas').put(after);
    return { label: `Edit skill area “${after.name}”`, changes: [updated('skillAreas', before, after)] };
  });
}

const PLAN_WORDS: Record<AreaPlan, string> = {
  hire: 'hire',
  train: 'train',
  'co-manage': 'co-manage',
  accept: 'accept risk',
};

/** Set only an area's plan (hire / train / co-manage / accept). */
export async function setAreaPlan(db: QuarterdeckDb, id: string, plan: AreaPlan): Promise<ChangeSet> {
  if (!oneOf(AREA_PLANS, plan)) throw new ValidationError([{ field: 'plan', reason: 'choose a plan' }], 'skill area');
  return db.transaction('rw', db.rows('skillAreas'), async () => {
    const before = await db.rows('skillAreas').get(id);
    if (!before) throw new Error(`skill area ${id} no longer exists`);
    const label = `Plan for ${before.name}: ${PLAN_WORDS[plan]}`;
    if (before.plan === plan) return { label, changes: [] };
    const after = { ...before, plan };
    await db.rows('skillAreas').put(after);
    return { label, changes: [updated('skillAreas', before, after)] };
  });
}

/**
 * Delete an area and every reference to it: people's skills, contracts' covered areas, scenarios'
 * per-area choices and roadmap items' needed skills — one transaction, one undo.
 */
export async function deleteSkillArea(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  const tables = ['skillAreas', 'people', 'partnerContracts', 'scenarios', 'roadmapItems'] as const;
  return db.transaction(
    'rw',
    tables.map((t) => db.rows(t)),
    async () => {
      const area = await db.rows('skillAreas').get(id);
      if (!area) throw new Error(`skill area ${id} no longer exists`);
      const ws = area.workspaceId;
      const changes: RowChange[] = [removed('skillAreas', area)];
      for (const p of await db.rows('people').where('workspaceId').equals(ws).toArray()) {
        if (!p.skills.some((s) => s.skillAreaId === id)) continue;
        const next = { ...p, skills: p.skills.filter((s) => s.skillAreaId !== id) };
        await db.rows('people').put(next);
        changes.push(updated('people', p, next));
      }
      for (const c of await db.rows('partnerContracts').where('workspaceId').equals(ws).toArray()) {
        if (!c.coveredAreas.some((a) => a.skillAreaId === id)) continue;
        const next = { ...c, coveredAreas: c.coveredAreas.filter((a) => a.skillAreaId !== id) };
        await db.rows('partnerContracts').put(next);
        changes.push(updated('partnerContracts', c, next));
      }
      for (const s of await db.rows('scenarios').where('workspaceId').equals(ws).toArray()) {
        if (!s.areaChoices.some((a) => a.skillAreaId === id)) continue;
        const next = { ...s, areaChoices: s.areaChoices.filter((a) => a.skillAreaId !== id) };
        await db.rows('scenarios').put(next);
        changes.push(updated('scenarios', s, next));
      }
      for (const r of await db.rows('roadmapItems').where('workspaceId').equals(ws).toArray()) {
        if (!r.skills.some((a) => a.skillAreaId === id)) continue;
        const next = { ...r, skills: r.skills.filter((a) => a.skillAreaId !== id) };
        await db.rows('roadmapItems').put(next);
        changes.push(updated('roadmapItems', r, next));
      }
      await db.rows('skillAreas').delete(id);
      return { label: `Delete skill area “${area.name}”`, changes };
    },
  );
}

// ---------- Cost profiles ----------

/** The cost-profile fields that carry a cited source, in display order. */
export const PROFILE_FIELDS = [
  'baseSalary',
  'benefitsLoadPct',
  'toolsTrainingPerYear',
  'costPerHire',
  'rampUpMonths',
  'turnoverPct',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What the cost-profile form edits, as typed; sources per field as text and year. */
export type CostProfileDraft = { role: string } & Record<ProfileField, string> & {
    sources: Record<ProfileField, { source: string; year: string }>;
  };
export type CostProfileErrors = Partial<Record<keyof CostProfileDraft | `source.${ProfileField}` | 'form', string>>;

const MONEY_FIELDS = new Set<ProfileField>(['baseSalary', 'toolsTrainingPerYear', 'costPerHire']);

/** Field labels shared by the form, the table and error messages. */
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  baseSalary: 'Base salary',
  benefitsLoadPct: 'Benefits load',
  toolsTrainingPerYear: 'Tools & training per head',
  costPerHire: 'Cost per hire',
  rampUpMonths: 'Ramp-up',
  turnoverPct: 'Turnover',
};

/** The source note of one field, if any. */
export function sourceOf(profile: Pick<CostProfileRecord, 'sources'>, field: string): SourceNote | null {
  return profile.sources.find((s) => s.field === field) ?? null;
}

/** A draft filled from a stored profile. */
export function draftFromProfile(p: CostProfileRecord, ws: Ws): CostProfileDraft {
  const m = (v: number) => moneyToInput(v, ws.currency, ws.locale) || '0';
  const sources = {} as CostProfileDraft['sources'];
  for (const f of PROFILE_FIELDS) {
    const s = sourceOf(p, f);
    sources[f] = { source: s?.source ?? '', year: s ? String(s.year) : '' };
  }
  return {
    role: p.role,
    baseSalary: m(p.baseSalary),
    benefitsLoadPct: numberToInput(p.benefitsLoadPct, ws.locale),
    toolsTrainingPerYear: m(p.toolsTrainingPerYear),
    costPerHire: m(p.costPerHire),
    rampUpMonths: numberToInput(p.rampUpMonths, ws.locale),
    turnoverPct: numberToInput(p.turnoverPct, ws.locale),
    sources,
  };
}

function profileValues(draft: CostProfileDraft, ws: Ws, e: Record<string, string>): Record<ProfileField, number> {
  const out = {} as Record<ProfileField, number>;
  for (const f of PROFILE_FIELDS) {
    const label = PROFILE_FIELD_LABELS[f];
    if (MONEY_FIELDS.has(f)) out[f] = money(e, f, label, draft[f], ws);
    else if (f === 'rampUpMonths') out[f] = num(e, f, `${label} (months)`, draft[f], ws.locale, { min: 0, max: 36 });
    else out[f] = num(e, f, `${label} (%)`, draft[f], ws.locale, { min: 0, max: 100 });
  }
  return out;
}

/** Field-by-field check of a cost-profile draft. */
export function validateProfileDraft(draft: CostProfileDraft, ws: Ws): CostProfileErrors {
  const e: Record<string, string> = {};
  if (!draft.role.trim()) e.role = 'Enter the role.';
  else if (draft.role.trim().length > 500) e.role = 'Keep the role under 500 characters.';
  profileValues(draft, ws, e);
  for (const f of PROFILE_FIELDS) {
    const s = draft.sources[f];
    if (s.source.length > 500) e[`source.${f}`] = 'Keep the source under 500 characters.';
    else if (s.source.trim() && !/^\d{4}$/.test(s.year.trim()))
      e[`source.${f}`] = 'Give the year of the source (YYYY).';
    else if (s.source.trim() && (Number(s.year) < 1990 || Number(s.year) > 2200)) {
      e[`source.${f}`] = 'The year must be between 1990 and 2200.';
    }
  }
  return e as CostProfileErrors;
}

/**
 * The source notes to store. A value changed while its source text was left as it was no longer
 * matches that source, so the note says the figure is the user's own and keeps the old citation
 * for reference, dated this year — the app never passes an edited figure off as market data.
 */
function profileSources(
  draft: CostProfileDraft,
  before: CostProfileRecord | null,
  values: Record<ProfileField, number>,
  year: number,
): SourceNote[] {
  const out: SourceNote[] = [];
  for (const f of PROFILE_FIELDS) {
    const s = draft.sources[f];
    const old = before ? sourceOf(before, f) : null;
    const changed = before !== null && before[f] !== values[f];
    const untouched = old !== null && s.source.trim() === old.source && s.year.trim() === String(old.year);
    if (changed && untouched) {
      out.push({ field: f, source: `Entered by the user (was: ${old.source})`.slice(0, 500), year });
    } else if (s.source.trim()) {
      out.push({ field: f, source: s.source.trim(), year: Number(s.year.trim()) });
    } else if (changed || before === null) {
      out.push({ field: f, source: 'Entered by the user', year });
    }
  }
  // Notes on other fields (none today) are kept as they were.
  for (const s of before?.sources ?? []) if (!oneOf(PROFILE_FIELDS, s.field)) out.push(s);
  return out;
}

/** Add a cost profile. */
export async function createCostProfile(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: CostProfileDraft,
  ctx: RepoContext,
): Promise<{ profile: CostProfileRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.workspaces, db.rows('costProfiles'), async () => {
    const ws = await workspaceOf(db, workspaceId);
    const label = `cost profile “${draft.role.trim()}”`;
    throwIfErrors(validateProfileDraft(draft, ws), label);
    const values = profileValues(draft, ws, {});
    const year = Number(ctx.now().slice(0, 4));
    const profile = checked(
      CostProfile,
      {
        id: ctx.newId(),
        workspaceId,
        role: draft.role.trim(),
        ...values,
        sources: profileSources(draft, null, values, year),
      },
      label,
    );
    await db.rows('costProfiles').add(profile);
    return { profile, changes: { label: `Add ${label}`, changes: [created('costProfiles', profile)] } };
  });
}

/** Replace a profile's values and sources. */
export async function updateCostProfile(
  db: QuarterdeckDb,
  id: string,
  draft: CostProfileDraft,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.workspaces, db.rows('costProfiles'), async () => {
    const before = await db.rows('costProfiles').get(id);
    if (!before) throw new Error(`cost profile ${id} no longer exists`);
    const ws = await workspaceOf(db, before.workspaceId);
    const label = `cost profile “${before.role}”`;
    throwIfErrors(validateProfileDraft(draft, ws), label);
    const values = profileValues(draft, ws, {});
    const year = Number(ctx.now().slice(0, 4));
    const after = checked(
      CostProfile,
      { ...before, role: draft.role.trim(), ...values, sources: profileSources(draft, before, values, year) },
      label,
    );
    await db.rows('costProfiles').put(after);
    return { label: `Edit cost profile “${after.role}”`, changes: [updated('costProfiles', before, after)] };
  });
}

/** Delete a profile nobody uses; refuses (naming who) while people or areas point at it. */
export async function deleteCostProfile(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('costProfiles'), db.rows('people'), db.rows('skillAreas'), async () => {
    const profile = await db.rows('costProfiles').get(id);
    if (!profile) throw new Error(`cost profile ${id} no longer exists`);
    const people = (await db.rows('people').where('workspaceId').equals(profile.workspaceId).toArray()).filter(
      (p) => p.costProfileId === id,
    );
    const areas = (await db.rows('skillAreas').where('workspaceId').equals(profile.workspaceId).toArray()).filter(
      (a) => a.costProfileId === id,
    );
    if (people.length || areas.length) {
      const users = [...people.map((p) => p.name), ...areas.map((a) => `${a.name} (hiring role)`)];
      throw new ValidationError(
        [{ field: 'id', reason: `still used by ${users.join(', ')}; give them another profile first` }],
        `cost profile “${profile.role}”`,
      );
    }
    await db.rows('costProfiles').delete(id);
    return { label: `Delete cost profile “${profile.role}”`, changes: [removed('costProfiles', profile)] };
  });
}

// ---------- Partner contracts ----------

/** What the contract form edits, as typed. */
export type ContractDraft = {
  name: string;
  kind: PartnerContractRecord['kind'];
  partyId: string;
  perUserMonthly: string;
  perEndpointMonthly: string;
  fixedMonthly: string;
  projectHoursPerYear: string;
  hourlyRate: string;
  onboardingFee: string;
  escalatorPct: string;
  /** Covered areas: area id → the partner's coverage model there. */
  coveredAreas: { skillAreaId: string; coverageModel: CoverageModel }[];
  startDate: string;
  endDate: string;
};
export type ContractErrors = Errors<ContractDraft>;

function contractValues(draft: ContractDraft, ws: Ws, e: Record<string, string>) {
  return {
    perUserMonthly: money(e, 'perUserMonthly', 'Per user per month', draft.perUserMonthly, ws),
    perEndpointMonthly: money(e, 'perEndpointMonthly', 'Per endpoint per month', draft.perEndpointMonthly, ws),
    fixedMonthly: money(e, 'fixedMonthly', 'Fixed fee per month', draft.fixedMonthly, ws),
    projectHoursPerYear: num(e, 'projectHoursPerYear', 'Project hours per year', draft.projectHoursPerYear, ws.locale, {
      min: 0,
      max: 100_000,
      emptyAs: 0,
    }),
    hourlyRate: money(e, 'hourlyRate', 'Hourly rate', draft.hourlyRate, ws),
    onboardingFee: money(e, 'onboardingFee', 'Onboarding fee', draft.onboardingFee, ws),
    escalatorPct: num(e, 'escalatorPct', 'Annual escalator (%)', draft.escalatorPct, ws.locale, {
      min: -100,
      max: 1000,
      emptyAs: 0,
    }),
  };
}

/** Field-by-field check of a contract draft. */
export function validateContractDraft(
  draft: ContractDraft,
  ws: Ws,
  partyIds: readonly string[],
  areaIds: readonly string[],
): ContractErrors {
  const e: Record<string, string> = {};
  if (!draft.name.trim()) e.name = 'Enter a name for the contract.';
  else if (draft.name.trim().length > 500) e.name = 'Keep the name under 500 characters.';
  if (draft.kind !== 'co-managed' && draft.kind !== 'fully-managed') e.kind = 'Choose the kind of contract.';
  if (!partyIds.includes(draft.partyId)) e.partyId = 'Choose the partner.';
  contractValues(draft, ws, e);
  const seen = new Set<string>();
  for (const a of draft.coveredAreas) {
    if (!areaIds.includes(a.skillAreaId)) e.coveredAreas = 'A covered area no longer exists; untick it.';
    else if (seen.has(a.skillAreaId)) e.coveredAreas = 'Each area can be covered once.';
    else if (!oneOf(COVERAGE_MODELS, a.coverageModel)) e.coveredAreas = 'Choose a coverage model for each area.';
    seen.add(a.skillAreaId);
  }
  if (draft.startDate && !DATE_RE.test(draft.startDate)) e.startDate = 'Enter the start as YYYY-MM-DD.';
  if (draft.endDate && !DATE_RE.test(draft.endDate)) e.endDate = 'Enter the end as YYYY-MM-DD.';
  else if (draft.startDate && draft.endDate && !e.startDate && draft.endDate < draft.startDate) {
    e.endDate = 'The end is before the start.';
  }
  return e as ContractErrors;
}

/** A draft filled from a stored contract. */
export function draftFromContract(c: PartnerContractRecord, ws: Ws): ContractDraft {
  const m = (v: number) => moneyToInput(v, ws.currency, ws.locale);
  return {
    name: c.name,
    kind: c.kind,
    partyId: c.partyId,
    perUserMonthly: m(c.perUserMonthly),
    perEndpointMonthly: m(c.perEndpointMonthly),
    fixedMonthly: m(c.fixedMonthly),
    projectHoursPerYear: numberToInput(c.projectHoursPerYear, ws.locale),
    hourlyRate: m(c.hourlyRate),
    onboardingFee: m(c.onboardingFee),
    escalatorPct: numberToInput(c.escalatorPct, ws.locale),
    coveredAreas: c.coveredAreas.map((a) => ({ ...a })),
    startDate: c.startDate ?? '',
    endDate: c.endDate ?? '',
  };
}

async function contractRefs(db: QuarterdeckDb, workspaceId: string) {
  const partyIds = (await db.rows('parties').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
  const areaIds = (await db.rows('skillAreas').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
  return { partyIds, areaIds };
}

function contractRecord(
  base: { id: string; workspaceId: string },
  draft: ContractDraft,
  ws: Ws,
  label: string,
): PartnerContractRecord {
  return checked(
    PartnerContract,
    {
      ...base,
      name: draft.name.trim(),
      kind: draft.kind,
      partyId: draft.partyId,
      ...contractValues(draft, ws, {}),
      coveredAreas: draft.coveredAreas.map((a) => ({ skillAreaId: a.skillAreaId, coverageModel: a.coverageModel })),
      startDate: draft.startDate || null,
      endDate: draft.endDate || null,
    },
    label,
  );
}

const CONTRACT_TABLES = ['partnerContracts', 'parties', 'skillAreas'] as const;

/** Add a partner contract. */
export async function createContract(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: ContractDraft,
  ctx: RepoContext,
): Promise<{ contract: PartnerContractRecord; changes: ChangeSet }> {
  return db.transaction('rw', [db.workspaces, ...CONTRACT_TABLES.map((t) => db.rows(t))], async () => {
    const ws = await workspaceOf(db, workspaceId);
    const label = `partner contract “${draft.name.trim()}”`;
    const refs = await contractRefs(db, workspaceId);
    throwIfErrors(validateContractDraft(draft, ws, refs.partyIds, refs.areaIds), label);
    const contract = contractRecord({ id: ctx.newId(), workspaceId }, draft, ws, label);
    await db.rows('partnerContracts').add(contract);
    return { contract, changes: { label: `Add ${label}`, changes: [created('partnerContracts', contract)] } };
  });
}

/** Replace a contract's fields. */
export async function updateContract(db: QuarterdeckDb, id: string, draft: ContractDraft): Promise<ChangeSet> {
  return db.transaction('rw', [db.workspaces, ...CONTRACT_TABLES.map((t) => db.rows(t))], async () => {
    const before = await db.rows('partnerContracts').get(id);
    if (!before) throw new Error(`partner contract ${id} no longer exists`);
    const ws = await workspaceOf(db, before.workspaceId);
    const label = `partner contract “${before.name}”`;
    const refs = await contractRefs(db, before.workspaceId);
    throwIfErrors(validateContractDraft(draft, ws, refs.partyIds, refs.areaIds), label);
    const after = contractRecord(before, draft, ws, label);
    await db.rows('partnerContracts').put(after);
    return { label: `Edit partner contract “${after.name}”`, changes: [updated('partnerContracts', before, after)] };
  });
}

/** Delete a contract; scenarios that named it fall back to the workspace's default contract. */
export async function deleteContract(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('partnerContracts'), db.rows('scenarios'), async () => {
    const c = await db.rows('partnerContracts').get(id);
    if (!c) throw new Error(`partner contract ${id} no longer exists`);
    const changes: RowChange[] = [removed('partnerContracts', c)];
    for (const s of await db.rows('scenarios').where('workspaceId').equals(c.workspaceId).toArray()) {
      if (s.contractId !== id) continue;
      const next = { ...s, contractId: null };
      await db.rows('scenarios').put(next);
      changes.push(updated('scenarios', s, next));
    }
    await db.rows('partnerContracts').delete(id);
    return { label: `Delete partner contract “${c.name}”`, changes };
  });
}

// ---------- Scenarios ----------

/** What the scenario form edits, as typed. An area without a choice uses the area's plan. */
export type ScenarioDraft = {
  name: string;
  kind: ScenarioKind;
  horizonYears: string;
  discountRatePct: string;
  wageInflationPct: string;
  productiveHoursPerFte: string;
  /** '' = the workspace default for the kind (see the engine). */
  contractId: string;
  areaChoices: Record<string, AreaPlan | ''>;
  retainedPersonIds: string[];
};
export type ScenarioErrors = Errors<ScenarioDraft>;

/** A draft filled from a stored scenario. */
export function draftFromScenario(s: ScenarioRecord, ws: Ws): ScenarioDraft {
  const areaChoices: Record<string, AreaPlan | ''> = {};
  for (const c of s.areaChoices) areaChoices[c.skillAreaId] = c.choice;
  return {
    name: s.name,
    kind: s.kind,
    horizonYears: String(s.horizonYears),
    discountRatePct: numberToInput(s.discountRatePct, ws.locale),
    wageInflationPct: numberToInput(s.wageInflationPct, ws.locale),
    productiveHoursPerFte: numberToInput(s.productiveHoursPerFte, ws.locale),
    contractId: s.contractId ?? '',
    areaChoices,
    retainedPersonIds: [...s.retainedPersonIds],
  };
}

/** Field-by-field check of a scenario draft against the workspace's contracts, areas and people. */
export function validateScenarioDraft(
  draft: ScenarioDraft,
  ws: Ws,
  refs: {
    contracts: readonly Pick<PartnerContractRecord, 'id' | 'kind'>[];
    areaIds: readonly string[];
    personIds: readonly string[];
  },
): ScenarioErrors {
  const e: Record<string, string> = {};
  if (!draft.name.trim()) e.name = 'Enter a name.';
  else if (draft.name.trim().length > 500) e.name = 'Keep the name under 500 characters.';
  if (!oneOf(SCENARIO_KINDS, draft.kind)) e.kind = 'Choose the kind of scenario.';
  num(e, 'horizonYears', 'Horizon', draft.horizonYears, ws.locale, { min: 1, max: 10, integer: true });
  num(e, 'discountRatePct', 'Discount rate (%)', draft.discountRatePct, ws.locale, { min: -99, max: 1000 });
  num(e, 'wageInflationPct', 'Wage inflation (%)', draft.wageInflationPct, ws.locale, { min: -100, max: 1000 });
  num(e, 'productiveHoursPerFte', 'Productive hours per FTE', draft.productiveHoursPerFte, ws.locale, {
    min: 100,
    max: 8760,
  });
  if (draft.contractId) {
    const c = refs.contracts.find((x) => x.id === draft.contractId);
    if (!c) e.contractId = 'That contract no longer exists; choose another.';
    else if (draft.kind === 'fully-outsourced' && c.kind !== 'fully-managed') {
      e.contractId = 'A fully outsourced scenario needs a fully-managed contract.';
    }
  }
  for (const [areaId, choice] of Object.entries(draft.areaChoices)) {
    if (choice && !refs.areaIds.includes(areaId))
      e.areaChoices = 'A per-area choice names an area that no longer exists.';
    else if (choice && !oneOf(AREA_PLANS, choice)) e.areaChoices = 'Choose hire, train, co-manage or accept.';
  }
  if (draft.retainedPersonIds.some((p) => !refs.personIds.includes(p))) {
    e.retainedPersonIds = 'A retained person no longer exists; untick them.';
  }
  return e as ScenarioErrors;
}

/**
 * The scenario a draft describes (for the live preview and for saving); invalid numbers become 0
 * and are caught by the validation above before anything is written.
 */
export function scenarioFromDraft(
  base: Pick<ScenarioRecord, 'id' | 'workspaceId' | 'order'>,
  draft: ScenarioDraft,
  ws: Ws,
  areaOrder: readonly string[],
): ScenarioRecord {
  const n = (t: string) => {
    const r = parseNumberInput(t, ws.locale);
    return r.ok ? r.value : 0;
  };
  return {
    ...base,
    name: draft.name.trim(),
    kind: draft.kind,
    horizonYears: n(draft.horizonYears),
    discountRatePct: n(draft.discountRatePct),
    wageInflationPct: n(draft.wageInflationPct),
    productiveHoursPerFte: n(draft.productiveHoursPerFte),
    areaChoices: areaOrder.flatMap((id) => {
      const c = draft.areaChoices[id];
      return c ? [{ skillAreaId: id, choice: c }] : [];
    }),
    contractId: draft.contractId || null,
    // Retained staff only mean something when fully outsourced; other kinds keep everyone.
    retainedPersonIds: draft.kind === 'fully-outsourced' ? [...new Set(draft.retainedPersonIds)] : [],
  };
}

const SCENARIO_TABLES = ['scenarios', 'partnerContracts', 'skillAreas', 'people'] as const;

async function scenarioRefs(db: QuarterdeckDb, workspaceId: string) {
  const contracts = await db.rows('partnerContracts').where('workspaceId').equals(workspaceId).toArray();
  const areas = await db.rows('skillAreas').where('workspaceId').equals(workspaceId).toArray();
  const personIds = (await db.rows('people').where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
  const areaOrder = [...areas].sort((a, b) => a.order - b.order).map((a) => a.id);
  return { contracts, areaIds: areaOrder, personIds, areaOrder };
}

/** Add a scenario at the end of the list. */
export async function createScenario(
  db: QuarterdeckDb,
  workspaceId: string,
  draft: ScenarioDraft,
  ctx: RepoContext,
): Promise<{ scenario: ScenarioRecord; changes: ChangeSet }> {
  return db.transaction('rw', [db.workspaces, ...SCENARIO_TABLES.map((t) => db.rows(t))], async () => {
    const ws = await workspaceOf(db, workspaceId);
    const label = `scenario “${draft.name.trim()}”`;
    const refs = await scenarioRefs(db, workspaceId);
    throwIfErrors(validateScenarioDraft(draft, ws, refs), label);
    const siblings = await db.rows('scenarios').where('workspaceId').equals(workspaceId).toArray();
    const order = siblings.reduce((m, s) => Math.max(m, s.order + 1), 0);
    const scenario = checked(
      Scenario,
      scenarioFromDraft({ id: ctx.newId(), workspaceId, order }, draft, ws, refs.areaOrder),
      label,
    );
    await db.rows('scenarios').add(scenario);
    return { scenario, changes: { label: `Add ${label}`, changes: [created('scenarios', scenario)] } };
  });
}

/** Replace a scenario's fields. */
export async function updateScenario(db: QuarterdeckDb, id: string, draft: ScenarioDraft): Promise<ChangeSet> {
  return db.transaction('rw', [db.workspaces, ...SCENARIO_TABLES.map((t) => db.rows(t))], async () => {
    const before = await db.rows('scenarios').get(id);
    if (!before) throw new Error(`scenario ${id} no longer exists`);
    const ws = await workspaceOf(db, before.workspaceId);
    const label = `scenario “${before.name}”`;
    const refs = await scenarioRefs(db, before.workspaceId);
    throwIfErrors(validateScenarioDraft(draft, ws, refs), label);
    const after = checked(Scenario, scenarioFromDraft(before, draft, ws, refs.areaOrder), label);
    await db.rows('scenarios').put(after);
    return { label: `Edit scenario “${after.name}”`, changes: [updated('scenarios', before, after)] };
  });
}

/** A name not yet used: "X (copy)", "X (copy 2)", … */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = `${name} (copy)`.slice(0, 500);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const n = `${name} (copy ${i})`.slice(0, 500);
    if (!taken.has(n)) return n;
  }
}

/** Copy a scenario (for a what-if) right after the last one. */
export async function duplicateScenario(
  db: QuarterdeckDb,
  id: string,
  ctx: RepoContext,
): Promise<{ scenario: ScenarioRecord; changes: ChangeSet }> {
  return db.transaction('rw', db.rows('scenarios'), async () => {
    const src = await db.rows('scenarios').get(id);
    if (!src) throw new Error(`scenario ${id} no longer exists`);
    const siblings = await db.rows('scenarios').where('workspaceId').equals(src.workspaceId).toArray();
    const scenario = checked(
      Scenario,
      {
        ...src,
        id: ctx.newId(),
        name: copyName(src.name, new Set(siblings.map((s) => s.name))),
        areaChoices: src.areaChoices.map((c) => ({ ...c })),
        retainedPersonIds: [...src.retainedPersonIds],
        order: siblings.reduce((m, s) => Math.max(m, s.order + 1), 0),
      },
      `scenario “${src.name}”`,
    );
    await db.rows('scenarios').add(scenario);
    return {
      scenario,
      changes: { label: `Duplicate scenario “${src.name}”`, changes: [created('scenarios', scenario)] },
    };
  });
}

/** Delete a scenario. */
export async function deleteScenario(db: QuarterdeckDb, id: string): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('scenarios'), async () => {
    const s = await db.rows('scenarios').get(id);
    if (!s) throw new Error(`scenario ${id} no longer exists`);
    await db.rows('scenarios').delete(id);
    return { label: `Delete scenario “${s.name}”`, changes: [removed('scenarios', s)] };
  });
}

/** Add the standard scenarios (in-house, and co-managed/hybrid/fully outsourced where a contract allows). */
export async function createStandardScenarios(
  db: QuarterdeckDb,
  workspaceId: string,
  ctx: RepoContext,
): Promise<ChangeSet> {
  return db.transaction('rw', db.rows('scenarios'), db.rows('partnerContracts'), async () => {
    const contracts = await db.rows('partnerContracts').where('workspaceId').equals(workspaceId).toArray();
    const existing = await db.rows('scenarios').where('workspaceId').equals(workspaceId).toArray();
    const start = existing.reduce((m, s) => Math.max(m, s.order + 1), 0);
    const rows = standardScenarios(workspaceId, contracts, () => ctx.newId()).map((s) =>
      checked(Scenario, { ...s, order: s.order + start }, `scenario “${s.name}”`),
    );
    await db.rows('scenarios').bulkAdd(rows);
    return { label: 'Add the standard scenarios', changes: rows.map((r) => created('scenarios', r)) };
  });
}
