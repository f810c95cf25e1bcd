/**
 * Formatting in the workspace's locale and currency (Intl). Formatters are cached per
 * locale/currency because constructing Intl objects is the slow part.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

/** A locale Intl accepts; falls back to en-US for anything it rejects (a hostile backup, a typo). */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** Number of minor-unit digits of a currency (2 for USD/EUR, 0 for JPY). */
export function currencyDigits(currency: string, locale = 'en-US'): number {
  try {
    return (
      new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

export type MoneyFormat = { locale: string; currency: string };

/** Money from minor units, e.g. 1234567 → "$12,345.67"; `whole` drops the cents for dense tables. */
export function formatMoney(
  minor: number | null | undefined,
  fmt: MoneyFormat,
  opts: { whole?: boolean } = {},
): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—';
  const locale = safeLocale(fmt.locale);
  const digits = currencyDigits(fmt.currency, locale);
  const major = minor / 10 ** digits;
  const key = `money|${locale}|${fmt.currency}|${opts.whole ? 'w' : 'f'}`;
  const nf = cached(key, () => {
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: fmt.currency,
        ...(opts.whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
      });
    } catch {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: opts.whole ? 0 : 2 });
    }
  });
  return nf.format(major);
}

/** Compact money for tiles, e.g. "$1.2M". */
export function formatMoneyCompact(minor: number | null | undefined, fmt: MoneyFormat): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—';
  const locale = safeLocale(fmt.locale);
  const major = minor / 10 ** currencyDigits(fmt.currency, locale);
  const nf = cached(`moneyc|${locale}|${fmt.currency}`, () => {
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: fmt.currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    }
  });
  return nf.format(major);
}

/** A plain number with up to `digits` decimals. */
export function formatNumber(value: number | null | undefined, locale: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const loc = safeLocale(locale);
  return cached(`num|${loc}|${digits}`, () => new Intl.NumberFormat(loc, { maximumFractionDigits: digits })).format(
    value,
  );
}

/** A percentage stored as a percent number (42.5 → "42.5%"). */
export function formatPercent(pct: number | null | undefined, locale: string, digits = 1): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  const loc = safeLocale(locale);
  return cached(
    `pct|${loc}|${digits}`,
    () => new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: digits }),
  ).format(pct / 100);
}

/** A calendar date `YYYY-MM-DD` as a short local date; never shifted by time zones. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const loc = safeLocale(locale);
  return cached(
    `date|${loc}`,
    () => new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ).format(d);
}

/** A month `YYYY-MM` as e.g. "Mar 2026". */
export function formatMonth(month: string | null | undefined, locale: string): string {
  if (!month) return '—';
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const loc = safeLocale(locale);
  return cached(
    `month|${loc}`,
    () => new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(d);
}

/** A timestamp as local date and time. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const loc = safeLocale(locale);
  return cached(`dt|${loc}`, () => new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

/** Minutes as a compact duration, e.g. 90 → "1 h 30 min", 4320 → "3 d". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 60 * 24 || minutes % (60 * 24) !== 0) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${minutes / (60 * 24)} d`;
}
