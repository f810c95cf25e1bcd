/**
 * SLA targets per priority and party (response, resolution, attainment goal), editable; and the
 * attainment by party per quarter from the shared SLA maths (tickets, else the party's KPI
 * snapshots) as a table and a chart with a table alternative.
 */
import { useMemo } from 'react';
import { slaAttainmentByParty, type SlaAttainmentRow } from '../../../../shared/domain/governance/sla';
import { SEVERITIES, type SlaTarget } from '../../../../shared/domain/governance/schema';
import { quarterLabel, quarterRange, addQuarters } from '../../../../shared/domain/periods';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import type { Party } from '../../../../shared/domain/workspace/schema';
import { useServices } from '../../app/services';
import { ChartFigure } from '../../charts/chart-figure';
import { TextField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import { TableWrap } from '../../components/table-wrap';
import {
  deleteSlaTargets,
  setSlaTargets,
  validateSlaDraft,
  type Severity,
  type SlaDraft,
} from '../../db/repos/governance';
import { formatMinutes, formatNumber, formatPercent } from '../../lib/format';
import { RowButton } from '../../components/row-actions';
import { governanceEdit } from './edit';
import { DurationField } from './form-fields';
import { durationMinutes, durationParts, type DurationUnit } from './governance-view';
import { RecordDialog } from './record-dialog';
import { useRecordForm, type Errors } from './record-form';
import { RecordTable } from './record-table';
import { UndoFence } from './undo-fence';
import { useDialog } from './use-dialog';
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
        <RecordTable
          label="SLA targets"
          className="sla-targets"
          columns={[
            'Party',
            'Priority',
            { label: 'First response', num: true },
            { label: 'Resolution', num: true },
            { label: 'Attainment goal', num: true },
          ]}
        >
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
                    <RowButton
                      label={`${set ? 'Edit' : 'Set'} ${r.priority} targets for ${p.name}`}
                      disabled={readOnly}
                      onClick={() => openDialog({ partyId: p.id, priority: r.priority })}
                    >
                      {set ? 'Edit' : 'Set'}
                    </RowButton>
                    {set ? (
                      <RowButton
                        danger
                        label={`Remove ${r.priority} targets for ${p.name}`}
                        disabled={readOnly}
                        onClick={() => void governanceEdit(s, () => deleteSlaTargets(s.db, ws.id, p.id, r.priority))}
                      >
                        Remove
                      </RowButton>
                    ) : null}
                  </td>
                </tr>
              );
            }),
          )}
        </RecordTable>
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

/** The targets form as typed: each target is a number and a unit, the goal a percent text. */
type TargetsForm = { resp: string; respUnit: DurationUnit; res: string; resUnit: DurationUnit; goal: string };

/** The draft a targets form saves (-1 / NaN where a number does not parse, which the validator rejects). */
function targetsDraft(f: TargetsForm, partyId: string, priority: Severity): SlaDraft {
  const pct = Number(f.goal.trim().replace(',', '.').replace('%', ''));
  return {
    partyId,
    priority,
    responseMinutes: durationMinutes(f.resp, f.respUnit) ?? -1,
    resolutionMinutes: durationMinutes(f.res, f.resUnit) ?? -1,
    targetAttainmentPct: f.goal.trim() === '' ? NaN : pct,
  };
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
  const validate = (f: TargetsForm): Errors<keyof SlaDraft> => {
    const found = validateSlaDraft(
      targetsDraft(f, partyId, priority),
      parties.map((p) => p.id),
    );
    if (durationMinutes(f.resp, f.respUnit) === null)
      found.responseMinutes = 'Enter the first-response target as a number, e.g. 30 minutes.';
    if (durationMinutes(f.res, f.resUnit) === null)
      found.resolutionMinutes = 'Enter the resolution target as a number, e.g. 8 hours.';
    return found;
  };
  const { form, set, errors, submit } = useRecordForm<TargetsForm, keyof SlaDraft>(
    () => {
      const r0 = durationParts(existing?.response?.targetMinutes ?? 30);
      const r1 = durationParts(existing?.resolution?.targetMinutes ?? 480);
      return {
        resp: r0.value,
        respUnit: r0.unit,
        res: r1.value,
        resUnit: r1.unit,
        goal: String(existing?.resolution?.targetAttainmentPct ?? existing?.response?.targetAttainmentPct ?? 95),
      };
    },
    validate,
    (f) => setSlaTargets(s.db, workspaceId, targetsDraft(f, partyId, priority), s.ctx),
    onClose,
  );

  return (
    <RecordDialog
      title={`${priority} SLA targets for ${party?.name ?? 'the party'}`}
      formId="sla-form"
      submitLabel="Save targets"
      onSubmit={submit}
      onClose={onClose}
    >
      <DurationField
        label="First response within"
        unitLabel="Response unit"
        value={form.resp}
        unit={form.respUnit}
        onValue={set('resp')}
        onUnit={set('respUnit')}
        error={errors.responseMinutes}
        autoFocus
      />
      <DurationField
        label="Resolution within"
        unitLabel="Resolution unit"
        value={form.res}
        unit={form.resUnit}
        onValue={set('res')}
        onUnit={set('resUnit')}
        error={errors.resolutionMinutes}
      />
      <TextField
        label="Attainment goal (%)"
        value={form.goal}
        onChange={set('goal')}
        inputMode="decimal"
        error={errors.targetAttainmentPct}
        hint="The share of tickets in a quarter that must meet the target, e.g. 95."
        required
      />
    </RecordDialog>
  );
}
