/**
 * The plain sentence of the comparison screen, drawn only from the computed numbers, so the
 * sentence, the chart and the CLI always agree. Deterministic: same data, same words.
 */
import type { CoverageModel } from '../staffing/schema';
import type { WorkspaceData } from '../tables';
import type { AreaOutcome, ScenarioComparison, ScenarioResult } from './engine';
import { formatMoneyWhole } from './rounding';

const MODEL_RANK: Record<CoverageModel, number> = { 'on-demand': 0, '8x5': 1, '12x5': 2, '24x7': 3 };

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The areas a co-managed scenario hands to the partner: chosen "co-manage", else all it covers. */
function coManagedAreas(result: ScenarioResult): AreaOutcome[] {
  const chosen = result.areas.filter((a) => a.choice === 'co-manage' && a.partnerCovered);
  return chosen.length > 0 ? chosen : result.areas.filter((a) => a.partnerCovered);
}

/**
 * One or two sentences comparing the first co-managed scenario with the first in-house one,
 * e.g. "Co-managing SIEM / SOC and NOC monitoring saves $1,234,567 over 5 years and covers 24x7
 * from the first month; doing it in-house needs 7 hires." Empty when either is missing.
 */
export function comparisonSentence(data: WorkspaceData, comparison: ScenarioComparison): string {
  const pair = comparison.sensitivityPair;
  const co = comparison.scenarios.find((s) => s.scenarioId === pair?.coManagedId);
  const ih = comparison.scenarios.find((s) => s.scenarioId === pair?.inHouseId);
  if (!co || !ih) return '';
  const { currency, locale } = data.workspace;
  const money = (minor: number): string => formatMoneyWhole(minor, currency, locale);
  const years = Math.min(co.horizonYears, ih.horizonYears);
  const last = years - 1;
  const diff = (ih.cumulative[last] ?? 0) - (co.cumulative[last] ?? 0);
  const over = `over ${plural(years, 'year', 'years')}`;
  const handed = coManagedAreas(co);
  const areaModels = new Map(data.tables.skillAreas.map((a) => [a.id, a.coverageModel]));
  const subject = handed.length > 0 ? `Co-managing ${joinNames(handed.map((a) => a.name))}` : 'Co-managing';
  const verdict =
    diff > 0
      ? `saves ${money(diff)} ${over}`
      : diff < 0
        ? `costs ${money(-diff)} more ${over}`
        : `costs the same ${over}`;
  let cover = '';
  if (handed.length > 0) {
    let widest: CoverageModel = 'on-demand';
    for (const a of handed) {
      const m = areaModels.get(a.areaId) ?? 'on-demand';
      if (MODEL_RANK[m] > MODEL_RANK[widest]) widest = m;
    }
    cover =
      widest === 'on-demand' ? ' and covers them from the first month' : ` and covers ${widest} from the first month`;
  }
  const hires =
    ih.totalHires === 0
      ? 'doing it in-house needs no new hires'
      : `doing it in-house needs ${plural(ih.totalHires, 'hire', 'hires')}`;
  let sentence = `${subject} ${verdict}${cover}; ${hires}.`;
  const be = comparison.breakEven.find((b) => b.aId === co.scenarioId && b.bId === ih.scenarioId);
  if (be && be.year !== null && be.year > 0) {
    sentence += ` ${co.name} becomes cheaper than ${ih.name} in year ${be.year} (cumulative).`;
  } else if (diff < 0) {
    const back = comparison.breakEven.find((b) => b.aId === ih.scenarioId && b.bId === co.scenarioId);
    if (back && back.year !== null && back.year > 0) {
      sentence += ` ${ih.name} becomes cheaper than ${co.name} in year ${back.year} (cumulative).`;
    }
  }
  return sentence;
}
