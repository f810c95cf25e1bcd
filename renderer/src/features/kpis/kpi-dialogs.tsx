/** KPI dialogs: add/edit a custom KPI, enter a value by hand, import values from a snapshot CSV. */
import { useState } from 'react';
import { importSnapshotCsv, type SnapshotCsvProblem } from '../../../../shared/domain/kpis/snapshot-csv';
import {
  KPI_AGGREGATIONS,
  KPI_UNITS,
  type KpiDefinition,
  type KpiSnapshot,
} from '../../../../shared/domain/kpis/schema';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { AppDialog } from '../../components/dialog';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { TableWrap } from '../../components/table-wrap';
import {
  deleteCustomKpi,
  saveCustomKpi,
  saveManualValue,
  saveSnapshotImport,
  validateKpiDraft,
  validateManualValue,
  type KpiDraft,
  type ManualValueDraft,
} from '../../db/repos/kpis';

const UNIT_LABELS: Record<(typeof KPI_UNITS)[number], string> = {
  hours: 'Hours',
  count: 'Count',
  percent: 'Percent (0–100)',
  ratio: 'Ratio',
  currency: 'Money (minor units, e.g. cents)',
  score: 'Score',
};
const AGG_LABELS: Record<(typeof KPI_AGGREGATIONS)[number], string> = {
  sum: 'Sum',
  mean: 'Mean',
  last: 'Last month',
  'weighted-mean': 'Weighted mean',
  recompute: 'Recompute',
};
const GROUPS: KpiDefinition['group'][] = ['service', 'security', 'delivery', 'people', 'cost', 'satisfaction'];

function draftOf(def: KpiDefinition | null): KpiDraft {
  return {
    key: def?.key ?? '',
    name: def?.name ?? '',
    definition: def?.definition ?? '',
    unit: def?.unit ?? 'percent',
    direction: def?.direction ?? 'higher',
    aggregation: def?.aggregation ?? 'mean',
    target: def?.target === null || def?.target === undefined ? '' : String(def.target),
    amberThreshold: def?.amberThreshold === null || def?.amberThreshold === undefined ? '' : String(def.amberThreshold),
    group: def?.group ?? 'service',
    benchmarkText: def?.benchmark?.text ?? '',
    benchmarkSource: def?.benchmark?.source ?? '',
  };
}

/** Add or edit a custom KPI. */
export function KpiDialog({
  workspaceId,
  def,
  otherKeys,
  onClose,
}: {
  workspaceId: string;
  def: KpiDefinition | null;
  otherKeys: string[];
  onClose: () => void;
}) {
  const s = useServices();
  const [draft, setDraft] = useState<KpiDraft>(() => draftOf(def));
  const [shown, setShown] = useState(false);
  const errors = shown ? validateKpiDraft(draft, otherKeys) : {};
  const set = <K extends keyof KpiDraft>(k: K, v: KpiDraft[K]): void => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (): Promise<void> => {
    setShown(true);
    if (Object.keys(validateKpiDraft(draft, otherKeys)).length) return;
    if (await runEdit(s, () => saveCustomKpi(s.db, workspaceId, draft, def, s.ctx), { undoable: true })) onClose();
  };
  return (
    <AppDialog
      title={def ? `Edit KPI “${def.name}”` : 'Add a KPI'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="kpi-form" className="btn btn-primary">
            {def ? 'Save' : 'Add KPI'}
          </button>
        </>
      }
    >
      <form
        id="kpi-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <TextField label="Name" value={draft.name} onChange={(v) => set('name', v)} error={errors.name} autoFocus />
          <TextField
            label="Key"
            value={draft.key}
            onChange={(v) => set('key', v)}
            error={errors.key}
            hint="Used in CSV files, e.g. change_success."
          />
        </div>
        <TextAreaField label="Definition" value={draft.definition} onChange={(v) => set('definition', v)} />
        <div className="form-grid form-grid-3">
          <SelectField
            label="Unit"
            value={draft.unit}
            onChange={(v) => set('unit', v)}
            options={KPI_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
          />
          <SelectField
            label="Better when"
            value={draft.direction}
            onChange={(v) => set('direction', v)}
            options={[
              { value: 'higher', label: 'Higher' },
              { value: 'lower', label: 'Lower' },
            ]}
          />
          <SelectField
            label="Quarter from months"
            value={draft.aggregation}
            onChange={(v) => set('aggregation', v)}
            options={KPI_AGGREGATIONS.map((a) => ({ value: a, label: AGG_LABELS[a] }))}
          />
          <TextField
            label="Target"
            value={draft.target}
            onChange={(v) => set('target', v)}
            error={errors.target}
            inputMode="decimal"
          />
          <TextField
            label="Amber threshold"
            value={draft.amberThreshold}
            onChange={(v) => set('amberThreshold', v)}
            error={errors.amberThreshold}
            inputMode="decimal"
            hint="Between this and the target the KPI is amber; beyond it, red."
          />
          <SelectField
            label="Group"
            value={draft.group}
            onChange={(v) => set('group', v)}
            options={GROUPS.map((g) => ({ value: g, label: g[0]!.toUpperCase() + g.slice(1) }))}
          />
        </div>
        <div className="form-grid">
          <TextField label="Benchmark" value={draft.benchmarkText} onChange={(v) => set('benchmarkText', v)} />
          <TextField
            label="Benchmark source"
            value={draft.benchmarkSource}
            onChange={(v) => set('benchmarkSource', v)}
            error={errors.benchmarkSource}
          />
        </div>
      </form>
    </AppDialog>
  );
}

/** Confirm deleting a custom KPI and its values. */
export function DeleteKpiDialog({ def, values, onClose }: { def: KpiDefinition; values: number; onClose: () => void }) {
  const s = useServices();
  return (
    <AppDialog
      title={`Delete KPI “${def.name}”?`}
      role="alertdialog"
      size="sm"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            Keep it
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => void runEdit(s, () => deleteCustomKpi(s.db, def), { undoable: true }).then(onClose)}
          >
            Delete
          </button>
        </>
      }
    >
      <p>
        The KPI and its {values} stored value{values === 1 ? '' : 's'} are removed. Undo brings them back.
      </p>
    </AppDialog>
  );
}

/** Enter one value for a month or quarter by hand. */
export function ValueDialog({
  workspaceId,
  defs,
  defaultPeriod,
  onClose,
}: {
  workspaceId: string;
  defs: readonly KpiDefinition[];
  defaultPeriod: string;
  onClose: () => void;
}) {
  const s = useServices();
  const [draft, setDraft] = useState<ManualValueDraft>({
    kpiKey: defs[0]?.key ?? '',
    period: defaultPeriod,
    value: '',
    note: '',
  });
  const [shown, setShown] = useState(false);
  const keys = defs.map((d) => d.key);
  const errors = shown ? validateManualValue(draft, keys) : {};
  const unit = defs.find((d) => d.key === draft.kpiKey)?.unit;
  const submit = async (): Promise<void> => {
    setShown(true);
    if (Object.keys(validateManualValue(draft, keys)).length) return;
    if (await runEdit(s, () => saveManualValue(s.db, workspaceId, draft, s.ctx), { undoable: true })) onClose();
  };
  return (
    <AppDialog
      title="Enter a KPI value"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="value-form" className="btn btn-primary">
            Save value
          </button>
        </>
      }
    >
      <form
        id="value-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SelectField
          label="KPI"
          value={draft.kpiKey}
          onChange={(v) => setDraft((d) => ({ ...d, kpiKey: v }))}
          error={errors.kpiKey}
          options={defs.map((d) => ({ value: d.key, label: d.name }))}
        />
        <div className="form-grid">
          <TextField
            label="Month or quarter"
            value={draft.period}
            onChange={(v) => setDraft((d) => ({ ...d, period: v }))}
            error={errors.period}
            hint="2026-09 for a month, 2026-Q3 for a whole quarter."
          />
          <TextField
            label="Value"
            value={draft.value}
            onChange={(v) => setDraft((d) => ({ ...d, value: v }))}
            error={errors.value}
            inputMode="decimal"
            hint={unit === 'percent' ? 'Percent, 0–100.' : unit === 'currency' ? 'In minor units (cents).' : undefined}
          />
        </div>
        <TextField label="Note" value={draft.note} onChange={(v) => setDraft((d) => ({ ...d, note: v }))} />
        <p className="field-hint">A value already stored for this KPI and period is replaced; undo brings it back.</p>
      </form>
    </AppDialog>
  );
}

/** Preview of a snapshot CSV: every problem with its row, or the values to import (all or nothing). */
export function SnapshotCsvDialog({
  workspaceId,
  fileName,
  text,
  defs,
  onClose,
}: {
  workspaceId: string;
  fileName: string;
  text: string;
  defs: readonly KpiDefinition[];
  onClose: () => void;
}) {
  const s = useServices();
  const [result] = useState(() =>
    importSnapshotCsv(text, { fileName, workspaceId, definitions: defs, importedAt: s.ctx.now(), newId: s.ctx.newId }),
  );
  const names = new Map(defs.map((d) => [d.key, d.name]));
  const rows: KpiSnapshot[] = result.ok ? result.snapshots : [];
  const problems: SnapshotCsvProblem[] = result.ok ? [] : result.problems;
  return (
    <AppDialog
      title={`Import KPI values from “${fileName}”`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          {result.ok ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() =>
                void runEdit(s, () => saveSnapshotImport(s.db, workspaceId, fileName, rows), { undoable: true }).then(
                  (ok) => ok && onClose(),
                )
              }
            >
              Import {rows.length} values
            </button>
          ) : null}
        </>
      }
    >
      {result.ok ? (
        <>
          <p>{rows.length} values read. Values already stored for the same KPI, period and segment are replaced.</p>
          <TableWrap label="Values to import">
            <table className="data-table compact">
              <caption className="visually-hidden">Values to import</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">KPI</th>
                  <th scope="col">Segment</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 50).map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.period}</th>
                    <td>{names.get(r.kpiKey) ?? r.kpiKey}</td>
                    <td>{r.segment || 'Overall'}</td>
                    <td className="num">{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : (
        <>
          <p className="notice notice-error" role="alert">
            Nothing was imported: {problems.length} problem{problems.length === 1 ? '' : 's'} in the file. Fix them and
            choose the file again. The file needs the columns period, kpi and value (note, segment and weight are
            optional).
          </p>
          <TableWrap label="Problems">
            <table className="data-table compact">
              <caption className="visually-hidden">Problems in the file</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Row
                  </th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <th scope="row" className="num">
                      {p.row}
                    </th>
                    <td>{p.field || '—'}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </AppDialog>
  );
}
