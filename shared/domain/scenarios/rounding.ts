/** Rounding and currency helpers of the cost model (SPEC §4). */

/**
 * Rounds to a whole minor unit, halves away from zero (2.5 → 3, −2.5 → −3). Binary floating
 * point turns some exact halves into 2.4999999…; a value within a few ulps of a half is treated as
 * the half it stands for, so a hand-worked .5 rounds the same way here.
 */
export function roundHalfAwayFromZero(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const floor = Math.floor(a);
  const frac = a - floor;
  const tol = 1e-9 + a * 1e-14;
  const r = frac >= 0.5 - tol ? floor + 1 : floor;
  // `|| 0` turns −0 into 0 so results compare and print cleanly.
  return (x < 0 ? -r : r) || 0;
}

/** Number of minor-unit digits of a currency (USD 2, JPY 0), from Intl; 2 when unknown. */
export function currencyDigits(currency: string): number {
  try {
    const d = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    return typeof d === 'number' ? d : 2;
  } catch {
    return 2;
  }
}

/** Minor units → major units as a plain number (cents / 100 for USD), not rounded for display. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** Formats minor units as whole currency in the workspace locale (falls back to en-US). */
export function formatMoneyWhole(minor: number, currency: string, locale: string): string {
  const major = toMajor(minor, currency);
  const opts: Intl.NumberFormatOptions = {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  };
  try {
    return new Intl.NumberFormat(locale, opts).format(major);
  } catch {
    try {
      return new Intl.NumberFormat('en-US', opts).format(major);
    } catch {
      return `${currency} ${Math.round(major)}`;
    }
  }
}
