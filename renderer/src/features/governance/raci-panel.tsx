/**
 * RACI panel: the check summary (exactly one A, at least one R, a written split when two are R),
 * the editable grid, lane management, the quarter's saved version and "Changes since" a version.
 */
import { useMemo, useState } from 'react';
import { raciDiff, raciSnapshotCells, type RaciValidation } from '../../../../shared/domain/governance/raci';
import type { RaciActivity, RaciLetter, RaciVersion } from '../../../../shared/domain/governance/schema';
import { quarterLabel } from '../../../../shared/domain/periods';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import { saveRaciVersion } from '../../db/repos/governance';
import { formatDateTime } from '../../lib/format';
import { governanceEdit } from './edit';
import { UndoFence } from './undo-fence';
import { defaultCompareVersion } from './governance-view';
import { LaneDialog } from './lane-dialog';
import { AddButton, useRecordDialog } from './record-table';
import { RaciGrid } from './raci-grid';

const roles = (r: readonly RaciLetter[]) => (r.length ? r.join('/') : '—');

export function RaciPanel({
  data,
  parties,
  lanes,
  cells,
  check,
  quarter,
  focusRequest,
  exportButton,
}: {
  data: WorkspaceData;
  parties: readonly Party[];
  lanes: readonly RaciActivity[];
  cells: ReadonlyMap<string, ReadonlyMap<string, RaciLetter[]>>;
  check: RaciValidation;
  quarter: string;
  focusRequest: { laneId: string; nonce: number } | null;
  exportButton: React.ReactNode;
}) {
  const s = useServices();
  const ws = data.workspace;
  const dialog = useRecordDialog(lanes);
  const [compareId, setCompareId] = useState<string | null>(null);
  const [localFocus, setLocalFocus] = useState<{ laneId: string; nonce: number } | null>(null);
  const versions = data.tables.raciVersions;
  const issues = useMemo(() => new Map(check.lanes.map((l) => [l.activityId, l.issues])), [check]);
  const current = useMemo(
    () => raciSnapshotCells(data.tables.raciActivities, data.tables.raciAssignments, data.tables.parties),
    [data],
  );
  const thisQuarter = versions.find((v) => v.quarter === quarter) ?? null;
  const compare: RaciVersion | null =
    versions.find((v) => v.id === compareId) ?? defaultCompareVersion(versions, quarter);
  const diff = compare ? raciDiff(compare.cells, current) : null;
  const diffRows = diff
    ? [
        ...diff.changed.map((c) => ({ ...c, what: 'Changed' })),
        ...diff.added.map((c) => ({ activity: c.activity, party: c.party, before: [], after: c.roles, what: 'Added' })),
        ...diff.removed.map((c) => ({
          activity: c.activity,
          party: c.party,
          before: c.roles,
          after: [],
          what: 'Removed',
        })),
      ]
    : [];
  const sum = check.summary;
  const label = quarterLabel(quarter);

  return (
    <Panel
      id="raci"
      title="RACI matrix"
      meta={`${sum.lanesOk} of ${sum.lanes} lanes without issues`}
      actions={
        <>
          <AddButton onClick={dialog.openNew} disabled={!!s.readOnlyReason}>
            Add lane
          </AddButton>
          <button
            type="button"
            className="btn btn-sm"
            disabled={!!s.readOnlyReason || lanes.length === 0}
            onClick={() => void governanceEdit(s, () => saveRaciVersion(s.db, ws.id, quarter, s.ctx))}
            title={
              thisQuarter
                ? `Replaces the ${label} version saved ${formatDateTime(thisQuarter.savedAt, ws.locale)}`
                : `Freezes the matrix as it is now as the ${label} version`
            }
          >
            Save as {label} version
          </button>
          {exportButton}
        </>
      }
    >
      {lanes.length === 0 ? (
        <EmptyState
          title="No service lanes yet"
          action={
            <AddButton primary onClick={dialog.openNew} disabled={false}>
              Add lane
            </AddButton>
          }
        >
          Add the lanes of work shared with the partner (service desk, patching, backup…) and mark who is Responsible,
          Accountable, Consulted and Informed.
        </EmptyState>
      ) : (
        <>
          <div className="raci-summary" aria-labelledby="raci-summary-title">
            <h3 id="raci-summary-title" className="visually-hidden">
              Check summary
            </h3>
            {check.issues.length === 0 ? (
              <p className="raci-summary-ok">
                <RagBadge rag="green" label="All lanes pass" /> Every lane has exactly one Accountable party, at least
                one Responsible party, and a written split where two parties are Responsible.
              </p>
            ) : (
              <>
                <p className="raci-summary-line">
                  <RagBadge
                    rag={check.issues.every((i) => i.kind === 'raci-collision') ? 'amber' : 'red'}
                    label={`${check.issues.length} ${check.issues.length === 1 ? 'issue' : 'issues'}`}
                  />{' '}
                  {[
                    sum['raci-accountable'] ? `${sum['raci-accountable']} accountability` : '',
                    sum['raci-gap'] ? `${sum['raci-gap']} gap${sum['raci-gap'] === 1 ? '' : 's'}` : '',
                    sum['raci-collision']
                      ? `${sum['raci-collision']} collision${sum['raci-collision'] === 1 ? '' : 's'}`
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <ul className="raci-issue-list">
                  {check.issues.map((i) => (
                    <li key={`${i.activityId}-${i.kind}`}>
                      <span>{i.message}</span>{' '}
                      <button
                        type="button"
                        className="btn btn-sm btn-ghost link-button"
                        onClick={() => setLocalFocus({ laneId: i.activityId, nonce: Date.now() })}
                      >
                        Go to {i.lane}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <RaciGrid
            lanes={lanes}
            parties={parties}
            cells={cells}
            issues={issues}
            onEditLane={dialog.openEdit}
            focusRequest={
              localFocus && (!focusRequest || localFocus.nonce > focusRequest.nonce) ? localFocus : focusRequest
            }
          />
          <section className="raci-versions" aria-labelledby="raci-versions-title">
            <div className="raci-versions-head">
              <h3 id="raci-versions-title" className="subhead">
                {compare
                  ? `Changes since the ${quarterLabel(compare.quarter)} version`
                  : 'Changes since the last version'}
              </h3>
              {versions.length > 1 ? (
                <div className="field field-inline">
                  <label htmlFor="raci-compare">Compare with</label>
                  <select id="raci-compare" value={compare?.id ?? ''} onChange={(e) => setCompareId(e.target.value)}>
                    {[...versions]
                      .sort((a, b) => (a.quarter < b.quarter ? 1 : -1))
                      .map((v) => (
                        <option key={v.id} value={v.id}>
                          {quarterLabel(v.quarter)} version
                        </option>
                      ))}
                  </select>
                </div>
              ) : null}
            </div>
            {!compare ? (
              <p className="muted">
                No saved version yet. “Save as {label} version” freezes the matrix, so the next quarter can show what
                changed (the QBR deck shows it too).
              </p>
            ) : diffRows.length === 0 ? (
              <p className="muted">
                No changes since the {quarterLabel(compare.quarter)} version (saved{' '}
                {formatDateTime(compare.savedAt, ws.locale)}).
              </p>
            ) : (
              <TableWrap label="RACI changes">
                <table className="data-table compact raci-diff">
                  <caption className="muted small">
                    {diffRows.length} {diffRows.length === 1 ? 'cell' : 'cells'} changed since{' '}
                    {formatDateTime(compare.savedAt, ws.locale)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Service lane</th>
                      <th scope="col">Party</th>
                      <th scope="col">Change</th>
                      <th scope="col" className="center">
                        Before
                      </th>
                      <th scope="col" className="center">
                        Now
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {diffRows.map((r) => (
                      <tr key={`${r.activity}-${r.party}`}>
                        <th scope="row">{r.activity}</th>
                        <td>{r.party}</td>
                        <td>{r.what}</td>
                        <td className="center raci-letters">{roles(r.before)}</td>
                        <td className="center raci-letters">{roles(r.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        </>
      )}
      {dialog.isOpen ? (
        <UndoFence>
          <LaneDialog
            workspaceId={ws.id}
            lane={dialog.editing}
            lanes={lanes}
            onClose={() => dialog.closeTo(() => document.querySelector<HTMLElement>('.raci-grid [tabindex="0"]'))}
          />
        </UndoFence>
      ) : null}
    </Panel>
  );
}
