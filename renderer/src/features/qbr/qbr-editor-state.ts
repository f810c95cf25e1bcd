/**
 * The QBR editor's draft and its pure operations: presets that set the section toggles, moving
 * rows up and down, agenda timings, and logos read from image bytes. Kept free of React so the
 * rules are unit-tested directly.
 */
import { DECK_SECTIONS, type DeckSectionKey, type Qbr } from '../../../../shared/domain/qbr/schema';
import type { ImageAsset } from '../../../../shared/domain/workspace/schema';
import { EXECUTIVE_SECTIONS, type DeckPreset } from '../../../../shared/deck/sections';
import type { QbrEdit } from '../../db/repos/qbr';

export type SectionToggle = { key: DeckSectionKey; enabled: boolean };

/** The editable fields of a stored QBR, with every section present once (missing ones appended, enabled). */
export function draftFromQbr(q: Qbr): QbrEdit {
  return {
    title: q.title,
    date: q.date,
    attendees: q.attendees.map((a) => ({ ...a })),
    agenda: q.agenda.map((a) => ({ ...a })),
    executiveSummary: q.executiveSummary,
    wins: [...q.wins],
    pains: [...q.pains],
    decisionIds: [...q.decisionIds],
    sections: normalizeSections(q.sections),
    preset: q.preset,
    theme: { ...q.theme },
    nextQbrDate: q.nextQbrDate,
  };
}

/** Each known section exactly once, in the stored order, unknown/duplicate keys dropped. */
export function normalizeSections(sections: readonly SectionToggle[]): SectionToggle[] {
  const seen = new Set<DeckSectionKey>();
  const out: SectionToggle[] = [];
  for (const s of sections) {
    if (seen.has(s.key) || !(DECK_SECTIONS as readonly string[]).includes(s.key)) continue;
    seen.add(s.key);
    out.push({ key: s.key, enabled: s.enabled });
  }
  for (const key of DECK_SECTIONS) if (!seen.has(key)) out.push({ key, enabled: true });
  return out;
}

/**
 * Choose a preset: Executive turns on exactly its one-page-each sections (≤ 8 pages), Full turns
 * every section on. The order the user set is kept.
 */
export function applyPreset(draft: QbrEdit, preset: DeckPreset): QbrEdit {
  return {
    ...draft,
    preset,
    sections: normalizeSections(draft.sections).map((s) => ({
      key: s.key,
      enabled: preset === 'full' || EXECUTIVE_SECTIONS.has(s.key),
    })),
  };
}

/** A copy of `list` with the row at `index` moved by `delta` (−1 up, +1 down); out of range → unchanged. */
export function moveAt<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  const [row] = out.splice(index, 1);
  if (row !== undefined) out.splice(to, 0, row);
  return out;
}

/** A copy of `list` without the row at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Total agenda minutes and each item's start minute. */
export function agendaTimings(agenda: readonly { minutes: number }[]): { total: number; starts: number[] } {
  let t = 0;
  const starts = agenda.map((a) => {
    const s = t;
    t += Number.isFinite(a.minutes) ? a.minutes : 0;
    return s;
  });
  return { total: t, starts };
}

/** "1 h 30 min" / "45 min". */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/** Whether the draft differs from the stored QBR. */
export function isDirty(draft: QbrEdit, q: Qbr): boolean {
  return JSON.stringify(draft) !== JSON.stringify(draftFromQbr(q));
}

/** Logos are capped so the deck and backups stay small (the schema allows ~2 MB of base64). */
export const MAX_LOGO_BYTES = 1_000_000;

/** PNG/JPEG bytes → an ImageAsset (type from the file's signature, not its name), or the reason it is refused. */
export function imageAssetFromBytes(
  name: string,
  bytes: Uint8Array,
): { ok: true; asset: ImageAsset } | { ok: false; reason: string } {
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      reason: `${name} is ${(bytes.length / 1_000_000).toFixed(1)} MB; logos can be at most 1 MB. Export a smaller PNG or JPEG.`,
    };
  }
  const png = bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) return { ok: false, reason: `${name} is not a PNG or JPEG image.` };
  const mime = png ? 'image/png' : 'image/jpeg';
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ok: true, asset: { mime, dataUrl: `data:${mime};base64,${btoa(bin)}` } };
}
