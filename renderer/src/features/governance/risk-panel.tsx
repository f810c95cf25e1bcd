/**
 * Risk register: a 5×5 likelihood × impact heat map whose cells show counts and are buttons that
 * filter the table (with a plain table alternative), and the register with add, edit and close.
 */
import { useState } from 'react';
import { riskGrid, riskScore, topRisks, type RiskBand } from '../../../../shared/domain/governance/risks';
import type { Risk } from '../../../../shared/domain/governance/schema';
import { useServices } from '../../app/services';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { humanize } from '../../components/labels';
import { Panel } from '../../components/panel';
import { Pill, RagBadge } from '../../components/status';
import {
  closeRisk,
  createRisk,
  deleteRisk,
  updateRisk,
  validateRiskDraft,
  type RiskDraft,
} from '../../db/repos/governance';
import { formatDate } from '../../lib/format';
import { riskBadge } from '../../lib/risk-view';
import { RowButton } from '../../components/row-actions';
import { governanceEdit } from './edit';
import { RecordDialog } from './record-dialog';
import { useRecordForm } from './record-form';
import { AddButton, InlineCheck, RecordTable, useRecordDialog } from './record-table';
import { UndoFence } from './undo-fence';

const BAND_TEXT: Record<RiskBand, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
const LIKELIHOOD = ['', 'Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const IMPACT = ['', 'Minor', 'Moderate', 'Significant', 'Major', 'Severe'];
const STATUS_TONE: Record<Risk['status'], 'neutral' | 'amber' | 'green' | 'accent'> = {
  open: 'amber',
  mitigating: 'accent',
  accepted: 'neutral',
  closed: 'green',
};

type Cell = { likelihood: number; impact: number } | null;

export function RiskPanel({
  workspaceId,
  locale,
  risks,
}: {
  workspaceId: string;
  locale: string;
  risks: readonly Risk[];
}) {
  const s = useServices();
  const [filter, setFilter] = useState<Cell>(null);
  const [showClosed, setShowClosed] = useState(false);
  const [asTable, setAsTable] = useState(false);
  const dialog = useRecordDialog(risks);
  const grid = riskGrid([...risks]);
  const live = risks.filter((r) => r.status !== 'closed');
  const ranked = topRisks([...risks], Infinity, { includeClosed: showClosed });
  const rows = filter ? ranked.filter((r) => r.likelihood === filter.likelihood && r.impact === filter.impact) : ranked;
  const closedCount = risks.length - live.length;
  const readOnly = !!s.readOnlyReason;
  const title = new Map(risks.map((r) => [r.id, r.title]));

  return (
    <Panel
      id="risks"
      title="Risk register"
      meta={`${live.length} open · score = likelihood × impact (1–25)`}
      actions={
        <AddButton disabled={readOnly} onClick={dialog.openNew}>
          Add risk
        </AddButton>
      }
    >
      {risks.length === 0 ? (
        <EmptyState
          title="No risks recorded"
          action={
            <AddButton primary disabled={readOnly} onClick={dialog.openNew}>
              Add risk
            </AddButton>
          }
        >
          Record risks with a likelihood and impact from 1 to 5, an owner and the mitigation; the top ones go into the
          QBR deck.
        </EmptyState>
      ) : (
        <div className="risk-layout">
          <figure className="heatmap-figure" aria-labelledby="heatmap-caption">
            <div className="chart-figure-head">
              <figcaption id="heatmap-caption" className="chart-figure-caption">
                Heat map of open risks
              </figcaption>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-pressed={asTable}
                onClick={() => setAsTable((v) => !v)}
              >
                {asTable ? 'View as heat map' : 'View as table'}
              </button>
            </div>
            {asTable ? (
              <table className="data-table compact">
                <caption className="visually-hidden">Open risks by likelihood and impact</caption>
                <thead>
                  <tr>
                    <th scope="col">Likelihood</th>
                    <th scope="col">Impact</th>
                    <th scope="col" className="num">
                      Score
                    </th>
                    <th scope="col">Band</th>
                    <th scope="col">Risks</th>
                  </tr>
                </thead>
                <tbody>
                  {grid
                    .flat()
                    .filter((c) => c.riskIds.length > 0)
                    .map((c) => (
                      <tr key={`${c.likelihood}-${c.impact}`}>
                        <th scope="row">
                          {c.likelihood} {LIKELIHOOD[c.likelihood]}
                        </th>
                        <td>
                          {c.impact} {IMPACT[c.impact]}
                        </td>
                        <td className="num">{c.score}</td>
                        <td>{BAND_TEXT[c.band]}</td>
                        <td>{c.riskIds.map((id) => title.get(id) ?? id).join('; ')}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            ) : (
              <table className="heatmap">
                <caption className="visually-hidden">
                  Open risks by likelihood (rows) and impact (columns); choose a cell to filter the register
                </caption>
                <tbody>
                  {grid.map((row) => (
                    <tr key={row[0]?.likelihood}>
                      <th scope="row" className="heatmap-axis">
                        <span className="heatmap-n">{row[0]?.likelihood}</span> {LIKELIHOOD[row[0]?.likelihood ?? 0]}
                      </th>
                      {row.map((c) => {
                        const on = filter?.likelihood === c.likelihood && filter.impact === c.impact;
                        const n = c.riskIds.length;
                        return (
                          <td key={c.impact} className={`heat-cell heat-${c.band}${n ? '' : ' heat-empty'}`}>
                            <button
                              type="button"
                              aria-pressed={on}
                              aria-label={`Likelihood ${c.likelihood}, impact ${c.impact}, score ${c.score} (${BAND_TEXT[c.band].toLowerCase()}): ${n} ${n === 1 ? 'risk' : 'risks'}`}
                              onClick={() => setFilter(on ? null : { likelihood: c.likelihood, impact: c.impact })}
                            >
                              <span className="heat-count">{n || ''}</span>
                              <span className="heat-score" aria-hidden="true">
                                {c.score}
                              </span>
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td />
                    {[1, 2, 3, 4, 5].map((i) => (
                      <th key={i} scope="col" className="heatmap-axis heatmap-axis-x">
                        <span className="heatmap-n">{i}</span> {IMPACT[i]}
                      </th>
                    ))}
                  </tr>
                </tfoot>
              </table>
            )}
            <p className="heatmap-legend small muted">
              Rows: likelihood · columns: impact · number = open risks, small number = score. Bands: low 1–4, medium
              5–9, high 10–16, critical 20–25.
            </p>
          </figure>

          <div className="risk-table-block">
            <div className="toolbar toolbar-flat">
              {filter ? (
                <p className="toolbar-filter" role="status">
                  Showing {rows.length} {rows.length === 1 ? 'risk' : 'risks'} with likelihood {filter.likelihood} and
                  impact {filter.impact}.{' '}
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => setFilter(null)}>
                    Show all risks
                  </button>
                </p>
              ) : (
                <p className="toolbar-filter muted small">Choose a heat-map cell to filter the register.</p>
              )}
              {closedCount > 0 ? (
                <InlineCheck checked={showClosed} onChange={setShowClosed}>
                  Show {closedCount} closed
                </InlineCheck>
              ) : null}
            </div>
            <RecordTable
              label="Risk register"
              caption="Risks in the register"
              columns={['Risk', 'Score', 'Owner', 'Due', 'Status']}
            >
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={6} className="table-empty">
                    No risks in this cell.
                  </td>
                </tr>
              ) : (
                rows.map((r) => (
                  <tr key={r.id} data-focus-id={r.id} tabIndex={-1}>
                    <th scope="row" className="cell-wrap">
                      {r.title}
                      {r.mitigation ? <span className="cell-sub">Mitigation: {r.mitigation}</span> : null}
                    </th>
                    <td className="nowrap">
                      <RagBadge rag={riskBadge(r).rag} label={riskBadge(r).text} />
                      <span className="cell-sub">
                        L{r.likelihood} × I{r.impact}
                      </span>
                    </td>
                    <td>{r.owner || '—'}</td>
                    <td className="nowrap">{formatDate(r.dueDate, locale)}</td>
                    <td>
                      <Pill tone={STATUS_TONE[r.status]}>{humanize(r.status)}</Pill>
                    </td>
                    <td className="row-actions">
                      <RowButton
                        label={`Edit risk ${r.title}`}
                        disabled={readOnly}
                        onClick={() => dialog.openEdit(r.id)}
                      >
                        Edit
                      </RowButton>
                      {r.status !== 'closed' ? (
                        <RowButton
                          label={`Close risk ${r.title}`}
                          disabled={readOnly}
                          onClick={() => void governanceEdit(s, () => closeRisk(s.db, r.id))}
                        >
                          Close
                        </RowButton>
                      ) : null}
                    </td>
                  </tr>
                ))
              )}
            </RecordTable>
          </div>
        </div>
      )}
      {dialog.isOpen ? (
        <UndoFence>
          <RiskDialog workspaceId={workspaceId} risk={dialog.editing} onClose={dialog.close} />
        </UndoFence>
      ) : null}
    </Panel>
  );
}

const SCALE = (words: readonly string[]) =>
  [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} · ${words[n]}` }));

function RiskDialog({ workspaceId, risk, onClose }: { workspaceId: string; risk: Risk | null; onClose: () => void }) {
  const s = useServices();
  const { form, bind, set, errors, submit } = useRecordForm<RiskDraft, keyof RiskDraft>(
    {
      title: risk?.title ?? '',
      description: risk?.description ?? '',
      likelihood: risk?.likelihood ?? 3,
      impact: risk?.impact ?? 3,
      owner: risk?.owner ?? '',
      mitigation: risk?.mitigation ?? '',
      dueDate: risk?.dueDate ?? '',
      status: risk?.status ?? 'open',
    },
    validateRiskDraft,
    (d) => (risk ? updateRisk(s.db, risk.id, d) : createRisk(s.db, workspaceId, d, s.ctx)),
    onClose,
  );
  const score = riskScore(form);

  return (
    <RecordDialog
      title={risk ? `Edit risk “${risk.title}”` : 'Add a risk'}
      size="lg"
      formId="risk-form"
      submitLabel={risk ? 'Save risk' : 'Add risk'}
      onSubmit={submit}
      onClose={onClose}
      remove={
        risk && {
          question: (
            <>
              Delete “{risk.title}” from the register? Closing keeps its history; deleting removes it (you can still
              undo).
            </>
          ),
          keepLabel: 'Keep the risk',
          confirmLabel: 'Delete risk',
          run: () => deleteRisk(s.db, risk.id),
        }
      }
    >
      <TextField className="span-2" label="Title" {...bind('title')} required autoFocus maxLength={500} />
      <SelectField
        label="Likelihood"
        value={String(form.likelihood)}
        onChange={(v) => set('likelihood')(Number(v))}
        options={SCALE(LIKELIHOOD)}
        error={errors.likelihood}
      />
      <SelectField
        label="Impact"
        value={String(form.impact)}
        onChange={(v) => set('impact')(Number(v))}
        options={SCALE(IMPACT)}
        error={errors.impact}
        hint={`Score ${score}: ${riskBadge(form).text.split(' ')[0]?.toLowerCase()}`}
      />
      <TextField label="Owner" {...bind('owner')} />
      <TextField label="Due" type="date" {...bind('dueDate')} />
      <SelectField
        label="Status"
        {...bind('status')}
        options={(['open', 'mitigating', 'accepted', 'closed'] as const).map((v) => ({
          value: v,
          label: humanize(v),
        }))}
      />
      <TextAreaField className="span-2" label="Description" {...bind('description')} rows={2} />
      <TextAreaField className="span-2" label="Mitigation" {...bind('mitigation')} rows={2} />
    </RecordDialog>
  );
}
