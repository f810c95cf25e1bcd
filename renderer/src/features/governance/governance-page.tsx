/**
 * Governance — the co-managed part (SPEC §3.7): plan findings with links to fix them, the editable
 * RACI matrix with its checks and quarterly versions, the escalation ladder, SLA targets and
 * attainment, the partner scorecard, the risk register with its heat map, the decision log and
 * action items; exports of the contract appendix (PDF) and the RACI/escalation/SLA tables (CSV).
 * Deep links `#/governance/<section>[/<record id>]` scroll to and focus the place to fix.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { planFindings } from '../../../../shared/domain/findings';
import type { GovernanceExport } from '../../../../shared/domain/governance/export';
import { raciCells, sortActivities, sortParties, validateRaci } from '../../../../shared/domain/governance/raci';
import { quarterLabel } from '../../../../shared/domain/periods';
import type { WorkspaceData } from '../../../../shared/domain/tables';
import { ALL_BUT_TICKETS, useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { useServices } from '../../app/services';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { useUi } from '../../state/store';
import { ActionPanel } from './action-panel';
import { exportAppendixPdf, exportGovernanceCsv } from './appendix-export';
import { DecisionPanel } from './decision-panel';
import { EscalationPanel } from './escalation-panel';
import { FindingsList } from './findings-list';
import { governanceHref, parseGovernanceHash, type GovernanceSection } from './governance-view';
import { RaciPanel } from './raci-panel';
import { RiskPanel } from './risk-panel';
import { ScorecardPanel } from './scorecard-panel';
import { SlaPanel } from './sla-panel';
import './governance.css';

const NAV: readonly { section: GovernanceSection; label: string }[] = [
  { section: 'findings', label: 'Findings' },
  { section: 'raci', label: 'RACI' },
  { section: 'escalation', label: 'Escalation' },
  { section: 'sla', label: 'SLAs' },
  { section: 'scorecard', label: 'Scorecard' },
  { section: 'risks', label: 'Risks' },
  { section: 'decisions', label: 'Decisions' },
  { section: 'actions', label: 'Actions' },
];

type Target = { section: GovernanceSection; id: string | null; nonce: number };

/** The tickets of the current workspace (SLA attainment and scorecard evidence count them). */
function useTickets(): WorkspaceData['tables']['tickets'] | undefined {
  const { db } = useServices();
  const id = useUi((s) => s.workspaceId);
  return useLiveQuery(async () => (id ? db.rows('tickets').where('workspaceId').equals(id).toArray() : []), [db, id]);
}

export function GovernancePage() {
  const s = useServices();
  const base = useWorkspaceTables(ALL_BUT_TICKETS);
  const tickets = useTickets();
  const fq = useFocusQuarter();
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<Target | null>(() => {
    const t = parseGovernanceHash(typeof location === 'undefined' ? '' : location.hash);
    return t ? { ...t, nonce: Date.now() } : null;
  });
  const [raciFocus, setRaciFocus] = useState<{ laneId: string; nonce: number } | null>(null);

  useEffect(() => {
    const onHash = () => {
      const t = parseGovernanceHash(location.hash);
      if (t) setTarget({ ...t, nonce: Date.now() });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const data = useMemo<WorkspaceData | null>(
    () => (base && tickets ? { workspace: base.workspace, tables: { ...base.tables, tickets } } : null),
    [base, tickets],
  );
  const today = s.ctx.now().slice(0, 10);
  const view = useMemo(() => {
    if (!data) return null;
    const t = data.tables;
    return {
      parties: sortParties(t.parties),
      lanes: sortActivities(t.raciActivities),
      cells: raciCells(t.raciAssignments),
      check: validateRaci(t.raciActivities, t.raciAssignments, t.parties),
      findings: planFindings(data, { asOf: today }),
    };
  }, [data, today]);
  const ready = !!view && !!fq;

  // Scroll to and focus the place a link points at, once the page has its data.
  useEffect(() => {
    if (!ready || !target) return;
    if (target.section === 'raci' && target.id) {
      setRaciFocus({ laneId: target.id, nonce: target.nonce });
      return;
    }
    const heading = document.getElementById(`${target.section}-title`);
    const section = heading?.closest('section');
    const record = target.id ? section?.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(target.id)}"]`) : null;
    const el = record ?? heading;
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
    el.scrollIntoView?.({ block: 'start' });
  }, [ready, target]);

  const header = (
    <PageHeader
      title="Governance"
      subtitle="Who does what between Internal IT and the partner, how problems escalate, and what is open"
      actions={
        <button
          type="button"
          className="btn btn-primary"
          disabled={!data || busy}
          aria-busy={busy}
          onClick={() => {
            if (!data) return;
            setBusy(true);
            void exportAppendixPdf(s, data.workspace.id).finally(() => setBusy(false));
          }}
        >
          {busy ? 'Building the appendix…' : 'Export contract appendix (PDF)'}
        </button>
      }
    />
  );
  if (!data || !view || !fq) return header;
  const ws = data.workspace;
  const t = data.tables;
  const csv = (which: GovernanceExport, what: string) => (
    <button type="button" className="btn btn-sm" onClick={() => void exportGovernanceCsv(s, data, which)}>
      Export as CSV<span className="visually-hidden"> ({what})</span>
    </button>
  );

  return (
    <>
      {header}
      <nav className="gov-nav" aria-label="Governance sections">
        <ul>
          {NAV.map((n) => (
            <li key={n.section}>
              <a href={governanceHref(n.section)}>{n.label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Panel
        id="findings"
        title="Findings"
        meta={
          view.findings.length
            ? `${view.findings.length} ${view.findings.length === 1 ? 'finding' : 'findings'} · warnings, nothing is blocked`
            : 'Nothing to fix'
        }
      >
        <FindingsList
          findings={view.findings}
          limit={6}
          emptyText="No findings: every lane has one owner, the ladders and SLAs are complete and no action is overdue."
        />
      </Panel>

      <RaciPanel
        data={data}
        parties={view.parties}
        lanes={view.lanes}
        cells={view.cells}
        check={view.check}
        quarter={fq.quarter}
        focusRequest={raciFocus}
        exportButton={csv('raci', 'RACI matrix')}
      />

      <EscalationPanel
        workspaceId={ws.id}
        steps={t.escalationSteps}
        parties={view.parties}
        exportButton={csv('escalation', 'escalation ladder')}
      />

      <SlaPanel
        data={data}
        parties={view.parties}
        quarter={fq.quarter}
        exportButton={csv('sla-targets', 'SLA targets')}
      />

      <ScorecardPanel data={data} parties={view.parties} quarter={fq.quarter} />

      <RiskPanel workspaceId={ws.id} locale={ws.locale} risks={t.risks} />

      <div className="grid-2">
        <DecisionPanel workspaceId={ws.id} locale={ws.locale} decisions={t.decisions} items={t.roadmapItems} />
        <ActionPanel workspaceId={ws.id} locale={ws.locale} actions={t.actionItems} qbrs={t.qbrs} today={today} />
      </div>
      <p className="muted small gov-foot">
        Quarter in focus: {quarterLabel(fq.quarter)} — the scorecard, SLA attainment and “Save as version” use it;
        change it in the top bar.
      </p>
    </>
  );
}
