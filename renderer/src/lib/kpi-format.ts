/** Show a KPI value in its unit (hours, %, count, money…) in the workspace locale. */
import type { KpiDefinition } from '../../../shared/domain/kpis/schema';
import { formatMoney, formatNumber, formatPercent } from './format';

/** "4.2 h", "97.5%", "1,204", "$12,000". */
export function formatKpiValue(
  unit: KpiDefinition['unit'],
  value: number | null,
  ws: { locale: string; currency: string },
): string {
  if (value === null) return '—';
  switch (unit) {
    case 'hours':
      return `${formatNumber(value, ws.locale, 1)} h`;
    case 'percent':
      return formatPercent(value, ws.locale, 1);
    case 'count':
      return formatNumber(value, ws.locale, 0);
    case 'ratio':
      return formatNumber(value, ws.locale, 2);
    case 'currency':
      return formatMoney(value, ws);
    case 'score':
      return formatNumber(value, ws.locale, 1);
  }
}

/** The change from `from` to `to` as text with a direction word, e.g. "▲ 1.2 h (worse)". */
export function formatDelta(
  def: Pick<KpiDefinition, 'unit' | 'direction'>,
  to: number | null,
  from: number | null,
  ws: { locale: string; currency: string },
): { text: string; tone: 'better' | 'worse' | 'same' | 'none' } {
  if (to === null || from === null) return { text: '—', tone: 'none' };
  const d = to - from;
  if (Math.abs(d) < 1e-9) return { text: 'no change', tone: 'same' };
  const better = def.direction === 'higher' ? d > 0 : d < 0;
  const mag =
    def.unit === 'percent'
      ? `${formatNumber(Math.abs(d), ws.locale, 1)} pts`
      : formatKpiValue(def.unit, Math.abs(d), ws);
  // A change too small to show at the display precision reads as no change, not "▲ 0".
  if (!/[1-9]/.test(mag)) return { text: 'no change', tone: 'same' };
  return { text: `${d > 0 ? '▲' : '▼'} ${mag}`, tone: better ? 'better' : 'worse' };
}
