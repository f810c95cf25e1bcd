/**
 * Roadmap (SPEC §3.3): list, timeline and Now / Next / Later views of the workspace's items over
 * one filter bar; a details panel with each item's cost per quarter; create, edit, delete and
 * reschedule (drag or keyboard), every edit undoable; a Budget impact panel that shows this
 * and next fiscal year's forecasts follow the roadmap at once, and a Skill load panel that does the
 * same for person-days per skill area and quarter.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { fiscalQuarterOf, parseQuarter, quarterMonths } from '../../../../shared/domain/periods';
import type { BudgetContext } from '../../../../shared/domain/budget/summary';
import { budgetImpact } from '../../../../shared/domain/roadmap/budget-impact';
import { itemTotalCost } from '../../../../shared/domain/roadmap/costs';
import { dependencyConflicts } from '../../../../shared/domain/roadmap/dependencies';
import { filterRoadmap, sortRoadmap, statusCounts, type SwimlaneKey } from '../../../../shared/domain/roadmap/filters';
import { ROADMAP_STATUSES } from '../../../../shared/domain/roadmap/schema';
import { runEdit } from '../../app/actions';
import { useWorkspaceTables } from '../../app/data-hooks';
import { useFocusQuarter } from '../../app/focus-quarter';
import { useServices } from '../../app/services';
import { EmptyState } from '../../components/empty-state';
import { STATUS_LABELS } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import type { RoadmapItemRecord } from '../../db/records';
import { deleteRoadmapItem } from '../../db/repos/roadmap';
import { useUi } from '../../state/store';
import { BudgetImpactPanel } from './budget-impact-panel';
import { DependencyWarnings } from './dependency-warnings';
import { ItemDetails } from './item-details';
import { RoadmapFilters } from './roadmap-filters';
import { RoadmapHorizons } from './roadmap-horizons';
import { RoadmapList } from './roadmap-list';
import { RoadmapTimeline } from './roadmap-timeline';
import { SkillLoadPanel } from './skill-load-panel';
import { useRoadmapMoves } from './use-roadmap-moves';
import {
  NO_FILTER,
  ROADMAP_VIEWS,
  SWIMLANE_LABELS,
  VIEW_LABELS,
  hashForView,
  toRoadmapFilter,
  viewFromHash,
  type FilterFields,
  type RoadmapView,
} from './view-state';
import './roadmap.css';

const DETAILS_ID = 'rm-details';
const TABLES = ['roadmapItems', 'parties', 'budgetLines', 'skillAreas', 'people'] as const;

/** The roadmap view named in the address (`#/roadmap/timeline`), following back/forward. */
function useRoadmapView(): [RoadmapView, (v: RoadmapView) => void] {
  const [view, setView] = useState<RoadmapView>(() => viewFromHash(location.hash));
  useEffect(() => {
    const sync = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  const choose = useCallback((v: RoadmapView) => {
    setView(v);
    if (location.hash !== hashForView(v)) location.hash = hashForView(v);
  }, []);
  return [view, choose];
}

function ViewTabs({ view, onChange }: { view: RoadmapView; onChange(v: RoadmapView): void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const k = ROADMAP_VIEWS.indexOf(view);
    const next =
      e.key === 'ArrowRight'
        ? ROADMAP_VIEWS[(k + 1) % ROADMAP_VIEWS.length]
        : e.key === 'ArrowLeft'
          ? ROADMAP_VIEWS[(k + ROADMAP_VIEWS.length - 1) % ROADMAP_VIEWS.length]
          : e.key === 'Home'
            ? ROADMAP_VIEWS[0]
            : e.key === 'End'
              ? ROADMAP_VIEWS[ROADMAP_VIEWS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    document.getElementById(`rm-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Roadmap views" className="rm-tabs">
      {ROADMAP_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`rm-tab-${v}`}
          aria-selected={v === view}
          aria-controls="rm-view-panel"
          tabIndex={v === view ? 0 : -1}
          className="rm-tab"
          onClick={() => onChange(v)}
          onKeyDown={onKeyDown}
        >
          {VIEW_LABELS[v]}
        </button>
      ))}
    </div>
  );
}

export function RoadmapPage() {
  const s = useServices();
  const data = useWorkspaceTables(TABLES);
  const fq = useFocusQuarter();
  const sort = useUi((st) => st.roadmapSort);
  const setSort = useUi((st) => st.setRoadmapSort);
  const openDialog = useUi((st) => st.openDialog);
  const [view, setView] = useRoadmapView();
  const [filter, setFilterState] = useState<FilterFields>(NO_FILTER);
  const [swimlane, setSwimlane] = useState<SwimlaneKey>('domain');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const ws = data?.workspace;
  const items = data?.tables.roadmapItems;
  const parties = data?.tables.parties;
  const lines = data?.tables.budgetLines;
  const skillAreas = data?.tables.skillAreas;
  const people = data?.tables.people;
  const fs = ws?.fiscalYearStartMonth ?? 1;
  const locale = ws?.locale ?? 'en-US';
  const fmt = useMemo(() => ({ locale, currency: ws?.currency ?? 'USD' }), [locale, ws?.currency]);
  const focusQuarter = fq?.quarter ?? fiscalQuarterOf(s.ctx.now().slice(0, 7), fs);
  const refMonth = quarterMonths(focusQuarter, fs)[0] ?? s.ctx.now().slice(0, 7);
  const fiscalYear = parseQuarter(focusQuarter).year;

  // Long party names take their short form in the dense views (e.g. "Harborline").
  const partyName = useMemo(
    () => new Map((parties ?? []).map((p) => [p.id, p.name.length <= 18 || !p.shortName ? p.name : p.shortName])),
    [parties],
  );
  const partyOrder = useMemo(() => (parties ?? []).map((p) => p.id), [parties]);
  const titleOf = useMemo(() => new Map((items ?? []).map((i) => [i.id, i.title])), [items]);
  const conflicts = useMemo(() => (items ? dependencyConflicts(items) : []), [items]);
  const conflictIds = useMemo(() => new Set(conflicts.map((c) => c.itemId)), [conflicts]);
  const budget = useMemo<BudgetContext | null>(
    () => (items && lines ? { fiscalStartMonth: fs, lines, items } : null),
    [items, lines, fs],
  );
  const impact = useMemo(() => (budget ? budgetImpact(budget, fiscalYear) : null), [budget, fiscalYear]);
  // The skill load reads the same live rows as the budget figures, so a move shows in both at once.
  const skillInput = useMemo(
    () => (items && skillAreas && people ? { fiscalStartMonth: fs, items, areas: skillAreas, people } : null),
    [items, skillAreas, people, fs],
  );
  const moves = useRoadmapMoves(fiscalYear, fmt, locale);
  // The last move stands while the item is still where the move put it (undo or an edit ends it).
  const lastMove =
    moves.lastMove &&
    items?.some((i) => i.id === moves.lastMove?.itemId && i.startMonth === moves.lastMove.to.startMonth)
      ? moves.lastMove
      : null;

  const filtered = useMemo(() => (items ? filterRoadmap(items, toRoadmapFilter(filter)) : []), [items, filter]);
  const rows = useMemo(() => {
    if (sort.key === 'owner' || sort.key === 'cost') {
      const sign = sort.dir === 'asc' ? 1 : -1;
      const val = (i: RoadmapItemRecord) =>
        sort.key === 'owner' ? (partyName.get(i.ownerPartyId) ?? '') : itemTotalCost(i).total;
      return [...filtered].sort((a, b) => {
        const va = val(a);
        const vb = val(b);
        const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
        return sign * c || a.startMonth.localeCompare(b.startMonth) || a.title.localeCompare(b.title);
      });
    }
    return sortRoadmap(filtered, sort.key, sort.dir);
  }, [filtered, sort, partyName]);

  const selected = selectedId ? (items?.find((i) => i.id === selectedId) ?? null) : null;
  const readOnly = !!s.readOnlyReason;
  const newItem = () => openDialog({ kind: 'roadmap-item', itemId: null });
  const onEdit = (item: RoadmapItemRecord) => openDialog({ kind: 'roadmap-item', itemId: item.id });
  const onDelete = (item: RoadmapItemRecord) =>
    void runEdit(s, () => deleteRoadmapItem(s.db, item.id), { toast: `Deleted “${item.title}”`, undoable: true });
  const onMove = (item: RoadmapItemRecord, delta: number) => moves.move(item, delta);
  const onSelect = (id: string) => {
    setSelectedId(id);
    const title = titleOf.get(id);
    if (title) moves.announce(`Details of “${title}” shown beside the ${view === 'list' ? 'list' : 'view'}.`);
  };

  const closeDetails = () => {
    const id = selectedId;
    setSelectedId(null);
    // Focus goes back to what opened the details (the row's title, the bar or the card).
    if (id) {
      for (const el of document.querySelectorAll<HTMLElement>('[data-select-id]')) {
        if (el.dataset.selectId === id) {
          el.focus();
          break;
        }
      }
    }
  };

  const header = (
    <PageHeader
      title="Roadmap"
      subtitle={
        items
          ? `${items.length} item${items.length === 1 ? '' : 's'} · Run, Grow, Transform and Protect work across domains`
          : ' '
      }
      actions={
        <button type="button" className="btn btn-primary" onClick={newItem} disabled={readOnly}>
          New roadmap item
        </button>
      }
    />
  );
  if (!data || !items || !ws) return header;

  if (items.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          title="No roadmap items yet"
          action={
            <button type="button" className="btn btn-primary" onClick={newItem} disabled={readOnly}>
              New roadmap item
            </button>
          }
        >
          Add the projects and recurring work you plan: each item carries its domain, bucket, dates, owner and cost, and
          feeds the budget forecast and the QBR deck.
        </EmptyState>
      </>
    );
  }

  const counts = statusCounts(items);
  return (
    <>
      {header}
      {impact ? (
        <BudgetImpactPanel
          impact={impact}
          lastMove={lastMove}
          lineCount={lines?.length ?? 0}
          fmt={fmt}
          locale={locale}
        />
      ) : null}
      <section className="panel rm-main" aria-labelledby="roadmap-list-title">
        <div className="panel-head rm-main-head">
          <h2 id="roadmap-list-title">Items</h2>
          <span className="panel-meta">
            {ROADMAP_STATUSES.filter((st) => counts[st] > 0)
              .map((st) => `${counts[st]} ${STATUS_LABELS[st].toLowerCase()}`)
              .join(' · ')}
          </span>
          <div className="panel-actions">
            {view === 'timeline' ? (
              <div className="field field-inline">
                <label htmlFor="rm-swimlanes">Swimlanes</label>
                <select id="rm-swimlanes" value={swimlane} onChange={(e) => setSwimlane(e.target.value as SwimlaneKey)}>
                  {(Object.keys(SWIMLANE_LABELS) as SwimlaneKey[]).map((k) => (
                    <option key={k} value={k}>
                      {SWIMLANE_LABELS[k]}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <ViewTabs view={view} onChange={setView} />
          </div>
        </div>
        <RoadmapFilters
          filter={filter}
          onChange={(patch) => setFilterState((f) => ({ ...f, ...patch }))}
          parties={(parties ?? []).map((p) => ({ id: p.id, name: partyName.get(p.id) ?? p.name }))}
          shown={filtered.length}
          total={items.length}
        />
        {conflicts.length && view === 'list' ? (
          <p className="notice notice-warn">
            {conflicts.length} dependency warning{conflicts.length === 1 ? '' : 's'}: an item starts before something it
            depends on ends. Affected items are marked “Dependency”.
          </p>
        ) : null}
        <div className={`rm-body${selected ? ' rm-body-details' : ''}`}>
          <div role="tabpanel" id="rm-view-panel" aria-labelledby={`rm-tab-${view}`} className="rm-view">
            {view === 'list' ? (
              <RoadmapList
                rows={rows}
                sort={sort}
                onSort={setSort}
                conflictIds={conflictIds}
                partyName={partyName}
                selectedId={selectedId}
                detailsId={DETAILS_ID}
                fmt={fmt}
                locale={locale}
                readOnly={readOnly}
                onSelect={onSelect}
                onEdit={onEdit}
                onDelete={onDelete}
              />
            ) : view === 'timeline' ? (
              filtered.length === 0 ? (
                <p className="table-empty">No items match these filters.</p>
              ) : (
                <RoadmapTimeline
                  items={filtered}
                  swimlane={swimlane}
                  partyName={partyName}
                  partyOrder={partyOrder}
                  fiscalStartMonth={fs}
                  refMonth={refMonth}
                  focusQuarter={focusQuarter}
                  conflicts={conflicts}
                  selectedId={selectedId}
                  readOnly={readOnly}
                  locale={locale}
                  onSelect={onSelect}
                  onMove={onMove}
                />
              )
            ) : (
              <RoadmapHorizons
                items={filtered}
                focusQuarter={focusQuarter}
                refMonth={refMonth}
                fiscalStartMonth={fs}
                conflictIds={conflictIds}
                partyName={partyName}
                selectedId={selectedId}
                locale={locale}
                onSelect={onSelect}
              />
            )}
            {view !== 'horizons' ? (
              <DependencyWarnings conflicts={conflicts} titleOf={titleOf} onSelect={onSelect} />
            ) : null}
          </div>
          {selected ? (
            <ItemDetails
              id={DETAILS_ID}
              item={selected}
              items={items}
              conflicts={conflicts}
              partyName={partyName}
              fiscalStartMonth={fs}
              fmt={fmt}
              locale={locale}
              readOnly={readOnly}
              onClose={closeDetails}
              onMove={(item, delta) => void onMove(item, delta)}
              onEdit={onEdit}
              onDelete={onDelete}
              onSelect={onSelect}
            />
          ) : null}
        </div>
      </section>
      {/* Below the items: the timeline stays where a drag starts; the table follows the move. */}
      {skillInput ? (
        <SkillLoadPanel
          input={skillInput}
          fiscalYear={fiscalYear}
          focusQuarter={focusQuarter}
          lastMove={lastMove}
          locale={locale}
        />
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {moves.announcement}
      </p>
    </>
  );
}
