/**
 * Costs & partner: cost profiles with each value's source and year beside it (all editable), and
 * the partner contracts with their prices, covered areas and the yearly fee they imply.
 */
import { partnerFeeInYear } from '../../../../shared/domain/scenarios/engine';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/status';
import { RowActions } from '../../components/row-actions';
import { TableWrap } from '../../components/table-wrap';
import type { CostProfileRecord } from '../../db/records';
import {
  PROFILE_FIELDS,
  PROFILE_FIELD_LABELS,
  deleteContract,
  deleteCostProfile,
  sourceOf,
  type ProfileField,
} from '../../db/repos/staffing';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { modelLabel } from './labels';
import type { OpenDialog } from './staffing-dialogs';

/**
 * A short name for a citation to sit beside its value: the text before the first comma, colon or
 * bracket, cut at a word to about 22 characters. The full text is in the "Sources in full" list.
 */
export function shortSource(source: string): string {
  const cut = (source.split(/[,:(]/)[0] ?? '').trim() || source.trim();
  if (cut.length <= 24) return cut;
  const space = cut.lastIndexOf(' ', 22);
  return `${cut.slice(0, space > 8 ? space : 22)}…`;
}

/** Short column heads so the table fits; the form uses the full labels. */
const COLUMN_LABELS: Record<ProfileField, string> = {
  baseSalary: 'Base salary',
  benefitsLoadPct: 'Benefits',
  toolsTrainingPerYear: 'Tools & training',
  costPerHire: 'Cost per hire',
  rampUpMonths: 'Ramp-up',
  turnoverPct: 'Turnover',
};

function ValueWithSource({ profile, field, text }: { profile: CostProfileRecord; field: ProfileField; text: string }) {
  const src = sourceOf(profile, field);
  return (
    <>
      <span className="sm-value">{text}</span>
      <span className="sm-src" title={src?.source}>
        {src ? `${shortSource(src.source)} · ${src.year}` : 'No source given'}
      </span>
    </>
  );
}

export function CostsTab({ data, open }: { data: WorkspaceData; open: OpenDialog }) {
  const s = useServices();
  const ro = !!s.readOnlyReason;
  const ws = data.workspace;
  const t = data.tables;
  const fmt = { locale: ws.locale, currency: ws.currency };
  const profiles = [...t.costProfiles].sort((a, b) => a.role.localeCompare(b.role, 'en'));
  const areaName = new Map(t.skillAreas.map((a) => [a.id, a.name]));
  const partyName = new Map(t.parties.map((p) => [p.id, p.name]));

  const valueText = (p: CostProfileRecord, f: ProfileField): string => {
    switch (f) {
      case 'baseSalary':
      case 'toolsTrainingPerYear':
      case 'costPerHire':
        return formatMoney(p[f], fmt, { whole: true });
      case 'rampUpMonths':
        return `${formatNumber(p.rampUpMonths, ws.locale, 1)} mo`;
      case 'benefitsLoadPct':
      case 'turnoverPct':
        return formatPercent(p[f], ws.locale, 1);
    }
  };

  // Every distinct citation once, with the fields and roles it backs.
  const citations = new Map<string, { year: number; fields: Set<string> }>();
  for (const p of profiles) {
    for (const f of PROFILE_FIELDS) {
      const src = sourceOf(p, f);
      if (!src) continue;
      const key = `${src.source}\u0000${src.year}`;
      const c = citations.get(key) ?? { year: src.year, fields: new Set<string>() };
      c.fields.add(PROFILE_FIELD_LABELS[f]);
      citations.set(key, c);
    }
  }

  return (
    <>
      <Panel
        id="profiles"
        title="Cost profiles"
        meta="Each value shows its source and year; edit to match your market"
        actions={
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => open({ kind: 'profile', id: null })}
            disabled={ro}
          >
            Add cost profile
          </button>
        }
      >
        {profiles.length === 0 ? (
          <EmptyState title="No cost profiles">
            Add a profile per role (salary, benefits, hiring and turnover costs); a cited default is one click away.
          </EmptyState>
        ) : (
          <TableWrap label="Cost profiles">
            <table className="data-table sm-profiles">
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  {PROFILE_FIELDS.map((f) => (
                    <th key={f} scope="col" className="num">
                      {COLUMN_LABELS[f]}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {profiles.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.role}</th>
                    {PROFILE_FIELDS.map((f) => (
                      <td key={f} className="num">
                        <ValueWithSource profile={p} field={f} text={valueText(p, f)} />
                      </td>
                    ))}
                    <RowActions
                      editLabel={`Edit cost profile ${p.role}`}
                      deleteLabel={`Delete cost profile ${p.role}`}
                      onEdit={() => open({ kind: 'profile', id: p.id })}
                      onDelete={() =>
                        void runEdit(s, () => deleteCostProfile(s.db, p.id), {
                          toast: `Deleted cost profile “${p.role}”`,
                          undoable: true,
                        })
                      }
                      disabled={ro}
                    />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {citations.size > 0 ? (
          <details className="sm-citations">
            <summary>Sources in full ({citations.size})</summary>
            <ul>
              {[...citations].map(([key, c]) => (
                <li key={key}>
                  <span className="sm-citation-text">{key.split('\u0000')[0]}</span>{' '}
                  <span className="muted">
                    ({c.year}; {[...c.fields].join(', ').toLowerCase()})
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Panel>

      <Panel
        id="contracts"
        title="Partner contracts"
        meta="Co-managed contracts count as partner cover; fully-managed ones only in the fully outsourced scenario"
        actions={
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => open({ kind: 'contract', id: null })}
            disabled={ro}
          >
            Add contract
          </button>
        }
      >
        {t.partnerContracts.length === 0 ? (
          <EmptyState title="No partner contract">
            Record the partner's prices and the areas it covers to compare co-managing with hiring.
          </EmptyState>
        ) : (
          <ul className="sm-contracts">
            {t.partnerContracts.map((c) => {
              const y0 = partnerFeeInYear(c, ws.userCount, ws.endpointCount, 0);
              const y1 = partnerFeeInYear(c, ws.userCount, ws.endpointCount, 1);
              return (
                <li key={c.id} className="sm-contract">
                  <div className="sm-contract-head">
                    <h3>{c.name}</h3>
                    <Pill tone={c.kind === 'co-managed' ? 'accent' : 'neutral'}>
                      {c.kind === 'co-managed' ? 'Co-managed' : 'Fully managed'}
                    </Pill>
                    <span className="muted">{partyName.get(c.partyId) ?? ''}</span>
                    <span className="sm-contract-actions">
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        onClick={() => open({ kind: 'contract', id: c.id })}
                        aria-label={`Edit contract ${c.name}`}
                        disabled={ro}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm btn-danger-text"
                        onClick={() =>
                          void runEdit(s, () => deleteContract(s.db, c.id), {
                            toast: `Deleted contract “${c.name}”`,
                            undoable: true,
                          })
                        }
                        aria-label={`Delete contract ${c.name}`}
                        disabled={ro}
                      >
                        Delete
                      </button>
                    </span>
                  </div>
                  <dl className="sm-facts">
                    <div>
                      <dt>Per user / month</dt>
                      <dd>{formatMoney(c.perUserMonthly, fmt)}</dd>
                    </div>
                    <div>
                      <dt>Per endpoint / month</dt>
                      <dd>{formatMoney(c.perEndpointMonthly, fmt)}</dd>
                    </div>
                    <div>
                      <dt>Fixed / month</dt>
                      <dd>{formatMoney(c.fixedMonthly, fmt, { whole: true })}</dd>
                    </div>
                    <div>
                      <dt>Project hours × rate</dt>
                      <dd>
                        {formatNumber(c.projectHoursPerYear, ws.locale, 0)} h × {formatMoney(c.hourlyRate, fmt)}
                      </dd>
                    </div>
                    <div>
                      <dt>Onboarding (Y0)</dt>
                      <dd>{formatMoney(c.onboardingFee, fmt, { whole: true })}</dd>
                    </div>
                    <div>
                      <dt>Escalator</dt>
                      <dd>{formatPercent(c.escalatorPct, ws.locale, 1)} / yr</dd>
                    </div>
                    <div>
                      <dt>Fee Y0 (with onboarding)</dt>
                      <dd>{formatMoney(y0, fmt, { whole: true })}</dd>
                    </div>
                    <div>
                      <dt>Fee Y1</dt>
                      <dd>{formatMoney(y1, fmt, { whole: true })}</dd>
                    </div>
                  </dl>
                  <p className="sm-covers">
                    <span className="muted">Covers: </span>
                    {c.coveredAreas.length === 0
                      ? 'no areas'
                      : c.coveredAreas.map((a, i) => (
                          <span key={a.skillAreaId} className="sm-cover-chip">
                            {areaName.get(a.skillAreaId) ?? 'Deleted area'} · {modelLabel(a.coverageModel)}
                            {i < c.coveredAreas.length - 1 ? <span className="visually-hidden">,</span> : null}
                          </span>
                        ))}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
    </>
  );
}
