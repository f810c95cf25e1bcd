/**
 * The one zustand store: UI state only (which workspace and route, filters, open dialogs, theme
 * override). Records live in IndexedDB and are read with useLiveQuery, never copied here.
 */
import { create } from 'zustand';

export const ROUTES = ['dashboard', 'roadmap', 'budget', 'staffing', 'kpis', 'governance', 'qbr', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export type ThemeChoice = 'system' | 'light' | 'dark';

export type RoadmapSortKey =
  'title' | 'domain' | 'bucket' | 'status' | 'health' | 'start' | 'priority' | 'owner' | 'cost';
export type SortDir = 'asc' | 'desc';

export type DialogState =
  | { kind: 'none' }
  | { kind: 'workspace-new' }
  | { kind: 'workspace-rename'; workspaceId: string }
  | { kind: 'workspace-duplicate'; workspaceId: string }
  | { kind: 'workspace-delete'; workspaceId: string }
  | { kind: 'roadmap-item'; itemId: string | null }
  | { kind: 'import-problems'; fileName: string; problems: { record: string; field: string; reason: string }[] }
  | { kind: 'about' };

export type Toast = { id: number; text: string; tone: 'info' | 'success' | 'error'; undoable: boolean };

export type UiState = {
  workspaceId: string | null;
  route: Route;
  /** Quarter in focus, `YYYY-Qn`; null = the workspace's default (latest with data). */
  focusQuarter: string | null;
  theme: ThemeChoice;
  dialog: DialogState;
  toasts: Toast[];
  roadmapSort: { key: RoadmapSortKey; dir: SortDir };
  setWorkspace(id: string | null): void;
  setRoute(route: Route): void;
  setFocusQuarter(q: string | null): void;
  setTheme(t: ThemeChoice): void;
  openDialog(d: DialogState): void;
  closeDialog(): void;
  toast(text: string, tone?: Toast['tone'], undoable?: boolean): void;
  dismissToast(id: number): void;
  setRoadmapSort(key: RoadmapSortKey): void;
};

const THEME_KEY = 'quarterdeck.theme';
const WORKSPACE_KEY = 'quarterdeck.workspace';

function readPref(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writePref(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Preferences are a convenience; private modes may refuse storage.
  }
}

function initialTheme(): ThemeChoice {
  const t = readPref(THEME_KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
}

let toastSeq = 0;

/** Build a store (tests make their own; the app uses `useUi`). */
export function createUiStore() {
  return create<UiState>()((set, get) => ({
    workspaceId: readPref(WORKSPACE_KEY),
    route: 'dashboard',
    focusQuarter: null,
    theme: initialTheme(),
    dialog: { kind: 'none' },
    toasts: [],
    roadmapSort: { key: 'start', dir: 'asc' },
    setWorkspace(id) {
      writePref(WORKSPACE_KEY, id);
      set({ workspaceId: id, focusQuarter: null });
    },
    setRoute(route) {
      set({ route });
    },
    setFocusQuarter(q) {
      set({ focusQuarter: q });
    },
    setTheme(theme) {
      writePref(THEME_KEY, theme === 'system' ? null : theme);
      set({ theme });
    },
    openDialog(dialog) {
      set({ dialog });
    },
    closeDialog() {
      set({ dialog: { kind: 'none' } });
    },
    toast(text, tone = 'info', undoable = false) {
      const id = ++toastSeq;
      // Only the newest undoable toast offers Undo: older ones would undo the wrong edit.
      const rest = get().toasts.map((t) => (undoable ? { ...t, undoable: false } : t));
      set({ toasts: [...rest.slice(-3), { id, text, tone, undoable }] });
    },
    dismissToast(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    setRoadmapSort(key) {
      const cur = get().roadmapSort;
      set({ roadmapSort: { key, dir: cur.key === key && cur.dir === 'asc' ? 'desc' : 'asc' } });
    },
  }));
}

/** The app's UI store. */
export const useUi = createUiStore();
