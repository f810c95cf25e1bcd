/**
 * Team & skills: single points of failure first, then the editable skills matrix, coverage per
 * skill area (required vs internal hours, partner cover, plan — editable in place), and the people.
 */
import { useMemo } from 'react';
import {
  areaCoverage,
  singlePointsOfFailure,
  skillsMatrix,
  type AreaCoverage,
} from '../../../../shared/domain/staffing/coverage';
import { AREA_PLANS, type AreaPlan } from '../../../../shared/domain/staffing/schema';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { describeError, runEdit } from '../../app/actions';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { RagBadge } from '../../components/status';
import { RowActions } from '../../components/row-actions';
import { TableWrap } from '../../components/table-wrap';
import { deletePerson, deleteSkillArea, setAreaPlan, setSkillLevel } from '../../db/repos/staffing';
import { formatNumber, formatPercent } from '../../lib/format';
import { useUi } from '../../state/store';
import { PLAN_LABELS, modelLabel } from './labels';
import { SkillsMatrix } from './skills-matrix';
import type { OpenDialog } from './staffing-dialogs';

function StatusCell({ a, locale }: { a: AreaCoverage; locale: string }) {
  if (a.singlePointOfFailure) return <RagBadge rag="red" label="Single point of failure" />;
  if (a.coveredFraction < 1) {
    return <RagBadge rag="amber" label={`Gap ${formatNumber(a.gapFte, locale, 2)} FTE`} />;
  }
  return <RagBadge rag="green" label={a.partnerCover ? 'Covered (partner)' : 'Covered'} />;
}

export function TeamTab({ data, open }: { data: WorkspaceData; open: OpenDialog }) {
  const s = useServices();
  const ro = !!s.readOnlyReason;
  const ws = data.workspace;
  const t = data.tables;
  const view = useMemo(
    () => ({
      matrix: skillsMatrix(data),
      coverage: areaCoverage(data),
      // With nobody entered yet every area would be flagged: the empty matrix says what to do instead.
      spofs: data.tables.people.length > 0 ? singlePointsOfFailure(data) : [],
    }),
    [data],
  );
  const profileName = new Map(t.costProfiles.map((p) => [p.id, p.role]));
  const areaRecord = new Map(t.skillAreas.map((a) => [a.id, a]));
  const people = [...t.people].sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const onSetLevel = async (personId: string, areaId: string, level: number): Promise<string | null> => {
    try {
      const cs = await setSkillLevel(s.db, personId, areaId, level);
      s.history.record(cs);
      return `${cs.label}. Ctrl+Z undoes.`;
    } catch (err) {
      useUi.getState().toast(`The level was not saved: ${describeError(err)}`, 'error');
      return null;
    }
  };

  const onPlan = (areaId: string, name: string, plan: AreaPlan) =>
    void runEdit(s, () => setAreaPlan(s.db, areaId, plan), {
      toast: `Plan for ${name}: ${PLAN_LABELS[plan].toLowerCase()}`,
      undoable: true,
    });

  return (
    <>
      {view.spofs.length > 0 ? (
        <section className="sm-spof" aria-labelledby="sm-spof-title">
          <h2 id="sm-spof-title" className="sm-spof-title">
            <svg width="14" height="14" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M3.5.5h5l3 3v5l-3 3h-5l-3-3v-5Z" fill="currentColor" />
              <path d="m4 4 4 4M8 4 4 8" stroke="var(--color-surface)" strokeWidth="1.5" />
            </svg>
            {view.spofs.length === 1 ? '1 single point of failure' : `${view.spofs.length} single points of failure`}
          </h2>
          <ul className="sm-spof-list">
            {view.spofs.map((f) => (
              <li key={f.areaId}>
                <strong>{f.name}</strong>
                {' — '}
                {f.peopleCount === 0
                  ? 'nobody'
                  : f.peopleCount === 1
                    ? `only ${f.names[0] ?? ''}`
                    : `only ${f.names.join(' and ')}`}{' '}
                at level 2+, minimum depth {f.minimumDepth}, no partner cover.
              </li>
            ))}
          </ul>
          <p className="sm-spof-help">Train someone to level 2, hire, or let the partner cover the area to clear it.</p>
        </section>
      ) : t.skillAreas.length > 0 && t.people.length > 0 ? (
        <p className="sm-spof-none">
          <RagBadge rag="green" label="No single points of failure" /> Every area has its minimum depth at level 2+ or
          partner cover.
        </p>
      ) : null}

      <Panel
        id="skills"
        title="Skills matrix"
        meta="Proficiency 0 none · 1 learning · 2 working · 3 strong · 4 expert"
        actions={
          <button type="button" className="btn btn-sm" onClick={() => open({ kind: 'person', id: null })} disabled={ro}>
            Add person
          </button>
        }
      >
        {view.matrix.rows.length === 0 || view.matrix.areas.length === 0 ? (
          <EmptyState
            title={t.skillAreas.length === 0 ? 'No skill areas yet' : 'No people in this workspace yet'}
            action={
              t.skillAreas.length === 0 ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => open({ kind: 'area', id: null })}
                  disabled={ro}
                >
                  Add a skill area
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => open({ kind: 'person', id: null })}
                  disabled={ro}
                >
                  Add the first person
                </button>
              )
            }
          >
            Add the internal team, then rate each person 0–4 per skill area here. Coverage, single points of failure and
            the hire vs co-manage comparison build on it.
          </EmptyState>
        ) : (
          <TableWrap label="Skills matrix">
            <SkillsMatrix
              matrix={view.matrix}
              coverage={view.coverage}
              locale={ws.locale}
              readOnly={ro}
              onSetLevel={onSetLevel}
            />
          </TableWrap>
        )}
      </Panel>

      <Panel
        id="coverage"
        title="Coverage per skill area"
        meta="Required hours from the coverage model vs internal hours (people at level 2+ × 1,800 h); partner cover counts in full"
        actions={
          <button type="button" className="btn btn-sm" onClick={() => open({ kind: 'area', id: null })} disabled={ro}>
            Add skill area
          </button>
        }
      >
        {view.coverage.length === 0 ? (
          <EmptyState title="No skill areas">Add the areas your team must cover, with the hours each needs.</EmptyState>
        ) : (
          <TableWrap label="Coverage per skill area">
            <table className="data-table sm-coverage">
              <thead>
                <tr>
                  <th scope="col">Skill area</th>
                  <th scope="col" className="num">
                    Required h/yr
                  </th>
                  <th scope="col" className="num">
                    Internal h/yr
                  </th>
                  <th scope="col">Partner cover</th>
                  <th scope="col" className="num">
                    Covered
                  </th>
                  <th scope="col" className="num">
                    Depth (min.)
                  </th>
                  <th scope="col">Plan</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.coverage.map((a) => {
                  const rec = areaRecord.get(a.areaId);
                  return (
                    <tr key={a.areaId} className={a.singlePointOfFailure ? 'sm-row-spof' : undefined}>
                      <th scope="row">
                        <span>{a.name}</span>
                        {rec ? (
                          <span className="cell-sub">Role hired: {profileName.get(rec.costProfileId) ?? '—'}</span>
                        ) : null}
                      </th>
                      <td className="num">
                        {formatNumber(a.requiredHours, ws.locale, 0)}
                        <span className="cell-sub">
                          {modelLabel(a.coverageModel)} · {formatNumber(a.requiredFte, ws.locale, 2)} FTE
                        </span>
                      </td>
                      <td className="num">
                        {formatNumber(a.internalHours, ws.locale, 0)}
                        <span className="cell-sub">{formatNumber(a.internalFte, ws.locale, 2)} FTE</span>
                      </td>
                      <td className="sm-partner">
                        {a.partnerCover ? (
                          <>
                            <span>{modelLabel(a.partnerCover.coverageModel)}</span>
                            <span className="cell-sub">{a.partnerCover.contractName}</span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="num">{formatPercent(a.coveredFraction * 100, ws.locale, 0)}</td>
                      <td className="num">
                        {a.people.length} ({a.minimumDepth})
                      </td>
                      <td>
                        <select
                          aria-label={`Plan for ${a.name}`}
                          value={rec?.plan ?? 'train'}
                          disabled={ro}
                          onChange={(e) => onPlan(a.areaId, a.name, e.target.value as AreaPlan)}
                        >
                          {AREA_PLANS.map((p) => (
                            <option key={p} value={p}>
                              {PLAN_LABELS[p]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <StatusCell a={a} locale={ws.locale} />
                      </td>
                      <RowActions
                        editLabel={`Edit skill area ${a.name}`}
                        deleteLabel={`Delete skill area ${a.name}`}
                        onEdit={() => open({ kind: 'area', id: a.areaId })}
                        onDelete={() =>
                          void runEdit(s, () => deleteSkillArea(s.db, a.areaId), {
                            toast: `Deleted skill area “${a.name}”`,
                            undoable: true,
                          })
                        }
                        disabled={ro}
                      />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Panel>

      <Panel
        id="people"
        title="People"
        meta={`${formatNumber(
          people.reduce((sum, p) => sum + p.fte, 0),
          ws.locale,
          2,
        )} FTE in total`}
        actions={
          <button type="button" className="btn btn-sm" onClick={() => open({ kind: 'person', id: null })} disabled={ro}>
            Add person
          </button>
        }
      >
        {people.length === 0 ? (
          <EmptyState title="No people yet">
            Add each member of the internal team with their FTE and cost profile.
          </EmptyState>
        ) : (
          <TableWrap label="People">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Name or role label</th>
                  <th scope="col">Role</th>
                  <th scope="col" className="num">
                    FTE
                  </th>
                  <th scope="col">Cost profile</th>
                  <th scope="col" className="num">
                    Areas at level 2+
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.role || '—'}</td>
                    <td className="num">{formatNumber(p.fte, ws.locale, 2)}</td>
                    <td>{profileName.get(p.costProfileId) ?? '—'}</td>
                    <td className="num">
                      {p.skills.filter((k) => k.level >= 2 && areaRecord.has(k.skillAreaId)).length}
                    </td>
                    <RowActions
                      editLabel={`Edit ${p.name}`}
                      deleteLabel={`Delete ${p.name}`}
                      onEdit={() => open({ kind: 'person', id: p.id })}
                      onDelete={() =>
                        void runEdit(s, () => deletePerson(s.db, p.id), {
                          toast: `Deleted “${p.name}”`,
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
      </Panel>
    </>
  );
}
