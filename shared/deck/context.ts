/** What every page renderer receives: the model, formatters, theme, preset and chart images. */
import type { DeckModel, KpiRow } from './model';
import { formatters, type Fmt } from './format';
import type { DeckPreset } from './sections';
import { accentOnWhite, chartPlaceholder, type DocNode } from './theme';

export type RenderCtx = {
  model: DeckModel;
  fmt: Fmt;
  accent: string;
  /** The accent darkened where needed so text in it reads on white. */
  accentText: string;
  preset: DeckPreset;
  /** Chart id → PNG data URL, as supplied by the caller's renderer. */
  chartImages: Readonly<Record<string, string>>;
  /** Images actually placed, collected for the document's `images` dictionary. */
  used: Record<string, string>;
};

export function makeCtx(
  model: DeckModel,
  preset: DeckPreset,
  accent: string,
  chartImages: Readonly<Record<string, string>>,
): RenderCtx {
  return {
    model,
    fmt: formatters(model.meta.currency, model.meta.locale),
    accent,
    accentText: accentOnWhite(accent),
    preset,
    chartImages,
    used: {},
  };
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

/**
 * A chart image by id at the given size, or a quiet placeholder when the caller supplied none
 * (unit tests, or a renderer that failed). Only embedded PNG data URLs are accepted: a remote or
 * file URL is never handed to pdfmake.
 */
export function chartImage(ctx: RenderCtx, id: string, width: number, height: number, alt: string): DocNode {
  const url = ctx.chartImages[id];
  if (typeof url === 'string' && PNG_DATA_URL.test(url)) {
    ctx.used[id] = url;
    return { image: id, width, height };
  }
  return chartPlaceholder(width, height, `${alt} (chart not rendered)`);
}

/** A logo node (already validated as a data URL by the model), fitted into a box. */
export function logoImage(ctx: RenderCtx, key: 'orgLogo' | 'partnerLogo', fit: [number, number]): DocNode | null {
  const url = ctx.model.qbr.theme[key];
  if (!url) return null;
  ctx.used[key] = url;
  return { image: key, fit };
}

const SERVICE_PREFERENCE = [
  'sla_attainment',
  'mttr_hours',
  'fcr',
  'csat',
  'backlog',
  'reopen_rate',
  'median_ttr_hours',
  'tickets_resolved',
  'tickets_opened',
  'project_throughput',
  'staff_retention',
  'cost_per_endpoint',
  'tickets_per_endpoint',
];
export const SECURITY_KEYS = ['patch_compliance', 'edr_coverage', 'mfa_coverage', 'backup_test_success'];

const withHistory = (k: KpiRow) => k.series.filter((s) => s.value !== null).length >= 2;

/** KPIs on the service performance page: every KPI outside the security group. */
export function serviceKpis(model: DeckModel): KpiRow[] {
  return model.kpis.filter((k) => k.group !== 'security');
}

/** KPIs on the security posture page. */
export function securityKpis(model: DeckModel): KpiRow[] {
  const sec = model.kpis.filter((k) => k.group === 'security');
  const pos = (k: KpiRow) => (SECURITY_KEYS.indexOf(k.key) + 100) % 100;
  return [...sec].sort((a, b) => pos(a) - pos(b) || a.name.localeCompare(b.name, 'en'));
}

/** The four service KPIs charted (preferred keys first, each with at least two quarters of data). */
export function serviceChartKpis(model: DeckModel, n = 4): KpiRow[] {
  const candidates = serviceKpis(model).filter(withHistory);
  const rank = (k: KpiRow) => {
    const i = SERVICE_PREFERENCE.indexOf(k.key);
    return i < 0 ? SERVICE_PREFERENCE.length + (k.target === null ? 1 : 0) : i;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en')).slice(0, n);
}

/** The two security KPIs charted: the furthest from target first. */
export function securityChartKpis(model: DeckModel, n = 2): KpiRow[] {
  const order = { red: 0, amber: 1, green: 2, none: 3 };
  return securityKpis(model)
    .filter(withHistory)
    .map((k, i) => ({ k, i }))
    .sort((a, b) => order[a.k.rag] - order[b.k.rag] || a.i - b.i)
    .slice(0, n)
    .map((x) => x.k);
}
