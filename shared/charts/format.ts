/**
 * Number formatting shared by charts and the deck, in the workspace locale with `Intl`. Money is
 * stored in minor units; these helpers take minor units and divide by the currency's exponent.
 */

const exponentCache = new Map<string, number>();

/** Digits after the decimal point for a currency (2 for USD/EUR, 0 for JPY). */
export function currencyExponent(currency: string): number {
  const hit = exponentCache.get(currency);
  if (hit !== undefined) return hit;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  exponentCache.set(currency, digits);
  return digits;
}

/** Minor units → major units as a number (for chart axes). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

const formatCache = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: building one costs far more than formatting with it. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = formatCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), options);
    formatCache.set(key, f);
  }
  return f;
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}

/** Whole currency amount, e.g. "$1,234,568" (cents dropped: decks talk in whole units). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(toMajor(minor, currency));
}

/** Compact currency amount for callouts and axes, e.g. "$1.2M". */
export function formatMoneyCompact(minor: number, currency: string, locale: string): string {
  return formatMajorCompact(toMajor(minor, currency), currency, locale);
}

/** Compact currency from a major-unit number (chart ticks hold major units). */
export function formatMajorCompact(major: number, currency: string, locale: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.abs(major) >= 1000 ? 1 : 0,
  }).format(major);
}

/** A plain number with up to `digits` decimals, grouped, e.g. "1,234.5". */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A percent number (0–100 scale), e.g. "97.4 %" → "97.4%". */
export function formatPct(value: number, locale: string, digits = 1): string {
  return `${formatNumber(value, locale, digits)}%`;
}

/** A signed number, e.g. "+3.2" / "−1.5" (true minus sign for print). */
export function formatSigned(value: number, locale: string, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return formatNumber(0, locale, digits);
  const body = formatNumber(Math.abs(rounded), locale, digits);
  return rounded > 0 ? `+${body}` : `\u2212${body}`;
}
