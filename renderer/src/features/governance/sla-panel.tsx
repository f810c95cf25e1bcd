/**
 * SLA targets per priority and party (response, resolution, attainment goal), editable; and the
 * attainment by party per quarter from the shared SLA maths (tickets, else the party's KPI
 * snapshots) as a table and a chart with a table alternative.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { slaAttainmentByParty, type SlaAttainmentRow } from '../../../../shared/domain/governance/sla';
import { SEVERITIES, type SlaTarget } from '../../../../shared/domain/governance/schema';
import { quarterLabel, quarterRange, addQuarters } from '../../../../shared/domain/periods';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { useServices } from '../../app/services';
import { ChartFigure } from '../../charts/chart-figure';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import {
  deleteSlaTargets,
  setSlaTargets,
  validateSlaDraft,
  type FieldErrors,
  type Severity,
  type SlaDraft,
} from '../../db/repos/governance';
import { formatMinutes, formatNumber, formatPercent } from '../../lib/format';
import { governanceEdit } from './edit';
import { UndoFence } from './undo-fence';
import { useDialog } from './use-dialog';
import { UNIT_OPTIONS } from './escalation-panel';
import { durationMinutes, durationParts, type DurationUnit } from './governance-view';
import { slaAttainmentSpec, slaAttainmentTable, slaSeries } from './sla-chart';

type TargetRow = {
  priority: Severity;
  response: SlaTarget | undefined;
  resolution: SlaTarget | undefined;
};

/** The parties the targets table lists: partners always, others once they have a target. */
function targetParties(parties: readonly Party[], targets: readonly SlaTarget[]): Party[] {
  const withTargets = new Set(targets.map((t) => t.partyId));
  return parties.filter((p) => p.kind === 'partner' || withTargets.has(p.id));
}

export function SlaPanel({
  data,
  parties,
  quarter,
  exportButton,
}: {
  /** The workspace with its tickets loaded (attainment counts them). */
  data: WorkspaceData;
  parties: readonly Party[];
  quarter: string;
  exportButton: React.ReactNode;
}) {
  const s = useServices();
  const ws = data.workspace;
  const targets = data.tables.slaTargets;
  const [dialog, openDialog, closeDialog] = useDialog<{ partyId: string; priority: Severity }>();
  const shown = targetParties(parties, targets);
  const readOnly = !!s.readOnlyReason;

  // Attainment over the six quarters up to the quarter in focus.
  const quarters = useMemo(() => quarterRange(addQuarters(quarter, -5), quarter), [quarter]);
  const attainment = useMemo(() => slaAttainmentByParty(data, quarters), [data, quarters]);
  const series = useMemo(() => slaSeries(attainment, quarters), [attainment, quarters]);
  const focusRows = attainment.filter((r) => r.quarter === quarter);

  const rowsFor = (partyId: string): TargetRow[] =>
    SEVERITIES.map((priority) => ({
      priority,
      response: targets.find((t) => t.partyId === partyId && t.priority === priority && t.metric === 'response'),
      resolution: targets.find((t) => t.partyId === partyId && t.priority === priority && t.metric === 'resolution'),
    }));

  return (
    <Panel id="sla" title="SLA targets and attainment" actions={exportButton}>
      <h3 className="subhead">Targets by party and priority</h3>
      {shown.length === 0 ? (
        <EmptyState title="No SLA targets">
          Add a partner in Settings, then set its response and resolution targets per priority from the contract.
        </EmptyState>
      ) : (
        <TableWrap label="SLA targets">
          <table className="data-table compact sla-targets">
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Priority</th>
                <th scope="col" className="num">
                  First response
                </th>
                <th scope="col" className="num">
                  Resolution
                </th>
                <th scope="col" className="num">
                  Attainment goal
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.flatMap((p) =>
                rowsFor(p.id).map((r, i) => {
                  const set = r.response || r.resolution;
                  const goal = r.resolution?.targetAttainmentPct ?? r.response?.targetAttainmentPct ?? null;
                  return (
                    <tr
                      key={`${p.id}-${r.priority}`}
                      data-focus-id={i === 0 ? p.id : undefined}
                      tabIndex={i === 0 ? -1 : undefined}
                    >
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={4} className="sla-party">
                          {p.name}
                        </th>
                      ) : null}
                      <th scope="row">{r.priority}</th>
                      <td className="num">{r.response ? formatMinutes(r.response.targetMinutes) : '—'}</td>
                      <td className="num">{r.resolution ? formatMinutes(r.resolution.targetMinutes) : '—'}</td>
                      <td className="num">
                        {goal === null ? (
                          <RagBadge rag="amber" label="Not set" />
                        ) : (
                          formatPercent(goal, ws.locale, goal % 1 ? 1 : 0)
                        )}
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-sm btn-ghost"
                          disabled={readOnly}
                          aria-label={`${set ? 'Edit' : 'Set'} ${r.priority} targets for ${p.name}`}
                          onClick={() => openDialog({ partyId: p.id, priority: r.priority })}
                        >
                          {set ? 'Edit' : 'Set'}
                        </button>
                        {set ? (
                          <button
                            type="button"
                            className="btn btn-sm btn-ghost btn-danger-text"
                            disabled={readOnly}
                            aria-label={`Remove ${r.priority} targets for ${p.name}`}
                            onClick={() =>
                              void governanceEdit(s, () => deleteSlaTargets(s.db, ws.id, p.id, r.priority))
                            }
                          >
                            Remove
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </TableWrap>
      )}
      <div className="sla-layout">
        <div>
          <h3 className="subhead">Attainment by party in {quarterLabel(quarter)}</h3>
          {focusRows.length === 0 || focusRows.every((r) => r.status === 'no-data') ? (
            <p className="muted">
              No SLA data for {quarterLabel(quarter)}: import a ticket export with an SLA flag (KPIs → Import), or enter
              the partner’s reported SLA attainment as a KPI value for the party.
            </p>
          ) : (
            <AttainmentTable rows={focusRows} locale={ws.locale} />
          )}
        </div>
        {series.length > 0 ? (
          <div className="sla-chart">
            <ChartFigure spec={slaAttainmentSpec(series, quarters)} table={slaAttainmentTable(series, quarters)} />
          </div>
        ) : null}
      </div>
      {dialog ? (
        <UndoFence>
          <SlaDialog
            workspaceId={ws.id}
            parties={parties}
            partyId={dialog.partyId}
            priority={dialog.priority}
            existing={rowsFor(dialog.partyId).find((r) => r.priority === dialog.priority)}
            onClose={() => closeDialog()}
          />
        </UndoFence>
      ) : null}
    </Panel>
  );
}

function AttainmentTable({ rows, locale }: { rows: readonly SlaAttainmentRow[]; locale: string }) {
  return (
    <TableWrap label="SLA attainment by party">
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col" className="num">
              Tickets with SLA
            </th>
            <th scope="col" className="num">
              Met
            </th>
            <th scope="col" className="num">
              Attained
            </th>
            <th scope="col" className="num">
              Goal
            </th>
            <th scope="col">Status</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.partyId ?? 'none'}-${r.quarter}`}>
              <th scope="row">{r.partyName}</th>
              <td className="num">{r.tickets ? formatNumber(r.tickets, locale, 0) : '—'}</td>
              <td className="num">{r.tickets ? formatNumber(r.met, locale, 0) : '—'}</td>
              <td className="num">{r.attainmentPct === null ? '—' : formatPercent(r.attainmentPct, locale, 1)}</td>
              <td className="num">{r.targetPct === null ? '—' : formatPercent(r.targetPct, locale, 1)}</td>
              <td>
                {r.status === 'met' ? (
                  <RagBadge rag="green" label="Met" />
                ) : r.status === 'missed' ? (
                  <RagBadge rag="red" label="Missed" />
                ) : (
                  <RagBadge rag={null} label={r.status === 'no-target' ? 'No goal' : 'No data'} />
                )}
              </td>
              <td className="muted small">
                {r.source === 'tickets' ? 'Tickets' : r.source === 'kpi-snapshots' ? 'Reported KPI' : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function SlaDialog({
  workspaceId,
  parties,
  partyId,
  priority,
  existing,
  onClose,
}: {
  workspaceId: string;
  parties: readonly Party[];
  partyId: string;
  priority: Severity;
  existing: TargetRow | undefined;
  onClose: () => void;
}) {
  const s = useServices();
  const party = parties.find((p) => p.id === partyId);
  const r0 = durationParts(existing?.response?.targetMinutes ?? 30);
  const r1 = durationParts(existing?.resolution?.targetMinutes ?? 480);
  const [resp, setResp] = useState(r0.value);
  const [respUnit, setRespUnit] = useState<DurationUnit>(r0.unit);
  const [res, setRes] = useState(r1.value);
  const [resUnit, setResUnit] = useState<DurationUnit>(r1.unit);
  const [goal, setGoal] = useState(
    String(existing?.resolution?.targetAttainmentPct ?? existing?.response?.targetAttainmentPct ?? 95),
  );
  const [errors, setErrors] = useState<FieldErrors<SlaDraft>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const responseMinutes = durationMinutes(resp, respUnit);
    const resolutionMinutes = durationMinutes(res, resUnit);
    const pct = Number(goal.trim().replace(',', '.').replace('%', ''));
    const draft: SlaDraft = {
      partyId,
      priority,
      responseMinutes: responseMinutes ?? -1,
      resolutionMinutes: resolutionMinutes ?? -1,
      targetAttainmentPct: goal.trim() === '' ? NaN : pct,
    };
    const found = validateSlaDraft(
      draft,
      parties.map((p) => p.id),
    );
    if (responseMinutes === null)
      found.responseMinutes = 'Enter the first-response target as a number, e.g. 30 minutes.';
    if (resolutionMinutes === null) found.resolutionMinutes = 'Enter the resolution target as a number, e.g. 8 hours.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const cs = await governanceEdit(s, () => setSlaTargets(s.db, workspaceId, draft, s.ctx));
    if (cs) onClose();
  };

  return (
    <AppDialog
      title={`${priority} SLA targets for ${party?.name ?? 'the party'}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="sla-form" className="btn btn-primary" disabled={!!s.readOnlyReason}>
            Save targets
          </button>
        </>
      }
    >
      <form id="sla-form" className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label="First response within"
          value={resp}
          onChange={setResp}
          inputMode="decimal"
          error={errors.responseMinutes}
          autoFocus
          required
        />
        <SelectField label="Response unit" value={respUnit} onChange={setRespUnit} options={UNIT_OPTIONS} />
        <TextField
          label="Resolution within"
          value={res}
          onChange={setRes}
          inputMode="decimal"
          error={errors.resolutionMinutes}
          required
        />
        <SelectField label="Resolution unit" value={resUnit} onChange={setResUnit} options={UNIT_OPTIONS} />
        <TextField
          label="Attainment goal (%)"
          value={goal}
          onChange={setGoal}
          inputMode="decimal"
          error={errors.targetAttainmentPct}
          hint="The share of tickets in a quarter that must meet the target, e.g. 95."
          required
        />
      </form>
    </AppDialog>
  );
}
