/**
 * Moving roadmap items (timeline drag, arrow keys, move buttons): each move is written through the
 * repo's `rescheduleRoadmapItem` as one undoable change set; just before writing, the shared
 * `moveImpact` works out what the move does to this and next fiscal year's forecasts, so the
 * Budget impact panel and the live region can say it.
 */
import { useCallback, useRef, useState } from 'react';
import type { BudgetContext } from '../../../../shared/domain/budget/summary';
import { moveImpact, type ImpactDelta } from '../../../../shared/domain/roadmap/budget-impact';
import { movedSpan, moveWords } from '../../../../shared/domain/roadmap/timeline-moves';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import type { RoadmapItemRecord } from '../../db/records';
import { rescheduleRoadmapItem } from '../../db/repos/roadmap';
import { formatMoney, formatMonth, type MoneyFormat } from '../../lib/format';

export type Span = { startMonth: string; endMonth: string };

export type LastMove = {
  itemId: string;
  title: string;
  deltaMonths: number;
  from: Span;
  to: Span;
  fiscalYear: number;
  nextFiscalYear: number;
  delta: ImpactDelta;
};

/** "+$80,000" / "−$107,000" / "no change". */
export function signedMoney(minor: number, fmt: MoneyFormat): string {
  if (minor === 0) return 'no change';
  return `${minor > 0 ? '+' : '−'}${formatMoney(Math.abs(minor), fmt, { whole: true })}`;
}

/** The sentence the live region reads after a move. */
export function moveSentence(m: LastMove, fmt: MoneyFormat, locale: string): string {
  const dates = `${formatMonth(m.to.startMonth, locale)} – ${formatMonth(m.to.endMonth, locale)}`;
  const effect = (fy: number, d: number) =>
    d === 0
      ? `FY${fy} forecast unchanged`
      : `FY${fy} forecast ${d > 0 ? 'up' : 'down'} ${formatMoney(Math.abs(d), fmt, { whole: true })}`;
  return (
    `Moved “${m.title}” ${moveWords(m.deltaMonths)}: now ${dates}. ` +
    `${effect(m.fiscalYear, m.delta.forecast)}; ${effect(m.nextFiscalYear, m.delta.nextForecast)}.`
  );
}

export type RoadmapMoves = {
  /**
   * Move an item; resolves true when written. Moves queue up (a key held down or pressed quickly
   * makes several), each worked out from the rows as the previous move left them.
   */
  move(item: RoadmapItemRecord, deltaMonths: number): Promise<boolean>;
  lastMove: LastMove | null;
  /** Text for the screen's polite live region. */
  announcement: string;
  announce(text: string): void;
};

/** Moves for the current workspace; `fiscalYear` is this fiscal year (of the quarter in focus). */
export function useRoadmapMoves(fiscalYear: number, fmt: MoneyFormat, locale: string): RoadmapMoves {
  const s = useServices();
  const [lastMove, setLastMove] = useState<LastMove | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const moveNow = useCallback(
    async (itemId: string, deltaMonths: number): Promise<boolean> => {
      if (s.readOnlyReason) {
        setAnnouncement(`Nothing was moved: ${s.readOnlyReason}`);
        return false;
      }
      // Read the rows fresh: the screen's live query may not have caught up with the last move yet.
      const item = await s.db.rows('roadmapItems').get(itemId);
      if (!item) return false;
      const ws = await s.db.workspaces.get(item.workspaceId);
      const [items, lines] = await Promise.all([
        s.db.rows('roadmapItems').where('workspaceId').equals(item.workspaceId).toArray(),
        s.db.rows('budgetLines').where('workspaceId').equals(item.workspaceId).toArray(),
      ]);
      const budget: BudgetContext = { fiscalStartMonth: ws?.fiscalYearStartMonth ?? 1, lines, items };
      const impact = moveImpact(budget, fiscalYear, item.id, deltaMonths);
      const to = movedSpan(item, deltaMonths);
      const ok = await runEdit(
        s,
        async () => (await rescheduleRoadmapItem(s.db, item.id, deltaMonths, s.ctx)).changes,
        {
          toast: (cs) => `${cs.label} (${formatMonth(to.startMonth, locale)} – ${formatMonth(to.endMonth, locale)})`,
          undoable: true,
        },
      );
      if (!ok) return false;
      const m: LastMove = {
        itemId: item.id,
        title: item.title,
        deltaMonths,
        from: { startMonth: item.startMonth, endMonth: item.endMonth },
        to,
        fiscalYear: impact.before.fiscalYear,
        nextFiscalYear: impact.before.nextFiscalYear,
        delta: impact.delta,
      };
      setLastMove(m);
      setAnnouncement(moveSentence(m, fmt, locale));
      return true;
    },
    [s, fiscalYear, fmt, locale],
  );

  const move = useCallback(
    (item: RoadmapItemRecord, deltaMonths: number): Promise<boolean> => {
      if (deltaMonths === 0) return Promise.resolve(false);
      const next = queue.current.then(() => moveNow(item.id, deltaMonths));
      queue.current = next.catch(() => false);
      return next;
    },
    [moveNow],
  );

  return { move, lastMove, announcement, announce: setAnnouncement };
}
