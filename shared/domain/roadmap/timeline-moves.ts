/**
 * Rescheduling on the roadmap timeline (SPEC §3.3: drag to reschedule, with a keyboard
 * alternative). The pure part: which key or drag distance asks for how many months, and how a move
 * is put into words. The move itself is `reschedule` (costs.ts), so costs move with the item.
 */
import { addMonths } from '../periods';

/** Months in a fiscal quarter: Shift+arrow moves by this much. */
export const MONTHS_PER_QUARTER = 3;

/** The parts of a keyboard event a move reads (shared/ has no DOM types). */
export type MoveKey = { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean };

/**
 * Months a key press on a focused bar asks for: ← / → one month earlier / later, Shift+← / →
 * one quarter; null for every other key (and for modified arrows, which belong to the browser or
 * the screen reader).
 */
export function keyMoveDelta(e: MoveKey): number | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const step = e.shiftKey ? MONTHS_PER_QUARTER : 1;
  if (e.key === 'ArrowLeft') return -step;
  if (e.key === 'ArrowRight') return step;
  return null;
}

/**
 * Whole months a horizontal drag of `dx` pixels asks for on a scale of `monthWidth` pixels per
 * month, snapped to the nearest month (half a month rounds away from zero, symmetric both ways).
 * Anything non-finite or a non-positive scale asks for no move.
 */
export function dragDeltaMonths(dx: number, monthWidth: number): number {
  if (!Number.isFinite(dx) || !Number.isFinite(monthWidth) || monthWidth <= 0) return 0;
  const months = Math.sign(dx) * Math.round(Math.abs(dx) / monthWidth);
  // Math.sign(-0.1) * 0 is -0; a move of "minus nothing" is still no move.
  return months === 0 ? 0 : months;
}

/** "1 month later", "3 months earlier" (a quarter is said as months: the unit the timeline snaps to). */
export function moveWords(deltaMonths: number): string {
  const n = Math.abs(deltaMonths);
  const unit = n === 1 ? 'month' : 'months';
  return deltaMonths < 0 ? `${n} ${unit} earlier` : `${n} ${unit} later`;
}

/** Start and end month after moving by `deltaMonths` (what a drag preview shows before the drop). */
export function movedSpan(
  item: { startMonth: string; endMonth: string },
  deltaMonths: number,
): { startMonth: string; endMonth: string } {
  return { startMonth: addMonths(item.startMonth, deltaMonths), endMonth: addMonths(item.endMonth, deltaMonths) };
}
