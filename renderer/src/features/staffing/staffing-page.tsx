/**
 * Staffing & Sourcing (SPEC §3.5, §4) in three tabs: Team & skills (skills matrix, coverage,
 * single points of failure, people), Costs & partner (cited cost profiles, partner contracts) and
 * Scenarios (the hire vs co-manage comparison). The tab sits in the hash (`#/staffing/scenarios`)
 * so it survives a reload and can be linked to.
 */
import { useCallback, useState, type KeyboardEvent } from 'react';
import { singlePointsOfFailure } from '../../../../shared/domain/staffing/coverage';
import { useWorkspaceTables } from '../../app/data-hooks';
import { PageHeader } from '../../components/page-header';
import { CostsTab } from './costs-tab';
import { ScenariosTab } from './scenarios-tab';
import { StaffingDialogs, type StaffingDialog } from './staffing-dialogs';
import { TeamTab } from './team-tab';
import './staffing.css';

const TABLES = ['people', 'skillAreas', 'costProfiles', 'partnerContracts', 'scenarios', 'parties'] as const;

const TABS = [
  { id: 'team', label: 'Team & skills' },
  { id: 'costs', label: 'Costs & partner' },
  { id: 'scenarios', label: 'Scenarios' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The tab named in the hash (`#/staffing/<tab>`), or null. */
export function tabFromHash(hash: string): TabId | null {
  const part = hash.replace(/^#\/?/, '').split(/[/?]/)[1] ?? '';
  return TABS.find((t) => t.id === part)?.id ?? null;
}

function writeTabToHash(tab: TabId): void {
  const next = tab === 'team' ? '#/staffing' : `#/staffing/${tab}`;
  // replaceState: switching tabs is not a navigation, and no hashchange means no re-routing.
  if (location.hash !== next) history.replaceState(history.state, '', next);
}

export function StaffingPage() {
  const data = useWorkspaceTables(TABLES);
  const [tab, setTab] = useState<TabId>(() => tabFromHash(location.hash) ?? 'team');
  const [dialog, setDialog] = useState<StaffingDialog>({ kind: 'none' });
  const closeDialog = useCallback(() => setDialog({ kind: 'none' }), []);

  const choose = (next: TabId, focus = false) => {
    setTab(next);
    writeTabToHash(next);
    if (focus) document.getElementById(`sm-tab-${next}`)?.focus();
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    const next = TABS[to];
    if (!next) return;
    e.preventDefault();
    choose(next.id, true);
  };

  const spofCount = data && data.tables.people.length > 0 ? singlePointsOfFailure(data).length : 0;
  const header = (
    <PageHeader
      title="Staffing & Sourcing"
      subtitle={
        data
          ? `${data.tables.people.length} people · ${data.tables.skillAreas.length} skill areas · ${data.tables.scenarios.length} scenarios`
          : ' '
      }
    />
  );
  if (!data) return header;

  return (
    <>
      {header}
      <div className="sm-tabs" role="tablist" aria-label="Staffing and sourcing views">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`sm-tab-${t.id}`}
            type="button"
            role="tab"
            className="sm-tab"
            aria-selected={tab === t.id}
            aria-controls={`sm-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
            onKeyDown={onTabKey}
          >
            {t.label}
            {t.id === 'team' && spofCount > 0 ? (
              <>
                <span className="sm-tab-count" aria-hidden="true">
                  {spofCount}
                </span>
                <span className="visually-hidden">
                  {` (${spofCount} single point${spofCount === 1 ? '' : 's'} of failure)`}
                </span>
              </>
            ) : null}
          </button>
        ))}
      </div>
      <div className="sm-panel stack" role="tabpanel" id={`sm-panel-${tab}`} aria-labelledby={`sm-tab-${tab}`}>
        {tab === 'team' ? (
          <TeamTab data={data} open={setDialog} />
        ) : tab === 'costs' ? (
          <CostsTab data={data} open={setDialog} />
        ) : (
          <ScenariosTab data={data} open={setDialog} />
        )}
      </div>
      <StaffingDialogs data={data} dialog={dialog} onClose={closeDialog} />
    </>
  );
}
