/**
 * Partner scorecard for the quarter in focus: the six criteria with the evidence the data holds
 * (shared scorecard maths), the director's grade 1–5 (a radio group per criterion) and a comment.
 * Each grade and comment is saved on its own and can be undone.
 */
import { useEffect, useMemo, useState } from 'react';
import { partnerScorecard, type ScorecardRow } from '../../../../shared/domain/governance/scorecard';
import { quarterLabel } from '../../../../shared/domain/periods';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { TableWrap } from '../../components/table-wrap';
import { setScorecardGrade } from '../../db/repos/governance';
import { formatNumber } from '../../lib/format';
import { governanceEdit } from './edit';

const GRADE_WORDS = ['', 'poor', 'below expectations', 'meets expectations', 'good', 'excellent'];

export function ScorecardPanel({
  data,
  parties,
  quarter,
}: {
  data: WorkspaceData;
  parties: readonly Party[];
  quarter: string;
}) {
  const partners = parties.filter((p) => p.kind === 'partner');
  const [chosen, setChosen] = useState<string | null>(null);
  const partyId = partners.find((p) => p.id === chosen)?.id ?? partners[0]?.id ?? null;
  const view = useMemo(() => (partyId ? partnerScorecard(data, partyId, quarter) : null), [data, partyId, quarter]);
  const ws = data.workspace;

  return (
    <Panel
      id="scorecard"
      title={`Partner scorecard, ${quarterLabel(quarter)}`}
      meta={
        view?.averageGrade != null
          ? `Average ${formatNumber(view.averageGrade, ws.locale, 1)} of 5 over ${view.rows.filter((r) => r.grade !== null).length} graded`
          : 'Not graded yet'
      }
      actions={
        partners.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor="scorecard-party">Partner</label>
            <select id="scorecard-party" value={partyId ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null
      }
    >
      {!view || !partyId ? (
        <EmptyState title="No partner to grade">
          Add the partner as a party in Settings to grade it each quarter.
        </EmptyState>
      ) : (
        <>
          <p className="muted small scorecard-intro">
            Grade {view.partyName} from 1 (poor) to 5 (excellent) on each criterion. The evidence comes from this
            quarter’s tickets, KPIs, budget actuals, roadmap and RACI; the grades and comments appear in the QBR deck.
          </p>
          <TableWrap label="Partner scorecard">
            <table className="data-table scorecard">
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Grade</th>
                  <th scope="col">Comment</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <ScorecardLine
                    key={`${partyId}-${quarter}-${r.criterion}`}
                    row={r}
                    workspaceId={ws.id}
                    partyId={partyId}
                    quarter={quarter}
                  />
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </Panel>
  );
}

function ScorecardLine({
  row,
  workspaceId,
  partyId,
  quarter,
}: {
  row: ScorecardRow;
  workspaceId: string;
  partyId: string;
  quarter: string;
}) {
  const s = useServices();
  const [comment, setComment] = useState(row.comment);
  // Follow the stored comment when it changes elsewhere (undo, another window).
  useEffect(() => setComment(row.comment), [row.comment]);
  const base = { workspaceId, partyId, quarter, criterion: row.criterion };
  const name = `grade-${row.criterion}`;
  const readOnly = !!s.readOnlyReason;

  const saveComment = () => {
    if (comment === row.comment) return;
    if (comment.length > 20_000) {
      setComment(row.comment);
      return;
    }
    void governanceEdit(s, () => setScorecardGrade(s.db, { ...base, comment }, s.ctx));
  };

  return (
    <tr>
      <th scope="row">{row.label}</th>
      <td className={`cell-wrap scorecard-evidence${row.evidence.hasData ? '' : ' muted'}`}>
        {row.evidence.hasData ? row.evidence.text : 'No data this quarter'}
      </td>
      <td>
        <fieldset className="grade-group">
          <legend className="visually-hidden">Grade for {row.label}</legend>
          {[1, 2, 3, 4, 5].map((g) => (
            <label key={g} className="grade-option" title={GRADE_WORDS[g]}>
              <input
                type="radio"
                name={name}
                value={g}
                checked={row.grade === g}
                disabled={readOnly}
                onChange={() => void governanceEdit(s, () => setScorecardGrade(s.db, { ...base, grade: g }, s.ctx))}
              />
              <span>{g}</span>
            </label>
          ))}
          <label className="grade-option grade-none">
            <input
              type="radio"
              name={name}
              value=""
              checked={row.grade === null}
              disabled={readOnly}
              onChange={() => void governanceEdit(s, () => setScorecardGrade(s.db, { ...base, grade: null }, s.ctx))}
            />
            <span>Not graded</span>
          </label>
        </fieldset>
      </td>
      <td className="scorecard-comment">
        <label className="visually-hidden" htmlFor={`comment-${row.criterion}`}>
          Comment on {row.label}
        </label>
        <textarea
          id={`comment-${row.criterion}`}
          rows={3}
          value={comment}
          readOnly={readOnly}
          maxLength={20_000}
          placeholder="Why this grade"
          onChange={(e) => setComment(e.target.value)}
          onBlur={saveComment}
        />
      </td>
    </tr>
  );
}
