/**
 * The deck model and quarterly snapshots. `deckModel()` computes every number the deck shows;
 * closing a quarter freezes that model as `QbrSnapshot.data` with the SHA-256 of its canonical
 * JSON; a closed QBR's deck is rendered from its snapshot, never recomputed, so it regenerates with
 * identical content. "What changed since last QBR" compares the current model with the previous
 * snapshot (roadmap items added, slipped and done; budget variance; KPI values; RACI cells).
 */
import type { WorkspaceData } from '../domain/tables';
import type { Qbr, QbrSnapshot } from '../domain/qbr/schema';
import { raciDiff, type RaciCell } from '../domain/governance/raci';
import { carryOverActions } from '../domain/governance/actions';
import type { ActionItem } from '../domain/governance/schema';
import { delta as kpiDelta } from '../domain/kpis/compare';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';
import {
  actionsOf,
  appendixOf,
  budgetOf,
  decisionsOf,
  findQbr,
  governanceOf,
  healthOf,
  kpisOf,
  metaOf,
  nextStepsOf,
  placeholderQbr,
  qbrOf,
  risksOf,
  roadmapOf,
  staffingOf,
} from './compute';
import { DECK_MODEL_VERSION, isDeckModel, type DeckModel, type KpiRow } from './model';

/** Thrown when a deck cannot be built: names the QBR or snapshot and the reason. */
export class DeckInputError extends Error {}

/** Everything the deck shows for a QBR, computed from the live workspace. Pure. */
export function deckModel(data: WorkspaceData, qbrId: string): DeckModel {
  const qbr = findQbr(data, qbrId);
  const meta = metaOf(data, qbr);
  const kpis = kpisOf(data, qbr.quarter);
  const decisions = decisionsOf(data, qbr);
  const model: DeckModel = {
    modelVersion: DECK_MODEL_VERSION,
    meta,
    qbr: qbrOf(data, qbr),
    decisions,
    health: healthOf(kpis, data, qbr.quarter),
    kpis,
    actions: actionsOf(data, qbr),
    risks: risksOf(data),
    roadmap: roadmapOf(data, qbr.quarter),
    budget: budgetOf(data, qbr.quarter),
    staffing: staffingOf(data),
    governance: governanceOf(data, qbr.quarter),
    whatChanged: {
      baseline: { kind: 'none', quarter: null, createdAt: null },
      roadmap: null,
      budget: null,
      kpis: [],
      raci: null,
    },
    nextSteps: nextStepsOf(data, qbr, decisions.length),
    appendix: appendixOf(data, kpis, qbr.quarter, meta.actualsThrough),
  };
  model.whatChanged = whatChanged(model, previousBaseline(data, qbr));
  // Round-trip through JSON semantics: the model must be exactly what a snapshot stores.
  return JSON.parse(canonicalJson(model)) as DeckModel;
}

/** The hash stored with a snapshot: SHA-256 of the model's canonical JSON. */
export function modelHash(model: DeckModel): string {
  return sha256Hex(canonicalJson(model));
}

/**
 * The QbrSnapshot that closing this QBR writes (the caller stores it, marks the QBR closed and
 * carries actions over in the same transaction). Id and time come from the caller.
 */
export function closeQuarterSnapshot(
  data: WorkspaceData,
  qbrId: string,
  meta: { id: string; createdAt: string },
): QbrSnapshot {
  const qbr = findQbr(data, qbrId);
  const model = deckModel(data, qbrId);
  // The frozen model records the QBR as closed, as the deck will print it from now on.
  model.qbr.status = 'closed';
  model.qbr.closedAt = meta.createdAt;
  return {
    id: meta.id,
    workspaceId: data.workspace.id,
    qbrId,
    quarter: qbr.quarter,
    createdAt: meta.createdAt,
    sha256: modelHash(model),
    data: model,
  };
}

/** Everything closing a quarter writes, in one transaction (see `closeQuarter`). */
export type QuarterClose = { snapshot: QbrSnapshot; qbr: Qbr; carriedOver: ActionItem[] };

/**
 * Closing a quarter: the frozen, hashed snapshot; the QBR marked closed (read-only from then on);
 * and the actions it reviewed that are still open, carried over (governance/actions). The caller
 * writes all three together or nothing. Refuses a QBR that is already closed.
 */
export function closeQuarter(
  data: WorkspaceData,
  qbrId: string,
  meta: { snapshotId: string; closedAt: string },
): QuarterClose {
  const qbr = findQbr(data, qbrId);
  if (qbr.status === 'closed') throw new DeckInputError(`QBR "${qbr.title}" is already closed`);
  const snapshot = closeQuarterSnapshot(data, qbrId, { id: meta.snapshotId, createdAt: meta.closedAt });
  return {
    snapshot,
    qbr: { ...qbr, status: 'closed', closedAt: meta.closedAt },
    carriedOver: carryOverActions(data.tables.actionItems, data.tables.qbrs, qbrId),
  };
}

/**
 * The model a deck renders for a QBR: a closed QBR renders from its snapshot (hash checked, so a
 * tampered snapshot is refused); a draft from the live data.
 */
export function modelForQbr(data: WorkspaceData, qbrId: string): DeckModel {
  const qbr = findQbr(data, qbrId);
  if (qbr.status === 'closed') {
    const snap = latestSnapshotOf(data, qbrId);
    if (snap && isDeckModel(snap.data)) {
      if (modelHash(snap.data) !== snap.sha256) {
        throw new DeckInputError(
          `snapshot ${snap.id} of QBR "${qbr.title}" does not match its SHA-256: it was changed after the quarter closed`,
        );
      }
      return JSON.parse(canonicalJson(snap.data)) as DeckModel;
    }
    // A closed QBR without a deck-model snapshot (e.g. imported with an older summary): the live
    // data is the best there is.
  }
  return deckModel(data, qbrId);
}

/** Where a QBR's deck numbers come from: its frozen snapshot, or the live workspace. */
export function deckSource(data: WorkspaceData, qbrId: string): 'snapshot' | 'live' {
  const qbr = findQbr(data, qbrId);
  if (qbr.status !== 'closed') return 'live';
  const snap = latestSnapshotOf(data, qbrId);
  return snap && isDeckModel(snap.data) ? 'snapshot' : 'live';
}

function latestSnapshotOf(data: WorkspaceData, qbrId: string): QbrSnapshot | null {
  const snaps = data.tables.qbrSnapshots.filter((s) => s.qbrId === qbrId);
  snaps.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return snaps[0] ?? null;
}

/** A workspace with an on-the-fly draft QBR for `quarter` (when it has none), and that QBR's id. */
export function withDraftQbr(data: WorkspaceData, quarter: string): { data: WorkspaceData; qbrId: string } {
  const existing = [...data.tables.qbrs]
    .filter((q) => q.quarter === quarter)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (existing) return { data, qbrId: existing.id };
  const draft: Qbr = placeholderQbr(data, quarter);
  return { data: { ...data, tables: { ...data.tables, qbrs: [...data.tables.qbrs, draft] } }, qbrId: draft.id };
}

// ---------------------------------------------------------------------------------------------
// What changed since last QBR

/**
 * What a previous QBR recorded, in the few fields the comparison reads. A snapshot holding a
 * full deck model gives all of them; an older or foreign snapshot shape gives what it has (the
 * rest stays null and the deck says it was not recorded).
 */
export type PreviousState = {
  kind: 'snapshot' | 'raci-version';
  quarter: string;
  createdAt: string | null;
  /** `id` is null when the snapshot recorded items by title only (matched by title then). */
  roadmap: { id: string | null; title: string; status: string; endMonth: string }[] | null;
  budget: { variance: number; variancePct: number | null } | null;
  kpis: { key: string; value: number }[] | null;
  raci: RaciCell[] | null;
};

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Reads a snapshot's `data` as a PreviousState. Understands the deck model, and a plain summary
 * (such as the sample's first snapshot, shared/sample/snapshot-summary.ts) with any of: `roadmap`
 * (array of {id?,title,status,endMonth}) or `roadmapItems`, `kpis` (array of {key,value}, or an
 * object key → value), `budget` ({variance, variancePct} or {ytdPlan, ytdActual}), `raci` or
 * `raciCells` (array of {activity,party,roles}). Anything unrecognised is ignored.
 */
export function previousStateOf(snapshot: Pick<QbrSnapshot, 'quarter' | 'createdAt' | 'data'>): PreviousState {
  const d = snapshot.data;
  const base = { kind: 'snapshot' as const, quarter: snapshot.quarter, createdAt: snapshot.createdAt };
  if (isDeckModel(d)) {
    return {
      ...base,
      roadmap: d.roadmap.items.map((i) => ({ id: i.id, title: i.title, status: i.status, endMonth: i.endMonth })),
      budget: d.budget.available ? { variance: d.budget.ytd.variance, variancePct: d.budget.ytd.variancePct } : null,
      kpis: d.kpis.flatMap((k) => (k.value === null ? [] : [{ key: k.key, value: k.value }])),
      raci: d.governance.raciCells.map((c) => ({ activity: c.activity, party: c.party, roles: [...c.roles] })),
    };
  }
  if (!isObj(d)) return { ...base, roadmap: null, budget: null, kpis: null, raci: null };
  return {
    ...base,
    roadmap: readRoadmap(d.roadmap ?? d.roadmapItems),
    budget: readBudget(d.budget),
    kpis: readKpis(d.kpis),
    raci: readRaci(d.raci ?? d.raciCells),
  };
}

function readRoadmap(v: unknown): PreviousState['roadmap'] {
  const list = Array.isArray(v) ? v : isObj(v) && Array.isArray(v.items) ? v.items : null;
  if (!list) return null;
  const out: NonNullable<PreviousState['roadmap']> = [];
  for (const x of list) {
    if (!isObj(x)) continue;
    const title = str(x.title);
    const status = str(x.status);
    const endMonth = str(x.endMonth);
    if (title && status && endMonth) out.push({ id: str(x.id), title, status, endMonth });
  }
  return out;
}

function readBudget(v: unknown): PreviousState['budget'] {
  if (!isObj(v)) return null;
  const ytd = isObj(v.ytd) ? v.ytd : v;
  const variance = num(ytd.variance) ?? num(v.ytdVariance);
  if (variance !== null) return { variance, variancePct: num(ytd.variancePct) ?? num(v.ytdVariancePct) };
  // A summary with year-to-date plan and actual (as the sample's first snapshots keep).
  const plan = num(v.ytdPlan);
  const actual = num(v.ytdActual);
  if (plan === null || actual === null) return null;
  return { variance: actual - plan, variancePct: plan !== 0 ? (100 * (actual - plan)) / plan : null };
}

function readKpis(v: unknown): PreviousState['kpis'] {
  if (Array.isArray(v)) {
    const out: { key: string; value: number }[] = [];
    for (const x of v) {
      if (!isObj(x)) continue;
      const key = str(x.key) ?? str(x.kpiKey);
      const value = num(x.value);
      if (key && value !== null) out.push({ key, value });
    }
    return out;
  }
  if (isObj(v)) {
    const out: { key: string; value: number }[] = [];
    for (const [key, x] of Object.entries(v)) {
      const value = num(x) ?? (isObj(x) ? num(x.value) : null);
      if (value !== null) out.push({ key, value });
    }
    return out;
  }
  return null;
}

function readRaci(v: unknown): PreviousState['raci'] {
  if (!Array.isArray(v)) return null;
  const out: RaciCell[] = [];
  for (const x of v) {
    if (!isObj(x) || !Array.isArray(x.roles)) continue;
    const activity = str(x.activity);
    const party = str(x.party);
    const roles = x.roles.filter((r): r is 'R' | 'A' | 'C' | 'I' => r === 'R' || r === 'A' || r === 'C' || r === 'I');
    if (activity && party) out.push({ activity, party, roles });
  }
  return out;
}

/**
 * The baseline for "what changed": the latest snapshot of an earlier quarter; without one, the
 * RACI version saved for an earlier quarter (RACI changes only); otherwise none.
 */
export function previousBaseline(data: WorkspaceData, qbr: Qbr): PreviousState | null {
  const earlier = data.tables.qbrSnapshots
    .filter((s) => s.quarter < qbr.quarter && s.qbrId !== qbr.id)
    .sort((a, b) => (a.quarter !== b.quarter ? (a.quarter < b.quarter ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  const snap = earlier[0];
  const raciVersion = data.tables.raciVersions
    .filter((v) => v.quarter < qbr.quarter)
    .sort((a, b) => (a.quarter !== b.quarter ? (a.quarter < b.quarter ? 1 : -1) : a.savedAt < b.savedAt ? 1 : -1))[0];
  if (snap) {
    const state = previousStateOf(snap);
    // A snapshot without RACI cells can still be paired with the RACI version of its quarter.
    if (state.raci === null && raciVersion && raciVersion.quarter === snap.quarter) {
      state.raci = raciVersion.cells.map((c) => ({ ...c, roles: [...c.roles] }));
    }
    return state;
  }
  if (raciVersion) {
    return {
      kind: 'raci-version',
      quarter: raciVersion.quarter,
      createdAt: null,
      roadmap: null,
      budget: null,
      kpis: null,
      raci: raciVersion.cells.map((c) => ({ ...c, roles: [...c.roles] })),
    };
  }
  return null;
}

const DONE = 'done';

/** "What changed since last QBR", from the current model and the previous state (pure). */
export function whatChanged(current: DeckModel, prev: PreviousState | null): DeckModel['whatChanged'] {
  if (!prev) {
    return {
      baseline: { kind: 'none', quarter: null, createdAt: null },
      roadmap: null,
      budget: null,
      kpis: [],
      raci: null,
    };
  }
  let roadmap: DeckModel['whatChanged']['roadmap'] = null;
  if (prev.roadmap) {
    // Match by id; a snapshot that kept titles only is matched by title.
    const byId = new Map(prev.roadmap.filter((i) => i.id !== null).map((i) => [i.id, i]));
    const byTitle = new Map(prev.roadmap.filter((i) => i.id === null).map((i) => [i.title, i]));
    const was = (i: { id: string; title: string }) => byId.get(i.id) ?? byTitle.get(i.title);
    const now = current.roadmap.items;
    roadmap = {
      added: now.filter((i) => was(i) === undefined).map((i) => ({ title: i.title, endMonth: i.endMonth })),
      done: now
        .filter((i) => {
          const w = was(i);
          return i.status === DONE && w !== undefined && w.status !== DONE;
        })
        .map((i) => ({ title: i.title })),
      slipped: now
        .filter((i) => {
          const w = was(i);
          return i.status !== DONE && w !== undefined && i.endMonth > w.endMonth;
        })
        .map((i) => ({ title: i.title, fromMonth: was(i)?.endMonth ?? '', toMonth: i.endMonth })),
    };
  }
  const budget =
    prev.budget && current.budget.available
      ? {
          previousVariance: prev.budget.variance,
          currentVariance: current.budget.ytd.variance,
          previousVariancePct: prev.budget.variancePct,
          currentVariancePct: current.budget.ytd.variancePct,
        }
      : null;
  const kpis: DeckModel['whatChanged']['kpis'] = [];
  if (prev.kpis) {
    const before = new Map(prev.kpis.map((k) => [k.key, k.value]));
    for (const k of current.kpis) {
      const was = before.get(k.key);
      if (was === undefined || k.value === null) continue;
      kpis.push(kpiChange(k, was, k.value));
    }
  }
  const raci = prev.raci
    ? (() => {
        const d = raciDiff(
          prev.raci,
          current.governance.raciCells.map((c) => ({ ...c })),
        );
        return {
          added: d.added.map((c) => ({ activity: c.activity, party: c.party, roles: [...c.roles] })),
          removed: d.removed.map((c) => ({ activity: c.activity, party: c.party, roles: [...c.roles] })),
          changed: d.changed.map((c) => ({
            activity: c.activity,
            party: c.party,
            before: [...c.before],
            after: [...c.after],
          })),
        };
      })()
    : null;
  return {
    baseline: { kind: prev.kind, quarter: prev.quarter, createdAt: prev.createdAt },
    roadmap,
    budget,
    kpis,
    raci,
  };
}

function kpiChange(k: KpiRow, previous: number, value: number): DeckModel['whatChanged']['kpis'][number] {
  const d = kpiDelta(k.direction, value, previous);
  return {
    key: k.key,
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    previous,
    current: value,
    delta: d?.delta ?? value - previous,
    verdict: d?.verdict ?? 'same',
  };
}
