/**
 * The quarter in focus (top bar): by default the latest fiscal quarter that has KPI data, not after
 * today's; the user may pick another. The choices run from the first quarter with data to four
 * quarters past today.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { addQuarters, fiscalQuarterOf, quarterRange } from '../../../shared/domain/periods';
import { QUARTER_RE } from '../../../shared/domain/common';
import { useUi } from '../state/store';
import { useCurrentWorkspace } from './data-hooks';
import { useServices } from './services';

export type FocusQuarter = { quarter: string; options: string[]; isDefault: boolean };

/** Fiscal quarter of a snapshot period (`YYYY-MM` or already `YYYY-Qn`). */
export function quarterOfPeriod(period: string, fiscalStartMonth: number): string {
  return QUARTER_RE.test(period) ? period : fiscalQuarterOf(period, fiscalStartMonth);
}

/** Default focus and choices from the data's quarters and today's quarter. */
export function focusChoices(
  dataQuarters: readonly string[],
  todayQuarter: string,
): { def: string; options: string[] } {
  const past = dataQuarters.filter((q) => q <= todayQuarter).sort();
  const def = past[past.length - 1] ?? todayQuarter;
  const first = [...dataQuarters].sort()[0] ?? addQuarters(todayQuarter, -4);
  const from = first < addQuarters(todayQuarter, -12) ? addQuarters(todayQuarter, -12) : first;
  const to = addQuarters(todayQuarter > def ? todayQuarter : def, 4);
  return { def, options: quarterRange(from < def ? from : def, to).reverse() };
}

/** The focus quarter of the current workspace (undefined while loading). */
export function useFocusQuarter(): FocusQuarter | undefined {
  const { db, ctx } = useServices();
  const ws = useCurrentWorkspace();
  const chosen = useUi((s) => s.focusQuarter);
  const periods = useLiveQuery(async () => {
    if (!ws) return null;
    const keys = await db
      .rows('kpiSnapshots')
      .where('[workspaceId+period]')
      .between([ws.id, ''], [ws.id, '\uffff'])
      .uniqueKeys();
    return (keys as unknown as [string, string][]).map((k) => k[1]);
  }, [db, ws?.id]);
  if (!ws || !periods) return undefined;
  const start = ws.fiscalYearStartMonth;
  const quarters = [...new Set(periods.map((p) => quarterOfPeriod(p, start)))];
  const today = fiscalQuarterOf(ctx.now().slice(0, 7), start);
  const { def, options } = focusChoices(quarters, today);
  const quarter = chosen && options.includes(chosen) ? chosen : def;
  return { quarter, options, isDefault: quarter === def };
}
