/** The eight sections, in navigation order, with their hash paths and shortcuts. */
import type { Route } from '../state/store';

export type RouteInfo = { route: Route; label: string; shortcut: string };

export const ROUTE_LIST: readonly RouteInfo[] = [
  { route: 'dashboard', label: 'Dashboard', shortcut: 'Alt+1' },
  { route: 'roadmap', label: 'Roadmap', shortcut: 'Alt+2' },
  { route: 'budget', label: 'Budget', shortcut: 'Alt+3' },
  { route: 'staffing', label: 'Staffing & Sourcing', shortcut: 'Alt+4' },
  { route: 'kpis', label: 'KPIs', shortcut: 'Alt+5' },
  { route: 'governance', label: 'Governance', shortcut: 'Alt+6' },
  { route: 'qbr', label: 'QBR', shortcut: 'Alt+7' },
  { route: 'settings', label: 'Settings', shortcut: 'Alt+8' },
];

/** `#/roadmap` → 'roadmap'; anything unknown → null. */
export function routeFromHash(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const hit = ROUTE_LIST.find((r) => r.route === name);
  return hit ? hit.route : null;
}

/** The href of a section. */
export function hrefFor(route: Route): string {
  return `#/${route}`;
}

/** The visible name of a section. */
export function labelFor(route: Route): string {
  return ROUTE_LIST.find((r) => r.route === route)?.label ?? route;
}
