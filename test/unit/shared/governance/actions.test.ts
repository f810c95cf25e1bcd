import { describe, expect, it } from 'vitest';
import { actionReview, carryOverActions, overdueActions } from '../../../../shared/domain/governance/actions';
import type { ActionItem } from '../../../../shared/domain/governance/schema';
import type { Qbr } from '../../../../shared/domain/qbr/schema';

const qbr = (id: string, quarter: string, date: string): Qbr => ({
  id,
  workspaceId: 'ws',
  quarter,
  title: id,
  date,
  attendees: [],
  agenda: [],
  executiveSummary: '',
  wins: [],
  pains: [],
  decisionIds: [],
  sections: [],
  preset: 'full',
  theme: { accentColor: '#123456', orgLogo: null, partnerLogo: null },
  nextQbrDate: null,
  status: 'draft',
  closedAt: null,
});
const act = (
  id: string,
  createdInQbrId: string | null,
  status: ActionItem['status'],
  carriedOver = 0,
  dueDate: string | null = null,
): ActionItem => ({
  id,
  workspaceId: 'ws',
  text: id,
  owner: 'IT',
  dueDate,
  status,
  createdInQbrId,
  carriedOver,
});

// Listed out of order on purpose: order comes from the quarter.
const qbrs = [
  qbr('q3', '2026-Q3', '2026-04-20'),
  qbr('q1', '2026-Q1', '2025-10-20'),
  qbr('q2', '2026-Q2', '2026-01-20'),
];

describe('action carry-over between QBRs', () => {
  const actions = [
    act('open-from-q2', 'q2', 'open', 0, '2026-03-01'),
    act('wip-from-q1', 'q1', 'in-progress', 1, '2026-02-01'),
    act('done-from-q2', 'q2', 'done', 0),
    act('done-carried-from-q1', 'q1', 'done', 1), // reviewed at q1+1+1 = q3
    act('done-long-ago', 'q1', 'done', 0), // reviewed at q2: not "since last QBR" at q3
    act('dropped-from-q2', 'q2', 'dropped', 0),
    act('new-in-q3', 'q3', 'open', 0, '2026-07-01'),
    act('loose-open', null, 'open'),
    act('loose-done-recent', null, 'done', 0, '2026-02-15'),
    act('loose-done-old', null, 'done', 0, '2025-12-01'),
    act('orphan', 'deleted-qbr', 'open'),
  ];

  it('reviews QBR q3: done and dropped since q2, outstanding, new', () => {
    const r = actionReview(actions, qbrs, 'q3');
    expect(r.done.map((a) => a.id)).toEqual(['loose-done-recent', 'done-carried-from-q1', 'done-from-q2']);
    expect(r.dropped.map((a) => a.id)).toEqual(['dropped-from-q2']);
    expect(r.outstanding.map((a) => a.id)).toEqual(['wip-from-q1', 'open-from-q2', 'loose-open']);
    expect(r.new.map((a) => a.id)).toEqual(['new-in-q3']);
  });

  it('closing q3 carries the outstanding ones (+1) and nothing else; the review at q2 differs', () => {
    const changed = carryOverActions(actions, qbrs, 'q3');
    expect(changed.map((a) => [a.id, a.carriedOver])).toEqual([
      ['wip-from-q1', 2],
      ['open-from-q2', 1],
      ['loose-open', 1],
    ]);
    const atQ2 = actionReview(actions, qbrs, 'q2');
    expect(atQ2.done.map((a) => a.id)).toEqual(['loose-done-old', 'loose-done-recent', 'done-long-ago']);
    expect(atQ2.new.map((a) => a.id)).toContain('done-from-q2');
    expect(actionReview(actions, qbrs, 'nope')).toEqual({ done: [], outstanding: [], new: [], dropped: [] });
  });

  it('after carrying, the next review finds the carried item done in the right QBR', () => {
    const q4 = qbr('q4', '2026-Q4', '2026-07-20');
    const carried = carryOverActions(actions, qbrs, 'q3');
    const byId = new Map(actions.map((a) => [a.id, a]));
    for (const c of carried) byId.set(c.id, { ...c, status: c.id === 'open-from-q2' ? 'done' : c.status });
    const r = actionReview([...byId.values()], [...qbrs, q4], 'q4');
    // open-from-q2: created q2 (index 1), carried once → reviewed at index 3 = q4.
    expect(r.done.map((a) => a.id)).toContain('open-from-q2');
    expect(r.done.map((a) => a.id)).not.toContain('done-from-q2');
  });

  it('finds overdue open actions relative to a date', () => {
    expect(overdueActions(actions, '2026-03-02').map((a) => [a.id, a.daysOverdue])).toEqual([
      ['wip-from-q1', 29],
      ['open-from-q2', 1],
    ]);
    expect(overdueActions(actions, '2026-02-01')).toEqual([]);
  });
});
