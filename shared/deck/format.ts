/** Deck text formatting in the workspace locale: KPI values by unit, deltas, money, dates. */
import { formatMoney, formatMoneyCompact, formatNumber, formatPct, formatSigned, toMajor } from '../charts/format';
import type { KpiRow } from './model';

export type Fmt = {
  money: (minor: number) => string;
  moneyCompact: (minor: number) => string;
  /** Signed money, e.g. "+$1,234" / "−$850". */
  moneySigned: (minor: number) => string;
  num: (value: number, digits?: number) => string;
  pct: (value: number, digits?: number) => string;
  signedPct: (value: number, digits?: number) => string;
  kpi: (value: number | null, unit: KpiRow['unit']) => string;
  kpiDelta: (delta: number, unit: KpiRow['unit']) => string;
  date: (iso: string | null) => string;
  month: (month: string) => string;
  major: (minor: number) => number;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formatters bound to a currency and locale. */
export function formatters(currency: string, locale: string): Fmt {
  const money = (m: number) => formatMoney(m, currency, locale);
  const moneySigned = (m: number) => {
    const whole = Math.round(toMajor(m, currency));
    if (whole === 0) return money(0);
    return `${whole > 0 ? '+' : '\u2212'}${money(Math.abs(m))}`;
  };
  const num = (v: number, digits = 1) => formatNumber(v, locale, digits);
  const kpiDigits = (unit: KpiRow['unit']) => (unit === 'count' ? 0 : unit === 'ratio' || unit === 'score' ? 2 : 1);
  const kpi = (v: number | null, unit: KpiRow['unit']): string => {
    if (v === null) return '—';
    switch (unit) {
      case 'hours':
        return `${num(v, 1)} h`;
      case 'percent':
        return formatPct(v, locale, 1);
      case 'currency':
        return formatMoney(v, currency, locale);
      default:
        return num(v, kpiDigits(unit));
    }
  };
  const kpiDelta = (d: number, unit: KpiRow['unit']): string => {
    switch (unit) {
      case 'hours':
        return `${formatSigned(d, locale, 1)} h`;
      case 'percent':
        // Percent KPIs move in percentage points, not percent.
        return `${formatSigned(d, locale, 1)} pts`;
      case 'currency':
        return moneySigned(d);
      default:
        return formatSigned(d, locale, kpiDigits(unit));
    }
  };
  const date = (iso: string | null): string => {
    if (!iso) return '—';
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    const d = Number(iso.slice(8, 10));
    if (!y || !m || !d) return iso;
    try {
      return new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(y, m - 1, d)));
    } catch {
      return iso.slice(0, 10);
    }
  };
  const month = (ym: string): string => {
    const m = Number(ym.slice(5, 7));
    return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${ym.slice(0, 4)}` : ym;
  };
  return {
    money,
    moneyCompact: (m) => formatMoneyCompact(m, currency, locale),
    moneySigned,
    num,
    pct: (v, digits = 1) => formatPct(v, locale, digits),
    signedPct: (v, digits = 1) => `${formatSigned(v, locale, digits)}%`,
    kpi,
    kpiDelta,
    date,
    month,
    major: (m) => toMajor(m, currency),
  };
}
