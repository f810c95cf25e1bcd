/** Money helpers for budget maths: rounding and minor ↔ major units. Money is integer minor units. */

/** Rounds half away from zero to an integer (Math.round rounds -2.5 to -2; money must be symmetric). */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.round(Math.abs(x));
  // Math.round(2.5) = 3 is already "away from zero" for the magnitude; restore the sign, and turn
  // −0 into 0 so results compare and print cleanly.
  return (x < 0 ? -r : r) || 0;
}

/** Number of minor-unit digits of an ISO 4217 currency (USD 2, JPY 0, KWD 3); 2 when unknown. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units → major units as a plain number (e.g. 123456 cents → 1234.56). */
export function toMajor(minor: number, currency = 'USD'): number {
  const digits = currencyDigits(currency);
  // Division by a power of ten then toFixed-free rounding keeps 0.1+0.2 style noise out of JSON.
  return Number((minor / 10 ** digits).toFixed(digits));
}

/** Percentage a / b × 100, or null when b is zero (no meaningful percentage). */
export function percentOf(a: number, b: number): number | null {
  return b === 0 ? null : (a / b) * 100;
}

/** Sums numbers (integers here), 0 for none. */
export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
