/**
 * Governance — the co-managed part: RACI matrix with its checks, escalation ladder, SLA targets,
 * risk register, decision log and action items.
 */
import { TableWrap } from '../../components/table-wrap';
import { useMemo } from 'react';
import { riskScore } from '../../../../shared/domain/governance/risks';
import { escalationLadders } from '../../../../shared/domain/governance/escalation';
import {
  formatRaciLetters,
  raciCells,
  sortActivities,
  sortParties,
  validateRaci,
} from '../../../../shared/domain/governance/raci';
import { useWorkspaceTables } from '../../app/data-hooks';
import { EmptyState } from '../../components/empty-state';
import { humanize } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { Pill, RagBadge } from '../../components/status';
import { riskBadge } from '../../lib/risk-view';
import { formatDate, formatMinutes, formatPercent } from '../../lib/format';

const TABLES = [
  'parties',
  'raciActivities',
  'raciAssignments',
  'escalationSteps',
  'slaTargets',
  'risks',
  'decisions',
  'actionItems',
] as const;

const RACI_TITLE: Record<string, string> = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed' };

export function GovernancePage() {
  const data = useWorkspaceTables(TABLES);
  const view = useMemo(() => {
    if (!data) return null;
    const t = data.tables;
    const parties = sortParties(t.parties);
    return {
      parties,
      activities: sortActivities(t.raciActivities),
      cells: raciCells(t.raciAssignments),
      check: validateRaci(t.raciActivities, t.raciAssignments, t.parties),
      ladders: escalationLadders(t.escalationSteps, t.parties),
    };
  }, [data]);
  const header = (
    <PageHeader title="Governance" subtitle="Who does what between Internal IT and the partner, and what is open" />
  );
  if (!data || !view) return header;
  const ws = data.workspace;
  const t = data.tables;
  const partyName = new Map(t.parties.map((p) => [p.id, p.name]));
  const issuesByLane = new Map(view.check.lanes.map((l) => [l.activityId, l.issues]));
  const risks = [...t.risks].sort((a, b) => riskScore(b) - riskScore(a) || a.title.localeCompare(b.title));
  const actions = [...t.actionItems].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const decisions = [...t.decisions].sort((a, b) => b.date.localeCompare(a.date));

  return (
    <>
      {header}
      <Panel
        id="raci"
        title="RACI matrix"
        meta={`${view.check.summary.lanesOk} of ${view.check.summary.lanes} lanes without issues · R responsible · A accountable · C consulted · I informed`}
      >
        {view.activities.length === 0 ? (
          <EmptyState title="No service lanes yet">Add the lanes of work shared with the partner.</EmptyState>
        ) : (
          <TableWrap label="RACI matrix">
            <table className="data-table raci">
              <thead>
                <tr>
                  <th scope="col">Service lane</th>
                  {view.parties.map((p) => (
                    <th key={p.id} scope="col" className="center">
                      {p.name}
                    </th>
                  ))}
                  <th scope="col">Check</th>
                </tr>
              </thead>
              <tbody>
                {view.activities.map((a) => {
                  const row = view.cells.get(a.id);
                  const issues = issuesByLane.get(a.id) ?? [];
                  return (
                    <tr key={a.id}>
                      <th scope="row">{a.name}</th>
                      {view.parties.map((p) => {
                        const letters = row?.get(p.id) ?? [];
                        return (
                          <td key={p.id} className="center raci-cell">
                            {letters.length ? (
                              <abbr title={letters.map((l) => RACI_TITLE[l]).join(', ')} className="raci-letters">
                                {formatRaciLetters(letters)}
                              </abbr>
                            ) : (
                              <span className="muted" aria-label="No role">
                                –
                              </span>
                            )}
                          </td>
                        );
                      })}
                      <td>
                        {issues.length === 0 ? (
                          <RagBadge rag="green" label="OK" />
                        ) : (
                          issues.map((i, k) => (
                            <span key={k} className="issue">
                              <RagBadge
                                rag={i.kind === 'raci-collision' ? 'amber' : 'red'}
                                label={humanize(i.kind.replace('raci-', ''))}
                              />
                              <span className="cell-sub">{i.message}</span>
                            </span>
                          ))
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Panel>

      <div className="grid-2">
        <Panel id="escalation" title="Escalation ladder">
          {t.escalationSteps.length === 0 ? (
            <EmptyState title="No escalation ladder">Define who is called, in which order, for P1 to P4.</EmptyState>
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col" className="num">
                    Step
                  </th>
                  <th scope="col">Party</th>
                  <th scope="col">Contact role</th>
                  <th scope="col" className="num">
                    Respond within
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.ladders.flatMap((l) =>
                  l.steps.map((st) => (
                    <tr key={st.id}>
                      <th scope="row">{l.severity}</th>
                      <td className="num">{st.step}</td>
                      <td>{st.partyName}</td>
                      <td>{st.contactRole}</td>
                      <td className="num">{formatMinutes(st.responseMinutes)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel id="sla" title="SLA targets">
          {t.slaTargets.length === 0 ? (
            <EmptyState title="No SLA targets">Set response and resolution targets per priority.</EmptyState>
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Priority</th>
                  <th scope="col">Metric</th>
                  <th scope="col">Party</th>
                  <th scope="col" className="num">
                    Target
                  </th>
                  <th scope="col" className="num">
                    Attainment goal
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...t.slaTargets]
                  .sort((a, b) => a.priority.localeCompare(b.priority) || a.metric.localeCompare(b.metric) * -1)
                  .map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.priority}</th>
                      <td>{humanize(s.metric)}</td>
                      <td>{partyName.get(s.partyId) ?? '—'}</td>
                      <td className="num">{formatMinutes(s.targetMinutes)}</td>
                      <td className="num">{formatPercent(s.targetAttainmentPct, ws.locale, 0)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>

      <Panel id="risks" title="Risk register" meta={`${risks.length} risks · score = likelihood × impact (1–25)`}>
        {risks.length === 0 ? (
          <EmptyState title="No risks recorded">
            Record risks with likelihood and impact from 1 to 5, an owner and the mitigation.
          </EmptyState>
        ) : (
          <TableWrap label="Risk register">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col" className="num">
                    Likelihood
                  </th>
                  <th scope="col" className="num">
                    Impact
                  </th>
                  <th scope="col">Score</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Mitigation</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {risks.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.title}</th>
                    <td className="num">{r.likelihood}</td>
                    <td className="num">{r.impact}</td>
                    <td>
                      <RagBadge rag={riskBadge(r).rag} label={riskBadge(r).text} />
                    </td>
                    <td>{r.owner || '—'}</td>
                    <td className="cell-wrap">{r.mitigation || '—'}</td>
                    <td className="nowrap">{formatDate(r.dueDate, ws.locale)}</td>
                    <td>
                      <Pill tone={r.status === 'closed' ? 'green' : r.status === 'open' ? 'amber' : 'neutral'}>
                        {humanize(r.status)}
                      </Pill>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Panel>

      <div className="grid-2">
        <Panel id="decisions" title="Decision log" meta={`${decisions.length}`}>
          {decisions.length === 0 ? (
            <EmptyState title="No decisions recorded" />
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Decision</th>
                  <th scope="col">Recommended</th>
                  <th scope="col">Status</th>
                  <th scope="col">Date</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((d) => (
                  <tr key={d.id}>
                    <td className="cell-wrap">{d.text}</td>
                    <td>{d.recommendedOption || '—'}</td>
                    <td>
                      <Pill
                        tone={
                          d.status === 'approved'
                            ? 'green'
                            : d.status === 'rejected'
                              ? 'red'
                              : d.status === 'requested'
                                ? 'amber'
                                : 'neutral'
                        }
                      >
                        {humanize(d.status)}
                      </Pill>
                    </td>
                    <td className="nowrap">{formatDate(d.date, ws.locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel
          id="actions"
          title="Action items"
          meta={`${actions.filter((a) => a.status === 'open' || a.status === 'in-progress').length} open`}
        >
          {actions.length === 0 ? (
            <EmptyState title="No action items" />
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.id}>
                    <td className="cell-wrap">
                      {a.text}
                      {a.carriedOver > 0 ? <span className="cell-sub">Carried over {a.carriedOver}×</span> : null}
                    </td>
                    <td>{a.owner || '—'}</td>
                    <td className="nowrap">{formatDate(a.dueDate, ws.locale)}</td>
                    <td>
                      <Pill tone={a.status === 'done' ? 'green' : a.status === 'dropped' ? 'neutral' : 'amber'}>
                        {humanize(a.status)}
                      </Pill>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
    </>
  );
}
