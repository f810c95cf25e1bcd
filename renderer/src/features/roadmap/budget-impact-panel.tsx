/**
 * Budget impact: this and next fiscal year's forecasts from the workspace's live budget lines and
 * roadmap (shared budgetImpact), and what the last move on this screen changed. The figures are
 * recomputed from IndexedDB on every change, so a move (or its undo) shows at once, as it does on
 * the Budget screen, which reads the same rows.
 */
import type { BudgetImpact } from '../../../../shared/domain/roadmap/budget-impact';
import { formatMoney, formatMonth, type MoneyFormat } from '../../lib/format';
import { signedMoney, type LastMove } from './use-roadmap-moves';

export function BudgetImpactPanel({
  impact,
  lastMove,
  lineCount,
  fmt,
  locale,
}: {
  impact: BudgetImpact;
  /** The last move, while it still stands (null once undone or never made). */
  lastMove: LastMove | null;
  lineCount: number;
  fmt: MoneyFormat;
  locale: string;
}) {
  const money = (m: number) => formatMoney(m, fmt, { whole: true });
  const tone = (d: number) => (d > 0 ? 'rm-delta-up' : d < 0 ? 'rm-delta-down' : 'rm-delta-none');
  return (
    <section className="panel rm-impact" aria-labelledby="rm-impact-title">
      <div className="rm-impact-title">
        <h2 id="rm-impact-title">Budget impact</h2>
        <p className="muted small">
          {lineCount === 0
            ? 'No budget lines yet: the forecasts hold committed roadmap costs only.'
            : 'Costs follow the roadmap: moving an item moves its costs and linked budget lines.'}
        </p>
        <a className="rm-impact-link small" href="#/budget">
          Open the Budget
        </a>
      </div>
      <dl className="rm-impact-figures">
        <div>
          <dt>FY{impact.fiscalYear} forecast</dt>
          <dd className="rm-impact-value">{money(impact.forecast)}</dd>
          <dd className="rm-impact-sub">Actuals to date + rest of plan</dd>
        </div>
        <div>
          <dt>FY{impact.nextFiscalYear} forecast</dt>
          <dd className="rm-impact-value">{money(impact.nextForecast)}</dd>
          <dd className="rm-impact-sub">
            {impact.nextProposed > 0
              ? `Multi-year plan · ${money(impact.nextProposed)} proposed, not included`
              : 'Multi-year plan: run costs + committed roadmap'}
          </dd>
        </div>
        <div className="rm-impact-last">
          <dt>Last move</dt>
          {lastMove ? (
            <>
              <dd>
                “{lastMove.title}” {formatMonth(lastMove.from.startMonth, locale)} →{' '}
                {formatMonth(lastMove.to.startMonth, locale)}
              </dd>
              <dd className="rm-impact-deltas">
                <span className={tone(lastMove.delta.forecast)}>
                  FY{lastMove.fiscalYear} {signedMoney(lastMove.delta.forecast, fmt)}
                </span>
                <span className={tone(lastMove.delta.nextForecast)}>
                  FY{lastMove.nextFiscalYear} {signedMoney(lastMove.delta.nextForecast, fmt)}
                </span>
              </dd>
            </>
          ) : (
            <dd className="rm-impact-sub">None yet. Drag a bar on the timeline, or focus it and press ← or →.</dd>
          )}
        </div>
      </dl>
    </section>
  );
}
